/*
 * scursor.c: the matches of a search in order (see scursor.h).
 *
 * On the source, forward is one search_scan from the place to the end
 * (then from the start to the place); backward scans windows that grow
 * fourfold until one holds a match, and keeps its last.  On block texts,
 * blocks are searched one after the other from the place's block, which
 * is segmented as it is reached.
 */
#include <stdlib.h>
#include <string.h>

#include "passage.h"
#include "scursor.h"
#include "xmalloc.h"

#define SCURSOR_BACK_WINDOW	(1024 * 1024)		/* source bytes */
#define SCURSOR_COUNT_BYTES	(8 * 1024 * 1024)	/* per count step */
#define SCURSOR_COUNT_BLOCKS	256
#define SCURSOR_NEAR		(1024 * 1024)	/* segmented, not windowed */
#define SCURSOR_WIN_BLOCKS	65536	/* a window opened afresh beyond */

struct scursor {
	struct doc	*d;
	struct search	*s;
	int		 texts;		/* search block texts, not the source */
	struct search	*need;		/* a regex: the literal it holds */
	int		 windows;	/* plain text: far blocks in windows */
	struct doc	*win;		/* a window of d (doc_open_at) */
	uint64_t	 vlast;		/* counting: the block verified last */
	int		 have_vlast;
	/* counting */
	struct match	 cur;		/* the match whose index is wanted */
	int		 have_cur;
	long		 total;		/* -1 until counted */
	long		 counted;
	long		 before;	/* matches before cur */
	uint64_t	 at;		/* source byte or block reached */
	int		 limited;
};

/* What a search_fn callback collects. */
struct hit {
	int	found;
	size_t	a, z;
	size_t	stop;		/* forward: the first at or after; back: the
				   last before */
	int	back;
	long	n;
	long	before;
};

/* Forward: the first match at or after h->stop; backward: the last before. */
static int
hit_take(void *arg, size_t a, size_t z)
{
	struct hit	*h = arg;

	if (h->back) {
		if (a >= h->stop)
			return 0;
	} else if (a < h->stop)
		return 1;
	h->found = 1;
	h->a = a;
	h->z = z;
	return h->back;		/* backward: go on, the last one wins */
}

static int
hit_count(void *arg, size_t a, size_t z)
{
	struct hit	*h = arg;

	(void)z;
	h->n++;
	if (a < h->stop)
		h->before++;
	return 1;
}

struct scursor *
scursor_new(struct doc *d, struct search *s)
{
	struct scursor	*c = xcalloc(1, sizeof *c);

	c->d = d;
	c->s = s;
	c->texts = doc_is_rendered(d) ||
	    (doc_convert(d) != NULL && !search_script(s));
	c->windows = !doc_is_rendered(d);
	if (search_is_regex(s) && !c->texts)
		c->need = search_needed(s);
	if (search_is_regex(s) && c->need == NULL)
		c->texts = 1;
	c->total = -1;
	return c;
}

void
scursor_free(struct scursor *c)
{
	if (c == NULL)
		return;
	doc_free(c->win);
	free(c);
}

struct doc *
scursor_doc_at(struct scursor *c, uint64_t off, size_t *block)
{
	if (!c->windows || doc_complete(c->d) ||
	    off < doc_segmented(c->d) + SCURSOR_NEAR) {
		*block = doc_block_at(c->d, off);
		return c->d;
	}
	if (c->win == NULL || doc_base(c->win) > off ||
	    off >= doc_segmented(c->win) + SCURSOR_NEAR ||
	    doc_nblocks(c->win) > SCURSOR_WIN_BLOCKS) {
		doc_free(c->win);
		c->win = doc_open_at(c->d, off);
	}
	*block = doc_block_at(c->win, off);
	return c->win;
}

int
scursor_model_in(struct scursor *c, const struct match *m, struct doc **dp,
    struct pos *from, struct pos *to)
{
	size_t	b;

	if (m->have_pos) {
		*dp = c->d;
		*from = m->from;
		*to = m->to;
		return 0;
	}
	*dp = scursor_doc_at(c, m->src, &b);
	return passage_model(*dp, m->src, m->src_end, from, to) != 0 ? -1 : 0;
}

int
scursor_on_texts(const struct scursor *c)
{
	return c->texts;
}

/* --- On the source ------------------------------------------------------- */

/*
 * A regular expression on the source: each place its literal is found
 * (search_needed) names a block, searched whole once with the expression;
 * its matches go to fn as source ranges, in order.
 */
