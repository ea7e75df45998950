/*
 * list.c: full-screen lists over the text, each a mode: the table of
 * contents, the bookmarks, the notes and highlights, a note's earlier
 * texts, the links.
 *
 * The arrows, Ctrl-N, Ctrl-P, j, k, PgUp, PgDn, Space, b, Home and End
 * move; Enter chooses; Esc, q and Ctrl-C close.  / starts a filter, and
 * then every key typed goes to it (a filter may start with j or q); the
 * arrows still move, Enter chooses, Backspace and Ctrl-U edit it.  In the contents a
 * letter that is no key of the list starts a filter too.  Lists whose
 * entries run long (notes) show the whole selected entry in a pane below.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <curses.h>

#include "buf.h"
#include "history.h"
#include "notes.h"
#include "passage.h"
#include "sanitize.h"
#include "search.h"
#include "ui.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

#define CTRL(c)		((c) & 0x1f)
#define LIST_PANE_MAX	8	/* rows of the pane below a list */

struct list_item {
	char	*text;		/* NULL until first needed (text_of) */
	int	 indent;	/* levels */
	int	 dim;		/* shown dimmed (a file that is gone) */
	size_t	 data;		/* the heading's block, the note's index... */
};

struct list;

struct list_ops {
	/* Enter on an item: a reaction (UI_DONE closes the list). */
	int	(*chosen)(struct pager *, struct list *, size_t item);
	/* Keys of its own: -1 not taken, else a reaction. */
	int	(*extra)(struct pager *, struct list *, const struct key *);
	/* An item's line, made when first needed. */
	char	*(*text_of)(struct pager *, const struct list_item *);
	/* The whole entry for the pane below, or NULL: no pane. */
	char	*(*preview)(struct pager *, struct list *,
		    const struct list_item *);
	void	(*free)(struct list *);
};

struct list {
	char			 title[200];
	const struct list_ops	*ops;
	struct list_item	*items;
	size_t			 n;
	size_t			*shown;	/* indices of items passing the filter */
	size_t			 nshown;
	size_t			 sel;	/* in shown */
	size_t			 top;
	long			 marked; /* item marked as current, or -1 */
	int			 filterable;
	int			 letters_filter; /* a letter that is no key filters */
	int			 typing; /* keys go to the filter */
	struct buf		 filter;
	long			 undo;	/* notes list: item last deleted */
	int			 bookmarks;
	int			 quit_on_close; /* the first list: closing quits */
	void			*data;	/* the list's own */
	struct list		*parent; /* a list this one came from */
};

/* --- Items and filtering ------------------------------------------------ */

/* Item i's text, made now if it is made lazily. */
static const char *
list_text(struct pager *p, struct list *l, size_t i)
{
	if (l->items[i].text == NULL)
		l->items[i].text = l->ops->text_of != NULL ?
		    l->ops->text_of(p, &l->items[i]) : xstrdup("");
	return l->items[i].text;
}

/*
 * The filter as a search (search.h): any case, full width as half width,
 * traditional as simplified unless --script-fold=off.  NULL: no filter.
 */
static struct search *
list_filter(struct pager *p, struct list *l)
{
	char		*cause = NULL;
	int		 flags = SEARCH_ICASE;
	struct search	*s;

	if (l->filter.len == 0)
		return NULL;
	if (!p->o->script_fold)
		flags |= SEARCH_NOSCRIPT;
	if ((s = search_new(l->filter.s, flags, &cause)) == NULL)
		free(cause);	/* white space alone: everything passes */
	return s;
}

static void
list_refilter(struct pager *p, struct list *l)
{
	size_t		 i, keep = l->nshown > 0 ? l->shown[l->sel] : 0;
	struct search	*s = list_filter(p, l);
	const char	*text;

	l->nshown = 0;
	l->sel = 0;
	for (i = 0; i < l->n; i++) {
		if (s != NULL && (text = list_text(p, l, i)) != NULL &&
		    !search_in(s, text, strlen(text)))
			continue;
		if (i == keep || (l->marked >= 0 && i == (size_t)l->marked &&
		    l->filter.len == 0))
			l->sel = l->nshown;
		l->shown[l->nshown++] = i;
	}
	l->top = 0;
	search_free(s);
}

/* The item under the bar, or NULL. */
static struct list_item *
list_current(struct list *l)
{
	return l->nshown > 0 ? &l->items[l->shown[l->sel]] : NULL;
}

