/*
 * jobs.h: a loop whose turns do not depend on each other, run on several
 * threads (segmenting the pieces of a large file).  The turns must touch
 * nothing another turn touches; what they share they only read.
 */
#ifndef FOLIO_JOBS_H
#define FOLIO_JOBS_H

#include <stddef.h>

/* A plain-text file this large is segmented and printed on threads. */
#define JOBS_MIN_BYTES	(4 << 20)

/*
 * Calls fn(arg, k) for every k from 0 to n - 1, on at most nthreads
 * threads (this one among them; in order, here, with fewer than 2 or if
 * no thread can be made), and returns when every turn is done.
 */
void	jobs_run(size_t n, void (*fn)(void *, size_t), void *arg,
	    int nthreads);
/* Processors online, at least 1. */
int	jobs_cpus(void);

#endif
