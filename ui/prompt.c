/*
 * prompt.c: a line of input on the status line, edited like a shell line:
 * ← → Home End (Ctrl-A, Ctrl-E), Backspace, Delete, Ctrl-U, Ctrl-W, ↑ ↓
 * through the history, Ctrl-R toggles regular expressions (the label
 * says which), Enter accepts, Esc and Ctrl-C cancel.  It is a mode: the
 * loop gives it keys, and tells it when no more are waiting, so that a
 * search follows the typing without searching for every key of a paste.
 */
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <curses.h>
#include <unistr.h>

#include "buf.h"
#include "ui.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

#define CTRL(c)		((c) & 0x1f)

static size_t
prompt_prev(const struct prompt *pr, size_t i)
{
	while (i > 0 && (pr->buf[--i] & 0xC0) == 0x80)
		;
	return i;
}

static size_t
prompt_next(const struct prompt *pr, size_t i)
{
	while (i < pr->len && (pr->buf[++i] & 0xC0) == 0x80)
		;
	return i;
}

static void
prompt_delete(struct prompt *pr, size_t from, size_t to)
{
	memmove(pr->buf + from, pr->buf + to, pr->len - to + 1);
	pr->len -= to - from;
	pr->cur = from;
}

static void
prompt_insert(struct prompt *pr, wint_t c)
{
	char	u[4];
	int	n;

	n = u8_uctomb((uint8_t *)u, (ucs4_t)c, 4);
	if (n <= 0 || pr->len + (size_t)n >= sizeof pr->buf)
		return;
	memmove(pr->buf + pr->cur + n, pr->buf + pr->cur, pr->len - pr->cur + 1);
	memcpy(pr->buf + pr->cur, u, (size_t)n);
	pr->len += (size_t)n;
	pr->cur += (size_t)n;
}

static void
prompt_set(struct prompt *pr, const char *s)
{
	snprintf(pr->buf, sizeof pr->buf, "%s", s != NULL ? s : "");
	pr->len = pr->cur = strlen(pr->buf);
}

static void
prompt_history(struct prompt *pr, int dir)
{
	struct history	*h = pr->history;
	int		 k = pr->hpos + dir;

	if (h == NULL || k < 0 || k > h->n)
		return;
	pr->hpos = k;
	prompt_set(pr, k == h->n ? "" : h->v[k]);
}

void
prompt_remember(struct history *h, const char *s)
{
	int	i;

	if (*s == '\0' || (h->n > 0 && strcmp(h->v[h->n - 1], s) == 0))
		return;
	if (h->n == HISTORY_MAX) {
		free(h->v[0]);
		for (i = 1; i < h->n; i++)
			h->v[i - 1] = h->v[i];
		h->n--;
	}
	h->v[h->n++] = xstrdup(s);
}

/* Draws the prompt on the status line with the cursor in it. */
static void
prompt_draw(struct pager *p, void *arg)
{
	struct prompt	*pr = arg;
	char		 label[200], *fit;
	int		 cols = p->cols - 1, lw, cw, x;
	size_t		 from = 0;

	snprintf(label, sizeof label, "%s%s", pr->regex ? "regex " : "",
	    pr->label);
	lw = width_str(label, strlen(label), 1);
	attrset(A_NORMAL);
	move(p->rows - 1, 0);
	clrtoeol();
	if (cols < 4)
		return;
	if (lw > (pr->flags & PROMPT_YESNO ? cols - 1 : cols / 2)) {
		/* a long label: its end (the question) matters most */
		fit = draw_fit_middle(label, pr->flags & PROMPT_YESNO ? cols - 1 :
		    cols / 2);
		snprintf(label, sizeof label, "%s", fit);
		free(fit);
		lw = width_str(label, strlen(label), 1);
	}
	/* Show the part of the line that holds the cursor. */
	while (from < pr->cur &&
	    width_str(pr->buf + from, pr->cur - from, 1) > cols - lw - 1)
		from = prompt_next(pr, from);
	mvaddstr(p->rows - 1, 0, label);
	x = lw;
	fit = draw_fit(pr->buf + from, pr->len - from, cols - lw - 1, &cw);
	mvaddstr(p->rows - 1, x, fit);
	free(fit);
	if (pr->error[0] != '\0' && lw + cw + 3 < cols) {
		fit = draw_fit(pr->error, strlen(pr->error), cols - lw - cw - 3,
		    NULL);
		attrset(A_DIM);
		mvaddstr(p->rows - 1, lw + cw + 2, fit);
		attrset(A_NORMAL);
		free(fit);
	}
	leaveok(stdscr, FALSE);
	curs_set(1);
	move(p->rows - 1, x + width_str(pr->buf + from, pr->cur - from, 1));
}

/* An editing key; 1 if the text changed. */
static int
prompt_edit_fn(struct prompt *pr, wint_t c)
{
	switch (c) {
	case KEY_LEFT:
		pr->cur = prompt_prev(pr, pr->cur);
		return 0;
	case KEY_RIGHT:
		pr->cur = prompt_next(pr, pr->cur);
		return 0;
	case KEY_HOME:
		pr->cur = 0;
		return 0;
	case KEY_END:
		pr->cur = pr->len;
		return 0;
	case KEY_BACKSPACE:
		if (pr->cur > 0)
			prompt_delete(pr, prompt_prev(pr, pr->cur), pr->cur);
		return 1;
	case KEY_DC:
		if (pr->cur < pr->len)
			prompt_delete(pr, pr->cur, prompt_next(pr, pr->cur));
		return 1;
	case KEY_UP:
	case KEY_DOWN:
		prompt_history(pr, c == KEY_UP ? -1 : 1);
		return 1;
	}
	return 0;
}