/* Makes item i's text again (it changed). */
static void
list_redo(struct list *l, size_t i)
{
	free(l->items[i].text);
	l->items[i].text = NULL;
}

/* --- Drawing ------------------------------------------------------------- */

/* Appends the lines of s wrapped at cols columns (at a blank if it can). */
static int
list_wrap(const char *s, int cols, int y, int rows)
{
	size_t	n = strlen(s), i = 0, brk, j;
	int	w, cw, used = 0;
	uint32_t c;

	while (i < n && used < rows) {
		w = 0;
		brk = 0;
		for (j = i; j < n && s[j] != '\n'; ) {
			int k = utf8_decode((const uint8_t *)s + j, n - j, &c);

			cw = width_cp(c, 1);
			if (w + cw > cols)
				break;
			if (c == ' ')
				brk = j;
			w += cw;
			j += (size_t)k;
		}
		if (j < n && s[j] != '\n' && brk > i)
			j = brk;
		mvaddnstr(y + used++, 0, s + i, (int)(j - i));
		i = j;
		while (i < n && (s[i] == ' ' || s[i] == '\n')) {
			if (s[i++] == '\n')
				break;
		}
	}
	return used;
}

/* The pane below a list: the whole selected entry. */
static void
list_draw_pane(struct pager *p, struct list *l, int y, int rows)
{
	struct list_item	*it = list_current(l);
	struct buf		 b;
	char			*text;
	int			 i;

	attrset(A_DIM);
	for (i = 0; i < p->cols - 1; i++)
		mvaddstr(y, i, "\xE2\x94\x80");		/* ─ */
	attrset(A_NORMAL);
	if (it == NULL || (text = l->ops->preview(p, l, it)) == NULL)
		return;
	buf_init(&b);		/* a note's whole text: from anywhere */
	sanitize_text(&b, text, strlen(text));
	list_wrap(b.s != NULL ? b.s : "", p->cols - 1, y + 1, rows - 1);
	buf_free(&b);
	free(text);
}

/* The footer: the title, how many, the filter; within the width. */
static void
list_draw_footer(struct pager *p, struct list *l)
{
	char	*line, *fit;
	int	 i;

	line = p->msg[0] != '\0' ? sanitize_dup(p->msg, strlen(p->msg)) :
	    xasprintf("%s (%zu)%s%s%s", l->title, l->nshown,
	    l->filter.len || l->typing ? "  filter: " : "",
	    l->filter.len ? l->filter.s : "", l->typing ? "_" : "");
	attrset(draw_elem(CE_STATUS));
	move(p->rows - 1, 0);
	for (i = 0; i < p->cols - 1; i++)
		addch(' ');
	fit = draw_fit_middle(line, p->cols - 2);
	mvaddstr(p->rows - 1, 0, fit);
	attrset(A_NORMAL);
	free(fit);
	free(line);
}

/* Rows for the entries: the pane takes a third, at most LIST_PANE_MAX. */
static int
list_rows(const struct pager *p, const struct list *l, int *pane)
{
	int	rows = p->rows - 1;

	*pane = 0;
	if (l->ops->preview != NULL && rows >= 8) {
		*pane = rows / 3 < LIST_PANE_MAX ? rows / 3 : LIST_PANE_MAX;
		rows -= *pane;
	}
	return rows;
}

static void
list_draw(struct pager *p, void *arg)
{
	struct list	*l = arg;
	int		 pane, rows = list_rows(p, l, &pane), y, used, x;
	size_t		 i;
	char		*fit, *text;

	erase();
	if (p->cols < UI_MIN_COLS || p->rows < UI_MIN_ROWS)
		return;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	for (y = 0, i = l->top; y < rows && i < l->nshown; y++, i++) {
		const struct list_item *it = &l->items[l->shown[i]];

		x = 2 + 2 * it->indent;
		if (x > p->cols / 2)
			x = p->cols / 2;
		attrset((i == l->sel ? A_REVERSE : A_NORMAL) |
		    (it->dim ? A_DIM : A_NORMAL));
		if ((long)l->shown[i] == l->marked)
			mvaddstr(y, 0, ">");
		/* a note's text, its section: whatever an import brought */
		text = sanitize_dup(list_text(p, l, l->shown[i]),
		    strlen(list_text(p, l, l->shown[i])));
		fit = draw_fit(text, strlen(text), p->cols - 1 - x, &used);
		mvaddstr(y, x, fit);
		free(fit);
		free(text);
	}
	attrset(A_NORMAL);
	if (pane > 0)
		list_draw_pane(p, l, rows, pane);
	list_draw_footer(p, l);
}

