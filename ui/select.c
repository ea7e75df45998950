/*
 * select.c: v, choosing a passage with the keyboard.
 *
 * The selection runs from where it started (the current search match, or
 * the top line) to a cursor that moves by character (h l), word (w b),
 * sentence () (), screen line (j k) and paragraph (} {), across
 * paragraphs and screens; like vim's v, it holds the character under the
 * cursor.  a, H and y then act on it; Esc cancels.  Positions are (block,
 * byte offset) of the shown document; the passage's source bytes come from
 * the passage mapping (passage.h), the same that draws it.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "buf.h"
#include "passage.h"
#include "search.h"
#include "ui.h"
#include "utf8.h"
#include "xmalloc.h"

static struct text *
sel_text(struct pager *p, uint32_t b)
{
	return doc_text(view_doc(p->r->v), b);
}

/* The cluster at or after byte off (cl->n at the end). */
static size_t
sel_cluster(const struct clusters *cl, uint32_t off)
{
	size_t	lo = 0, hi = cl->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cl->off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Moves one cluster on (dir 1) or back, across blocks; 0 if it cannot. */
static int
sel_step(struct pager *p, struct pos *c, int dir)
{
	struct text		*t = sel_text(p, c->block);
	const struct clusters	*cl = text_clusters(t, p->o->ambiguous, 0);
	size_t			 i = sel_cluster(cl, c->off);

	if (dir > 0 && i < cl->n) {
		c->off = cl->off[i + 1];
		if (c->off < t->len || !doc_has_block(view_doc(p->r->v),
		    c->block + 1))
			return 1;
		c->block++;
		c->off = 0;
		return 1;
	}
	if (dir < 0 && i > 0) {
		c->off = cl->off[i - 1];
		return 1;
	}
	if (dir < 0 && c->block > 0) {
		c->block--;
		t = sel_text(p, c->block);
		cl = text_clusters(t, p->o->ambiguous, 0);
		c->off = cl->n > 0 ? cl->off[cl->n - 1] : 0;
		return 1;
	}
	return 0;
}

/* Is the cluster at c hidden (a gloss), or is c at a block's end? */
static int
sel_skip(struct pager *p, const struct pos *c)
{
	struct text	*t = sel_text(p, c->block);

	return c->off < t->len && text_hidden_at(t, c->off);
}

/* Moves to the next (dir 1) or previous shown character, across blocks. */
static void
sel_char(struct pager *p, struct pos *c, int dir)
{
	struct pos	was = *c;

	if (!sel_step(p, c, dir))
		return;
	while (sel_skip(p, c))
		if (!sel_step(p, c, dir)) {
			*c = was;
			return;
		}
}

/* Next or previous break opportunity (a word, or a CJK character). */
static void
sel_word(struct pager *p, struct pos *c, int dir)
{
	struct text		*t;
	const struct clusters	*cl;
	uint32_t		 start = c->block;

	do {
		sel_char(p, c, dir);
		t = sel_text(p, c->block);
		cl = text_clusters(t, p->o->ambiguous, 0);
	} while (c->block == start && c->off > 0 && c->off < t->len &&
	    !sel_at_break(cl, c->off));
}

int
sel_at_break(const struct clusters *cl, uint32_t off)
{
	size_t	i;

	for (i = 0; i < cl->n; i++)
		if (cl->off[i] == off)
			return (cl->flags[i] & (CL_BREAK | CL_SPACE)) != 0;
	return 1;
}

static int
sel_sentence_end(uint32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '.' ||
	    c == '!' || c == '?' || c == 0xFF1B || c == ';';
}

/* After the next sentence end, or back after the previous one. */
static void
sel_sentence(struct pager *p, struct pos *c, int dir)
{
	struct text	*t = sel_text(p, c->block);
	size_t		 i = c->off;
	uint32_t	 ch;

	if (dir > 0) {
		while (i < t->len) {
			i += (size_t)utf8_decode((const uint8_t *)t->s + i,
			    t->len - i, &ch);
			if (sel_sentence_end(ch))
				break;
		}
		while (i < t->len && t->s[i] == ' ')
			i++;
		c->off = (uint32_t)i;
		return;
	}
	while (i > 0) {
		size_t j = i;

		while (j > 0 && (t->s[--j] & 0xC0) == 0x80)
			;
		utf8_decode((const uint8_t *)t->s + j, t->len - j, &ch);
		if (j + 1 < c->off && sel_sentence_end(ch) && i < c->off) {
			while (i < t->len && t->s[i] == ' ')
				i++;
			break;
		}
		i = j;
	}
	c->off = (uint32_t)i;
}

/* The first (dir < 0) or last shown character of block b. */
static struct pos
sel_block_end(struct pager *p, uint32_t b, int dir)
{
	struct text		*t = sel_text(p, b);
	const struct clusters	*cl = text_clusters(t, p->o->ambiguous, 0);
	struct pos		 c = { b, 0 };
	size_t			 i;

	if (dir < 0) {
		for (i = 0; i < cl->n && text_hidden_at(t, cl->off[i]); i++)
			;
	} else {
		for (i = cl->n; i > 0 && text_hidden_at(t, cl->off[i - 1]); i--)
			;
		i = i > 0 ? i - 1 : 0;
	}
	c.off = i < cl->n ? cl->off[i] : 0;
	return c;
}

/* } and {: the paragraph's last (first) character, then the next one's. */
static void
sel_paragraph(struct pager *p, struct pos *c, int dir)
{
	struct pos	e = sel_block_end(p, c->block, dir);

	if (pos_cmp(*c, e) != 0) {
		*c = e;
		return;
	}
	if (dir > 0 && doc_has_block(view_doc(p->r->v), c->block + 1))
		*c = sel_block_end(p, c->block + 1, dir);
	else if (dir < 0 && c->block > 0)
		*c = sel_block_end(p, c->block - 1, dir);
}

/* The screen line holding c, or n. */
static size_t
sel_line_of(const struct line *l, size_t n, const struct pos *c)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (l[i].kind == LINE_TEXT && l[i].block == c->block &&
		    l[i].start <= c->off && (c->off < l[i].end ||
		    (i + 1 == n || l[i + 1].block != c->block)))
			return i;
	return n;
}

