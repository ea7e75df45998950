/*
 * cmd.c: every command of the reader is one row of cmd_table: its name
 * (the action of a "bind" line), its default keys by name (keys.h, the
 * names a configuration file uses), a line of help and the function.
 *
 * The keys in force are one key map (keys.h): the rows' keys, then
 * less's where --keys=less asks, then the configuration's bind and unbind
 * lines.  Keys are looked up in it, and the help (help.c), --list-keys
 * and the man page's list (--list-keys=man) are printed from it, so they
 * cannot drift from what the keys do.  A help text names other commands
 * as {name}, written as the key bound to them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "buf.h"
#include "encoding.h"
#include "keys.h"
#include "ui.h"
#include "width.h"

#define CTRL(c)		((c) & 0x1f)

/* The count typed before a key, or a default. */
static long
cmd_n(long count, long dflt)
{
	return count > 0 ? count : dflt;
}

static int
cmd_scroll(struct pager *p, long n)
{
	if (view_scroll(p->r->v, n) == 0)
		pager_message(p, n > 0 ? "(END)" : "(top)");
	return UI_REDRAW;
}

static int
cmd_quit(struct pager *p, long count)
{
	if (help_shown(p))	/* q in the help: back to the document */
		return help_close(p);
	return UI_QUIT;
}

static int
cmd_down(struct pager *p, long count)
{
	return cmd_scroll(p, cmd_n(count, 1));
}

static int
cmd_up(struct pager *p, long count)
{
	return cmd_scroll(p, -cmd_n(count, 1));
}

static long
cmd_page(const struct pager *p)
{
	return p->rows > 2 ? p->rows - 2 : 1;
}

static int
cmd_page_down(struct pager *p, long count)
{
	return cmd_scroll(p, cmd_n(count, 1) * cmd_page(p));
}

static int
cmd_page_up(struct pager *p, long count)
{
	return cmd_scroll(p, -cmd_n(count, 1) * cmd_page(p));
}

static int
cmd_half_down(struct pager *p, long count)
{
	return cmd_scroll(p, cmd_n(count, 1) * ((p->rows - 1) / 2 + 1));
}

static int
cmd_half_up(struct pager *p, long count)
{
	return cmd_scroll(p, -cmd_n(count, 1) * ((p->rows - 1) / 2 + 1));
}

static int
cmd_start(struct pager *p, long count)
{
	view_start(p->r->v);
	return UI_REDRAW;
}

static int
cmd_end(struct pager *p, long count)
{
	view_end(p->r->v);
	return UI_REDRAW;
}

static int
cmd_percent(struct pager *p, long count)
{
	long	pc = count < 0 ? 0 : count > 100 ? 100 : count;

	if (pc == 0)
		view_start(p->r->v);
	else
		view_goto_fraction(p->r->v, (double)pc / 100.0);
	return UI_REDRAW;
}

static int
cmd_section(struct pager *p, int next, int major, long count)
{
	long	n = cmd_n(count, 1);

	while (n-- > 0) {
		int rc = next ? view_next_section(p->r->v, major) :
		    view_prev_section(p->r->v, major);

		if (rc != 0) {
			pager_message(p, next ? "no next section" :
			    "no previous section");
			break;
		}
	}
	return UI_REDRAW;
}

static int
cmd_next_section(struct pager *p, long count)
{
	return cmd_section(p, 1, 0, count);
}

static int
cmd_prev_section(struct pager *p, long count)
{
	return cmd_section(p, 0, 0, count);
}

static int
cmd_next_major(struct pager *p, long count)
{
	return cmd_section(p, 1, 1, count);
}

static int
cmd_prev_major(struct pager *p, long count)
{
	return cmd_section(p, 0, 1, count);
}

static int
cmd_search(struct pager *p, long count)
{
	return find_prompt(p, 1);
}

static int
cmd_search_back(struct pager *p, long count)
{
	return find_prompt(p, -1);
}

static int
cmd_next_match(struct pager *p, long count)
{
	long	n = cmd_n(count, 1);
	int	r = UI_REDRAW;

	while (n-- > 0)
		r = find_next(p, 1);
	return r;
}

