/*
 * test_fold.c: traditional and simplified Chinese as one for search: the
 * fold table (fold.h) and search matching either script, in block texts,
 * in the raw source, in list filters, and not at all with SEARCH_NOSCRIPT.
 */
#include "unit.h"

#include "fold.h"
#include "gloss.h"
#include "search.h"
#include "utf8.h"

static uint32_t
cp(const char *s)
{
	uint32_t	c;

	utf8_decode((const uint8_t *)s, strlen(s), &c);
	return c;
}

static int
count_fn(void *arg, size_t a, size_t b)
{
	(void)a;
	(void)b;
	(*(long *)arg)++;
	return 1;
}

static struct search *
pat(const char *p, int flags)
{
	char		*cause = NULL;
	struct search	*s = search_new(p, flags, &cause);

	assert_non_null(s);
	return s;
}

/* Matches of p in a text (glosses hidden, as the model has them). */
static long
in_text(const char *p, const char *text, int flags)
{
	struct search	*s = pat(p, flags);
	struct text	*t = text_new(strdup(text), strlen(text));
	long		 n = 0;

	gloss_hide(t);
	search_text(s, t, count_fn, &n);
	text_free(t);
	search_free(s);
	return n;
}

/* Matches of p in raw source; they must agree with the text's. */
static long
in_source(const char *p, const char *src, int flags)
{
	struct search	*s = pat(p, flags);
	long		 n = 0;

	search_scan(s, src, strlen(src), 0, strlen(src), count_fn, &n);
	search_free(s);
	return n;
}

/* Common pairs, each folding to its simplified form, which stays. */
static void
test_common_pairs(void **state)
{
	static const char *const pairs[][2] = {
		{ "發", "发" }, { "髮", "发" }, { "後", "后" }, { "乾", "干" },
		{ "幹", "干" }, { "國", "国" }, { "經", "经" }, { "濟", "济" },
		{ "雲", "云" }, { "並", "并" }, { "係", "系" }, { "繫", "系" },
		{ "臺", "台" }, { "颱", "台" }, { "檯", "台" }, { "裡", "里" },
		{ "裏", "里" }, { "麵", "面" }, { "鐘", "钟" }, { "鍾", "钟" },
		{ "遊", "游" }, { "衆", "众" }, { "眾", "众" }, { "喫", "吃" },
		{ "鍼", "针" },	/* OpenCC's, not Unihan's rare 𰾗 */
		{ "著", "着" },	/* s2tw shows 着 as 著: found either way */
		{ "為", "为" }, { "爲", "为" }, { "體", "体" }, { "龍", "龙" },
	};
	size_t	i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		assert_int_equal(fold_ts(cp(pairs[i][0])), cp(pairs[i][1]));
		assert_int_equal(fold_ts(cp(pairs[i][1])), cp(pairs[i][1]));
	}
	/* what is the same in both scripts, and what is not Chinese */
	assert_int_equal(fold_ts(cp("展")), cp("展"));
	assert_int_equal(fold_ts(cp("的")), cp("的"));
	assert_int_equal(fold_ts('a'), 'a');
	assert_int_equal(fold_ts(cp("é")), cp("é"));
	assert_int_equal(fold_ts(cp("か")), cp("か"));
}

/* Folding twice is folding once; every pair is found back by its sources. */
static void
test_table(void **state)
{
	uint32_t	src[FOLD_SOURCES_MAX + 1];
	size_t		i, k, n;
	int		found;

	assert_true(fold_npairs > 6000);
	for (i = 0; i < fold_npairs; i++) {
		const struct fold_pair *p = &fold_pairs[i];

		if (i > 0)
			assert_true(fold_pairs[i - 1].from < p->from);
		assert_int_not_equal(p->from, p->to);
		assert_int_equal(fold_ts(p->from), p->to);
		assert_int_equal(fold_ts(p->to), p->to);
		n = fold_sources(p->to, src, FOLD_SOURCES_MAX + 1);
		assert_true(n <= FOLD_SOURCES_MAX);
		assert_int_equal(src[0], p->to);
		for (k = 0, found = 0; k < n; k++) {
			assert_int_equal(fold_ts(src[k]), p->to);
			found |= src[k] == p->from;
		}
		assert_true(found);
	}
	n = fold_sources(cp("發"), src, FOLD_SOURCES_MAX);	/* 发 髮 發 */
	assert_int_equal(n, 3);
	assert_int_equal(src[0], cp("发"));
	assert_int_equal(fold_sources(cp("展"), src, FOLD_SOURCES_MAX), 1);
}

