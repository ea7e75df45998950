/*
 * annot.c: bookmarks, highlights and notes in the reader.
 *
 * A passage is the selection (v), else the current search match when it
 * is on the screen, else the paragraph at the top of the view: a model
 * range of the shown document, whose source bytes (passage.h) are
 * captured as an anchor (anchor.c) and saved at once, in one transaction
 * (store.c).  What is copied and quoted is the passage as shown.  What cannot
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
#include "passage.h"
#include "search.h"
#include "sha256.h"
#include "ui.h"
#include "width.h"
#include "xmalloc.h"

#define ANNOT_BOOKMARK_CHARS	64
#define ANNOT_HASH_AT_ONCE	(4 * 1024 * 1024)	/* bytes hashed before */
#define ANNOT_HASH_STEP		(1024 * 1024)	/* ... then per idle step */

/* The paragraph at the top of the view, as a model range. */
static void
annot_top(struct pager *p, struct pos *from, struct pos *to)
{
	struct doc	*d = view_doc(p->v);

	from->block = to->block = (uint32_t)view_top_block(p->v);
	from->off = 0;
	to->off = doc_nblocks(d) > 0 ? (uint32_t)doc_text(d, from->block)->len :
	    0;
}

/*
 * The passage a key acts on, in the shown document: the selection, the
 * search match on the screen, else the top paragraph.
 */
static void
annot_passage(struct pager *p, struct pos *from, struct pos *to)
{
	if (p->sel.done && sel_range(p, from, to) == 0)
		return;
	if (find_visible(p) && find_current(p, from, to) == 0)
		return;
	annot_top(p, from, to);
}

/* Its source bytes; 0, or -1 if it holds nothing from the source. */
static int
annot_source(struct pager *p, struct pos from, struct pos to, size_t *a,
    size_t *z)
{
	uint64_t	x, y;

	if (doc_nblocks(view_doc(p->v)) == 0 ||
	    passage_source(view_doc(p->v), from, to, &x, &y) != 0)
		return -1;
	*a = (size_t)x;
	*z = (size_t)y;
	return 0;
}

/* Says what was done with the passage, quoting it as shown. */
static void
annot_said(struct pager *p, const char *what, struct pos from, struct pos to)
{
	char	*q = passage_shown(view_doc(p->v), from, to, NULL), *fit;
	size_t	 i;

	for (i = 0; q[i] != '\0'; i++)
		if (q[i] == '\n')
			q[i] = ' ';
	fit = draw_fit(q, strlen(q), p->cols - (int)strlen(what) - 8, NULL);
	snprintf(p->msg, sizeof p->msg, "%s: \xE2\x80\x9C%s\xE2\x80\x9D", what,
	    fit);
	free(fit);
	free(q);
}

/* The breadcrumb of the section holding source byte a, as written. */
static char *
annot_section(struct pager *p, size_t a)
{
	return draw_breadcrumb(p, doc_block_at(view_doc(p->v), a), 1);
}

/* Why notes are not being saved. */
static const char *
annot_why(struct pager *p)
{
	if (p->notes.st != NULL)
		return store_why(p->notes.st);
	return p->notes.cause ? p->notes.cause : "no notes store";
}

/* Saves a note on model range [from, to); says what happened. */
static void
annot_keep(struct pager *p, struct note *k, struct pos from, struct pos to)
{
	char	what[64];

	snprintf(what, sizeof what, "%s", note_kind_name(k->kind));
	if (notes_add(&p->notes, k) == 0) {
		strcat(what, " saved");
		annot_said(p, what, from, to);
	} else
		snprintf(p->msg, sizeof p->msg, "%s NOT SAVED (%s): kept until "
		    "you quit", what, annot_why(p));
}

/* Is s empty or only white space? */
static int
annot_blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

/*
 * Runs $VISUAL or $EDITOR (else vi) on text.  Returns the edited text
 * (allocated), or NULL with *why set when the editor could not be started
 * or exited with an error (vim's :cq): the note is then left as it was.
 */