static int
cmd_prev_match(struct pager *p, long count)
{
	long	n = cmd_n(count, 1);
	int	r = UI_REDRAW;

	while (n-- > 0)
		r = find_next(p, -1);
	return r;
}

static int
cmd_hide(struct pager *p, long count)
{
	return find_hide(p);
}

static int
cmd_bookmark(struct pager *p, long count)
{
	return annot_bookmark(p);
}

static int
cmd_bookmarks(struct pager *p, long count)
{
	if (p->last != NULL && p->last->fn == cmd_bookmarks)
		return pager_jump_back(p);	/* '': as in less */
	return list_notes(p, 1);
}

static int
cmd_note(struct pager *p, long count)
{
	return annot_note(p, NOTE_NOTE);
}

static int
cmd_highlight(struct pager *p, long count)
{
	return annot_note(p, NOTE_HIGHLIGHT);
}

static int
cmd_notes(struct pager *p, long count)
{
	return list_notes(p, 0);
}

static int
cmd_select(struct pager *p, long count)
{
	return sel_run(p);
}

static int
cmd_links(struct pager *p, long count)
{
	return list_links(p);
}

static int
cmd_copy(struct pager *p, long count)
{
	return annot_copy(p);
}

static int
cmd_toc(struct pager *p, long count)
{
	return list_toc(p);
}

static int
cmd_help(struct pager *p, long count)
{
	return help_open(p);
}

/* u: a note just made is taken back; else up half a page, as in less. */
static int
cmd_undo_or_up(struct pager *p, long count)
{
	if (annot_undo(p) == 0)
		return UI_REDRAW;
	return cmd_half_up(p, count);
}

static int
cmd_jump_back(struct pager *p, long count)
{
	return pager_jump_back(p);
}

static int
cmd_wider(struct pager *p, long count)
{
	return pager_width(p, (int)cmd_n(count, 4));
}

static int
cmd_narrower(struct pager *p, long count)
{
	return pager_width(p, -(int)cmd_n(count, 4));
}

static int
cmd_colon(struct pager *p, long count)
{
	return pager_colon(p);
}

static int
cmd_history(struct pager *p, long count)
{
	return list_history(p, 0);
}

static int
cmd_mouse(struct pager *p, long count)
{
	return pager_mouse_toggle(p);
}

static int
cmd_redraw(struct pager *p, long count)
{
	return UI_REDRAW | UI_CLEAR;
}

static int
cmd_suspend(struct pager *p, long count)
{
	term_suspend();
	return UI_REDRAW | UI_CLEAR;
}

static int
cmd_reload(struct pager *p, long count)
{
	return pager_reload(p);
}

/* c: as written -> simplified -> traditional -> as written. */
static int
cmd_script(struct pager *p, long count)
{
	int	next = pager_next_script(p);

	if (pager_script(p, next) == 0)
		pager_message(p, next == SCRIPT_ORIG ? "shown as written" :
		    next == SCRIPT_S ? "shown in simplified characters (简体)" :
		    "shown in traditional characters (繁體)");
	return UI_REDRAW;
}

static int
cmd_back(struct pager *p, long count)
{
	return web_back(p);
}

static int
cmd_reader(struct pager *p, long count)
{
	return web_toggle_reader(p);
}

static int
cmd_reflow(struct pager *p, long count)
{
	return pager_reopen(p, !p->r->reflow_off, p->r->show_glosses);
}

static int
cmd_readings(struct pager *p, long count)
{
	return pager_reopen(p, p->r->reflow_off, !p->r->show_glosses);
}

