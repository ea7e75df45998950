/*
 * find.c: search in the reader.
 *
 * A literal search finds its next match with search_scan() on the raw
 * source, which needs no block to be built or even segmented, then turns
 * the match into a position of the model: the block holding it (from the
 * view, which may show the end of a large file from a tail document) and
 * the k-th match in that block's text, where k is the number of matches
 * between the block's start and the match in the source.  A regular
 * expression searches block texts instead.  The count (k/N) is made in
 * steps while the reader waits for keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "search.h"
#include "ui.h"

#define FIND_COUNT_STEP		(8 * 1024 * 1024)	/* source bytes */
#define FIND_COUNT_BLOCKS	256			/* regex: blocks */
#define FIND_BACK_WINDOW	(1024 * 1024)

struct hit {
	int	found;
	size_t	a, b;
	long	n;
	int	all;	/* hit_record: keep going, the last one wins */
	size_t	stop;	/* count the matches starting before this */
	long	before;
};

/* Records a match; goes on (the last one wins) only if h->all. */
static int
hit_record(void *arg, size_t a, size_t b)
{
	struct hit	*h = arg;

	h->found = 1;
	h->a = a;
	h->b = b;
	return h->all;
}

static int
hit_count(void *arg, size_t a, size_t b)
{
	struct hit	*h = arg;

	h->n++;
	if (a < h->stop)
		h->before++;
	return 1;
}

/* The first match at or after h->stop. */
static int
hit_after(void *arg, size_t a, size_t b)
{
	struct hit	*h = arg;

	if (a < h->stop)
		return 1;
	h->found = 1;
	h->a = a;
	h->b = b;
	return 0;
}

/* The last match before h->stop. */
static int
hit_before(void *arg, size_t a, size_t b)
{
	struct hit	*h = arg;

	if (a >= h->stop)
		return 0;
	h->found = 1;
	h->a = a;
	h->b = b;
	return 1;
}

/* The k-th match (from 0) of a text, or the last one if fewer. */
static int
hit_kth(void *arg, size_t a, size_t b)
{
	struct hit	*h = arg;

	h->found = 1;
	h->a = a;
	h->b = b;
	return h->n-- > 0;
}

static void
find_restart_count(struct find *f)
{
	f->total = -1;
	f->index = 0;
	f->counted = 0;
	f->before = 0;
	f->count_at = 0;
	f->gen++;
}

/* Literal: the first match from source byte from in direction dir. */
static int
find_scan(struct pager *p, size_t from, int dir, struct hit *h, int *wrapped)
{
	size_t		 n, hi, lo, w = FIND_BACK_WINDOW;
	const char	*src = doc_source(p->d, &n);

	memset(h, 0, sizeof *h);
	*wrapped = 0;
	if (dir > 0) {
		search_scan(p->find.s, src, n, from, n, hit_record, h);
		if (!h->found && from > 0) {
			*wrapped = 1;
			search_scan(p->find.s, src, n, 0, from, hit_record, h);
		}
		return h->found;
	}
	h->all = 1;	/* backward: the last match of each window */
	for (hi = from; hi > 0 && !h->found; hi = lo, w *= 4) {
		lo = hi > w ? hi - w : 0;
		search_scan(p->find.s, src, n, lo, hi, hit_record, h);
	}
	for (hi = n, w = FIND_BACK_WINDOW; hi > from && !h->found; hi = lo,
	    w *= 4) {
		*wrapped = 1;
		lo = hi - from > w ? hi - w : from;
		search_scan(p->find.s, src, n, lo, hi, hit_record, h);
	}
	return h->found;
}

/* Is [start, end) of block b of d on the screen? */
static int
find_visible(struct pager *p, struct doc *d, size_t b, uint32_t start)
{
	const struct line	*l;
	size_t			 n, i;

	if (view_doc(p->v) != d)
		return 0;
	l = view_lines(p->v, &n);
	for (i = 0; i < n; i++)
		if (l[i].block == b && l[i].kind == LINE_TEXT &&
		    l[i].start <= start && start < l[i].end)
			return 1;
	return 0;
}

int
find_visible_pos(struct pager *p, size_t b, uint32_t off)
{
	return find_visible(p, view_doc(p->v), b, off);
}

/* Makes a match found in the source the current one, and shows it. */
static void
find_show_source(struct pager *p, size_t a, size_t z)
{
	struct find	*f = &p->find;
	size_t		 b, n;
	struct doc	*d = view_locate(p->v, a, &b);
	const struct block *blk = doc_block(d, b);
	const char	*src = doc_source(p->d, &n);
	struct hit	 h;
	struct pos	 pos;

	memset(&h, 0, sizeof h);
	search_scan(f->s, src, n, blk->off, a, hit_count, &h);
	h.found = 0;
	search_text(f->s, doc_text(d, b), hit_kth, &h);
	f->have = 1;
	f->src = a;
	f->src_end = z;
	f->block_off = blk->off;
	f->start = h.found ? (uint32_t)h.a : 0;
	f->end = h.found ? (uint32_t)h.b : 0;
	f->gen++;
	pos.block = (uint32_t)b;
	pos.off = f->start;
	if (!find_visible(p, d, b, f->start))
		view_goto_in(p->v, d, pos);
}

