/*
 * draw.c: the text column and the status line.
 *
 * The screen is drawn whole into ncurses' buffer on every change; ncurses
 * sends the terminal only the difference (idlok lets it scroll), so moving
 * a line costs a line, not a screen.  Nothing is ever written to the
 * bottom-right cell, and the layout never makes a line wider than the
 * column, so no wide character lands in the last column.
 */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "buf.h"
#include "colour.h"
#include "layout.h"
#include "sanitize.h"
#include "ui.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

/* Each element's attribute (colour pair and attributes), made at the start. */
static attr_t	draw_attrs[CE_COUNT];

/* curses' attributes for colour.h's. */
static attr_t
draw_curses_attrs(int a)
{
	return (a & COLOUR_BOLD ? A_BOLD : 0) | (a & COLOUR_DIM ? A_DIM : 0) |
	    (a & COLOUR_ITALIC ? A_ITALIC : 0) |
	    (a & COLOUR_UNDERLINE ? A_UNDERLINE : 0) |
	    (a & COLOUR_REVERSE ? A_REVERSE : 0) |
	    (a & COLOUR_BLINK ? A_BLINK : 0);
}

/*
 * The elements' attributes: in colour, each a pair of the theme's colours
 * (or the configuration's), fitted to the terminal's; an element whose
 * colour is the default takes the text's, so that a background given to
 * the text is everywhere.  Without colour, attributes alone.
 */
void
draw_init(struct pager *p)
{
	const struct options	*o = p->o;
	struct colour		 c, text;
	int			 e, theme, n = COLORS, fg, bg;

	theme = colour_theme_resolve(o->theme, getenv("COLORFGBG"));
	if (o->elem_set & (1u << CE_TEXT))
		text = o->elem[CE_TEXT];
	else
		colour_default(theme, CE_TEXT, n, &text);
	text.fg = colour_fit(text.fg, n);
	text.bg = colour_fit(text.bg, n);
	for (e = 0; e < CE_COUNT; e++) {
		if (o->elem_set & (1u << e))
			c = o->elem[e];
		else if (p->colour)
			colour_default(theme, e, n, &c);
		else
			c.has_attrs = 0;
		if (!p->colour) {	/* the attributes the user gave, or ours */
			draw_attrs[e] = draw_curses_attrs(c.has_attrs ?
			    c.attrs : colour_mono(e));
			continue;
		}
		fg = c.fg < 0 ? text.fg : colour_fit(c.fg, n);
		bg = c.bg < 0 ? text.bg : colour_fit(c.bg, n);
		draw_attrs[e] = draw_curses_attrs(c.attrs);
		if ((fg >= 0 || bg >= 0) && init_pair((short)(e + 1), (short)fg,
		    (short)bg) == OK)
			draw_attrs[e] |= COLOR_PAIR(e + 1);
	}
	if (p->colour && (text.fg >= 0 || text.bg >= 0))
		bkgdset(' ' | (draw_attrs[CE_TEXT] & A_COLOR));
}

attr_t
draw_elem(int e)
{
	return e >= 0 && e < CE_COUNT ? draw_attrs[e] : A_NORMAL;
}

/* a, then b over it: b's colour pair, if it has one, replaces a's. */
static attr_t
draw_over(attr_t a, attr_t b)
{
	if (b & A_COLOR)
		a &= ~A_COLOR;
	return a | b;
}

/* The attribute of a text style, on top of the line's own. */
static attr_t
draw_style_attr(const struct pager *p, int style)
{
	switch (style) {
	case STYLE_MARKER:
		return draw_attrs[CE_MARKER];
	case STYLE_EMPH:
		return A_ITALIC;
	case STYLE_STRONG:
		return A_BOLD;
	case STYLE_CODE:
		return draw_attrs[CE_CODE];
	case STYLE_STRIKE:
		return A_DIM;
	case STYLE_LINK:
		return draw_attrs[CE_LINK];
	case STYLE_MATCH:
		return draw_attrs[CE_MATCH];
	case STYLE_CURRENT:
		return draw_attrs[CE_CURRENT];
	case STYLE_SELECT:
		return A_REVERSE;
	case STYLE_HIGHLIGHT:
		return draw_attrs[CE_HIGHLIGHT];
	}
	return A_NORMAL;
}

