/* pager.h: the full-screen reader. */
#ifndef FOLIO_PAGER_H
#define FOLIO_PAGER_H

#include "doc.h"
#include "options.h"

/*
 * Runs the reader on a terminal; returns the exit status.  path is the
 * file (NULL for standard input), name what to call it.  R (reload) may
 * replace the document: *doc is the one to free afterwards.
 */
int	pager_run(struct doc **, const struct options *, const char *path,
	    const char *name);
/* The terminal's width if standard output is one, else fallback. */
int	pager_terminal_width(int fallback);
/* Restores the terminal if the pager had taken it (for fatal errors). */
void	pager_emergency_stop(void);

#endif
