/* test_keys.c: key names, the key map, mouse reports. */
#include "unit.h"

#include "keys.h"

static const char *
name_of(int key)
{
	static char	s[32];

	keys_name(key, s, sizeof s);
	return s;
}

/* Every spelling people use names the same key, shown one way. */
static void
test_names(void **state)
{
	static const struct {
		const char	*in;
		const char	*shown;
	} cases[] = {
		{ "j", "j" }, { "G", "G" }, { "%", "%" }, { "\\", "\\" },
		{ "#", "#" }, { "é", "é" }, { "。", "。" },
		{ "Ctrl-N", "Ctrl-N" }, { "C-n", "Ctrl-N" }, { "^N", "Ctrl-N" },
		{ "ctrl+n", "Ctrl-N" }, { "CTRL-n", "Ctrl-N" },
		{ "Enter", "Enter" }, { "Return", "Enter" }, { "C-m", "Enter" },
		{ "Ctrl-J", "Enter" }, { "RET", "Enter" },
		{ "Esc", "Esc" }, { "Escape", "Esc" }, { "^[", "Esc" },
		{ "Tab", "Tab" }, { "C-i", "Tab" }, { "Space", "Space" },
		{ "space", "Space" }, { " ", "Space" },
		{ "Backspace", "Backspace" }, { "BSpace", "Backspace" },
		{ "^H", "Backspace" }, { "^?", "Backspace" },
		{ "Up", "Up" }, { "down", "Down" }, { "PgDn", "PgDn" },
		{ "PageDown", "PgDn" }, { "NPage", "PgDn" }, { "PPage", "PgUp" },
		{ "Home", "Home" }, { "End", "End" }, { "Del", "Delete" },
		{ "F1", "F1" }, { "f12", "F12" }, { "F24", "F24" },
		{ "S-Tab", "Shift-Tab" }, { "Ctrl-@", "Ctrl-@" },
		{ "Ctrl-_", "Ctrl-_" },
	};
	size_t	i;
	int	k;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		k = keys_parse(cases[i].in);
		if (k < 0)
			fail_msg("'%s' names no key", cases[i].in);
		if (strcmp(name_of(k), cases[i].shown) != 0)
			fail_msg("'%s' is shown '%s', not '%s'", cases[i].in,
			    name_of(k), cases[i].shown);
		/* What is shown names the same key again. */
		assert_int_equal(keys_parse(name_of(k)), k);
	}
}

static void
test_bad_names(void **state)
{
	static const char *const bad[] = {
		"", "jk", "Ctrl-", "Ctrl-1", "Ctrl-jj", "F0", "F25", "F100",
		"\x01", "\x7f", "\xc3", "\xc2\x85", "Meta-x", "Up2",
	};
	size_t	i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		if (keys_parse(bad[i]) >= 0)
			fail_msg("'%s' should name no key", bad[i]);
}

/* What a terminal sends several ways is one key. */
static void
test_normal(void **state)
{
	assert_int_equal(keys_normal('\n'), KEYS_ENTER);
	assert_int_equal(keys_normal(8), KEYS_BACKSPACE);
	assert_int_equal(keys_normal(0x7f), KEYS_BACKSPACE);
	assert_int_equal(keys_normal('j'), 'j');
	assert_int_equal(keys_normal(KEYS_PGDN), KEYS_PGDN);
}

/* Binding anew moves a key; unbinding frees it; order is kept. */
static void
test_map(void **state)
{
	struct keymap	m;
	int		keys[8];
	size_t		n;

	keymap_init(&m);
	keymap_bind(&m, 'j', 0);
	keymap_bind(&m, KEYS_DOWN, 0);
	keymap_bind(&m, '\r', 0);
	keymap_bind(&m, 'k', 1);
	keymap_bind(&m, 'y', 2);
	assert_int_equal(keymap_action(&m, 'j'), 0);
	assert_int_equal(keymap_action(&m, '\n'), 0);	/* Ctrl-J: Enter */
	assert_int_equal(keymap_action(&m, 'x'), -1);
	keymap_bind(&m, 'y', 1);			/* as less: y goes up */
	assert_int_equal(keymap_action(&m, 'y'), 1);
	n = keymap_keys(&m, 1, keys, 8);
	assert_int_equal(n, 2);
	assert_int_equal(keys[0], 'k');
	assert_int_equal(keys[1], 'y');
	assert_int_equal(keymap_keys(&m, 2, keys, 8), 0);
	assert_int_equal(keymap_unbind(&m, KEYS_DOWN), 0);
	assert_int_equal(keymap_unbind(&m, KEYS_DOWN), -1);
	assert_int_equal(keymap_action(&m, KEYS_DOWN), -1);
	n = keymap_keys(&m, 0, keys, 8);
	assert_int_equal(n, 2);
	assert_int_equal(keys[1], KEYS_ENTER);
	assert_int_equal(keymap_keys(&m, 0, keys, 1), 1);
	keymap_free(&m);
}

