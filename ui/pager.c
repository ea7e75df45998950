/*
 * pager.c: the reader's main loop.
 *
 * The loop waits for a key in one place.  While the document is not yet
 * segmented to its end it waits without blocking and, when no key comes,
 * segments one more piece (about 1 MiB, a few milliseconds), so the first
 * screen shows at once and the rest is ready before it is needed.  Signal
 * flags are read after every wake-up; a resize comes as KEY_RESIZE.
 */
#include <sys/ioctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "encoding.h"
#include "html.h"
#include "pager.h"
#include "ui.h"
#include "utf8.h"
#include "width.h"

#define PAGER_POLL_MS	700	/* how often other sessions' notes are seen */
#define PAGER_RATE_SAMPLE 16384	/* bytes read to guess the reading speed */

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
pager_message(struct pager *p, const char *msg)
{
	snprintf(p->msg, sizeof p->msg, "%s", msg);
}

/* The text column: the terminal's width, at most a reading measure. */
void
pager_layout(struct pager *p)
{
	struct layout_opts	lo = *view_opts(p->v);

	p->cols = COLS;
	p->rows = LINES;
	p->width = p->o->width > 0 ? p->o->width : UI_MEASURE;
	if (p->width > p->cols)
		p->width = p->cols;
	if (p->width < 1)
		p->width = 1;
	p->margin = (p->cols - p->width) / 2;
	lo.width = p->width;
	view_set_rows(p->v, p->rows > 1 ? p->rows - 1 : 1);
	if (lo.width != view_opts(p->v)->width)
		view_set_opts(p->v, &lo);
}

/*
 * Reading speed in source bytes a minute, from the document's start: about
 * 300 CJK characters or 230 English words a minute.
 */
static double
pager_rate(struct pager *p)
{
	size_t		 i, n = doc_nblocks(p->d), bytes = 0;
	double		 minutes = 0;
	uint32_t	 c;

	for (i = 0; i < n && bytes < PAGER_RATE_SAMPLE; i++) {
		struct text	*t = doc_text(p->d, i);
		size_t		 k = 0;
		int		 inword = 0;

		while (k < t->len) {
			k += (size_t)utf8_decode((const uint8_t *)t->s + k,
			    t->len - k, &c);
			if (width_is_cjk(c))
				minutes += 1.0 / 300;
			else if (c > ' ' && !inword)
				minutes += 1.0 / 230;
			inword = c > ' ' && !width_is_cjk(c);
		}
		bytes += doc_block(p->d, i)->len;
	}
	return minutes > 0 ? (double)bytes / minutes : 0;
}

int
pager_script(struct pager *p, int s)
{
	char	*cause = NULL;

	if (s != SCRIPT_ORIG && p->conv[s] == NULL &&
	    (p->conv[s] = convert_open(s, &cause)) == NULL) {
		pager_message(p, cause);
		free(cause);
		return -1;
	}
	p->script = s;
	view_set_convert(p->v, s == SCRIPT_ORIG ? NULL : p->conv[s]);
	free(p->title);
	p->title = doc_title(p->d);
	find_script(p);
	notes_unshow(&p->notes);
	return 0;
}

