/* test_view.c: the viewport: scrolling, resizing, sections, the end. */
#include "unit.h"

#include "view.h"

static const char article[] =
    "標題\n\n一、緣起\n\n第一段的文字比較長，需要在窄的寬度下折成好幾行才能放得下。\n\n"
    "（一）背景\n\n背景的說明文字也寫得相當長，方便測試捲動與重排。\n\n"
    "二、現況\n\n現況的文字。\n\n三、挑戰\n\n挑戰的文字，也寫得長一些，好讓它折行。\n\n"
    "四、結語\n\n結語。\n";

static struct doc *d;

/* The visible text of screen line i, as --dump prints it. */
static char *
line_text(struct view *v, size_t i)
{
	size_t			 n;
	const struct line	*l = view_lines(v, &n);
	struct buf		 b;

	buf_init(&b);
	if (i < n)
		layout_line_text(view_doc(v), &l[i], 1, &b);
	return buf_take(&b, NULL);
}

static void
expect_top(struct view *v, const char *want)
{
	char	*got = line_text(v, 0);

	assert_string_equal(got, want);
	free(got);
}

static struct view *
open_view(int width, int rows)
{
	struct layout_opts	lo = { width, 1, 0, 0, 0 };

	d = unit_doc(article);
	return view_new(d, &lo, rows);
}

static void
test_first_screen_and_scroll(void **state)
{
	struct view	*v = open_view(20, 4);

	expect_top(v, "標題");
	assert_int_equal(view_scroll(v, 2), 2);
	expect_top(v, "一、緣起");
	assert_int_equal(view_scroll(v, -10), -2);
	expect_top(v, "標題");
	view_free(v);
	doc_free(d);
}

static void
test_resize_keeps_top(void **state)
{
	struct layout_opts	 lo = { 20, 1, 0, 0, 0 };
	struct view		*v = open_view(20, 4);
	char			*before;
	int			 i;

	view_scroll(v, 5);		/* into the first paragraph */
	before = line_text(v, 0);
	for (i = 0; i < 50; i++) {
		lo.width = 7 + i % 13;
		view_set_opts(v, &lo);
	}
	lo.width = 20;
	view_set_opts(v, &lo);
	expect_top(v, before);
	free(before);
	view_free(v);
	doc_free(d);
}

static void
test_sections(void **state)
{
	struct view	*v = open_view(40, 4);

	assert_int_equal(view_next_section(v, 0), 0);
	expect_top(v, "一、緣起");
	assert_int_equal(view_next_section(v, 0), 0);
	expect_top(v, "（一）背景");
	assert_int_equal(view_next_section(v, 0), 0);
	expect_top(v, "二、現況");
	assert_int_equal(view_prev_section(v, 0), 0);
	expect_top(v, "（一）背景");
	/* } skips the lower level: from （一） to 二、 then 三、. */
	assert_int_equal(view_prev_section(v, 0), 0);
	expect_top(v, "一、緣起");
	assert_int_equal(view_next_section(v, 1), 0);
	expect_top(v, "二、現況");
	assert_int_equal(view_next_section(v, 1), 0);
	expect_top(v, "三、挑戰");
	assert_int_equal(view_next_section(v, 1), 0);
	assert_int_equal(view_next_section(v, 1), -1);
	expect_top(v, "四、結語");
	/* Inside a section, [ goes to its own heading first. */
	assert_int_equal(view_prev_section(v, 0), 0);
	expect_top(v, "三、挑戰");
	assert_int_equal(view_scroll(v, 2), 2);
	assert_int_equal(view_prev_section(v, 0), 0);
	expect_top(v, "三、挑戰");
	view_free(v);
	doc_free(d);
}

static void
test_end_and_fraction(void **state)
{
	struct view	*v = open_view(40, 4);
	size_t		 n;
	char		*last;

	assert_false(view_at_end(v));
	view_end(v);
	assert_true(view_at_end(v));
	view_lines(v, &n);
	assert_int_equal(n, 4);
	last = line_text(v, 3);
	assert_string_equal(last, "結語。");
	free(last);
	assert_true(view_fraction(v) > 0.999);
	assert_int_equal(view_bytes_left(v), 0);
	/* Scrolling down at the end does nothing. */
	assert_int_equal(view_scroll(v, 3), 0);
	view_start(v);
	assert_true(view_fraction(v) < 0.5);
	view_goto_fraction(v, 0.6);
	assert_true(view_top_block(v) > 3);
	view_free(v);
	doc_free(d);
}

