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
#include "layout.h"
#include "ui.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

enum {
	PAIR_HEADING = 1,
	PAIR_TITLE,
	PAIR_PRE,
	PAIR_MARK,
	PAIR_STATUS,
	PAIR_NOTE,
	PAIR_SUBHEADING,
};

static void
draw_colours(void)
{
	static int	done;

	if (done)
		return;
	done = 1;
	init_pair(PAIR_HEADING, COLOR_BLUE, -1);
	init_pair(PAIR_TITLE, COLOR_MAGENTA, -1);
	init_pair(PAIR_PRE, COLOR_CYAN, -1);
	init_pair(PAIR_MARK, COLOR_YELLOW, -1);
	init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
	init_pair(PAIR_NOTE, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_SUBHEADING, COLOR_GREEN, -1);
}

/* The attribute of a text style, on top of the line's own. */
static attr_t
draw_style_attr(const struct pager *p, int style)
{
	switch (style) {
	case STYLE_MARKER:
		return p->colour ? COLOR_PAIR(PAIR_MARK) : A_BOLD;
	case STYLE_EMPH:
		return A_ITALIC;
	case STYLE_STRONG:
		return A_BOLD;
	case STYLE_CODE:
		return p->colour ? COLOR_PAIR(PAIR_PRE) : A_DIM;
	case STYLE_STRIKE:
		return A_DIM;
	case STYLE_LINK:
		return A_UNDERLINE;
	case STYLE_MATCH:
		return A_REVERSE;
	case STYLE_CURRENT:
		return A_REVERSE | A_BOLD;
	case STYLE_SELECT:
		return A_REVERSE;
	case STYLE_HIGHLIGHT:
		return p->colour ? COLOR_PAIR(PAIR_NOTE) : A_UNDERLINE;
	}
	return A_NORMAL;
}

/* The attribute of a whole line, from its block. */
static attr_t
draw_line_attr(const struct pager *p, const struct line *l)
{
	const struct block	*b = doc_block(view_doc(p->v), l->block);

	if (b->type == BLOCK_HEADING) {
		/* Each level looks different, also without a margin mark. */
		int level = doc_level(view_doc(p->v), l->block);
		attr_t a = level <= 1 ? A_BOLD | A_UNDERLINE : level == 2 ?
		    A_BOLD : level == 3 ? A_BOLD | A_ITALIC : A_ITALIC;

		if (!p->colour)
			return a;
		return a | COLOR_PAIR(level == 0 ? PAIR_TITLE : level <= 2 ?
		    PAIR_HEADING : PAIR_SUBHEADING);
	}
	if (b->type == BLOCK_PRE)
		return p->colour ? COLOR_PAIR(PAIR_PRE) : A_NORMAL;
	return A_NORMAL;
}

struct draw_run {
	const struct pager	*p;
	attr_t			 base;
	const struct text	*t;	/* the line's block text */
};

/* The attributes of the marks over a run (matches, highlights...). */
static attr_t
draw_marks_attr(const struct pager *p, unsigned marks)
{
	attr_t	a = A_NORMAL;
	int	style;

	for (style = 0; marks != 0; style++, marks >>= 1)
		if (marks & 1)
			a |= draw_style_attr(p, style);
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
	if (p->nruns == p->runcap) {
		p->runcap = p->runcap ? p->runcap * 2 : 16;
		p->runs = xreallocarray(p->runs, p->runcap, sizeof *p->runs);
	}
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

	attrset(r->base | draw_style_attr(r->p, style) |
	    draw_marks_attr(r->p, marks));
	if (style == STYLE_LINK && r->p->hyperlinks)
		draw_note_link((struct pager *)r->p, s, n,
		    draw_link_of(r->t, (size_t)(s - r->t->s)));
	addnstr(s, (int)n);
}

/* A marker in the margin for headings: one # per level, when there is room. */
static void
draw_heading_mark(const struct pager *p, int y, const struct line *l)
{
	int	level = doc_level(view_doc(p->v), l->block), i;

	if (!(l->flags & LINE_FIRST) || level < 1 || p->margin < level + 1)
		return;
	attrset(p->colour ? COLOR_PAIR(PAIR_HEADING) : A_DIM);
	move(y, p->margin - level - 1);
	for (i = 0; i < level; i++)
		addch('#');
}

/*
 * What is laid over block b as it is drawn: search matches, highlights
 * and the selection.  The block's text itself is never changed.
 */
static void
draw_marks(struct pager *p, size_t b, struct marks *m)
{
	struct doc	*d = view_doc(p->v);

	m->n = 0;
	find_marks(p, d, b, m);
	annot_marks(p, d, b, m);
	sel_marks(p, b, m);
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
	if (x < 0)
		return;
	for (i = 0; i < m->n; i++) {
		const struct span *s = &m->v[i];

		if (s->style == STYLE_HIGHLIGHT && s->data == 1 &&
		    s->start >= l->start && s->start < l->end) {
			attrset(p->colour ? COLOR_PAIR(PAIR_MARK) | A_BOLD :
			    A_BOLD);
			mvaddch(y, x, '*');
			return;
		}
	}
}