/* =: the file, its encoding and format, the place, the bytes. */
static int
cmd_info(struct pager *p, long count)
{
	struct anchor	a = view_anchor(p->r->v);
	struct doc	*d = view_doc(p->r->v);
	uint64_t	off = a.pos.block < doc_nblocks(d) ?
	    doc_block(d, a.pos.block)->off : 0;

	const char	*file = p->r->path != NULL ? p->r->path : p->r->name;

	pager_message(p, "%s, %s%s, byte %llu of %zu (%.0f%%): %s",
	    encoding_label(p->r->encoding), doc_format(p->r->d),
	    p->r->reflow_off ? " (reflow off)" : "", (unsigned long long)off,
	    doc_size(p->r->d), view_fraction(p->r->v) * 100, file);
	if (width_str(p->msg, strlen(p->msg), 1) > p->cols - 24 &&
	    strrchr(file, '/') != NULL)	/* the file's name is enough */
		pager_message(p, "%s, %s%s, byte %llu of %zu (%.0f%%): %s",
		    encoding_label(p->r->encoding), doc_format(p->r->d),
		    p->r->reflow_off ? " (reflow off)" : "",
		    (unsigned long long)off, doc_size(p->r->d),
		    view_fraction(p->r->v) * 100, strrchr(file, '/') + 1);
	return UI_REDRAW;
}

static int
cmd_hscroll(struct pager *p, int cols)
{
	struct layout_opts	lo = *view_opts(p->r->v);

	lo.hscroll += cols;
	if (lo.hscroll < 0)
		lo.hscroll = 0;
	view_set_opts(p->r->v, &lo);
	return UI_REDRAW;
}

static int
cmd_right(struct pager *p, long count)
{
	return cmd_hscroll(p, (int)cmd_n(count, 1) * (p->width / 2 + 1));
}

static int
cmd_left(struct pager *p, long count)
{
	return cmd_hscroll(p, -(int)cmd_n(count, 1) * (p->width / 2 + 1));
}

#define MOVE	"Moving"
#define SECT	"Sections and places"
#define FIND	"Searching"
#define NOTE	"Passages, notes and bookmarks"
#define VIEW	"The view and the files"
#define MISC	"Other"

