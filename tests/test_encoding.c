/* test_encoding.c: detection and decoding on samples the test makes itself. */
#include <iconv.h>

#include "unit.h"

#include "encoding.h"
#include "source.h"

static const char zh_simp[] =
    "第一章 总则\n　　这是一个用简体中文写的段落，用来测试编码检测是否正确。"
    "我们在这里写了足够多的文字，让检测器有足够的证据来判断编码。\n"
    "　　第二段文字继续说明问题，中国人民的生活水平不断提高。\n";
static const char zh_trad[] =
    "第一回 甄士隱夢幻識通靈 賈雨村風塵懷閨秀\n　　列位看官：你道此書從何而來？"
    "說起根由，雖近荒唐，細按則深有趣味。待在下將此來歷註明，方使閱者了然不惑。\n"
    "　　原來女媧氏煉石補天之時，於大荒山無稽崖煉成高經十二丈的頑石。\n";
static const char ja[] =
    "［＃５字下げ］一［＃「一」は中見出し］\n　吾輩《わがはい》は猫である。名前はまだ無い。"
    "どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所で"
    "ニャーニャー泣いていた事だけは記憶している。\n";
static const char latin[] =
    "The café on the corner served crème brûlée and a naïve Beaujolais.\n"
    "Señor Muñoz paid £12 for it, à la carte, and said « très bien ».\n";

/* Encodes UTF-8 text into another encoding with iconv. */
static char *
encode(const char *to, const char *s, size_t *outlen)
{
	iconv_t	 cd = iconv_open(to, "UTF-8");
	size_t	 inleft = strlen(s), cap = inleft * 4 + 16, oleft = cap;
	char	*in = (char *)s, *out = malloc(cap), *o = out;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1);
	iconv_close(cd);
	*outlen = cap - oleft;
	return out;
}

static void
check_roundtrip(const char *enc, const char *text, const char *expect)
{
	size_t		 n, bom, len;
	char		*raw = encode(enc, text, &n), *cause = NULL, *back;
	const char	*got = encoding_detect((unsigned char *)raw, n, &bom);

	assert_string_equal(got, expect);
	back = encoding_decode(got, (unsigned char *)raw + bom, n - bom, &len,
	    &cause);
	assert_non_null(back);
	assert_int_equal(len, strlen(text));
	assert_memory_equal(back, text, len);
	free(back);
	free(raw);
}

static void
test_japanese(void **state)
{
	check_roundtrip("SHIFT_JIS", ja, "CP932");
	check_roundtrip("EUC-JP", ja, "EUC-JP");
	/* Chinese stays Chinese: few kana, if any. */
	check_roundtrip("GBK", zh_simp, "GB18030");
	check_roundtrip("BIG5", zh_trad, "CP950");
	assert_string_equal(encoding_canonical("shift_jis"), "CP932");
	assert_string_equal(encoding_canonical("euc-jp"), "EUC-JP");
}

static void
test_gbk_simplified(void **state)
{
	check_roundtrip("GBK", zh_simp, "GB18030");
}

static void
test_gbk_traditional(void **state)
{
	/* Traditional characters in GBK: still GB18030, not Big5. */
	check_roundtrip("GBK", zh_trad, "GB18030");
}

static void
test_big5(void **state)
{
	check_roundtrip("BIG5", zh_trad, "CP950");
}

static void
test_latin1(void **state)
{
	check_roundtrip("ISO-8859-1", latin, "ISO-8859-1");
}

static void
test_utf16(void **state)
{
	size_t	 n, bom, len;
	char	*raw = encode("UTF-16", zh_simp, &n), *cause = NULL, *back;
	const char *got = encoding_detect((unsigned char *)raw, n, &bom);

	assert_true(strncmp(got, "UTF-16", 6) == 0);
	assert_int_equal(bom, 2);
	back = encoding_decode(got, (unsigned char *)raw + 2, n - 2, &len, &cause);
	assert_int_equal(len, strlen(zh_simp));
	assert_memory_equal(back, zh_simp, len);
	free(back);
	free(raw);
}

