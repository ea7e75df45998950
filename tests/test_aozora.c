/* test_aozora.c: Aozora Bunko ruby and notes are found, nothing else. */
#include "unit.h"

#include "aozora.h"
#include "heading.h"

#define S(x)	x, strlen(x)

static char *
shown(const char *s)
{
	struct text	*t = text_new(strdup(s), strlen(s));
	char		*v;

	aozora_hide(t);
	v = text_visible(t, NULL);
	text_free(t);
	return v;
}

static void
test_ruby_and_notes(void **state)
{
	char		*v;
	struct buf	 b;

	v = shown("吾輩《わがはい》は一番｜獰悪《どうあく》な猫［＃「猫」に傍点］。");
	assert_string_equal(v, "吾輩は一番獰悪な猫。");
	free(v);
	v = shown("《》：ルビ");	/* an empty pair is not ruby */
	assert_string_equal(v, "《》：ルビ");
	free(v);
	v = shown("吾輩《わがはい");	/* unclosed */
	assert_string_equal(v, "吾輩《わがはい");
	free(v);
	buf_init(&b);
	assert_int_equal(aozora_strip(S("［＃５字下げ］一［＃「一」は中見出し］"), &b), 2);
	assert_int_equal(b.len, strlen("一"));
	buf_free(&b);
}

static void
test_headings(void **state)
{
	assert_int_equal(aozora_heading(S("［＃５字下げ］一［＃「一」は中見出し］")),
	    HEADING_CHAPTER);
	assert_int_equal(aozora_heading(S("［＃大見出し］第一部［＃大見出し終わり］")),
	    HEADING_PART);
	assert_int_equal(aozora_heading(S("［＃「序」は小見出し］")), HEADING_SECTION);
	assert_int_equal(aozora_heading(S("見出しの話［＃「話」に傍点］")), 0);
	assert_int_equal(aozora_heading(S("中見出し")), 0);
}

static void
test_detect(void **state)
{
	static const char ja[] = "［＃８字下げ］一［＃「一」は中見出し］\n\n"
	    "　吾輩《わがはい》は猫である。\n";
	static const char zh[] = "他讀了《紅樓夢》和《三國演義》，又讀《水滸傳》。\n";

	assert_true(aozora_detect(S(ja)));
	assert_false(aozora_detect(S(zh)));	/* book titles in 《》 */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ruby_and_notes),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_detect),
	};

	return UNIT_RUN(tests);
}
