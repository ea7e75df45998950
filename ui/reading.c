/*
 * reading.c: the documents the reader holds open.
 *
 * Each file of the command line is a reading with its own view, search,
 * notes and jump list; :n and :p show the next and previous one, :e opens
 * another, and each keeps its place while the others are shown.  A
 * reading's notes are opened the first time it is shown (after its first
 * screen) and closed, with its place saved, when folio ends.  The help is
 * a reading too (help.c), made in memory, with no notes.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "ui.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

#define READING_RATE_SAMPLE	16384	/* bytes read to guess the speed */

/*
 * Reading speed in source bytes a minute, from the document's start: about
 * 300 CJK characters or 230 English words a minute.
 */
static double
reading_rate(struct doc *d)
{
	size_t		 i, n = doc_nblocks(d), bytes = 0;
	double		 minutes = 0;
	uint32_t	 c;

	for (i = 0; i < n && bytes < READING_RATE_SAMPLE; i++) {
		struct text	*t = doc_text(d, i);
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
		bytes += doc_block(d, i)->len;
	}
	return minutes > 0 ? (double)bytes / minutes : 0;
}

/* The file's modification time, 0 if it has none. */
static time_t
reading_mtime(const char *path)
{
	struct stat	sb;

	return path != NULL && stat(path, &sb) == 0 ? sb.st_mtime : 0;
}

struct reading *
reading_new(struct pager *p, struct doc *d, const char *path,
    const char *name)
{
	struct reading	*r = xcalloc(1, sizeof *r);

	r->d = d;
	r->path = path != NULL ? xstrdup(path) : NULL;
	r->name = xstrdup(name);
	r->title = doc_title(d);
	r->rate = reading_rate(d);
	r->find.fullwidth = -1;
	r->reflow_off = p->o->doc.reflow_off;
	r->show_glosses = p->o->doc.show_glosses;
	r->encoding = doc_encoding(d);
	r->mtime = reading_mtime(path);
	return r;
}

struct reading *
reading_open(struct pager *p, const char *path, char **cause)
{
	struct doc_opts	 o = p->o->doc;
	struct doc	*d;

	o.lazy = 1;
	if ((d = web_open(p, path, &o, p->o, cause)) == NULL)
		return NULL;
	return reading_new(p, d, path, path);
}

void
reading_show(struct pager *p, struct reading *r)
{
	struct reading	*was = p->r;

	p->r = r;
	if (r->v == NULL) {		/* its first showing */
		doc_hide_marks(r->d, p->colour);
		r->v = view_new(r->d, view_opts_default(p),
		    p->rows > 1 ? p->rows - 1 : 1);
		if (p->o->script_set && p->o->script != SCRIPT_ORIG &&
		    !r->builtin)
			pager_script(p, p->o->script);	/* --script */
		if (!r->builtin)
			annot_place(p);
	} else
		pager_layout(p);	/* the terminal may have changed */
	if (was != NULL && was != r && !was->builtin)
		annot_save_place(p, was);
	pager_layout(p);
	if (!encoding_is_utf8(r->encoding) && !r->builtin)
		pager_message(p, "read as %s (%s for more)",
		    encoding_label(r->encoding), cmd_key_for("info"));
	if (doc_article(r->d) >= 0 && r->started == 0)
		web_say_article(p);
}

void
reading_close(struct pager *p, struct reading *r)
{
	struct reading	*was = p->r;

	if (r->started && !r->builtin) {
		p->r = r;
		annot_stop(p);
		p->r = was;
	}
	r->started = 0;
}

void
reading_free(struct reading *r)
{
	if (r == NULL)
		return;
	find_free(r);
	view_free(r->v);
	doc_free(r->d);
	free(r->path);
	free(r->name);
	free(r->title);
	free(r);
}

/* Says which file is shown, after a switch. */
static void
reading_say(struct pager *p)
{
	pager_message(p, "%s (file %zu of %zu)", p->r->name, p->file + 1,
	    p->nfiles);
}

int
reading_next(struct pager *p, int dir)
{
	if (p->nfiles < 2) {
		pager_message(p, "only one file: :e FILE opens another");
		return UI_REDRAW;
	}
	if ((dir > 0 && p->file + 1 >= p->nfiles) || (dir < 0 && p->file == 0)) {
		pager_message(p, dir > 0 ? "this is the last file" :
		    "this is the first file");
		return UI_REDRAW;
	}
	p->file = dir > 0 ? p->file + 1 : p->file - 1;
	reading_show(p, p->files[p->file]);
	reading_say(p);
	return UI_REDRAW | UI_CLEAR;
}

int
reading_edit(struct pager *p, const char *path)
{
	struct reading	*r;
	char		*cause = NULL;
	size_t		 i;

	for (i = 0; i < p->nfiles; i++)
		if (p->files[i]->path != NULL &&
		    strcmp(p->files[i]->path, path) == 0)
			break;
	if (i == p->nfiles) {
		if ((r = reading_open(p, path, &cause)) == NULL) {
			pager_message(p, "%s: %s", path, cause);
			free(cause);
			return UI_REDRAW;
		}
		p->files = xreallocarray(p->files, p->nfiles + 1,
		    sizeof *p->files);
		p->files[p->nfiles++] = r;
	}
	p->file = i;
	reading_show(p, p->files[i]);
	reading_say(p);
	return UI_REDRAW | UI_CLEAR;
}

int
reading_instead(struct pager *p, const char *path)
{
	struct reading	*r, *was = p->files[p->file];
	char		*cause = NULL;

	if ((r = reading_open(p, path, &cause)) == NULL) {
		pager_message(p, "%s: %s", path, cause);
		free(cause);
		return UI_REDRAW;
	}
	p->files[p->file] = r;
	reading_show(p, r);
	reading_close(p, was);
	if (p->r == was)
		p->r = r;
	reading_free(was);
	return UI_REDRAW | UI_CLEAR;
}

void
reading_replace(struct pager *p, struct doc *d, uint64_t off)
{
	struct reading	*r = p->r;
	struct pos	 pos = { 0, 0 };

	view_free(r->v);
	doc_free(r->d);
	r->d = d;
	free(r->title);
	r->title = doc_title(d);
	r->encoding = doc_encoding(d);
	r->mtime = reading_mtime(r->path);
	doc_hide_marks(d, p->colour);
	doc_set_convert(d, r->script != SCRIPT_ORIG ? p->conv[r->script] :
	    NULL);
	r->v = view_new(d, view_opts_default(p), p->rows > 1 ? p->rows - 1 : 1);
	pos.block = (uint32_t)doc_block_at(d, off);
	view_goto(r->v, pos);
	r->find.fullwidth = -1;
	r->find.fw_at = 0;
	find_reload(p);
	if (!r->builtin)
		annot_reload(p);
}