/* The less preset names keys that exist, each once. */
static void
test_less_preset(void **state)
{
	size_t	i, j;

	for (i = 0; keys_less[i][0] != NULL; i++) {
		assert_true(keys_parse(keys_less[i][0]) >= 0);
		assert_non_null(keys_less[i][1]);
		for (j = 0; j < i; j++)
			assert_int_not_equal(keys_parse(keys_less[i][0]),
			    keys_parse(keys_less[j][0]));
	}
	assert_true(i >= 10);
}

static int
sgr(const char *s, struct keys_mouse *m, size_t *used)
{
	return keys_mouse_sgr((const unsigned char *)s, strlen(s), used, m);
}

/* SGR 1006: any column, the wheel, releases. */
static void
test_mouse_sgr(void **state)
{
	struct keys_mouse	m;
	size_t			used;

	assert_int_equal(sgr("65;10;5M", &m, &used), 0);
	assert_int_equal(used, 8);
	assert_int_equal(keys_wheel(&m), 1);
	assert_int_equal(m.x, 9);
	assert_int_equal(m.y, 4);
	assert_int_equal(sgr("64;300;5Mj", &m, &used), 0);
	assert_int_equal(used, 9);			/* j is a key after it */
	assert_int_equal(keys_wheel(&m), -1);
	assert_int_equal(m.x, 299);
	assert_int_equal(sgr("80;3;3M", &m, &used), 0);	/* Ctrl-wheel up */
	assert_int_equal(keys_wheel(&m), -1);
	assert_int_equal(sgr("0;3;3M", &m, &used), 0);	/* a click */
	assert_int_equal(keys_wheel(&m), 0);
	assert_int_equal(sgr("0;3;3m", &m, &used), 0);
	assert_int_equal(m.release, 1);
	assert_int_equal(sgr("65;10;5", &m, &used), -1);	/* cut short */
	assert_int_equal(sgr("65;10M", &m, &used), -1);
	assert_int_equal(sgr("x", &m, &used), -1);
	assert_int_equal(sgr("", &m, &used), -1);
	assert_int_equal(sgr("999999999;1;1M", &m, &used), -1);
}

/* X10: three bytes; past column 223, a 0 or a UTF-8 pair. */
static void
test_mouse_x10(void **state)
{
	struct keys_mouse	m;
	size_t			used;
	const unsigned char	down[] = { 32 + 65, 32 + 10, 32 + 5 };
	const unsigned char	far[] = { 32 + 64, 0, 32 + 5 };
	const unsigned char	utf[] = { 32 + 65, 0xC4, 0xA0, 32 + 5, 'j' };
	const unsigned char	cut[] = { 32 + 65, 0xC4 };

	assert_int_equal(keys_mouse_x10(down, 3, &used, &m), 0);
	assert_int_equal(used, 3);
	assert_int_equal(keys_wheel(&m), 1);
	assert_int_equal(m.x, 9);
	assert_int_equal(keys_mouse_x10(far, 3, &used, &m), 0);
	assert_int_equal(keys_wheel(&m), -1);
	assert_int_equal(m.x, -1);
	assert_int_equal(keys_mouse_x10(utf, 5, &used, &m), 0);
	assert_int_equal(used, 4);
	assert_int_equal(keys_wheel(&m), 1);
	assert_int_equal(m.x, 0x120 - 32 - 1);
	assert_int_equal(keys_mouse_x10(cut, 2, &used, &m), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_bad_names),
		cmocka_unit_test(test_normal),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_less_preset),
		cmocka_unit_test(test_mouse_sgr),
		cmocka_unit_test(test_mouse_x10),
	};

	return UNIT_RUN(tests);
}
