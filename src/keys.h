/*
 * keys.h: keys by name, and the key map that binds them to the reader's
 * actions.
 *
 * A key is an int: a character is its code point (control characters
 * included: Ctrl-N is 14, Enter 13, Tab 9, Esc 27), a key without a
 * character is KEYS_NAMED + n (the arrows, PgUp, F1...).  Keys that
 * terminals send for the same thing are one key: Ctrl-J is Enter, Ctrl-H
 * and DEL are Backspace.
 *
 * Names are what people write in a configuration file and read in the
 * help: "j", "Ctrl-N" (also "C-n", "^N", "ctrl+n"), "Enter", "Esc",
 * "Space", "Tab", "Backspace", "Up", "PgDn", "Home", "F1".  keys_name
 * gives the one way folio shows a key.
 *
 * The key map holds bindings in the order they were made (the default
 * ones first), which is the order the help shows a command's keys in.
 * Actions are small numbers given by the caller (the reader's command
 * table); the map does not know their names.
 */
#ifndef FOLIO_KEYS_H
#define FOLIO_KEYS_H

#include <stddef.h>

#define KEYS_NAMED	0x200000	/* above every code point */

enum {
	KEYS_UP = KEYS_NAMED,
	KEYS_DOWN,
	KEYS_LEFT,
	KEYS_RIGHT,
	KEYS_HOME,
	KEYS_END,
	KEYS_PGUP,
	KEYS_PGDN,
	KEYS_INSERT,
	KEYS_DELETE,
	KEYS_BACKSPACE,
	KEYS_BTAB,		/* Shift-Tab */
	KEYS_F0,		/* F1 is KEYS_F0 + 1 ... F24 */
	KEYS_LAST = KEYS_F0 + 24
};

#define KEYS_ENTER	'\r'
#define KEYS_TAB	'\t'
#define KEYS_ESC	27

/* The one key for what a terminal may send several ways (Ctrl-J: Enter). */
int	keys_normal(int key);
/* The key a name names, or -1. */
int	keys_parse(const char *name);
/* The key's name as folio shows it ("Ctrl-N", "PgDn", "j"). */
void	keys_name(int key, char *out, size_t size);

struct keymap_entry {
	int	key;
	int	action;
};

struct keymap {
	struct keymap_entry	*v;
	size_t			 n;
	size_t			 cap;
};

void	keymap_init(struct keymap *);
void	keymap_free(struct keymap *);
/* Binds key to action (a key bound before is bound anew, last in order). */
void	keymap_bind(struct keymap *, int key, int action);
/* Unbinds key; 0, or -1 if it was not bound. */
int	keymap_unbind(struct keymap *, int key);
/* The action bound to key, or -1. */
int	keymap_action(const struct keymap *, int key);
/* The keys bound to action, in order, at most max of them; their number. */
size_t	keymap_keys(const struct keymap *, int action, int *keys, size_t max);

/*
 * less's meanings for the keys where folio's differ (folio --keys=less,
 * keys=less in the configuration): pairs of a key's name and an action's
 * name, as on a "bind" line, ending with NULLs.
 */
extern const char *const keys_less[][2];

/*
 * A mouse report after its introducer: SGR 1006 ("\e[<" then
 * "Pb;Px;PyM" or "...m") or X10 ("\e[M" then three bytes, each 32 more
 * than its value).  The parsers take the bytes that follow the
 * introducer and say how many of them the report used.
 */
struct keys_mouse {
	int	button;		/* 0-2 buttons, 64 wheel up, 65 wheel down */
	int	x, y;		/* from 0; -1 when the terminal could not say */
	int	release;
};
/* A wheel turn: 1 down, -1 up, 0 not the wheel. */
int	keys_wheel(const struct keys_mouse *);
/* 0 with m filled, -1 if bytes do not hold a whole report. */
int	keys_mouse_sgr(const unsigned char *, size_t, size_t *used,
	    struct keys_mouse *);
int	keys_mouse_x10(const unsigned char *, size_t, size_t *used,
	    struct keys_mouse *);

#endif
