/* test_anchor.c: annotations stay on their passage through edits, or orphan. */
#include "unit.h"

#include "anchor.h"
#include "sha256.h"

static const char original[] =
    "Introduction\n\nMobility as a Service bundles buses, trains and bikes into one\n"
    "subscription. The idea was first tried in Helsinki in 2016.\n\n"
    "城市交通長期面對擁擠與污染兩大難題。MaaS的想法是把公車、捷運、單車與計程車整合到一個服務之中。\n\n"
    "Critics say the business model is fragile and depends on public money.\n";

static const char *quote_en = "The idea was first tried in Helsinki in 2016.";
static const char *quote_zh = "MaaS的想法是把公車、捷運、單車與計程車整合到一個服務之中。";

static void
capture(const char *quote, struct anchor_sel *sel)
{
	char		 sha[65];
	const char	*at = strstr(original, quote);

	assert_non_null(at);
	sha256_hex(original, strlen(original), sha);
	anchor_capture(original, strlen(original), (size_t)(at - original),
	    (size_t)(at - original) + strlen(quote), sha, sel);
}

/* Resolves sel on text; checks the state and, if attached, the text. */
static void
expect(const struct anchor_sel *sel, const char *text, int state,
    const char *want)
{
	struct anchor_hit	hit;
	char			sha[65];

	sha256_hex(text, strlen(text), sha);
	anchor_resolve(text, strlen(text), sha, sel, &hit);
	assert_int_equal(hit.state, state);
	if (want != NULL) {
		assert_int_equal(hit.end - hit.start, strlen(want));
		assert_memory_equal(text + hit.start, want, strlen(want));
	}
}

/* Replaces the first occurrence of a in s by b; returns a new string. */
static char *
edit(const char *s, const char *a, const char *b)
{
	const char	*at = strstr(s, a);
	char		*out = malloc(strlen(s) + strlen(b) + 1);

	assert_non_null(at);
	memcpy(out, s, (size_t)(at - s));
	strcpy(out + (at - s), b);
	strcat(out, at + strlen(a));
	return out;
}

static void
test_unchanged(void **state)
{
	struct anchor_sel	sel;

	capture(quote_en, &sel);
	expect(&sel, original, ANCHOR_EXACT, quote_en);
	anchor_sel_free(&sel);
}

static void
test_text_inserted_before(void **state)
{
	struct anchor_sel	 sel;
	char			*t = edit(original, "Introduction",
	    "Introduction\n\nA new first paragraph, added later by the editor.");

	capture(quote_en, &sel);
	expect(&sel, t, ANCHOR_MOVED, quote_en);
	free(t);
	anchor_sel_free(&sel);
}

static void
test_paragraph_moved(void **state)
{
	struct anchor_sel	 sel;
	char			*a = edit(original, "Critics say the business model is "
	    "fragile and depends on public money.\n", "");
	char			*t = edit(a, "Introduction\n", "Introduction\n\nCritics say "
	    "the business model is fragile and depends on public money.\n");

	capture("Critics say the business model is fragile", &sel);
	expect(&sel, t, ANCHOR_MOVED, "Critics say the business model is fragile");
	free(a);
	free(t);
	anchor_sel_free(&sel);
}

static void
test_typo_fixed_inside(void **state)
{
	struct anchor_sel	 sel;
	char			*t;

	capture(quote_zh, &sel);
	t = edit(original, "單車與計程車", "單車和計程車");
	expect(&sel, t, ANCHOR_FUZZY, "MaaS的想法是把公車、捷運、單車和計程車整合到一個服務之中。");
	free(t);
	anchor_sel_free(&sel);
	capture(quote_en, &sel);
	t = edit(original, "first tried", "first trialled");
	expect(&sel, t, ANCHOR_FUZZY, "The idea was first trialled in Helsinki in 2016.");
	free(t);
	anchor_sel_free(&sel);
}

static void
test_deleted_orphans(void **state)
{
	struct anchor_sel	 sel;
	char			*t = edit(original, quote_en, "");

	capture(quote_en, &sel);
	expect(&sel, t, ANCHOR_ORPHAN, NULL);
	free(t);
	anchor_sel_free(&sel);
}

static void
test_lookalike_not_taken(void **state)
{
	struct anchor_sel	 sel;
	char			*a = edit(original, quote_en, "");
	/* The same sentence elsewhere, in another context. */
	char			*t = edit(a, "Critics say", "In a quite different "
	    "place: The idea was first tried in Helsinki in 2016. Critics say");

	capture(quote_en, &sel);
	expect(&sel, t, ANCHOR_ORPHAN, NULL);
	free(a);
	free(t);
	anchor_sel_free(&sel);
}

