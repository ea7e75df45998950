/* test_layout.c: the typesetting rules, on small documents, as --dump prints. */
#include "unit.h"

#include "block.h"
#include "text.h"
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
	struct layout_opts	 lo = { 12, 1, 0, 1, 0 };	/* chop: as less -S */
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

/*
 * A space carrying a combining mark is a character that shows (an accent
 * over a blank), not a space to drop at a break: it never hangs past the
 * width.  The old code let it: "abcd \u0301" was 5 columns at width 4.
 */
static void
test_space_with_mark(void **state)
{
	const char	*doc = "abcd \xCC\x81" "efgh ijkl\n";
	char		*got, *line, *save = NULL;
	int		 w;

	for (w = 2; w <= 12; w++) {
		got = unit_dump(doc, w, 1);
		for (line = strtok_r(got, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save))
			assert_true(width_str(line, strlen(line), 1) <= w);
		free(got);
	}
	expect(doc, 5, "abcd \xCC\x81\nefgh\nijkl\n");
	expect(doc, 4, "abcd\n \xCC\x81" "efg\nh\nijkl\n");
}

/*
 * Preformatted lines scrolled sideways at the narrowest widths: the cut
 * markers and the blank for a halved wide character fit in the width
 * (at width 1 the line was "«»", two columns; found by fuzz_layout).
 */
static void
test_preformatted_scrolled_narrow(void **state)
{
	struct doc		*d = unit_doc("T\n\nName    Age   City\n"
	    "Alice   30    Paris\n\xE4\xB8\xAD\xE6\x96\x87   40    "
	    "\xE4\xB8\xAD\xE6\x96\x87\n");
	struct layout_opts	 lo;
	struct lines		 ls = { NULL, 0, 0 };
	struct buf		 out;
	size_t			 b, j, pre = 0;

	for (b = 0; b < doc_nblocks(d); b++)
		pre += doc_block(d, b)->type == BLOCK_PRE;
	assert_int_equal(pre, 1);
	memset(&lo, 0, sizeof lo);
	lo.ambiguous = 1;
	for (lo.width = 1; lo.width <= 4; lo.width++) {
		for (lo.hscroll = 0; lo.hscroll <= 5; lo.hscroll++) {
			lo.chop = 1;	/* cut and scrolled, as less -S */
			for (b = 0; b < doc_nblocks(d); b++) {
				ls.n = 0;
				layout_block(d, b, &lo, &ls);
				for (j = 0; j < ls.n &&
				    doc_block(d, b)->type == BLOCK_PRE; j++) {
					buf_init(&out);
					layout_line_text(d, &ls.v[j], 1, &out);
					assert_true(width_str(out.s, out.len,
					    1) <= lo.width);
					buf_free(&out);
				}
			}
		}
	}
	lines_free(&ls);
	doc_free(d);
}

/*
 * A paragraph of the fast path's characters is laid out in one pass
 * (layout.c, textfast.h: letters and ideographs taken by the run, the next
 * line started from the state there); fitting over text_clusters is the
 * reference.  Random paragraphs of words, ideograph runs, spaces, closing
 * and opening marks, hyphens and the characters whose flags depend on
 * their neighbours (／ ～ —— ……), in plain, indented, list and quote
 * blocks, at widths 1 to 40 and both ambiguous widths: the same lines.
 */
static void
test_single_pass(void **state)
{
	static const char *const alpha[] = {
		"the", "quick", "Brown", "fox42", "a", "I", " ", " ", " ", "  ",
		"-", "--x", "well-known", ".", ",", "(", ")", "\"", "'", "!",
		"/", "%", "1.5", "中文", "排版測試", "中", "，", "。", "、",
		"「", "」", "（", "）", "！", "“", "”", "…", "……", "—", "——",
		"　", "《", "》", "é", "«", "»", "–", "Ａ", "１", "／", "～",
		"－", "·", "·2", "a／b", "‥", "々", "ー",	/* last two: slow */
		"abcdefghijklmnopqrstuvwxyz", "長長長長長長長長長長長長",
	};
	static const uint8_t types[][3] = {	/* type, flags, depth */
		{ BLOCK_PARA, 0, 0 }, { BLOCK_PARA, BLOCK_INDENT, 0 },
		{ BLOCK_LIST, 0, 1 }, { BLOCK_QUOTE, 0, 2 },
	};
	size_t		 na = sizeof alpha / sizeof *alpha, i, j, len;
	unsigned	 seed = 7;
	int		 taken = 0, r, w;
	char		 s[1024];

	for (i = 0; i < 6000; i++) {
		struct block	 b;
		struct text	*t;

		len = 0;
		for (j = 0; j < 30; j++) {
			seed = seed * 1103515245 + 12345;
			len += (size_t)snprintf(s + len, sizeof s - len, "%s",
			    alpha[(seed >> 16) % na]);
		}
		while (len > 0 && s[0] == ' ')
			memmove(s, s + 1, len--);
		t = text_new(strndup(s, len), len);
		t->hang = (uint16_t)(i % 3);
		memset(&b, 0, sizeof b);
		b.type = types[i % 4][0];
		b.flags = types[i % 4][1];
		b.depth = types[i % 4][2];
		w = 1 + (int)(i % 40);
		r = layout_flow_agree(&b, t, 1 + (int)(i / 3 % 2), w);
		if (r == 0)
			fail_msg("lines differ at width %d: \"%s\"", w, s);
		taken += r == 1;
		text_free(t);
	}
	assert_true(taken > 1000);	/* the single pass was taken */
}

