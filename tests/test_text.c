/* test_text.c: clusters, widths and break opportunities of a block's text. */
#include "unit.h"

#include <unilbrk.h>

#include "text.h"
#include "width.h"

static struct text *
mk(const char *s)
{
	return text_new(strdup(s), strlen(s));
}

static void
test_clusters_and_widths(void **state)
{
	/* e + combining acute, 中, 🇫🇷 (one flag), a. */
	struct text		*t = mk("e\xcc\x81中\xf0\x9f\x87\xab\xf0\x9f\x87\xb7" "a");
	const struct clusters	*cl = text_clusters(t, 1, 0);

	assert_int_equal(cl->n, 4);
	assert_int_equal(cl->width[0], 1);
	assert_int_equal(cl->width[1], 2);
	assert_int_equal(cl->width[2], 2);
	assert_int_equal(cl->width[3], 1);
	assert_int_equal(cl->off[1], 3);
	assert_int_equal(cl->off[4], t->len);
	text_free(t);
}

static void
test_ambiguous_width(void **state)
{
	struct text		*t = mk("“…”");
	const struct clusters	*one = text_clusters(t, 1, 0);

	assert_int_equal(one->width[0] + one->width[1] + one->width[2], 3);
	assert_int_equal(text_clusters(t, 2, 0)->width[1], 2);
	assert_int_equal(width_str("“…”", strlen("“…”"), 2), 6);
	text_free(t);
}

static void
test_break_flags(void **state)
{
	struct text		*t = mk("我說：「好。」then go");
	const struct clusters	*cl = text_clusters(t, 1, 0);

	/* 我 說 ： 「 好 。 」 t h e n ' ' g o */
	assert_true(cl->flags[1] & CL_BREAK);		/* 說 after 我 */
	assert_true(cl->flags[2] & CL_NOSTART);		/* ： */
	assert_false(cl->flags[2] & CL_BREAK);
	assert_true(cl->flags[3] & CL_NOEND);		/* 「 */
	assert_true(cl->flags[5] & CL_NOSTART);		/* 。 */
	assert_true(cl->flags[6] & CL_NOSTART);		/* 」 */
	assert_false(cl->flags[8] & CL_BREAK);		/* inside "then" */
	assert_true(cl->flags[11] & CL_SPACE);
	assert_true(cl->flags[12] & CL_BREAK);		/* "go" after space */
	text_free(t);
}

static void
test_hidden_spans(void **state)
{
	struct text		*t = mk("長(zhǎng)大");
	const struct clusters	*cl;
	size_t			 i, w = 0, len;
	char			*v;

	text_add_span(t, 3, t->len - 3, STYLE_HIDDEN, 0);
	cl = text_clusters(t, 1, 0);
	for (i = 0; i < cl->n; i++)
		w += cl->width[i];
	assert_int_equal(w, 4);
	v = text_visible(t, &len);
	assert_string_equal(v, "長大");
	free(v);
	text_free(t);
}

static void
test_preformatted_breaks(void **state)
{
	struct text		*t = mk("a b\ncd");
	const struct clusters	*cl = text_clusters(t, 1, 1);
	size_t			 i, nl = 0, brk = 0;

	for (i = 0; i < cl->n; i++) {
		nl += (cl->flags[i] & CL_NEWLINE) != 0;
		brk += (cl->flags[i] & CL_BREAK) != 0;
	}
	assert_int_equal(nl, 1);
	assert_true(brk <= 1);		/* only the hard line end */
	text_free(t);
}

static void
test_spans_sorted(void **state)
{
	struct text	*t = mk("abcdefgh");

	text_add_span(t, 5, 6, STYLE_EMPH, 0);
	text_add_span(t, 1, 2, STYLE_STRONG, 0);
	text_add_span(t, 3, 4, STYLE_CODE, 0);
	assert_int_equal(t->nspans, 3);
	assert_int_equal(t->spans[0].start, 1);
	assert_int_equal(t->spans[1].start, 3);
	assert_int_equal(t->spans[2].start, 5);
	text_free(t);
}