const struct cmd cmd_table[] = {
	{ "down", "j Down Enter Ctrl-N Ctrl-E",
	  "down a line (N {down}: N lines)", cmd_down, 0, MOVE },
	{ "up", "k Up Ctrl-P Ctrl-Y",
	  "up a line", cmd_up, 0, MOVE },
	{ "page-down", "Space f PgDn Ctrl-F",
	  "down a page", cmd_page_down, 0, MOVE },
	{ "page-up", "b PgUp Ctrl-B",
	  "up a page", cmd_page_up, 0, MOVE },
	{ "half-down", "d Ctrl-D",
	  "down half a page", cmd_half_down, 0, MOVE },
	{ "half-up", "Ctrl-U",
	  "up half a page", cmd_half_up, 0, MOVE },
	{ "undo-or-half-up", "u",
	  "right after a note, highlight or bookmark is made (the status line "
	  "says so): take it back; else up half a page", cmd_undo_or_up, 0,
	  MOVE },
	{ "start", "g Home <",
	  "go to the start", cmd_start, CMD_JUMP, MOVE },
	{ "end", "G End >",
	  "go to the end", cmd_end, CMD_JUMP, MOVE },
	{ "percent", "%",
	  "go to N percent of the document", cmd_percent,
	  CMD_JUMP | CMD_COUNTED, MOVE },
	{ "scroll-right", "Right",
	  "scroll preformatted text to the right", cmd_right, 0, MOVE },
	{ "scroll-left", "Left",
	  "scroll preformatted text back to the left", cmd_left, 0, MOVE },
	{ "next-section", "]",
	  "next section (any level)", cmd_next_section, CMD_JUMP, SECT },
	{ "prev-section", "[",
	  "previous section (any level)", cmd_prev_section, CMD_JUMP, SECT },
	{ "next-major", "}",
	  "next section at the same or a higher level", cmd_next_major,
	  CMD_JUMP, SECT },
	{ "prev-major", "{",
	  "previous section at the same or a higher level", cmd_prev_major,
	  CMD_JUMP, SECT },
	{ "toc", "t Tab",
	  "table of contents: Enter jumps, / or a letter filters", cmd_toc, 0,
	  SECT },
	{ "jump-back", "Ctrl-O `",
	  "back to where the last jump left (a section, a search, %, "
	  "{end}, the contents, a list); again: forth", cmd_jump_back, 0,
	  SECT },
	{ "search", "/",
	  "search forward as you type (Ctrl-R: regular expression; Up, Down: "
	  "earlier searches)", cmd_search, 0, FIND },
	{ "search-back", "?",
	  "search backward as you type", cmd_search_back, 0, FIND },
	{ "next-match", "n",
	  "next match in the search's direction (from the screen when the "
	  "match is off it)", cmd_next_match, CMD_JUMP, FIND },
	{ "prev-match", "N",
	  "previous match", cmd_prev_match, CMD_JUMP, FIND },
	{ "hide-matches", "Esc \\",
	  "hide the search's highlights ({next-match} and {prev-match} still "
	  "find the matches)", cmd_hide, 0, FIND },
	{ "select", "v",
	  "select a passage (it holds the character under the cursor): "
	  "h l w b ( ) j k { } move, across paragraphs; then a, H or y",
	  cmd_select, 0, NOTE },
	{ "note", "a",
	  "note on the search match on the screen, else the top paragraph "
	  "(Ctrl-E: $EDITOR; an empty note is not saved)", cmd_note, 0, NOTE },
	{ "highlight", "H",
	  "highlight the search match on the screen, else the top paragraph "
	  "({undo-or-half-up} right after takes it back)", cmd_highlight, 0,
	  NOTE },
	{ "copy", "y",
	  "copy the search match on the screen, else the top paragraph, as "
	  "shown (OSC 52: the terminal's clipboard, through tmux too)",
	  cmd_copy, 0, NOTE },
	{ "bookmark", "m",
	  "bookmark the top of the view (a name is asked for)", cmd_bookmark,
	  0, NOTE },
	{ "bookmarks", "'",
	  "list bookmarks in document order: Enter jumps, d deletes, "
	  "u undoes, s sorts by date; {bookmarks} again: back where the last "
	  "jump left", cmd_bookmarks, 0, NOTE },
	{ "notes", "A",
	  "list notes and highlights in document order: Enter jumps, e or E "
	  "edits (a highlight given a text becomes a note), r earlier texts, "
	  "d deletes, u undoes, s sorts by date", cmd_notes, 0, NOTE },
	{ "links", "L",
	  "the list of links: Enter opens one, y copies its URL", cmd_links, 0,
	  VIEW },
	{ "back", "B Backspace",
	  "back to the page a link was opened from, at the same place",
	  cmd_back, 0, VIEW },
	{ "reader", "w",
	  "web pages: the whole page, or the article again", cmd_reader, 0,
	  VIEW },
	{ "wider", "+",
	  "a wider text column (N{wider}: N columns)", cmd_wider, 0, VIEW },
	{ "narrower", "-",
	  "a narrower text column", cmd_narrower, 0, VIEW },
	{ "script", "c",
	  "Chinese as written, in simplified, in traditional characters "
	  "(OpenCC; remembered with the place)", cmd_script, 0, VIEW },
	{ "reflow", "S",
	  "reflow off: every line as in the file, long ones cut and scrolled "
	  "with {scroll-left} and {scroll-right} (as less -S); again: on",
	  cmd_reflow, 0, VIEW },
	{ "readings", "o",
	  "show or hide pinyin glosses, Aozora ruby and notes", cmd_readings,
	  0, VIEW },
	{ "info", "=",
	  "the file, its encoding and format, the place and its byte",
	  cmd_info, 0, VIEW },
	{ "colon", ":",
	  "a command: :n next file, :p previous file, :e FILE open a file, "
	  ":q quit", cmd_colon, 0, VIEW },
	{ "reload", "R",
	  "reload the file or fetch the page again, keeping the place",
	  cmd_reload, 0, VIEW },
	{ "history", "O",
	  "the documents read before, the last first, with how far and when "
	  "(the guide first): Enter opens one, d takes it off the list",
	  cmd_history, 0, VIEW },
	{ "mouse", "M",
	  "the mouse wheel scrolls, or the terminal keeps the mouse to select "
	  "text (--mouse; with the wheel on, Shift-drag selects)", cmd_mouse,
	  0, MISC },
	{ "help", "h F1",
	  "this help ({help} or {quit} closes it)", cmd_help, 0, MISC },
	{ "redraw", "Ctrl-L",
	  "redraw the screen", cmd_redraw, 0, MISC },
	{ "suspend", "Ctrl-Z",
	  "suspend folio (fg brings it back)", cmd_suspend, 0, MISC },
	{ "quit", "q Q",
	  "quit (in the help: back to the document)", cmd_quit, 0, MISC },
	{ NULL, NULL, NULL, NULL, 0, NULL }
};

