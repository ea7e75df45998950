/*
 * help.c: the help is a document made from the command table, in
 * Markdown, and read like any other: it wraps at any width with each
 * description whole under its keys, its groups are sections ([ ] t), and
 * Space, b, / and n work in it.  h or q goes back to the document, at
 * the place it was left.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ui.h"
#include "xmalloc.h"

/* Appends s with Markdown's punctuation escaped (keys are not markup). */
static void
help_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_{}[]()<>#+-.!|~%", *s) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
}

/* The help's text: the keys by group, then the rest a reader needs. */
static char *
help_text(void)
{
	const struct cmd	*c;
	const char		*group = NULL;
	struct buf		 b;
	char			 keys[256], *help, *intro;

	buf_init(&b);
	intro = xasprintf("%s or %s goes back to the document; %s, %s, %s "
	    "and %s %s move in this help as in any document.  A number typed "
	    "before a key repeats it (5%s) or is its argument (50%%).  Ctrl-C "
	    "cancels a prompt, a list or a selection; twice in a row at the "
	    "reader it quits.  The keys can be changed (bind in the "
	    "configuration file, see folio --generate-config); each is "
	    "followed here by its action's name.", cmd_key_for("help"),
	    cmd_key_for("quit"), cmd_key_for("page-down"),
	    cmd_key_for("page-up"), cmd_key_for("search"),
	    cmd_key_for("prev-section"), cmd_key_for("next-section"),
	    cmd_key_for("down"));
	buf_adds(&b, "# folio: keys\n\n");
	help_escape(&b, intro);
	buf_adds(&b, "\n");
	free(intro);
	for (c = cmd_table; c->name != NULL; c++) {
		if (group == NULL || strcmp(group, c->group) != 0) {
			group = c->group;
			buf_adds(&b, "\n## ");
			buf_adds(&b, group);
			buf_adds(&b, "\n\n");
		}
		cmd_keys_of(c, keys, sizeof keys);
		help = cmd_help_text(c);
		buf_adds(&b, "- **");
		help_escape(&b, keys[0] != '\0' ? keys : "(no key)");
		buf_adds(&b, "** *");
		help_escape(&b, c->name);
		buf_adds(&b, "*  \n  ");
		help_escape(&b, help);
		buf_adds(&b, "\n");
		free(help);
	}
	buf_adds(&b, "\n## In lists\n\n"
	    "- **Up, Down, Ctrl\\-P, Ctrl\\-N, j, k, PgUp, PgDn**  \n"
	    "  move; Enter chooses; Esc, q or Ctrl\\-C close\n"
	    "- **/**  \n"
	    "  filter: every key you type then goes to the filter (in the "
	    "contents, any letter that is not a key starts one too); Enter "
	    "chooses, Backspace and Ctrl\\-U edit it\n"
	    "- **In the notes and bookmarks**  \n"
	    "  e edits (a note of several lines in $EDITOR), E in $EDITOR, r "
	    "earlier texts, d deletes, u brings it back, s sorts by place or "
	    "by date; the pane below shows the whole entry\n"
	    "- **In the documents read**  \n"
	    "  Enter opens one at its place, d takes it off the list (its "
	    "notes stay); the guide is the first entry\n"
	    "\n## At a prompt\n\n"
	    "- **Left, Right, Home, End, Ctrl\\-A, Ctrl\\-E, Ctrl\\-U, "
	    "Ctrl\\-W**  \n  edit as in a shell\n"
	    "- **Up, Down**  \n  earlier searches (kept between runs)\n"
	    "- **Ctrl\\-R**  \n  a search: words or a regular expression "
	    "(the prompt says which)\n"
	    "- **Ctrl\\-E**  \n  a note: write it in $VISUAL or $EDITOR\n"
	    "- **Esc, Ctrl\\-C**  \n  cancel\n");
	return buf_take(&b, NULL);
}

int
help_shown(const struct pager *p)
{
	return p->r != NULL && p->r->builtin;
}

int
help_open(struct pager *p)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_MARKDOWN };
	struct reading	*r;
	struct doc	*d;
	char		*text, *cause = NULL;

	if (help_shown(p))
		return help_close(p);
	text = help_text();
	d = doc_open_mem(text, strlen(text), &o, &cause);
	free(text);
	if (d == NULL) {
		pager_message(p, "no help: %s", cause);
		free(cause);
		return UI_REDRAW;
	}
	r = reading_new(p, d, NULL, "help");
	r->builtin = 1;
	reading_show(p, r);
	return UI_REDRAW | UI_CLEAR;
}

int
help_close(struct pager *p)
{
	struct reading	*help = p->r;

	if (!help_shown(p))
		return UI_NONE;
	reading_show(p, p->files[p->file]);
	reading_free(help);
	return UI_REDRAW | UI_CLEAR;
}