/* The style over byte k as the spans say it, looking at every one. */
static int
style_by_hand(const struct text *t, size_t k)
{
	size_t	i;
	int	style = STYLE_NONE;

	for (i = 0; i < t->nspans; i++) {
		const struct span *sp = &t->spans[i];

		if (sp->start <= k && k < sp->end && style != STYLE_HIDDEN &&
		    (sp->style > style || sp->style == STYLE_HIDDEN))
			style = sp->style;
	}
	return style;
}

/*
 * The style index agrees with the spans everywhere, through spans added
 * and cleared: nested, overlapping, empty, hidden over the rest.
 */
static void
test_style_index(void **state)
{
	struct text	*t = text_new(strdup("0123456789abcdefghijklmnopqrstuvwxyz"), 36);
	unsigned	 seed = 7;
	size_t		 i, k, next, a, z;
	int		 round;

	for (round = 0; round < 6; round++) {
		for (i = 0; i < 12; i++) {
			seed = seed * 1103515245 + 12345;
			a = (seed >> 8) % 36;
			z = a + (seed >> 16) % 12;
			text_add_span(t, (uint32_t)a, (uint32_t)(z > 36 ? 36 : z),
			    1 + (int)((seed >> 4) % (STYLE_COUNT - 1)), 0);
		}
		if (round == 3)
			text_clear_style(t, STYLE_HIDDEN);
		for (k = 0; k < 36; k++) {
			next = 36;
			assert_int_equal(text_style_at(t, k, &next),
			    style_by_hand(t, k));
			assert_true(next > k && next <= 36);
			for (i = k; i < next; i++)
				assert_int_equal(style_by_hand(t, i),
				    style_by_hand(t, k));
			assert_true(text_style_start(t, k) <= k);
			assert_int_equal(text_hidden_at(t, k),
			    style_by_hand(t, k) == STYLE_HIDDEN);
		}
	}
	text_free(t);
}

static size_t	fast_clusters;	/* texts the clusters' fast path took */

/*
 * The fast paths and the library agree on n bytes at s: line breaks
 * (libunistring), and clusters, their widths and flags (utf8proc and
 * libunistring) for both ambiguous widths.
 */
static int
breaks_agree(const char *s, size_t n)
{
	char		*a = malloc(n + 1), *b = malloc(n + 1);
	struct text	*t = text_new(strndup(s, n), n);
	int		 same, c1, c2;

	text_line_breaks(s, n, a);
	text_line_breaks_lib(s, n, b);
	same = memcmp(a, b, n) == 0;
	c1 = text_clusters_agree(t, 1);
	c2 = text_clusters_agree(t, 2);
	fast_clusters += c1 == 1;
	free(a);
	free(b);
	text_free(t);
	return same && c1 != 0 && c2 != 0;
}

/*
 * The fast paths against the library: every pair and spaced pair of the
 * characters it takes (with and without a third), and random strings of
 * them mixed with others (Latin-1, kana, emoji, tabs) that send a text to
 * the library, on 20,000 strings.
 */
