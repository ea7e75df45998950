/*
 * layout.c: greedy line fitting over the cluster table (text.c).
 *
 * Why not libunistring's u8_width_linebreaks: it counts widths per code
 * point instead of per cluster, counts trailing spaces toward the width,
 * and never breaks a piece longer than the line (unicode-text.md §1.1).
 * The loop here takes the break opportunities from UAX #14 (already free of
 * kinsoku violations), fits as many clusters as the width allows ignoring
 * trailing spaces, breaks at the last opportunity, and when there is none,
 * breaks between clusters at the last place that starts no line with a
 * closing mark, ends none with an opening one, and splits no —— or …….
 */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "textfast.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

struct fit {
	const struct clusters	*cl;
	size_t			 i;	/* first cluster of the line */
	int			 avail;	/* columns for text */
};

int
line_same(const struct line *a, const struct line *b)
{
	return a->block == b->block && a->start == b->start &&
	    a->end == b->end && a->indent == b->indent &&
	    a->width == b->width && a->kind == b->kind && a->flags == b->flags;
}

static void
lines_push(struct lines *ls, const struct line *l)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 64;
		ls->v = xreallocarray(ls->v, ls->cap, sizeof *ls->v);
	}
	ls->v[ls->n++] = *l;
}

void
lines_free(struct lines *ls)
{
	free(ls->v);
	memset(ls, 0, sizeof *ls);
}

/*
 * Is a break before cluster k a bad place for an emergency break?  Also
 * before spaces that a closing mark follows: the spaces would go and the
 * mark start the line (" ；").
 */
static int
layout_bad_break(const struct clusters *cl, size_t k)
{
	size_t	j = k;

	if (cl->flags[k - 1] & CL_NOEND)
		return 1;
	while (j < cl->n && (cl->flags[j] & CL_SPACE))
		j++;
	return j < cl->n && (cl->flags[j] & (CL_NOSTART | CL_HIDDEN));
}

/* No break opportunity fits: break between clusters, before j at most. */
static size_t
layout_emergency(const struct fit *f, size_t j)
{
	size_t	k;

	if (j <= f->i)
		return f->i + 1;	/* one cluster wider than the line */
	for (k = j; k > f->i; k--)
		if (!layout_bad_break(f->cl, k))
			return k;
	return j;
}

/*
 * Finds where the line starting at f->i ends: returns the cluster after
 * its last, and the columns of its text (trailing spaces excluded).
 */
static size_t
layout_fit(const struct fit *f, int *width)
{
	const struct clusters	*cl = f->cl;
	size_t			 j, brk = 0;
	int			 w = 0, vis = 0, brk_w = 0;

	for (j = f->i; j < cl->n; j++) {
		if (j > f->i && (cl->flags[j] & CL_BREAK)) {
			brk = j;
			brk_w = vis;
		}
		if (cl->flags[j] & CL_SPACE) {
			w += cl->width[j];
			continue;
		}
		if (w + cl->width[j] > f->avail)
			break;
		w += cl->width[j];
		vis = w;
	}
	if (j == cl->n) {
		*width = vis;
		return j;
	}
	if (brk > f->i) {
		*width = brk_w;
		return brk;
	}
	j = layout_emergency(f, j);
	*width = 0;
	for (brk = f->i; brk < j; brk++)
		*width += cl->width[brk];
	return j;
}

/* Columns before a block's lines: first line and the rest. */
static void
layout_indents(const struct block *b, const struct text *t, int *first,
    int *rest)
{
	*first = *rest = 0;
	if (b->type == BLOCK_QUOTE)
		*first = *rest = 2 * (b->depth > 0 ? b->depth : 1);
	else if (b->type == BLOCK_LIST) {
		*first = 2 * b->depth;
		*rest = *first + t->hang;
		if (b->flags & BLOCK_INDENT)	/* an item's later paragraph */
			*first = *rest;
	} else if (b->type == BLOCK_PARA && (b->flags & BLOCK_INDENT) &&
	    !(b->flags & BLOCK_CONT))
		*first = 4;	/* one style: two ideographic spaces */
}

/*
 * A flowing line's indent, the first line's or the rest's, none when its
 * first cluster (cw columns) would not fit after it: the columns left.
 */