/* Puts c on the shown character of line l nearest to column col. */
static void
sel_to_column(struct pager *p, const struct line *l, int col, struct pos *c)
{
	struct text		*t = sel_text(p, l->block);
	const struct clusters	*cl = text_clusters(t, p->o->ambiguous, 0);
	size_t			 i = sel_cluster(cl, l->start), last = i;
	int			 w = 0;

	for (; i < cl->n && cl->off[i] < l->end; i++) {
		if (cl->flags[i] & CL_HIDDEN)
			continue;
		last = i;
		if (w + cl->width[i] > col)
			break;
		w += cl->width[i];
	}
	c->block = l->block;
	c->off = last < cl->n ? cl->off[last] : l->start;
}

/* The column of c in its line. */
static int
sel_column(struct pager *p, const struct line *l, const struct pos *c)
{
	struct text		*t = sel_text(p, l->block);
	const struct clusters	*cl = text_clusters(t, p->o->ambiguous, 0);
	size_t			 i;
	int			 w = 0;

	for (i = sel_cluster(cl, l->start); i < cl->n && cl->off[i] < c->off;
	    i++)
		w += cl->width[i];
	return w;
}

/* Up or down a screen line, keeping the column; scrolls at the edges. */
static void
sel_line(struct pager *p, struct pos *c, int dir)
{
	const struct line	*l;
	size_t			 n, i;
	long			 j;
	int			 tries;

	for (tries = 0; tries < 8; tries++) {
		l = view_lines(p->r->v, &n);
		if ((i = sel_line_of(l, n, c)) == n) {
			view_goto_in(p->r->v, view_doc(p->r->v), *c);
			continue;
		}
		for (j = (long)i + dir; j >= 0 && j < (long)n &&
		    l[j].kind != LINE_TEXT; j += dir)
			;
		if (j >= 0 && j < (long)n) {
			sel_to_column(p, &l[j], sel_column(p, &l[i], c), c);
			return;
		}
		if (view_scroll(p->r->v, dir) == 0)
			return;		/* the document's first or last line */
	}
}

/* Keeps the cursor on the screen. */
static void
sel_follow(struct pager *p)
{
	const struct line	*l;
	size_t			 n;

	l = view_lines(p->r->v, &n);
	if (sel_line_of(l, n, &p->r->sel.cur) < n)
		return;
	view_goto_in(p->r->v, view_doc(p->r->v), p->r->sel.cur);
}

/* Bytes of the character at c (0 at a block's end). */
static uint32_t
sel_char_len(struct pager *p, struct pos c)
{
	struct text		*t = sel_text(p, c.block);
	const struct clusters	*cl = text_clusters(t, p->o->ambiguous, 0);
	size_t			 i = sel_cluster(cl, c.off);

	return i < cl->n && cl->off[i] == c.off ? cl->off[i + 1] - c.off : 0;
}

int
sel_range(struct pager *p, struct pos *from, struct pos *to)
{
	struct pos	a = p->r->sel.from, z = p->r->sel.cur;

	if (!p->r->sel.active)
		return -1;
	if (pos_cmp(a, z) > 0) {
		a = p->r->sel.cur;
		z = p->r->sel.from;
	}
	z.off += sel_char_len(p, z);	/* the character under the cursor */
	*from = a;
	*to = z;
	return pos_cmp(a, z) < 0 ? 0 : -1;
}

