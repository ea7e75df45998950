/*
 * pager.c: the reader's one loop.
 *
 * Keys are read here and nowhere else (get_wch, once).  A key goes to the
 * mode on top of the stack (mode.c), or, with none, to the reader: a
 * count being typed, Ctrl-C (twice in a row quits), a command of the
 * table (cmd.c), or a hint that it is not a key.  While no key comes the
 * loop does background work in small steps: a mode's own (a search
 * following the typing), counting matches, segmenting the rest of the
 * document, hashing it for its notes, looking at the file and at the
 * notes of other sessions.  Then it draws: it gathers what the features
 * lay over the text (marks) and what the status line says, and hands
 * both to draw.c, which calls no feature back.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "convert.h"
#include "encoding.h"
#include "html.h"
#include "keys.h"
#include "pager.h"
#include "source.h"
#include "ui.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

#define PAGER_POLL_MS	700	/* how often other sessions' notes are seen */

int
pager_terminal_width(int fallback)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return fallback;
}

void
pager_emergency_stop(void)
{
	term_stop();
}

void
pager_message(struct pager *p, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof p->msg, fmt, ap);
	va_end(ap);
}

/* The text column: the terminal's width, at most a reading measure. */
void
pager_layout(struct pager *p)
{
	struct layout_opts	lo = *view_opts(p->r->v);

	p->cols = COLS;
	p->rows = LINES;
	p->width = p->want_width > 0 ? p->want_width :
	    p->o->width > 0 ? p->o->width : UI_MEASURE;
	if (p->width > p->cols)
		p->width = p->cols;
	if (p->width < 1)
		p->width = 1;
	p->margin = (p->cols - p->width) / 2;
	lo.width = p->width;
	view_set_rows(p->r->v, p->rows > 1 ? p->rows - 1 : 1);
	if (lo.width != view_opts(p->r->v)->width)
		view_set_opts(p->r->v, &lo);
}

int
pager_width(struct pager *p, int by)
{
	int	w = p->width + by;

	if (w < UI_MIN_WIDTH)
		w = p->cols < UI_MIN_WIDTH ? p->cols : UI_MIN_WIDTH;
	if (w > p->cols)
		w = p->cols;
	if (w == p->width) {
		pager_message(p, by > 0 ? "the text is as wide as the terminal" :
		    "the text is as narrow as it goes");
		return UI_REDRAW;
	}
	p->want_width = w;
	pager_layout(p);
	pager_message(p, "text %d columns wide (%s wider, %s narrower)", w,
	    cmd_key_for("wider"), cmd_key_for("narrower"));
	return UI_REDRAW | UI_CLEAR;
}

/*
 * The place at the top of the view as a source byte: the first character
 * of the top line (a tail document's positions do not outlive it, a source
 * byte does).
 */
uint64_t
pager_place(struct pager *p)
{
	struct anchor	 a = view_anchor(p->r->v);
	struct doc	*d = view_doc(p->r->v);
	struct text	*t;
	int64_t		 x;

	if (a.pos.block >= doc_nblocks(d))
		return doc_base(d);
	t = doc_text(d, a.pos.block);
	x = t->nruns > 0 ? text_src_start(t, a.pos.off) : -1;
	return x >= 0 ? (uint64_t)x : doc_block(d, a.pos.block)->off;
}

/* Shows source byte off at the top (its line). */
void
pager_goto_place(struct pager *p, uint64_t off)
{
	size_t		 b;
	struct doc	*d = view_locate(p->r->v, off, &b);
	struct text	*t;
	struct pos	 at = { (uint32_t)b, 0 };

	if (doc_nblocks(d) == 0)
		return;		/* an empty document: nowhere else to be */
	t = doc_text(d, b);
	if (t->nruns > 0)
		at.off = (uint32_t)text_at_src(t, off);
	view_goto_in(p->r->v, d, at);
}

/* The source byte at the top of the view, for comparing places. */
static uint64_t
pager_top(struct pager *p)
{
	return pager_place(p);
}

/* Remembers the place before a jump; 1 if it was added to the list. */
static int
pager_jump_push(struct pager *p)
{
	int	n = p->r->jumps.n;

	pager_jump_from_place(p, pager_top(p));
	return p->r->jumps.n > n || (n == JUMPS_MAX &&
	    p->r->jumps.at[JUMPS_MAX - 1] == pager_top(p));
}