/* --- Keys ------------------------------------------------------------------ */

static void
list_move(struct list *l, long by)
{
	long	s = (long)l->sel + by;

	if (l->nshown == 0)
		return;
	if (s < 0)
		s = 0;
	if (s >= (long)l->nshown)
		s = (long)l->nshown - 1;
	l->sel = (size_t)s;
}

/* Keys that move in every state; 1 if taken. */
static int
list_nav(struct pager *p, struct list *l, const struct key *k)
{
	int	pane, page = list_rows(p, l, &pane) - 1;

	if (page < 1)
		page = 1;
	if ((k->fn && k->c == KEY_DOWN) || (!k->fn && k->c == CTRL('N')))
		list_move(l, 1);
	else if ((k->fn && k->c == KEY_UP) || (!k->fn && k->c == CTRL('P')))
		list_move(l, -1);
	else if (k->fn && k->c == KEY_NPAGE)
		list_move(l, page);
	else if (k->fn && k->c == KEY_PPAGE)
		list_move(l, -page);
	else if (k->fn && k->c == KEY_HOME)
		list_move(l, -(long)l->nshown);
	else if (k->fn && k->c == KEY_END)
		list_move(l, (long)l->nshown);
	else if (k->fn && (k->c == KEY_WHEEL_UP || k->c == KEY_WHEEL_DOWN))
		list_move(l, (k->c == KEY_WHEEL_UP ? -1 : 1) *
		    p->o->wheel_lines);
	else if (k->fn && k->c == KEY_RESIZE)
		pager_layout(p);
	else
		return 0;
	return 1;
}

/* Typing into the filter; 1 if the key was taken. */
static int
list_type(struct pager *p, struct list *l, const struct key *k)
{
	wint_t	c = k->c;

	if (k->fn && (c == KEY_BACKSPACE || c == KEY_DC))
		c = 0x7f;
	else if (k->fn)
		return 0;
	if (c == 0x7f || c == 8) {
		if (l->filter.len == 0)
			return 1;
		while (l->filter.len > 0 &&
		    (l->filter.s[l->filter.len - 1] & 0xC0) == 0x80)
			l->filter.len--;
		l->filter.s[--l->filter.len] = '\0';
	} else if (c == CTRL('U')) {
		l->filter.len = 0;
		l->filter.s[0] = '\0';
	} else if (c >= 0x20 && c != 0x7f && iswprint(c))
		buf_add_cp(&l->filter, (uint32_t)c);
	else
		return 0;
	list_refilter(p, l);
	return 1;
}

/* Enter: the list's action on the item under the bar. */
static int
list_choose(struct pager *p, struct list *l)
{
	if (l->nshown == 0)
		return UI_REDRAW;
	return l->ops->chosen(p, l, l->shown[l->sel]);
}

/* A key while the filter is typed. */
static int
list_key_typing(struct pager *p, struct list *l, const struct key *k)
{
	if ((k->fn && k->c == KEY_ENTER) || (!k->fn && (k->c == '\r' ||
	    k->c == '\n')))
		return list_choose(p, l);
	if (!list_nav(p, l, k))
		list_type(p, l, k);
	return UI_REDRAW;
}

static int
list_key(struct pager *p, void *arg, const struct key *k)
{
	struct list	*l = arg;
	int		 pane, page = list_rows(p, l, &pane) - 1, r;

	if (k->c == KEY_INTERRUPT || (!k->fn && (k->c == 27 ||
	    (k->c == 'q' && !l->typing))))	/* a message said stays */
		return UI_DONE | (l->quit_on_close ? UI_QUIT : 0);
	p->msg[0] = '\0';
	if (l->typing)
		return list_key_typing(p, l, k);
	if ((k->fn && k->c == KEY_ENTER) || (!k->fn && (k->c == '\r' ||
	    k->c == '\n')))
		return list_choose(p, l);
	if (list_nav(p, l, k))
		return UI_REDRAW;
	if (l->ops->extra != NULL && (r = l->ops->extra(p, l, k)) >= 0)
		return r;
	if (k->fn)
		return UI_NONE;
	switch (k->c) {
	case 'j':
		list_move(l, 1);
		return UI_REDRAW;
	case 'k':
		list_move(l, -1);
		return UI_REDRAW;
	case ' ':
		list_move(l, page > 0 ? page : 1);
		return UI_REDRAW;
	case 'b':
		list_move(l, page > 0 ? -page : -1);
		return UI_REDRAW;
	case 'g':
		list_move(l, -(long)l->nshown);
		return UI_REDRAW;
	case 'G':
		list_move(l, (long)l->nshown);
		return UI_REDRAW;
	case '/':
		if (l->filterable)
			l->typing = 1;
		return UI_REDRAW;
	}
	if (l->filterable && l->letters_filter && list_type(p, l, k)) {
		l->typing = 1;
		return UI_REDRAW;
	}
	return UI_NONE;
}