struct verify {
	struct scursor	*c;
	search_fn	*fn;
	void		*arg;
	uint64_t	*last;		/* the block searched last (source) */
	int		*have_last;
	struct doc	*d;
	size_t		 block;
	int		 stop;
	long		 n;
};

static int
scursor_verified(void *arg, size_t a, size_t z)
{
	struct verify	*v = arg;
	struct pos	 from, to;
	uint64_t	 sa, sz;

	from.block = to.block = (uint32_t)v->block;
	from.off = (uint32_t)a;
	to.off = (uint32_t)z;
	if (passage_source(v->d, from, to, &sa, &sz) != 0)
		return 1;	/* no source: folio's own text */
	v->n++;
	if (!v->fn(v->arg, (size_t)sa, (size_t)sz))
		v->stop = 1;
	return !v->stop;
}

static int
scursor_verify(void *arg, size_t a, size_t z)
{
	struct verify	*v = arg;
	uint64_t	 off;
	int		 cached;

	(void)z;
	v->d = scursor_doc_at(v->c, a, &v->block);
	if (v->block >= doc_nblocks(v->d))
		return 1;
	off = doc_block(v->d, v->block)->off;
	if (*v->have_last && *v->last == off)
		return 1;	/* searched already */
	*v->have_last = 1;
	*v->last = off;
	cached = doc_cached(v->d, v->block);
	if (search_text(v->c->s, doc_text(v->d, v->block), scursor_verified,
	    v) < 0)
		v->c->limited = 1;
	if (!cached)
		doc_forget(v->d, v->block);
	return !v->stop;
}

/*
 * The matches that start in source bytes [from, to) go to fn, in order (a
 * regular expression's may start a little before from, in the block that
 * holds it).  last: the block searched last, kept across calls.
 */
static long
scursor_scan(struct scursor *c, size_t from, size_t to, search_fn *fn,
    void *arg, uint64_t *last, int *have_last)
{
	size_t		 n;
	const char	*src = doc_source(c->d, &n);
	struct verify	 v;
	uint64_t	 l = 0;
	int		 hl = 0;

	if (c->need == NULL)
		return search_scan(c->s, src, n, from, to, fn, arg);
	memset(&v, 0, sizeof v);
	v.c = c;
	v.fn = fn;
	v.arg = arg;
	v.last = last != NULL ? last : &l;
	v.have_last = have_last != NULL ? have_last : &hl;
	search_scan(c->need, src, n, from, to, scursor_verify, &v);
	return v.n;
}

/* The place as a source byte. */
static uint64_t
scursor_place_src(struct scursor *c, const struct place *pl)
{
	struct text	*t;
	int64_t		 x;

	if (!pl->have_pos || pl->pos.block >= doc_nblocks(c->d))
		return pl->src;
	t = doc_text(c->d, pl->pos.block);
	x = text_src_start(t, pl->pos.off);
	return x >= 0 ? (uint64_t)x : doc_block(c->d, pl->pos.block)->off;
}

/* The source match of a hit. */
static void
scursor_src_match(const struct hit *h, struct match *m)
{
	memset(m, 0, sizeof *m);
	m->src = h->a;
	m->src_end = h->z;
}

static int
scursor_src_forward(struct scursor *c, uint64_t from, struct hit *h,
    int *wrapped)
{
	size_t	n = doc_size(c->d);

	h->stop = from;
	scursor_scan(c, from, n, hit_take, h, NULL, NULL);
	if (!h->found && from > 0) {
		*wrapped = 1;
		h->stop = 0;
		/* a regex's match may start before from, its literal after */
		scursor_scan(c, 0, c->need != NULL ? n : from, hit_take, h,
		    NULL, NULL);
	}
	return h->found;
}

static int
scursor_src_backward(struct scursor *c, uint64_t from, struct hit *h,
    int *wrapped)
{
	size_t		 n, hi, lo, w = SCURSOR_BACK_WINDOW;
	const char	*src = doc_source(c->d, &n);

	uint64_t	 last = 0;
	int		 have_last = 0;
	struct verify	 v;

	(void)src;
	h->back = 1;
	h->stop = from;
	if (c->need != NULL && from < n) {
		/* a match before the place whose literal comes after it */
		memset(&v, 0, sizeof v);
		v.c = c;
		v.fn = hit_take;
		v.arg = h;
		v.last = &last;
		v.have_last = &have_last;
		scursor_verify(&v, from, from);
	}
	for (hi = from; hi > 0 && !h->found; hi = lo, w *= 4) {
		lo = hi > w ? hi - w : 0;
		scursor_scan(c, lo, hi, hit_take, h, &last, &have_last);
	}
	h->stop = (size_t)-1;
	for (hi = n, w = SCURSOR_BACK_WINDOW; hi > from && !h->found; hi = lo,
	    w *= 4) {
		*wrapped = 1;
		lo = hi - from > w ? hi - w : from;
		scursor_scan(c, lo, hi, hit_take, h, NULL, NULL);
	}
	return h->found;
}