/* A character; 1 if the text changed. */
static int
prompt_edit_char(struct prompt *pr, wint_t c)
{
	size_t	i;

	switch (c) {
	case CTRL('A'):
		pr->cur = 0;
		return 0;
	case CTRL('E'):
		pr->cur = pr->len;
		return 0;
	case CTRL('B'):
		pr->cur = prompt_prev(pr, pr->cur);
		return 0;
	case CTRL('F'):
		pr->cur = prompt_next(pr, pr->cur);
		return 0;
	case 127:
	case CTRL('H'):
		if (pr->cur > 0)
			prompt_delete(pr, prompt_prev(pr, pr->cur), pr->cur);
		return 1;
	case CTRL('U'):
		prompt_delete(pr, 0, pr->cur);
		return 1;
	case CTRL('W'):
		i = pr->cur;
		while (i > 0 && pr->buf[i - 1] == ' ')
			i--;
		while (i > 0 && pr->buf[i - 1] != ' ')
			i = prompt_prev(pr, i);
		prompt_delete(pr, i, pr->cur);
		return 1;
	case CTRL('P'):
	case CTRL('N'):
		prompt_history(pr, c == CTRL('P') ? -1 : 1);
		return 1;
	}
	if (c < 0x20 || !iswprint(c))
		return 0;
	prompt_insert(pr, c);
	return 1;
}

/* Tells the owner about the last edits, if it wants to know. */
static void
prompt_tell(struct pager *p, struct prompt *pr)
{
	if (pr->pending && pr->changed != NULL)
		pr->changed(p, pr, pr->arg);
	pr->pending = 0;
}

/* The end of the prompt; the owner decides whether it closes. */
static int
prompt_end(struct pager *p, struct prompt *pr, enum prompt_end how)
{
	int	r;

	if (how == PROMPT_ACCEPT)
		prompt_tell(p, pr);	/* Enter came with the rest of the typing */
	r = pr->done != NULL ? pr->done(p, pr, how, pr->arg) : UI_DONE;
	if (how == PROMPT_CANCEL)
		r |= UI_DONE;
	return r | UI_REDRAW;
}

/* y or n: the answer is the key. */
static int
prompt_yesno(struct pager *p, struct prompt *pr, const struct key *k)
{
	if (!k->fn && (k->c == 'y' || k->c == 'Y')) {
		snprintf(pr->buf, sizeof pr->buf, "y");
		pr->len = pr->cur = 1;
		return prompt_end(p, pr, PROMPT_ACCEPT);
	}
	if (k->c == KEY_INTERRUPT || (!k->fn && (k->c == 'n' || k->c == 'N' ||
	    k->c == 27 || k->c == CTRL('G'))))
		return prompt_end(p, pr, PROMPT_CANCEL);
	snprintf(pr->error, sizeof pr->error, "y or n");
	return UI_REDRAW;
}

static int
prompt_key(struct pager *p, void *arg, const struct key *k)
{
	struct prompt	*pr = arg;

	pr->error[0] = '\0';
	if (k->fn && k->c == KEY_RESIZE) {
		pager_layout(p);
		return UI_REDRAW;
	}
	if (pr->flags & PROMPT_YESNO)
		return prompt_yesno(p, pr, k);
	if (k->c == KEY_INTERRUPT || (!k->fn && (k->c == 27 ||
	    k->c == CTRL('G'))))
		return prompt_end(p, pr, PROMPT_CANCEL);
	if ((k->fn && k->c == KEY_ENTER) || (!k->fn && (k->c == '\r' ||
	    k->c == '\n')))
		return prompt_end(p, pr, PROMPT_ACCEPT);
	if (!k->fn && k->c == CTRL('E') && (pr->flags & PROMPT_EDITOR))
		return prompt_end(p, pr, PROMPT_EDITOR);
	if (!k->fn && k->c == CTRL('R') && (pr->flags & PROMPT_REGEX)) {
		pr->regex = !pr->regex;
		snprintf(pr->error, sizeof pr->error, pr->regex ?
		    "regular expression (Ctrl-R: words)" :
		    "words (Ctrl-R: regular expression)");
		pr->pending = 1;
		return UI_REDRAW;
	}
	pr->pending |= k->fn ? prompt_edit_fn(pr, k->c) :
	    prompt_edit_char(pr, k->c);
	return UI_REDRAW;
}

static int
prompt_idle(struct pager *p, void *arg)
{
	struct prompt	*pr = arg;

	if (!pr->pending)
		return 0;
	prompt_tell(p, pr);
	return 1;
}

static void
prompt_quit(struct pager *p, void *arg)
{
	struct prompt	*pr = arg;

	if (pr->done != NULL)
		pr->done(p, pr, PROMPT_QUIT, pr->arg);
}

static void
prompt_free(void *arg)
{
	struct prompt	*pr = arg;

	if (pr->free != NULL)
		pr->free(pr->arg);
	free(pr);
}

static const struct mode_type prompt_mode = {
	"prompt", 0, prompt_key, prompt_draw, prompt_idle, prompt_quit,
	prompt_free
};

struct prompt *
prompt_open(struct pager *p, const char *label, const char *init, int flags,
    struct history *h)
{
	struct prompt	*pr = xcalloc(1, sizeof *pr);

	snprintf(pr->label, sizeof pr->label, "%s", label);
	prompt_set(pr, init);
	pr->flags = flags;
	pr->history = h;
	pr->hpos = h != NULL ? h->n : 0;
	mode_push(p, &prompt_mode, pr);
	return pr;
}
