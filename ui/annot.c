/*
 * annot.c: bookmarks, highlights and notes in the reader.
 *
 * A passage is taken from the current search match, else the paragraph at
 * the top of the view; its source bytes are captured as an anchor
 * (anchor.c) and saved at once, in one transaction (store.c).  What cannot
 * be saved stays in memory, marked, and is printed when folio ends.  A
 * note being typed when the connection drops is saved as a draft and
 * offered again next time.
 */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "export.h"
#include "search.h"
#include "sha256.h"
#include "ui.h"
#include "width.h"
#include "xmalloc.h"

#define ANNOT_BOOKMARK_CHARS	64
#define ANNOT_HASH_AT_ONCE	(4 * 1024 * 1024)	/* bytes hashed before */
#define ANNOT_HASH_STEP		(1024 * 1024)	/* ... then per idle step */

/* Source bytes of a block's text, without the white space at its ends. */
static void
annot_block_range(struct doc *d, size_t b, size_t *a, size_t *z)
{
	const struct block	*blk;
	size_t			 n;
	const char		*src = doc_source(d, &n);

	if (b >= doc_nblocks(d)) {	/* an empty document */
		*a = *z = 0;
		return;
	}
	blk = doc_block(d, b);
	*a = blk->off;
	*z = blk->off + blk->len;
	while (*a < *z && (src[*a] == ' ' || src[*a] == '\t'))
		(*a)++;
	while (*z > *a && (src[*z - 1] == '\n' || src[*z - 1] == '\r' ||
	    src[*z - 1] == ' ' || src[*z - 1] == '\t'))
		(*z)--;
	if (*a + 3 <= *z && memcmp(src + *a, "\xE3\x80\x80", 3) == 0)
		*a += 3;		/* U+3000 indent */
	if (*a + 3 <= *z && memcmp(src + *a, "\xE3\x80\x80", 3) == 0)
		*a += 3;
}

/* The passage to annotate: the search match, else the top paragraph. */
static void
annot_passage(struct pager *p, size_t *a, size_t *z)
{
	struct find	*f = &p->find;

	if (p->sel.done && sel_source(p, a, z) == 0)
		return;
	if (f->s != NULL && f->have && !search_is_regex(f->s) &&
	    f->src_end > f->src) {
		*a = f->src;
		*z = f->src_end;
		return;
	}
	annot_block_range(view_doc(p->v), view_top_block(p->v), a, z);
}

/* The breadcrumb of the section holding source byte a (on screen). */
static char *
annot_section(struct pager *p, size_t a)
{
	return draw_breadcrumb(p, doc_block_at(view_doc(p->v), a));
}

/* Why notes are not being saved. */
static const char *
annot_why(struct pager *p)
{
	if (p->notes.st != NULL)
		return store_why(p->notes.st);
	return p->notes.cause ? p->notes.cause : "no notes store";
}

/* Saves a note; says what happened. */
static void
annot_keep(struct pager *p, struct note *k)
{
	const char	*what = note_kind_name(k->kind);

	if (notes_add(&p->notes, k) == 0)
		snprintf(p->msg, sizeof p->msg, "%s saved", what);
	else
		snprintf(p->msg, sizeof p->msg, "%s NOT SAVED (%s): kept until "
		    "you quit", what, annot_why(p));
	p->ngen++;
}