static char *
annot_editor(const char *text, const char **why)
{
	char		 path[] = "/tmp/folio-note-XXXXXX";
	const char	*ed = getenv("VISUAL");
	FILE		*f;
	int		 fd, status = -1;
	pid_t		 pid;
	struct buf	 b;
	char		 chunk[4096];
	size_t		 k;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	*why = "the note's file could not be made in /tmp";
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
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*why = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127 ?
		    "the editor could not be started (see $VISUAL, $EDITOR)" :
		    "the editor exited with an error: nothing changed";
		unlink(path);
		return NULL;
	}
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
	struct prompt	 pr;
	const char	*why;
	int		 rc;

	memset(&pr, 0, sizeof pr);
	pr.label = label;
	pr.editor = 1;
	snprintf(pr.buf, sizeof pr.buf, "%s", init ? init : "");
	pr.len = pr.cur = strlen(pr.buf);
	for (;;) {
		rc = prompt_run(p, &pr, NULL, NULL);
		if (rc != 2)
			break;
		*out = annot_editor(pr.buf, &why);	/* Ctrl-E: the whole note */
		if (*out != NULL)
			return 1;
		snprintf(pr.error, sizeof pr.error, "%s", why);
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
	struct pos	 from, to;
	struct text	*t;
	size_t		 a, z;
	char		*name = NULL, *section;
	int		 rc;

	annot_top(p, &from, &to);
	if (doc_nblocks(view_doc(p->v)) > 0) {	/* its first words */
		t = doc_text(view_doc(p->v), from.block);
		to.off = (uint32_t)passage_model_offset(t, passage_shown_offset(t,
		    0) + ANNOT_BOOKMARK_CHARS * 3);
		while (to.off < t->len && (t->s[to.off] & 0xC0) == 0x80)
			to.off++;
	}
	if (annot_source(p, from, to, &a, &z) != 0) {
		pager_message(p, "nothing to bookmark here");
		return UI_REDRAW;
	}
	section = annot_section(p, a);
	annot_ready(p);
	rc = annot_ask(p, "bookmark name (Enter for none): ", NULL, &name);
	if (rc == 0) {
		free(section);
		return UI_REDRAW;
	}
	notes_capture(&p->notes, a, z, NOTE_BOOKMARK, section, &k);
	k.text = name;
	annot_keep(p, &k, from, to);
	free(section);
	return rc == -2 ? UI_QUIT : UI_REDRAW;
}

/* a: finishes the note kept when the connection dropped last time. */
static int
annot_draft(struct pager *p)
{
	struct note	 k = p->draft;
	char		*text = NULL;
	int		 rc;

	memset(&p->draft, 0, sizeof p->draft);
	rc = annot_ask(p, "note: ", k.text, &text);
	free(k.text);
	k.text = text;
	if (rc == -2 && p->notes.st != NULL)	/* dropped again */
		store_save_draft(p->notes.st, p->notes.doc_id, &k);
	if (rc == 1 && !annot_blank(text)) {
		if (notes_add(&p->notes, &k) == 0)
			pager_message(p, "note saved");
		else
			snprintf(p->msg, sizeof p->msg, "note NOT SAVED (%s): "
			    "kept until you quit", annot_why(p));
	} else if (rc == 1)
		pager_message(p, "an empty note is not saved");
	note_clear(&k);
	return rc == -2 ? UI_QUIT : UI_REDRAW;
}

int
annot_note(struct pager *p, int kind)
{
	struct note	 k;
	struct pos	 from, to;
	size_t		 a, z;
	char		*text = NULL, *section;
	int		 rc = 1;

	annot_ready(p);
	if (kind == NOTE_NOTE && p->draft.sel.exact != NULL)
		return annot_draft(p);
	annot_passage(p, &from, &to);
	if (annot_source(p, from, to, &a, &z) != 0) {
		pager_message(p, "nothing to annotate here");
		return UI_REDRAW;
	}
	section = annot_section(p, a);
	notes_capture(&p->notes, a, z, kind, section, &k);
	free(section);
	if (kind == NOTE_NOTE)
		rc = annot_ask(p, "note: ", NULL, &text);
	k.text = text;
	if (rc == -2) {			/* the connection dropped */
		if (p->notes.st != NULL)
			store_save_draft(p->notes.st, p->notes.doc_id, &k);
		note_clear(&k);
		return UI_QUIT;
	}
	if (rc == 0 || (kind == NOTE_NOTE && annot_blank(text))) {
		if (rc != 0)
			pager_message(p, "an empty note is not saved");
		note_clear(&k);
		return UI_REDRAW;
	}
	annot_keep(p, &k, from, to);
	return UI_REDRAW;
}

/*
 * Gives note k the text (taken over), saying what happened; said is the
 * message for a plain success (none if NULL).  0 if saved.  A highlight
 * given a text becomes a note.
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
		if (k->kind == NOTE_HIGHLIGHT && !annot_blank(text))
			k->kind = NOTE_NOTE;
		k->unsaved = 1;
		snprintf(p->msg, sizeof p->msg, "note NOT SAVED (%s): kept "
		    "until you quit", annot_why(p));
		return -1;
	}
	free(text);
	if (said != NULL)
		pager_message(p, said);
	return 0;
}

/* Edits a note's text (from the list); 0 if saved. */
int
annot_edit(struct pager *p, struct note *k, int editor)
{
	char		*text = NULL;
	const char	*why;

	if (editor) {
		if ((text = annot_editor(k->text ? k->text : "", &why)) == NULL) {
			pager_message(p, why);
			return -1;
		}
	} else if (annot_ask(p, "note: ", k->text, &text) != 1) {
		free(text);
		return -1;
	}
	if (annot_blank(text)) {
		free(text);
		pager_message(p, "an empty text is not saved: the note is "
		    "unchanged (d deletes it)");
		return -1;
	}
	return annot_set_text(p, k, text, "note saved");
}