/* The attribute of a whole line, from its block. */
static attr_t
draw_line_attr(const struct pager *p, const struct line *l)
{
	const struct block	*b = doc_block(view_doc(p->r->v), l->block);

	if (b->type == BLOCK_HEADING) {
		/* Each level looks different, also without a margin mark. */
		int level = doc_level(view_doc(p->r->v), l->block);
		attr_t a = level <= 1 ? A_BOLD | A_UNDERLINE : level == 2 ?
		    A_BOLD : level == 3 ? A_BOLD | A_ITALIC : A_ITALIC;

		return draw_over(draw_attrs[CE_TEXT], a | draw_attrs[level == 0 ?
		    CE_TITLE : level <= 2 ? CE_HEADING : CE_SUBHEADING]);
	}
	if (b->type == BLOCK_PRE && p->colour)
		return draw_over(draw_attrs[CE_TEXT], draw_attrs[CE_CODE]);
	return draw_attrs[CE_TEXT];
}

struct draw_run {
	const struct pager	*p;
	attr_t			 base;
	const struct text	*t;	/* the line's block text */
};

/*
 * The attributes of the marks over a run, over a: a highlight under the
 * matches, the current match over the others, the selection on top.
 */
static attr_t
draw_marks_attr(const struct pager *p, attr_t a, unsigned marks)
{
	static const int	order[] = {
		STYLE_HIGHLIGHT, STYLE_MATCH, STYLE_CURRENT, STYLE_SELECT
	};
	size_t			i;

	for (i = 0; i < sizeof order / sizeof *order; i++)
		if (marks & (1u << order[i]))
			a = draw_over(a, draw_style_attr(p, order[i]));
	return a;
}

/* The link number of the span holding byte off. */
static unsigned
draw_link_of(const struct text *t, size_t off)
{
	size_t	i;

	for (i = 0; i < t->nspans; i++)
		if (t->spans[i].style == STYLE_LINK &&
		    t->spans[i].start <= off && off < t->spans[i].end)
			return t->spans[i].data;
	return 0;
}

/* Remembers a link's text on screen for draw_hyperlinks. */
static void
draw_note_link(struct pager *p, const char *s, size_t n, unsigned link)
{
	struct link_run	*l;
	int		 y, x;

	getyx(stdscr, y, x);
	p->runs = xgrow(p->runs, &p->runcap, p->nruns + 1, sizeof *p->runs);
	l = &p->runs[p->nruns++];
	l->y = y;
	l->x = x;
	l->text = xmalloc(n + 1);
	memcpy(l->text, s, n);
	l->text[n] = '\0';
	l->link = link;
}

static void
draw_run(void *arg, const char *s, size_t n, int style, unsigned marks)
{
	const struct draw_run	*r = arg;

	attrset(draw_marks_attr(r->p, draw_over(r->base,
	    draw_style_attr(r->p, style)), marks));
	if (style == STYLE_LINK && r->p->hyperlinks &&
	    doc_is_rendered(r->p->r->d))
		draw_note_link((struct pager *)r->p, s, n,
		    draw_link_of(r->t, (size_t)(s - r->t->s)));
	addnstr(s, (int)n);
}

/* A marker in the margin for headings: one # per level, when there is room. */
static void
draw_heading_mark(const struct pager *p, int y, const struct line *l)
{
	int	level = doc_level(view_doc(p->r->v), l->block), i;

	if (!(l->flags & LINE_FIRST) || level < 1 || p->margin < level + 1)
		return;
	attrset(p->colour ? draw_attrs[CE_HEADING] : A_DIM);
	move(y, p->margin - level - 1);
	for (i = 0; i < level; i++)
		addch('#');
}

/* A mark right of the text where a note starts on this line. */
static void
draw_note_mark(const struct pager *p, int y, const struct line *l,
    const struct marks *m)
{
	size_t			 i;
	int			 x = p->margin + l->indent + l->width + 1;

	if (x >= p->cols - 1)	/* no room after the text: the margin */
		x = p->margin > 0 ? p->margin - 1 : -1;
	if (x < 0 || m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		const struct span *s = &m->v[i];

		if (s->style == STYLE_HIGHLIGHT && s->data == 1 &&
		    s->start >= l->start && s->start < l->end) {
			attrset(draw_attrs[CE_NOTE_MARK]);
			mvaddch(y, x, '*');
			return;
		}
	}
}