static void
list_free(void *arg)
{
	struct list	*l = arg;
	size_t		 i;

	if (l->ops->free != NULL)
		l->ops->free(l);
	for (i = 0; i < l->n; i++)
		free(l->items[i].text);
	free(l->items);
	free(l->shown);
	buf_free(&l->filter);
	free(l);
}

static const struct mode_type list_mode = {
	"list", 1, list_key, list_draw, NULL, NULL, list_free
};

/* A new list of n items (to be filled) over the text. */
static struct list *
list_new(const struct list_ops *ops, size_t n, const char *title)
{
	struct list	*l = xcalloc(1, sizeof *l);

	l->ops = ops;
	l->items = xcalloc(n + 1, sizeof *l->items);
	l->shown = xcalloc(n + 1, sizeof *l->shown);
	l->marked = -1;
	l->undo = -1;
	snprintf(l->title, sizeof l->title, "%s", title);
	buf_init(&l->filter);
	return l;
}

/* Shows a list (filled): it takes the keys until it is closed. */
static int
list_show(struct pager *p, struct list *l)
{
	list_refilter(p, l);
	mode_push(p, &list_mode, l);
	return UI_REDRAW | UI_CLEAR;
}

/* --- The table of contents ----------------------------------------------- */

static int
list_toc_chosen(struct pager *p, struct list *l, size_t i)
{
	struct pos	pos = { (uint32_t)l->items[i].data, 0 };

	pager_jump_from(p);
	view_goto(p->r->v, pos);
	return UI_DONE;
}

/* The key that opened the contents (t, Tab) closes it. */
static int
list_toc_extra(struct pager *p, struct list *l, const struct key *k)
{
	if (cmd_is(k, "toc"))
		return UI_DONE;
	return -1;
}

static const struct list_ops list_toc_ops = {
	list_toc_chosen, list_toc_extra, NULL, NULL, NULL
};

int
list_toc(struct pager *p)
{
	struct list	*l;
	const uint32_t	*o;
	size_t		 n, i, len;

	doc_segment_all(p->r->d);
	view_sync(p->r->v);
	o = doc_outline(p->r->d, &n);
	if (n == 0) {
		pager_message(p, "this document has no sections");
		return UI_REDRAW;
	}
	l = list_new(&list_toc_ops, n, "Contents: Enter jumps, / filters");
	l->filterable = 1;
	l->letters_filter = 1;
	for (i = 0; i < n; i++) {
		l->items[i].text = text_visible(doc_text(p->r->d, o[i]), &len);
		l->items[i].indent = doc_level(p->r->d, o[i]) - 1;
		l->items[i].data = o[i];
	}
	l->n = n;
	l->marked = view_section(p->r->v);
	return list_show(p, l);
}

/* --- Bookmarks and notes ------------------------------------------------- */

