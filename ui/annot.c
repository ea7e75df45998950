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
	struct doc	*d = view_doc(p->r->v);

	from->block = to->block = (uint32_t)view_top_block(p->r->v);
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
	if (p->r->sel.done && sel_range(p, from, to) == 0)
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

	if (doc_nblocks(view_doc(p->r->v)) == 0 ||
	    passage_source(view_doc(p->r->v), from, to, &x, &y) != 0)
		return -1;
	*a = (size_t)x;
	*z = (size_t)y;
	return 0;
}

/* Says what was done with the passage, quoting it as shown. */
static void
annot_said(struct pager *p, const char *what, struct pos from, struct pos to)
{
	char	*q = passage_shown(view_doc(p->r->v), from, to, NULL), *fit;
	size_t	 i;

	for (i = 0; q[i] != '\0'; i++)
		if (q[i] == '\n')
			q[i] = ' ';
	fit = draw_fit(q, strlen(q), p->cols - (int)strlen(what) - 20, NULL);
	snprintf(p->msg, sizeof p->msg, "%s: \xE2\x80\x9C%s\xE2\x80\x9D "
	    "(%s undoes)", what, fit, cmd_key_for("undo-or-half-up"));
	free(fit);
	free(q);
}

/* The breadcrumb of the section holding source byte a, as written. */
static char *
annot_section(struct pager *p, size_t a)
{
	return draw_breadcrumb(view_doc(p->r->v),
	    doc_block_at(view_doc(p->r->v), a), 1);
}

/* Why notes are not being saved. */
static const char *
annot_why(struct pager *p)
{
	if (p->r->notes.st != NULL)
		return store_why(p->r->notes.st);
	return p->r->notes.cause ? p->r->notes.cause : "no notes store";
}