/* Runs $EDITOR on text; returns the edited text (allocated) or NULL. */
static char *
annot_editor(const char *text)
{
	char		 path[] = "/tmp/folio-note-XXXXXX";
	const char	*ed = getenv("VISUAL");
	FILE		*f;
	int		 fd, status;
	pid_t		 pid;
	struct buf	 b;
	char		 chunk[4096];
	size_t		 k;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	if (write(fd, text, strlen(text)) < 0) {
		close(fd);
		unlink(path);
		return NULL;
	}
	close(fd);
	def_prog_mode();
	endwin();
	if ((pid = fork()) == 0) {
		execlp("sh", "sh", "-c", "exec $0 \"$1\"", ed, path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	reset_prog_mode();
	clearok(curscr, TRUE);
	buf_init(&b);
	if ((f = fopen(path, "r")) != NULL) {
		while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&b, chunk, k);
		fclose(f);
	}
	unlink(path);
	while (b.len > 0 && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	return buf_take(&b, NULL);
}

/*
 * Asks for a line of text.  Returns 1 with *out allocated, 0 if cancelled,
 * -2 if folio must quit (then *out holds what was typed).
 */
static int
annot_ask(struct pager *p, const char *label, const char *init, char **out)
{
	struct prompt	pr;
	int		rc;

	memset(&pr, 0, sizeof pr);
	pr.label = label;
	pr.editor = 1;
	snprintf(pr.buf, sizeof pr.buf, "%s", init ? init : "");
	pr.len = pr.cur = strlen(pr.buf);
	for (;;) {
		rc = prompt_run(p, &pr, NULL);
		if (rc != 2)
			break;
		*out = annot_editor(pr.buf);	/* Ctrl-E: the whole note */
		if (*out != NULL)
			return 1;
	}
	*out = rc == 1 || rc == -2 ? xstrdup(pr.buf) : NULL;
	return rc == -2 ? -2 : rc == 1;
}

/* Notes need the document's hash: finish it now if it is not done. */
void
annot_ready(struct pager *p)
{
	while (annot_idle(p))
		;
}

int
annot_bookmark(struct pager *p)
{
	struct note	 k;
	size_t		 a, z, n;
	const char	*src = doc_source(p->d, &n);
	char		*name = NULL, *section;
	int		 rc;

	annot_block_range(view_doc(p->v), view_top_block(p->v), &a, &z);
	if (z <= a) {
		pager_message(p, "nothing to bookmark here");
		return UI_REDRAW;
	}
	section = annot_section(p, a);
	for (n = 0, z = a; z < a + 4 * ANNOT_BOOKMARK_CHARS &&
	    n < ANNOT_BOOKMARK_CHARS && src[z] != '\n' && z < doc_size(p->d);
	    z++)
		n += (src[z] & 0xC0) != 0x80;
	while (z < doc_size(p->d) && (src[z] & 0xC0) == 0x80)
		z++;
	annot_ready(p);
	rc = annot_ask(p, "bookmark name (Enter for none): ", NULL, &name);
	if (rc == 0) {
		free(section);
		return UI_REDRAW;
	}
	notes_capture(&p->notes, a, z, NOTE_BOOKMARK, section, &k);
	k.text = name;
	annot_keep(p, &k);
	free(section);
	return rc == -2 ? UI_QUIT : UI_REDRAW;
}

int
annot_note(struct pager *p, int kind)
{
	struct note	 k;
	size_t		 a, z;
	char		*text = NULL, *section;
	int		 rc = 1;

	annot_ready(p);
	if (kind == NOTE_NOTE && p->draft.sel.exact != NULL) {
		k = p->draft;		/* finish the note kept last time */
		memset(&p->draft, 0, sizeof p->draft);
		rc = annot_ask(p, "note: ", k.text, &text);
		free(k.text);
		k.text = NULL;
	} else {
		annot_passage(p, &a, &z);
		if (z <= a) {
			pager_message(p, "nothing to annotate here");
			return UI_REDRAW;
		}
		section = annot_section(p, a);
		notes_capture(&p->notes, a, z, kind, section, &k);
		free(section);
		if (kind == NOTE_NOTE)
			rc = annot_ask(p, "note: ", NULL, &text);
	}
	if (rc == -2) {			/* the connection dropped */
		k.text = text;
		if (p->notes.st != NULL)
			store_save_draft(p->notes.st, p->notes.doc_id, &k);
		note_clear(&k);
		return UI_QUIT;
	}
	if (rc == 0) {
		note_clear(&k);
		return UI_REDRAW;
	}
	k.text = text;
	annot_keep(p, &k);
	return UI_REDRAW;
}

/*
 * Gives note k the text (taken over), saying what happened; said is the
 * message for a plain success (none if NULL).  0 if saved.
 */
int
annot_set_text(struct pager *p, struct note *k, char *text, const char *said)
{
	int	rc = k->unsaved || p->notes.st == NULL ? -1 :
	    store_set_text(p->notes.st, k, text);

	if (rc == 1) {		/* k changed elsewhere: both are kept */
		free(text);
		p->notes.stale = 1;	/* not now: a list may show them */
		pager_message(p, "this note was changed in another session: "
		    "yours is saved beside it");
		return 0;
	}
	if (rc != 0) {
		free(k->text);
		k->text = text;
		k->unsaved = 1;
		snprintf(p->msg, sizeof p->msg, "note NOT SAVED (%s): kept "
		    "until you quit", annot_why(p));
		return -1;
	}
	free(text);
	if (said != NULL)
		pager_message(p, said);
	p->ngen++;
	return 0;
}

/* Edits a note's text (from the list); 0 if saved. */
int
annot_edit(struct pager *p, struct note *k, int editor)
{
	char	*text = NULL;

	if (editor)
		text = annot_editor(k->text ? k->text : "");
	else if (annot_ask(p, "note: ", k->text, &text) != 1) {
		free(text);
		return -1;
	}
	if (text == NULL)
		return -1;
	return annot_set_text(p, k, text, NULL);
}

/*
 * The text range of source [lo, hi) by the document's map (Markdown), or
 * the whole block.
 */
static void
annot_map(struct doc *d, size_t b, const struct text *t, size_t lo,
    size_t hi, size_t *a, size_t *z)
{
	if (doc_text_range(d, b, lo, hi, a, z) != 0) {
		*a = 0;
		*z = t->len;
	}
}

/* Puts highlight spans on a block's text for the notes over it. */
void
annot_spans(struct pager *p, struct doc *d, size_t b, struct text *t)
{
	const struct block	*blk = doc_block(d, b);
	size_t			 i, n, lo, hi;
	const char		*src = doc_source(d, &n);

	text_clear_style(t, STYLE_HIGHLIGHT);
	for (i = 0; i < p->notes.n; i++) {
		const struct note	*k = &p->notes.v[i];
		struct search		*s;
		char			*cause = NULL, *q;
		struct { int found; size_t a, z; } hit = { 0, 0, 0 };

		if (k->kind == NOTE_BOOKMARK || k->deleted ||
		    k->hit.state >= ANCHOR_AMBIGUOUS ||
		    k->hit.end <= blk->off || k->hit.start >= blk->off + blk->len)
			continue;
		lo = k->hit.start > blk->off ? k->hit.start : blk->off;
		hi = k->hit.end < blk->off + blk->len ? k->hit.end :
		    blk->off + blk->len;
		q = xmalloc(hi - lo + 1);
		memcpy(q, src + lo, hi - lo);
		q[hi - lo] = '\0';
		s = search_new(q, SEARCH_CASE, &cause);
		free(q);
		free(cause);
		if (s != NULL)
			search_text(s, t, annot_first, &hit);
		search_free(s);
		if (!hit.found)		/* Markdown: markup in the quote */
			annot_map(d, b, t, lo, hi, &hit.a, &hit.z);
		text_add_span(t, (uint32_t)hit.a, (uint32_t)hit.z,
		    STYLE_HIGHLIGHT, k->kind == NOTE_NOTE);
	}
}

int
annot_first(void *arg, size_t a, size_t z)
{
	struct { int found; size_t a, z; } *h = arg;

	h->found = 1;
	h->a = a;
	h->z = z;
	return 0;
}

/* Sends n bytes to the terminal's clipboard with OSC 52. */
void
annot_copy_text(struct pager *p, const char *text, size_t n)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*s = (const unsigned char *)text;
	struct buf		 out;
	size_t			 i;

	buf_init(&out);
	buf_adds(&out, getenv("TMUX") ? "\033Ptmux;\033\033]52;c;" :
	    "\033]52;c;");
	for (i = 0; i + 2 < n; i += 3) {
		buf_addc(&out, b64[s[i] >> 2]);
		buf_addc(&out, b64[((s[i] & 3) << 4) | (s[i + 1] >> 4)]);
		buf_addc(&out, b64[((s[i + 1] & 15) << 2) | (s[i + 2] >> 6)]);
		buf_addc(&out, b64[s[i + 2] & 63]);
	}
	if (i < n) {
		buf_addc(&out, b64[s[i] >> 2]);
		buf_addc(&out, b64[((s[i] & 3) << 4) |
		    (i + 1 < n ? s[i + 1] >> 4 : 0)]);
		buf_addc(&out, i + 1 < n ? b64[(s[i + 1] & 15) << 2] : '=');
		buf_addc(&out, '=');
	}
	buf_adds(&out, getenv("TMUX") ? "\a\033\\" : "\a");
	fwrite(out.s, 1, out.len, stdout);
	fflush(stdout);
	buf_free(&out);
	snprintf(p->msg, sizeof p->msg, "copied %zu bytes to the clipboard", n);
}

/* y: the passage to the terminal's clipboard. */
int
annot_copy(struct pager *p)
{
	size_t		 a, z, n;
	const char	*src = doc_source(p->d, &n);

	annot_passage(p, &a, &z);
	if (z <= a) {
		pager_message(p, "nothing to copy here");
		return UI_REDRAW;
	}
	annot_copy_text(p, src + a, z - a);
	return UI_REDRAW;
}

/* Shows source byte pos at the top; 1 if it is in the document. */
static int
annot_goto(struct pager *p, uint64_t pos)
{
	size_t		 b;
	struct doc	*d;
	struct pos	 at = { 0, 0 };

	if (pos == 0 || pos >= doc_size(p->d))
		return 0;
	d = view_locate(p->v, pos, &b);
	at.block = (uint32_t)b;
	view_goto_in(p->v, d, at);
	return 1;
}

/*
 * Before the first screen: the place reading stopped, from a quick look
 * at the store, so that a reopened document does not flash its start.
 */
void
annot_place(struct pager *p)
{
	uint64_t	pos;

	if (p->path != NULL && notes_peek_position(p->path, &pos) == 0)
		p->placed = annot_goto(p, pos);
}

/* Goes back to where reading stopped, and offers a kept draft. */
static void
annot_restore(struct pager *p)
{
	uint64_t	pos;

	if (p->notes.st == NULL || p->notes.doc_id[0] == '\0')
		return;
	if (!p->placed &&
	    store_get_position(p->notes.st, p->notes.doc_id, &pos) == 0)
		annot_goto(p, pos);
	if (store_take_draft(p->notes.st, p->notes.doc_id, &p->draft) == 0)
		pager_message(p, "an unfinished note was kept: press a to "
		    "finish it");
}

/*
 * Opens the notes.  A small document is hashed at once; a large one is
 * known by its path for the first screen and hashed while idle
 * (annot_idle), after which its notes appear.
 */
void
annot_start(struct pager *p)
{
	size_t		 n;
	const char	*src = doc_source(p->d, &n);

	notes_begin(&p->notes, p->d, p->path);
	if (p->notes.notice != NULL)
		pager_message(p, p->notes.notice);
	annot_restore(p);
	sha256_init(&p->hash);
	p->hashed = 0;
	p->hashing = 1;
	if (n <= ANNOT_HASH_AT_ONCE)
		while (annot_idle(p))
			;
	(void)src;
}

/*
 * A document the store does not know, most of whose quoted passages a
 * known one has (renamed and edited: a re-downloaded article): ask
 * whether it is that one, so that its notes come along.
 */
static void
annot_offer_similar(struct pager *p)
{
	char	 id[40], *title, label[160], *answer = NULL;
	size_t	 found, total, cut;

	if (!notes_similar(&p->notes, id, &title, &found, &total))
		return;
	cut = strlen(title);
	for (;;) {	/* the question must fit the status line */
		snprintf(label, sizeof label, "attach the notes of \"%.*s%s\" "
		    "(%zu/%zu found here)? y/n: ", (int)cut, title,
		    cut < strlen(title) ? "…" : "", found, total);
		if (cut == 0 || width_str(label, strlen(label), 1) <= COLS - 4)
			break;
		while (--cut > 0 && (title[cut] & 0xC0) == 0x80)
			;	/* not inside a character */
	}
	free(title);
	if (annot_ask(p, label, "", &answer) == 1 && answer != NULL &&
	    (answer[0] == 'y' || answer[0] == 'Y')) {
		if (store_attach(p->notes.st, p->notes.path, p->notes.sha,
		    id) == 0)
			pager_message(p, "its notes are attached");
		else
			pager_message(p, "could not attach its notes");
	}
	free(answer);
}

int
annot_idle(struct pager *p)
{
	size_t		 n, k;
	const char	*src = doc_source(p->d, &n);
	int		 had = p->notes.doc_id[0] != '\0';

	if (!p->hashing)
		return 0;
	k = n - p->hashed < ANNOT_HASH_STEP ? n - p->hashed : ANNOT_HASH_STEP;
	sha256_update(&p->hash, src + p->hashed, k);
	p->hashed += k;
	if (p->hashed < n)
		return 1;
	sha256_final_hex(&p->hash, p->notes.sha);
	p->hashing = 0;
	if (!had)
		annot_offer_similar(p);
	notes_finish(&p->notes, 1);
	if (p->notes.st != NULL && store_backup_daily(p->notes.st) < 0)
		pager_message(p, "the daily backup of the notes failed");
	if (!had)
		annot_restore(p);	/* known by its text, not its path */
	p->ngen++;
	return 0;
}

/* Sees whether another session changed the notes; 1 if reloaded. */
int
annot_poll(struct pager *p)
{
	long long	v;

	if (p->notes.st == NULL || p->hashing)
		return 0;
	v = store_data_version(p->notes.st);
	if (v == p->notes.version && !p->notes.stale)
		return 0;
	p->notes.stale = 0;
	notes_load(&p->notes);
	p->ngen++;
	return 1;
}

void
annot_stop(struct pager *p)
{
	struct export_doc	ed;
	struct note		*keep;
	size_t			 i, n = 0;
	const struct block	*blk;

	if (p->notes.st != NULL && p->notes.doc_id[0] == '\0')
		annot_ready(p);		/* a new document: know it to keep the place */
	if (p->notes.st != NULL && doc_nblocks(view_doc(p->v)) > 0) {
		blk = doc_block(view_doc(p->v), view_top_block(p->v));
		store_set_position(p->notes.st, p->notes.doc_id, blk->off);
	}
	for (i = 0; i < p->notes.n && !p->notes.v[i].unsaved; i++)
		;
	if (i < p->notes.n)	/* some to print: as the reader shows them */
		notes_show(&p->notes);
	keep = xreallocarray(NULL, p->notes.n + 1, sizeof *keep);
	for (i = 0; i < p->notes.n; i++)
		if (p->notes.v[i].unsaved)
			keep[n++] = p->notes.v[i];
	if (n > 0) {
		fprintf(stderr, "folio: %zu note%s could not be saved; here they "
		    "are:\n", n, n == 1 ? "" : "s");
		ed.doc_id = p->notes.doc_id;
		ed.title = p->title;
		ed.path = p->notes.path;
		ed.notes = keep;
		ed.n = n;
		export_markdown(stdout, &ed);
	}
	free(keep);
	note_clear(&p->draft);
	notes_close(&p->notes);
}