/* An entry's line: state, name, passage as shown, note, section. */
static char *
list_note_text(struct pager *p, struct note *k)
{
	struct buf	b;
	char		*q;
	size_t		i;

	buf_init(&b);
	if (k->deleted)
		buf_adds(&b, "[deleted: u brings it back] ");
	if (k->unsaved)
		buf_adds(&b, "[NOT SAVED] ");
	if (strcmp(k->state, "anchored") != 0) {
		buf_addc(&b, '[');
		buf_adds(&b, k->state);
		buf_adds(&b, "] ");
	}
	if (k->kind == NOTE_BOOKMARK && k->text != NULL && *k->text != '\0') {
		buf_adds(&b, k->text);
		buf_adds(&b, " \xE2\x80\x94 ");
	}
	q = xstrdup(notes_quote(&p->r->notes, k));
	for (i = 0; q[i] != '\0'; i++)
		if (q[i] == '\n' || q[i] == '\r' || q[i] == '\t')
			q[i] = ' ';
	buf_adds(&b, q);
	free(q);
	if (k->kind != NOTE_BOOKMARK && k->text != NULL && *k->text != '\0') {
		buf_adds(&b, " \xE2\x80\x94 ");
		buf_adds(&b, k->text);
	}
	if (k->section != NULL && *k->section != '\0') {
		buf_adds(&b, "  [");
		buf_adds(&b, k->section);
		buf_addc(&b, ']');
	}
	for (i = 0; i < b.len; i++)
		if (b.s[i] == '\n' || b.s[i] == '\t')
			b.s[i] = ' ';
	return buf_take(&b, NULL);
}

static char *
list_note_item(struct pager *p, const struct list_item *it)
{
	return list_note_text(p, &p->r->notes.v[it->data]);
}

/* The pane: the passage and the note, whole, lines kept. */
static char *
list_note_preview(struct pager *p, struct list *l, const struct list_item *it)
{
	struct note	*k = &p->r->notes.v[it->data];

	return xasprintf("\xE2\x80\x9C%s\xE2\x80\x9D%s%s%s%s",
	    notes_quote(&p->r->notes, k), k->text != NULL && *k->text ? "\n" : "",
	    k->text != NULL ? k->text : "", k->section != NULL &&
	    *k->section ? "\n\xE2\x80\x94 " : "", k->section != NULL ?
	    k->section : "");
}

/* Orders notes by place in the document (the lost ones last), or by date. */
static int	list_by_date;
static const struct note *list_sorting;

static int
list_note_cmp(const void *x, const void *y)
{
	const struct list_item	*a = x, *b = y;
	const struct note	*m = &list_sorting[a->data];
	const struct note	*n = &list_sorting[b->data];
	int			 lm = m->hit.state >= ANCHOR_AMBIGUOUS;
	int			 ln = n->hit.state >= ANCHOR_AMBIGUOUS;
	int			 c;

	if (list_by_date)
		c = strcmp(m->created, n->created);
	else if (lm != ln)
		c = lm - ln;
	else
		c = lm ? strcmp(m->created, n->created) :
		    (m->hit.start > n->hit.start) - (m->hit.start < n->hit.start);
	if (c == 0)
		c = (a->data > b->data) - (a->data < b->data);
	return c;
}

/* The list's title, which says its keys and its order. */
static void
list_notes_title(struct list *l)
{
	snprintf(l->title, sizeof l->title, "%s%s: Enter jumps, %sd deletes, "
	    "u undoes, s %s", l->bookmarks ? "Bookmarks" : "Notes",
	    list_by_date ? " by date" : "", l->bookmarks ? "" :
	    "e edits, r earlier texts, ", list_by_date ? "by place" : "by date");
}

static void
list_sort_notes(struct pager *p, struct list *l)
{
	list_sorting = p->r->notes.v;
	qsort(l->items, l->n, sizeof *l->items, list_note_cmp);
	l->undo = -1;	/* items moved */
	list_notes_title(l);
}

static int
list_note_chosen(struct pager *p, struct list *l, size_t i)
{
	const struct note	*k = &p->r->notes.v[l->items[i].data];
	struct doc		*d;
	size_t			 b;
	struct pos		 pos = { 0, 0 };

	if (k->deleted)
		return UI_REDRAW;
	if (k->hit.state >= ANCHOR_AMBIGUOUS) {
		pager_message(p, "that passage is not in the text now");
		return UI_DONE;
	}
	pager_jump_from(p);
	d = view_locate(p->r->v, k->hit.start, &b);
	pos.block = (uint32_t)b;
	view_goto_in(p->r->v, d, pos);
	return UI_DONE;
}

/* --- A note's earlier texts ------------------------------------------------ */

struct list_revs {
	struct note_rev	*v;
	size_t		 n;
	struct note	*k;
	size_t		 item;	/* in the parent list */
};

static int
list_rev_chosen(struct pager *p, struct list *l, size_t i)
{
	struct list_revs	*r = l->data;
	size_t			 k = l->items[i].data;

	annot_set_text(p, r->k, xstrdup(r->v[k].text ? r->v[k].text : ""),
	    "the earlier text is back");
	list_redo(l->parent, r->item);
	return UI_DONE;
}