void
pager_jump_from(struct pager *p)
{
	pager_jump_push(p);
}

void
pager_jump_from_place(struct pager *p, uint64_t at)
{
	struct jumps	*j = &p->r->jumps;

	if (j->n > 0 && j->at[j->n - 1] == at)
		return;
	if (j->n == JUMPS_MAX) {
		memmove(j->at, j->at + 1, (JUMPS_MAX - 1) * sizeof *j->at);
		j->n--;
	}
	j->at[j->n++] = at;
}

/* Back to where the last jump left; the place left is the way forth. */
int
pager_jump_back(struct pager *p)
{
	struct jumps	*j = &p->r->jumps;
	uint64_t	 here = pager_top(p), to;

	while (j->n > 0 && j->at[j->n - 1] == here)
		j->n--;
	if (j->n == 0) {
		pager_message(p, "no jump to go back from");
		return UI_REDRAW;
	}
	to = j->at[--j->n];
	j->at[j->n++] = here;	/* ` again comes back here */
	pager_goto_place(p, to);
	return UI_REDRAW;
}

/* Faults the mapping of a file that shrank answered, when last told. */
static unsigned	pager_faults;

/* Reopens the file and goes back to the same place in it. */
int
pager_reload(struct pager *p)
{
	struct doc_opts	 o = p->o->doc;
	struct doc	*d;
	char		*cause = NULL;

	if (p->r->path == NULL) {
		pager_message(p, p->r->builtin ? "the help is as it is" :
		    "standard input cannot be reloaded");
		return UI_REDRAW;
	}
	o.lazy = 1;
	o.reflow_off = p->r->reflow_off;
	o.show_glosses = p->r->show_glosses;
	if (doc_kind(p->r->d) == DOC_FORMAT_HTML)	/* in the mode shown */
		o.reader = doc_article(p->r->d) >= 0 ? HTML_READER_ON :
		    HTML_READER_OFF;
	if ((d = web_open(p, p->r->path, &o, p->o, &cause)) == NULL) {
		pager_message(p, "reload failed: %s", cause);
		free(cause);
		return UI_REDRAW;
	}
	reading_replace(p, d, pager_top(p));
	pager_faults = source_faults();	/* the old mapping's are moot */
	pager_message(p, "reloaded");
	return UI_REDRAW | UI_CLEAR;
}

int
pager_reopen(struct pager *p, int off, int show)
{
	struct doc_opts	 o = p->o->doc;
	struct doc	*d;
	const char	*s, *msg;
	char		*cause = NULL;
	size_t		 n;
	int		 was_show = p->r->show_glosses;

	o.lazy = 1;
	o.reflow_off = off;
	o.show_glosses = show;
	o.encoding = "UTF-8";	/* the text as decoded already */
	o.force = 1;
	o.format = doc_kind(p->r->d);	/* a web page stays one, as shown */
	o.base = p->r->path;
	if (o.format == DOC_FORMAT_HTML)
		o.reader = doc_article(p->r->d) >= 0 ? HTML_READER_ON :
		    HTML_READER_OFF;
	s = doc_source(p->r->d, &n);
	if ((d = doc_open_mem(s, n, &o, &cause)) == NULL) {
		pager_message(p, "%s", cause);
		free(cause);
		return UI_REDRAW;
	}
	msg = show != p->r->show_glosses ? (show ?
	    "readings and notes shown (%s: hide)" :
	    "readings and notes hidden (%s: show)") : off ?
	    "reflow off: lines as in the file (%s: on)" : "reflow on (%s: off)";
	p->r->reflow_off = off;
	p->r->show_glosses = show;
	reading_replace(p, d, pager_top(p));
	pager_message(p, msg, cmd_key_for(show != was_show ? "readings" :
	    "reflow"));
	return UI_REDRAW | UI_CLEAR;
}

/* --- : commands ---------------------------------------------------------- */

static int
pager_colon_done(struct pager *p, struct prompt *pr, enum prompt_end how,
    void *arg)
{
	const char	*s = pr->buf + strspn(pr->buf, " ");

	(void)arg;
	if (how != PROMPT_ACCEPT)
		return UI_DONE;
	if (strcmp(s, "n") == 0)
		return reading_next(p, 1) | UI_DONE;
	if (strcmp(s, "p") == 0)
		return reading_next(p, -1) | UI_DONE;
	if (strcmp(s, "q") == 0)
		return UI_QUIT | UI_DONE;
	if (s[0] == 'e' && (s[1] == ' ' || s[1] == '\0')) {
		s += 1 + strspn(s + 1, " ");
		if (*s == '\0') {
			snprintf(pr->error, sizeof pr->error, "e needs a file");
			return UI_REDRAW;
		}
		return reading_edit(p, s) | UI_DONE;
	}
	snprintf(pr->error, sizeof pr->error, "n, p, e FILE or q");
	return UI_REDRAW;
}

