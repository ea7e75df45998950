/*
 * select.c: v, choosing a passage with the keyboard.
 *
 * The selection runs from where it started (the current search match, or
 * the top line) to a cursor that moves by character (h l), word (w b),
 * sentence () (), screen line (j k) and paragraph (} {).  a, H and y then
 * act on it; Esc cancels.  Positions are (block, byte offset) of the shown
 * document; the source bytes of the passage are found by searching its
 * text in the source of the blocks it covers.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "buf.h"
#include "search.h"
#include "ui.h"
#include "utf8.h"
#include "xmalloc.h"

static int
sel_cmp(const struct pos *a, const struct pos *b)
{
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	return a->off < b->off ? -1 : a->off > b->off;
}

static struct text *
sel_text(struct pager *p, uint32_t b)
{
	return doc_text(view_doc(p->v), b);
}

/* Moves to the next (dir 1) or previous cluster, across blocks. */
static void
sel_char(struct pager *p, struct pos *c, int dir)
{
	struct text		*t = sel_text(p, c->block);
	const struct clusters	*cl = text_clusters(t, p->o->ambiguous, 0);
	size_t			 i;

	for (i = 0; i < cl->n && cl->off[i] < c->off; i++)
		;
	if (dir > 0 && i < cl->n) {
		c->off = cl->off[i + 1];
		if (c->off >= t->len && doc_has_block(view_doc(p->v),
		    c->block + 1)) {
			c->block++;
			c->off = 0;
		}
	} else if (dir < 0 && i > 0)
		c->off = cl->off[i - 1];
	else if (dir < 0 && c->block > 0) {
		c->block--;
		c->off = (uint32_t)sel_text(p, c->block)->len;
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

static void
sel_paragraph(struct pager *p, struct pos *c, int dir)
{
	if (dir > 0) {
		if (doc_has_block(view_doc(p->v), c->block + 1)) {
			c->block++;
			c->off = 0;
		} else
			c->off = (uint32_t)sel_text(p, c->block)->len;
	} else if (c->off > 0)
		c->off = 0;
	else if (c->block > 0) {
		c->block--;
		c->off = 0;
	}
}

/* Up or down a screen line, keeping the place in the line roughly. */
static void
sel_line(struct pager *p, struct pos *c, int dir)
{
	const struct line	*l;
	size_t			 n, i;
	uint32_t		 delta;

	l = view_lines(p->v, &n);
	for (i = 0; i < n; i++)
		if (l[i].kind == LINE_TEXT && l[i].block == c->block &&
		    l[i].start <= c->off && c->off <= l[i].end)
			break;
	if (i == n) {
		sel_paragraph(p, c, dir);
		return;
	}
	delta = c->off - l[i].start;
	for (i = (size_t)((long)i + dir); i < n; i = (size_t)((long)i + dir))
		if (l[i].kind == LINE_TEXT)
			break;
	if (i >= n) {
		view_scroll(p->v, dir);
		sel_paragraph(p, c, dir);
		return;
	}
	c->block = l[i].block;
	c->off = l[i].start + delta < l[i].end ? l[i].start + delta : l[i].end;
	while (c->off > l[i].start &&
	    (sel_text(p, c->block)->s[c->off] & 0xC0) == 0x80)
		c->off--;
}

/* Keeps the cursor on the screen. */
static void
sel_follow(struct pager *p)
{
	const struct line	*l;
	size_t			 n, i;

	l = view_lines(p->v, &n);
	for (i = 0; i < n; i++)
		if (l[i].block == p->sel.cur.block && l[i].kind == LINE_TEXT &&
		    l[i].start <= p->sel.cur.off && p->sel.cur.off <= l[i].end)
			return;
	view_goto_in(p->v, view_doc(p->v), p->sel.cur);
}

void
sel_spans(struct pager *p, size_t b, struct text *t)
{
	struct pos	a = p->sel.from, z = p->sel.cur;
	uint32_t	s, e;

	text_clear_style(t, STYLE_SELECT);
	if (!p->sel.active)
		return;
	if (sel_cmp(&a, &z) > 0) {
		a = p->sel.cur;
		z = p->sel.from;
	}
	if (b < a.block || b > z.block)
		return;
	s = b == a.block ? a.off : 0;
	e = b == z.block ? z.off : (uint32_t)t->len;
	if (e == s && b == p->sel.cur.block && e < t->len)
		e++;		/* show the cursor */
	while (e < t->len && (t->s[e] & 0xC0) == 0x80)
		e++;
	if (e > s)
		text_add_span(t, s, e, STYLE_SELECT, 0);
}

/* Finds text[from, to) of block b in that block's source: 0 if found. */
static int
sel_find(struct pager *p, uint32_t b, uint32_t from, uint32_t to, size_t *a,
    size_t *z)
{
	struct doc	*d = view_doc(p->v);
	struct text	*t = sel_text(p, b);
	struct search	*pat;
	char		*q, *cause = NULL;
	size_t		 n;
	const char	*src = doc_source(d, &n);
	struct { int found; size_t a, z; } hit = { 0, 0, 0 };

	if (to <= from)
		return -1;
	q = xmalloc(to - from + 1);
	memcpy(q, t->s + from, to - from);
	q[to - from] = '\0';
	pat = search_new(q, SEARCH_CASE, &cause);
	free(q);
	free(cause);
	if (pat != NULL)
		search_scan(pat, src, n, doc_block(d, b)->off,
		    doc_block(d, b)->off + doc_block(d, b)->len, annot_first,
		    &hit);
	search_free(pat);
	if (!hit.found) {	/* Markdown: markup inside the passage */
		uint64_t	x, y;

		if (doc_source_range(d, b, from, to, &x, &y) == 0) {
			hit.a = (size_t)x;
			hit.z = (size_t)y;
			hit.found = 1;
		}
	}
	*a = hit.a;
	*z = hit.z;
	return hit.found ? 0 : -1;
}

/* The selected passage's bytes in the source; 0 if found. */
int
sel_source(struct pager *p, size_t *a, size_t *z)
{
	struct pos	s = p->sel.from, e = p->sel.cur;
	size_t		x, y;

	if (sel_cmp(&s, &e) > 0) {
		s = p->sel.cur;
		e = p->sel.from;
	}
	if (e.off == 0 && e.block > s.block) {	/* ends at a block's start */
		e.block--;
		e.off = (uint32_t)sel_text(p, e.block)->len;
	}
	if (s.block == e.block)
		return sel_find(p, s.block, s.off, e.off, a, z);
	if (sel_find(p, s.block, s.off, (uint32_t)sel_text(p, s.block)->len,
	    a, &y) != 0 || sel_find(p, e.block, 0, e.off, &x, z) != 0)
		return -1;
	return 0;
}

static int
sel_move(struct pager *p, wint_t c, int fn)
{
	struct pos	*k = &p->sel.cur;

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

static void
sel_status(struct pager *p)
{
	static const char msg[] =
	    "-- SELECT -- h l w b ( ) j k { } move; a note, H highlight, "
	    "y copy, Esc cancels";
	char	*fit = draw_fit(msg, strlen(msg), p->cols - 1, NULL);

	attrset(A_REVERSE);
	move(p->rows - 1, 0);
	clrtoeol();
	mvaddstr(p->rows - 1, 0, fit);
	attrset(A_NORMAL);
	free(fit);
}

/* Where the selection starts: the search match, or the top line. */
static void
sel_begin(struct pager *p)
{
	struct find		*f = &p->find;
	const struct line	*l;
	size_t			 n, i;

	p->sel.active = 1;
	if (f->s != NULL && f->have && doc_nblocks(view_doc(p->v)) > 0) {
		size_t	b = doc_block_at(view_doc(p->v), f->block_off);

		if (doc_block(view_doc(p->v), b)->off == f->block_off &&
		    find_visible_pos(p, b, f->start)) {
			p->sel.from.block = p->sel.cur.block = (uint32_t)b;
			p->sel.from.off = f->start;
			p->sel.cur.off = f->end;
			return;
		}
	}
	l = view_lines(p->v, &n);
	for (i = 0; i < n && l[i].kind != LINE_TEXT; i++)
		;
	p->sel.from.block = p->sel.cur.block = i < n ? l[i].block :
	    (uint32_t)view_top_block(p->v);
	p->sel.from.off = p->sel.cur.off = i < n ? l[i].start : 0;
}

int
sel_run(struct pager *p)
{
	wint_t	c;
	int	rc, r = UI_REDRAW;

	if (doc_nblocks(view_doc(p->v)) == 0) {
		pager_message(p, "nothing to select here");
		return UI_REDRAW;
	}
	sel_begin(p);
	for (;;) {
		p->ngen++;
		draw_screen(p);
		sel_status(p);
		refresh();
		rc = get_wch(&c);
		if (term_quit_requested()) {
			r = UI_QUIT;
			break;
		}
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && c == KEY_RESIZE) {
			pager_layout(p);
			continue;
		}
		if (sel_move(p, c, rc == KEY_CODE_YES)) {
			sel_follow(p);
			continue;
		}
		if (rc == OK && c == 27)
			break;
		if (rc == OK && (c == 'a' || c == 'H' || c == 'y')) {
			p->sel.done = 1;
			r = c == 'y' ? annot_copy(p) :
			    annot_note(p, c == 'a' ? NOTE_NOTE : NOTE_HIGHLIGHT);
			p->sel.done = 0;
			break;
		}
	}
	p->sel.active = 0;
	p->ngen++;
	return r | UI_REDRAW;
}