static void
list_rev_free(struct list *l)
{
	struct list_revs	*r = l->data;

	note_revs_free(r->v, r->n);
	free(r);
}

static char *
list_rev_preview(struct pager *p, struct list *l, const struct list_item *it)
{
	return xstrdup(it->text != NULL ? it->text : "");
}

static const struct list_ops list_rev_ops = {
	list_rev_chosen, NULL, NULL, list_rev_preview, list_rev_free
};

/*
 * r in the notes list: the note's earlier texts, newest first; Enter
 * brings one back (the text it replaces becomes a revision in its turn).
 */
static int
list_revisions(struct pager *p, struct list *parent, size_t item)
{
	struct note		*k = &p->r->notes.v[parent->items[item].data];
	struct list_revs	*r = xcalloc(1, sizeof *r);
	struct list		*l;
	size_t			 i;

	if (p->r->notes.st == NULL || k->unsaved ||
	    store_revisions(p->r->notes.st, k->id, &r->v, &r->n) != 0 ||
	    r->n == 0) {
		free(r);
		pager_message(p, "this note has no earlier texts");
		return UI_REDRAW;
	}
	r->k = k;
	r->item = item;
	l = list_new(&list_rev_ops, r->n, "Earlier texts: Enter brings one back");
	l->data = r;
	l->parent = parent;
	for (i = 0; i < r->n; i++) {
		l->items[l->n].data = i;
		l->items[l->n++].text = xasprintf("%.16s  %s", r->v[i].saved,
		    r->v[i].text != NULL ? r->v[i].text : "");
	}
	return list_show(p, l);
}

/* After an edit from the list: the entry's line anew. */
static void
list_note_edited(struct pager *p, void *arg)
{
	struct list	*l = arg;

	if (l->nshown > 0)
		list_redo(l, l->shown[l->sel]);
}

/* d and u: delete the entry, bring it back. */
static int
list_note_delete(struct pager *p, struct list *l, int undo)
{
	size_t		 i = undo ? (size_t)l->undo : l->shown[l->sel];
	struct note	*k = &p->r->notes.v[l->items[i].data];

	if (undo ? l->undo < 0 || !k->deleted : k->deleted)
		return UI_REDRAW;
	if (!k->unsaved && (p->r->notes.st == NULL ||
	    store_delete(p->r->notes.st, k->id, !undo) != 0))
		return UI_REDRAW;
	k->deleted = !undo;
	l->undo = undo ? -1 : (long)i;
	list_redo(l, i);
	return UI_REDRAW;
}

static int
list_note_key(struct pager *p, struct list *l, const struct key *k)
{
	struct list_item	*it = list_current(l);
	struct note		*n;

	if (l->bookmarks && cmd_is(k, "bookmarks"))	/* '': back where a jump left */
		return pager_jump_back(p) | UI_DONE;
	if (k->fn)
		return -1;
	if (k->c == 's') {
		list_by_date = !list_by_date;
		list_sort_notes(p, l);
		list_refilter(p, l);
		return UI_REDRAW;
	}
	if (k->c == 'u')
		return list_note_delete(p, l, 1);
	if (it == NULL)
		return -1;
	n = &p->r->notes.v[it->data];
	if (k->c == 'd')
		return list_note_delete(p, l, 0);
	if (k->c == 'r' && n->kind == NOTE_NOTE && !n->deleted)
		return list_revisions(p, l, l->shown[l->sel]);
	if ((k->c == 'e' || k->c == 'E') && n->kind != NOTE_BOOKMARK &&
	    !n->deleted)
		return annot_edit(p, n, k->c == 'E', list_note_edited, l);
	return -1;
}

static const struct list_ops list_note_ops = {
	list_note_chosen, list_note_key, list_note_item, list_note_preview, NULL
};

