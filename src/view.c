/*
 * view.c: the viewport (see view.h).
 *
 * The window is the laid-out lines of blocks [wfirst, wend), in order; top
 * indexes the top line in it.  Moving down appends blocks, moving up
 * prepends them; blocks far from the top are dropped again (and their
 * texts forgotten), so the window stays a few screens long wherever the
 * view is.
 */
#include <string.h>

#include <unistr.h>

#include "segment.h"
#include "view.h"
#include "xmalloc.h"

#define VIEW_KEEP	512	/* lines kept beyond a screen either side */
#define VIEW_TAIL_NEAR	(8 * 1024 * 1024) /* "near the end": shown from a tail */

struct view {
	struct doc		*d;	/* the document shown: main or tail */
	struct doc		*main;
	struct doc		*tail;	/* the end, before main is segmented */
	struct layout_opts	 opts;
	int			 rows;
	struct lines		 win;	/* lines of blocks [wfirst, wend) */
	size_t			 wfirst;
	size_t			 wend;
	size_t			 top;	/* index of the top line in win */
	struct anchor		 anchor;
	struct lines		 tmp;	/* one block's lines, for prepending */
};

static void	view_set_anchor(struct view *);
static void	view_relayout(struct view *);

/* Appends the lines of block wend; 0 when there is no such block. */
static int
view_append(struct view *v)
{
	if (!doc_has_block(v->d, v->wend))
		return 0;
	layout_block(v->d, v->wend, &v->opts, &v->win);
	v->wend++;
	return 1;
}

/*
 * Moves the window from the tail document to the same blocks of the main
 * one, segmenting main up to them.  The blocks are the same (segment.h),
 * so only their indices change.
 */
/* The source offset of the anchor's block (the top line's). */
static uint64_t
view_anchor_src(struct view *v)
{
	view_set_anchor(v);
	return doc_has_block(v->d, v->anchor.pos.block) ?
	    doc_block(v->d, v->anchor.pos.block)->off : 0;
}

static void
view_to_main(struct view *v)
{
	size_t		base;
	uint64_t	off;

	if (v->d != v->tail)
		return;
	off = view_anchor_src(v);
	base = doc_block_at(v->main, doc_base(v->tail));
	v->d = v->main;
	if (doc_nblocks(v->main) == 0 ||
	    doc_block(v->main, base)->off != doc_base(v->tail)) {
		/*
		 * A Markdown tail opened on a guess that was wrong, not yet
		 * checked (doc_tail_check): its blocks are not main's; the
		 * same place in the source.
		 */
		v->anchor.pos.block = (uint32_t)doc_block_at(v->main, off);
		v->anchor.pos.off = 0;
		v->anchor.gap = 0;
	} else
		v->anchor.pos.block += (uint32_t)base;
	/* Laid out again: in main, the first tail block has a gap before it. */
	view_relayout(v);
}

int
view_check_tail(struct view *v)
{
	struct pos	p = { 0, 0 };
	uint64_t	off = 0;
	int		shown = v->d == v->tail, at_end = 0;

	if (doc_tail_check(v->main, v->tail) >= 0)
		return 0;
	if (shown) {
		at_end = view_at_end(v);
		off = view_anchor_src(v);
		v->d = v->main;		/* while the tail is away */
	}
	v->tail = doc_tail_again(v->main, v->tail);
	if (!shown)
		return 1;	/* its positions changed all the same */
	v->d = v->tail;
	if (at_end) {
		view_end(v);
		return 1;
	}
	p.block = (uint32_t)doc_block_at(v->tail, off);
	view_goto_in(v, v->tail, p);
	return 1;
}

void
view_sync(struct view *v)
{
	if (v->d == v->tail && doc_complete(v->main))
		view_to_main(v);
}

struct doc *
view_doc(const struct view *v)
{
	return v->d;
}

/* Prepends the lines of block wfirst - 1; 0 at the start. */
static int
view_prepend(struct view *v)
{
	struct lines	*w = &v->win;
	size_t		 k;

	if (v->wfirst == 0 && v->d == v->tail)
		view_to_main(v);
	if (v->wfirst == 0)
		return 0;
	v->tmp.n = 0;
	layout_block(v->d, v->wfirst - 1, &v->opts, &v->tmp);
	k = v->tmp.n;
	if (w->n + k > w->cap) {
		w->cap = (w->n + k) * 2;
		w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
	}
	memmove(w->v + k, w->v, w->n * sizeof *w->v);
	memcpy(w->v, v->tmp.v, k * sizeof *w->v);
	w->n += k;
	v->top += k;
	v->wfirst--;
	return 1;
}