/* The script c goes to next: as written -> simplified -> traditional. */
int
pager_next_script(const struct pager *p)
{
	return p->script == SCRIPT_ORIG ? SCRIPT_S :
	    p->script == SCRIPT_S ? SCRIPT_T : SCRIPT_ORIG;
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

	return p->script != SCRIPT_ORIG && next != SCRIPT_ORIG &&
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

/* Puts document d in place of the current one, at source byte off. */
static void
pager_replace(struct pager *p, struct doc *d, uint64_t off)
{
	struct pos	pos = { 0, 0 };

	view_free(p->v);
	doc_free(p->d);
	p->d = d;
	doc_set_convert(d, p->script != SCRIPT_ORIG ? p->conv[p->script] :
	    NULL);
	free(p->title);
	p->title = doc_title(d);
	doc_hide_marks(d, p->colour);
	p->v = view_new(d, view_opts_default(p), p->rows > 1 ? p->rows - 1 : 1);
	pos.block = (uint32_t)doc_block_at(d, off);
	view_goto(p->v, pos);
	p->find.fullwidth = -1;
	p->find.fw_at = 0;
	find_reload(p);
	annot_reload(p);
}

/* Reopens the file (fetches the page) and goes back to the same place. */
int
pager_reload(struct pager *p)
{
	struct anchor		 a = view_anchor(p->v);
	uint64_t		 off = a.pos.block < doc_nblocks(view_doc(p->v)) ?
	    doc_block(view_doc(p->v), a.pos.block)->off : 0;
	struct doc_opts		 o = p->o->doc;
	struct doc		*d;
	char			*cause = NULL;

	if (p->path == NULL) {
		pager_message(p, "standard input cannot be reloaded");
		return UI_REDRAW;
	}
	o.lazy = 1;
	o.reflow_off = p->reflow_off;
	if (doc_kind(p->d) == DOC_FORMAT_HTML)	/* in the mode shown */
		o.reader = doc_article(p->d) >= 0 ? HTML_READER_ON :
		    HTML_READER_OFF;
	o.show_glosses = p->show_glosses;
	if ((d = web_open(p, p->path, &o, p->o, &cause)) == NULL) {
		snprintf(p->msg, sizeof p->msg, "reload failed: %s", cause);
		free(cause);
		return UI_REDRAW;
	}
	p->encoding = doc_encoding(d);
	pager_replace(p, d, off);
	pager_message(p, "reloaded");
	return UI_REDRAW | UI_CLEAR;
}

int
pager_reopen(struct pager *p, int off, int show)
{
	struct anchor	 a = view_anchor(p->v);
	uint64_t	 at = a.pos.block < doc_nblocks(view_doc(p->v)) ?
	    doc_block(view_doc(p->v), a.pos.block)->off : 0;
	struct doc_opts	 o = p->o->doc;
	struct doc	*d;
	const char	*s, *msg;
	char		*cause = NULL;
	size_t		 n;

	o.lazy = 1;
	o.reflow_off = off;
	o.show_glosses = show;
	o.encoding = "UTF-8";	/* the text as decoded already */
	o.force = 1;
	o.format = doc_kind(p->d);	/* a web page stays one, as shown */
	o.base = p->path;
	if (o.format == DOC_FORMAT_HTML)
		o.reader = doc_article(p->d) >= 0 ? HTML_READER_ON :
		    HTML_READER_OFF;
	s = doc_source(p->d, &n);
	if ((d = doc_open_mem(s, n, &o, &cause)) == NULL) {
		snprintf(p->msg, sizeof p->msg, "%s", cause);
		free(cause);
		return UI_REDRAW;
	}
	msg = show != p->show_glosses ? (show ?
	    "readings and notes shown (o: hide)" :
	    "readings and notes hidden (o: show)") : off ?
	    "reflow off: lines as in the file (S: on)" : "reflow on (S: off)";
	p->reflow_off = off;
	p->show_glosses = show;
	pager_replace(p, d, at);
	pager_message(p, msg);
	return UI_REDRAW | UI_CLEAR;
}

static int
pager_key(struct pager *p, wint_t c, int fn)
{
	if (fn && c == KEY_RESIZE) {
		pager_layout(p);
		return UI_REDRAW;
	}
	p->msg[0] = '\0';
	return cmd_key(p, (int)c, fn);
}

/* Waits for a key, doing background work meanwhile; returns a reaction. */
static int
pager_wait(struct pager *p)
{
	wint_t	c;
	int	rc;

	timeout(doc_complete(p->d) && p->find.fullwidth >= 0 && !p->hashing &&
	    !find_counting(p) && !pager_script_pending(p) ? PAGER_POLL_MS : 0);
	rc = get_wch(&c);
	if (term_quit_requested())
		return UI_QUIT;
	if (term_take_suspend()) {
		term_suspend();
		return UI_REDRAW | UI_CLEAR;
	}
	if (rc == ERR) {
		if (find_counting(p)) {
			find_count_step(p);
			return UI_REDRAW;
		}
		if (pager_script_pending(p))
			pager_script_idle(p);
		else if (!doc_complete(p->d))
			doc_segment_more(p->d);
		else if (p->hashing) {
			if (!annot_idle(p))
				return UI_REDRAW;	/* the notes are in */
		} else if (p->find.fullwidth < 0)
			find_flags(p, 0);	/* ready for the first search */
		view_sync(p->v);
		return annot_poll(p) ? UI_REDRAW : UI_NONE;
	}
	return pager_key(p, c, rc == KEY_CODE_YES);
}

static void
pager_loop(struct pager *p)
{
	int	r = UI_REDRAW, started = 0;

	for (;;) {
		if (r & UI_CLEAR)
			clearok(curscr, TRUE);
		if (r & UI_REDRAW) {
			draw_screen(p);
			refresh();
			draw_hyperlinks(p);
		}
		if (!started) {
			/*
			 * The notes store after the first screen: it costs a
			 * few milliseconds.  A saved place is gone to at once.
			 */
			started = 1;
			annot_start(p);
			r = UI_REDRAW;
			continue;
		}
		r = pager_wait(p);
		if (r & UI_QUIT)
			break;
	}
}

const struct layout_opts *
view_opts_default(struct pager *p)
{
	static struct layout_opts	lo;

	lo.width = p->width > 0 ? p->width : UI_MEASURE;
	lo.ambiguous = p->o->ambiguous;
	lo.hscroll = 0;
	lo.chop = p->reflow_off;	/* as less -S */
	return &lo;
}

/* Closes the converters the reader opened; the document shows as written. */
static void
pager_close_scripts(struct pager *p)
{
	int	i;

	doc_set_convert(p->d, p->given);
	for (i = 0; i < SCRIPT_COUNT; i++)
		if (p->conv[i] != p->given)
			convert_close(p->conv[i]);
}

int
pager_run(struct doc **dp, const struct options *o, const char *path,
    const char *name)
{
	struct pager	p;
	struct doc	*d = *dp;

	memset(&p, 0, sizeof p);
	if (term_check() != 0)
		return 1;
	p.d = d;
	p.o = o;
	p.path = path;
	p.name = name;
	p.count = -1;
	p.find.fullwidth = -1;
	p.reflow_off = o->doc.reflow_off;
	p.show_glosses = o->doc.show_glosses;
	p.encoding = doc_encoding(d);
	if (!encoding_is_utf8(p.encoding))	/* say what was guessed */
		snprintf(p.msg, sizeof p.msg, "read as %s (= for more)",
		    encoding_label(p.encoding));
	if ((p.given = doc_convert(d)) != NULL) {	/* --script */
		p.script = convert_script(p.given);
		p.conv[p.script] = p.given;
	}
	p.title = doc_title(d);
	p.rate = pager_rate(&p);
	if (term_start() != 0)
		return 1;
	p.colour = term_has_colour();
	doc_hide_marks(d, p.colour);	/* code in colour: no backticks */
	p.hyperlinks = term_has_hyperlinks() && doc_is_rendered(d);
	p.v = view_new(d, view_opts_default(&p), LINES > 1 ? LINES - 1 : 1);
	web_init(&p);
	pager_layout(&p);
	annot_place(&p);
	web_started(&p);
	pager_loop(&p);
	term_stop();
	annot_stop(&p);
	find_free(&p);
	while (p.nruns > 0)
		free(p.runs[--p.nruns].text);
	free(p.runs);
	view_free(p.v);
	web_free(&p);
	*dp = p.d;	/* R may have replaced it */
	free(p.title);
	pager_close_scripts(&p);
	return 0;
}
