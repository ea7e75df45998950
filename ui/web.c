/*
 * web.c: what the reader opens besides a file: a URL (fetched, with a
 * progress line after a moment; Ctrl-C cancels), the page again (R), a
 * link chosen in the list of links (L), the way back (B), and the whole
 * page instead of the article (w).
 *
 * A page opened from a link is a reading of its own (reading.c) in the
 * place of the one left, which is kept, with its view, notes and search,
 * so that going back returns to the same line without fetching again.
 */
#include <sys/ioctl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "buf.h"
#include "convert.h"
#include "fetch.h"
#include "html.h"
#include "ui.h"
#include "width.h"
#include "xmalloc.h"

#define WEB_BACK	32	/* pages kept to go back to */
#define WEB_QUIET_MS	300	/* fetches shorter than this show nothing */

struct web_progress {
	struct pager	*p;		/* NULL: before the reader, on stderr */
	const char	*url;
	struct timespec	 start;
	int		 shown;		/* columns written on stderr */
};

static long
web_ms(const struct timespec *since)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 +
	    (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* "fetching URL… 120 KB of 300 KB", cut to cols columns; allocated. */
static char *
web_progress_line(const char *url, size_t got, size_t total, int cols)
{
	char	 tail[96], *u, *line;
	int	 used;

	if (total > 0)
		snprintf(tail, sizeof tail, "… %zu KB of %zu KB (Ctrl-C cancels)",
		    got / 1024, total / 1024);
	else
		snprintf(tail, sizeof tail, "… %zu KB (Ctrl-C cancels)",
		    got / 1024);
	cols -= (int)strlen("fetching ") + width_str(tail, strlen(tail), 1);
	u = draw_fit(url, strlen(url), cols > 8 ? cols : 8, &used);
	line = xasprintf("fetching %s%s", u, tail);
	free(u);
	return line;
}

static int
web_on_progress(void *arg, size_t got, size_t total)
{
	struct web_progress	*wp = arg;
	struct winsize		 ws;
	char			*line;
	int			 cols = 80;

	if (term_take_interrupt() || term_quit_requested())
		return 1;
	if (web_ms(&wp->start) < WEB_QUIET_MS)
		return 0;
	if (wp->p != NULL) {
		line = web_progress_line(wp->url, got, total, COLS - 1);
		attrset(draw_elem(CE_STATUS));
		move(LINES - 1, 0);
		clrtoeol();
		mvaddstr(LINES - 1, 0, line);
		attrset(A_NORMAL);
		refresh();
	} else {
		if (!isatty(STDERR_FILENO))
			return 0;
		if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
			cols = ws.ws_col;
		line = web_progress_line(wp->url, got, total, cols - 8);
		fprintf(stderr, "\rfolio: %s", line);
		wp->shown = 7 + width_str(line, strlen(line), 1);
	}
	free(line);
	return 0;
}

/* Rubs out the progress line on stderr. */
static void
web_progress_done(struct web_progress *wp)
{
	if (wp->shown > 0)
		fprintf(stderr, "\r%*s\r", wp->shown, "");
}

struct doc *
web_open(struct pager *p, const char *target, const struct doc_opts *dopts,
    const struct options *o, char **cause)
{
	struct fetch_opts	 fo;
	struct fetch_result	 r;
	struct web_progress	 wp;
	struct doc_opts		 d = *dopts;
	struct doc		*doc;
	int			 format;

	if (!fetch_is_url(target))
		return doc_open(target, dopts, cause);
	memset(&fo, 0, sizeof fo);
	memset(&wp, 0, sizeof wp);
	wp.p = p;
	wp.url = target;
	clock_gettime(CLOCK_MONOTONIC, &wp.start);
	fo.timeout = o->timeout;
	fo.max_size = dopts->max_stream;
	fo.progress = web_on_progress;
	fo.arg = &wp;
	if (p == NULL)
		term_catch_interrupt(1);
	if (fetch(target, &fo, &r, cause) != 0) {
		web_progress_done(&wp);
		if (p == NULL)
			term_catch_interrupt(0);
		return NULL;
	}
	web_progress_done(&wp);
	if (p == NULL)
		term_catch_interrupt(0);
	format = dopts->format != DOC_FORMAT_AUTO ? dopts->format :
	    fetch_format(r.type);
	if (format < 0) {
		*cause = xasprintf("not a document folio reads (%s)", r.type);
		fetch_free(&r);
		return NULL;
	}
	d.format = format;
	d.charset = r.charset;
	d.base = r.url;
	doc = doc_open_mem(r.body, r.len, &d, cause);
	fetch_free(&r);
	return doc;
}

/* The message a web page opens with: how much of it is shown. */
void
web_say_article(struct pager *p)
{
	if (doc_article(p->r->d) < 0)
		return;
	pager_message(p, "article: %d%% of the page (%s: whole page)",
	    doc_article(p->r->d), cmd_key_for("reader"));
}

/* The source offset of the top line, to come back to after a change. */
static uint64_t
web_top_offset(struct pager *p)
{
	struct anchor	a = view_anchor(p->r->v);
	struct doc	*d = view_doc(p->r->v);

	return a.pos.block < doc_nblocks(d) ? doc_block(d, a.pos.block)->off : 0;
}

/*
 * Where a link leads: a URL as it is, a file: URL or a relative link as a
 * path (relative to the shown document); NULL with a message otherwise.
 */
static char *
web_target(struct pager *p, const char *link)
{
	const char	*base = p->r->path;
	char		*t, *hash;
	size_t		 i, k;

	if (fetch_is_url(link))
		return xstrdup(link);
	if (strncasecmp(link, "file://", 7) == 0) {
		link += 7;
		if (strncasecmp(link, "localhost/", 10) == 0)
			link += 9;
	} else if (strchr(link, ':') != NULL && strchr(link, ':') <
	    (strchr(link, '/') != NULL ? strchr(link, '/') : link +
	    strlen(link))) {
		pager_message(p, "folio opens http and https links and files");
		return NULL;
	}
	t = fetch_is_url(base) ? html_resolve(link, base) :
	    html_resolve(link, base != NULL ? base : "./");
	if (fetch_is_url(t))
		return t;
	if ((hash = strchr(t, '#')) != NULL)
		*hash = '\0';
	for (i = k = 0; t[i] != '\0'; i++, k++) {	/* %20 and the like */
		if (t[i] == '%' && t[i + 1] != '\0' && t[i + 2] != '\0' &&
		    strchr("0123456789abcdefABCDEF", t[i + 1]) &&
		    strchr("0123456789abcdefABCDEF", t[i + 2])) {
			char hex[3] = { t[i + 1], t[i + 2], '\0' };

			t[k] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else
			t[k] = t[i];
	}
	t[k] = '\0';
	return t;
}

int
web_follow(struct pager *p, const char *link)
{
	struct doc_opts	 o = p->o->doc;
	struct reading	*r;
	struct doc	*d;
	char		*target, *cause = NULL;

	if ((target = web_target(p, link)) == NULL)
		return UI_REDRAW;
	o.lazy = 1;
	o.plain_links = 0;
	if ((d = web_open(p, target, &o, p->o, &cause)) == NULL) {
		pager_message(p, "%s: %s", target, cause);
		free(cause);
		free(target);
		return UI_REDRAW | UI_CLEAR;
	}
	if (p->nback == WEB_BACK) {		/* the oldest goes */
		reading_close(p, p->back[0]);
		reading_free(p->back[0]);
		memmove(p->back, p->back + 1, (WEB_BACK - 1) * sizeof *p->back);
		p->nback--;
	}
	p->back = xreallocarray(p->back, p->nback + 1, sizeof *p->back);
	p->back[p->nback++] = p->files[p->file];
	r = reading_new(p, d, target, target);
	r->script = p->r->script;	/* in the script the reader shows */
	p->files[p->file] = r;
	reading_show(p, r);
	if (r->script != SCRIPT_ORIG)
		pager_script(p, r->script);
	free(target);
	return UI_REDRAW | UI_CLEAR;
}

int
web_back(struct pager *p)
{
	struct reading	*left = p->files[p->file];

	if (p->nback == 0) {
		pager_message(p, "no page to go back to");
		return UI_REDRAW;
	}
	p->files[p->file] = p->back[--p->nback];
	reading_show(p, p->files[p->file]);
	reading_close(p, left);
	reading_free(left);
	pager_message(p, "back");
	return UI_REDRAW | UI_CLEAR;
}

/* Opens the shown page's source again with other options; NULL if not. */
static struct doc *
web_reopen(struct pager *p, int reader, char **cause)
{
	struct doc_opts	 o = p->o->doc;
	size_t		 n;
	const char	*src = doc_source(p->r->d, &n);

	o.lazy = 1;
	o.format = DOC_FORMAT_HTML;
	o.encoding = "UTF-8";	/* decoded already */
	o.charset = NULL;
	o.reader = reader;
	o.base = p->r->path;
	o.plain_links = 0;
	return doc_open_mem(src, n, &o, cause);
}

int
web_toggle_reader(struct pager *p)
{
	struct doc	*d;
	char		*cause = NULL;
	int		 article = doc_article(p->r->d) >= 0;

	if (doc_kind(p->r->d) != DOC_FORMAT_HTML) {
		pager_message(p, "only web pages have a reader mode");
		return UI_REDRAW;
	}
	d = web_reopen(p, article ? HTML_READER_OFF : HTML_READER_ON, &cause);
	if (d == NULL) {
		pager_message(p, "%s", cause);
		free(cause);
		return UI_REDRAW;
	}
	reading_replace(p, d, web_top_offset(p));	/* the notes stand */
	if (doc_article(d) >= 0)
		web_say_article(p);
	else
		pager_message(p, article ? "the whole page (%s: the article)" :
		    "no article found: the whole page", cmd_key_for("reader"));
	return UI_REDRAW | UI_CLEAR;
}

void
web_free(struct pager *p)
{
	while (p->nback > 0)
		reading_free(p->back[--p->nback]);
	free(p->back);
	p->back = NULL;
}