static void
draw_line(const struct pager *p, int y, const struct line *l,
    const struct marks *m)
{
	const struct block	*b = doc_block(view_doc(p->r->v), l->block);
	int			 amb = p->o->ambiguous, i;
	struct draw_run		 r = { p, draw_line_attr(p, l), NULL };
	struct buf		 ind;

	if (l->kind == LINE_BLANK)
		return;
	buf_init(&ind);
	layout_indent(b, l, amb, &ind);
	move(y, p->margin);
	attrset(A_DIM);
	if (ind.len > 0)
		addnstr(ind.s, (int)ind.len);
	buf_free(&ind);
	if (l->kind == LINE_RULE) {
		for (i = 0; i < l->width; i++)
			addstr(layout_rule_char(amb));
		return;
	}
	if (b->type == BLOCK_HEADING)
		draw_heading_mark(p, y, l);
	move(y, p->margin + l->indent);
	attrset(A_DIM);
	if (l->flags & LINE_CUT_LEFT)
		addstr(layout_cut_marker(amb, 1));
	if (l->flags & LINE_PAD_LEFT)
		addch(' ');
	r.t = doc_text(view_doc(p->r->v), l->block);
	layout_runs(r.t, l, m, draw_run, &r);
	attrset(A_DIM);
	if (l->flags & LINE_CUT_RIGHT)
		addstr(layout_cut_marker(amb, 0));
	draw_note_mark(p, y, l, m);
}

/* Appends code points of s while they fit in cols; returns the columns. */
static int
draw_copy(struct buf *b, const char *s, size_t n, int cols, size_t *done)
{
	size_t		i = 0;
	int		w = 0, cw, k;
	uint32_t	c;

	while (i < n) {
		k = utf8_decode((const uint8_t *)s + i, n - i, &c);
		cw = width_cp(c, 1);
		if (w + cw > cols)
			break;
		buf_add(b, s + i, (size_t)k);
		w += cw;
		i += (size_t)k;
	}
	*done = i;
	return w;
}

char *
draw_fit(const char *s, size_t n, int cols, int *used)
{
	struct buf	b;
	size_t		done;
	int		w;

	buf_init(&b);
	w = draw_copy(&b, s, n, cols, &done);
	if (done < n && cols > 1) {	/* cut: end with an ellipsis */
		b.len = 0;
		w = draw_copy(&b, s, n, cols - 1, &done);
		buf_adds(&b, "\xE2\x80\xA6");		/* … */
		w++;
	}
	if (used != NULL)
		*used = w;
	return buf_take(&b, NULL);
}

char *
draw_breadcrumb(struct doc *d, size_t b, int written)
{
	const uint32_t	*o;
	size_t		 n, len;
	long		 s, chain[8];
	int		 k = 0, level = 1000;
	struct buf	 out;

	buf_init(&out);
	if (doc_nblocks(d) == 0)
		return buf_take(&out, NULL);
	s = doc_section_of(d, b);
	o = doc_outline(d, &n);
	for (; s >= 0 && k < 8; s--) {
		int lv = doc_level(d, o[s]);

		if (lv < level) {
			chain[k++] = s;
			level = lv;
		}
		if (level <= 1)
			break;
	}
	while (k-- > 0) {
		char *t = written ? doc_visible_written(d, o[chain[k]], &len) :
		    text_visible(doc_text(d, o[chain[k]]), &len);

		buf_add(&out, t, len);
		free(t);
		if (k > 0)
			buf_adds(&out, " \xE2\x80\xBA ");	/* › */
	}
	return buf_take(&out, NULL);
}

/*
 * A message with a path in it: the path gives way first, keeping its end
 * ("…/folio/store"); NULL if that is not enough.
 */
static char *
draw_fit_path(const char *s, int cols)
{
	const char	*p, *best = NULL;
	size_t		 n = strlen(s), blen = 0, k, cut;
	int		 over = width_str(s, n, 1) - cols;

	for (p = s; *p != '\0'; p += k) {
		k = strcspn(p, " ()");
		if (k == 0)
			k = 1;
		else if (memchr(p, '/', k) != NULL && k > blen) {
			best = p;
			blen = k;
		}
	}
	if (best == NULL || (int)blen - 4 < over)
		return NULL;
	cut = (size_t)over + 1;		/* bytes of the path to drop (ASCII) */
	while (cut < blen && (best[cut] & 0xC0) == 0x80)
		cut++;
	return xasprintf("%.*s\xE2\x80\xA6%s", (int)(best - s), s, best + cut);
}