static int
layout_line_indent(struct line *l, int first, int rest, int cw, int width)
{
	l->indent = (uint16_t)((l->flags & LINE_FIRST) ? first : rest);
	if (l->indent + cw > width)
		l->indent = 0;	/* no room for an indent */
	return width - l->indent;
}

static void
layout_flow(const struct block *b, uint32_t bi, const struct text *t,
    const struct clusters *cl, int width, struct lines *out)
{
	struct fit	f;
	struct line	l;
	size_t		j, k;
	int		first, rest, w;

	layout_indents(b, t, &first, &rest);
	f.cl = cl;
	f.i = 0;
	memset(&l, 0, sizeof l);
	l.block = bi;
	l.flags = LINE_FIRST;
	do {
		f.avail = layout_line_indent(&l, first, rest,
		    f.i < cl->n ? cl->width[f.i] : 0, width);
		j = layout_fit(&f, &w);
		l.start = cl->off[f.i];
		/* trailing spaces go: whole clusters (U+0602 " " is one) */
		for (k = j; k > f.i && (cl->flags[k - 1] & CL_SPACE); k--)
			;
		l.end = cl->off[k];
		l.width = w;
		lines_push(out, &l);
		l.flags = 0;
		for (f.i = j; f.i < cl->n && (cl->flags[f.i] & CL_SPACE); f.i++)
			;
	} while (f.i < cl->n);
}

/* The single pass (layout_flow_fast): the text, and where a line starts. */
struct fast_fit {
	struct text_fast	 t;
	struct text_fast_at	 at;	/* the state before the line's start */
	size_t			 i;	/* its first byte */
	int			 avail;
};

/* A line being fitted: where it is, its columns, its last opportunity. */
struct fast_line {
	struct text_fast_at	st;
	size_t			i;	/* the next byte */
	size_t			end;	/* after the last cluster not a space */
	size_t			brk;	/* the last break opportunity, or 0 */
	size_t			brk_end; /* end there */
	int			w;	/* columns, spaces too */
	int			vis;	/* columns to end */
	int			brk_w;	/* vis there */
};

/* A break opportunity before byte i. */
static void
layout_fast_brk(struct fast_line *l, size_t i)
{
	l->brk = i;
	l->brk_w = l->vis;
	l->brk_end = l->end;
}

/*
 * After an ideograph: the ideographs that follow, each a break
 * opportunity of cw columns.  0, or -1 if the line ends before one.
 */
static int
layout_fast_han(const struct text_fast *t, struct fast_line *l, int cw,
    int avail)
{
	size_t	n = text_fast_han(t, &l->st, l->i), fit;

	if (n == 0)
		return 0;
	fit = (size_t)(avail - l->w) / (size_t)cw;
	if (fit >= n)
		fit = n - 1;	/* the last one is the last opportunity */
	l->brk = l->i + 3 * fit;
	l->brk_w = l->w + cw * (int)fit;	/* fit <= avail / cw */
	l->brk_end = l->brk;
	if (fit < n - 1 || l->w + (long)cw * (long)n > avail) {
		l->i = l->brk;
		return -1;
	}
	l->w += cw * (int)n;	/* it fits: n <= avail / cw */
	l->i += 3 * n;
	return 0;
}

/*
 * After a letter or digit: the rest of its word, then as long as they
 * come, spaces and a word (a break opportunity before it).  0, or -1 if
 * the line ends before one of them.
 */
static int
layout_fast_words(const struct text_fast *t, struct fast_line *l, int avail)
{
	size_t	n = text_fast_word(t, &l->st, l->i), k;

	for (;;) {
		if (l->w + (long)n > avail)
			return -1;	/* the line ends inside the word */
		l->w += (int)n;
		l->i += n;
		l->vis = l->w;
		l->end = l->i;
		if ((k = text_fast_spaced_alnum(t, &l->st, l->i)) == 0)
			return 0;
		l->w += (int)k;
		l->i += k;
		layout_fast_brk(l, l->i);
		if (l->w + 1 > avail)
			return -1;
		l->w++;
		n = text_fast_word(t, &l->st, ++l->i);
	}
}