/* --- On block texts ------------------------------------------------------ */

/* The place as a model position. */
static struct pos
scursor_place_pos(struct scursor *c, const struct place *pl)
{
	struct pos	 p;
	struct text	*t;

	if (pl->have_pos)
		return pl->pos;
	p.block = (uint32_t)doc_block_at(c->d, pl->src);
	t = doc_text(c->d, p.block);
	p.off = (uint32_t)(t->nruns > 0 ? text_at_src(t, pl->src) : 0);
	return p;
}

/* Searches block i for h; 1 if found.  Notes a match limit. */
static int
scursor_block(struct scursor *c, size_t i, struct hit *h)
{
	if (search_text(c->s, doc_text(c->d, i), hit_take, h) < 0)
		c->limited = 1;
	return h->found;
}

/* The text match of a hit in block i. */
static void
scursor_text_match(struct scursor *c, size_t i, const struct hit *h,
    struct match *m)
{
	memset(m, 0, sizeof *m);
	m->from.block = m->to.block = (uint32_t)i;
	m->from.off = (uint32_t)h->a;
	m->to.off = (uint32_t)h->z;
	m->have_pos = 1;
	if (passage_source(c->d, m->from, m->to, &m->src, &m->src_end) != 0) {
		/* white space alone: where it is, else the block's start */
		int64_t	s = text_src_start(doc_text(c->d, i), h->a);

		m->src = m->src_end = s >= 0 ? (uint64_t)s :
		    doc_block(c->d, i)->off;
	}
}

static int
scursor_text_forward(struct scursor *c, struct pos p, struct match *m,
    int *wrapped)
{
	struct hit	h;
	size_t		i;

	for (i = p.block; doc_has_block(c->d, i); i++) {
		memset(&h, 0, sizeof h);
		h.stop = i == p.block ? p.off : 0;
		if (scursor_block(c, i, &h))
			return scursor_text_match(c, i, &h, m), 1;
	}
	*wrapped = 1;
	for (i = 0; i <= p.block && i < doc_nblocks(c->d); i++) {
		memset(&h, 0, sizeof h);
		if (scursor_block(c, i, &h))
			return scursor_text_match(c, i, &h, m), 1;
	}
	return 0;
}

static int
scursor_text_backward(struct scursor *c, struct pos p, struct match *m,
    int *wrapped)
{
	struct hit	h;
	size_t		i;

	for (i = p.block + 1; i-- > 0;) {
		memset(&h, 0, sizeof h);
		h.back = 1;
		h.stop = i == p.block ? p.off : (size_t)-1;
		if (scursor_block(c, i, &h))
			return scursor_text_match(c, i, &h, m), 1;
	}
	*wrapped = 1;
	doc_segment_all(c->d);
	for (i = doc_nblocks(c->d); i-- > p.block;) {
		memset(&h, 0, sizeof h);
		h.back = 1;
		h.stop = (size_t)-1;
		if (scursor_block(c, i, &h))
			return scursor_text_match(c, i, &h, m), 1;
	}
	return 0;
}

/* --- Finding ------------------------------------------------------------- */

int
scursor_find(struct scursor *c, const struct place *pl, int dir,
    struct match *m, int *wrapped)
{
	struct hit	h;
	int		found, limited = c->limited;

	*wrapped = 0;
	if (doc_nblocks(c->d) == 0 && !doc_has_block(c->d, 0))
		return 0;
	if (c->texts) {
		struct pos p = scursor_place_pos(c, pl);

		c->limited = 0;
		found = dir > 0 ? scursor_text_forward(c, p, m, wrapped) :
		    scursor_text_backward(c, p, m, wrapped);
		if (!found && c->limited)
			return -1;
		c->limited |= limited;
		return found;
	}
	memset(&h, 0, sizeof h);
	h.stop = 0;
	found = dir > 0 ? scursor_src_forward(c, scursor_place_src(c, pl), &h,
	    wrapped) : scursor_src_backward(c, scursor_place_src(c, pl), &h,
	    wrapped);
	if (found)
		scursor_src_match(&h, m);
	return found;
}

int
scursor_step(struct scursor *c, const struct match *m, int dir,
    struct match *next, int *wrapped)
{
	struct place	pl;

