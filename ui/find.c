/*
 * find.c: search in the reader.
 *
 * The matches come from a search cursor (scursor.h); this file decides
 * where a search starts and how the current match is shown.  As in less,
 * a new search, and n or N when the current match is not on the screen,
 * start from the screen: forward from its first line, backward from the
 * end of its last.  Otherwise n and N go on from the current match.  The
 * current match is kept as source bytes and as a model range in the
 * document it was found in (the main one, or a tail at the end of a large
 * file); what is drawn and what H, a, y and v take is that range.  The
 * count (k/N) is made in steps while the reader waits for keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "histfile.h"
#include "passage.h"
#include "scursor.h"
#include "search.h"
#include "ui.h"
#include "xmalloc.h"

/* The current match's model range in the document on screen; 0 if any. */
int
find_current(struct pager *p, struct pos *from, struct pos *to)
{
	struct find	*f = &p->r->find;
	struct doc	*d = view_doc(p->r->v);

	if (f->s == NULL || !f->have)
		return -1;
	if (f->cur_doc != d) {		/* the view moved to another document */
		if (f->cur.src_end <= f->cur.src || passage_model(d,
		    f->cur.src, f->cur.src_end, &f->cur.from, &f->cur.to) != 0)
			return -1;
		f->cur_doc = d;
	}
	*from = f->cur.from;
	*to = f->cur.to;
	return 0;
}

/* Is model range [from, to) of the shown document on the screen? */
int
find_on_screen(struct pager *p, struct pos from, struct pos to)
{
	const struct line	*l;
	size_t			 n, i;

	l = view_lines(p->r->v, &n);
	for (i = 0; i < n; i++) {
		struct pos	a = { l[i].block, l[i].start };
		struct pos	z = { l[i].block, l[i].end };

		if (l[i].kind == LINE_TEXT && pos_cmp(from, z) < 0 &&
		    pos_cmp(a, to) < 0)
			return 1;
		if (l[i].kind == LINE_TEXT && l[i].start == l[i].end &&
		    pos_cmp(a, from) == 0)
			return 1;	/* an empty line at the place */
	}
	return 0;
}

/* Is the current match on the screen? */
int
find_visible(struct pager *p)
{
	struct pos	from, to;

	return find_current(p, &from, &to) == 0 &&
	    find_on_screen(p, from, to);
}

/* Where a search from the screen starts: its first or its last line. */
static void
find_screen_place(struct pager *p, int dir, struct place *pl)
{
	struct doc		*d = view_doc(p->r->v);
	const struct line	*l;
	size_t			 n, i;
	struct pos		 at = { 0, 0 };
	uint64_t		 a, z;

	memset(pl, 0, sizeof *pl);
	l = view_lines(p->r->v, &n);
	for (i = 0; i < n; i++) {
		size_t k = dir > 0 ? i : n - 1 - i;

		if (l[k].kind == LINE_TEXT) {
			at.block = l[k].block;
			at.off = dir > 0 ? l[k].start : l[k].end;
			break;
		}
	}
	if (i == n)
		at.block = (uint32_t)view_top_block(p->r->v);
	if (d == p->r->d) {	/* positions of the cursor's document */
		pl->have_pos = 1;
		pl->pos = at;
	}
	if (doc_nblocks(d) == 0)
		return;
	if (dir > 0) {
		struct pos end = { at.block, (uint32_t)doc_text(d, at.block)->len };

		pl->src = passage_source(d, at, end, &a, &z) == 0 ? a :
		    doc_block(d, at.block)->off;
	} else {
		struct pos start = { at.block, 0 };

		pl->src = passage_source(d, start, at, &a, &z) == 0 ? z :
		    doc_block(d, at.block)->off;
	}
}

/* Makes m the current match and shows it. */
static void
find_show(struct pager *p, struct match *m)
{
	struct find	*f = &p->r->find;
	struct doc	*d = p->r->d;
	size_t		 b;

	if (!m->have_pos) {	/* from the source: the document holding it */
		d = view_locate(p->r->v, m->src, &b);
		if (passage_model(d, m->src, m->src_end, &m->from, &m->to) != 0) {
			m->from.block = m->to.block = (uint32_t)b;
			m->from.off = m->to.off = 0;
		}
	}
	f->cur = *m;
	f->cur_doc = d;
	f->have = 1;
	if (view_doc(p->r->v) != d || !find_on_screen(p, m->from, m->to))
		view_goto_in(p->r->v, d, m->from);
}

/* A search on texts must see the main document: no tail on screen. */
static void
find_main_doc(struct pager *p)
{
	if (scursor_on_texts(p->r->find.c) && view_doc(p->r->v) != p->r->d) {
		doc_segment_all(p->r->d);
		view_sync(p->r->v);
	}
}