/*
 * Fits the line from f->i: returns its end (after trailing spaces are left
 * out) and *width, and sets f->i and f->at to where the next line starts
 * (f->i == len at the end); -1 if it needs an emergency break.
 */
static long
layout_fast_fit(struct fast_fit *f, int *width)
{
	const struct text_fast	*t = &f->t;
	struct fast_line	 l;
	int			 cw, fl, len, run;

	memset(&l, 0, sizeof l);
	l.st = f->at;
	l.i = l.end = f->i;
	while (l.i < t->len) {
		if ((len = text_fast_step(t, &l.st, l.i, &cw, &fl)) == 0)
			return -1;
		if (l.i > f->i && (fl & CL_BREAK))
			layout_fast_brk(&l, l.i);
		if (fl & CL_SPACE) {
			l.w += cw;
			l.i++;
			continue;
		}
		if (l.w + cw > f->avail)
			break;
		l.w += cw;
		l.i += (size_t)len;
		l.vis = l.w;
		l.end = l.i;
		if (len == 1 && text_fast_alnum[t->s[l.i - 1]])
			run = layout_fast_words(t, &l, f->avail);
		else if (l.st.last == TEXT_FAST_ID)
			run = layout_fast_han(t, &l, cw, f->avail);
		else
			continue;
		if (run < 0)
			break;
		l.vis = l.w;
		l.end = l.i;
	}
	if (l.i >= t->len) {
		*width = l.vis;
		f->i = t->len;
		return (long)l.end;
	}
	if (l.brk == 0)
		return -1;
	*width = l.brk_w;
	for (l.i = l.brk; l.i < t->len && t->s[l.i] == ' '; l.i++)
		;
	f->i = l.i;
	text_fast_at(t, l.i, &f->at);
	return (long)l.brk_end;
}

/*
 * layout_flow in one pass over a text the fast path of text analysis takes
 * (textfast.h), without its cluster arrays: the same fitting, with words,
 * spaces before a word and runs of ideographs taken at once, and the next
 * line started from the state of the analysis there (text_fast_at).
 * Returns -1, with nothing added, when the text is not for it or a line
 * needs an emergency break (layout_flow decides those).
 */
static int
layout_flow_fast(const struct block *b, uint32_t bi, const struct text *t,
    int ambiguous, int width, struct lines *out)
{
	struct fast_fit		f;
	struct text_fast_at	peek;
	struct line		l;
	size_t			n0 = out->n;
	long			end;
	int			first, rest, w, cw, fl;

	if (text_fast_begin(&f.t, t, ambiguous) < 0)
		return -1;
	f.at = f.t.at;
	layout_indents(b, t, &first, &rest);
	f.i = 0;
	memset(&l, 0, sizeof l);
	l.block = bi;
	l.flags = LINE_FIRST;
	do {
		peek = f.at;
		if (text_fast_step(&f.t, &peek, f.i, &cw, &fl) == 0)
			break;
		f.avail = layout_line_indent(&l, first, rest, cw, width);
		l.start = (uint32_t)f.i;
		if ((end = layout_fast_fit(&f, &w)) < 0)
			break;
		l.end = (uint32_t)end;
		l.width = (uint16_t)w;
		lines_push(out, &l);
		l.flags = 0;
	} while (f.i < t->len);
	if (f.i < t->len) {
		out->n = n0;
		return -1;
	}
	return 0;
}

int
layout_flow_agree(const struct block *b, struct text *t, int ambiguous,
    int width)
{
	struct lines	a = { NULL, 0, 0 }, c = { NULL, 0, 0 };
	int		same;

	if (layout_flow_fast(b, 0, t, ambiguous, width, &a) < 0) {
		lines_free(&a);
		return -1;
	}
	layout_flow(b, 0, t, text_clusters(t, ambiguous, 0), width, &c);
	same = a.n == c.n;
	for (size_t k = 0; same && k < a.n; k++)
		same = line_same(&a.v[k], &c.v[k]);
	lines_free(&a);
	lines_free(&c);
	return same;
}