/* --- Keys -------------------------------------------------------------------- */

static struct keymap	cmd_keys;	/* the keys in force */
static int		cmd_keys_ready;

int
cmd_index(const char *name)
{
	int	i;

	for (i = 0; cmd_table[i].name != NULL; i++)
		if (strcmp(cmd_table[i].name, name) == 0)
			return i;
	return -1;
}

/* Binds a command's keys as its row names them (blank-separated). */
static void
cmd_bind_defaults(struct keymap *m, int i)
{
	const char	*s = cmd_table[i].keys;
	char		 name[32];
	size_t		 n;
	int		 k;

	while (*s != '\0') {
		s += strspn(s, " ");
		n = strcspn(s, " ");
		if (n == 0)
			break;
		snprintf(name, sizeof name, "%.*s", (int)n, s);
		if ((k = keys_parse(name)) >= 0)
			keymap_bind(m, k, i);
		s += n;
	}
}

void
cmd_keys_init(const struct options *o)
{
	size_t	i;
	int	k, a;

	keymap_free(&cmd_keys);
	for (i = 0; cmd_table[i].name != NULL; i++)
		cmd_bind_defaults(&cmd_keys, (int)i);
	if (o != NULL && o->keys_less)
		for (i = 0; keys_less[i][0] != NULL; i++)
			if ((k = keys_parse(keys_less[i][0])) >= 0 &&
			    (a = cmd_index(keys_less[i][1])) >= 0)
				keymap_bind(&cmd_keys, k, a);
	for (i = 0; o != NULL && i < o->nbinds; i++) {
		if (o->binds[i].action < 0)
			keymap_unbind(&cmd_keys, o->binds[i].key);
		else
			keymap_bind(&cmd_keys, o->binds[i].key,
			    o->binds[i].action);
	}
	cmd_keys_ready = 1;
}

void
cmd_keys_free(void)
{
	keymap_free(&cmd_keys);
	cmd_keys_ready = 0;
}

/* The reader's keys as keys.h names them: curses' function keys mapped. */
int
cmd_key_id(const struct key *k)
{
	static const struct {
		int	curses;
		int	key;
	} fn[] = {
		{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN },
		{ KEY_LEFT, KEYS_LEFT }, { KEY_RIGHT, KEYS_RIGHT },
		{ KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END },
		{ KEY_LL, KEYS_END }, { KEY_PPAGE, KEYS_PGUP },
		{ KEY_NPAGE, KEYS_PGDN }, { KEY_IC, KEYS_INSERT },
		{ KEY_DC, KEYS_DELETE }, { KEY_BACKSPACE, KEYS_BACKSPACE },
		{ KEY_BTAB, KEYS_BTAB }, { KEY_ENTER, KEYS_ENTER },
	};
	size_t	i;

	if (!k->fn)
		return keys_normal((int)k->c);
	if ((int)k->c > KEY_F0 && (int)k->c <= KEY_F(24))
		return KEYS_F0 + ((int)k->c - KEY_F0);
	for (i = 0; i < sizeof fn / sizeof *fn; i++)
		if (fn[i].curses == (int)k->c)
			return fn[i].key;
	return -1;
}

const struct cmd *
cmd_find(const struct key *k)
{
	int	id = cmd_key_id(k), a;

	if (!cmd_keys_ready)
		cmd_keys_init(NULL);
	if (id < 0 || (a = keymap_action(&cmd_keys, id)) < 0)
		return NULL;
	return &cmd_table[a];
}

