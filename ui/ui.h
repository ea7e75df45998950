/*
 * ui.h: the reader's state and the modules of the full-screen program.
 *
 *   term.c     the terminal: checks, start and stop, signal flags
 *   pager.c    the one loop: it alone reads keys, gives each to the mode
 *              on top or to the command table, does background work while
 *              waiting, and draws
 *   mode.c     modes on a stack (the model is tmux's window modes): a
 *              prompt, the selection, a list take keys until they are done
 *   reading.c  the documents read (files of the command line, the help):
 *              opening, switching, closing
 *   cmd.c      the command table (name, keys, help, function)
 *   draw.c     drawing what it is given: the text column with its marks,
 *              the status line; it calls no feature module
 *   prompt.c   a line typed on the status line (a mode)
 *   select.c   v, the selection (a mode)
 *   list.c     full-screen lists (modes): contents, notes, bookmarks, links
 *   help.c     the help, a document made from the command table
 *   find.c, annot.c, notes.c   search, notes, the notes store
 *
 * Commands and modes never draw: they change the state and return a
 * reaction (enum reaction); the loop draws once per key.
 */
#ifndef FOLIO_UI_H
#define FOLIO_UI_H

#include <stddef.h>
#include <time.h>

#include <curses.h>

#include "convert.h"
#include "doc.h"
#include "layout.h"
#include "options.h"
#include "notes.h"
#include "scursor.h"
#include "search.h"
#include "sha256.h"
#include "view.h"

/* What a command or a mode reports back (htop's Htop_Reaction). */
enum reaction {
	UI_NONE = 0x00,
	UI_REDRAW = 0x01,	/* the screen must be drawn again */
	UI_QUIT = 0x02,
	UI_CLEAR = 0x04,	/* repaint everything (Ctrl-L, resume) */
	UI_DONE = 0x08,		/* the mode that took the key is finished */
};

#define UI_MEASURE	80	/* the default text width: a reading measure */
#define UI_MIN_COLS	8	/* below this the terminal is too small */
#define UI_MIN_ROWS	2
#define UI_MIN_WIDTH	20	/* - never makes the text narrower */

/* A key: a character, or a function key (KEY_* of curses). */
struct key {
	wint_t	c;
	int	fn;		/* c is a function key */
};

/* Ctrl-C, given to the mode on top like a key (it never kills folio). */
#define KEY_INTERRUPT	(KEY_MAX + 1)
/* The mouse wheel, turned (the reader and lists scroll by it). */
#define KEY_WHEEL_UP	(KEY_MAX + 2)
#define KEY_WHEEL_DOWN	(KEY_MAX + 3)
/* What starts a mouse report (term.c reads the rest). */
#define KEY_MOUSE_SGR	(KEY_MAX + 4)
#define KEY_MOUSE_X10	(KEY_MAX + 5)

/* --- Modes ------------------------------------------------------------- */

struct pager;

struct mode_type {
	const char	*name;
	int		 full;	/* covers the whole screen (a list) */
	/* A key: a reaction; UI_DONE ends the mode. */
	int		(*key)(struct pager *, void *, const struct key *);
	/* Draws the mode (over the reader unless full). */
	void		(*draw)(struct pager *, void *);
	/* Work while no key comes (a search following the typing); 1 if any. */
	int		(*idle)(struct pager *, void *);
	/* folio is quitting (the connection dropped): keep what must be kept. */
	void		(*quit)(struct pager *, void *);
	void		(*free)(void *);
};

#define MODES_MAX	8

struct mode {
	const struct mode_type	*type;
	void			*data;
};

/* Puts a mode on top; it takes the keys until it is done. */
void	mode_push(struct pager *, const struct mode_type *, void *data);
/* Gives a key to the mode on top; -1 if there is none. */
int	mode_key(struct pager *, const struct key *);
/* Draws the modes, from the last full-screen one up. */
void	mode_draw(struct pager *);
/* True if a full-screen mode hides the reader. */
int	mode_covers(const struct pager *);
/* Idle work of the mode on top; 1 if it did some. */
int	mode_idle(struct pager *);
/* Ends every mode, telling each that folio is quitting. */
void	mode_quit_all(struct pager *);
/* Is a mode of this type on the stack? */
int	mode_has(const struct pager *, const struct mode_type *);

/* --- A line typed on the status line (prompt.c) ----------------------- */

#define HISTORY_MAX	200	/* kept between runs */

struct history {
	char	*v[HISTORY_MAX];
	int	 n;
};