/* Finds and shows the next match; returns 1, 0 if none, -1 at a limit. */
static int
find_go(struct pager *p, int dir, int from_screen, int *wrapped)
{
	struct find	*f = &p->r->find;
	struct place	 pl;
	struct match	 m;
	int		 rc;

	*wrapped = 0;
	if (f->c == NULL || doc_nblocks(view_doc(p->r->v)) == 0)
		return 0;
	find_main_doc(p);
	if (!from_screen && f->have && find_visible(p))
		rc = scursor_step(f->c, &f->cur, dir, &m, wrapped);
	else {
		find_screen_place(p, dir, &pl);
		rc = scursor_find(f->c, &pl, dir, &m, wrapped);
	}
	if (rc > 0)
		find_show(p, &m);
	return rc;
}

/* Starts counting again, from the current match. */
static void
find_recount(struct find *f)
{
	if (f->c != NULL)
		scursor_count_begin(f->c, f->have ? &f->cur : NULL);
	f->index = 0;
}

static void
find_drop(struct find *f)
{
	scursor_free(f->c);
	f->c = NULL;
	search_free(f->s);
	f->s = NULL;
	f->have = 0;
	f->index = 0;
}

/* A new search for the pattern; 0, or -1 with *cause set. */
static int
find_new(struct pager *p, const char *pattern, int regex, char **cause)
{
	struct find	*f = &p->r->find;

	find_drop(f);
	if ((f->s = search_new(pattern, find_flags(p, regex), cause)) == NULL)
		return -1;
	f->c = scursor_new(p->r->d, f->s);
	snprintf(f->pattern, sizeof f->pattern, "%s", pattern);
	f->regex = regex;
	find_recount(f);
	return 0;
}

/* The place the prompt was opened at: each edit searches from there. */
struct find_origin {
	uint64_t	 at;		/* pager_place: safe across tails */
	char		 old[512];	/* the search before, for Esc */
	int		 old_regex;
};

static void
find_changed(struct pager *p, struct prompt *pr, void *arg)
{
	struct find_origin	*o = arg;
	char			*cause = NULL;
	int			 wrapped, rc;

	pr->error[0] = '\0';
	find_drop(&p->r->find);
	pager_goto_place(p, o->at);
	if (pr->len == 0)
		return;
	if (find_new(p, pr->buf, pr->regex, &cause) != 0) {
		snprintf(pr->error, sizeof pr->error, "%s", cause);
		free(cause);
		return;
	}
	if ((rc = find_go(p, p->r->find.dir, 1, &wrapped)) == 0)
		snprintf(pr->error, sizeof pr->error, "not found");
	else if (rc < 0)
		snprintf(pr->error, sizeof pr->error, "match limit hit");
	find_recount(&p->r->find);
}

/* The end of the prompt: the search stays, or the old one comes back. */
static int
find_done(struct pager *p, struct prompt *pr, enum prompt_end how, void *arg)
{
	struct find_origin	*o = arg;
	struct find		*f = &p->r->find;
	char			*cause = NULL;

	if (how != PROMPT_ACCEPT) {	/* back where we were, old search */
		find_drop(f);
		pager_goto_place(p, o->at);
		if (o->old[0] != '\0' &&
		    find_new(p, o->old, o->old_regex, &cause) != 0)
			free(cause);
		return UI_DONE;
	}
	prompt_remember(&p->searches, pr->buf);
	if (pr->len == 0) {
		find_drop(f);
		return UI_DONE;
	}
	if (f->s == NULL)
		pager_message(p, "%s", pr->error[0] ? pr->error : "bad pattern");
	else if (!f->have)
		pager_message(p, "%s", pr->error[0] ? pr->error :
		    "pattern not found");
	else			/* a jump: ` comes back */
		pager_jump_from_place(p, o->at);
	return UI_DONE;
}

int
find_prompt(struct pager *p, int dir)
{
	struct find		*f = &p->r->find;
	struct prompt		*pr;
	struct find_origin	*o = xcalloc(1, sizeof *o);

	snprintf(o->old, sizeof o->old, "%s", f->s != NULL ? f->pattern : "");
	o->old_regex = f->regex;
	o->at = pager_place(p);
	f->dir = dir;
	f->hidden = 0;
	pr = prompt_open(p, dir > 0 ? "/" : "?", NULL, PROMPT_REGEX,
	    &p->searches);
	pr->changed = find_changed;
	pr->done = find_done;
	pr->free = free;
	pr->arg = o;
	return UI_REDRAW;
}

int
find_next(struct pager *p, int dir)
{
	struct find	*f = &p->r->find;
	int		 d = f->dir * dir, wrapped, stepped, rc;
	long		 total = f->c != NULL ? scursor_total(f->c) : -1;

	if (f->s == NULL) {
		pager_message(p, "no search: type / to search");
		return UI_REDRAW;
	}
	f->hidden = 0;
	stepped = f->have && find_visible(p);
	if ((rc = find_go(p, d, 0, &wrapped)) <= 0) {
		pager_message(p, rc < 0 ? "the expression hit its match limit" :
		    "pattern not found");
		return UI_REDRAW;
	}
	if (wrapped)
		pager_message(p, d > 0 ? "search wrapped to the top" :
		    "search wrapped to the bottom");
	if (stepped && total >= 0 && f->index > 0)
		f->index = d > 0 ? (wrapped ? 1 : f->index + 1) :
		    (wrapped ? total : f->index - 1);
	else
		find_recount(f);
	return UI_REDRAW;
}