static void
test_utf8_bom_and_truncated(void **state)
{
	size_t	bom;
	char	buf[64];

	snprintf(buf, sizeof buf, "\xEF\xBB\xBF%s", "中文");
	assert_string_equal(encoding_detect((unsigned char *)buf, strlen(buf),
	    &bom), "UTF-8");
	assert_int_equal(bom, 3);
	/* 中文测试 cut in the middle of its last character. */
	assert_string_equal(encoding_detect((unsigned char *)"中文测试", 10,
	    &bom), "UTF-8");
	assert_int_equal(bom, 0);
}

static void
test_gb18030_four_byte(void **state)
{
	size_t	 len;
	char	*cause = NULL;
	char	*s = encoding_decode("GB18030",
	    (unsigned char *)"\x95\x32\x82\x36\xD6\xD0", 6, &len, &cause);

	assert_string_equal(s, "𠀀中");
	free(s);
}

static void
test_invalid_becomes_fffd(void **state)
{
	size_t	 len;
	char	*cause = NULL;
	/* A GBK lead byte cut short at the end of the file. */
	char	*s = encoding_decode("GB18030", (unsigned char *)"\xD6\xD0\xD6",
	    3, &len, &cause);

	assert_string_equal(s, "中\xEF\xBF\xBD");
	free(s);
	assert_null(encoding_decode("NO-SUCH-ENCODING", (unsigned char *)"a", 1,
	    &len, &cause));
	assert_non_null(strstr(cause, "unknown encoding"));
	free(cause);
}

static void
test_mostly_utf8_with_damage(void **state)
{
	char	buf[4096];
	size_t	bom, n = 0;
	int	i;

	/* Kuhn's test file: valid UTF-8 text with deliberate bad bytes. */
	for (i = 0; i < 20; i++)
		n += snprintf(buf + n, sizeof buf - n, "κόσμε %d: \xC0 \xE0\x80 ok\n", i);
	assert_string_equal(encoding_detect((unsigned char *)buf, n, &bom),
	    "UTF-8");
}

static void
test_binary(void **state)
{
	static const unsigned char elf[] = "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0";
	struct source		   src;
	struct source_opts	   opts = { NULL, 0 };
	char			  *cause = NULL;

	assert_true(source_is_binary(elf, sizeof elf));
	assert_false(source_is_binary((unsigned char *)"text\0more text", 14));
	assert_int_equal(source_open_mem(&src, elf, sizeof elf, &opts, &cause), -1);
	assert_string_equal(cause, "binary file (--force opens it)");
	free(cause);
	opts.force = 1;
	assert_int_equal(source_open_mem(&src, elf, sizeof elf, &opts, &cause), 0);
	source_close(&src);
}

static void
test_override(void **state)
{
	struct source		src;
	struct source_opts	opts = { "latin1", 0 };
	char			*cause = NULL;

	/* UTF-8 bytes read as Latin-1 on request: mojibake, as asked. */
	assert_int_equal(source_open_mem(&src, "\xC3\xA9", 2, &opts, &cause), 0);
	assert_int_equal(src.len, 4);
	assert_memory_equal(src.data, "Ã©", 4);
	source_close(&src);
	opts.encoding = "klingon";
	assert_int_equal(source_open_mem(&src, "x", 1, &opts, &cause), -1);
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gbk_simplified),
		cmocka_unit_test(test_japanese),
		cmocka_unit_test(test_gbk_traditional),
		cmocka_unit_test(test_big5),
		cmocka_unit_test(test_latin1),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_utf8_bom_and_truncated),
		cmocka_unit_test(test_gb18030_four_byte),
		cmocka_unit_test(test_invalid_becomes_fffd),
		cmocka_unit_test(test_mostly_utf8_with_damage),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_override),
	};

	return UNIT_RUN(tests);
}