/* 发展 finds 發展, 發展 finds 发展, a mixed pattern finds both. */
static void
test_either_way(void **state)
{
	const char	*text = "發展與发展，後來的后來，發展";

	assert_int_equal(in_text("发展", text, 0), 3);
	assert_int_equal(in_text("發展", text, 0), 3);
	assert_int_equal(in_text("發展", text, SEARCH_NOSCRIPT), 2);
	assert_int_equal(in_text("发展", text, SEARCH_NOSCRIPT), 1);
	assert_int_equal(in_text("后来", text, 0), 2);
	assert_int_equal(in_text("後来", text, 0), 2);	/* mixed */
	assert_int_equal(in_source("发展", text, 0), 3);
	assert_int_equal(in_source("發展", text, 0), 3);
	assert_int_equal(in_source("后來", text, 0), 2);
	assert_int_equal(in_source("发展", text, SEARCH_NOSCRIPT), 1);
	assert_int_equal(in_source("發展", text, SEARCH_NOSCRIPT), 2);
}

/* 乾隆 stays 乾隆 in simplified, 乾燥 becomes 干燥: both are found. */
static void
test_qianlong(void **state)
{
	const char	*text = "乾隆年間，天氣乾燥。干燥的空氣";

	assert_int_equal(in_text("乾隆", text, 0), 1);
	assert_int_equal(in_text("乾燥", text, 0), 2);
	assert_int_equal(in_text("干燥", text, 0), 2);
	assert_int_equal(in_source("乾隆", text, 0), 1);
	assert_int_equal(in_source("干燥", text, 0), 2);
	assert_int_equal(in_source("干燥", text, SEARCH_NOSCRIPT), 1);
}

/* Many to one: 发 finds 髮 (hair) and 發 (send); 后 finds 後 and 后. */
static void
test_many_to_one(void **state)
{
	const char	*text = "頭髮，發展，发现，皇后，以後";

	assert_int_equal(in_text("发", text, 0), 3);
	assert_int_equal(in_source("发", text, 0), 3);
	assert_int_equal(in_source("髮", text, 0), 3);
	assert_int_equal(in_text("后", text, 0), 2);
	assert_int_equal(in_source("後", text, 0), 2);
	assert_int_equal(in_source("后", text, SEARCH_NOSCRIPT), 1);
}

/* Hidden glosses and joined lines, as before: 发展 finds 發(fā)展(zhǎn). */
static void
test_glosses_and_lines(void **state)
{
	const char	*text = "大(dà)模(mó)型的發(fā)展(zhǎn)才剛";
	const char	*src = "大模型的發\n展才剛，頭髮(fà)";

	assert_int_equal(in_text("发展", text, 0), 1);
	assert_int_equal(in_text("的发展才刚", text, 0), 1);
	assert_int_equal(in_source("发展", text, 0), 1);
	assert_int_equal(in_source("发展", src, 0), 1);
	assert_int_equal(in_source("头发", src, 0), 1);
}

/* A pattern's first character with several traditional forms: all found. */
static void
test_first_character_forms(void **state)
{
	/* 坛 has five: 壇 罈 罎 壜 墰 */
	const char	*text = "天壇，酒罈，花罎，石壜，土墰，論坛";

	assert_int_equal(in_source("坛", text, 0), 6);
	assert_int_equal(in_text("坛", text, 0), 6);
	assert_int_equal(in_source("罈", text, 0), 6);
	assert_int_equal(in_source("罈", text, SEARCH_NOSCRIPT), 1);
}

