/* dump.c: printing a whole document laid out (--dump), on threads for a
 * large plain-text file (see dump.h). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "dump.h"
#include "jobs.h"
#include "layout.h"
#include "sanitize.h"
#include "text.h"
#include "xmalloc.h"

/*
 * Printing.  Blocks [first, end) into out, each laid out once and its text
 * dropped after (and the one before, which the blank line between may have
 * built again); gap < 0: the blank line before first is decided here (and
 * the block before is dropped too), else it is gap.
 */
static void
dump_blocks(struct doc *d, const struct layout_opts *lo, size_t first,
    size_t end, int gap, struct lines *ls, struct buf *out)
{
	size_t	i, j;

	for (i = first; i < end; i++) {
		ls->n = 0;
		layout_block_gap(d, i, lo, i == first && gap >= 0 ? gap :
		    layout_gap(d, i), ls);
		for (j = 0; j < ls->n; j++) {
			layout_line_text(d, &ls->v[j], lo->ambiguous, out);
			buf_addc(out, '\n');
		}
		doc_forget(d, i);
		if (i > first || (gap < 0 && i > 0))
			doc_forget(d, i - 1);
	}
}

/*
 * A large plain-text document is printed by several threads: the blocks
 * in batches of about DUMP_BATCH source bytes, each laid out whole by one
 * thread into its own buffer, written in order by the caller's thread, at
 * most DUMP_AHEAD batches per thread ahead of the writing.  A batch's
 * first blank line is decided before the threads start (it looks at the
 * block before, another batch's); texts of different blocks are built
 * apart (doc_independent); the tables text analysis fills on first use
 * are filled first (text_prepare, sanitize_prepare).  Not jobs_run: its
 * rounds leave the threads idle while a round is written and the slowest
 * batch ends (10-15% slower on the 100 MB files); here the writing goes
 * on beside the laying out.
 */
#define DUMP_BATCH	(512 * 1024)
#define DUMP_AHEAD	8
#define DUMP_THREADS	4

struct dump_batch {
	size_t		 first, end;	/* blocks */
	int		 gap;		/* a blank line before first */
	int		 done;
	struct buf	 out;
};

struct dump {
	struct doc			*d;
	const struct layout_opts	*lo;
	struct dump_batch		*v;
	size_t				 n;
	size_t				 next;		/* the next to take */
	size_t				 written;	/* batches written */
	size_t				 ahead;
	int				 stop;
	pthread_mutex_t			 lock;
	pthread_cond_t			 cond;
};

static void *
dump_worker(void *arg)
{
	struct dump		*u = arg;
	struct dump_batch	*b;
	struct lines		 ls = { NULL, 0, 0 };

	pthread_mutex_lock(&u->lock);
	while (!u->stop && u->next < u->n) {
		if (u->next >= u->written + u->ahead) {
			pthread_cond_wait(&u->cond, &u->lock);
			continue;
		}
		b = &u->v[u->next++];
		pthread_mutex_unlock(&u->lock);
		dump_blocks(u->d, u->lo, b->first, b->end, b->gap, &ls,
		    &b->out);
		pthread_mutex_lock(&u->lock);
		b->done = 1;
		pthread_cond_broadcast(&u->cond);
	}
	pthread_mutex_unlock(&u->lock);
	lines_free(&ls);
	return NULL;
}

/* The batches, and the blank line before each; 0 if fewer than two. */
static size_t
dump_batches(struct doc *d, struct dump_batch **v)
{
	size_t	i, n = 0, cap = 0;
	uint64_t from = 0;

	*v = NULL;
	for (i = 0; i < doc_nblocks(d); i++) {
		if (i > 0 && doc_block(d, i)->off - from < DUMP_BATCH)
			continue;
		*v = xgrow(*v, &cap, n + 1, sizeof **v);
		memset(&(*v)[n], 0, sizeof **v);
		(*v)[n].first = i;
		if (n > 0)
			(*v)[n - 1].end = i;
		from = doc_block(d, i)->off;
		n++;
	}
	if (n > 0)
		(*v)[n - 1].end = doc_nblocks(d);
	if (n < 2)
		return n;
	for (i = 0; i < n; i++) {
		(*v)[i].gap = layout_gap(d, (*v)[i].first);
		buf_init(&(*v)[i].out);
		if ((*v)[i].first > 0)
			doc_forget(d, (*v)[i].first - 1);
		doc_forget(d, (*v)[i].first);
	}
	return n;
}