/* Is key k bound to the command named? */
int
cmd_is(const struct key *k, const char *name)
{
	const struct cmd	*c = cmd_find(k);

	return c != NULL && strcmp(c->name, name) == 0;
}

void
cmd_keys_of(const struct cmd *c, char *out, size_t size)
{
	int	keys[32];
	size_t	n, i, len = 0;
	char	name[32];

	if (!cmd_keys_ready)
		cmd_keys_init(NULL);
	n = keymap_keys(&cmd_keys, (int)(c - cmd_table), keys, 32);
	out[0] = '\0';
	for (i = 0; i < n && len + 1 < size; i++) {
		keys_name(keys[i], name, sizeof name);
		len += (size_t)snprintf(out + len, size - len, "%s%s%s",
		    i > 0 ? ", " : "", c->flags & CMD_COUNTED ? "N" : "", name);
		if (len >= size)
			len = size - 1;
	}
}

const char *
cmd_key_for(const char *name)
{
	static char	ring[16][32];
	static int	next;
	char		*out = ring[next++ % 16];
	int		keys[1], a = cmd_index(name);

	if (!cmd_keys_ready)
		cmd_keys_init(NULL);
	if (a >= 0 && keymap_keys(&cmd_keys, a, keys, 1) == 1)
		keys_name(keys[0], out, 32);
	else
		snprintf(out, 32, ":%s", name);	/* unbound: said by name */
	return out;
}

/* A command's help with {name} made the key bound to that command. */
char *
cmd_help_text(const struct cmd *c)
{
	struct buf	 b;
	const char	*s = c->help, *e;
	char		 name[40];

	buf_init(&b);
	while (*s != '\0') {
		if (*s == '{' && (e = strchr(s, '}')) != NULL &&
		    (size_t)(e - s) < sizeof name) {
			snprintf(name, sizeof name, "%.*s", (int)(e - s - 1), s + 1);
			if (cmd_index(name) >= 0) {
				buf_adds(&b, cmd_key_for(name));
				s = e + 1;
				continue;
			}
		}
		buf_addc(&b, *s++);
	}
	return buf_take(&b, NULL);
}

/* Writes s for man(7): backslashes and a leading dot escaped. */
static void
cmd_man_text(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '"')
			fputs("\\(dq", f);
		else
			fputc(*s, f);
	}
}

/* Writes s in lines of at most cols columns, each indented by indent. */
static void
cmd_print_wrapped(FILE *f, const char *s, int indent, int cols)
{
	size_t	n;
	int	col = 0;

	while (*s != '\0') {
		s += strspn(s, " ");
		n = strcspn(s, " ");
		if (n == 0)
			break;
		if (col > 0 && col + 1 + width_str(s, n, 1) > cols) {
			fputc('\n', f);
			col = 0;
		}
		if (col == 0)
			col = fprintf(f, "%*s", indent, "");
		else
			col += fprintf(f, " ");
		fwrite(s, 1, n, f);
		col += width_str(s, n, 1);
		s += n;
	}
	if (col > 0)
		fputc('\n', f);
}

void
cmd_print_keys(FILE *f, int man)
{
	const struct cmd	*c;
	const char		*group = NULL;
	char			 keys[256], *help;

	for (c = cmd_table; c->name != NULL; c++) {
		cmd_keys_of(c, keys, sizeof keys);
		help = cmd_help_text(c);
		if (man) {
			fputs(".TP\n.BI \"", f);
			cmd_man_text(f, keys[0] != '\0' ? keys : "(no key)");
			fputs("\" \"\\ \\ ", f);
			cmd_man_text(f, c->name);
			fputs("\"\n", f);
			cmd_man_text(f, help);
			fputs(".\n", f);
		} else {
			if (group == NULL || strcmp(group, c->group) != 0) {
				group = c->group;
				fprintf(f, "%s%s\n", c == cmd_table ? "" : "\n",
				    group);
			}
			fprintf(f, "  %-18s %s\n", c->name,
			    keys[0] != '\0' ? keys : "(no key)");
			cmd_print_wrapped(f, help, 21, 79);
		}
		free(help);
	}
}