#define FIND_FW_STEP	(4 * 1024 * 1024)

void
find_fullwidth_step(struct pager *p)
{
	struct find	*f = &p->r->find;
	size_t		 n, k;
	const char	*src = doc_source(p->r->d, &n);

	if (f->fullwidth >= 0)
		return;
	k = n - f->fw_at < FIND_FW_STEP + 2 ? n - f->fw_at : FIND_FW_STEP + 2;
	if (search_has_fullwidth(src + f->fw_at, k))
		f->fullwidth = 1;
	else if ((f->fw_at += FIND_FW_STEP) >= n)
		f->fullwidth = 0;
}

int
find_flags(struct pager *p, int regex)
{
	while (p->r->find.fullwidth < 0)
		find_fullwidth_step(p);
	return (regex ? SEARCH_REGEX : 0) |
	    (p->r->find.fullwidth ? 0 : SEARCH_HALFWIDTH) |
	    (p->o->script_fold ? 0 : SEARCH_NOSCRIPT);
}

int
find_hide(struct pager *p)
{
	struct find	*f = &p->r->find;

	if (f->s != NULL && !f->hidden) {
		f->hidden = 1;
		pager_message(p, "matches hidden: n and N still find them");
	}
	return UI_REDRAW;
}

int
find_counting(struct pager *p)
{
	return p->r->find.c != NULL && scursor_total(p->r->find.c) < 0;
}

int
find_count_step(struct pager *p)
{
	struct find	*f = &p->r->find;
	int		 more;

	if (!find_counting(p))
		return 0;
	more = scursor_count_step(f->c);
	if (!more)
		f->index = scursor_index(f->c);
	return more;
}

void
find_status(struct pager *p, char *out, size_t size)
{
	struct find	*f = &p->r->find;
	long		 total;

	if (f->c == NULL) {
		*out = '\0';
		return;
	}
	total = scursor_total(f->c);
	if (total < 0)
		snprintf(out, size, "[%ld+]", scursor_counted(f->c));
	else if (f->have && f->index > 0)
		snprintf(out, size, "[%ld/%ld]", f->index, total);
	else
		snprintf(out, size, "[%ld]", total);
}

static int
find_add_mark(void *arg, size_t a, size_t b)
{
	marks_add(arg, (uint32_t)a, (uint32_t)b, STYLE_MATCH, 0);
	return 1;
}

void
find_marks(struct pager *p, struct doc *d, size_t block, struct marks *m)
{
	struct pos	from, to;

	if (p->r->find.s == NULL || p->r->find.hidden || doc_nblocks(d) == 0)
		return;
	search_text(p->r->find.s, doc_text(d, block), find_add_mark, m);
	if (find_current(p, &from, &to) != 0 || block < from.block ||
	    block > to.block)
		return;
	marks_add(m, block == from.block ? from.off : 0, block == to.block ?
	    to.off : (uint32_t)doc_text(d, block)->len, STYLE_CURRENT, 0);
}

void
find_reload(struct pager *p)
{
	struct find	*f = &p->r->find;
	char		 pattern[512], *cause = NULL;

	if (f->s == NULL)
		return;
	snprintf(pattern, sizeof pattern, "%s", f->pattern);
	if (find_new(p, pattern, f->regex, &cause) != 0) {
		free(cause);
		find_drop(f);
	}
}

void
find_script(struct pager *p)
{
	struct find	*f = &p->r->find;

	if (f->s == NULL)
		return;
	scursor_free(f->c);	/* on texts or on the source: it may change */
	f->c = scursor_new(p->r->d, f->s);
	if (f->have && (f->cur_doc != view_doc(p->r->v) ||
	    passage_model(f->cur_doc, f->cur.src, f->cur.src_end,
	    &f->cur.from, &f->cur.to) != 0)) {
		f->cur_doc = NULL;	/* find_current works it out again */
		if (f->cur.src_end <= f->cur.src)
			f->have = 0;
	}
	find_recount(f);
}

void
find_free(struct reading *r)
{
	find_drop(&r->find);
}

void
find_history_load(struct pager *p)
{
	struct histfile	 h;
	char		*path = histfile_path("searches");
	size_t		 i;

	if (path == NULL || histfile_load(path, &h) != 0) {
		free(path);
		return;
	}
	for (i = h.n > HISTORY_MAX ? h.n - HISTORY_MAX : 0; i < h.n; i++)
		prompt_remember(&p->searches, h.v[i]);
	histfile_free(&h);
	free(path);
}

void
find_history_save(struct pager *p)
{
	struct histfile	 h;
	char		*path = histfile_path("searches"), *cause = NULL;
	int		 i;

	memset(&h, 0, sizeof h);
	for (i = 0; i < p->searches.n; i++)
		histfile_add(&h, p->searches.v[i]);
	if (path != NULL && histfile_save(path, &h, HISTORY_MAX, &cause) != 0)
		free(cause);	/* a search history is not worth a complaint */
	histfile_free(&h);
	free(path);
	for (i = 0; i < p->searches.n; i++)
		free(p->searches.v[i]);
	p->searches.n = 0;
}