/* One line of preformatted text, shifted by hscroll and cut at width. */
static void
layout_pre_line(const struct clusters *cl, size_t i, size_t end,
    const struct layout_opts *o, struct line *l)
{
	int	col = 0, w = 0, avail = o->width;

	while (i < end && col + cl->width[i] <= o->hscroll)
		col += cl->width[i++];
	if (o->hscroll > 0 && (col > 0 || i > 0)) {
		l->flags |= LINE_CUT_LEFT;
		avail--;	/* room for the marker */
	}
	if (i < end && col < o->hscroll) {
		col += cl->width[i++];	/* a wide character cut in half */
		if (avail > 0) {
			l->flags |= LINE_PAD_LEFT;
			avail--;
		}
	}
	l->start = cl->off[i];
	while (i < end && w + cl->width[i] <= avail)
		w += cl->width[i++];
	if (i < end && avail > 0) {	/* width 1: no room for both markers */
		l->flags |= LINE_CUT_RIGHT;
		while (i > 0 && cl->off[i] > l->start && w + 1 > avail)
			w -= cl->width[--i];
	}
	l->end = cl->off[i];
	l->width = w;
}

/* May a wrapped preformatted line break before cluster j? */
static int
layout_pre_break(const struct clusters *cl, size_t j)
{
	if ((cl->flags[j] & (CL_SPACE | CL_NOSTART)) ||
	    (cl->flags[j - 1] & CL_NOEND))
		return 0;
	return (cl->flags[j - 1] & CL_SPACE) || cl->width[j] == 2 ||
	    cl->width[j - 1] == 2;
}

/*
 * The clusters [i, end) of one preformatted line that fit in avail columns:
 * returns the cluster after the last, at a space or beside a wide
 * character if there is one, and sets *w.  Spaces stay in the text.
 */
static size_t
layout_pre_fit(const struct clusters *cl, size_t i, size_t end, int avail,
    int *w)
{
	size_t	j, brk = 0;
	int	cols = 0, brk_w = 0, text = 0;

	for (j = i; j < end; j++) {
		if (text && layout_pre_break(cl, j)) {
			brk = j;
			brk_w = cols;
		}
		text |= !(cl->flags[j] & CL_SPACE);	/* not in the indent */
		if (cols + cl->width[j] > avail)
			break;
		cols += cl->width[j];
	}
	if (j == end || (j > i && (cl->flags[j] & CL_SPACE))) {
		*w = cols;	/* all of it, or up to the blanks at the edge */
		return j;
	}
	if (brk > i) {
		*w = brk_w;
		return brk;
	}
	if (j == i) {		/* one cluster wider than the line */
		*w = cl->width[i];
		return i + 1;
	}
	*w = cols;
	return j;
}

/* Columns of the clusters [i, end). */
static int
layout_pre_cols(const struct clusters *cl, size_t i, size_t end)
{
	int	cols = 0;

	for (; i < end; i++)
		cols += cl->width[i];
	return cols;
}

/* Columns of the blanks a preformatted line starts with. */
static int
layout_pre_lead(const struct clusters *cl, size_t i, size_t end)
{
	int	cols = 0;

	for (; i < end && (cl->flags[i] & CL_SPACE); i++)
		cols += cl->width[i];
	return cols;
}

/*
 * One preformatted line too wide for the width, wrapped: the continuation
 * lines are indented like the line (at least 2, for the mark ↪), while at
 * least half the width is left for them.
 */
static void
layout_pre_wrap(uint32_t bi, const struct clusters *cl, size_t i, size_t end,
    int width, int indent, struct lines *out)
{
	struct line	l;
	size_t		j, k;
	int		ci, w;

	ci = layout_pre_lead(cl, i, end);
	if (ci < 2)
		ci = 2;
	if (ci * 2 > width)
		ci = width >= 4 ? 2 : 0;
	memset(&l, 0, sizeof l);
	l.block = bi;
	l.flags = i == 0 ? LINE_FIRST : 0;
	l.indent = (uint16_t)indent;
	do {
		j = layout_pre_fit(cl, i, end, width - (l.flags & LINE_WRAPPED ?
		    ci : 0), &w);
		k = j;
		while (j < end && k > i && (cl->flags[k - 1] & CL_SPACE))
			k--;	/* the blanks at the wrap are dropped */
		l.start = cl->off[i];
		l.end = cl->off[k];
		l.width = (uint16_t)layout_pre_cols(cl, i, k);
		lines_push(out, &l);
		while (j < end && (cl->flags[j] & CL_SPACE))
			j++;
		l.flags = ci > 0 ? LINE_WRAPPED : 0;
		l.indent = (uint16_t)(indent + ci);
		i = j;
	} while (i < end);
}