int
pager_colon(struct pager *p)
{
	struct prompt	*pr = prompt_open(p, ":", NULL, 0, NULL);

	pr->done = pager_colon_done;
	return UI_REDRAW;
}

/* --- The script shown ---------------------------------------------------- */

int
pager_script(struct pager *p, int s)
{
	char	*cause = NULL;

	if (s != SCRIPT_ORIG && p->conv[s] == NULL &&
	    (p->conv[s] = convert_open(s, &cause)) == NULL) {
		pager_message(p, "%s", cause);
		free(cause);
		return -1;
	}
	p->r->script = s;
	view_set_convert(p->r->v, s == SCRIPT_ORIG ? NULL : p->conv[s]);
	free(p->r->title);
	p->r->title = doc_title(p->r->d);
	find_script(p);
	notes_unshow(&p->r->notes);
	return 0;
}

/* The script c goes to next: as written -> simplified -> traditional. */
int
pager_next_script(const struct pager *p)
{
	return p->r->script == SCRIPT_ORIG ? SCRIPT_S :
	    p->r->script == SCRIPT_S ? SCRIPT_T : SCRIPT_ORIG;
}

/*
 * Once a converted view has been asked for, the next one c shows is opened
 * while idle (OpenCC's traditional tables take tens of milliseconds):
 * is there one to open?
 */
static int
pager_script_pending(const struct pager *p)
{
	int	next = pager_next_script(p);

	return p->r->script != SCRIPT_ORIG && next != SCRIPT_ORIG &&
	    p->conv[next] == NULL && !p->conv_failed;
}

static void
pager_script_idle(struct pager *p)
{
	int	 next = pager_next_script(p);
	char	*cause = NULL;

	if ((p->conv[next] = convert_open(next, &cause)) == NULL) {
		free(cause);	/* said when it is asked for */
		p->conv_failed = 1;
	}
}

/* --- Keys at the reader -------------------------------------------------- */

/* Ctrl-C at the reader: once it says how to quit, twice it quits. */
static int
pager_interrupt(struct pager *p)
{
	if (p->interrupted)
		return UI_QUIT;
	p->interrupted = 1;
	pager_message(p, "Ctrl-C again quits (%s quits)", cmd_key_for("quit"));
	return UI_REDRAW;
}

/* A digit adds to the count being typed; 1 if it was one. */
static int
pager_count(struct pager *p, const struct key *k)
{
	if (k->fn || k->c < '0' || k->c > '9')
		return 0;
	p->count = (p->count < 0 ? 0 : p->count) * 10 + (long)(k->c - '0');
	if (p->count > 1000000000L)
		p->count = 1000000000L;
	return 1;
}

/* The name of a key, for a hint: as a configuration names it. */
static void
pager_key_name(const struct key *k, char *out, size_t size)
{
	int	id = cmd_key_id(k);

	if (id >= 0)
		keys_name(id, out, size);
	else
		snprintf(out, size, "%s", keyname((int)k->c));
}

static int
pager_key(struct pager *p, const struct key *k)
{
	const struct cmd	*c;
	long			 count = p->count;
	uint64_t		 before;
	char			 name[32];
	int			 r, pushed;

	if (k->fn && k->c == KEY_RESIZE) {
		pager_layout(p);
		return UI_REDRAW;
	}
	if (k->c == KEY_INTERRUPT)
		return pager_interrupt(p);
	if (k->fn && (k->c == KEY_WHEEL_UP || k->c == KEY_WHEEL_DOWN)) {
		if (view_scroll(p->r->v, (k->c == KEY_WHEEL_UP ? -1 : 1) *
		    p->o->wheel_lines) == 0)
			pager_message(p, k->c == KEY_WHEEL_UP ? "(top)" :
			    "(END)");
		return UI_REDRAW;
	}
	p->interrupted = 0;
	if (pager_count(p, k))
		return UI_REDRAW;	/* the count is shown as it is typed */
	p->count = -1;
	if ((c = cmd_find(k)) == NULL) {
		p->last = NULL;
		pager_key_name(k, name, sizeof name);
		pager_message(p, "%s is not a key here (%s: keys)", name,
		    cmd_key_for("help"));
		return UI_REDRAW;
	}
	if (strcmp(c->name, "undo-or-half-up") != 0)
		p->r->undo.id[0] = '\0';	/* u undoes right after only */
	before = pager_top(p);
	pushed = (c->flags & CMD_JUMP) && pager_jump_push(p);
	r = c->fn(p, count);
	p->last = c;
	if (pushed && pager_top(p) == before)
		p->r->jumps.n--;	/* it did not move: nothing to go back to */
	return r;
}

