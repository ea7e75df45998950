/* test_layout.c: the typesetting rules, on small documents, as --dump prints. */
#include "unit.h"

#include "width.h"

static void
expect(const char *doc, int width, const char *out)
{
	char	*got = unit_dump(doc, width, 1);

	assert_string_equal(got, out);
	free(got);
}

static void
test_latin_wrap(void **state)
{
	expect("The quick brown fox jumps over the lazy dog.\n", 15,
	    "The quick brown\nfox jumps over\nthe lazy dog.\n");
	/* Trailing spaces never count: "brown" fits exactly at 15. */
	expect("The quick brown     fox\n", 15, "The quick brown\nfox\n");
	/* A word longer than the line is cut between graphemes. */
	expect("abcdefghij\n", 4, "abcd\nefgh\nij\n");
}

static void
test_cjk_never_split_or_overflowing(void **state)
{
	/* Width 5 holds two wide characters, never two and a half. */
	expect("中文排版測試\n", 5, "中文\n排版\n測試\n");
	expect("中文排版測試\n", 6, "中文排\n版測試\n");
}

static void
test_kinsoku(void **state)
{
	/* 。 may not start a line: 說 is pulled down with it. */
	expect("我們今天說。\n", 10, "我們今天\n說。\n");
	/* 「 may not end a line. */
	expect("他說了「好」\n", 8, "他說了\n「好」\n");
	/* —— stays whole. */
	expect("等一下——好\n", 7, "等一下\n——好\n");
	/* …… may not start a line either: 的 comes down with it. */
	expect("真的……嗎\n", 5, "真\n的……\n嗎\n");
	/* Nor after a space: 文 comes down, the space stays inside. */
	expect("中文 ；後面\n", 5, "中\n文 ；\n後面\n");
}

static void
test_indents(void **state)
{
	/* Chinese first-line indent is two wide characters. */
	expect("書\n\n　　第一段文字在這裡繼續寫下去。\n　　第二段。\n", 12,
	    "書\n\n    第一段文\n字在這裡繼續\n寫下去。\n    第二段。\n");
}

static void
test_lists_and_quotes(void **state)
{
	expect("Intro:\n- one two three four\n", 10,
	    "Intro:\n\n- one two\n  three\n  four\n");
	expect("> quoted words here\n", 10, "│ quoted\n│ words\n│ here\n");
}

static void
test_preformatted_cut(void **state)
{
	struct layout_opts	 lo = { 12, 1, 0, 1 };	/* chop: as less -S */
	char	*got = unit_dump_opts("T\n\nName    Age   City\nAlice   30    Paris\n",
	    &lo);
	char	*nl = strchr(got, '\n') + 2;	/* after "T\n\n" */

	assert_string_equal(nl, "Name    Age»\nAlice   30 »\n");
	assert_true(width_str(nl, strchr(nl, '\n') - nl, 1) <= 12);
	free(got);
}

static void
test_preformatted_wrap(void **state)
{
	/* Wrapped at a space, indented like the line, marked; nothing lost. */
	char	*got = unit_dump("T\n\n    Name    Age   City\n    Alice   30    Paris\n",
	    16, 1);
	char	*nl = strchr(got, '\n') + 2;

	assert_string_equal(nl, "    Name    Age\n  ↪ City\n    Alice   30\n"
	    "  ↪ Paris\n");
	free(got);
	/* A word longer than the line is cut; never right after the indent. */
	got = unit_dump("T\n\n    abcdefghij klmn\n    xy\n", 6, 1);
	nl = strchr(got, '\n') + 2;
	assert_string_equal(nl, "    ab\n↪ cdef\n↪ ghij\n↪ klmn\n    xy\n");
	free(got);
}

static void
test_ambiguous_two(void **state)
{
	char	*got = unit_dump("“ab” “cd”\n", 6, 2);

	assert_string_equal(got, "“ab”\n“cd”\n");
	free(got);
}

static void
test_width_one(void **state)
{
	/* Each wide character on its own line: wider, but never split. */
	expect("中文\n", 1, "中\n文\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latin_wrap),
		cmocka_unit_test(test_cjk_never_split_or_overflowing),
		cmocka_unit_test(test_kinsoku),
		cmocka_unit_test(test_indents),
		cmocka_unit_test(test_lists_and_quotes),
		cmocka_unit_test(test_preformatted_cut),
		cmocka_unit_test(test_preformatted_wrap),
		cmocka_unit_test(test_ambiguous_two),
		cmocka_unit_test(test_width_one),
	};

	return UNIT_RUN(tests);
}
