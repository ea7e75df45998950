/* print.h: the non-interactive commands, --dump, --toc and --grep. */
#ifndef FOLIO_PRINT_H
#define FOLIO_PRINT_H

#include <stdio.h>

#include "doc.h"

/* Prints the document laid out at width; returns 0, or -1 on a write error. */
int	print_dump(struct doc *, int width, int ambiguous, FILE *);
/* Prints the outline, two spaces of indent per level below the top. */
int	print_toc(struct doc *, FILE *);

struct search;
/*
 * --grep: one line per match (NAME:LINE: section: text as shown), then
 * the count; with count, the count alone (--count).  Returns the number
 * of matches, -1 on a write error.
 */
long	print_grep(struct doc *, struct search *, const char *name,
	    int count, FILE *);

#endif