/* Drops whole blocks far before and after the top line. */
static void
view_trim(struct view *v)
{
	struct lines	*w = &v->win;
	size_t		 k, keep = (size_t)v->rows + VIEW_KEEP;

	while (v->top > keep && v->wfirst < w->v[v->top].block) {
		for (k = 0; k < w->n && w->v[k].block == v->wfirst; k++)
			;
		if (v->top - k < keep / 2)
			break;
		memmove(w->v, w->v + k, (w->n - k) * sizeof *w->v);
		w->n -= k;
		v->top -= k;
		doc_forget(v->d, v->wfirst++);
	}
	while (w->n > v->top + keep && v->wend - 1 > w->v[v->top].block) {
		for (k = w->n; k > 0 && w->v[k - 1].block == v->wend - 1; k--)
			;
		if (k < v->top + keep / 2)
			break;
		w->n = k;
		doc_forget(v->d, --v->wend);
	}
}

/* Lays out at least n lines from the top, if there are so many. */
static void
view_fill(struct view *v, size_t n)
{
	while (v->win.n < v->top + n && view_append(v))
		;
}

static void
view_set_anchor(struct view *v)
{
	const struct line	*l;

	if (v->top >= v->win.n)
		return;
	l = &v->win.v[v->top];
	v->anchor.pos.block = l->block;
	v->anchor.gap = l->kind == LINE_BLANK;
	v->anchor.pos.off = v->anchor.gap ? 0 : l->start;
}

/* The index in the window of the line holding the anchor. */
static size_t
view_find(const struct view *v, const struct anchor *a)
{
	size_t	i, found = v->win.n;

	for (i = 0; i < v->win.n; i++) {
		const struct line *l = &v->win.v[i];

		if (l->block != a->pos.block)
			continue;
		if (l->kind == LINE_BLANK) {
			if (a->gap)
				return i;
			continue;
		}
		if (found == v->win.n || l->start <= a->pos.off)
			found = i;
		if (l->start > a->pos.off)
			break;
	}
	return found < v->win.n ? found : 0;
}

/* Rebuilds the window around the anchor. */
static void
view_relayout(struct view *v)
{
	size_t	b = v->anchor.pos.block;

	v->win.n = 0;
	v->top = 0;
	if (!doc_has_block(v->d, b)) {
		b = doc_nblocks(v->d);
		b = b > 0 ? b - 1 : 0;
		v->anchor.pos.block = (uint32_t)b;
		v->anchor.pos.off = 0;
	}
	v->wfirst = v->wend = b;
	if (!view_append(v))
		return;
	v->top = view_find(v, &v->anchor);
	view_fill(v, (size_t)v->rows);
}

struct view *
view_new(struct doc *d, const struct layout_opts *o, int rows)
{
	struct view	*v = xcalloc(1, sizeof *v);

	v->d = v->main = d;
	v->opts = *o;
	v->rows = rows > 0 ? rows : 1;
	view_relayout(v);
	return v;
}

void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	lines_free(&v->win);
	lines_free(&v->tmp);
	doc_free(v->tail);
	free(v);
}

void
view_set_opts(struct view *v, const struct layout_opts *o)
{
	v->opts = *o;
	if (v->opts.width < 1)
		v->opts.width = 1;
	view_relayout(v);
}

const struct layout_opts *
view_opts(const struct view *v)
{
	return &v->opts;
}

void
view_set_rows(struct view *v, int rows)
{
	v->rows = rows > 0 ? rows : 1;
	view_fill(v, (size_t)v->rows);
}

const struct line *
view_lines(struct view *v, size_t *n)
{
	view_fill(v, (size_t)v->rows);
	*n = v->win.n > v->top ? v->win.n - v->top : 0;
	if (*n > (size_t)v->rows)
		*n = (size_t)v->rows;
	return v->win.v != NULL ? v->win.v + v->top : NULL;	/* none yet */
}

/* The highest top line that still fills the screen, once the end is in. */
static size_t
view_max_top(const struct view *v)
{
	size_t	rows = (size_t)v->rows;

	if (v->win.n <= rows)
		return 0;
	return v->win.n - rows;
}

