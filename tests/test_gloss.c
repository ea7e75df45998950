/* test_gloss.c: converter debris such as 長(zhǎng) is found, nothing else. */
#include "unit.h"

#include "gloss.h"

static size_t
glosses(const char *s)
{
	struct text	*t = text_new(strdup(s), strlen(s));
	size_t		 n = gloss_hide(t);

	text_free(t);
	return n;
}

static char *
visible(const char *s)
{
	struct text	*t = text_new(strdup(s), strlen(s));
	size_t		 len;
	char		*v;

	gloss_hide(t);
	v = text_visible(t, &len);
	text_free(t);
	return v;
}

static void
test_recognised(void **state)
{
	char	*v;

	assert_int_equal(glosses("成長(zhǎng)"), 1);
	assert_int_equal(glosses("發(fā)展"), 1);
	assert_int_equal(glosses("綠(lǜ)色"), 1);
	assert_int_equal(glosses("女(nǚ)"), 1);
	/* Combining tone mark instead of a precomposed one. */
	assert_int_equal(glosses("長(zha\xcc\x8cng)"), 1);
	/* Full-width parentheses. */
	assert_int_equal(glosses("長（zhǎng）"), 1);
	v = visible("MaaS的發(fā)展與成長(zhǎng)。");
	assert_string_equal(v, "MaaS的發展與成長。");
	free(v);
	/* A Latin letter the converter glossed right after Han. */
	v = visible("作為L(zhǎng)LM應用");
	assert_string_equal(v, "作為LLM應用");
	free(v);
}

static void
test_strip(void **state)
{
	struct buf	b;

	buf_init(&b);
	assert_int_equal(gloss_strip("二、模型進(jìn)步", strlen("二、模型進(jìn)步"),
	    &b), 1);
	assert_int_equal(b.len, strlen("二、模型進步"));
	assert_memory_equal(b.s, "二、模型進步", b.len);
	assert_true(gloss_may("進(jìn)", strlen("進(jìn)")));
	assert_false(gloss_may("進步", strlen("進步")));
	buf_free(&b);
}

/*
 * A gloss anywhere in a long text is found: before, across and after each
 * sixteen bytes the scan looks at together, with ( and （, among
 * full-width marks (which start with the same byte as （).
 */
static void
test_found_at_every_offset(void **state)
{
	static const char *const gloss[] = { "長(zhǎng)", "長（zhǎng）" };
	char	s[512], *v, want[512];
	size_t	k, g, len;

	for (g = 0; g < 2; g++)
		for (k = 0; k < 40; k++) {
			len = 0;
			for (size_t j = 0; j < k; j++)	/* k bytes before */
				s[len++] = j % 2 ? 'a' : 'b';
			len += (size_t)snprintf(s + len, sizeof s - len,
			    "%s，！？，。全角，標點，%s", gloss[g], gloss[g]);
			memcpy(want, s, k);
			snprintf(want + k, sizeof want - k,
			    "長，！？，。全角，標點，長");
			assert_int_equal(glosses(s), 2);
			v = visible(s);
			assert_string_equal(v, want);
			free(v);
		}
}

static void
test_not_glosses(void **state)
{
	assert_int_equal(glosses("中(zhong)"), 0);		/* no tone */
	assert_int_equal(glosses("微软(Microsoft)"), 0);
	assert_int_equal(glosses("iPhone(ā)"), 0);		/* not after Han */
	assert_int_equal(glosses("長(zhǎngǎ)"), 0);		/* two tones */
	assert_int_equal(glosses("長(qǐx)"), 0);			/* not Mandarin */
	assert_int_equal(glosses("長(ǎ"), 0);			/* unclosed */
	assert_int_equal(glosses("(zhǎng)"), 0);
	assert_int_equal(glosses("GL(zhǎng)"), 0);	/* Latin before the letter */
}

static void
test_syllables(void **state)
{
	assert_true(gloss_is_syllable("zhang", 5));
	assert_true(gloss_is_syllable("l\xc3\xbc", 3));
	assert_true(gloss_is_syllable("a", 1));
	assert_false(gloss_is_syllable("zhx", 3));
	assert_false(gloss_is_syllable("", 0));
}

static void
test_dump_hides_by_default(void **state)
{
	char	*out = unit_dump("這是發(fā)展的成長(zhǎng)。\n", 80, 1);

	assert_string_equal(out, "這是發展的成長。\n");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recognised),
		cmocka_unit_test(test_found_at_every_offset),
		cmocka_unit_test(test_not_glosses),
		cmocka_unit_test(test_strip),
		cmocka_unit_test(test_syllables),
		cmocka_unit_test(test_dump_hides_by_default),
	};

	return UNIT_RUN(tests);
}
