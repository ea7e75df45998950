/*
 * cmd.c: every command of the reader is one row of cmd_table: its name,
 * its keys as people read them, the key codes, a line of help and the
 * function.  The help screen (list.c) and the man page's list of keys
 * (folio --list-keys=man) are printed from this table, so they cannot
 * drift from what the keys do.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "encoding.h"
#include "ui.h"

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
	if (view_scroll(p->v, n) == 0)
		pager_message(p, n > 0 ? "(END)" : "(top)");
	return UI_REDRAW;
}

static int
cmd_quit(struct pager *p, long count)
{
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
	view_start(p->v);
	return UI_REDRAW;
}

static int
cmd_end(struct pager *p, long count)
{
	view_end(p->v);
	return UI_REDRAW;
}

static int
cmd_percent(struct pager *p, long count)
{
	long	pc = count < 0 ? 0 : count > 100 ? 100 : count;

	if (pc == 0)
		view_start(p->v);
	else
		view_goto_fraction(p->v, (double)pc / 100.0);
	return UI_REDRAW;
}

static int
cmd_section(struct pager *p, int next, int major, long count)
{
	long	n = cmd_n(count, 1);

	while (n-- > 0) {
		int rc = next ? view_next_section(p->v, major) :
		    view_prev_section(p->v, major);

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
cmd_clear(struct pager *p, long count)
{
	return find_clear(p);
}

static int
cmd_bookmark(struct pager *p, long count)
{
	return annot_bookmark(p);
}

static int
cmd_bookmarks(struct pager *p, long count)
{
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
	return list_help(p);
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
	return pager_reopen(p, !p->reflow_off, p->show_glosses);
}

static int
cmd_readings(struct pager *p, long count)
{
	return pager_reopen(p, p->reflow_off, !p->show_glosses);
}

/* =: the file, its encoding and format, the place, the bytes. */
static int
cmd_info(struct pager *p, long count)
{
	struct anchor	a = view_anchor(p->v);
	struct doc	*d = view_doc(p->v);
	uint64_t	off = a.pos.block < doc_nblocks(d) ?
	    doc_block(d, a.pos.block)->off : 0;

	snprintf(p->msg, sizeof p->msg, "%s, %s%s, byte %llu of %zu (%.0f%%): %s",
	    encoding_label(p->encoding), doc_format(p->d),
	    p->reflow_off ? " (reflow off)" : "", (unsigned long long)off,
	    doc_size(p->d), view_fraction(p->v) * 100,
	    p->path != NULL ? p->path : p->name);
	return UI_REDRAW;
}