/* Regular expressions: the next match over the block texts. */
static int
find_regex(struct pager *p, size_t sb, uint32_t soff, int dir, int *wrapped)
{
	struct find	*f = &p->find;
	size_t		 nb, i, k;
	struct hit	 h;

	doc_segment_all(p->d);
	view_sync(p->v);
	nb = doc_nblocks(p->d);
	*wrapped = 0;
	for (k = 0; k <= nb; k++) {
		i = dir > 0 ? (sb + k) % nb : (sb + nb - k % nb) % nb;
		if (k > 0 && (dir > 0 ? i == 0 : i == nb - 1))
			*wrapped = 1;
		memset(&h, 0, sizeof h);
		h.stop = k == 0 ? soff : dir > 0 ? 0 : (size_t)-1;
		if (search_text(f->s, doc_text(p->d, i), dir > 0 ? hit_after :
		    hit_before, &h) < 0)
			pager_message(p, "the expression hit its match limit "
			    "in a paragraph");
		if (h.found) {
			struct pos pos = { (uint32_t)i, (uint32_t)h.a };

			f->have = 1;
			f->block_off = doc_block(p->d, i)->off;
			f->src = f->src_end = f->block_off;
			f->start = (uint32_t)h.a;
			f->end = (uint32_t)h.b;
			f->gen++;
			if (!find_visible(p, p->d, i, f->start))
				view_goto(p->v, pos);
			return 1;
		}
	}
	return 0;
}

/* Finds and shows the next match from a place; returns 0 if none. */
static int
find_go(struct pager *p, int dir, int *wrapped)
{
	struct find	*f = &p->find;
	struct hit	 h;
	size_t		 from, b;
	struct doc	*d = view_doc(p->v);

	b = view_top_block(p->v);
	if (f->s == NULL || doc_nblocks(d) == 0)
		return 0;
	if (search_is_regex(f->s) || doc_is_rendered(p->d)) {
		size_t sb = f->have ? doc_block_at(p->d, f->block_off) :
		    doc_block_at(p->d, doc_block(d, b)->off);
		uint32_t off = f->have ? (dir > 0 ? f->end : f->start) : 0;

		return find_regex(p, sb, off, dir, wrapped);
	}
	from = f->have ? (dir > 0 ? f->src + 1 : f->src) :
	    doc_block(d, b)->off;
	if (!find_scan(p, from, dir, &h, wrapped))
		return 0;
	find_show_source(p, h.a, h.b);
	return 1;
}

static void
find_drop(struct find *f)
{
	search_free(f->s);
	f->s = NULL;
	f->have = 0;
	f->pattern[0] = '\0';
	find_restart_count(f);
}

/* The search as typed so far, from where the prompt was opened. */
struct find_origin {
	struct doc	*d;
	struct pos	 pos;
};
static struct find_origin find_origin;

static void
find_changed(struct pager *p, struct prompt *pr)
{
	struct find	*f = &p->find;
	char		*cause = NULL;
	int		 wrapped;

	pr->error[0] = '\0';
	find_drop(f);
	view_goto_in(p->v, find_origin.d, find_origin.pos);
	if (pr->len == 0)
		return;
	f->s = search_new(pr->buf, find_flags(p, pr->regex), &cause);
	if (f->s == NULL) {
		snprintf(pr->error, sizeof pr->error, "%s", cause);
		free(cause);
		return;
	}
	snprintf(f->pattern, sizeof f->pattern, "%s", pr->buf);
	f->regex = pr->regex;
	if (!find_go(p, f->dir, &wrapped))
		snprintf(pr->error, sizeof pr->error, "not found");
}

int
find_prompt(struct pager *p, int dir)
{
	struct find	*f = &p->find;
	struct prompt	 pr;
	struct anchor	 a = view_anchor(p->v);
	char		 old[512];
	int		 old_regex = f->regex, rc;

	memset(&pr, 0, sizeof pr);
	pr.label = dir > 0 ? "/" : "?";
	pr.history = &f->history;
	pr.regex = f->regex;
	snprintf(old, sizeof old, "%s", f->pattern);
	find_origin.d = view_doc(p->v);
	find_origin.pos = a.pos;
	f->dir = dir;
	rc = prompt_run(p, &pr, find_changed);
	if (rc == -2)
		return UI_QUIT;
	if (rc < 0) {		/* Esc: back where we were, old search */
		find_drop(f);
		view_goto_in(p->v, find_origin.d, find_origin.pos);
		if (old[0] != '\0') {
			char *cause = NULL;

			f->s = search_new(old, find_flags(p, old_regex), &cause);
			free(cause);
			snprintf(f->pattern, sizeof f->pattern, "%s", old);
			f->regex = old_regex;
		}
		return UI_REDRAW;
	}
	prompt_remember(&f->history, pr.buf);
	if (pr.len == 0)
		return find_clear(p);
	if (f->s == NULL)
		pager_message(p, pr.error[0] ? pr.error : "bad pattern");
	else if (!f->have)
		pager_message(p, "pattern not found");
	return UI_REDRAW;
}