long
view_scroll(struct view *v, long n)
{
	size_t	old = v->top;
	long	moved;

	if (n > 0) {
		view_fill(v, (size_t)n + (size_t)v->rows);
		if (v->top + (size_t)n <= view_max_top(v))
			v->top += (size_t)n;
		else if (view_max_top(v) > v->top)
			v->top = view_max_top(v);
	} else if (n < 0) {
		while (v->top < (size_t)-n && view_prepend(v))
			;
		old = v->top;
		v->top = v->top > (size_t)-n ? v->top - (size_t)-n : 0;
	}
	moved = (long)v->top - (long)old;
	view_set_anchor(v);
	view_trim(v);
	return moved;
}

void
view_goto_in(struct view *v, struct doc *d, struct pos p)
{
	v->d = d;
	v->anchor.pos = p;
	v->anchor.gap = 0;
	view_relayout(v);
	view_set_anchor(v);
}

void
view_goto(struct view *v, struct pos p)
{
	view_goto_in(v, v->main, p);
}

/*
 * Is the end shown from a tail document?  Plain text and Markdown (a web
 * page is parsed whole: it is complete).
 */
static int
view_tails(const struct view *v)
{
	return !doc_complete(v->main) && doc_kind(v->main) != DOC_FORMAT_HTML;
}

struct doc *
view_locate(struct view *v, uint64_t off, size_t *block)
{
	size_t	size = doc_size(v->main);

	if (view_tails(v) && doc_segmented(v->main) <= off &&
	    size - off <= VIEW_TAIL_NEAR) {
		if (v->tail == NULL || doc_base(v->tail) > off) {
			if (v->d == v->tail) {
				v->d = v->main;
				v->win.n = v->top = 0;
				v->wfirst = v->wend = 0;
			}
			doc_free(v->tail);
			v->tail = doc_open_tail(v->main, size - off + SEGMENT_PIECE);
		}
		*block = doc_block_at(v->tail, off);
		return v->tail;
	}
	*block = doc_block_at(v->main, off);
	return v->main;
}

void
view_start(struct view *v)
{
	struct pos	p = { 0, 0 };

	view_goto(v, p);
}

void
view_end(struct view *v)
{
	size_t	n;

	if (view_tails(v) && v->d == v->main) {
		if (v->tail == NULL)
			v->tail = doc_open_tail(v->main, 2 * SEGMENT_PIECE);
		v->d = v->tail;
	}
	doc_segment_all(v->d);
	n = doc_nblocks(v->d);
	v->win.n = 0;
	v->top = 0;
	v->wfirst = v->wend = n > 0 ? n - 1 : 0;
	if (!view_append(v))
		return;
	while (v->win.n < (size_t)v->rows && view_prepend(v))
		;
	v->top = view_max_top(v);
	view_set_anchor(v);
	view_trim(v);
}

void
view_goto_fraction(struct view *v, double f)
{
	struct pos	p = { 0, 0 };
	size_t		start, end;

	if (f >= 1.0) {
		view_end(v);
		return;
	}
	doc_span(v->main, &start, &end);
	p.block = (uint32_t)doc_block_at(v->main,
	    (uint64_t)(f < 0 ? start : start + f * (double)(end - start)));
	view_goto(v, p);
}

/* Characters before byte off of text t. */
static size_t
view_chars(const struct text *t, size_t off)
{
	return u8_mbsnlen((const uint8_t *)t->s, off < t->len ? off : t->len);
}

/* The byte offset of character k of text t. */
static size_t
view_char_off(const struct text *t, size_t k)
{
	size_t	off = 0;
	int	n;

	while (k-- > 0 && off < t->len) {
		n = u8_mblen((const uint8_t *)t->s + off, t->len - off);
		off += n > 0 ? (size_t)n : 1;
	}
	return off;
}

void
view_set_convert(struct view *v, struct convert *cv)
{
	size_t	k = 0;

	view_set_anchor(v);
	if (doc_has_block(v->d, v->anchor.pos.block))
		k = view_chars(doc_text(v->d, v->anchor.pos.block),
		    v->anchor.pos.off);
	v->win.n = v->top = 0;
	v->wfirst = v->wend = 0;
	doc_set_convert(v->main, cv);
	if (v->tail != NULL)
		doc_set_convert(v->tail, cv);
	if (doc_has_block(v->d, v->anchor.pos.block))
		v->anchor.pos.off = (uint32_t)view_char_off(doc_text(v->d,
		    v->anchor.pos.block), k);
	view_relayout(v);
}