/* --dump of a document on nthreads threads, into memory. */
static char *
dump_threads(struct doc *d, int width, int nthreads, size_t *len)
{
	struct layout_opts	 lo = { width, 1, 0, 0, 0 };
	char			*out = NULL;
	FILE			*f = open_memstream(&out, len);

	assert_non_null(f);
	assert_int_equal(dump_doc_with(d, &lo, f, nthreads), 0);
	fclose(f);
	return out;
}

/*
 * A large plain-text document is printed by several threads in batches:
 * the same bytes as one thread prints, whatever falls on a batch's edge
 * (indented Chinese paragraphs with blank lines, whose blank line between
 * looks at the block before; lists, headings, preformatted text, glosses).
 */
static void
test_threads_print_the_same(void **state)
{
	static const char *const parts[] = {
		"　　他說了「好」，然後走了。我們今天說。\n\n",
		"　　第二段落，長(zhǎng)在這裡，發展很快。\n\n",
		"The quick brown fox jumps over the lazy dog, again and "
		"again, until\nthe line is long enough to wrap twice at "
		"forty columns.\n\n",
		"- an item of a list\n- another, with some words\n\n",
		"CHAPTER XII.\n\n",
		"    code  aligned   in    columns\n    more  code      here\n\n",
		"　　縮排的段落\n　　接著一段\n",
		"A line\nthat joins\n\n\n\n",
	};
	struct buf	 b;
	struct doc	*d;
	char		*one, *many, *cause = NULL;
	size_t		 n1, n2;
	unsigned	 seed = 3;
	struct doc_opts	 o;

	buf_init(&b);
	while (b.len < 12 * 1024 * 1024) {	/* more batches than 2 threads
						   may lay out ahead */
		seed = seed * 1103515245 + 12345;
		buf_adds(&b, parts[(seed >> 16) % (sizeof parts / sizeof *parts)]);
	}
	memset(&o, 0, sizeof o);
	o.format = DOC_FORMAT_TEXT;
	d = doc_open_mem(b.s, b.len, &o, &cause);
	assert_non_null(d);
	assert_true(doc_independent(d));
	one = dump_threads(d, 40, 1, &n1);
	many = dump_threads(d, 40, 2, &n2);
	assert_true(n1 > b.len / 2);
	assert_int_equal(n1, n2);
	assert_memory_equal(one, many, n1);
	free(many);
	many = dump_threads(d, 40, 4, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(one, many, n1);
	free(one);
	free(many);
	doc_free(d);
	buf_free(&b);
}

/* A write error stops the threads and is said: no hang, -1. */
static void
test_threads_write_error(void **state)
{
	struct layout_opts	 lo = { 80, 1, 0, 0, 0 };
	struct doc_opts		 o;
	struct buf		 b;
	struct doc		*d;
	char			*cause = NULL;
	FILE			*f = fopen("/dev/full", "w");

	if (f == NULL)
		skip();
	buf_init(&b);
	while (b.len < 8 * 1024 * 1024)
		buf_adds(&b, "Words of a paragraph that is written nowhere.\n\n");
	memset(&o, 0, sizeof o);
	o.format = DOC_FORMAT_TEXT;
	d = doc_open_mem(b.s, b.len, &o, &cause);
	assert_non_null(d);
	assert_int_equal(dump_doc_with(d, &lo, f, 2), -1);
	fclose(f);
	doc_free(d);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latin_wrap),
		cmocka_unit_test(test_single_pass),
		cmocka_unit_test(test_threads_print_the_same),
		cmocka_unit_test(test_threads_write_error),
		cmocka_unit_test(test_cjk_never_split_or_overflowing),
		cmocka_unit_test(test_kinsoku),
		cmocka_unit_test(test_indents),
		cmocka_unit_test(test_lists_and_quotes),
		cmocka_unit_test(test_preformatted_cut),
		cmocka_unit_test(test_preformatted_wrap),
		cmocka_unit_test(test_ambiguous_two),
		cmocka_unit_test(test_width_one),
		cmocka_unit_test(test_space_with_mark),
		cmocka_unit_test(test_preformatted_scrolled_narrow),
	};

	return UNIT_RUN(tests);
}
