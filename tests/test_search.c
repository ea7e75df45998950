/* test_search.c: finding what a person means, in block texts and raw source. */
#include "unit.h"

#include "gloss.h"
#include "search.h"

static struct search *
pat(const char *p, int flags)
{
	char		*cause = NULL;
	struct search	*s = search_new(p, flags, &cause);

	assert_non_null(s);
	return s;
}

static int
count_fn(void *arg, size_t a, size_t b)
{
	(*(long *)arg)++;
	return 1;
}

struct first {
	size_t	a, b;
	int	found;
};

static int
first_fn(void *arg, size_t a, size_t b)
{
	struct first	*f = arg;

	f->a = a;
	f->b = b;
	f->found = 1;
	return 0;
}

/* Matches in a text (with glosses hidden, as the model does). */
static long
in_text(const char *p, const char *text)
{
	struct search	*s = pat(p, 0);
	struct text	*t = text_new(strdup(text), strlen(text));
	long		 n = 0;

	gloss_hide(t);
	search_text(s, t, count_fn, &n);
	text_free(t);
	search_free(s);
	return n;
}

/* Matches in raw source. */
static long
in_source(const char *p, const char *src)
{
	struct search	*s = pat(p, 0);
	long		 n = 0;

	search_scan(s, src, strlen(src), 0, strlen(src), count_fn, &n);
	search_free(s);
	return n;
}

static void
test_normalised(void **state)
{
	assert_int_equal(in_text("ai", "AI and ＡＩ and ai"), 3);
	assert_int_equal(in_text("ＡＩ", "AI and ＡＩ and ai"), 2);	/* smart case */
	assert_int_equal(in_text("maas", "MaaS, ＭａａＳ, MAAS"), 3);
	assert_int_equal(in_text("MaaS", "MaaS, ＭａａＳ, MAAS"), 2);
	assert_int_equal(in_text("cafe\xcc\x81", "café"), 1);	/* é = e + ́ */
	assert_int_equal(in_source("ai", "AI and ＡＩ and ai"), 3);
	assert_int_equal(in_source("maas", "MaaS, ＭａａＳ, MAAS"), 3);
	assert_int_equal(in_source("MaaS", "MaaS, ＭａａＳ, MAAS"), 2);
}

static void
test_across_line_breaks(void **state)
{
	/* In the model the lines are joined; in the source they are not. */
	assert_int_equal(in_source("as a service", "Mobility as\na Service."), 1);
	assert_int_equal(in_source("as a service", "Mobility as\n   a Service."), 1);
	assert_int_equal(in_source("硬換行的文字", "這是硬換行\n的文字。"), 1);
	assert_int_equal(in_source("硬換行的文字", "這是硬換行\r\n　　的文字。"), 1);
	/* A blank line ends the paragraph: no match across it. */
	assert_int_equal(in_source("as a", "Mobility as\n\na Service."), 0);
	assert_int_equal(in_source("a  b", "a \t b"), 1);
}

static void
test_glosses(void **state)
{
	assert_int_equal(in_text("發展", "MaaS的發(fā)展很快"), 1);
	assert_int_equal(in_source("發展", "MaaS的發(fā)展很快"), 1);
	assert_int_equal(in_source("長期", "城市交通長(zhǎng)期面對"), 1);
	/* Hidden glosses are not searched. */
	assert_int_equal(in_text("zhang", "長(zhǎng)期"), 0);
	assert_int_equal(in_source("zhǎng", "長(zhǎng)期"), 0);
	assert_int_equal(in_source("zhong", "中(zhong)文"), 1);	/* no gloss */
}

static void
test_positions(void **state)
{
	const char	*text = "A phrase, and ＭａａＳ here.";
	struct search	*s = pat("maas", 0);
	struct text	*t = text_new(strdup(text), strlen(text));
	struct first	 f = { 0, 0, 0 };

	search_text(s, t, first_fn, &f);
	assert_true(f.found);
	assert_int_equal(f.a, strlen("A phrase, and "));
	assert_int_equal(f.b, strlen("A phrase, and ＭａａＳ"));
	memset(&f, 0, sizeof f);
	search_scan(s, text, strlen(text), 0, strlen(text), first_fn, &f);
	assert_int_equal(f.a, strlen("A phrase, and "));
	assert_int_equal(f.b, strlen("A phrase, and ＭａａＳ"));
	text_free(t);
	search_free(s);
}