/* Saves a note on model range [from, to); says what happened. */
static void
annot_keep(struct pager *p, struct note *k, struct pos from, struct pos to)
{
	char	what[64];

	snprintf(what, sizeof what, "%s", note_kind_name(k->kind));
	snprintf(p->r->undo.what, sizeof p->r->undo.what, "%s", what);
	snprintf(p->r->undo.id, sizeof p->r->undo.id, "%s", k->id);
	if (notes_add(&p->r->notes, k) == 0) {
		snprintf(p->r->undo.id, sizeof p->r->undo.id, "%s",
		    p->r->notes.v[p->r->notes.n - 1].id);
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
char *
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

/* Notes need the document's hash: finish it now if it is not done. */
void
annot_ready(struct pager *p)
{
	while (annot_idle(p))
		;
}

/* A note being made while its text is asked for. */
struct annot_pending {
	struct note	k;
	struct pos	from, to;
};

static void
annot_pending_free(void *arg)
{
	struct annot_pending	*a = arg;

	note_clear(&a->k);
	free(a);
}

/* The end of "bookmark name": saved with the name, or not at all. */
static int
annot_bookmark_done(struct pager *p, struct prompt *pr, enum prompt_end how,
    void *arg)
{
	struct annot_pending	*a = arg;

	if (how == PROMPT_CANCEL)
		return UI_DONE;
	a->k.text = xstrdup(pr->buf);
	annot_keep(p, &a->k, a->from, a->to);	/* takes the note's strings */
	return UI_DONE;
}

int
annot_bookmark(struct pager *p)
{
	struct annot_pending	*a;
	struct prompt		*pr;
	struct pos		 from, to;
	struct text		*t;
	size_t			 x, z;
	char			*section;

	annot_top(p, &from, &to);
	if (doc_nblocks(view_doc(p->r->v)) > 0) {	/* its first words */
		t = doc_text(view_doc(p->r->v), from.block);
		to.off = (uint32_t)passage_model_offset(t, passage_shown_offset(t,
		    0) + ANNOT_BOOKMARK_CHARS * 3);
		while (to.off < t->len && (t->s[to.off] & 0xC0) == 0x80)
			to.off++;
	}
	if (p->r->builtin || annot_source(p, from, to, &x, &z) != 0) {
		pager_message(p, "nothing to bookmark here");
		return UI_REDRAW;
	}
	annot_ready(p);
	a = xcalloc(1, sizeof *a);
	section = annot_section(p, x);
	notes_capture(&p->r->notes, x, z, NOTE_BOOKMARK, section, &a->k);
	free(section);
	a->from = from;
	a->to = to;
	pr = prompt_open(p, "bookmark name (Enter for none): ", NULL, 0, NULL);
	pr->done = annot_bookmark_done;
	pr->free = annot_pending_free;
	pr->arg = a;
	return UI_REDRAW;
}

/* Saves a new note with the text typed (or kept as a draft at a quit). */
static int
annot_note_done(struct pager *p, struct prompt *pr, enum prompt_end how,
    void *arg)
{
	struct annot_pending	*a = arg;
	const char		*why;
	char			*text;

	if (how == PROMPT_CANCEL)
		return UI_DONE;
	if (how == PROMPT_QUIT) {	/* the connection dropped */
		a->k.text = xstrdup(pr->buf);
		if (p->r->notes.st != NULL)
			store_save_draft(p->r->notes.st, p->r->notes.doc_id,
			    &a->k);
		return UI_DONE;
	}
	if (how == PROMPT_EDITOR) {	/* Ctrl-E: the whole note */
		if ((text = annot_editor(pr->buf, &why)) == NULL) {
			snprintf(pr->error, sizeof pr->error, "%s", why);
			return UI_REDRAW | UI_CLEAR;
		}
	} else
		text = xstrdup(pr->buf);
	if (annot_blank(text)) {
		free(text);
		pager_message(p, "an empty note is not saved");
		return UI_DONE | UI_CLEAR;
	}
	a->k.text = text;
	annot_keep(p, &a->k, a->from, a->to);
	return UI_DONE | UI_CLEAR;
}

/* Asks for the text of note a (taken over), init typed already. */
static void
annot_ask_note(struct pager *p, struct annot_pending *a, const char *init)
{
	struct prompt	*pr;

	pr = prompt_open(p, "note: ", init, PROMPT_EDITOR, NULL);
	snprintf(pr->error, sizeof pr->error, "Ctrl-E: $EDITOR");
	pr->done = annot_note_done;
	pr->free = annot_pending_free;
	pr->arg = a;
}

int
annot_note(struct pager *p, int kind)
{
	struct annot_pending	*a;
	struct pos		 from, to;
	size_t			 x, z;
	char			*section, *init;

	if (p->r->builtin) {
		pager_message(p, "the help takes no notes");
		return UI_REDRAW;
	}
	annot_ready(p);
	a = xcalloc(1, sizeof *a);
	if (kind == NOTE_NOTE && p->r->draft.sel.exact != NULL) {
		a->k = p->r->draft;	/* finish the note kept last time */
		memset(&p->r->draft, 0, sizeof p->r->draft);
		init = a->k.text;
		a->k.text = NULL;
		annot_ask_note(p, a, init);
		free(init);
		return UI_REDRAW;
	}
	annot_passage(p, &from, &to);
	if (annot_source(p, from, to, &x, &z) != 0) {
		free(a);
		pager_message(p, "nothing to annotate here");
		return UI_REDRAW;
	}
	section = annot_section(p, x);
	notes_capture(&p->r->notes, x, z, kind, section, &a->k);
	free(section);
	a->from = from;
	a->to = to;
	if (kind == NOTE_NOTE) {
		annot_ask_note(p, a, NULL);
		return UI_REDRAW;
	}
	annot_keep(p, &a->k, from, to);
	annot_pending_free(a);
	return UI_REDRAW;
}

int
annot_undo(struct pager *p)
{
	struct undo	*u = &p->r->undo;
	size_t		 i;

	if (u->id[0] == '\0')
		return -1;
	for (i = 0; i < p->r->notes.n; i++) {
		struct note *k = &p->r->notes.v[i];

		if (strcmp(k->id, u->id) != 0 || k->deleted)
			continue;
		if (k->unsaved || (p->r->notes.st != NULL &&
		    store_delete(p->r->notes.st, k->id, 1) == 0)) {
			k->deleted = 1;
			pager_message(p, "%s taken back", u->what);
		} else
			pager_message(p, "could not take the %s back (%s)",
			    u->what, annot_why(p));
		break;
	}
	u->id[0] = '\0';
	return 0;
}

/*
 * Gives note k the text (taken over), saying what happened; said is the
 * message for a plain success (none if NULL).  0 if saved.  A highlight
 * given a text becomes a note.
 */
int
annot_set_text(struct pager *p, struct note *k, char *text, const char *said)
{
	int	rc = k->unsaved || p->r->notes.st == NULL ? -1 :
	    store_set_text(p->r->notes.st, k, text);

	if (rc == 1) {		/* k changed elsewhere: both are kept */
		free(text);
		p->r->notes.stale = 1;	/* not now: a list may show them */
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

/* Editing a note of a list: the note and what to do after. */
struct annot_editing {
	struct note	*k;
	void		(*after)(struct pager *, void *);
	void		*arg;
};

/* Gives an edited note its text, unless it is empty. */
static void
annot_edited(struct pager *p, struct annot_editing *e, char *text)
{
	if (annot_blank(text)) {
		free(text);
		pager_message(p, "an empty text is not saved: the note is "
		    "unchanged (d deletes it)");
	} else
		annot_set_text(p, e->k, text, "note saved");
	if (e->after != NULL)
		e->after(p, e->arg);
}

static int
annot_edit_done(struct pager *p, struct prompt *pr, enum prompt_end how,
    void *arg)
{
	struct annot_editing	*e = arg;
	const char		*why;
	char			*text;

	if (how == PROMPT_CANCEL || how == PROMPT_QUIT)
		return UI_DONE;
	if (how == PROMPT_EDITOR) {
		if ((text = annot_editor(pr->buf, &why)) == NULL) {
			snprintf(pr->error, sizeof pr->error, "%s", why);
			return UI_REDRAW | UI_CLEAR;
		}
	} else
		text = xstrdup(pr->buf);
	annot_edited(p, e, text);
	return UI_DONE | UI_CLEAR;
}

int
annot_edit(struct pager *p, struct note *k, int editor,
    void (*after)(struct pager *, void *), void *arg)
{
	struct annot_editing	*e = xcalloc(1, sizeof *e);
	struct prompt		*pr;
	const char		*why;
	char			*text;

	e->k = k;
	e->after = after;
	e->arg = arg;
	if (editor || (k->text != NULL && strchr(k->text, '\n') != NULL)) {
		/* The whole text, several lines too: in $EDITOR. */
		if ((text = annot_editor(k->text ? k->text : "", &why)) == NULL)
			pager_message(p, "%s", why);
		else
			annot_edited(p, e, text);
		free(e);
		return UI_REDRAW | UI_CLEAR;
	}
	pr = prompt_open(p, "note: ", k->text, PROMPT_EDITOR, NULL);
	snprintf(pr->error, sizeof pr->error, "Ctrl-E: $EDITOR");
	pr->done = annot_edit_done;
	pr->free = free;
	pr->arg = e;
	return UI_REDRAW;
}

void
annot_marks(struct pager *p, struct doc *d, size_t b, struct marks *m)
{
	size_t		i;
	uint32_t	s, e;

	for (i = 0; i < p->r->notes.n; i++) {
		const struct note *k = &p->r->notes.v[i];

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
	q = passage_shown(view_doc(p->r->v), from, to, &n);
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

	if (pos == 0 || pos >= doc_size(p->r->d))
		return 0;
	d = view_locate(p->r->v, pos, &b);
	at.block = (uint32_t)b;
	view_goto_in(p->r->v, d, at);
	return 1;
}

/* The script the document was last shown in, unless --script says. */
static void
annot_script(struct pager *p, const char *name)
{
	int	s = script_parse(name);

	if (!p->o->script_set && s > SCRIPT_ORIG && s != p->r->script)
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

	if (p->r->path != NULL &&
	    notes_peek_position(p->r->path, &pos, script) == 0) {
		annot_script(p, script);
		p->r->placed = annot_goto(p, pos);
	}
}

/* Goes back to where reading stopped, and offers a kept draft. */
static void
annot_restore(struct pager *p)
{
	uint64_t	pos;
	char		script[8];

	if (p->r->notes.st == NULL || p->r->notes.doc_id[0] == '\0')
		return;
	if (!p->r->placed && store_get_position(p->r->notes.st,
	    p->r->notes.doc_id, &pos, script) == 0) {
		annot_script(p, script);
		annot_goto(p, pos);
	}
	if (store_take_draft(p->r->notes.st, p->r->notes.doc_id, &p->r->draft) == 0)
		pager_message(p, "an unfinished note was kept: press %s to "
		    "finish it", cmd_key_for("note"));
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
	const char	*src = doc_source(p->r->d, &n);

	notes_begin(&p->r->notes, p->r->d, p->r->path);
	if (p->r->notes.notice != NULL)
		pager_message(p, "%s", p->r->notes.notice);
	annot_restore(p);
	sha256_init(&p->r->hash);
	p->r->hashed = 0;
	p->r->hashing = 1;
	if (n <= ANNOT_HASH_AT_ONCE)
		while (annot_idle(p))
			;
	(void)src;
}

/* A known document's notes that may be this one's: its id. */
struct annot_similar {
	char	id[40];
};

static void annot_known(struct pager *, int);

static int
annot_similar_done(struct pager *p, struct prompt *pr, enum prompt_end how,
    void *arg)
{
	struct annot_similar	*s = arg;

	if (how != PROMPT_ACCEPT)
		pager_message(p, "its notes are left alone");
	else if (store_attach(p->r->notes.st, p->r->notes.path,
	    p->r->notes.sha, s->id) == 0)
		pager_message(p, "its notes are attached");
	else
		pager_message(p, "could not attach its notes");
	annot_known(p, 0);	/* the answer given: the document is known */
	return UI_DONE;
}

/*
 * A document the store does not know, most of whose quoted passages a
 * known one has (renamed and edited: a re-downloaded article): ask
 * whether it is that one, so that its notes come along.  The question
 * keeps its end (the counts and y/n) and cuts the title.
 */
static int
annot_offer_similar(struct pager *p)
{
	struct annot_similar	*s = xcalloc(1, sizeof *s);
	struct prompt		*pr;
	char			*title, *label, *fit;
	size_t			 found, total;
	int			 room;

	if (!notes_similar(&p->r->notes, s->id, &title, &found, &total)) {
		free(s);
		return 0;
	}
	label = xasprintf("(%zu/%zu found here)? y/n ", found, total);
	room = p->cols - 1 - width_str(label, strlen(label), 1) -
	    (int)strlen("attach the notes of \"\" ");
	fit = draw_fit(title, strlen(title), room > 4 ? room : 4, NULL);
	free(label);
	label = xasprintf("attach the notes of \"%s\" (%zu/%zu found here)? "
	    "y/n ", fit, found, total);
	pr = prompt_open(p, label, NULL, PROMPT_YESNO, NULL);
	pr->done = annot_similar_done;
	pr->free = free;
	pr->arg = s;
	free(label);
	free(fit);
	free(title);
	return 1;
}

/*
 * The document is known now (by its hash, and the answer about a similar
 * one given): its notes, the daily backup, the place it was left at.
 */
static void
annot_known(struct pager *p, int had)
{
	notes_finish(&p->r->notes, 1);
	if (p->r->notes.st != NULL && store_backup_daily(p->r->notes.st) < 0)
		pager_message(p, "the daily backup of the notes failed");
	if (!had)
		annot_restore(p);	/* known by its text, not its path */
}

int
annot_idle(struct pager *p)
{
	size_t		 n, k;
	const char	*src = doc_source(p->r->d, &n);
	int		 had = p->r->notes.doc_id[0] != '\0';

	if (!p->r->hashing)
		return 0;
	k = n - p->r->hashed < ANNOT_HASH_STEP ? n - p->r->hashed : ANNOT_HASH_STEP;
	sha256_update(&p->r->hash, src + p->r->hashed, k);
	p->r->hashed += k;
	if (p->r->hashed < n)
		return 1;
	sha256_final_hex(&p->r->hash, p->r->notes.sha);
	p->r->hashing = 0;
	if (!had && annot_offer_similar(p))
		return 0;	/* known when the question is answered */
	annot_known(p, had);
	return 0;
}

void
annot_reload(struct pager *p)
{
	size_t		 n;
	const char	*src = doc_source(p->r->d, &n);

	p->r->notes.d = p->r->d;
	p->r->hashing = 0;		/* the new text is hashed now, whole */
	sha256_hex(src, n, p->r->notes.sha);
	if (p->r->notes.st == NULL || p->r->notes.doc_id[0] == '\0' ||
	    notes_finish(&p->r->notes, 1) != 0)
		notes_resolve(&p->r->notes);	/* re-attached all the same */
}

/* Sees whether another session changed the notes; 1 if reloaded. */
int
annot_poll(struct pager *p)
{
	long long	v;

	if (p->r->notes.st == NULL || p->r->hashing)
		return 0;
	v = store_data_version(p->r->notes.st);
	if (v == p->r->notes.version && !p->r->notes.stale)
		return 0;
	p->r->notes.stale = 0;
	notes_load(&p->r->notes);
	return 1;
}

void
annot_save_place(struct pager *p, struct reading *r)
{
	const struct block	*blk;

	if (r->notes.st == NULL || r->notes.doc_id[0] == '\0' ||
	    doc_nblocks(view_doc(r->v)) == 0)
		return;
	blk = doc_block(view_doc(r->v), view_top_block(r->v));
	store_set_position(r->notes.st, r->notes.doc_id, blk->off,
	    r->script != SCRIPT_ORIG ? script_name(r->script) : NULL,
	    view_at_end(r->v) ? 1.0 : view_fraction(r->v));
}

void
annot_stop(struct pager *p)
{
	struct export_doc	ed;
	struct note		*keep;
	size_t			 i, n = 0;

	if (p->r->notes.st != NULL && p->r->notes.doc_id[0] == '\0')
		annot_ready(p);		/* a new document: know it to keep the place */
	annot_save_place(p, p->r);
	for (i = 0; i < p->r->notes.n && !p->r->notes.v[i].unsaved; i++)
		;
	if (i < p->r->notes.n) {	/* to print as shown, in its own script */
		doc_set_convert(p->r->d, NULL);
		free(p->r->title);
		p->r->title = doc_title(p->r->d);
		notes_show(&p->r->notes);
	}
	keep = xreallocarray(NULL, p->r->notes.n + 1, sizeof *keep);
	for (i = 0; i < p->r->notes.n; i++)
		if (p->r->notes.v[i].unsaved)
			keep[n++] = p->r->notes.v[i];
	if (n > 0) {
		fprintf(stderr, "folio: %zu note%s could not be saved; here they "
		    "are:\n", n, n == 1 ? "" : "s");
		ed.doc_id = p->r->notes.doc_id;
		ed.title = p->r->title;
		ed.path = p->r->notes.path;
		ed.notes = keep;
		ed.n = n;
		export_markdown(stdout, &ed);
	}
	free(keep);
	note_clear(&p->r->draft);
	notes_close(&p->r->notes);
}
