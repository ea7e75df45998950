/* jobs.c: a loop on several threads (see jobs.h). */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "jobs.h"

#define JOBS_MAX	8

struct jobs {
	void		(*fn)(void *, size_t);
	void		*arg;
	size_t		 n;
	atomic_size_t	 next;
};

static void *
jobs_worker(void *p)
{
	struct jobs	*j = p;
	size_t		 k;

	while ((k = atomic_fetch_add(&j->next, 1)) < j->n)
		j->fn(j->arg, k);
	return NULL;
}

void
jobs_run(size_t n, void (*fn)(void *, size_t), void *arg, int nthreads)
{
	struct jobs	j;
	pthread_t	tid[JOBS_MAX];
	int		k, started = 0;

	j.fn = fn;
	j.arg = arg;
	j.n = n;
	atomic_init(&j.next, 0);
	if (nthreads > JOBS_MAX)
		nthreads = JOBS_MAX;
	for (k = 1; k < nthreads && (size_t)k < n; k++)
		started += pthread_create(&tid[started], NULL, jobs_worker,
		    &j) == 0;
	jobs_worker(&j);
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
}

int
jobs_cpus(void)
{
	long	n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (n < JOBS_MAX ? (int)n : JOBS_MAX) : 1;
}
