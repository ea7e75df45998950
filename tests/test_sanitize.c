/* test_sanitize.c: nothing a terminal would act on survives sanitising. */
#include <malloc.h>

#include "unit.h"

#include "sanitize.h"
#include "width.h"


static void
expect(const char *in, const char *out)
{
	char	*got = sanitize_dup(in, strlen(in));

	assert_string_equal(got, out);
	free(got);
}

static void
test_escape_sequences(void **state)
{
	expect("a\x1b[1;31mred\x1b[0m b", "ared b");
	expect("x\x1b]0;title\x07y", "xy");
	expect("x\x1b]52;c;ZXZpbA==\x1b\\y", "xy");		/* OSC 52 */
	expect("x\x1bP1$r\x1b\\y", "xy");			/* DCS */
	expect("x\x1b(By\x1bMz", "xyz");
	expect("x\xc2\x9b" "31my", "xy");			/* C1 CSI */
	expect("x\xc2\x9d" "0;t\xc2\x9cy", "xy");		/* C1 OSC */
	expect("tail\x1b", "tail");
}

static void
test_controls(void **state)
{
	expect("bell\x07!", "bell^G!");
	expect("del\x7f", "del^?");
	expect("nul\0x", "nul");	/* strlen stops; see below */
	{
		char *got = sanitize_dup("a\0b", 3);

		assert_string_equal(got, "a^@b");
		free(got);
	}
	expect("_\bx N\bN", "x N");	/* overstrike */
	expect("\xc2\x85next", "next");	/* C1 NEL */
}

static void
test_tabs(void **state)
{
	expect("a\tb", "a       b");
	expect("中\tx", "中      x");
	expect("12345678\tx", "12345678        x");
	/* Runs of ideographs are measured whole; U+4DC0 just before them
	 * is not an ideograph (its own width). */
	expect("一二三\tx", "一二三  x");
	{
		char	want[32];
		int	w = 2 + width_cp(0x4DC0, 1);

		snprintf(want, sizeof want, "一䷀%*sx", 8 - w, "");
		expect("一䷀\tx", want);
	}
}

static void
test_invisible(void **state)
{
	expect("a\xe2\x80\xae" "evil\xe2\x80\xac", "aevil");	/* RLO, PDF */
	expect("中\xe2\x80\x8b文", "中文");			/* ZWSP */
	expect("soft\xc2\xadhyphen", "softhyphen");
	expect("👨\xe2\x80\x8d👩\xe2\x80\x8d👧", "👨👩👧");	/* ZWJ */
	expect("❤\xef\xb8\x8f", "❤");				/* VS16 */
	expect("👍🏽", "👍");					/* skin tone */
}

static void
test_unmeasurable(void **state)
{
	expect("A\xf0\x9f\xab\xa8" "B", "A〓B");	/* U+1FAE8, new emoji */
	expect("\xf0\xb1\x8d\x90", "〓");		/* CJK Ext H */
	expect("🇨🇳", "🇨🇳");
	expect("🇨x", "\xef\xbf\xbdx");			/* lone RI */
	expect("bad\xff\xfe", "bad\xef\xbf\xbd\xef\xbf\xbd");
}

/* Random bytes: the output never holds a C0 or C1 control. */
static void
test_random_bytes(void **state)
{
	unsigned char	in[512];
	char		*out;
	size_t		i, k;
	unsigned	seed = 12345;

	for (k = 0; k < 2000; k++) {
		for (i = 0; i < sizeof in; i++) {
			seed = seed * 1103515245 + 12345;
			in[i] = (seed >> 16) & 0xFF;
			if (i % 7 == 0)
				in[i] = "\x1b\x9b[];\x07\x08\t\xc2"[(seed >> 8) % 10];
		}
		out = sanitize_dup((char *)in, sizeof in);
		for (i = 0; out[i] != '\0'; i++) {
			unsigned char c = out[i];

			assert_false(c < 0x20 || c == 0x7f);
			if (c == 0xC2)
				assert_false((unsigned char)out[i + 1] < 0xA0);
		}
		free(out);
	}
}

/*
 * Nothing to sanitise (an empty table cell, an empty file: no pointer at
 * all) leaves a terminated, empty string, and width_str measures it as 0.
 * The old code did arithmetic on the NULL pointer (clang's UBSan stops
 * there: the fuzz corpus replayed in a clang --enable-asan build) and left
 * the buffer it had just allocated unterminated (M_PERTURB shows it).
 */
static void
test_empty(void **state)
{
	struct buf	b;
	char		*s;
	int		 col = 0;

	mallopt(M_PERTURB, 0x41);	/* new memory is filled with 0xBE */
	buf_init(&b);
	sanitize_line(&b, NULL, 0, &col);
	mallopt(M_PERTURB, 0);
	assert_non_null(b.s);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.s[0], '\0');
	assert_int_equal(col, 0);
	buf_free(&b);
	s = sanitize_dup(NULL, 0);
	assert_string_equal(s, "");
	free(s);
	assert_int_equal(width_str(NULL, 0, 1), 0);
}

/*
 * A backspace after a flag takes the whole flag back: half of it, a lone
 * regional indicator, is what the sanitiser never lets out (sanitising
 * twice changed the text; found by fuzz_sanitize).
 */
static void
test_backspace_after_flag(void **state)
{
	char	*s;

	s = sanitize_dup("\xF0\x9F\x87\xAB\xF0\x9F\x87\xBE\b", 9);
	assert_string_equal(s, "");
	free(s);
	s = sanitize_dup("x\xF0\x9F\x87\xAB\xF0\x9F\x87\xBE"
	    "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\b", 18);
	assert_string_equal(s, "x\xF0\x9F\x87\xAB\xF0\x9F\x87\xBE");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_sequences),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_invisible),
		cmocka_unit_test(test_unmeasurable),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_backspace_after_flag),
	};

	return UNIT_RUN(tests);
}