void
annot_marks(struct pager *p, struct doc *d, size_t b, struct marks *m)
{
	size_t		i;
	uint32_t	s, e;

	for (i = 0; i < p->notes.n; i++) {
		const struct note *k = &p->notes.v[i];

		if (k->kind == NOTE_BOOKMARK || k->deleted ||
		    k->hit.state >= ANCHOR_AMBIGUOUS)
			continue;
		if (passage_in_block(d, b, k->hit.start, k->hit.end, &s,
		    &e) == 0)
			marks_add(m, s, e, STYLE_HIGHLIGHT,
			    k->text != NULL && *k->text != '\0');
	}
}

/*
 * Sends n bytes to the terminal's clipboard with OSC 52.  tmux passes a
 * plain OSC 52 on with set-clipboard on (its default is external) and
 * drops a passthrough unless allow-passthrough is on, so only GNU screen
 * gets the DCS wrapping.  Whether the terminal took it cannot be known.
 */
void
annot_copy_text(struct pager *p, const char *text, size_t n)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*s = (const unsigned char *)text;
	const char		*term = getenv("TERM");
	struct buf		 out;
	size_t			 i, chars = 0;
	int			 screen = getenv("TMUX") == NULL &&
	    (getenv("STY") != NULL || (term != NULL &&
	    strncmp(term, "screen", 6) == 0));

	buf_init(&out);
	buf_adds(&out, screen ? "\033P\033]52;c;" : "\033]52;c;");
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
	buf_adds(&out, screen ? "\a\033\\" : "\a");
	fwrite(out.s, 1, out.len, stdout);
	fflush(stdout);
	buf_free(&out);
	for (i = 0; i < n; i++)
		chars += (s[i] & 0xC0) != 0x80;
	snprintf(p->msg, sizeof p->msg, "%zu character%s sent to the "
	    "terminal's clipboard", chars, chars == 1 ? "" : "s");
}

/* y: the passage, as shown, to the terminal's clipboard. */
int
annot_copy(struct pager *p)
{
	struct pos	 from, to;
	size_t		 a, z, n;
	char		*q;

	annot_passage(p, &from, &to);
	if (annot_source(p, from, to, &a, &z) != 0) {
		pager_message(p, "nothing to copy here");
		return UI_REDRAW;
	}
	q = passage_shown(view_doc(p->v), from, to, &n);
	annot_copy_text(p, q, n);
	free(q);
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

/* The script the document was last shown in, unless --script says. */
static void
annot_script(struct pager *p, const char *name)
{
	int	s = script_parse(name);

	if (!p->o->script_set && s > SCRIPT_ORIG && s != p->script)
		pager_script(p, s);
}

/*
 * Before the first screen: the place reading stopped, and the script, from
 * a quick look at the store, so that a reopened document does not flash
 * its start.
 */
void
annot_place(struct pager *p)
{
	uint64_t	pos;
	char		script[8];

	if (p->path != NULL &&
	    notes_peek_position(p->path, &pos, script) == 0) {
		annot_script(p, script);
		p->placed = annot_goto(p, pos);
	}
}

/* Goes back to where reading stopped, and offers a kept draft. */
static void
annot_restore(struct pager *p)
{
	uint64_t	pos;
	char		script[8];

	if (p->notes.st == NULL || p->notes.doc_id[0] == '\0')
		return;
	if (!p->placed && store_get_position(p->notes.st, p->notes.doc_id,
	    &pos, script) == 0) {
		annot_script(p, script);
		annot_goto(p, pos);
	}
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
	return 0;
}

void
annot_reload(struct pager *p)
{
	size_t		 n;
	const char	*src = doc_source(p->d, &n);

	p->notes.d = p->d;
	p->hashing = 0;		/* the new text is hashed now, whole */
	sha256_hex(src, n, p->notes.sha);
	if (p->notes.st == NULL || p->notes.doc_id[0] == '\0' ||
	    notes_finish(&p->notes, 1) != 0)
		notes_resolve(&p->notes);	/* re-attached all the same */
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
		store_set_position(p->notes.st, p->notes.doc_id, blk->off,
		    p->script != SCRIPT_ORIG ? script_name(p->script) : NULL);
	}
	for (i = 0; i < p->notes.n && !p->notes.v[i].unsaved; i++)
		;
	if (i < p->notes.n) {	/* to print as shown, in its own script */
		doc_set_convert(p->d, NULL);
		free(p->title);
		p->title = doc_title(p->d);
		notes_show(&p->notes);
	}
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