char *
draw_fit_middle(const char *s, int cols)
{
	struct buf	 b;
	size_t		 n = strlen(s), tail;
	int		 w = width_str(s, n, 1), head, tw;
	char		*h;

	if (w <= cols || cols < 8)
		return draw_fit(s, n, cols, NULL);
	if ((h = draw_fit_path(s, cols)) != NULL &&
	    width_str(h, strlen(h), 1) <= cols)
		return h;
	free(h);
	/* Keep about a third at the end: where a message says why. */
	tail = n;
	tw = 0;
	while (tail > 0 && tw < cols / 3) {
		size_t k = tail;

		while (k > 0 && (s[--k] & 0xC0) == 0x80)
			;
		tw += width_str(s + k, tail - k, 1);
		tail = k;
	}
	head = cols - tw - 1;
	h = draw_fit(s, tail, head, NULL);
	buf_init(&b);
	buf_add(&b, h, strlen(h) >= 3 && strcmp(h + strlen(h) - 3,
	    "\xE2\x80\xA6") == 0 ? strlen(h) - 3 : strlen(h));
	buf_adds(&b, "\xE2\x80\xA6");
	buf_adds(&b, s + tail);
	free(h);
	return buf_take(&b, NULL);
}

/* The end of s that fits in cols, after an ellipsis: "… › C". */
static char *
draw_fit_end(const char *s, int cols)
{
	size_t	n = strlen(s), from = 0;

	if (width_str(s, n, 1) <= cols || cols < 2)
		return draw_fit(s, n, cols, NULL);
	while (from < n && width_str(s + from, n - from, 1) > cols - 1) {
		from++;
		while (from < n && (s[from] & 0xC0) == 0x80)
			from++;
	}
	return xasprintf("\xE2\x80\xA6%s", s + from);
}

/*
 * The left of the status line: the title (else the file's name) and the
 * section being read, never the same text twice.  The title gives way
 * first; a section too long keeps its end, the part being read.
 */
static char *
draw_status_left(const struct status *st, int cols)
{
	const char	*name = st->title != NULL && *st->title != '\0' ?
	    st->title : st->file;
	const char	*crumb = st->section != NULL ? st->section : "";
	size_t		 tl = strlen(name);
	char		*t, *c, *out;
	int		 wn, wc;

	if (tl > 0 && strncmp(crumb, name, tl) == 0 && (crumb[tl] == '\0' ||
	    strncmp(crumb + tl, " \xE2\x80\xBA ", 5) == 0))
		crumb += crumb[tl] == '\0' ? tl : tl + 5;	/* not twice */
	wn = width_str(name, tl, 1);
	wc = width_str(crumb, strlen(crumb), 1);
	if (*crumb == '\0')
		return draw_fit(name, tl, cols, NULL);
	if (wn + 3 + wc <= cols)
		return xasprintf("%s \xE2\x80\x94 %s", name, crumb);
	if (wc + 3 + 8 <= cols) {
		t = draw_fit(name, tl, cols - wc - 3, NULL);
		out = xasprintf("%s \xE2\x80\x94 %s", t, crumb);
		free(t);
		return out;
	}
	c = draw_fit_end(crumb, cols);
	return c;
}

/* Joins the parts that are set, two blanks apart. */
static char *
draw_join(const char *const *part, int n)
{
	struct buf	b;
	int		i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (part[i] == NULL || *part[i] == '\0')
			continue;
		if (b.len > 0)
			buf_adds(&b, "  ");
		buf_adds(&b, part[i]);
	}
	return buf_take(&b, NULL);
}

/*
 * The right of the status line: the count being typed, the file of
 * several, the search's count, the place, the time left; the time and
 * then the file give way first.
 */
static char *
draw_status_right(const struct status *st, int cols)
{
	const char	*all[] = { st->count, st->files, st->script, st->match,
			    st->pos, st->left };
	const char	*no_time[] = { st->count, st->files, st->script,
			    st->match, st->pos };
	const char	*least[] = { st->count, st->script, st->match, st->pos };
	char		*r;

	if (st->msg != NULL)	/* a message: the place only, room for it */
		return draw_join(least, 4);
	r = draw_join(all, 6);
	if (width_str(r, strlen(r), 1) <= cols)
		return r;
	free(r);
	r = draw_join(no_time, 5);
	if (width_str(r, strlen(r), 1) <= cols)
		return r;
	free(r);
	return draw_join(least, 4);
}

