/* test_heading.c: every heading family, and every look-alike that is not. */
#include "unit.h"

#include "heading.h"

static int
rank(const char *s)
{
	return heading_classify(s, strlen(s));
}

static void
test_chinese(void **state)
{
	assert_int_equal(rank("一、前言"), HEADING_ZH_NUM);
	assert_int_equal(rank("二十一、結語"), HEADING_ZH_NUM);
	assert_int_equal(rank("（一）背景"), HEADING_ZH_PAREN);
	assert_int_equal(rank("(二) 方法"), HEADING_ZH_PAREN);
	assert_int_equal(rank("第一章 总则"), HEADING_CHAPTER);
	assert_int_equal(rank("第12章 归来"), HEADING_CHAPTER);
	assert_int_equal(rank("第一百二十回 甄士隱詳說太虛情"), HEADING_CHAPTER);
	assert_int_equal(rank("第三卷"), HEADING_PART);
	assert_int_equal(rank("第二部 暗流"), HEADING_PART);
	assert_int_equal(rank("第四篇 结论"), HEADING_PART);
	assert_int_equal(rank("第五節 小結"), HEADING_SECTION);
	assert_int_equal(rank("第五节"), HEADING_SECTION);
	assert_true(rank("第三卷") < rank("第一章 总则"));
	assert_true(rank("第一章 总则") < rank("第五節 小結"));
}

#define S(x)	x, strlen(x)

static void
test_licence_shapes(void **state)
{
	assert_int_equal(heading_numbered_title(S("0. Definitions.")),
	    HEADING_NUMBERED);
	assert_int_equal(heading_numbered_title(S(
	    "13. Use with the GNU Affero General Public License.")),
	    HEADING_NUMBERED);
	assert_int_equal(heading_numbered_title(S("1. He went home.")),
	    HEADING_NONE);		/* a sentence, not Title Case */
	assert_int_equal(heading_numbered_title(S("Definitions.")),
	    HEADING_NONE);
	assert_true(heading_is_centred(S("Preamble"), 28, 78));
	assert_true(heading_is_centred(S("TERMS AND CONDITIONS"), 23, 78));
	assert_false(heading_is_centred(S("END OF TERMS AND CONDITIONS"), 21,
	    78));			/* a closing line */
	assert_false(heading_is_centred(S("Preamble"), 2, 78));
	assert_false(heading_is_centred(S("Yours truly,"), 30, 78));
}

static void
test_latin(void **state)
{
	assert_int_equal(rank("CHAPTER IV"), HEADING_CHAPTER);
	assert_int_equal(rank("Chapter 4"), HEADING_CHAPTER);
	assert_int_equal(rank("CHAPTER IV. THE PRISON"), HEADING_CHAPTER);
	assert_int_equal(rank("PART ONE"), HEADING_PART);
	assert_int_equal(rank("BOOK I"), HEADING_PART);
	assert_int_equal(rank("EPOCH THE FIRST"), HEADING_PART);
	assert_int_equal(rank("1. Introduction"), HEADING_NUMBERED);
	assert_int_equal(rank("1.2 Scope"), HEADING_NUMBERED + 1);
	assert_int_equal(rank("1.2.3 Details"), HEADING_NUMBERED + 2);
	assert_true(heading_is_weak(rank("1.2 Scope")));
	assert_false(heading_is_weak(rank("一、前言")));
	assert_true(heading_is_caps("THE END OF THE BEGINNING", 24));
	assert_false(heading_is_caps("IV", 2));
	assert_false(heading_is_caps("The End", 7));
}

static void
test_atx(void **state)
{
	int	level = 0;

	assert_int_equal(heading_atx("## Two", 6, &level), 3);
	assert_int_equal(level, 2);
	assert_int_equal(heading_atx("###### Six", 10, &level), 7);
	assert_int_equal(level, 6);
	assert_int_equal(heading_atx("####### Seven", 13, &level), 0);
	assert_int_equal(heading_atx("#hashtag", 8, &level), 0);
}

static void
test_not_headings(void **state)
{
	/* Law articles. */
	assert_int_equal(rank("第一条 为了规范管理，制定本法。"), HEADING_NONE);
	assert_int_equal(rank("第一條"), HEADING_NONE);
	/* Sentences. */
	assert_int_equal(rank("一、我們今天去了公園。"), HEADING_NONE);
	assert_int_equal(rank("第一章的內容很長，我們下次再談。"), HEADING_NONE);
	/* Table-of-contents lines with page numbers. */
	assert_int_equal(rank("第一章 总则 ........ 12"), HEADING_NONE);
	assert_int_equal(rank("Chapter 4 ........ 57"), HEADING_NONE);
	/* Long lines. */
	assert_int_equal(rank("1. This numbered line goes on and on well past "
	    "what any heading would ever be, so it is running text."),
	    HEADING_NONE);
	/* Running text and look-alikes. */
	assert_int_equal(rank("Chapterhouse"), HEADING_NONE);
	assert_int_equal(rank("一些人"), HEADING_NONE);
	assert_int_equal(rank(""), HEADING_NONE);
	assert_true(heading_ends_sentence("結束了。", strlen("結束了。")));
	assert_true(heading_ends_sentence("It ended.", 9));
	assert_false(heading_ends_sentence("一、前言", strlen("一、前言")));
}

