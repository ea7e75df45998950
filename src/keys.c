/*
 * keys.c: key names, the key map, less's keys, mouse reports (keys.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "keys.h"
#include "utf8.h"
#include "xmalloc.h"

/* Names of keys, the one folio shows first, then the others it reads. */
static const struct {
	const char	*name;
	int		 key;
} keys_names[] = {
	{ "Space", ' ' },
	{ "Tab", KEYS_TAB },
	{ "Enter", KEYS_ENTER },
	{ "Esc", KEYS_ESC },
	{ "Backspace", KEYS_BACKSPACE },
	{ "Up", KEYS_UP },
	{ "Down", KEYS_DOWN },
	{ "Left", KEYS_LEFT },
	{ "Right", KEYS_RIGHT },
	{ "Home", KEYS_HOME },
	{ "End", KEYS_END },
	{ "PgUp", KEYS_PGUP },
	{ "PgDn", KEYS_PGDN },
	{ "Insert", KEYS_INSERT },
	{ "Delete", KEYS_DELETE },
	{ "Shift-Tab", KEYS_BTAB },
	/* Other spellings: tmux's, vim's, less's, curses'. */
	{ "Return", KEYS_ENTER },
	{ "RET", KEYS_ENTER },
	{ "CR", KEYS_ENTER },
	{ "Escape", KEYS_ESC },
	{ "BSpace", KEYS_BACKSPACE },
	{ "BS", KEYS_BACKSPACE },
	{ "PageUp", KEYS_PGUP },
	{ "PPage", KEYS_PGUP },
	{ "Prior", KEYS_PGUP },
	{ "PageDown", KEYS_PGDN },
	{ "PgDown", KEYS_PGDN },
	{ "NPage", KEYS_PGDN },
	{ "Next", KEYS_PGDN },
	{ "Ins", KEYS_INSERT },
	{ "IC", KEYS_INSERT },
	{ "Del", KEYS_DELETE },
	{ "DC", KEYS_DELETE },
	{ "BTab", KEYS_BTAB },
	{ "S-Tab", KEYS_BTAB },
	{ "Shift+Tab", KEYS_BTAB },
};

int
keys_normal(int key)
{
	if (key == '\n')
		return KEYS_ENTER;
	if (key == 8 || key == 0x7f)
		return KEYS_BACKSPACE;
	return key;
}

/* "Ctrl-X", "C-x", "ctrl+x", "^X": the control character, or -1. */
static int
keys_parse_ctrl(const char *s)
{
	static const char *const prefixes[] = { "ctrl-", "ctrl+", "c-", "^" };
	size_t	i, n;
	int	c;

	for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		n = strlen(prefixes[i]);
		if (strncasecmp(s, prefixes[i], n) == 0 && s[n] != '\0' &&
		    s[n + 1] == '\0')
			break;
	}
	if (i == sizeof prefixes / sizeof *prefixes)
		return -1;
	c = (unsigned char)s[n];
	if (c == '?')
		return 0x7f;	/* ^?: DEL */
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (c < '@' || c > '_')
		return -1;
	return c - '@';
}

int
keys_parse(const char *name)
{
	size_t		i, n = strlen(name);
	uint32_t	cp;
	int		k;

	if (n == 0)
		return -1;
	for (i = 0; i < sizeof keys_names / sizeof *keys_names; i++)
		if (strcasecmp(name, keys_names[i].name) == 0)
			return keys_names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && n >= 2 && n <= 3 &&
	    name[1] >= '1' && name[1] <= '9' && (n == 2 || (name[2] >= '0' &&
	    name[2] <= '9'))) {
		k = atoi(name + 1);
		return k <= 24 ? KEYS_F0 + k : -1;
	}
	if ((k = keys_parse_ctrl(name)) >= 0)
		return keys_normal(k);
	/* One character. */
	k = utf8_decode((const uint8_t *)name, n, &cp);
	if ((size_t)k != n || cp == 0xFFFD || cp < 0x20 || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xA0))
		return -1;
	return (int)cp;
}

void
keys_name(int key, char *out, size_t size)
{
	struct buf	b;
	size_t		i;

	key = keys_normal(key);
	for (i = 0; i < sizeof keys_names / sizeof *keys_names; i++)
		if (keys_names[i].key == key) {
			snprintf(out, size, "%s", keys_names[i].name);
			return;
		}
	if (key > KEYS_F0 && key <= KEYS_LAST)
		snprintf(out, size, "F%d", key - KEYS_F0);
	else if (key >= 0 && key < 0x20)
		snprintf(out, size, "Ctrl-%c", key + '@');
	else if (key >= 0x20 && key < KEYS_NAMED) {
		buf_init(&b);
		buf_add_cp(&b, (uint32_t)key);
		snprintf(out, size, "%s", b.s);
		buf_free(&b);
	} else
		snprintf(out, size, "?");
}

