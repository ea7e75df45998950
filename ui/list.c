/*
 * list.c: full-screen lists over the text: the table of contents and the
 * help.  A list runs its own small loop until it is closed; it still obeys
 * the signal flags and resizes like the main loop.
 *
 * In the table of contents j, k, arrows, PgUp, PgDn, Home and End move,
 * Enter jumps, t, q and Esc close, and any other character types into a
 * filter (once the filter holds something, j, k, t and q type too);
 * Backspace edits it.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <curses.h>

#include "buf.h"
#include "ui.h"
#include "xmalloc.h"
#include "width.h"

#define LIST_CHOSEN	1
#define LIST_CLOSED	2
#define LIST_QUIT	3

struct list_item {
	char	*text;
	int	 indent;	/* levels */
	size_t	 data;		/* the heading's block */
};

struct list {
	const char		*title;
	struct list_item	*items;
	size_t			 n;
	size_t			*shown;	/* indices of items passing the filter */
	size_t			 nshown;
	size_t			 sel;	/* in shown */
	size_t			 top;
	long			 marked; /* item marked as current, or -1 */
	int			 filterable;
	struct buf		 filter;
	/* Keys of its own: -1 not taken, 0 taken, else a LIST_* result. */
	int			(*extra)(struct pager *, struct list *, wint_t,
				    int fn);
	long			 undo;	/* notes list: item last deleted */
	/* Makes an item's text when it is first needed (NULL: all made). */
	char			*(*text_of)(struct pager *, const struct list_item *);
	struct pager		*p;
};

/* Item i's text, made now if it is made lazily. */
static const char *
list_text(struct list *l, size_t i)
{
	if (l->items[i].text == NULL)
		l->items[i].text = l->text_of != NULL ?
		    l->text_of(l->p, &l->items[i]) : xstrdup("");
	return l->items[i].text;
}

/*
 * The filter as a search (search.h): any case, full width as half width,
 * traditional as simplified unless --script-fold=off.  NULL: no filter.
 */
static struct search *
list_filter(struct list *l)
{
	char	*cause = NULL;
	int	 flags = SEARCH_ICASE;
	struct search *s;

	if (l->filter.len == 0)
		return NULL;
	if (l->p != NULL && !l->p->o->script_fold)
		flags |= SEARCH_NOSCRIPT;
	if ((s = search_new(l->filter.s, flags, &cause)) == NULL)
		free(cause);	/* white space alone: everything passes */
	return s;
}