enum prompt_end {
	PROMPT_ACCEPT,		/* Enter */
	PROMPT_CANCEL,		/* Esc, Ctrl-C */
	PROMPT_EDITOR,		/* Ctrl-E, where the prompt allows $EDITOR */
	PROMPT_QUIT,		/* folio is quitting: keep what was typed */
};

#define PROMPT_REGEX	0x01	/* Ctrl-R toggles regular expressions */
#define PROMPT_EDITOR	0x02	/* Ctrl-E hands the text to $EDITOR */
#define PROMPT_YESNO	0x04	/* one key: y or n */

struct prompt {
	char		 label[160];	/* "/" or "note: " */
	char		 buf[512];
	size_t		 len;
	size_t		 cur;		/* byte offset of the cursor */
	int		 regex;		/* Ctrl-R */
	int		 flags;		/* PROMPT_* */
	char		 error[128];	/* shown after the text */
	struct history	*history;
	int		 hpos;
	int		 pending;	/* changed, not yet told */
	/* After every edit (a search follows the typing). */
	void		(*changed)(struct pager *, struct prompt *, void *);
	/*
	 * The end: a reaction.  UI_DONE closes the prompt; without it the
	 * prompt stays (an editor that failed, an answer not taken).
	 */
	int		(*done)(struct pager *, struct prompt *,
			    enum prompt_end, void *);
	void		(*free)(void *);
	void		*arg;
};

/*
 * Opens a prompt (label, initial text, PROMPT_* flags, history or NULL).
 * The callbacks and arg are in the returned prompt, to be set before the
 * next key.
 */
struct prompt *prompt_open(struct pager *, const char *label,
	    const char *init, int flags, struct history *);
void	prompt_remember(struct history *, const char *);

/* --- The search (find.c) ----------------------------------------------- */

struct find {
	struct search	*s;		/* NULL: no search */
	struct scursor	*c;		/* its matches */
	char		 pattern[512];
	int		 regex;
	int		 dir;		/* 1 forward (/), -1 backward (?) */
	int		 hidden;	/* Esc, \: matches not drawn, n still goes */
	int		 have;		/* there is a current match */
	struct match	 cur;		/* it: source bytes and model range */
	struct doc	*cur_doc;	/* ... in this document (main or tail) */
	long		 index;		/* its number, from 1; 0 unknown */
	int		 fullwidth;	/* source has ＡＩ-like forms; -1 unknown */
	size_t		 fw_at;		/* ... looked for up to here */
};

/* A link's text as drawn, to be marked with OSC 8 after refresh. */
struct link_run {
	int		 y, x;
	char		*text;
	unsigned	 link;		/* from 1 */
	attr_t		 attr;
};

/* The selection (select.c). */
struct sel {
	int		active;
	int		done;		/* a, H or y act on it */
	struct pos	from;		/* in view_doc()'s blocks */
	struct pos	cur;
};

/* A jump list: places left by jumps, for Ctrl-O and ` (pager.c). */
#define JUMPS_MAX	64
struct jumps {
	uint64_t	 at[JUMPS_MAX];	/* source offsets of the top line */
	int		 n;
};

/* The last thing that changed stored data, which u undoes (annot.c). */
struct undo {
	char		 id[40];	/* the note added, or "" */
	char		 what[64];	/* "highlight", "note", "bookmark" */
};

/*
 * A document being read: a file of the command line, standard input, or
 * the help.  The pager shows one at a time (pager.r).
 */
struct reading {
	struct doc		*d;
	struct view		*v;
	char			*path;	/* the file, for R; NULL: stdin, help */
	char			*name;	/* shown when there is no title */
	char			*title;
	double			 rate;	/* source bytes read a minute */
	struct find		 find;
	struct notes		 notes;
	struct note		 draft;	/* a note left unfinished last time */
	struct sel		 sel;
	struct sha256		 hash;	/* of the text, made while idle */
	size_t			 hashed;
	int			 hashing;
	int			 placed; /* at the saved place before the store opened */
	int			 started; /* its notes are open */
	int			 builtin; /* the help: no notes, no place kept */
	int			 reflow_off; /* S: lines as in the file */
	int			 show_glosses; /* o: glosses, ruby, notes shown */
	const char		*encoding; /* what the file was decoded from */
	struct jumps		 jumps;
	struct undo		 undo;
	time_t			 mtime;	/* the file's, to see it change */
	int			 script; /* shown in this script (convert.h) */
};