static void
test_fast_breaks(void **state)
{
	static const char *const alpha[] = {
		"a", "Z", "0", "9", " ", " ", " ", "-", ".", ",", "(", ")", "[",
		"]", "\"", "'", "!", "?", "%", "$", "/", ":", ";", "#", "{",
		"}", "+", "中", "文", "字", "，", "。", "、", "「", "」", "（",
		"）", "！", "？", "：", "；", "《", "》", "“", "”", "…", "—",
		"　", "『", "』", "【", "】", "・", "‘", "’",
		"é", "\xc2\xa0", "\xc2\xad", "«", "»", "¿", "¡", "×", "ß",
		"–", "‐", "‑", "•", "„", "‚", "‥", "‧", "†", "°", "§",
		"Ａ", "１", "＠", "｛", "｟", "｠", "＄", "％", "〃", "々",
		"〇", "〜", "〝", "〒", "／", "～", "－", "·", "…", "—", "‥",
		/* the last 8: the library's path */
		"ア", "😀", "\t", "\xe2\x80\x8b", "ー", "ĉ", "\xcc\x81", "€",
	};
	size_t	 na = sizeof alpha / sizeof *alpha, i, j, k, len;
	char	 s[512];
	unsigned seed = 17;

	for (i = 0; i < na; i++)
		for (j = 0; j < na; j++) {
			len = (size_t)snprintf(s, sizeof s, "%s%s", alpha[i],
			    alpha[j]);
			assert_true(breaks_agree(s, len));
			len = (size_t)snprintf(s, sizeof s, "x%s %s", alpha[i],
			    alpha[j]);
			assert_true(breaks_agree(s, len));
			for (k = 0; k < na; k += 7) {
				len = (size_t)snprintf(s, sizeof s, "%s%s%s",
				    alpha[k], alpha[i], alpha[j]);
				assert_true(breaks_agree(s, len));
			}
		}
	for (i = 0; i < 20000; i++) {
		len = 0;
		for (j = 0; j < 40; j++) {
			seed = seed * 1103515245 + 12345;
			/* mostly the fast set: a string of it goes fast */
			k = (seed >> 16) % (i % 3 == 0 ? na : na - 8);
			len += (size_t)snprintf(s + len, sizeof s - len, "%s",
			    alpha[k]);
		}
		if (!breaks_agree(s, len))
			fail_msg("breaks differ on \"%s\"", s);
	}
	assert_true(fast_clusters > 10000);	/* the fast path was tried */
}

/* The same on every line and paragraph of the test documents. */
static void
test_fast_breaks_documents(void **state)
{
	const char	*dir = getenv("TESTDATA");
	char		 cmd[4096], *line = NULL;
	size_t		 cap = 0, files = 0;
	ssize_t		 n;
	FILE		*p;

	snprintf(cmd, sizeof cmd, "cat %s/*.in %s/*.out %s/*.md %s/*.html "
	    "2>/dev/null", dir ? dir : "tests/data", dir ? dir : "tests/data",
	    dir ? dir : "tests/data", dir ? dir : "tests/data");
	p = popen(cmd, "r");
	assert_non_null(p);
	while ((n = getline(&line, &cap, p)) > 0) {
		if (line[n - 1] == '\n')
			n--;
		if (!breaks_agree(line, (size_t)n))
			fail_msg("breaks differ on \"%.*s\"", (int)n, line);
		files++;
	}
	free(line);
	pclose(p);
	assert_true(files > 1000);
}

/*
 * What the runs of textfast.h take for granted, asked of libunistring: no
 * break between two letters or digits, a break after spaces between them,
 * a break between two ideographs.
 */
static void
test_fast_runs(void **state)
{
	static const char alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz";
	static const char *const han[] = { "一", "中", "長", "龜", "鿿", "書" };
	char	s[16], brk[16];
	size_t	i, j;

	for (i = 0; alnum[i]; i++)
		for (j = 0; alnum[j]; j++) {
			snprintf(s, sizeof s, "%c%c", alnum[i], alnum[j]);
			text_line_breaks_lib(s, 2, brk);
			assert_int_equal(brk[1], UC_BREAK_PROHIBITED);
			snprintf(s, sizeof s, "%c  %c", alnum[i], alnum[j]);
			text_line_breaks_lib(s, 4, brk);
			assert_int_equal(brk[3], UC_BREAK_POSSIBLE);
		}
	for (i = 0; i < 6; i++)
		for (j = 0; j < 6; j++) {
			snprintf(s, sizeof s, "%s%s", han[i], han[j]);
			text_line_breaks_lib(s, 6, brk);
			assert_int_equal(brk[3], UC_BREAK_POSSIBLE);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clusters_and_widths),
		cmocka_unit_test(test_ambiguous_width),
		cmocka_unit_test(test_break_flags),
		cmocka_unit_test(test_hidden_spans),
		cmocka_unit_test(test_preformatted_breaks),
		cmocka_unit_test(test_spans_sorted),
		cmocka_unit_test(test_style_index),
		cmocka_unit_test(test_fast_breaks),
		cmocka_unit_test(test_fast_runs),
		cmocka_unit_test(test_fast_breaks_documents),
	};

	return UNIT_RUN(tests);
}
