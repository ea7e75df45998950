/*
 * colour.c: colour settings, themes, nearest colours (colour.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "colour.h"
#include "xmalloc.h"

const char *const colour_elem_names[] = {
	"text", "title", "heading", "subheading", "code", "link", "marker",
	"match", "current-match", "highlight", "note-mark", "status",
};

/*
 * The themes: 256 colours, then 8.  Highlights stay on yellow in both
 * (the colour people know them by); matches are reversed, as less does,
 * so that a match in a highlight shows both, and the current one is bold.
 */
static const char *const colour_themes[2][CE_COUNT][2] = {
	{	/* dark backgrounds */
		{ "default", "default" },
		{ "176", "magenta" },
		{ "75", "blue" },
		{ "114", "green" },
		{ "116", "cyan" },
		{ "underline 110", "underline" },
		{ "179", "yellow" },
		{ "reverse", "reverse" },
		{ "bold reverse", "bold reverse" },
		{ "black on yellow", "black on yellow" },
		{ "bold 220", "bold yellow" },
		{ "252 on 238", "black on white" },
	},
	{	/* light backgrounds */
		{ "default", "default" },
		{ "90", "magenta" },
		{ "25", "blue" },
		{ "28", "green" },
		{ "130", "red" },
		{ "underline 26", "underline blue" },
		{ "130", "red" },
		{ "reverse", "reverse" },
		{ "bold reverse", "bold reverse" },
		{ "black on yellow", "black on yellow" },
		{ "bold 160", "bold red" },
		{ "238 on 252", "white on blue" },
	},
};

static const int colour_mono_attrs[CE_COUNT] = {
	0, 0, 0, 0, COLOUR_DIM, COLOUR_UNDERLINE, COLOUR_BOLD, COLOUR_REVERSE,
	COLOUR_REVERSE | COLOUR_BOLD, COLOUR_UNDERLINE, COLOUR_BOLD,
	COLOUR_REVERSE,
};

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char	*name;
	int		 attr;
} colour_attrs[] = {
	{ "bold", COLOUR_BOLD }, { "bright", COLOUR_BOLD },
	{ "dim", COLOUR_DIM }, { "italic", COLOUR_ITALIC },
	{ "italics", COLOUR_ITALIC }, { "underline", COLOUR_UNDERLINE },
	{ "underscore", COLOUR_UNDERLINE }, { "reverse", COLOUR_REVERSE },
	{ "blink", COLOUR_BLINK }, { "normal", 0 }, { "none", 0 },
};

int
colour_elem(const char *name)
{
	int	i;

	for (i = 0; i < CE_COUNT; i++)
		if (strcmp(colour_elem_names[i], name) == 0)
			return i;
	if (strcmp(name, "current") == 0)
		return CE_CURRENT;
	if (strcmp(name, "note") == 0 || strcmp(name, "notemark") == 0)
		return CE_NOTE_MARK;
	return -1;
}