static int
cmd_hscroll(struct pager *p, int cols)
{
	struct layout_opts	lo = *view_opts(p->v);

	lo.hscroll += cols;
	if (lo.hscroll < 0)
		lo.hscroll = 0;
	view_set_opts(p->v, &lo);
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

const struct cmd cmd_table[] = {
	{ "down", "j, Down, Enter, Ctrl-N, Ctrl-E",
	  { 'j', KEY_DOWN, '\r', '\n', KEY_ENTER, CTRL('N'), CTRL('E') },
	  "down a line (N j: N lines)", cmd_down },
	{ "up", "k, Up, Ctrl-P, Ctrl-Y",
	  { 'k', KEY_UP, CTRL('P'), CTRL('Y') },
	  "up a line", cmd_up },
	{ "page-down", "Space, f, PgDn, Ctrl-F",
	  { ' ', 'f', KEY_NPAGE, CTRL('F') },
	  "down a page", cmd_page_down },
	{ "page-up", "b, PgUp, Ctrl-B",
	  { 'b', KEY_PPAGE, CTRL('B') },
	  "up a page", cmd_page_up },
	{ "half-down", "d, Ctrl-D", { 'd', CTRL('D') },
	  "down half a page", cmd_half_down },
	{ "half-up", "u, Ctrl-U", { 'u', CTRL('U') },
	  "up half a page", cmd_half_up },
	{ "start", "g, Home, <", { 'g', KEY_HOME, '<' },
	  "go to the start", cmd_start },
	{ "end", "G, End, >", { 'G', KEY_END, '>', KEY_LL },
	  "go to the end", cmd_end },
	{ "percent", "N%", { '%' },
	  "go to N percent of the document", cmd_percent },
	{ "next-section", "]", { ']' },
	  "next section (any level)", cmd_next_section },
	{ "prev-section", "[", { '[' },
	  "previous section (any level)", cmd_prev_section },
	{ "next-major", "}", { '}' },
	  "next section at the same or a higher level", cmd_next_major },
	{ "prev-major", "{", { '{' },
	  "previous section at the same or a higher level", cmd_prev_major },
	{ "search", "/", { '/' },
	  "search forward as you type (Ctrl-R: regular expression)",
	  cmd_search },
	{ "search-back", "?", { '?' },
	  "search backward as you type", cmd_search_back },
	{ "next-match", "n", { 'n' },
	  "next match in the search's direction", cmd_next_match },
	{ "prev-match", "N", { 'N' },
	  "previous match", cmd_prev_match },
	{ "clear-search", "Esc, \\", { 27, '\\' },
	  "clear the search highlights", cmd_clear },
	{ "bookmark", "m", { 'm' },
	  "bookmark the top of the view (a name is asked for)", cmd_bookmark },
	{ "bookmarks", "'", { '\'' },
	  "list bookmarks in document order: Enter jumps, d deletes, "
	  "u undoes, s sorts by date", cmd_bookmarks },
	{ "select", "v", { 'v' },
	  "select a passage (it holds the character under the cursor): "
	  "h l w b ( ) j k { } move, across paragraphs; then a, H or y",
	  cmd_select },
	{ "note", "a", { 'a' },
	  "note on the search match on the screen, else the top paragraph "
	  "(Ctrl-E: $EDITOR; an empty note is not saved)",
	  cmd_note },
	{ "highlight", "H", { 'H' },
	  "highlight the search match on the screen, else the top paragraph",
	  cmd_highlight },
	{ "notes", "A", { 'A' },
	  "list notes and highlights in document order: Enter jumps, e or E "
	  "edits (a highlight given a text becomes a note), r earlier texts, "
	  "d deletes, u undoes, s sorts by date",
	  cmd_notes },
	{ "copy", "y", { 'y' },
	  "copy the search match on the screen, else the top paragraph, as "
	  "shown (OSC 52: the terminal's clipboard, through tmux too)",
	  cmd_copy },
	{ "links", "L", { 'L' },
	  "the list of links: Enter opens one, y copies its URL", cmd_links },
	{ "back", "B, Backspace", { 'B', KEY_BACKSPACE, 0x7f, 8 },
	  "back to the page a link was opened from, at the same place",
	  cmd_back },
	{ "reader", "w", { 'w' },
	  "web pages: the whole page, or the article again", cmd_reader },
	{ "toc", "t, Tab", { 't', '\t' },
	  "table of contents: Enter jumps, typing filters", cmd_toc },
	{ "script", "c", { 'c' },
	  "Chinese as written, in simplified, in traditional characters "
	  "(OpenCC; remembered with the place)", cmd_script },
	{ "scroll-right", "Right", { KEY_RIGHT },
	  "scroll preformatted text to the right", cmd_right },
	{ "scroll-left", "Left", { KEY_LEFT },
	  "scroll preformatted text back to the left", cmd_left },
	{ "reflow", "S", { 'S' },
	  "reflow off: every line as in the file, long ones cut and scrolled "
	  "with Left and Right (as less -S); again: on", cmd_reflow },
	{ "readings", "o", { 'o' },
	  "show or hide pinyin glosses, Aozora ruby and notes", cmd_readings },
	{ "info", "=", { '=' },
	  "the file, its encoding and format, the place and its byte",
	  cmd_info },
	{ "help", "h, F1", { 'h', KEY_F(1) },
	  "this help", cmd_help },
	{ "redraw", "Ctrl-L", { CTRL('L') },
	  "redraw the screen", cmd_redraw },
	{ "suspend", "Ctrl-Z", { CTRL('Z') },
	  "suspend folio (fg brings it back)", cmd_suspend },
	{ "reload", "R", { 'R' },
	  "reload the file or fetch the page again, keeping the place",
	  cmd_reload },
	{ "quit", "q, Q", { 'q', 'Q' },
	  "quit", cmd_quit },
	{ NULL, NULL, { 0 }, NULL, NULL }
};

/* Function keys and characters share the table: KEY_* are above 0x100. */
static const struct cmd *
cmd_find(int key)
{
	const struct cmd	*c;
	int			 i;

	for (c = cmd_table; c->name != NULL; c++)
		for (i = 0; i < 8 && c->key[i] != 0; i++)
			if (c->key[i] == key)
				return c;
	return NULL;
}

int
cmd_key(struct pager *p, int key, int function_key)
{
	const struct cmd	*c;
	long			 count = p->count;

	if (!function_key && key >= '0' && key <= '9') {
		p->count = (p->count < 0 ? 0 : p->count) * 10 + (key - '0');
		if (p->count > 1000000000L)
			p->count = 1000000000L;
		return UI_NONE;
	}
	p->count = -1;
	if (function_key && key < 0x100)
		return UI_NONE;
	if (!function_key && key >= 0x100)
		return UI_NONE;	/* a character beyond Latin-1: no command */
	if ((c = cmd_find(key)) == NULL)
		return UI_NONE;
	return c->fn(p, count);
}

void
cmd_print_keys(FILE *f, int man)
{
	const struct cmd	*c;

	for (c = cmd_table; c->name != NULL; c++) {
		if (man)
			fprintf(f, ".TP\n.B %s\n%s.\n", c->keys, c->help);
		else
			fprintf(f, "  %-32s %s\n", c->keys, c->help);
	}
}
