/* test_segment.c: plain text into blocks, as a reader would see them. */
#include "unit.h"

#include "block.h"

#include "segment.h"

static struct doc *d;

static const char *
types(const char *s)
{
	static char	out[64];
	size_t		i;

	d = unit_doc(s);
	for (i = 0; i < doc_nblocks(d) && i + 1 < sizeof out; i++)
		out[i] = "PHLQ-R"[doc_block(d, i)->type];
	out[i] = '\0';
	return out;
}

static const char *
text_of(size_t i)
{
	return doc_text(d, i)->s;
}

static void
test_latin_lines_join(void **state)
{
	assert_string_equal(types("Title\n\nThe quick brown\nfox jumps.\n\n"
	    "Second paragraph.\n"), "HPP");
	assert_string_equal(text_of(1), "The quick brown fox jumps.");
	doc_free(d);
}

static void
test_cjk_hard_wrap_joins_without_space(void **state)
{
	assert_string_equal(types("標題\n\n這是一段被硬換行切開的中文段落文字而且\n"
	    "每一行都差不多一樣寬所以應該接起來成為\n一段。\n"), "HP");
	assert_string_equal(text_of(1), "這是一段被硬換行切開的中文段落文字而且"
	    "每一行都差不多一樣寬所以應該接起來成為一段。");
	doc_free(d);
}

static void
test_one_paragraph_per_line(void **state)
{
	assert_string_equal(types("書名\n\n　　第一段話說完了。\n　　第二段話也說完了。\n"
	    "　　第三段。\n"), "HPPP");
	assert_true(doc_block(d, 1)->flags & BLOCK_INDENT);
	doc_free(d);
}

static void
test_mixed_join(void **state)
{
	assert_string_equal(types("T\n\nLatin word\n中文\n"), "HP");
	assert_string_equal(text_of(1), "Latin word 中文");
	doc_free(d);
}

static void
test_preformatted(void **state)
{
	assert_string_equal(types("T\n\nName    Age   City\nAlice   30    Paris\n"
	    "Bob     41    Rome\n\n    int main(void)\n    {\n    }\n"), "H--");
	assert_string_equal(text_of(1), "Name    Age   City\nAlice   30    Paris\n"
	    "Bob     41    Rome");
	doc_free(d);
	assert_string_equal(types("T\n\n+--+\n|  |\n+--+\n"), "H-");
	doc_free(d);
}

static void
test_lists_quotes_rules(void **state)
{
	assert_string_equal(types("T\n\nIntro:\n- one\n- two\n  continued\n\n"
	    "> quoted\n> text\n\n---\n"), "HPLLQR");
	assert_string_equal(text_of(3), "- two continued");
	assert_string_equal(text_of(4), "quoted text");
	doc_free(d);
}

static void
test_crlf_and_cr(void **state)
{
	assert_string_equal(types("T\r\n\r\nab\r\ncd\r\rnext\r"), "HPP");
	assert_string_equal(text_of(1), "ab cd");
	doc_free(d);
}

static void
test_markers_and_rules(void **state)
{
	assert_int_equal(segment_list_marker("- x", 3), 2);
	assert_int_equal(segment_list_marker("12. x", 5), 4);
	assert_int_equal(segment_list_marker("x", 1), 0);
	assert_true(segment_is_rule("-----", 5));
	assert_true(segment_is_rule("* * *", 5));
	assert_false(segment_is_rule("--", 2));
}

static void
test_empty(void **state)
{
	assert_string_equal(types(""), "");
	doc_free(d);
	assert_string_equal(types("\n\n\n"), "");
	doc_free(d);
}

/*
 * A large file is segmented on several threads, piece by piece apart,
 * then joined: the same blocks as piece after piece on one thread (the
 * reader's way), also when the file starts with 5 MB of blank lines (the
 * title, in a later piece, is known to have nothing before it).
 */
static void
test_threads_segment_the_same(void **state)
{
	static const char *const parts[] = {
		"　　他說了「好」，然後走了。\n\n", "CHAPTER XII.\n\n",
		"The quick brown fox jumps\nover the lazy dog.\n\n",
		"- an item\n- another\n\n", "    code   in   columns\n\n",
		"第一章 開始\n", "　　縮排\n　　段落\n",
	};
	struct doc_opts	 o;
	struct buf	 b;
	struct doc	*whole, *lazy;
	char		*cause = NULL;
	unsigned	 seed = 5;
	size_t		 i, nw, nl;
	const uint32_t	*ow, *ol;

	buf_init(&b);
	for (i = 0; i < 5 * 1024 * 1024; i++)
		buf_addc(&b, '\n');
	buf_adds(&b, "A Title Alone\n\n");
	while (b.len < 11 * 1024 * 1024) {
		seed = seed * 1103515245 + 12345;
		buf_adds(&b, parts[(seed >> 16) % (sizeof parts / sizeof *parts)]);
	}
	memset(&o, 0, sizeof o);
	o.format = DOC_FORMAT_TEXT;
	whole = doc_open_mem(b.s, b.len, &o, &cause);
	o.lazy = 1;
	lazy = doc_open_mem(b.s, b.len, &o, &cause);
	assert_non_null(whole);
	assert_non_null(lazy);
	while (doc_segment_more(lazy))
		;
	assert_int_equal(doc_nblocks(whole), doc_nblocks(lazy));
	assert_true(doc_nblocks(whole) > 100000);
	for (i = 0; i < doc_nblocks(whole); i++)
		assert_memory_equal(doc_block(whole, i), doc_block(lazy, i),
		    sizeof (struct block));
	ow = doc_outline(whole, &nw);
	ol = doc_outline(lazy, &nl);
	assert_int_equal(nw, nl);
	assert_true(nw > 1000);
	assert_memory_equal(ow, ol, nw * sizeof *ow);
	assert_int_equal(doc_block(whole, 0)->type, BLOCK_HEADING);
	doc_free(whole);
	doc_free(lazy);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latin_lines_join),
		cmocka_unit_test(test_threads_segment_the_same),
		cmocka_unit_test(test_cjk_hard_wrap_joins_without_space),
		cmocka_unit_test(test_one_paragraph_per_line),
		cmocka_unit_test(test_mixed_join),
		cmocka_unit_test(test_preformatted),
		cmocka_unit_test(test_lists_quotes_rules),
		cmocka_unit_test(test_crlf_and_cr),
		cmocka_unit_test(test_markers_and_rules),
		cmocka_unit_test(test_empty),
	};

	return UNIT_RUN(tests);
}