void
colour_rgb(int c, int rgb[3])
{
	static const int	base[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 },
		{ 229, 229, 229 }, { 127, 127, 127 }, { 255, 0, 0 },
		{ 0, 255, 0 }, { 255, 255, 0 }, { 92, 92, 255 },
		{ 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	static const int	level[6] = { 0, 95, 135, 175, 215, 255 };
	int			i;

	if (c < 0 || c > 255)
		c = 0;
	if (c < 16) {
		for (i = 0; i < 3; i++)
			rgb[i] = base[c][i];
	} else if (c < 232) {
		c -= 16;
		rgb[0] = level[c / 36];
		rgb[1] = level[c / 6 % 6];
		rgb[2] = level[c % 6];
	} else
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
}

/* Distance between two colours as eyes see it ("redmean"). */
static long
colour_distance(const int a[3], const int b[3])
{
	long	r = (a[0] + b[0]) / 2, dr = a[0] - b[0], dg = a[1] - b[1];
	long	db = a[2] - b[2];

	return ((512 + r) * dr * dr >> 8) + 4 * dg * dg +
	    ((767 - r) * db * db >> 8);
}

/* The nearest of palette colours [from, to) to rgb. */
static int
colour_nearest(const int rgb[3], int from, int to)
{
	long	best = -1, d;
	int	i, c[3], pick = from;

	for (i = from; i < to; i++) {
		colour_rgb(i, c);
		d = colour_distance(rgb, c);
		if (best < 0 || d < best) {
			best = d;
			pick = i;
		}
	}
	return pick;
}

/*
 * Eight colours: which of red, green and blue a colour has (each at 70% of
 * its strongest or more); a dark one is black.  So hues keep their name:
 * orange is red or yellow, pale yellow yellow, grey white.
 */
static int
colour_eight(int c)
{
	int	rgb[3], max, i, out = 0;

	if (c < 8)
		return c;
	if (c < 16)
		return c - 8;
	colour_rgb(c, rgb);
	max = rgb[0] > rgb[1] ? rgb[0] : rgb[1];
	max = rgb[2] > max ? rgb[2] : max;
	if (max < 100)
		return 0;
	for (i = 0; i < 3; i++)
		if (rgb[i] * 10 >= max * 7)
			out |= 1 << i;
	return out;
}

int
colour_fit(int c, int ncolours)
{
	int	rgb[3];

	if (c < 0 || c < ncolours)
		return c;
	if (ncolours < 16)
		return colour_eight(c);
	colour_rgb(c, rgb);
	return colour_nearest(rgb, 0, 16);
}

/* A colour word: 0 with *c, or -1. */
static int
colour_word(const char *w, int *c)
{
	char	*end;
	long	 v;
	int	 i, rgb[3];
	unsigned x;

	if (strcasecmp(w, "default") == 0) {
		*c = COLOUR_DEFAULT;
		return 0;
	}
	for (i = 0; i < 8; i++) {
		if (strcasecmp(w, colour_names[i]) == 0) {
			*c = i;
			return 0;
		}
		if ((strncasecmp(w, "bright-", 7) == 0 &&
		    strcasecmp(w + 7, colour_names[i]) == 0) ||
		    (strncasecmp(w, "bright", 6) == 0 &&
		    strcasecmp(w + 6, colour_names[i]) == 0)) {
			*c = i + 8;
			return 0;
		}
	}
	if (strcasecmp(w, "grey") == 0 || strcasecmp(w, "gray") == 0) {
		*c = 8;
		return 0;
	}
	if (w[0] == '#' && strlen(w) == 7 && strspn(w + 1,
	    "0123456789abcdefABCDEF") == 6) {
		x = (unsigned)strtoul(w + 1, NULL, 16);
		rgb[0] = (int)(x >> 16);
		rgb[1] = (int)(x >> 8 & 0xff);
		rgb[2] = (int)(x & 0xff);
		*c = colour_nearest(rgb, 16, 256);
		return 0;
	}
	if (strncasecmp(w, "colour", 6) == 0)
		w += 6;
	else if (strncasecmp(w, "color", 5) == 0)
		w += 5;
	if (*w < '0' || *w > '9')
		return -1;
	v = strtol(w, &end, 10);
	if (*end != '\0' || v > 255)
		return -1;
	*c = (int)v;
	return 0;
}

int
colour_parse(const char *s, struct colour *out, char **why)
{
	char	 w[32];
	size_t	 n, i;
	int	 on = 0, got_fg = 0, got_bg = 0, c, found;

	out->fg = out->bg = COLOUR_DEFAULT;
	out->attrs = 0;
	out->has_attrs = 0;
	*why = NULL;
	for (;;) {
		s += strspn(s, " \t,");
		if ((n = strcspn(s, " \t,")) == 0)
			break;
		if (n >= sizeof w) {
			*why = xstrdup("a word too long for a colour");
			return -1;
		}
		memcpy(w, s, n);
		w[n] = '\0';
		s += n;
		if (strcasecmp(w, "on") == 0) {
			if (on) {
				*why = xstrdup("\"on\" twice");
				return -1;
			}
			on = 1;
			continue;
		}
		for (found = 0, i = 0; !on && i < sizeof colour_attrs /
		    sizeof *colour_attrs; i++)
			if (strcasecmp(w, colour_attrs[i].name) == 0) {
				out->attrs |= colour_attrs[i].attr;
				out->has_attrs = found = 1;
			}
		if (found)
			continue;
		if (colour_word(w, &c) != 0) {
			*why = xasprintf("'%s' is no colour%s", w, on ? "" :
			    " or attribute");
			return -1;
		}
		if (on ? got_bg : got_fg) {
			*why = xasprintf("two %s colours", on ? "background" :
			    "foreground");
			return -1;
		}
		if (on) {
			out->bg = c;
			got_bg = 1;
		} else {
			out->fg = c;
			got_fg = 1;
		}
	}
	if (on && !got_bg) {
		*why = xstrdup("\"on\" needs a background colour");
		return -1;
	}
	if (!got_fg && !got_bg && !out->has_attrs) {
		*why = xstrdup("no colour and no attribute");
		return -1;
	}
	return 0;
}

int
colour_theme_parse(const char *s)
{
	if (strcmp(s, "auto") == 0)
		return THEME_AUTO;
	if (strcmp(s, "dark") == 0)
		return THEME_DARK;
	if (strcmp(s, "light") == 0)
		return THEME_LIGHT;
	return -1;
}

int
colour_theme_resolve(int theme, const char *colorfgbg)
{
	const char	*bg;
	char		*end;
	long		 v;

	if (theme != THEME_AUTO)
		return theme;
	if (colorfgbg == NULL || (bg = strrchr(colorfgbg, ';')) == NULL)
		return THEME_DARK;
	v = strtol(bg + 1, &end, 10);
	if (end == bg + 1 || *end != '\0')
		return THEME_DARK;
	/* rxvt's numbers: 7 and 9-15 are light backgrounds, 8 is grey. */
	return v == 7 || (v >= 9 && v <= 15) ? THEME_LIGHT : THEME_DARK;
}

void
colour_default(int theme, int elem, int ncolours, struct colour *out)
{
	char	*why = NULL;
	int	 t = theme == THEME_LIGHT ? 1 : 0;

	if (elem < 0 || elem >= CE_COUNT ||
	    colour_parse(colour_themes[t][elem][ncolours >= 256 ? 0 : 1], out,
	    &why) != 0) {
		free(why);
		out->fg = out->bg = COLOUR_DEFAULT;
		out->attrs = out->has_attrs = 0;
	}
}

int
colour_mono(int elem)
{
	return elem >= 0 && elem < CE_COUNT ? colour_mono_attrs[elem] : 0;
}