/*
 * Preformatted lines, indented by indent columns (a code block inside a
 * list item) while at least half the width is left for them.
 */
static void
layout_pre(uint32_t bi, const struct clusters *cl,
    const struct layout_opts *o, int indent, struct lines *out)
{
	struct layout_opts	 po = *o;
	struct line		 l;
	size_t			 i = 0, j;

	if (indent * 2 > o->width)
		indent = 0;
	po.width = o->width - indent;

	do {
		for (j = i; j < cl->n && !(cl->flags[j] & CL_NEWLINE); j++)
			;
		if (!o->chop && o->hscroll == 0 && i < j &&
		    layout_pre_cols(cl, i, j) > po.width) {
			layout_pre_wrap(bi, cl, i, j, po.width, indent, out);
			i = j + 1;
			continue;
		}
		memset(&l, 0, sizeof l);
		l.block = bi;
		l.flags = i == 0 ? LINE_FIRST : 0;
		l.indent = (uint16_t)indent;
		layout_pre_line(cl, i, j, &po, &l);
		lines_push(out, &l);
		i = j + 1;
	} while (i <= cl->n && j < cl->n);
}

/* Does block i's text start with a CJK character? */
static int
layout_cjk(struct doc *d, size_t i)
{
	struct text	*t = doc_text(d, i);
	uint32_t	 c = 0;

	if (t->len > 0)
		utf8_decode((const uint8_t *)t->s, t->len, &c);
	return width_is_cjk(c);
}

/*
 * Is there a blank line between block i-1 and block i?  Indented
 * paragraphs follow each other without one, but for Latin text that had
 * one in the source (the GPL).
 */
int
layout_gap(struct doc *d, size_t i)
{
	const struct block	*b = doc_block(d, i), *p;

	if (i == 0 || (b->flags & BLOCK_CONT))
		return 0;
	p = doc_block(d, i - 1);
	if (p->type == BLOCK_PARA && b->type == BLOCK_PARA)	/* 　　 novels: */
		return !(b->flags & BLOCK_INDENT) ||	/* no blank lines */
		    ((b->flags & BLOCK_SPACE) && !layout_cjk(d, i) &&
		    !layout_cjk(d, i - 1));
	if (p->type == b->type && (b->type == BLOCK_LIST ||
	    b->type == BLOCK_QUOTE))
		return (b->flags & BLOCK_SPACE) != 0;
	return 1;
}

void
layout_block_gap(struct doc *d, size_t i, const struct layout_opts *o,
    int gap, struct lines *out)
{
	const struct block	*b = doc_block(d, i);
	struct text		*t;
	const struct clusters	*cl;
	struct line		 l;
	int			 width = o->width > 0 ? o->width : 1;

	memset(&l, 0, sizeof l);
	l.block = (uint32_t)i;
	if (gap) {
		l.kind = LINE_BLANK;
		lines_push(out, &l);
	}
	if (b->type == BLOCK_RULE) {
		l.kind = LINE_RULE;
		l.flags = LINE_FIRST;
		l.width = width;
		lines_push(out, &l);
		return;
	}
	t = doc_text(d, i);
	if (o->once && b->type != BLOCK_PRE && t->cl == NULL &&
	    layout_flow_fast(b, (uint32_t)i, t, o->ambiguous, width, out) == 0)
		return;
	cl = text_clusters(t, o->ambiguous, b->type == BLOCK_PRE);
	if (b->type == BLOCK_PRE)
		layout_pre((uint32_t)i, cl, o, (b->flags & BLOCK_INDENT) ?
		    2 * b->depth + t->hang : 0, out);
	else
		layout_flow(b, (uint32_t)i, t, cl, width, out);
}

void
layout_block(struct doc *d, size_t i, const struct layout_opts *o,
    struct lines *out)
{
	layout_block_gap(d, i, o, layout_gap(d, i), out);
}

