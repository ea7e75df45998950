/*
 * ui.h: the reader's state and the modules of the full-screen program.
 *
 *   term.c   the terminal: checks, start and stop, signal flags
 *   cmd.c    the command table (name, keys, help, function) and dispatch
 *   draw.c   the text column and the status line
 *   list.c   full-screen lists: the table of contents and the help
 *   pager.c  the main loop
 *
 * Commands never draw: they change the state and return a reaction
 * (UI_REDRAW, UI_QUIT); the loop draws once per key.
 */
#ifndef FOLIO_UI_H
#define FOLIO_UI_H

#include <stddef.h>

#include <curses.h>

#include "convert.h"
#include "doc.h"
#include "options.h"
#include "notes.h"
#include "scursor.h"
#include "search.h"
#include "sha256.h"
#include "view.h"

#define UI_NONE		0x00
#define UI_REDRAW	0x01	/* the screen must be drawn again */
#define UI_QUIT		0x02
#define UI_CLEAR	0x04	/* repaint everything (Ctrl-L, resume) */

#define UI_MEASURE	80	/* the default text width: a reading measure */
#define UI_MIN_COLS	8	/* below this the terminal is too small */
#define UI_MIN_ROWS	2

#define HISTORY_MAX	32

struct history {
	char	*v[HISTORY_MAX];
	int	 n;
};

/* A line being typed on the status line (prompt.c). */
struct prompt {
	const char	*label;		/* "/" or "?" */
	char		 buf[512];
	size_t		 len;
	size_t		 cur;		/* byte offset of the cursor */
	int		 regex;		/* Ctrl-R */
	char		 error[128];	/* shown after the text */
	int		 editor;	/* Ctrl-E returns 2: edit in $EDITOR */
	struct history	*history;
	int		 hpos;
};

