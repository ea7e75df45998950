/* test_colour.c: colour settings, themes, the nearest colour a terminal has. */
#include "unit.h"

#include "colour.h"

static void
parses(const char *s, int fg, int bg, int attrs)
{
	struct colour	 c;
	char		*why = NULL;

	if (colour_parse(s, &c, &why) != 0)
		fail_msg("'%s': %s", s, why);
	if (c.fg != fg || c.bg != bg || c.attrs != attrs)
		fail_msg("'%s': fg %d bg %d attrs %d", s, c.fg, c.bg, c.attrs);
}

static void
test_parse(void **state)
{
	parses("red", 1, -1, 0);
	parses("bold blue", 4, -1, COLOUR_BOLD);
	parses("bold black on yellow", 0, 3, COLOUR_BOLD);
	parses("black,on,yellow", 0, 3, 0);
	parses("on blue", -1, 4, 0);
	parses("underline 75", 75, -1, COLOUR_UNDERLINE);
	parses("colour214 on color238", 214, 238, 0);
	parses("bright-red", 9, -1, 0);
	parses("BrightWhite on default", 15, -1, 0);
	parses("reverse", -1, -1, COLOUR_REVERSE);
	parses("bold italic underline dim blink reverse", -1, -1,
	    COLOUR_BOLD | COLOUR_ITALIC | COLOUR_UNDERLINE | COLOUR_DIM |
	    COLOUR_BLINK | COLOUR_REVERSE);
	parses("default", -1, -1, 0);
	parses("normal", -1, -1, 0);
	parses("#ff0000", 196, -1, 0);		/* the palette's pure red */
	parses("#ffaf00 on #303030", 214, 236, 0);
	parses("#87afd7", 110, -1, 0);
}

static void
test_parse_errors(void **state)
{
	static const char *const bad[] = {
		"", "   ", "purple", "red blue", "on", "red on", "on red on blue",
		"256", "-1", "#ff00", "#gggggg", "on bold", "red on blue green",
		"colour", "1e3",
	};
	struct colour	 c;
	char		*why;
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		why = NULL;
		if (colour_parse(bad[i], &c, &why) == 0)
			fail_msg("'%s' should not parse", bad[i]);
		assert_non_null(why);
		free(why);
	}
}

/* On 8 colours a hue keeps its name; on 16, the nearest of 16. */
static void
test_fit(void **state)
{
	assert_int_equal(colour_fit(-1, 8), -1);
	assert_int_equal(colour_fit(3, 8), 3);
	assert_int_equal(colour_fit(75, 256), 75);
	assert_int_equal(colour_fit(9, 8), 1);		/* bright red: red */
	assert_int_equal(colour_fit(196, 8), 1);	/* pure red */
	assert_int_equal(colour_fit(75, 8), 4);		/* light blue: blue */
	assert_int_equal(colour_fit(116, 8), 6);	/* light cyan: cyan */
	assert_int_equal(colour_fit(25, 8), 4);		/* dark blue: blue */
	assert_int_equal(colour_fit(229, 8), 3);	/* pale yellow: yellow */
	assert_int_equal(colour_fit(238, 8), 0);	/* dark grey: black */
	assert_int_equal(colour_fit(252, 8), 7);	/* light grey: white */
	assert_int_equal(colour_fit(28, 8), 2);		/* green */
	assert_int_equal(colour_fit(90, 8), 5);		/* dark magenta */
	assert_int_equal(colour_fit(196, 16), 9);	/* bright red */
	assert_int_equal(colour_fit(16, 16), 0);	/* black */
}

/*
 * Every element has a colour in both themes and on both kinds of
 * terminal; on 8 colours they are the 8; the themes differ.
 */
static void
test_themes(void **state)
{
	struct colour	d, l, d8;
	int		e, differ = 0;

	for (e = 0; e < CE_COUNT; e++) {
		colour_default(THEME_DARK, e, 256, &d);
		colour_default(THEME_LIGHT, e, 256, &l);
		colour_default(THEME_DARK, e, 8, &d8);
		assert_true(d8.fg < 8 && d8.bg < 8);
		colour_default(THEME_LIGHT, e, 8, &l);
		assert_true(l.fg < 8 && l.bg < 8);
		colour_default(THEME_LIGHT, e, 256, &l);
		differ += d.fg != l.fg || d.bg != l.bg;
		assert_non_null(colour_elem_names[e]);
		assert_int_equal(colour_elem(colour_elem_names[e]), e);
	}
	assert_true(differ >= 6);
	colour_default(THEME_DARK, CE_HIGHLIGHT, 256, &d);
	assert_int_equal(d.bg, 3);		/* highlights are yellow */
	assert_int_equal(colour_elem("nonesuch"), -1);
	/* Without colour, matches and highlights are still set apart. */
	assert_true(colour_mono(CE_MATCH) & COLOUR_REVERSE);
	assert_true(colour_mono(CE_CURRENT) != colour_mono(CE_MATCH));
	assert_true(colour_mono(CE_HIGHLIGHT) & COLOUR_UNDERLINE);
	assert_true(colour_mono(CE_STATUS) & COLOUR_REVERSE);
}

static void
test_theme_auto(void **state)
{
	assert_int_equal(colour_theme_parse("light"), THEME_LIGHT);
	assert_int_equal(colour_theme_parse("Light"), -1);
	assert_int_equal(colour_theme_resolve(THEME_LIGHT, "15;0"),
	    THEME_LIGHT);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, NULL), THEME_DARK);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, "15;0"), THEME_DARK);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, "0;15"), THEME_LIGHT);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, "0;default;15"),
	    THEME_LIGHT);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, "0;7"), THEME_LIGHT);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, "7;8"), THEME_DARK);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, "15;default"),
	    THEME_DARK);
	assert_int_equal(colour_theme_resolve(THEME_AUTO, "junk"), THEME_DARK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_themes),
		cmocka_unit_test(test_theme_auto),
	};

	return UNIT_RUN(tests);
}