const char *
layout_cut_marker(int ambiguous, int left)
{
	if (ambiguous == 2)
		return left ? "<" : ">";
	return left ? "\xC2\xAB" : "\xC2\xBB";	/* « » */
}

const char *
layout_rule_char(int ambiguous)
{
	return ambiguous == 2 ? "-" : "\xE2\x94\x80";	/* ─ */
}

void
layout_indent(const struct block *b, const struct line *l, int ambiguous,
    struct buf *out)
{
	int	i, bars = 0;

	if (b->type == BLOCK_QUOTE && l->kind == LINE_TEXT && l->indent > 0)
		bars = l->indent / 2;
	for (i = 0; i < bars; i++)
		buf_adds(out, ambiguous == 2 ? "| " : "\xE2\x94\x82 ");	/* │ */
	for (i = bars * 2; i < l->indent; i++) {
		if ((l->flags & LINE_WRAPPED) && i == l->indent - 2) {
			buf_adds(out, "\xE2\x86\xAA ");	/* ↪ */
			break;
		}
		buf_addc(out, ' ');
	}
}

/* The style that shows over [from, ...): the highest covering span. */
static int
layout_style_at(const struct text *t, uint32_t at, uint32_t *next)
{
	size_t	n = *next;
	int	style = text_style_at(t, at, &n);	/* log(spans) */

	*next = (uint32_t)n;
	return style;
}

/* The marks over byte at; lowers *next to where that changes. */
static unsigned
layout_marks_at(const struct marks *m, uint32_t at, uint32_t *next)
{
	size_t		i;
	unsigned	mask = 0;

	for (i = 0; m != NULL && i < m->n; i++) {
		const struct span *s = &m->v[i];

		if (s->start > at) {
			if (s->start < *next)
				*next = s->start;
			break;
		}
		if (s->end <= at)
			continue;
		if (s->end < *next)
			*next = s->end;
		mask |= 1u << s->style;
	}
	return mask;
}

void
layout_runs(const struct text *t, const struct line *l,
    const struct marks *m, layout_run_fn *fn, void *arg)
{
	uint32_t	at = l->start, next;
	unsigned	mask;
	int		style;

	if (l->kind != LINE_TEXT)
		return;
	if (t->nspans == 0 && (m == NULL || m->n == 0)) {
		if (l->end > l->start)
			fn(arg, t->s + l->start, l->end - l->start, STYLE_NONE, 0);
		return;
	}
	while (at < l->end) {
		next = l->end;
		style = layout_style_at(t, at, &next);
		mask = layout_marks_at(m, at, &next);
		if (style != STYLE_HIDDEN)
			fn(arg, t->s + at, next - at, style, mask);
		at = next;
	}
}

void
marks_add(struct marks *m, uint32_t start, uint32_t end, int style, int data)
{
	size_t	i;

	if (end <= start)
		return;
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	for (i = m->n; i > 0 && m->v[i - 1].start > start; i--)
		m->v[i] = m->v[i - 1];
	m->v[i].start = start;
	m->v[i].end = end;
	m->v[i].style = (uint16_t)style;
	m->v[i].data = (uint16_t)data;
	m->n++;
}

void
marks_free(struct marks *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

static void
layout_add_run(void *arg, const char *s, size_t n, int style, unsigned marks)
{
	(void)style;
	(void)marks;
	buf_add(arg, s, n);
}

void
layout_line_text(struct doc *d, const struct line *l, int ambiguous,
    struct buf *out)
{
	const struct block	*b = doc_block(d, l->block);
	int			 i;

	if (l->kind == LINE_BLANK)
		return;
	layout_indent(b, l, ambiguous, out);
	if (l->kind == LINE_RULE) {
		for (i = 0; i < l->width; i++)
			buf_adds(out, layout_rule_char(ambiguous));
		return;
	}
	if (l->flags & LINE_CUT_LEFT)
		buf_adds(out, layout_cut_marker(ambiguous, 1));
	if (l->flags & LINE_PAD_LEFT)
		buf_addc(out, ' ');
	layout_runs(doc_text(d, l->block), l, NULL, layout_add_run, out);
	if (l->flags & LINE_CUT_RIGHT)
		buf_adds(out, layout_cut_marker(ambiguous, 0));
}