static void
list_refilter(struct list *l)
{
	size_t		 i, keep = l->nshown > 0 ? l->shown[l->sel] : 0;
	struct search	*s = list_filter(l);
	const char	*text;

	l->nshown = 0;
	l->sel = 0;
	for (i = 0; i < l->n; i++) {
		if (s != NULL && (text = list_text(l, i)) != NULL &&
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

static void
list_draw(struct pager *p, struct list *l)
{
	int		 rows = p->rows - 1, y, used;
	size_t		 i;
	char		*fit, status[512];
	const char	*text;

	erase();
	if (p->cols < UI_MIN_COLS || p->rows < UI_MIN_ROWS)
		return;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	for (y = 0, i = l->top; y < rows && i < l->nshown; y++, i++) {
		const struct list_item *it = &l->items[l->shown[i]];
		int x = 2 + 2 * it->indent;

		if (x > p->cols / 2)
			x = p->cols / 2;
		attrset(i == l->sel ? A_REVERSE : A_NORMAL);
		if ((long)l->shown[i] == l->marked)
			mvaddstr(y, 0, ">");
		text = list_text(l, l->shown[i]);
		fit = draw_fit(text, strlen(text), p->cols - 1 - x, &used);
		mvaddstr(y, x, fit);
		free(fit);
	}
	attrset(A_REVERSE);
	snprintf(status, sizeof status, "%s (%zu)%s%s", l->title, l->nshown,
	    l->filter.len ? "  filter: " : "",
	    l->filter.len ? l->filter.s : "");
	move(p->rows - 1, 0);
	for (y = 0; y < p->cols - 1; y++)
		addch(' ');
	fit = draw_fit(status, strlen(status), p->cols - 2, &used);
	mvaddstr(p->rows - 1, 0, fit);
	free(fit);
	attrset(A_NORMAL);
}

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

/* Typing into the filter; returns 1 if the key was taken. */
static int
list_type(struct list *l, wint_t c, int fn)
{
	if (!l->filterable)
		return 0;
	if (fn && (c == KEY_BACKSPACE || c == KEY_DC)) {
		c = 0x7f;
		fn = 0;
	}
	if (fn)
		return 0;
	if ((c == 0x7f || c == 8) && l->filter.len > 0) {
		while (l->filter.len > 0 &&
		    (l->filter.s[l->filter.len - 1] & 0xC0) == 0x80)
			l->filter.len--;
		l->filter.s[--l->filter.len] = '\0';
	} else if (c >= 0x20 && c != 0x7f && iswprint(c))
		buf_add_cp(&l->filter, (uint32_t)c);
	else
		return 0;
	list_refilter(l);
	return 1;
}

/* One key; returns 0 to go on or a LIST_* result. */
static int
list_key(struct pager *p, struct list *l, wint_t c, int fn)
{
	long	page = p->rows > 2 ? p->rows - 2 : 1;
	int	typing = l->filter.len > 0;

	if (!fn && c == 27)
		return LIST_CLOSED;
	if (l->extra != NULL && !typing) {
		int r = l->extra(p, l, c, fn);

		if (r >= 0)
			return r;
	}
	if (!fn && (c == '\r' || c == '\n'))
		return l->nshown > 0 ? LIST_CHOSEN : 0;
	if (fn && c == KEY_ENTER)
		return l->nshown > 0 ? LIST_CHOSEN : 0;
	if (!typing && !fn && (c == 'q' || c == 't' || c == '\t' ||
	    (!l->filterable && (c == 'h'))))
		return LIST_CLOSED;
	if (fn && c == KEY_F(1) && !l->filterable)
		return LIST_CLOSED;
	if ((fn && c == KEY_DOWN) || (!typing && !fn && c == 'j'))
		list_move(l, 1);
	else if ((fn && c == KEY_UP) || (!typing && !fn && c == 'k'))
		list_move(l, -1);
	else if ((fn && c == KEY_NPAGE) || (!typing && !fn && c == ' '))
		list_move(l, page);
	else if ((fn && c == KEY_PPAGE) || (!typing && !fn && c == 'b'))
		list_move(l, -page);
	else if (fn && c == KEY_HOME)
		list_move(l, -(long)l->nshown);
	else if (fn && c == KEY_END)
		list_move(l, (long)l->nshown);
	else if (fn && c == KEY_RESIZE)
		pager_layout(p);
	else
		list_type(l, c, fn);
	return 0;
}

/* The list's own loop; returns a LIST_* result. */
static int
list_run(struct pager *p, struct list *l)
{
	wint_t	c;
	int	rc, r;

	l->p = p;
	l->shown = calloc(l->n + 1, sizeof *l->shown);
	if (l->shown == NULL)
		return LIST_CLOSED;
	buf_init(&l->filter);
	list_refilter(l);
	for (;;) {
		list_draw(p, l);
		refresh();
		rc = get_wch(&c);
		if (term_quit_requested()) {
			r = LIST_QUIT;
			break;
		}
		if (term_take_suspend())
			term_suspend();
		if (rc == ERR)
			continue;
		if ((r = list_key(p, l, c, rc == KEY_CODE_YES)) != 0)
			break;
	}
	buf_free(&l->filter);
	return r;
}

static void
list_free_items(struct list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->items[i].text);
	free(l->items);
	free(l->shown);
}

int
list_toc(struct pager *p)
{
	struct list	 l;
	const uint32_t	*o;
	size_t		 n, i, len;
	int		 r;

	doc_segment_all(p->d);
	view_sync(p->v);
	o = doc_outline(p->d, &n);
	if (n == 0) {
		pager_message(p, "this document has no sections");
		return UI_REDRAW;
	}
	memset(&l, 0, sizeof l);
	l.title = "Contents";
	l.filterable = 1;
	l.items = calloc(n, sizeof *l.items);
	if (l.items == NULL)
		return UI_REDRAW;
	for (i = 0; i < n; i++) {
		l.items[i].text = text_visible(doc_text(p->d, o[i]), &len);
		l.items[i].indent = doc_level(p->d, o[i]) - 1;
		l.items[i].data = o[i];
	}
	l.n = n;
	l.marked = view_section(p->v);
	r = list_run(p, &l);
	if (r == LIST_CHOSEN) {
		struct pos pos = { (uint32_t)l.items[l.shown[l.sel]].data, 0 };

		view_goto(p->v, pos);
	}
	list_free_items(&l);
	return r == LIST_QUIT ? UI_QUIT : UI_REDRAW | UI_CLEAR;
}

int
list_help(struct pager *p)
{
	struct list		 l;
	const struct cmd	*c;
	size_t			 n = 0;
	int			 r;

	for (c = cmd_table; c->name != NULL; c++)
		n++;
	memset(&l, 0, sizeof l);
	l.title = "Keys: q or h closes";
	l.marked = -1;
	l.items = calloc(n + 1, sizeof *l.items);
	if (l.items == NULL)
		return UI_REDRAW;
	for (c = cmd_table; c->name != NULL; c++) {
		struct buf b;

		buf_init(&b);
		buf_adds(&b, c->keys);
		while (width_str(b.s, b.len, 1) < 32)
			buf_addc(&b, ' ');
		buf_adds(&b, " ");
		buf_adds(&b, c->help);
		l.items[l.n++].text = buf_take(&b, NULL);
	}
	r = list_run(p, &l);
	list_free_items(&l);
	return r == LIST_QUIT ? UI_QUIT : UI_REDRAW | UI_CLEAR;
}

/* --- Bookmarks and notes ------------------------------------------------- */

static void
buf_printf_state(struct buf *b, const char *state)
{
	buf_addc(b, '[');
	buf_adds(b, state);
	buf_adds(b, "] ");
}

static char *
list_note_text(struct pager *p, struct note *k)
{
	struct buf	b;
	char		*q;
	size_t		i;

	buf_init(&b);
	if (k->unsaved)
		buf_adds(&b, "[NOT SAVED] ");
	if (strcmp(k->state, "anchored") != 0)
		buf_printf_state(&b, k->state);
	if (k->kind == NOTE_BOOKMARK && k->text != NULL && *k->text != '\0') {
		buf_adds(&b, k->text);
		buf_adds(&b, " \xE2\x80\x94 ");
	}
	q = xstrdup(notes_quote(&p->notes, k));
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
	return buf_take(&b, NULL);
}

/*
 * r in the notes list: the note's earlier texts, newest first; Enter
 * brings one back (the text it replaces becomes a revision in its turn).
 */
static int
list_revisions(struct pager *p, struct note *k)
{
	struct note_rev	*v;
	struct list	 l;
	size_t		 n, i, j;
	int		 r;

	if (p->notes.st == NULL || k->unsaved ||
	    store_revisions(p->notes.st, k->id, &v, &n) != 0 || n == 0) {
		pager_message(p, "this note has no earlier texts");
		return UI_REDRAW;
	}
	memset(&l, 0, sizeof l);
	l.title = "Earlier texts: Enter brings one back";
	l.marked = -1;
	l.items = xcalloc(n + 1, sizeof *l.items);
	for (i = 0; i < n; i++) {
		struct buf	b;

		buf_init(&b);
		buf_add(&b, v[i].saved, strlen(v[i].saved) > 16 ? 16 :
		    strlen(v[i].saved));
		buf_adds(&b, "  ");
		buf_adds(&b, v[i].text != NULL ? v[i].text : "");
		for (j = 0; j < b.len; j++)
			if (b.s[j] == '\n' || b.s[j] == '\t')
				b.s[j] = ' ';
		l.items[l.n].data = i;
		l.items[l.n++].text = buf_take(&b, NULL);
	}
	r = list_run(p, &l);
	if (r == LIST_CHOSEN) {
		i = l.items[l.shown[l.sel]].data;
		annot_set_text(p, k, xstrdup(v[i].text ? v[i].text : ""),
		    "the earlier text is back");
	}
	list_free_items(&l);
	note_revs_free(v, n);
	return r == LIST_QUIT ? UI_QUIT : UI_REDRAW;
}

static char *
list_note_item(struct pager *p, const struct list_item *it)
{
	return list_note_text(p, &p->notes.v[it->data]);
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
static const char *
list_notes_title(int bookmarks)
{
	if (bookmarks)
		return list_by_date ? "Bookmarks by date: Enter jumps, d deletes, "
		    "u undoes, s by place" : "Bookmarks: Enter jumps, d deletes, "
		    "u undoes, s by date";
	return list_by_date ? "Notes by date: Enter jumps, e edits, r earlier "
	    "texts, d deletes, u undoes, s by place" : "Notes: Enter jumps, "
	    "e edits, r earlier texts, d deletes, u undoes, s by date";
}

static void
list_sort_notes(struct pager *p, struct list *l)
{
	list_sorting = p->notes.v;
	qsort(l->items, l->n, sizeof *l->items, list_note_cmp);
	l->undo = -1;	/* items moved */
	if (l->shown != NULL)
		list_refilter(l);
}

static int
list_note_key(struct pager *p, struct list *l, wint_t c, int fn)
{
	struct note	*k;
	size_t		 i;

	if (fn || l->nshown == 0)
		return -1;
	if (c == 's') {		/* by place or by date */
		list_by_date = !list_by_date;
		l->title = list_notes_title(strncmp(l->title, "Book", 4) == 0);
		list_sort_notes(p, l);
		return 0;
	}
	i = l->items[l->shown[l->sel]].data;
	k = &p->notes.v[i];
	if (c == 'd' && !k->deleted) {
		if (k->unsaved || (p->notes.st != NULL &&
		    store_delete(p->notes.st, k->id, 1) == 0)) {
			k->deleted = 1;
			l->undo = (long)l->shown[l->sel];
			free(l->items[l->shown[l->sel]].text);
			l->items[l->shown[l->sel]].text =
			    xstrdup("[deleted: u brings it back]");
		}
		return 0;
	}
	if (c == 'u' && l->undo >= 0) {
		k = &p->notes.v[l->items[l->undo].data];
		if (k->unsaved || (p->notes.st != NULL &&
		    store_delete(p->notes.st, k->id, 0) == 0)) {
			k->deleted = 0;
			free(l->items[l->undo].text);
			l->items[l->undo].text = list_note_text(p, k);
			l->undo = -1;
		}
		return 0;
	}
	if (c == 'r' && k->kind == NOTE_NOTE && !k->deleted) {
		if (list_revisions(p, k) == UI_QUIT)
			return LIST_QUIT;
		free(l->items[l->shown[l->sel]].text);
		l->items[l->shown[l->sel]].text = list_note_text(p, k);
		return 0;
	}
	if ((c == 'e' || c == 'E') && k->kind != NOTE_BOOKMARK && !k->deleted) {
		annot_edit(p, k, c == 'E');
		free(l->items[l->shown[l->sel]].text);
		l->items[l->shown[l->sel]].text = list_note_text(p, k);
		return 0;
	}
	return -1;
}

int
list_notes(struct pager *p, int bookmarks)
{
	struct list	 l;
	size_t		 i;
	int		 r;

	annot_ready(p);
	memset(&l, 0, sizeof l);
	l.title = list_notes_title(bookmarks);
	l.marked = -1;
	l.undo = -1;
	l.filterable = 1;
	l.extra = list_note_key;
	l.text_of = list_note_item;
	l.items = calloc(p->notes.n + 1, sizeof *l.items);
	if (l.items == NULL)
		return UI_REDRAW;
	for (i = 0; i < p->notes.n; i++) {
		const struct note *k = &p->notes.v[i];

		if (k->deleted || (k->kind == NOTE_BOOKMARK) != bookmarks)
			continue;
		l.items[l.n++].data = i;	/* its text when first shown */
	}
	if (l.n == 0) {
		free(l.items);
		pager_message(p, bookmarks ? "no bookmarks yet: m adds one" :
		    "no notes yet: a adds one, H highlights");
		return UI_REDRAW;
	}
	list_sort_notes(p, &l);
	r = list_run(p, &l);
	if (r == LIST_CHOSEN) {
		const struct note *k = &p->notes.v[l.items[l.shown[l.sel]].data];

		if (k->hit.state >= ANCHOR_AMBIGUOUS)
			pager_message(p, "that passage is not in the text now");
		else {
			size_t	b;
			struct doc *d = view_locate(p->v, k->hit.start, &b);
			struct pos pos = { (uint32_t)b, 0 };

			view_goto_in(p->v, d, pos);
		}
	}
	list_free_items(&l);
	return r == LIST_QUIT ? UI_QUIT : UI_REDRAW | UI_CLEAR;
}

/* y in the list of links: copies the URL (OSC 52). */
static int
list_link_key(struct pager *p, struct list *l, wint_t c, int fn)
{
	const char	*u;

	if (fn || c != 'y' || l->nshown == 0)
		return -1;
	u = strchr(l->items[l->shown[l->sel]].text, ' ') + 1;
	annot_copy_text(p, u, strlen(u));
	return LIST_CLOSED;
}

/* L: the links of a document; Enter opens one, y copies its URL. */
int
list_links(struct pager *p)
{
	struct list	 l;
	size_t		 n, i = 0, k;
	const char	*urls = doc_links(p->d, &n), *e;
	char		*url = NULL;
	int		 r;

	if (n == 0) {
		pager_message(p, "this document has no links");
		return UI_REDRAW;
	}
	memset(&l, 0, sizeof l);
	l.title = "Links: Enter opens, y copies the URL, B comes back";
	l.marked = -1;
	l.filterable = 1;
	l.extra = list_link_key;
	l.items = calloc(n + 1, sizeof *l.items);
	if (l.items == NULL)
		return UI_REDRAW;
	for (k = 0; k < n && (e = strchr(urls + i, '\n')) != NULL; k++) {
		struct buf b;
		char num[32];

		buf_init(&b);
		snprintf(num, sizeof num, "[%zu] ", k + 1);
		buf_adds(&b, num);
		buf_add(&b, urls + i, (size_t)(e - urls) - i);
		l.items[l.n].data = i;
		l.items[l.n++].text = buf_take(&b, NULL);
		i = (size_t)(e - urls) + 1;
	}
	r = list_run(p, &l);
	if (r == LIST_CHOSEN)
		url = xstrdup(strchr(l.items[l.shown[l.sel]].text, ' ') + 1);
	list_free_items(&l);
	if (r == LIST_QUIT)
		return UI_QUIT;
	if (url != NULL) {
		r = web_follow(p, url);
		free(url);
		return r;
	}
	return UI_REDRAW | UI_CLEAR;
}