int
find_next(struct pager *p, int dir)
{
	struct find	*f = &p->find;
	int		 d = f->dir * dir, wrapped;

	if (f->s == NULL) {
		pager_message(p, "no search: type / to search");
		return UI_REDRAW;
	}
	if (!find_go(p, d, &wrapped)) {
		pager_message(p, "pattern not found");
		return UI_REDRAW;
	}
	if (wrapped)
		pager_message(p, d > 0 ? "search wrapped to the top" :
		    "search wrapped to the bottom");
	if (f->total >= 0 && f->index > 0)
		f->index = d > 0 ? (wrapped ? 1 : f->index + 1) :
		    (wrapped ? f->total : f->index - 1);
	else
		find_restart_count(f);
	return UI_REDRAW;
}

#define FIND_FW_STEP	(4 * 1024 * 1024)

void
find_fullwidth_step(struct pager *p)
{
	struct find	*f = &p->find;
	size_t		 n, k;
	const char	*src = doc_source(p->d, &n);

	if (f->fullwidth >= 0)
		return;
	k = n - f->fw_at < FIND_FW_STEP + 2 ? n - f->fw_at : FIND_FW_STEP + 2;
	if (search_has_fullwidth(src + f->fw_at, k))
		f->fullwidth = 1;
	else if ((f->fw_at += FIND_FW_STEP) >= n)
		f->fullwidth = 0;
}

int
find_flags(struct pager *p, int regex)
{
	while (p->find.fullwidth < 0)
		find_fullwidth_step(p);
	return (regex ? SEARCH_REGEX : 0) |
	    (p->find.fullwidth ? 0 : SEARCH_HALFWIDTH);
}

int
find_clear(struct pager *p)
{
	find_drop(&p->find);
	return UI_REDRAW;
}

static int
find_count_regex(struct pager *p)
{
	struct find	*f = &p->find;
	size_t		 i, nb;
	struct hit	 h;

	doc_segment_all(p->d);
	nb = doc_nblocks(p->d);
	for (i = f->count_at; i < nb && i < f->count_at + FIND_COUNT_BLOCKS;
	    i++) {
		const struct block *blk = doc_block(p->d, i);

		memset(&h, 0, sizeof h);
		h.stop = blk->off < f->block_off ? (size_t)-1 :
		    blk->off == f->block_off ? f->start : 0;
		search_text(f->s, doc_text(p->d, i), hit_count, &h);
		f->counted += h.n;
		f->before += h.before;
	}
	f->count_at = i;
	return i < nb;
}

int
find_count_step(struct pager *p)
{
	struct find	*f = &p->find;
	size_t		 n;
	const char	*src;
	struct hit	 h;
	int		 more;

	if (f->s == NULL || f->total >= 0)
		return 0;
	if (search_is_regex(f->s) || doc_is_rendered(p->d))
		more = find_count_regex(p);
	else {
		src = doc_source(p->d, &n);
		memset(&h, 0, sizeof h);
		h.stop = f->have ? f->src : 0;
		search_scan(f->s, src, n, f->count_at,
		    f->count_at + FIND_COUNT_STEP, hit_count, &h);
		f->counted += h.n;
		f->before += h.before;
		f->count_at += FIND_COUNT_STEP;
		more = f->count_at < n;
	}
	if (!more) {
		f->total = f->counted;
		f->index = f->have ? f->before + 1 : 0;
	}
	return more;
}

void
find_status(struct pager *p, char *out, size_t size)
{
	struct find	*f = &p->find;

	if (f->s == NULL)
		*out = '\0';
	else if (f->total < 0)
		snprintf(out, size, "[%ld+]", f->counted);
	else if (f->have && f->index > 0)
		snprintf(out, size, "[%ld/%ld]", f->index, f->total);
	else
		snprintf(out, size, "[%ld]", f->total);
}

static int
find_add_span(void *arg, size_t a, size_t b)
{
	text_add_span(arg, (uint32_t)a, (uint32_t)b, STYLE_MATCH, 0);
	return 1;
}

void
find_highlight(struct pager *p, struct doc *d, size_t block, struct text *t)
{
	struct find	*f = &p->find;

	text_clear_style(t, STYLE_MATCH);
	text_clear_style(t, STYLE_CURRENT);
	if (f->s == NULL)
		return;
	search_text(f->s, t, find_add_span, t);
	if (f->have && doc_block(d, block)->off == f->block_off &&
	    f->end > f->start)
		text_add_span(t, f->start, f->end, STYLE_CURRENT, 0);
}

void
find_free(struct pager *p)
{
	int	i;

	find_drop(&p->find);
	for (i = 0; i < p->find.history.n; i++)
		free(p->find.history.v[i]);
}