/* Writes the batches in order as they are done; -1 if writing fails. */
static int
dump_write_batches(struct dump *u, FILE *f)
{
	struct dump_batch	*b;
	size_t			 k;
	int			 rc = 0;

	for (k = 0; k < u->n && rc == 0; k++) {
		b = &u->v[k];
		pthread_mutex_lock(&u->lock);
		while (!b->done)
			pthread_cond_wait(&u->cond, &u->lock);
		pthread_mutex_unlock(&u->lock);
		if (b->out.len > 0 && fwrite(b->out.s, 1, b->out.len, f) !=
		    b->out.len)
			rc = -1;
		buf_free(&b->out);
		pthread_mutex_lock(&u->lock);
		u->written = k + 1;
		u->stop = rc != 0;
		pthread_cond_broadcast(&u->cond);
		pthread_mutex_unlock(&u->lock);
	}
	return rc;
}

/* -1 if writing fails, 1 if the document is not for threads. */
static int
dump_threads(struct doc *d, const struct layout_opts *lo, FILE *f,
    int nthreads)
{
	struct dump	u;
	pthread_t	tid[DUMP_THREADS];
	int		k, started = 0, rc;

	if (nthreads < 2 || !doc_independent(d))
		return 1;
	memset(&u, 0, sizeof u);
	text_prepare(lo->ambiguous);
	sanitize_prepare();
	if ((u.n = dump_batches(d, &u.v)) < 2) {
		free(u.v);	/* no blank line decided, no text built */
		return 1;
	}
	u.d = d;
	u.lo = lo;
	if (nthreads > DUMP_THREADS)
		nthreads = DUMP_THREADS;
	u.ahead = (size_t)nthreads * DUMP_AHEAD;
	pthread_mutex_init(&u.lock, NULL);
	pthread_cond_init(&u.cond, NULL);
	for (k = 0; k < nthreads; k++)
		started += pthread_create(&tid[started], NULL,
		    dump_worker, &u) == 0;
	rc = started > 0 ? dump_write_batches(&u, f) : 1;	/* no thread:
								   one */
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	for (size_t i = 0; i < u.n; i++)
		buf_free(&u.v[i].out);
	free(u.v);
	pthread_cond_destroy(&u.cond);
	pthread_mutex_destroy(&u.lock);
	return rc;
}

int
dump_doc_with(struct doc *d, const struct layout_opts *lo, FILE *f,
    int nthreads)
{
	struct layout_opts	once = *lo;
	struct lines		ls = { NULL, 0, 0 };
	struct buf		out;
	size_t			i, to;
	int			rc;

	once.once = 1;
	if ((rc = dump_threads(d, &once, f, nthreads)) <= 0)
		return rc == 0 && fflush(f) == 0 && !ferror(f) ? 0 : -1;
	buf_init(&out);
	for (i = 0; i < doc_nblocks(d); i = to) {
		to = i + 256 < doc_nblocks(d) ? i + 256 : doc_nblocks(d);
		dump_blocks(d, &once, i, to, -1, &ls, &out);
		if (out.len >= 65536 || to == doc_nblocks(d)) {
			fwrite(out.s, 1, out.len, f);
			out.len = 0;
		}
	}
	lines_free(&ls);
	buf_free(&out);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

int
dump_doc(struct doc *d, const struct layout_opts *lo, FILE *f)
{
	return dump_doc_with(d, lo, f, doc_size(d) >= JOBS_MIN_BYTES ?
	    jobs_cpus() : 1);
}