/* --- Waiting and background work ---------------------------------------- */

/* A mapped file shrank and was read past its end (source.h): say so. */
static int
pager_shrunk(struct pager *p)
{
	if (source_faults() == pager_faults)
		return 0;
	pager_faults = source_faults();
	pager_message(p, "the file changed (it is shorter): R reloads");
	return 1;
}

/* The file changed on disk (or went away): say so, once. */
static void
pager_watch(struct pager *p)
{
	struct stat	sb;

	if (pager_shrunk(p) || p->r->path == NULL || p->r->mtime == 0)
		return;
	if (stat(p->r->path, &sb) != 0) {
		pager_message(p, "the file is gone (its text stays here)");
		p->r->mtime = 0;
	} else if (sb.st_mtime != p->r->mtime || sb.st_size != p->r->size) {
		pager_message(p, "the file changed on disk: %s reloads",
		    cmd_key_for("reload"));
		p->r->mtime = sb.st_mtime;
		p->r->size = sb.st_size;
	}
}

/* Is there work to do between keys? */
static int
pager_busy(struct pager *p)
{
	return !doc_complete(p->r->d) || p->r->find.fullwidth < 0 ||
	    p->r->hashing || find_counting(p) || pager_script_pending(p) ||
	    (p->nmodes > 0 && p->modes[p->nmodes - 1].type->idle != NULL);
}

/* One step of background work; a reaction. */
static int
pager_background(struct pager *p)
{
	if (mode_idle(p))
		return UI_REDRAW;
	if (find_counting(p)) {
		find_count_step(p);
		return UI_REDRAW;
	}
	if (pager_script_pending(p))
		pager_script_idle(p);
	else if (!doc_complete(p->r->d))
		doc_segment_more(p->r->d);
	else if (p->r->hashing) {
		if (!annot_idle(p))
			return UI_REDRAW;	/* the notes are in */
	} else if (p->r->find.fullwidth < 0)
		find_flags(p, 0);	/* ready for the first search */
	if (p->nmodes == 0 && view_check_tail(p->r->v)) {
		p->r->find.cur_doc = NULL;	/* its blocks are gone */
		return UI_REDRAW;
	}
	view_sync(p->r->v);
	if (!pager_busy(p)) {
		pager_watch(p);
		if (p->nmodes > 0)	/* a list or a prompt holds notes */
			return UI_NONE;
		return annot_poll(p) || p->msg[0] != '\0' ? UI_REDRAW :
		    UI_NONE;
	}
	return UI_NONE;
}

/*
 * A mouse report: the wheel as a key (KEY_WHEEL_UP, KEY_WHEEL_DOWN) when
 * the mouse is on and the reader or a list is on top; else 0, and the
 * report is dropped whole (it never becomes keys).
 */
static wint_t
pager_mouse(struct pager *p, wint_t intro)
{
	int	dir = intro == KEY_MOUSE ? 0 : term_mouse_read((int)intro);

	if (!p->mouse || dir == 0 || (p->nmodes > 0 &&
	    !p->modes[p->nmodes - 1].type->full))
		return 0;
	return dir > 0 ? KEY_WHEEL_DOWN : KEY_WHEEL_UP;
}