static void
test_lookalike_and_original(void **state)
{
	struct anchor_sel	 sel;
	/* A look-alike before the passage: positions shift. */
	char			*t = edit(original, "Introduction\n", "Introduction\n\n"
	    "Elsewhere: The idea was first tried in Helsinki in 2016. Fine.\n");

	capture(quote_en, &sel);
	expect(&sel, t, ANCHOR_MOVED, quote_en);
	/* It is the original place, not the look-alike. */
	{
		struct anchor_hit	hit;
		char			sha[65];

		sha256_hex(t, strlen(t), sha);
		anchor_resolve(t, strlen(t), sha, &sel, &hit);
		assert_true(hit.start > (size_t)(strstr(t, "Fine.") - t));
	}
	free(t);
	anchor_sel_free(&sel);
}

static void
test_crlf_and_rewrapped(void **state)
{
	struct anchor_sel	 sel;
	struct buf		 b;
	const char		*p;
	char			*t;

	capture(quote_en, &sel);
	buf_init(&b);
	for (p = original; *p != '\0'; p++) {
		if (*p == '\n')
			buf_adds(&b, "\r\n");
		else
			buf_addc(&b, *p);
	}
	t = buf_take(&b, NULL);
	expect(&sel, t, ANCHOR_MOVED, NULL);
	free(t);
	/* Re-wrapped: the line break moves into the quote. */
	t = edit(original, "in Helsinki in 2016", "in\nHelsinki in 2016");
	expect(&sel, t, ANCHOR_MOVED, "The idea was first tried in\nHelsinki in 2016.");
	free(t);
	/* Chinese re-wrapped: a break between characters. */
	anchor_sel_free(&sel);
	capture(quote_zh, &sel);
	t = edit(original, "捷運、單車", "捷運、\n單車");
	expect(&sel, t, ANCHOR_MOVED, NULL);
	free(t);
	anchor_sel_free(&sel);
}

static void
test_ambiguous(void **state)
{
	struct anchor_sel	 sel;
	char			*t;
	const char		*doc = "x.\n\nSame words here. Then more.\n";

	{
		char	 sha[65];
		const char *at = strstr(doc, "Same words here.");

		sha256_hex(doc, strlen(doc), sha);
		anchor_capture(doc, strlen(doc), (size_t)(at - doc),
		    (size_t)(at - doc) + 16, sha, &sel);
	}
	/* The passage now appears twice with the same context. */
	t = strdup("y.\n\nx.\n\nSame words here. Then more.\n\nx.\n\nSame words here. Then more.\n");
	expect(&sel, t, ANCHOR_AMBIGUOUS, NULL);
	free(t);
	anchor_sel_free(&sel);
}

/*
 * Numbers from an import are not trusted: a start after the end, an end
 * past the text, a start that wraps round to before the text.  The hit
 * stays inside the text, found by its quote.  The old code took the
 * range of the same version as it was (start > end: a memcpy of size -1
 * when the reader drew it) and read before the text for the wrapped one.
 */
static void
test_bad_numbers(void **state)
{
	static const size_t	 bad[][2] = {
		{ 101, 100 }, { 5, 0 }, { 0, (size_t)-1 }, { (size_t)-4096, 0 },
		{ (size_t)-45, 0 }, { 90, 10000 },
	};
	struct anchor_sel	 sel;
	struct anchor_hit	 hit;
	size_t			 i, n = strlen(original);
	char			 sha[65];

	sha256_hex(original, n, sha);
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		capture(quote_en, &sel);
		sel.start = bad[i][0];
		sel.end = bad[i][1];
		anchor_resolve(original, n, sha, &sel, &hit);
		assert_int_equal(hit.state, ANCHOR_MOVED);
		assert_true(hit.start <= hit.end && hit.end <= n);
		assert_memory_equal(original + hit.start, quote_en,
		    strlen(quote_en));
		anchor_resolve(original, n, "another version", &sel, &hit);
		assert_true(hit.state == ANCHOR_ORPHAN ||
		    (hit.start <= hit.end && hit.end <= n));
		anchor_sel_free(&sel);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_text_inserted_before),
		cmocka_unit_test(test_paragraph_moved),
		cmocka_unit_test(test_typo_fixed_inside),
		cmocka_unit_test(test_deleted_orphans),
		cmocka_unit_test(test_lookalike_not_taken),
		cmocka_unit_test(test_lookalike_and_original),
		cmocka_unit_test(test_crlf_and_rewrapped),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_bad_numbers),
	};

	return UNIT_RUN(tests);
}