struct anchor
view_anchor(const struct view *v)
{
	return v->anchor;
}

size_t
view_top_block(const struct view *v)
{
	return v->top < v->win.n ? v->win.v[v->top].block : v->anchor.pos.block;
}

int
view_at_end(struct view *v)
{
	view_fill(v, (size_t)v->rows + 1);
	return v->top + (size_t)v->rows >= v->win.n &&
	    !doc_has_block(v->d, v->wend);
}

/* Source bytes before the end of the bottom line on screen. */
static double
view_bytes_done(struct view *v)
{
	const struct line	*l;
	const struct block	*b;
	struct text		*t;
	size_t			 n;
	double			 part = 1.0;

	view_lines(v, &n);
	if (n == 0 || view_at_end(v)) {
		size_t start, end;

		doc_span(v->d, &start, &end);
		return (double)end;
	}
	l = &v->win.v[v->top + n - 1];
	b = doc_block(v->d, l->block);
	t = doc_text(v->d, l->block);
	if (l->kind == LINE_TEXT && t->len > 0)
		part = (double)l->end / (double)t->len;
	return (double)b->off + part * (double)b->len;
}

double
view_fraction(struct view *v)
{
	size_t	start, end;
	double	f;

	doc_span(v->d, &start, &end);
	if (end <= start)
		return 1.0;
	f = (view_bytes_done(v) - (double)start) / (double)(end - start);
	return f < 0 ? 0 : f > 1 ? 1 : f;
}

size_t
view_bytes_left(struct view *v)
{
	size_t	start, end;
	double	left;

	doc_span(v->d, &start, &end);
	left = (double)end - view_bytes_done(v);
	return left > 0 ? (size_t)left : 0;
}

long
view_section(struct view *v)
{
	return doc_section_of(v->d, view_top_block(v));
}

/* Is the top line the first line (or the gap) of its block? */
static int
view_top_at_block_start(const struct view *v)
{
	size_t	i = v->top;

	return i >= v->win.n || i == 0 || v->win.v[i - 1].block != v->win.v[i].block ||
	    v->win.v[i - 1].kind == LINE_BLANK;
}

/* The level sections must not exceed for } and {, or 0 for any. */
static int
view_level_limit(struct view *v, int same_or_higher)
{
	const uint32_t	*o;
	size_t		 n;
	long		 s;

	if (!same_or_higher || (s = view_section(v)) < 0)
		return 0;
	o = doc_outline(v->d, &n);
	return doc_level(v->d, o[s]);
}

static void
view_goto_heading(struct view *v, size_t b)
{
	struct pos	p;

	p.block = (uint32_t)b;
	p.off = 0;
	view_goto_in(v, v->d, p);
}

int
view_next_section(struct view *v, int same_or_higher)
{
	size_t		 cur = view_top_block(v), n, i = 0;
	const uint32_t	*o;
	int		 limit = view_level_limit(v, same_or_higher);

	for (;;) {
		o = doc_outline(v->d, &n);
		for (; i < n; i++) {
			if (o[i] > cur && (limit == 0 ||
			    doc_level(v->d, o[i]) <= limit)) {
				view_goto_heading(v, o[i]);
				return 0;
			}
		}
		if (doc_complete(v->d))
			return -1;
		doc_segment_more(v->d);
	}
}

int
view_prev_section(struct view *v, int same_or_higher)
{
	size_t		 cur = view_top_block(v), n, i;
	const uint32_t	*o = doc_outline(v->d, &n);
	int		 limit = view_level_limit(v, same_or_higher);
	int		 mid = !view_top_at_block_start(v);

	for (i = n; i > 0; i--) {
		size_t	h = o[i - 1];

		if (h > cur || (h == cur && !mid))
			continue;
		if (limit == 0 || doc_level(v->d, h) <= limit) {
			view_goto_heading(v, h);
			return 0;
		}
	}
	if (v->d == v->tail) {	/* look before the tail too */
		view_to_main(v);
		return view_prev_section(v, same_or_higher);
	}
	return -1;
}