/* Where each match starts, found by search_scan in [from, to). */
static int
starts_fn(void *arg, size_t a, size_t b)
{
	struct buf	*out = arg;

	(void)b;
	buf_add(out, &a, sizeof a);
	return 1;
}

/*
 * A long text of characters with several forms, mixed: the scan (16 bytes
 * at a time) finds exactly where the pattern's folded form is, at any
 * window, as a plain walk over the folded characters does.
 */
static void
test_scan_forms(void **state)
{
	static const char *const chars[] = {
		"发", "發", "髮", "展", "后", "後", "坛", "壇", "罈", "罎", "壜",
		"墰", "的", "a", "，", "𫫇", "噁",
	};
	static const char *const pats[] = { "发展", "后", "壇", "坛的", "噁" };
	struct buf	 text, want, got;
	unsigned long	 seed = 7;
	size_t		 i, k, from, to, nc = sizeof chars / sizeof *chars;
	uint32_t	 p0, p1, c0, c1;
	int		 l0, l1 = 0;

	buf_init(&text);
	for (i = 0; i < 6000; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		buf_adds(&text, chars[(seed >> 33) % nc]);
	}
	for (k = 0; k < sizeof pats / sizeof *pats; k++) {
		struct search *s = pat(pats[k], 0);

		l0 = utf8_decode((const uint8_t *)pats[k], strlen(pats[k]), &p0);
		p1 = 0;
		if (pats[k][l0] != '\0')
			utf8_decode((const uint8_t *)pats[k] + l0,
			    strlen(pats[k]) - (size_t)l0, &p1);
		p0 = fold_ts(p0);
		p1 = fold_ts(p1);
		for (from = 0; from < text.len; from += 4099) {
			to = from + 7001 < text.len ? from + 7001 : text.len;
			buf_init(&want);
			buf_init(&got);
			for (i = 0; i < to; i += (size_t)l0) {
				l0 = utf8_decode((const uint8_t *)text.s + i,
				    text.len - i, &c0);
				c1 = 0;
				if (p1 != 0 && i + (size_t)l0 < text.len)
					l1 = utf8_decode((const uint8_t *)text.s +
					    i + l0, text.len - i - l0, &c1);
				if (i >= from && fold_ts(c0) == p0 &&
				    (p1 == 0 || fold_ts(c1) == p1)) {
					buf_add(&want, &i, sizeof i);
					if (p1 != 0)	/* matches do not overlap */
						i += (size_t)l1;
				}
			}
			search_scan(s, text.s, text.len, from, to, starts_fn,
			    &got);
			assert_int_equal(got.len, want.len);
			assert_memory_equal(got.s, want.s, want.len);
			buf_free(&want);
			buf_free(&got);
		}
		search_free(s);
	}
	buf_free(&text);
}

/* Latin, full width and case are as they were. */
static void
test_latin_unchanged(void **state)
{
	assert_int_equal(in_source("ai", "AI, ＡＩ, ai 發展", 0), 3);
	assert_int_equal(in_source("AI", "AI, ＡＩ, ai 發展", 0), 2);
	assert_int_equal(in_text("ai", "AI, ＡＩ, ai 發展", 0), 3);
}

/* A list filter: any case, either script. */
static void
test_filter(void **state)
{
	struct search	*s = pat("Docker 发展", SEARCH_ICASE);

	assert_true(search_in(s, "二、DOCKER 發展", strlen("二、DOCKER 發展")));
	assert_false(search_in(s, "二、docker 的發展", strlen("二、docker 的發展")));
	search_free(s);
	s = pat("發展", SEARCH_ICASE | SEARCH_NOSCRIPT);
	assert_false(search_in(s, "发展", strlen("发展")));
	search_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_common_pairs),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_either_way),
		cmocka_unit_test(test_qianlong),
		cmocka_unit_test(test_many_to_one),
		cmocka_unit_test(test_glosses_and_lines),
		cmocka_unit_test(test_first_character_forms),
		cmocka_unit_test(test_scan_forms),
		cmocka_unit_test(test_latin_unchanged),
		cmocka_unit_test(test_filter),
	};

	return UNIT_RUN(tests);
}
