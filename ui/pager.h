/* pager.h: the full-screen reader. */
#ifndef FOLIO_PAGER_H
#define FOLIO_PAGER_H

#include "doc.h"
#include "options.h"

/*
 * Runs the reader on a terminal over n documents already open (the
 * files of the command line; a NULL path is standard input); returns the
 * exit status.  R (reload) may replace a document: docs[i] is the one to
 * free afterwards.
 */
int	pager_run(struct doc **docs, const char **paths, size_t n,
	    const struct options *);
/* The terminal's width if standard output is one, else fallback. */
int	pager_terminal_width(int fallback);
/* Restores the terminal if the pager had taken it (for fatal errors). */
void	pager_emergency_stop(void);

#endif