static void
test_regex(void **state)
{
	char		*cause = NULL;
	struct search	*s = search_new("a(", SEARCH_REGEX, &cause);
	struct text	*t;
	long		 n = 0;

	assert_null(s);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "missing"));
	free(cause);
	s = pat("m[a]+s", SEARCH_REGEX);
	t = text_new(strdup("MaaS ｍａａｓ mas"), strlen("MaaS ｍａａｓ mas"));
	assert_int_equal(search_text(s, t, count_fn, &n), 3);
	text_free(t);
	search_free(s);
	/* A pathological expression is stopped by the match limit. */
	s = pat("(a+)+$", SEARCH_REGEX);
	t = text_new(strdup("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"), 44);
	n = 0;
	assert_true(search_text(s, t, count_fn, &n) <= 0);
	text_free(t);
	search_free(s);
}

static void
test_empty_pattern(void **state)
{
	char	*cause = NULL;

	assert_null(search_new("", 0, &cause));
	free(cause);
}

/* The two ways agree on a document. */
static void
test_text_and_source_agree(void **state)
{
	const char	*src = "標題\n\n一、MaaS的緣起\n\n城市交通長(zhǎng)期面對擁擠。MaaS的想法\n"
	    "是整合。\n\nThe maas idea, as\nproposed in Helsinki: MAAS.\n";
	struct doc	*d = unit_doc(src);
	const char	*pats[] = { "maas", "MaaS", "長期", "as proposed", "的" };
	size_t		 i, b;

	for (i = 0; i < sizeof pats / sizeof *pats; i++) {
		struct search	*s = pat(pats[i], 0);
		long		 nt = 0, ns = 0;

		for (b = 0; b < doc_nblocks(d); b++)
			search_text(s, doc_text(d, b), count_fn, &nt);
		search_scan(s, src, strlen(src), 0, strlen(src), count_fn, &ns);
		assert_int_equal(nt, ns);
		assert_true(nt > 0);
		search_free(s);
	}
	doc_free(d);
}

/* What every match of an expression holds: found on the source. */
static void
test_needed(void **state)
{
	static const char *const none[] = {
		"a|bcd", "(?i)abc", "\\Qabc\\E", "\\d+", "a.b.c", "(abc)+",
		"x?yz?", "\\p{Han}+",
	};
	struct search	*s;
	struct first	 f;
	const char	*src = "12 END-OF-CxRPUS 34";
	size_t		 i;

	s = pat("END-OF-C.RPUS", SEARCH_REGEX);
	assert_non_null(search_needed(s));
	memset(&f, 0, sizeof f);
	search_scan(search_needed(s), src, strlen(src), 0, strlen(src),
	    first_fn, &f);
	assert_true(f.found);
	assert_int_equal(f.a, 3);
	assert_int_equal(f.b, 11);	/* END-OF-C, the longer run */
	search_free(s);
	/* a character that may be absent leaves the run */
	s = pat("abcx?def", SEARCH_REGEX);
	assert_non_null(search_needed(s));
	memset(&f, 0, sizeof f);
	search_scan(search_needed(s), "zzabcdef", 8, 0, 8, first_fn, &f);
	assert_true(f.found);
	assert_int_equal(f.a, 2);
	search_free(s);
	/* folded as the expression is: smart case */
	s = pat("hello.world", SEARCH_REGEX);
	memset(&f, 0, sizeof f);
	search_scan(search_needed(s), "HELLO world", 11, 0, 11, first_fn, &f);
	assert_true(f.found);
	search_free(s);
	s = pat("Hello.world", SEARCH_REGEX);
	memset(&f, 0, sizeof f);
	search_scan(search_needed(s), "HELLO world", 11, 0, 11, first_fn, &f);
	assert_false(f.found);
	search_free(s);
	for (i = 0; i < sizeof none / sizeof *none; i++) {
		s = pat(none[i], SEARCH_REGEX);
		assert_null(search_needed(s));
		search_free(s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalised),
		cmocka_unit_test(test_across_line_breaks),
		cmocka_unit_test(test_glosses),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_empty_pattern),
		cmocka_unit_test(test_text_and_source_agree),
		cmocka_unit_test(test_needed),
	};

	return UNIT_RUN(tests);
}
