/* print.h: the non-interactive commands, --dump and --toc. */
#ifndef FOLIO_PRINT_H
#define FOLIO_PRINT_H

#include <stdio.h>

#include "doc.h"

/* Prints the document laid out at width; returns 0, or -1 on a write error. */
int	print_dump(struct doc *, int width, int ambiguous, FILE *);
/* Prints the outline, two spaces of indent per level below the top. */
int	print_toc(struct doc *, FILE *);

struct search;
/* --grep: one line per match, then the count; -1 on a write error. */
long	print_grep(struct doc *, struct search *, FILE *);

#endif