/* What the status line shows, made by the loop (draw.c only draws it). */
struct status {
	char	*msg;		/* a message, or NULL */
	char	*title;
	char	*section;	/* the section being read */
	char	*file;		/* the file's name */
	char	 match[32];	/* "[3/12]": the search's count */
	char	 pos[16];	/* "42%" or "END" */
	char	 left[32];	/* "12 min left" */
	char	 script[32];	/* "简体": the script shown, if converted */
	char	 files[32];	/* "(2/3)" with several files */
	char	 count[32];	/* a count being typed */
};

struct pager {
	struct reading		*r;	/* the document shown */
	struct reading		**files; /* the files of the command line */
	size_t			 nfiles;
	size_t			 file;	/* the one shown (or left for the help) */
	const struct options	*o;
	int			 cols;	/* the terminal */
	int			 rows;
	int			 width;	/* the text column */
	int			 margin; /* columns left of it */
	int			 want_width; /* + and -: 0 for the default */
	long			 count;	/* a number typed before a key, or -1 */
	int			 interrupted; /* Ctrl-C once at the reader */
	const struct cmd	*last;	/* the command of the key before */
	char			 msg[256]; /* a message for the status line */
	int			 colour;
	int			 mouse;		/* the wheel scrolls (M) */
	int			 hyperlinks;	/* the terminal takes OSC 8 */
	struct link_run		*runs;	/* links drawn on this screen */
	size_t			 nruns;
	size_t			 runcap;
	struct mode		 modes[MODES_MAX];
	int			 nmodes;
	struct history		 searches; /* kept between runs */
	struct convert		*conv[SCRIPT_COUNT]; /* opened when asked for */
	int			 conv_failed; /* one failed to open while idle */
	struct reading		**back;	/* pages left for a link (B) */
	size_t			 nback;
	int			 quit;
};

struct cmd;

/* term.c */
/* Checks TERM; returns 0 or -1 with a message printed. */
int	term_check(void);
/* Is colour wanted: --color, and NO_COLOR unless --color=always? */
int	term_wants_colour(const struct options *);
/*
 * Takes the terminal (keys from /dev/tty when stdin is not one), in
 * colour if wanted and the terminal has colours.
 */
int	term_start(int colour);
void	term_stop(void);
/* Signal flags: set by handlers, read and cleared by the loop. */
int	term_quit_requested(void);
/* Ctrl-C since the last call (a key for the loop, a fetch's cancel). */
int	term_take_interrupt(void);
/* Catches Ctrl-C as a flag (on) or lets it kill again, before the reader. */
void	term_catch_interrupt(int on);
/* The terminal went away (its pty closed): quit as on a hang-up. */
int	term_gone(void);
int	term_take_suspend(void);
void	term_suspend(void);
/* Mouse reports on (the wheel scrolls) or off; -1 if there is no mouse. */
int	term_mouse(int on);
/* The rest of a report after its introducer: the wheel (1, -1) or 0. */
int	term_mouse_read(int intro);
/* Are colours on (term_start)? */
int	term_colour(void);
int	term_has_hyperlinks(void);

/* cmd.c */
#define CMD_JUMP	0x01	/* moves far: the place left is remembered */
#define CMD_COUNTED	0x02	/* shown with N before its keys (N%) */

struct cmd {
	const char	*name;		/* the action's name (bind KEY NAME) */
	const char	*keys;		/* its default keys, by name (keys.h) */
	const char	*help;		/* {name}: the key of command name */
	int		(*fn)(struct pager *, long count);
	int		 flags;		/* CMD_* */
	const char	*group;		/* a heading of the help */
};
extern const struct cmd cmd_table[];
/* The keys in force: the table's, less's (--keys=less), the config's. */
void	cmd_keys_init(const struct options *);
void	cmd_keys_free(void);
/* The row of the command named, or -1. */
int	cmd_index(const char *name);
/* A key as keys.h numbers it, or -1 (a function key folio has no name for). */
int	cmd_key_id(const struct key *);
/* The command bound to a key, or NULL. */
const struct cmd *cmd_find(const struct key *);
/* Is the key bound to the command named? */
int	cmd_is(const struct key *, const char *name);
/* The keys bound to a command, as shown ("j, Down, Enter"); "" if none. */
void	cmd_keys_of(const struct cmd *, char *, size_t);
/* The first key bound to the command named, for messages ("R"). */
const char *cmd_key_for(const char *name);
/* A command's help with other commands' keys written in; allocated. */
char	*cmd_help_text(const struct cmd *);
/* Prints the keys in force: by group, or as man(7) .TP entries. */
void	cmd_print_keys(FILE *, int man);