void
sel_marks(struct pager *p, size_t b, struct marks *m)
{
	struct pos	a, z;

	if (sel_range(p, &a, &z) != 0 || b < a.block || b > z.block)
		return;
	marks_add(m, b == a.block ? a.off : 0, b == z.block ? z.off :
	    (uint32_t)sel_text(p, (uint32_t)b)->len, STYLE_SELECT, 0);
}

static int
sel_move(struct pager *p, wint_t c, int fn)
{
	struct pos	*k = &p->r->sel.cur;

	if (fn) {
		if (c == KEY_LEFT)
			sel_char(p, k, -1);
		else if (c == KEY_RIGHT)
			sel_char(p, k, 1);
		else if (c == KEY_DOWN)
			sel_line(p, k, 1);
		else if (c == KEY_UP)
			sel_line(p, k, -1);
		else
			return 0;
		return 1;
	}
	switch (c) {
	case 'h': sel_char(p, k, -1); break;
	case 'l': sel_char(p, k, 1); break;
	case 'w': sel_word(p, k, 1); break;
	case 'b': sel_word(p, k, -1); break;
	case ')': sel_sentence(p, k, 1); break;
	case '(': sel_sentence(p, k, -1); break;
	case 'j': sel_line(p, k, 1); break;
	case 'k': sel_line(p, k, -1); break;
	case '}': sel_paragraph(p, k, 1); break;
	case '{': sel_paragraph(p, k, -1); break;
	default: return 0;
	}
	return 1;
}

/* The status line says how to use the selection. */
static void
sel_draw(struct pager *p, void *arg)
{
	static const char msg[] =
	    "-- SELECT -- h l w b ( ) j k { } move; a note, H highlight, "
	    "y copy, Esc cancels";
	const char	*say = p->msg[0] != '\0' ? p->msg : msg;
	char		*fit = draw_fit(say, strlen(say), p->cols - 1, NULL);

	(void)arg;
	attrset(A_REVERSE);
	move(p->rows - 1, 0);
	clrtoeol();
	mvaddstr(p->rows - 1, 0, fit);
	attrset(A_NORMAL);
	free(fit);
}

/* Where the selection starts: the search match on screen, or the top line. */
static void
sel_begin(struct pager *p)
{
	const struct line	*l;
	struct pos		 from, to;
	size_t			 n, i;

	p->r->sel.active = 1;
	if (find_visible(p) && find_current(p, &from, &to) == 0) {
		p->r->sel.from = p->r->sel.cur = from;
		while (pos_cmp(p->r->sel.cur, to) < 0) {	/* to its last character */
			struct pos next = p->r->sel.cur;

			sel_char(p, &next, 1);
			if (pos_cmp(next, to) >= 0 || pos_cmp(next, p->r->sel.cur) == 0)
				break;
			p->r->sel.cur = next;
		}
		return;
	}
	l = view_lines(p->r->v, &n);
	for (i = 0; i < n && l[i].kind != LINE_TEXT; i++)
		;
	p->r->sel.from.block = p->r->sel.cur.block = i < n ? l[i].block :
	    (uint32_t)view_top_block(p->r->v);
	p->r->sel.from.off = p->r->sel.cur.off = i < n ? l[i].start : 0;
	if (sel_skip(p, &p->r->sel.cur))
		sel_char(p, &p->r->sel.cur, 1);
	p->r->sel.from = p->r->sel.cur;
}

static int
sel_key(struct pager *p, void *arg, const struct key *k)
{
	int	r;

	p->msg[0] = '\0';
	if (k->fn && k->c == KEY_RESIZE) {
		pager_layout(p);
		return UI_REDRAW;
	}
	if (sel_move(p, k->c, k->fn)) {
		sel_follow(p);
		return UI_REDRAW;
	}
	if (k->c == KEY_INTERRUPT || (!k->fn && (k->c == 27 || k->c == 'v')))
		return UI_DONE;
	if (!k->fn && (k->c == 'a' || k->c == 'H' || k->c == 'y')) {
		p->r->sel.done = 1;
		r = k->c == 'y' ? annot_copy(p) :
		    annot_note(p, k->c == 'a' ? NOTE_NOTE : NOTE_HIGHLIGHT);
		p->r->sel.done = 0;
		return r | UI_DONE;
	}
	pager_message(p, "in a selection: h l w b ( ) j k { } move, a H y act, "
	    "Esc cancels");
	return UI_REDRAW;
}

static void
sel_free(void *arg)
{
	struct sel	*s = arg;

	s->active = 0;
}

static const struct mode_type sel_mode = {
	"select", 0, sel_key, sel_draw, NULL, NULL, sel_free
};

int
sel_run(struct pager *p)
{
	if (doc_nblocks(view_doc(p->r->v)) == 0) {
		pager_message(p, "nothing to select here");
		return UI_REDRAW;
	}
	sel_begin(p);
	mode_push(p, &sel_mode, &p->r->sel);
	return UI_REDRAW;
}
