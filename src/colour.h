/*
 * colour.h: the reader's colours: what a colour setting says, the themes,
 * and the nearest colour a terminal has.
 *
 * A setting (--color-heading=..., color-match=... in the configuration)
 * is words: attributes (bold, dim, italic, underline, reverse, blink,
 * normal), a foreground colour, and "on" a background colour.  A colour
 * is a name (black, red, green, yellow, blue, magenta, cyan, white, their
 * bright- forms, default: the terminal's own), a number of the 256-colour
 * palette (0-255, also colour123), or #rrggbb (the palette's nearest).
 * "bold black on yellow", "underline 75", "#ffaf00 on default".
 *
 * Every element the reader draws has a colour in each theme (dark for
 * dark backgrounds, light for light ones), one for 256-colour terminals
 * and one for 8-colour ones; a colour a terminal lacks is drawn as the
 * nearest it has.  Without colour (NO_COLOR, --color=never, a terminal
 * without), elements are set apart by attributes alone: reverse for
 * matches and the status line, underline for highlights and links.
 */
#ifndef FOLIO_COLOUR_H
#define FOLIO_COLOUR_H

#define COLOUR_DEFAULT	(-1)	/* the terminal's own colour */

/* Attributes (the reader turns them into curses' A_*). */
#define COLOUR_BOLD		0x01
#define COLOUR_DIM		0x02
#define COLOUR_ITALIC		0x04
#define COLOUR_UNDERLINE	0x08
#define COLOUR_REVERSE		0x10
#define COLOUR_BLINK		0x20

struct colour {
	int	fg;		/* 0-255, or COLOUR_DEFAULT */
	int	bg;
	int	attrs;		/* COLOUR_* */
	int	has_attrs;	/* attributes were given (normal counts) */
};

/* What the reader draws, each with a colour of its own. */
enum colour_elem {
	CE_TEXT,
	CE_TITLE,		/* the document's title */
	CE_HEADING,		/* headings of the first two levels */
	CE_SUBHEADING,		/* deeper ones */
	CE_CODE,		/* preformatted text, `code` */
	CE_LINK,
	CE_MARKER,		/* list markers */
	CE_MATCH,		/* search matches */
	CE_CURRENT,		/* the current match */
	CE_HIGHLIGHT,		/* passages highlighted or noted */
	CE_NOTE_MARK,		/* the * where a note starts */
	CE_STATUS,		/* the status line */
	CE_COUNT
};

enum colour_theme {
	THEME_AUTO,		/* from COLORFGBG, else dark */
	THEME_DARK,
	THEME_LIGHT,
};

/* Element names as settings write them ("current-match"), CE_COUNT long. */
extern const char *const colour_elem_names[];
/* The element named, or -1. */
int	colour_elem(const char *name);
/* Parses a setting; 0, or -1 with *why (allocated). */
int	colour_parse(const char *, struct colour *, char **why);
/* "auto", "dark" or "light": the theme, or -1. */
int	colour_theme_parse(const char *);
/*
 * THEME_AUTO made dark or light by $COLORFGBG's background ("15;0":
 * dark; "0;15", "0;default;15": light); dark if it does not say.
 */
int	colour_theme_resolve(int theme, const char *colorfgbg);
/* An element's colour in a theme (dark or light) for n colours. */
void	colour_default(int theme, int elem, int ncolours, struct colour *);
/* An element's attributes without colour. */
int	colour_mono(int elem);
/* The colour c (0-255) as the nearest one of a terminal's n colours. */
int	colour_fit(int c, int ncolours);
/* Red, green and blue of palette colour c, as xterm shows it. */
void	colour_rgb(int c, int rgb[3]);

#endif