/* draw.c */
/* The marks laid over each line on screen (made by the loop). */
struct screen_marks {
	struct marks	*v;		/* one per line of view_lines */
	size_t		 n;
};
/* Each element's colours or attributes (colour.h), once colour is known. */
void	draw_init(struct pager *);
/* An element's attribute (CE_*). */
attr_t	draw_elem(int);
void	draw_screen(struct pager *, const struct screen_marks *,
	    const struct status *);
/* Only the status line. */
void	draw_status(struct pager *, const struct status *);
/* After refresh: the links on screen as OSC 8 hyperlinks. */
void	draw_hyperlinks(struct pager *);
/* Copies the part of s (n bytes) that fits in cols columns; allocated. */
char	*draw_fit(const char *, size_t, int cols, int *used);
/* The same, cutting the middle (a message: its end often says why). */
char	*draw_fit_middle(const char *, int cols);
/*
 * The breadcrumb of the section containing block b of d; allocated.
 * written: its headings as the document writes them, not in the script
 * shown (what a note keeps).
 */
char	*draw_breadcrumb(struct doc *, size_t b, int written);

/* list.c */
/* The table of contents; returns a reaction. */
int	list_toc(struct pager *);
/* ' (bookmarks) and A (notes and highlights). */
int	list_notes(struct pager *, int bookmarks);
/* L: a document's links: Enter opens one, y copies its URL. */
int	list_links(struct pager *);
/*
 * O: the documents read before, the bundled guide first; Enter opens one.
 * first: the list folio starts with (no file given), which quits when
 * closed and opens a document in the guide's place.
 */
int	list_history(struct pager *, int first);

/* help.c */
/* h: the help, as a document read like any other; h or q closes it. */
int	help_open(struct pager *);
int	help_close(struct pager *);
/* Is the help shown? */
int	help_shown(const struct pager *);

/* find.c */
/* / and ?: reads a pattern, searching as it is typed. */
int	find_prompt(struct pager *, int dir);
/* n and N: the next match in the search's direction (dir 1) or against. */
int	find_next(struct pager *, int dir);
/* Esc, \: the matches are not drawn; n and N still go on. */
int	find_hide(struct pager *);
/* Counts some more matches; returns 1 while counting is not done. */
int	find_count_step(struct pager *);
/* True while the matches are being counted. */
int	find_counting(struct pager *);
/* "k/N" for the status line, or "" without a search. */
void	find_status(struct pager *, char *, size_t);
/* The marks of the search (matches, the current one) over a block. */
void	find_marks(struct pager *, struct doc *, size_t block, struct marks *);
void	find_free(struct reading *);
/* After R: the same search on the reloaded document. */
void	find_reload(struct pager *);
/* The document is shown in another script: the match where it now is. */
void	find_script(struct pager *);
/* Search flags for the document (learns whether it has full-width forms). */
int	find_flags(struct pager *, int regex);
/* Looks for full-width forms a little further (while idle). */
void	find_fullwidth_step(struct pager *);
/* The current match in the shown document; 0 if there is one. */
int	find_current(struct pager *, struct pos *from, struct pos *to);
/* Is the current match on the screen? */
int	find_visible(struct pager *);
/* Is model range [from, to) of the shown document on the screen? */
int	find_on_screen(struct pager *, struct pos from, struct pos to);
/* The search history: loaded at the start, saved at the end. */
void	find_history_load(struct pager *);
void	find_history_save(struct pager *);

/* annot.c */
/* Goes to the saved place before the first screen, if a quick look finds it. */
void	annot_place(struct pager *);
void	annot_start(struct pager *);
void	annot_stop(struct pager *);
int	annot_poll(struct pager *);
/* Hashes some more of a large document; 1 while there is more to do. */
int	annot_idle(struct pager *);
/* Finishes the hashing (and so loads the notes) now. */
void	annot_ready(struct pager *);
int	annot_bookmark(struct pager *);
/* a (NOTE_NOTE) and H (NOTE_HIGHLIGHT) on the match or top paragraph. */
int	annot_note(struct pager *, int kind);
/* Edits a note's text (from the list): a prompt, or $EDITOR. */
int	annot_edit(struct pager *, struct note *, int editor,
	    void (*after)(struct pager *, void *), void *arg);
/* Gives a note a text (taken over), saying what happened; 0 if saved. */
int	annot_set_text(struct pager *, struct note *, char *text,
	    const char *said);