static void
draw_line(const struct pager *p, int y, const struct line *l,
    const struct marks *m)
{
	const struct block	*b = doc_block(view_doc(p->v), l->block);
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
	r.t = doc_text(view_doc(p->v), l->block);
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
draw_breadcrumb(struct pager *p, size_t b, int written)
{
	const uint32_t	*o;
	size_t		 n, len;
	long		 s = doc_section_of(view_doc(p->v), b), chain[8];
	int		 k = 0, level = 1000;
	struct buf	 out;

	o = doc_outline(view_doc(p->v), &n);
	for (; s >= 0 && k < 8; s--) {
		int lv = doc_level(view_doc(p->v), o[s]);

		if (lv < level) {
			chain[k++] = s;
			level = lv;
		}
		if (level <= 1)
			break;
	}
	buf_init(&out);
	while (k-- > 0) {
		char *t = written ? doc_visible_written(view_doc(p->v),
		    o[chain[k]], &len) : text_visible(doc_text(view_doc(p->v),
		    o[chain[k]]), &len);

		buf_add(&out, t, len);
		free(t);
		if (k > 0)
			buf_adds(&out, " \xE2\x80\xBA ");	/* › */
	}
	return buf_take(&out, NULL);
}

/* "简体  [3/26]  42%  12 min left", or "END": the script shown, the count. */
static void
draw_where(struct pager *p, char *out, size_t size)
{
	double		 min = p->rate > 0 ? (double)view_bytes_left(p->v) /
	    p->rate : 0;
	int		 pc = (int)(view_fraction(p->v) * 100.0 + 0.5);
	const char	*label = script_label(p->script);
	char		 count[64];
	int		 k;

	find_status(p, count, sizeof count);
	k = snprintf(out, size, "%s%s%s%s", label, *label ? "  " : "", count,
	    *count ? "  " : "");
	if (k > 0 && (size_t)k < size) {
		out += k;
		size -= (size_t)k;
	}
	if (view_at_end(p->v)) {
		snprintf(out, size, "END");
		return;
	}
	if (pc > 99)
		pc = 99;
	if (min < 1)
		snprintf(out, size, "%d%%  <1 min left", pc);
	else if (min < 60)
		snprintf(out, size, "%d%%  %d min left", pc, (int)(min + 0.5));
	else
		snprintf(out, size, "%d%%  %d h %02d min left", pc,
		    (int)(min / 60), (int)min % 60);
}

/*
 * The left of the status line: a message, or the title and the
 * breadcrumb.  When both do not fit, the title gives way first.
 */
static char *
draw_status_left(struct pager *p, int cols)
{
	const char	*title = p->title != NULL ? p->title : p->name;
	char		*crumb, *t, *c;
	int		 wt, wc, budget;
	struct buf	 b;

	if (p->msg[0] != '\0')
		return draw_fit(p->msg, strlen(p->msg), cols, NULL);
	crumb = draw_breadcrumb(p, view_top_block(p->v), 0);
	wt = width_str(title, strlen(title), 1);
	wc = width_str(crumb, strlen(crumb), 1);
	budget = *crumb == '\0' || wt + 3 + wc <= cols ? cols :
	    cols - 3 - wc > cols / 3 ? cols - 3 - wc : cols / 3;
	t = draw_fit(title, strlen(title), budget, &wt);
	buf_init(&b);
	buf_adds(&b, t);
	if (*crumb != '\0' && cols - wt - 3 >= 2) {
		c = draw_fit(crumb, strlen(crumb), cols - wt - 3, NULL);
		buf_adds(&b, " \xE2\x80\x94 ");		/* — */
		buf_adds(&b, c);
		free(c);
	}
	free(t);
	free(crumb);
	return buf_take(&b, NULL);
}

static void
draw_status(struct pager *p)
{
	char	where[128], *left;
	int	cols = p->cols - 1, wr, i;

	draw_where(p, where, sizeof where);
	wr = width_str(where, strlen(where), 1);
	attrset(p->colour ? COLOR_PAIR(PAIR_STATUS) : A_REVERSE);
	move(p->rows - 1, 0);
	for (i = 0; i < cols; i++)
		addch(' ');
	if (cols - wr - 3 >= 4) {
		left = draw_status_left(p, cols - wr - 3);
		mvaddstr(p->rows - 1, 1, left);
		mvaddstr(p->rows - 1, cols - wr, where);
	} else {
		left = draw_fit(where, strlen(where), cols, NULL);
		mvaddstr(p->rows - 1, 0, left);
	}
	free(left);
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
draw_screen(struct pager *p)
{
	const struct line	*l;
	size_t			 n, i;
	struct marks		 m = { NULL, 0, 0 };

	if (p->colour)
		draw_colours();
	while (p->nruns > 0)
		free(p->runs[--p->nruns].text);
	erase();
	if (p->cols < UI_MIN_COLS || p->rows < UI_MIN_ROWS) {
		draw_too_small(p);
		return;
	}
	l = view_lines(p->v, &n);
	for (i = 0; i < n; i++) {
		if (i == 0 || l[i].block != l[i - 1].block)
			draw_marks(p, l[i].block, &m);
		draw_line(p, (int)i, &l[i], &m);
	}
	marks_free(&m);
	for (; i < (size_t)p->rows - 1; i++) {
		attrset(A_DIM);
		mvaddch((int)i, p->margin, '~');
	}
	draw_status(p);
}

/* The n-th (from 1) URL of the document, or NULL. */
static char *
draw_url(struct pager *p, unsigned n)
{
	size_t		 count, i = 0;
	const char	*u = doc_links(p->d, &count), *e;

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

	if (!p->hyperlinks || p->nruns == 0)
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
