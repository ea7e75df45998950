/*
 * prompt.c: a line of input on the status line, edited like a shell line:
 * ← → Home End (Ctrl-A, Ctrl-E), Backspace, Delete, Ctrl-U, Ctrl-W, ↑ ↓
 * through the history, Ctrl-R toggles regular expressions, Enter accepts,
 * Esc cancels.  After every change the caller is told, so that a search
 * can follow the typing.
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
	h->v[h->n++] = strdup(s);
}

/* Draws the prompt on the status line with the cursor in it. */
void
prompt_draw(struct pager *p, const struct prompt *pr)
{
	char	 label[64];
	int	 cols = p->cols - 1, lw, cw, x;
	size_t	 from = 0;

	snprintf(label, sizeof label, "%s%s", pr->regex ? "regex " : "",
	    pr->label);
	lw = (int)strlen(label);
	attrset(A_NORMAL);
	move(p->rows - 1, 0);
	clrtoeol();
	if (cols < lw + 2)
		return;
	/* Show the part of the line that holds the cursor. */
	while (width_str(pr->buf + from, pr->cur - from, 1) > cols - lw - 1)
		from = prompt_next(pr, from);
	mvaddstr(p->rows - 1, 0, label);
	x = lw;
	{
		char *fit = draw_fit(pr->buf + from, pr->len - from,
		    cols - lw - 1, &cw);

		mvaddstr(p->rows - 1, x, fit);
		free(fit);
	}
	if (pr->error[0] != '\0' && lw + cw + 3 < cols) {
		char *fit = draw_fit(pr->error, strlen(pr->error),
		    cols - lw - cw - 3, NULL);

		attrset(A_DIM);
		mvaddstr(p->rows - 1, lw + cw + 2, fit);
		attrset(A_NORMAL);
		free(fit);
	}
	move(p->rows - 1, x + width_str(pr->buf + from, pr->cur - from, 1));
}

/* One key; returns 0 to go on, 1 to accept, -1 to cancel, 2 for $EDITOR. */
static int
prompt_key(struct prompt *pr, wint_t c, int fn, int *changed)
{
	size_t	i;

	*changed = 0;
	if (fn) {
		switch (c) {
		case KEY_LEFT:
			pr->cur = prompt_prev(pr, pr->cur);
			break;
		case KEY_RIGHT:
			pr->cur = prompt_next(pr, pr->cur);
			break;
		case KEY_HOME:
			pr->cur = 0;
			break;
		case KEY_END:
			pr->cur = pr->len;
			break;
		case KEY_BACKSPACE:
			if (pr->cur > 0)
				prompt_delete(pr, prompt_prev(pr, pr->cur), pr->cur);
			*changed = 1;
			break;
		case KEY_DC:
			if (pr->cur < pr->len)
				prompt_delete(pr, pr->cur, prompt_next(pr, pr->cur));
			*changed = 1;
			break;
		case KEY_UP:
		case KEY_DOWN:
			prompt_history(pr, c == KEY_UP ? -1 : 1);
			*changed = 1;
			break;
		case KEY_ENTER:
			return 1;
		}
		return 0;
	}
	switch (c) {
	case '\r':
	case '\n':
		return 1;
	case 27:
	case CTRL('G'):
		return -1;
	case CTRL('A'):
		pr->cur = 0;
		return 0;
	case CTRL('E'):
		if (pr->editor)
			return 2;
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
		break;
	case CTRL('U'):
		prompt_delete(pr, 0, pr->cur);
		break;
	case CTRL('W'):
		i = pr->cur;
		while (i > 0 && pr->buf[i - 1] == ' ')
			i--;
		while (i > 0 && pr->buf[i - 1] != ' ')
			i = prompt_prev(pr, i);
		prompt_delete(pr, i, pr->cur);
		break;
	case CTRL('R'):
		pr->regex = !pr->regex;
		break;
	default:
		if (c < 0x20 || !iswprint(c))
			return 0;
		prompt_insert(pr, c);
	}
	*changed = 1;
	return 0;
}

/* Is more typing already waiting?  Then the search can wait for it. */
static int
prompt_typeahead(void)
{
	wint_t	c;
	int	rc;

	timeout(0);
	rc = get_wch(&c);
	timeout(-1);
	if (rc == ERR)
		return 0;
	if (rc == KEY_CODE_YES)
		ungetch((int)c);
	else
		unget_wch((wchar_t)c);
	return 1;
}

int
prompt_run(struct pager *p, struct prompt *pr,
    void (*changed)(struct pager *, struct prompt *, void *), void *arg)
{
	wint_t	c;
	int	rc, r = 0, ch, pending = 0;

	curs_set(1);
	leaveok(stdscr, FALSE);
	pr->hpos = pr->history != NULL ? pr->history->n : 0;
	for (;;) {
		prompt_draw(p, pr);
		refresh();
		rc = get_wch(&c);
		if (term_quit_requested()) {
			r = -2;
			break;
		}
		if (term_take_suspend())
			term_suspend();
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && c == KEY_RESIZE) {
			pager_layout(p);
			draw_screen(p);
			continue;
		}
		if ((r = prompt_key(pr, c, rc == KEY_CODE_YES, &ch)) != 0)
			break;
		pending |= ch;
		if (pending && changed != NULL && !prompt_typeahead()) {
			changed(p, pr, arg);
			draw_screen(p);
			pending = 0;
		}
	}
	if (pending && r == 1 && changed != NULL)
		changed(p, pr, arg);	/* Enter came with the rest of the typing */
	curs_set(0);
	leaveok(stdscr, TRUE);
	return r;
}
