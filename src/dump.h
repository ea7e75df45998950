/*
 * dump.h: the whole document laid out, as --dump prints it: one line per
 * screen line, each text laid out once (layout_opts.once) and dropped as
 * it goes, so that memory stays flat.  A plain-text document of
 * JOBS_MIN_BYTES or more is laid out on a thread per processor (at most
 * 4), in batches of about 512 KiB of source written in order.
 */
#ifndef FOLIO_DUMP_H
#define FOLIO_DUMP_H

#include <stdio.h>

struct doc;
struct layout_opts;

/* Writes the document to f; 0, or -1 on a write error. */
int	dump_doc(struct doc *, const struct layout_opts *, FILE *);
/* The same on at most nthreads threads (with 1, or for a document that is
   not for threads, on this one): the same bytes. */
int	dump_doc_with(struct doc *, const struct layout_opts *, FILE *,
	    int nthreads);

#endif