int
list_notes(struct pager *p, int bookmarks)
{
	struct list	*l;
	size_t		 i;

	if (p->r->builtin) {
		pager_message(p, "the help has no notes");
		return UI_REDRAW;
	}
	annot_ready(p);
	l = list_new(&list_note_ops, p->r->notes.n, "");
	l->bookmarks = bookmarks;
	l->filterable = 1;
	for (i = 0; i < p->r->notes.n; i++) {
		const struct note *k = &p->r->notes.v[i];

		if (k->deleted || (k->kind == NOTE_BOOKMARK) != bookmarks)
			continue;
		l->items[l->n++].data = i;	/* its text when first shown */
	}
	if (l->n == 0) {
		list_free(l);
		if (bookmarks)
			pager_message(p, "no bookmarks yet: %s adds one",
			    cmd_key_for("bookmark"));
		else
			pager_message(p, "no notes yet: %s adds one, %s "
			    "highlights", cmd_key_for("note"),
			    cmd_key_for("highlight"));
		return UI_REDRAW;
	}
	list_sort_notes(p, l);
	return list_show(p, l);
}

/* --- Links ----------------------------------------------------------------- */

/* Enter on a link: folio opens it (B comes back). */
static int
list_link_chosen(struct pager *p, struct list *l, size_t i)
{
	char	*url = xstrdup(strchr(l->items[i].text, ' ') + 1);
	int	 r;

	r = web_follow(p, url);	/* the page left is kept: B */
	free(url);
	return r | UI_DONE;
}

/* y in the list of links: copies the URL (OSC 52). */
static int
list_link_key(struct pager *p, struct list *l, const struct key *k)
{
	const char	*u;

	if (k->fn || k->c != 'y' || l->nshown == 0)
		return -1;
	u = strchr(l->items[l->shown[l->sel]].text, ' ') + 1;
	annot_copy_text(p, u, strlen(u));
	return UI_DONE;
}

static const struct list_ops list_link_ops = {
	list_link_chosen, list_link_key, NULL, NULL, NULL
};

/* L: the links of a document; Enter opens one, y copies its URL. */
int
list_links(struct pager *p)
{
	struct list	*l;
	size_t		 n, i = 0, k;
	const char	*urls = doc_links(view_doc(p->r->v), &n), *e;

	if (n == 0) {
		pager_message(p, "this document has no links");
		return UI_REDRAW;
	}
	l = list_new(&list_link_ops, n,
	    "Links: Enter opens, y copies the URL, B comes back");
	l->filterable = 1;
	l->letters_filter = 1;	/* as in the contents: a letter filters */
	for (k = 0; k < n && (e = strchr(urls + i, '\n')) != NULL; k++) {
		l->items[l->n].data = i;
		l->items[l->n++].text = xasprintf("[%zu] %.*s", k + 1,
		    (int)((size_t)(e - urls) - i), urls + i);
		i = (size_t)(e - urls) + 1;
	}
	return list_show(p, l);
}

/* --- The documents read -------------------------------------------------- */

#define LIST_GUIDE	((size_t)-1)	/* the item that is the bundled guide */

struct list_hist {
	struct store_hist	*v;
	size_t			 n;
};

/* A file's name from its path, for a document with no title. */
static const char *
list_base(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s != NULL && s[1] != '\0' ? s + 1 : path;
}

/* s made safe to show (a file's name may hold anything). */
static char *
list_clean(const char *s)
{
	return sanitize_dup(s, strlen(s));
}

/* A row: the title, then how far, when, and the notes at the right. */
static char *
list_hist_row(struct pager *p, const struct store_hist *h)
{
	char		 place[16], when[32], right[96], *title, *fit, *row;
	int		 cols = p->cols - 4, tw, used, rw;

	history_place(h->fraction, place, sizeof place);
	history_when(h->when, time(NULL), when, sizeof when);
	snprintf(right, sizeof right, "%4s  %-16s %s", place, when,
	    h->notes == 0 ? "" : h->notes == 1 ? "1 note" : "");
	if (h->notes > 1)
		snprintf(right + strlen(right), sizeof right - strlen(right),
		    "%d notes", h->notes);
	rw = (int)strlen(right);
	if (cols - rw - 2 < 24) {	/* narrow: how far only, the pane says when */
		snprintf(right, sizeof right, "%4s", place);
		rw = (int)strlen(right);
	}
	title = list_clean(h->title != NULL && *h->title != '\0' ? h->title :
	    list_base(h->path));
	tw = cols - rw - 2 < 12 ? 12 : cols - rw - 2;
	fit = draw_fit(title, strlen(title), tw, &used);
	row = xasprintf("%s%*s  %s", fit, tw - used, "", right);
	free(fit);
	free(title);
	return row;
}