	memset(&pl, 0, sizeof pl);
	if (c->texts && m->have_pos) {
		pl.have_pos = 1;
		pl.pos = m->from;
		if (dir > 0)
			pl.pos.off++;
	} else
		pl.src = dir > 0 ? m->src + 1 : m->src;
	return scursor_find(c, &pl, dir, next, wrapped);
}

int
scursor_model(struct scursor *c, struct match *m)
{
	if (m->have_pos)
		return 0;
	if (passage_model(c->d, m->src, m->src_end, &m->from, &m->to) != 0)
		return -1;
	m->have_pos = 1;
	return 0;
}

/* --- Counting ------------------------------------------------------------ */

void
scursor_count_begin(struct scursor *c, const struct match *cur)
{
	c->have_cur = cur != NULL;
	if (cur != NULL)
		c->cur = *cur;
	c->total = -1;
	c->counted = 0;
	c->before = 0;
	c->at = 0;
	c->limited = 0;
	c->have_vlast = 0;
}

/* Is text match [a, .) of block i before the current match? */
static int
scursor_before_cur(const struct scursor *c, size_t i, size_t a)
{
	if (!c->have_cur || !c->cur.have_pos)
		return 0;
	return i < c->cur.from.block ||
	    (i == c->cur.from.block && a < c->cur.from.off);
}

struct count {
	struct scursor	*c;
	size_t		 block;
};

static int
scursor_count_text(void *arg, size_t a, size_t z)
{
	struct count	*k = arg;

	(void)z;
	k->c->counted++;
	k->c->before += scursor_before_cur(k->c, k->block, a);
	return 1;
}

int
scursor_count_step(struct scursor *c)
{
	size_t		 n, i, end;
	const char	*src;
	struct hit	 h;
	struct count	 k;

	if (c->total >= 0)
		return 0;
	if (c->texts) {
		k.c = c;
		for (i = (size_t)c->at; i < c->at + SCURSOR_COUNT_BLOCKS &&
		    doc_has_block(c->d, i); i++) {
			k.block = i;
			if (search_text(c->s, doc_text(c->d, i),
			    scursor_count_text, &k) < 0)
				c->limited = 1;
		}
		c->at = i;
		if (doc_has_block(c->d, i))
			return 1;
	} else {
		src = doc_source(c->d, &n);
		memset(&h, 0, sizeof h);
		h.stop = c->have_cur ? c->cur.src : 0;
		end = c->at + SCURSOR_COUNT_BYTES;
		(void)src;
		scursor_scan(c, c->at, end, hit_count, &h, &c->vlast,
		    &c->have_vlast);
		c->counted += h.n;
		c->before += h.before;
		c->at = end;
		if (end < n)
			return 1;
	}
	c->total = c->counted;
	return 0;
}

long
scursor_total(const struct scursor *c)
{
	return c->total;
}

long
scursor_counted(const struct scursor *c)
{
	return c->counted;
}

long
scursor_index(const struct scursor *c)
{
	return c->total >= 0 && c->have_cur ? c->before + 1 : 0;
}

int
scursor_limited(const struct scursor *c)
{
	return c->limited;
}

/* --- Every match --------------------------------------------------------- */

struct each {
	struct scursor	*c;
	size_t		 block;
	scursor_fn	*fn;
	void		*arg;
	long		 n;
	int		 stop;
};

static int
scursor_each_src(void *arg, size_t a, size_t z)
{
	struct each	*e = arg;
	struct match	 m;

	memset(&m, 0, sizeof m);
	m.src = a;
	m.src_end = z;
	e->n++;
	if (!e->fn(e->arg, &m))
		e->stop = 1;
	return !e->stop;
}

static int
scursor_each_text(void *arg, size_t a, size_t z)
{
	struct each	*e = arg;
	struct hit	 h;
	struct match	 m;

	memset(&h, 0, sizeof h);
	h.a = a;
	h.z = z;
	scursor_text_match(e->c, e->block, &h, &m);
	e->n++;
	if (!e->fn(e->arg, &m))
		e->stop = 1;
	return !e->stop;
}

long
scursor_each(struct scursor *c, scursor_fn *fn, void *arg)
{
	struct each	 e;
	size_t		 i;

	memset(&e, 0, sizeof e);
	e.c = c;
	e.fn = fn;
	e.arg = arg;
	if (!c->texts) {
		scursor_scan(c, 0, doc_size(c->d), scursor_each_src, &e, NULL,
		    NULL);
		return e.n;
	}
	for (i = 0; !e.stop && doc_has_block(c->d, i); i++) {
		e.block = i;
		if (search_text(c->s, doc_text(c->d, i), scursor_each_text,
		    &e) < 0)
			c->limited = 1;
	}
	return e.n;
}