int
pager_mouse_toggle(struct pager *p)
{
	if (term_mouse(!p->mouse) != 0) {
		pager_message(p, "this terminal reports no mouse (TERM=%s)",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return UI_REDRAW;
	}
	p->mouse = !p->mouse;
	pager_message(p, p->mouse ? "mouse on: the wheel scrolls, Shift-drag "
	    "selects text (%s: off)" : "mouse off: the terminal selects "
	    "text (%s: on)", cmd_key_for("mouse"));
	return UI_REDRAW;
}

/* Waits for a key, doing background work meanwhile; returns a reaction. */
static int
pager_wait(struct pager *p)
{
	struct key	k;
	wint_t		c;
	int		rc, r;

	timeout(pager_busy(p) ? 0 : PAGER_POLL_MS);
	rc = get_wch(&c);		/* the one place keys are read */
	if (term_quit_requested())
		return UI_QUIT;
	if (term_take_suspend()) {
		term_suspend();
		return UI_REDRAW | UI_CLEAR;
	}
	if (term_take_interrupt()) {
		k.c = KEY_INTERRUPT;
		k.fn = 1;
	} else if (rc == KEY_CODE_YES && (c == KEY_MOUSE_SGR ||
	    c == KEY_MOUSE_X10 || c == KEY_MOUSE)) {
		if ((k.c = pager_mouse(p, c)) == 0)
			return UI_NONE;		/* not the wheel, or not wanted */
		k.fn = 1;
	} else if (rc == ERR) {
		if (term_gone())
			return UI_QUIT;	/* as a hang-up: drafts are kept */
		return pager_background(p);
	}
	else {
		k.c = c;
		k.fn = rc == KEY_CODE_YES;
	}
	if (!(k.fn && k.c == KEY_RESIZE) && p->nmodes == 0)
		p->msg[0] = '\0';	/* a mode keeps it: it may close now */
	if ((r = mode_key(p, &k)) < 0)
		r = pager_key(p, &k);
	return pager_shrunk(p) ? r | UI_REDRAW : r;	/* G went past the end */
}

/* --- Drawing -------------------------------------------------------------- */

/* What the features lay over each line on screen. */
static void
pager_marks(struct pager *p, struct screen_marks *sm)
{
	const struct line	*l = view_lines(p->r->v, &sm->n);
	struct doc		*d = view_doc(p->r->v);
	size_t			 i;

	sm->v = xcalloc(sm->n + 1, sizeof *sm->v);
	for (i = 0; i < sm->n; i++) {
		if (l[i].kind != LINE_TEXT)
			continue;
		find_marks(p, d, l[i].block, &sm->v[i]);
		annot_marks(p, d, l[i].block, &sm->v[i]);
		sel_marks(p, l[i].block, &sm->v[i]);
	}
}

static void
pager_marks_free(struct screen_marks *sm)
{
	size_t	i;

	for (i = 0; i < sm->n; i++)
		marks_free(&sm->v[i]);
	free(sm->v);
}

/* The search's count, how far, and the reading time left. */
static void
pager_where(struct pager *p, struct status *st)
{
	double	min = p->r->rate > 0 ? (double)view_bytes_left(p->r->v) /
	    p->r->rate : 0;
	int	pc = (int)(view_fraction(p->r->v) * 100.0 + 0.5);

	find_status(p, st->match, sizeof st->match);
	snprintf(st->script, sizeof st->script, "%s",
	    script_label(p->r->script));
	if (view_at_end(p->r->v)) {
		snprintf(st->pos, sizeof st->pos, "END");
		return;
	}
	snprintf(st->pos, sizeof st->pos, "%d%%", pc > 99 ? 99 : pc);
	if (min < 1)
		snprintf(st->left, sizeof st->left, "<1 min left");
	else if (min < 60)
		snprintf(st->left, sizeof st->left, "%d min left",
		    (int)(min + 0.5));
	else
		snprintf(st->left, sizeof st->left, "%d h %02d min left",
		    (int)(min / 60), (int)min % 60);
}

/*
 * The section being read: the one the top line is in; at the end, the
 * last one whose heading is on the screen, unless a heading is the top
 * line (a section just jumped to).
 */
static size_t
pager_reading_block(struct pager *p)
{
	const struct line	*l;
	size_t			 n, i, b = view_top_block(p->r->v);

	if (!view_at_end(p->r->v))
		return b;
	l = view_lines(p->r->v, &n);
	if (n > 0 && l[0].kind == LINE_TEXT && (l[0].flags & LINE_FIRST) &&
	    doc_level(view_doc(p->r->v), l[0].block) > 0)
		return b;
	for (i = 0; i < n; i++)
		if (l[i].kind == LINE_TEXT && doc_level(view_doc(p->r->v),
		    l[i].block) > 0)
			b = l[i].block;
	return b;
}

/* The last part of a path. */
static const char *
pager_base(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s != NULL && s[1] != '\0' ? s + 1 : path;
}

static void
pager_status(struct pager *p, struct status *st)
{
	memset(st, 0, sizeof *st);
	if (p->msg[0] != '\0')
		st->msg = p->msg;
	st->title = p->r->title;
	st->section = draw_breadcrumb(view_doc(p->r->v), pager_reading_block(p),
	    0);
	st->file = (char *)pager_base(p->r->name);
	pager_where(p, st);
	if (p->nfiles > 1 && !p->r->builtin)
		snprintf(st->files, sizeof st->files, "(%zu/%zu)", p->file + 1,
		    p->nfiles);
	if (p->count >= 0)
		snprintf(st->count, sizeof st->count, "%ld", p->count);
}

static void
pager_draw(struct pager *p)
{
	struct screen_marks	sm;
	struct status		st;

	leaveok(stdscr, TRUE);
	curs_set(0);
	pager_status(p, &st);
	if (mode_covers(p))
		erase();
	else {
		pager_marks(p, &sm);
		draw_screen(p, &sm, &st);
		pager_marks_free(&sm);
	}
	free(st.section);
	mode_draw(p);
	refresh();
	if (!mode_covers(p))
		draw_hyperlinks(p);
}

static void
pager_loop(struct pager *p)
{
	int	r = UI_REDRAW;

	for (;;) {
		if (r & UI_QUIT)
			break;
		if (r & UI_CLEAR)
			clearok(curscr, TRUE);
		if (r & UI_REDRAW)
			pager_draw(p);
		if (!p->r->started && !p->r->builtin && !mode_covers(p)) {
			/*
			 * The notes store after the first screen: it costs a
			 * few milliseconds.  A saved place is gone to at once.
			 */
			p->r->started = 1;
			annot_start(p);
			r = UI_REDRAW;
			continue;
		}
		r = pager_wait(p);
	}
	mode_quit_all(p);	/* a note being typed is kept as a draft */
}

const struct layout_opts *
view_opts_default(struct pager *p)
{
	static struct layout_opts	lo;

	lo.width = p->width > 0 ? p->width : UI_MEASURE;
	lo.ambiguous = p->o->ambiguous;
	lo.hscroll = 0;
	lo.chop = p->r != NULL && p->r->reflow_off;	/* as less -S */
	return &lo;
}

/* Closes the converters the reader opened; the document shows as written. */
static void
pager_close_scripts(struct pager *p)
{
	size_t	i;
	int	k;

	for (i = 0; i < p->nfiles; i++)
		doc_set_convert(p->files[i]->d, NULL);
	for (k = 0; k < SCRIPT_COUNT; k++)
		convert_close(p->conv[k]);
}

int
pager_run(struct doc **docs, const char **paths, size_t n,
    const struct options *o)
{
	struct pager	p;
	size_t		i;

	if (term_check() != 0)
		return 1;
	memset(&p, 0, sizeof p);
	p.o = o;
	p.count = -1;
	p.files = xcalloc(n, sizeof *p.files);
	for (i = 0; i < n; i++)
		p.files[p.nfiles++] = reading_new(&p, docs[i], paths[i],
		    paths[i] != NULL ? paths[i] : "standard input");
	if (term_start(term_wants_colour(o)) != 0)
		return 1;
	p.colour = term_colour();
	draw_init(&p);
	if (o->mouse == MOUSE_SCROLL && term_mouse(1) == 0)
		p.mouse = 1;
	p.hyperlinks = term_has_hyperlinks();
	find_history_load(&p);
	reading_show(&p, p.files[0]);
	if (o->start_msg != NULL)
		pager_message(&p, "%s", o->start_msg);
	if (o->history_first)	/* no file: the documents read before */
		list_history(&p, 1);
	pager_loop(&p);
	term_stop();
	find_history_save(&p);
	if (help_shown(&p))
		help_close(&p);
	for (i = 0; i < p.nfiles; i++)
		reading_close(&p, p.files[i]);
	for (i = 0; i < p.nback; i++)
		reading_close(&p, p.back[i]);
	pager_close_scripts(&p);
	web_free(&p);
	for (i = 0; i < p.nfiles; i++) {
		docs[i] = p.files[i]->d;	/* R may have replaced it */
		p.files[i]->d = NULL;
		reading_free(p.files[i]);
	}
	free(p.files);
	while (p.nruns > 0)
		free(p.runs[--p.nruns].text);
	free(p.runs);
	return 0;
}