static char *
toc(const char *s)
{
	struct doc	*d = unit_doc(s);
	const uint32_t	*o;
	struct buf	 b;
	size_t		 n, i, len;

	buf_init(&b);
	o = doc_outline(d, &n);
	for (i = 0; i < n; i++) {
		char	*v = text_visible(doc_text(d, o[i]), &len);
		int	 k;

		for (k = 1; k < doc_level(d, o[i]); k++)
			buf_adds(&b, "  ");
		buf_add(&b, v, len);
		buf_addc(&b, '\n');
		free(v);
	}
	doc_free(d);
	return buf_take(&b, NULL);
}

static void
test_outline_levels(void **state)
{
	char	*t = toc("標題\n\n一、緣起\n\n（一）背景\n\n正文。\n\n"
	    "二、方法\n\n（一）資料\n\n（二）分析\n\n正文。\n");

	assert_string_equal(t, "一、緣起\n  （一）背景\n二、方法\n"
	    "  （一）資料\n  （二）分析\n");
	free(t);
}

static void
test_reference_list_not_sections(void **state)
{
	char	*t = toc("一、正文\n\n內容在此。\n\n參考資料:\n"
	    "1.《MaaS,出行即服務》,腦極體;\n2.《智慧交通》,某某;\n"
	    "3.《城市》,某某;\n");

	assert_string_equal(t, "一、正文\n");
	free(t);
}

static void
test_numbered_list_not_sections(void **state)
{
	char	*t = toc("Title\n\nSteps to follow:\n\n1. Open it\n2. Read it\n"
	    "3. Close it\n\nDone.\n");

	assert_string_equal(t, "");
	free(t);
}

static void
test_caps_alone(void **state)
{
	char	*t = toc("A Book\n\nCONTENTS\n\nSome text here that runs on.\n\n"
	    "THE RETURN\n\nMore text.\n");

	assert_string_equal(t, "CONTENTS\nTHE RETURN\n");
	free(t);
	/* Closing lines are not sections. */
	assert_false(heading_is_caps("END OF THE FIRST EPOCH.", 23));
	assert_false(heading_is_caps("THE END.", 8));
	assert_true(heading_is_caps("THE ENDING", 10));
}

/* An indented ALL-CAPS line is a verse's title, not a section. */
static void
test_caps_indented(void **state)
{
	char	*t = toc("A Book\n\nCHAPTER I.\n\nText that runs on here.\n\n"
	    "    THE NEWGATE STONE.\n\n    When Claude Du Val was thrown,\n"
	    "    He carved his name in stone;\n");

	assert_string_equal(t, "CHAPTER I.\n");
	free(t);
}

/* CHAPTER I. then its title alone on a line: one heading. */
static void
test_chapter_title_line(void **state)
{
	char	*t = toc("A Book\n\nCHAPTER I.\n\nThe Widow and her Child.\n\n"
	    "On the night of Friday, the door opened.\n\nCHAPTER II.\n\n"
	    "It was late.\n\n第三章\n\n初入江湖\n\n正文。\n\n第四章\n\n"
	    "他走了。\n");

	assert_string_equal(t, "CHAPTER I. The Widow and her Child.\n"
	    "CHAPTER II.\n第三章 初入江湖\n第四章\n");
	free(t);
	assert_true(heading_is_bare("CHAPTER XII.", 12));
	assert_true(heading_is_bare("第十二回", strlen("第十二回")));
	assert_false(heading_is_bare("CHAPTER I. THE END", 18));
	assert_false(heading_is_bare("第一章 總則", strlen("第一章 總則")));
	assert_true(heading_is_title_line("Mr. Kneebone and his Friends.", 29));
	assert_false(heading_is_title_line("It was late.", 12));
	assert_false(heading_is_title_line("他走了。", strlen("他走了。")));
	assert_false(heading_is_title_line("CHAPTER III.", 12));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_latin),
		cmocka_unit_test(test_licence_shapes),
		cmocka_unit_test(test_atx),
		cmocka_unit_test(test_not_headings),
		cmocka_unit_test(test_outline_levels),
		cmocka_unit_test(test_reference_list_not_sections),
		cmocka_unit_test(test_numbered_list_not_sections),
		cmocka_unit_test(test_caps_alone),
		cmocka_unit_test(test_caps_indented),
		cmocka_unit_test(test_chapter_title_line),
	};

	return UNIT_RUN(tests);
}