int	annot_copy(struct pager *);
void	annot_copy_text(struct pager *, const char *, size_t);
/* The highlights over block b of document d, as marks. */
void	annot_marks(struct pager *, struct doc *, size_t b, struct marks *);
/* After R: the notes re-attached to the reloaded text, as at a restart. */
void	annot_reload(struct pager *);
/* u right after a note was made: takes it back; -1 if nothing to undo. */
int	annot_undo(struct pager *);
/* Saves where reading r is (before another document is shown). */
void	annot_save_place(struct pager *, struct reading *);
/* Runs $VISUAL or $EDITOR on text: the result, or NULL with *why. */
char	*annot_editor(const char *text, const char **why);

/* select.c */
int	sel_run(struct pager *);
/* The selection's marks over block b of the shown document. */
void	sel_marks(struct pager *, size_t block, struct marks *);
/* The selection as a model range of the shown document; 0 if there is one. */
int	sel_range(struct pager *, struct pos *from, struct pos *to);
int	sel_at_break(const struct clusters *, uint32_t off);

/* reading.c */
/* A reading of a document already open (taken over); path NULL: stdin. */
struct reading *reading_new(struct pager *, struct doc *, const char *path,
	    const char *name);
/* Opens the file (or returns NULL with *cause set). */
struct reading *reading_open(struct pager *, const char *path, char **cause);
/* Shows reading r (its notes opened on its first showing). */
void	reading_show(struct pager *, struct reading *);
/* Closes a reading: its place saved, its notes closed. */
void	reading_close(struct pager *, struct reading *);
void	reading_free(struct reading *);
/* :n, :p, :e FILE. */
int	reading_next(struct pager *, int dir);
int	reading_edit(struct pager *, const char *path);
/* Opens a file in place of the one shown, which was never read (the guide). */
int	reading_instead(struct pager *, const char *path);
/* Puts document d in place of the current one, at source byte off. */
void	reading_replace(struct pager *, struct doc *, uint64_t off);

/* pager.c */
/* Recomputes the text column for the terminal size; relays out. */
void	pager_layout(struct pager *);
/* A message for the status line (formatted like printf). */
void	pager_message(struct pager *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* R: reopens the file at the same place; returns a reaction. */
int	pager_reload(struct pager *);
/* S and o: the document again with reflow off or glosses shown. */
int	pager_reopen(struct pager *, int reflow_off, int show_glosses);

/* web.c */
/*
 * Opens a file or fetches a URL (a progress line on the status line, or
 * on stderr when p is NULL; Ctrl-C cancels).  NULL with *cause set.
 */
struct doc *web_open(struct pager *, const char *target,
	    const struct doc_opts *, const struct options *, char **cause);
void	web_init(struct pager *);
void	web_free(struct pager *);
/* The first screen's message (reader mode's share of the page). */
void	web_started(struct pager *);
/* Opens a link (a URL, or a file relative to the document). */
int	web_follow(struct pager *, const char *link);
/* B: back to the page a link was followed from. */
int	web_back(struct pager *);
/* w: the whole page or the article. */
int	web_toggle_reader(struct pager *);
/* Layout options for a new view of the pager's document. */
const struct layout_opts *view_opts_default(struct pager *);
/* Remembers the place before a jump (section, search, %, a list...). */
void	pager_jump_from(struct pager *);
void	pager_jump_from_place(struct pager *, uint64_t);
/* The top line's first character as a source byte, and back to it. */
uint64_t pager_place(struct pager *);
void	pager_goto_place(struct pager *, uint64_t);
/* Ctrl-O, `: back to the place the last jump left. */
int	pager_jump_back(struct pager *);
/* M: the mouse wheel on or off. */
int	pager_mouse_toggle(struct pager *);
/* + and -: a wider or narrower text column. */
int	pager_width(struct pager *, int by);
/* :: a command line (n, p, e FILE, q). */
int	pager_colon(struct pager *);
/* web.c */
/*
 * Opens a file or fetches a URL (a progress line on the status line, or
 * on stderr when p is NULL; Ctrl-C cancels).  NULL with *cause set.
 */
struct doc *web_open(struct pager *, const char *target,
	    const struct doc_opts *, const struct options *, char **cause);
/* The message a web page opens with (reader mode's share of the page). */
void	web_say_article(struct pager *);
/* Opens a link (a URL, or a file relative to the document). */
int	web_follow(struct pager *, const char *link);
/* B: back to the page a link was followed from, at its place. */
int	web_back(struct pager *);
/* w: the whole page or the article. */
int	web_toggle_reader(struct pager *);
/* Frees the pages kept to go back to. */
void	web_free(struct pager *);

/* Shows the document in script s (convert.h); 0, or -1 with a message. */
int	pager_script(struct pager *, int s);
/* The script the c key shows next. */
int	pager_next_script(const struct pager *);

#endif