/* --- The key map ------------------------------------------------------------ */

void
keymap_init(struct keymap *m)
{
	memset(m, 0, sizeof *m);
}

void
keymap_free(struct keymap *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

int
keymap_unbind(struct keymap *m, int key)
{
	size_t	i;

	key = keys_normal(key);
	for (i = 0; i < m->n; i++)
		if (m->v[i].key == key) {
			memmove(m->v + i, m->v + i + 1,
			    (m->n - i - 1) * sizeof *m->v);
			m->n--;
			return 0;
		}
	return -1;
}

void
keymap_bind(struct keymap *m, int key, int action)
{
	key = keys_normal(key);
	keymap_unbind(m, key);
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	m->v[m->n].key = key;
	m->v[m->n].action = action;
	m->n++;
}

int
keymap_action(const struct keymap *m, int key)
{
	size_t	i;

	key = keys_normal(key);
	for (i = 0; i < m->n; i++)
		if (m->v[i].key == key)
			return m->v[i].action;
	return -1;
}

size_t
keymap_keys(const struct keymap *m, int action, int *keys, size_t max)
{
	size_t	i, n = 0;

	for (i = 0; i < m->n && n < max; i++)
		if (m->v[i].action == action)
			keys[n++] = m->v[i].key;
	return n;
}

/*
 * less(1)'s keys where folio's differ: e, y and Ctrl-K go down and up a
 * line, z and w a page (Ctrl-V too), p is percent, r and Ctrl-R redraw,
 * H is the help, Ctrl-G says where you are.  What those keys did in folio
 * moves: copying to Y, highlighting to *, the whole page to W.
 */
const char *const keys_less[][2] = {
	{ "e", "down" },
	{ "y", "up" },
	{ "Ctrl-K", "up" },
	{ "z", "page-down" },
	{ "Ctrl-V", "page-down" },
	{ "w", "page-up" },
	{ "p", "percent" },
	{ "r", "redraw" },
	{ "Ctrl-R", "redraw" },
	{ "H", "help" },
	{ "Ctrl-G", "info" },
	{ "Y", "copy" },
	{ "*", "highlight" },
	{ "W", "reader" },
	{ NULL, NULL }
};

/* --- Mouse reports ------------------------------------------------------- */

int
keys_wheel(const struct keys_mouse *m)
{
	int	b = m->button & ~(4 | 8 | 16);	/* Shift, Meta, Ctrl */

	if (m->release)
		return 0;
	return b == 64 ? -1 : b == 65 ? 1 : 0;
}

/* A decimal number of at most 5 digits at s[*i]; -1 if none. */
static long
keys_number(const unsigned char *s, size_t n, size_t *i)
{
	long	v = 0;
	size_t	start = *i;

	while (*i < n && s[*i] >= '0' && s[*i] <= '9' && *i - start < 5)
		v = v * 10 + (s[(*i)++] - '0');
	return *i > start ? v : -1;
}

int
keys_mouse_sgr(const unsigned char *s, size_t n, size_t *used,
    struct keys_mouse *m)
{
	size_t	i = 0;
	long	v[3];
	int	k;

	for (k = 0; k < 3; k++) {
		if ((v[k] = keys_number(s, n, &i)) < 0 || i >= n)
			return -1;
		if (k < 2 && s[i++] != ';')
			return -1;
	}
	if (s[i] != 'M' && s[i] != 'm')
		return -1;
	m->button = (int)v[0];
	m->x = v[1] > 0 ? (int)v[1] - 1 : -1;
	m->y = v[2] > 0 ? (int)v[2] - 1 : -1;
	m->release = s[i] == 'm';
	*used = i + 1;
	return 0;
}

/*
 * X10: three bytes.  Past column 223 a coordinate has no byte: terminals
 * send 0 (xterm), or a character of two UTF-8 bytes (the 1005 encoding,
 * which some send unasked); both are read as one coordinate, unknown.
 */
int
keys_mouse_x10(const unsigned char *s, size_t n, size_t *used,
    struct keys_mouse *m)
{
	size_t	i = 0;
	int	v[3], k;

	for (k = 0; k < 3; k++) {
		if (i >= n)
			return -1;
		if (s[i] >= 0xC2 && s[i] <= 0xDF) {	/* UTF-8, two bytes */
			if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
				return -1;
			v[k] = ((s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F)) - 32;
			i += 2;
		} else
			v[k] = s[i++] - 32;
	}
	m->button = v[0] < 0 ? 0 : v[0];
	m->release = (m->button & 3) == 3 && m->button < 64;
	m->x = v[1] >= 1 ? v[1] - 1 : -1;
	m->y = v[2] >= 1 ? v[2] - 1 : -1;
	*used = i;
	return 0;
}