/* A document of several pieces opens without being segmented whole. */
static void
test_lazy_large(void **state)
{
	struct doc_opts		 o = { .lazy = 1 };
	struct layout_opts	 lo = { 80, 1, 0, 0, 0 };
	struct buf		 b;
	struct view		*v;
	char			*cause = NULL, *top;
	int			 i;

	buf_init(&b);
	for (i = 0; i < 40000; i++) {
		if (i % 1000 == 0) {
			char	h[64];

			snprintf(h, sizeof h, "\nChapter %d\n\n", i / 1000 + 1);
			buf_adds(&b, h);
		}
		buf_adds(&b, "A line of filler text that makes the file large.\n");
	}
	d = doc_open_mem(b.s, b.len, &o, &cause);
	assert_non_null(d);
	v = view_new(d, &lo, 24);
	assert_false(doc_complete(d));
	/* The end shows without segmenting the middle. */
	view_end(v);
	assert_false(doc_complete(d));
	assert_true(view_at_end(v));
	top = line_text(v, 23);
	assert_true(strlen(top) > 11);
	assert_string_equal(top + strlen(top) - 11, "file large.");
	free(top);
	/* Scrolling up out of the tail continues in the main document. */
	assert_int_equal(view_scroll(v, -20000), -20000);
	assert_ptr_equal(view_doc(v), d);
	top = line_text(v, 0);
	assert_int_equal(view_scroll(v, 20000), 20000);
	assert_true(view_at_end(v));
	assert_int_equal(view_scroll(v, -20000), -20000);
	expect_top(v, top);
	free(top);
	view_start(v);
	assert_int_equal(view_next_section(v, 0), 0);
	top = line_text(v, 0);
	assert_string_equal(top, "Chapter 2");
	free(top);
	view_free(v);
	doc_free(d);
	buf_free(&b);
}

/*
 * G on a large Markdown file shows a tail whose start is a guess
 * (markdown_tail_start); here the guess is wrong (a fence with blank
 * lines is open where it looks).  If the whole document is parsed before
 * the check (a search does that), the view goes back to the main
 * document at the same place in the source, not to a block number of the
 * wrong tail (6% into the file).
 */
static void
test_wrong_tail_to_main(void **state)
{
	struct doc_opts		 o = { .format = DOC_FORMAT_MARKDOWN,
				     .lazy = 1 };
	struct layout_opts	 lo = { 80, 1, 0, 0, 0 };
	struct buf		 b;
	struct view		*v;
	char			*cause = NULL, line[128];
	size_t			 i, mid;
	uint64_t		 off;

	buf_init(&b);
	for (i = 0; b.len < 3 * 1024 * 1024; i++) {
		snprintf(line, sizeof line, "## Part %zu\n\nText of part %zu."
		    "\n\n", i, i);
		buf_adds(&b, line);
	}
	mid = b.len;
	buf_adds(&b, "```\n");
	for (i = 0; b.len < mid + 400 * 1024; i++) {
		snprintf(line, sizeof line, "# not a heading %zu\n\n  code "
		    "%zu\n\n", i, i);
		buf_adds(&b, line);
	}
	buf_adds(&b, "```\n\n");
	for (i = 0; i < 400; i++) {
		snprintf(line, sizeof line, "Last words %zu.\n\n", i);
		buf_adds(&b, line);
	}
	d = doc_open_mem(b.s, b.len, &o, &cause);
	assert_non_null(d);
	v = view_new(d, &lo, 24);
	view_end(v);
	assert_ptr_not_equal(view_doc(v), d);		/* a tail */
	off = doc_block(view_doc(v), view_top_block(v))->off;
	doc_segment_all(d);
	view_sync(v);
	assert_ptr_equal(view_doc(v), d);
	assert_true(doc_block(d, view_top_block(v))->off <= off);
	assert_true(doc_block(d, view_top_block(v))->off > mid);
	view_free(v);
	doc_free(d);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_screen_and_scroll),
		cmocka_unit_test(test_resize_keeps_top),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_end_and_fraction),
		cmocka_unit_test(test_lazy_large),
		cmocka_unit_test(test_wrong_tail_to_main),
	};

	return UNIT_RUN(tests);
}