static char *
list_hist_preview(struct pager *p, struct list *l, const struct list_item *it)
{
	struct list_hist	*lh = l->data;
	const struct store_hist	*h;
	char			 when[32], place[16], *path, *out;

	if (it->data == LIST_GUIDE)
		return xasprintf("folio's own guide: what it does, its keys and "
		    "options\n%s", p->o->guide);
	if (it->data >= lh->n)
		return NULL;
	h = &lh->v[it->data];
	history_when(h->when, time(NULL), when, sizeof when);
	history_place(h->fraction, place, sizeof place);
	path = list_clean(h->path);
	out = xasprintf("%s%s\nlast read %s%s%s", path, it->dim ?
	    "  (not there now)" : "", when, *place ? ", at " : "", place);
	free(path);
	return out;
}

static int
list_hist_chosen(struct pager *p, struct list *l, size_t i)
{
	struct list_hist	*lh = l->data;
	size_t			 k = l->items[i].data;
	const char		*path = k == LIST_GUIDE ? p->o->guide :
				    lh->v[k].path;

	if (k != LIST_GUIDE && l->items[i].dim) {
		pager_message(p, "that file is not there now");
		return UI_REDRAW;
	}
	if (l->quit_on_close)	/* the first list: instead of the guide */
		return (k == LIST_GUIDE ? UI_REDRAW : reading_instead(p, path)) |
		    UI_DONE;
	return reading_edit(p, path) | UI_DONE;
}

/* d: the document is taken off the history (its notes stay). */
static int
list_hist_forget(struct pager *p, struct list *l)
{
	struct list_hist	*lh = l->data;
	struct store		*st;
	char			*cause = NULL, *notice = NULL;
	size_t			 i = l->shown[l->sel], k = l->items[i].data;

	if (k == LIST_GUIDE)
		return UI_REDRAW;
	if ((st = store_open(&cause, &notice)) == NULL ||
	    store_forget_position(st, lh->v[k].doc_id) != 0) {
		pager_message(p, "the history cannot be changed%s%s",
		    cause != NULL ? ": " : "", cause != NULL ? cause : "");
		free(cause);
		free(notice);
		store_close(st);
		return UI_REDRAW;
	}
	free(notice);
	store_close(st);
	free(l->items[i].text);
	memmove(l->items + i, l->items + i + 1, (l->n - i - 1) *
	    sizeof *l->items);
	l->n--;
	list_refilter(p, l);
	pager_message(p, "taken off the history (its notes stay)");
	return UI_REDRAW;
}

static int
list_hist_key(struct pager *p, struct list *l, const struct key *k)
{
	if (cmd_is(k, "history"))
		return UI_DONE | (l->quit_on_close ? UI_QUIT : 0);
	if (!k->fn && k->c == 'd' && l->nshown > 0)
		return list_hist_forget(p, l);
	return -1;
}

static void
list_hist_free(struct list *l)
{
	struct list_hist	*lh = l->data;

	store_history_free(lh->v, lh->n);
	free(lh);
}

static const struct list_ops list_hist_ops = {
	list_hist_chosen, list_hist_key, NULL, list_hist_preview,
	list_hist_free
};

int
list_history(struct pager *p, int first)
{
	struct list_hist	*lh = xcalloc(1, sizeof *lh);
	struct list		*l;
	size_t			 i;

	if (notes_history(p->o->guide, &lh->v, &lh->n) != 0 ||
	    (lh->n == 0 && !first)) {
		store_history_free(lh->v, lh->n);
		free(lh);
		pager_message(p, "no documents read before");
		return UI_REDRAW;
	}
	l = list_new(&list_hist_ops, lh->n + 1, first ?
	    "Read before: Enter opens, d takes off the list, q quits" :
	    "Read before: Enter opens, d takes off the list");
	l->data = lh;
	l->filterable = 1;
	l->quit_on_close = first;
	if (p->o->guide != NULL) {
		l->items[l->n].data = LIST_GUIDE;
		l->items[l->n++].text = xstrdup("folio's guide (keys, options, "
		    "what it does)");
	}
	for (i = 0; i < lh->n; i++) {
		l->items[l->n].data = i;
		l->items[l->n].dim = notes_history_missing(&lh->v[i]);
		l->items[l->n++].text = list_hist_row(p, &lh->v[i]);
	}
	list_refilter(p, l);
	l->sel = l->nshown > 1 ? 1 : 0;		/* the last read */
	mode_push(p, &list_mode, l);
	return UI_REDRAW | UI_CLEAR;
}