/* The search in the reader (find.c). */
struct find {
	struct search	*s;		/* NULL: no search */
	struct scursor	*c;		/* its matches */
	char		 pattern[512];
	int		 regex;
	int		 dir;		/* 1 forward (/), -1 backward (?) */
	int		 have;		/* there is a current match */
	struct match	 cur;		/* it: source bytes and model range */
	struct doc	*cur_doc;	/* ... in this document (main or tail) */
	long		 index;		/* its number, from 1; 0 unknown */
	int		 fullwidth;	/* source has ＡＩ-like forms; -1 unknown */
	size_t		 fw_at;		/* ... looked for up to here */
	struct history	 history;
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

struct pager {
	struct doc		*d;
	struct view		*v;
	const struct options	*o;
	const char		*path;	/* the file, for R; NULL: stdin */
	const char		*name;	/* shown when there is no title */
	char			*title;
	int			 cols;	/* the terminal */
	int			 rows;
	int			 width;	/* the text column */
	int			 margin; /* columns left of it */
	long			 count;	/* a number typed before a key, or -1 */
	char			 msg[256]; /* a message for the status line */
	double			 rate;	/* source bytes read a minute */
	int			 colour;
	struct find		 find;
	struct notes		 notes;
	struct note		 draft;	/* a note left unfinished last time */
	struct sel		 sel;
	int			 hyperlinks;	/* the terminal takes OSC 8 */
	struct link_run		*runs;	/* links drawn on this screen */
	size_t			 nruns;
	size_t			 runcap;
	struct sha256		 hash;	/* of the text, made while idle */
	size_t			 hashed;
	int			 hashing;
	int			 placed; /* at the saved place before the store opened */
	int			 reflow_off; /* S: lines as in the file */
	int			 show_glosses; /* o: glosses, ruby, notes shown */
	const char		*encoding; /* what the file was decoded from */
	int			 script; /* shown in this script (convert.h) */
	struct convert		*conv[SCRIPT_COUNT]; /* opened when asked */
	struct convert		*given;	/* main's (--script), main closes it */
	int			 conv_failed; /* one failed to open while idle */
	struct web		*web;	/* pages to go back to (web.c) */
};

/* term.c */
/* Checks TERM; returns 0 or -1 with a message printed. */
int	term_check(void);
/* Takes the terminal (keys from /dev/tty when stdin is not one). */
int	term_start(void);
void	term_stop(void);
/* Signal flags: set by handlers, read and cleared by the loop. */
int	term_quit_requested(void);
/* Ctrl-C since the last call (a fetch takes it to cancel); clears it. */
int	term_take_interrupt(void);
/* Catches Ctrl-C as a flag (on) or lets it kill again, before the reader. */
void	term_catch_interrupt(int on);
int	term_take_suspend(void);
void	term_suspend(void);
int	term_has_colour(void);
int	term_has_hyperlinks(void);

/* cmd.c */
struct cmd {
	const char	*name;
	const char	*keys;		/* as shown in the help and the man page */
	int		 key[8];	/* key codes (0 ends) */
	const char	*help;
	int		(*fn)(struct pager *, long count);
};
extern const struct cmd cmd_table[];
/* Runs the command bound to a key; returns a reaction. */
int	cmd_key(struct pager *, int key, int function_key);
/* Prints the key table: plain text, or man(7) .TP entries. */
void	cmd_print_keys(FILE *, int man);

/* draw.c */
void	draw_screen(struct pager *);
/* After refresh: the links on screen as OSC 8 hyperlinks. */
void	draw_hyperlinks(struct pager *);
/* Copies the part of s (n bytes) that fits in cols columns; allocated. */
char	*draw_fit(const char *, size_t, int cols, int *used);
/*
 * The breadcrumb of the section containing block b; allocated.  written:
 * its headings as the document writes them, not in the script shown (what
 * a note keeps).
 */
char	*draw_breadcrumb(struct pager *, size_t b, int written);

/* list.c */
/* The table of contents; returns a reaction. */
int	list_toc(struct pager *);
int	list_help(struct pager *);

/* prompt.c */
/*
 * Runs the prompt; changed(p, pr, arg) is called after every edit.
 * Returns 1 when accepted (Enter), -1 when cancelled (Esc), -2 when folio
 * must quit, 2 for Ctrl-E when the prompt allows $EDITOR.
 */
int	prompt_run(struct pager *, struct prompt *,
	    void (*changed)(struct pager *, struct prompt *, void *), void *arg);
void	prompt_draw(struct pager *, const struct prompt *);
void	prompt_remember(struct history *, const char *);

/* find.c */
/* / and ?: reads a pattern, searching as it is typed. */
int	find_prompt(struct pager *, int dir);
/* n and N: the next match in the search's direction (dir 1) or against. */
int	find_next(struct pager *, int dir);
int	find_clear(struct pager *);
/* Counts some more matches; returns 1 while counting is not done. */
int	find_count_step(struct pager *);
/* True while the matches are being counted. */
int	find_counting(struct pager *);
/* "k/N" for the status line, or "" without a search. */
void	find_status(struct pager *, char *, size_t);
/* The marks of the search (matches, the current one) over a block. */
void	find_marks(struct pager *, struct doc *, size_t block, struct marks *);
void	find_free(struct pager *);
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
int	annot_edit(struct pager *, struct note *, int editor);
/* Gives a note a text (taken over), saying what happened; 0 if saved. */
int	annot_set_text(struct pager *, struct note *, char *text,
	    const char *said);
int	annot_copy(struct pager *);
void	annot_copy_text(struct pager *, const char *, size_t);
/* The highlights over block b of document d, as marks. */
void	annot_marks(struct pager *, struct doc *, size_t b, struct marks *);
/* After R: the notes re-attached to the reloaded text, as at a restart. */
void	annot_reload(struct pager *);

/* select.c */
int	sel_run(struct pager *);
/* The selection's marks over block b of the shown document. */
void	sel_marks(struct pager *, size_t block, struct marks *);
/* The selection as a model range of the shown document; 0 if there is one. */
int	sel_range(struct pager *, struct pos *from, struct pos *to);
int	sel_at_break(const struct clusters *, uint32_t off);

/* list.c: ' (bookmarks) and A (notes and highlights). */
int	list_notes(struct pager *, int bookmarks);
/* L: a document's links: Enter opens one, y copies its URL. */
int	list_links(struct pager *);

/* pager.c */
/* Recomputes the text column for the terminal size; relays out. */
void	pager_layout(struct pager *);
void	pager_message(struct pager *, const char *);
/* R: reopens the file or fetches the page again, at the same place. */
int	pager_reload(struct pager *);
/*
 * Reads the same text again with reflow on or off (S) and glosses, ruby
 * and notes shown or hidden (o), keeping the place.
 */
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
/* Shows the document in script s (convert.h); 0, or -1 with a message. */
int	pager_script(struct pager *, int s);
/* The script the c key shows next. */
int	pager_next_script(const struct pager *);

#endif