void
draw_status(struct pager *p, const struct status *given)
{
	struct status	 s = *given, *st = &s;
	char		*left, *right;
	int		 cols = p->cols - 1, wr, i;

	/* a message may quote a path or a reason; a file name is anything */
	s.msg = given->msg != NULL ? sanitize_dup(given->msg,
	    strlen(given->msg)) : NULL;
	s.file = given->file != NULL ? sanitize_dup(given->file,
	    strlen(given->file)) : NULL;
	right = draw_status_right(st, cols / 2);
	wr = width_str(right, strlen(right), 1);
	attrset(draw_attrs[CE_STATUS]);
	move(p->rows - 1, 0);
	for (i = 0; i < cols; i++)
		addch(' ');
	if (cols - wr - 3 >= 4) {
		left = st->msg != NULL ? draw_fit_middle(st->msg, cols - wr - 3) :
		    draw_status_left(st, cols - wr - 3);
		mvaddstr(p->rows - 1, 1, left);
		mvaddstr(p->rows - 1, cols - wr, right);
	} else {
		left = draw_fit(right, strlen(right), cols, NULL);
		mvaddstr(p->rows - 1, 0, left);
	}
	free(left);
	free(right);
	free(s.msg);
	free(s.file);
	attrset(A_NORMAL);
}

static void
draw_too_small(const struct pager *p)
{
	static const char *const msgs[] = {
		"terminal too small", "too small", "small", "!"
	};
	size_t	i;

	if (p->rows < 2 || p->cols < 2)
		return;		/* no cell but the bottom-right one */
	for (i = 0; i < sizeof msgs / sizeof *msgs; i++) {
		if ((int)strlen(msgs[i]) <= p->cols - 1) {
			mvaddstr(0, 0, msgs[i]);
			return;
		}
	}
}

void
draw_screen(struct pager *p, const struct screen_marks *sm,
    const struct status *st)
{
	const struct line	*l;
	size_t			 n, i;

	while (p->nruns > 0)
		free(p->runs[--p->nruns].text);
	erase();
	if (p->cols < UI_MIN_COLS || p->rows < UI_MIN_ROWS) {
		draw_too_small(p);
		return;
	}
	l = view_lines(p->r->v, &n);
	for (i = 0; i < n; i++)
		draw_line(p, (int)i, &l[i], i < sm->n ? &sm->v[i] : NULL);
	for (; i < (size_t)p->rows - 1; i++) {
		attrset(A_DIM);
		mvaddch((int)i, p->margin, '~');
	}
	draw_status(p, st);
}

/* The n-th (from 1) URL of the document, or NULL. */
static char *
draw_url(struct pager *p, unsigned n)
{
	size_t		 count, i = 0;
	/* the shown document's: a tail numbers its own */
	const char	*u = doc_links(view_doc(p->r->v), &count), *e;

	if (n == 0 || n > count)
		return NULL;
	while (--n > 0 && (e = strchr(u + i, '\n')) != NULL)
		i = (size_t)(e - u) + 1;
	e = strchr(u + i, '\n');
	return e != NULL ? xstrndup(u + i, (size_t)(e - u) - i) : NULL;
}

void
draw_hyperlinks(struct pager *p)
{
	size_t	i, k;
	char	*url;
	int	cy, cx;

	if (!p->hyperlinks || p->nruns == 0 || !doc_is_rendered(p->r->d))
		return;
	getyx(curscr, cy, cx);	/* where ncurses thinks the cursor is */
	for (i = 0; i < p->nruns; i++) {
		if ((url = draw_url(p, p->runs[i].link)) == NULL)
			continue;
		for (k = 0; url[k] != '\0'; k++)	/* no escapes in the URL */
			if ((unsigned char)url[k] < 0x20 || url[k] == 0x7f)
				url[k] = '?';
		printf("\033[%d;%dH\033]8;;%s\033\\\033[4m%s\033[0m"
		    "\033]8;;\033\\", p->runs[i].y + 1, p->runs[i].x + 1, url,
		    p->runs[i].text);
		free(url);
	}
	printf("\033[%d;%dH", cy + 1, cx + 1);	/* put it back there */
	fflush(stdout);
}
