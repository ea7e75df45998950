/*
 * test_scursor.c: the search cursor finds the matches in order from any
 * place, forward and backward, wrapping, counts them exactly (Markdown
 * too), and gives each the model range the reader draws.
 */
#include "unit.h"

#include "passage.h"
#include "scursor.h"
#include "search.h"

struct fixture {
	struct doc	*d;
	struct search	*s;
	struct scursor	*c;
};

static void
fx_open(struct fixture *f, const char *text, int format, const char *pat,
    int flags)
{
	struct doc_opts	 o = { NULL, 0, 0, 0, format };
	char		*cause = NULL;

	f->d = doc_open_mem(text, strlen(text), &o, &cause);
	assert_non_null(f->d);
	f->s = search_new(pat, flags, &cause);
	assert_non_null(f->s);
	f->c = scursor_new(f->d, f->s);
}

static void
fx_close(struct fixture *f)
{
	scursor_free(f->c);
	search_free(f->s);
	doc_free(f->d);
}

/* The shown text of a match. */
static char *
shown(struct fixture *f, struct match *m)
{
	assert_int_equal(scursor_model(f->c, m), 0);
	return passage_shown(f->d, m->from, m->to, NULL);
}

/* Counts all the matches, with the index of m. */
static void
count(struct fixture *f, const struct match *m, long total, long index)
{
	scursor_count_begin(f->c, m);
	while (scursor_count_step(f->c))
		;
	assert_int_equal(scursor_total(f->c), total);
	assert_int_equal(scursor_index(f->c), index);
}

static const char plain[] =
    "One apple here.\n\nTwo apples there, an apple\nsplit on a line: ap\nple.\n"
    "\nThe last apple.\n";

static void
test_forward_backward(void **state)
{
	struct fixture	f;
	struct place	pl = { 0, { 0, 0 }, 0 };
	struct match	m, n;
	int		wrapped;

	fx_open(&f, plain, DOC_FORMAT_TEXT, "apple", 0);
	assert_false(scursor_on_texts(f.c));
	assert_int_equal(scursor_find(f.c, &pl, 1, &m, &wrapped), 1);
	assert_int_equal(m.src, 4);
	assert_false(wrapped);
	count(&f, &m, 4, 1);
	/* next, next, next: "apples", "an apple", "last apple" */
	assert_int_equal(scursor_step(f.c, &m, 1, &n, &wrapped), 1);
	assert_int_equal(n.src, 21);
	assert_int_equal(scursor_step(f.c, &n, 1, &m, &wrapped), 1);
	assert_int_equal(m.src, 38);
	count(&f, &m, 4, 3);
	assert_int_equal(scursor_step(f.c, &m, 1, &n, &wrapped), 1);
	assert_false(wrapped);
	assert_int_equal(scursor_step(f.c, &n, 1, &m, &wrapped), 1);
	assert_true(wrapped);		/* round to the first */
	assert_int_equal(m.src, 4);
	/* backward from the start wraps to the last */
	assert_int_equal(scursor_step(f.c, &m, -1, &n, &wrapped), 1);
	assert_true(wrapped);
	assert_int_equal(n.src, strstr(plain, "last apple") - plain + 5);
	fx_close(&f);
}

/* "ap\nple" is "ap ple" in the model: no match; "apple" in between lines is. */
static void
test_model_ranges(void **state)
{
	struct fixture	f;
	struct place	pl = { 30, { 0, 0 }, 0 };
	struct match	m;
	int		wrapped;
	char		*q;

	/* the first line 20 columns as shown, so that it joins the next */
	fx_open(&f, "大模型的發(fā)展很快了,發\n展也很\n穩。\n", DOC_FORMAT_TEXT,
	    "發展", 0);
	pl.src = 0;
	assert_int_equal(scursor_find(f.c, &pl, 1, &m, &wrapped), 1);
	q = shown(&f, &m);
	assert_string_equal(q, "發展");
	free(q);
	assert_int_equal(m.src_end - m.src, strlen("發(fā)展"));
	assert_int_equal(scursor_step(f.c, &m, 1, &m, &wrapped), 1);
	q = shown(&f, &m);		/* across the line break */
	assert_string_equal(q, "發展");
	free(q);
	count(&f, &m, 2, 2);
	fx_close(&f);
}

/* A place given as a model position. */
static void
test_from_position(void **state)
{
	struct fixture	f;
	struct place	pl = { 0, { 2, 0 }, 1 };
	struct match	m;
	int		wrapped;

	fx_open(&f, plain, DOC_FORMAT_TEXT, "apple", 0);
	assert_int_equal(scursor_find(f.c, &pl, 1, &m, &wrapped), 1);
	assert_int_equal(m.src, strstr(plain, "last apple") - plain + 5);
	assert_int_equal(scursor_find(f.c, &pl, -1, &m, &wrapped), 1);
	assert_int_equal(m.src, 38);	/* the last before block 2 */
	fx_close(&f);
}

static const char md[] =
    "# Docker 入门\n\nDocker is *Docker*, and [Docker](https://docker.com) "
    "too.\n\n- a Docker list\n- **Docker** in bold\n\n```\nDocker in code\n"
    "```\n";

/* Markdown: on the texts, in order, counted exactly; markup never matches. */
static void
test_markdown(void **state)
{
	struct fixture	f;
	struct place	pl = { 0, { 0, 0 }, 1 };
	struct match	m;
	int		wrapped, k;
	char		*q;

	fx_open(&f, md, DOC_FORMAT_MARKDOWN, "Docker", 0);
	assert_true(scursor_on_texts(f.c));
	assert_int_equal(scursor_find(f.c, &pl, 1, &m, &wrapped), 1);
	assert_int_equal(m.from.block, 0);	/* the title: the first */
	count(&f, &m, 7, 1);
	for (k = 2; k <= 7; k++) {
		assert_int_equal(scursor_step(f.c, &m, 1, &m, &wrapped), 1);
		assert_false(wrapped);
		count(&f, &m, 7, k);
		q = shown(&f, &m);
		assert_string_equal(q, "Docker");
		free(q);
	}
	/* the emphasised one: its source is inside the stars */
	fx_close(&f);
	fx_open(&f, md, DOC_FORMAT_MARKDOWN, "is Docker", 0);
	assert_int_equal(scursor_find(f.c, &pl, 1, &m, &wrapped), 1);
	assert_int_equal(m.src_end - m.src, strlen("is *Docker"));
	fx_close(&f);
}

static int
collect(void *arg, const struct match *m)
{
	struct match	*v = arg;
	size_t		 i = 0;

	while (v[i].src_end != 0)
		i++;
	v[i] = *m;
	return 1;
}

/* The source scan and the texts agree, match for match. */
static void
test_scan_agrees(void **state)
{
	struct fixture	f, g;
	struct match	a[16], b[16];
	size_t		i;

	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	fx_open(&f, plain, DOC_FORMAT_TEXT, "apple", 0);
	fx_open(&g, plain, DOC_FORMAT_TEXT, "(?:apple)", SEARCH_REGEX);
	assert_true(scursor_on_texts(g.c));	/* no literal read from it */
	assert_int_equal(scursor_each(f.c, collect, a), 4);
	assert_int_equal(scursor_each(g.c, collect, b), 4);
	for (i = 0; i < 4; i++) {
		assert_int_equal(scursor_model(f.c, &a[i]), 0);
		assert_int_equal(pos_cmp(a[i].from, b[i].from), 0);
		assert_int_equal(pos_cmp(a[i].to, b[i].to), 0);
		assert_int_equal(a[i].src, b[i].src);
		assert_int_equal(a[i].src_end, b[i].src_end);
	}
	fx_close(&f);
	fx_close(&g);
}

static const char regexdoc[] =
    "Order 123END here, 45END there.\n\nNothing.\n\nEND alone, and 6\n"
    "END across a line; 789END at the end.\n";

/*
 * A regular expression with a literal runs on the source, verified on the
 * blocks the literal names: the same matches as on the block texts, from
 * any place either way, and the same counts.
 */
static void
test_regex_on_source(void **state)
{
	static const char *const pats[] = {
		"\\d+END", "[0-9]+ ?END", "END (al|ac)", "Or.er", "ere\\b",
	};
	struct fixture	f, g;
	struct match	a[16], b[16], m, n;
	struct place	pl;
	long		na, nb;
	size_t		i, k, off;
	int		wa, wb, ra, rb;
	char		tp[64];

	for (k = 0; k < sizeof pats / sizeof *pats; k++) {
		snprintf(tp, sizeof tp, "(?:%s)", pats[k]);
		fx_open(&f, regexdoc, DOC_FORMAT_TEXT, pats[k], SEARCH_REGEX);
		fx_open(&g, regexdoc, DOC_FORMAT_TEXT, tp, SEARCH_REGEX);
		assert_false(scursor_on_texts(f.c));
		assert_true(scursor_on_texts(g.c));
		memset(a, 0, sizeof a);
		memset(b, 0, sizeof b);
		na = scursor_each(f.c, collect, a);
		nb = scursor_each(g.c, collect, b);
		assert_int_equal(na, nb);
		assert_true(na > 0);
		for (i = 0; i < (size_t)na; i++) {
			assert_int_equal(a[i].src, b[i].src);
			assert_int_equal(a[i].src_end, b[i].src_end);
		}
		count(&f, NULL, na, 0);
		for (off = 0; off < sizeof regexdoc - 1; off++) {
			memset(&pl, 0, sizeof pl);
			pl.src = off;
			ra = scursor_find(f.c, &pl, -1, &m, &wa);
			/* the texts cursor from there, as a position */
			pl.have_pos = 1;
			pl.pos.block = (uint32_t)doc_block_at(g.d, off);
			pl.pos.off = (uint32_t)text_at_src(doc_text(g.d,
			    pl.pos.block), off);
			rb = scursor_find(g.c, &pl, -1, &n, &wb);
			assert_int_equal(ra, rb);
			if (ra > 0 && n.src < off) {
				assert_int_equal(m.src, n.src);
				assert_int_equal(wa, wb);
			}
			memset(&pl, 0, sizeof pl);
			pl.src = off;
			assert_int_equal(scursor_find(f.c, &pl, 1, &m, &wa), 1);
			assert_true(wa || m.src >= off);
		}
		fx_close(&f);
		fx_close(&g);
	}
}

/*
 * Random documents (Latin and CJK words, line joins, blank lines,
 * glosses) and random expressions that hold a literal: on the source
 * (scanned for the literal) and on the texts (the same expression as a
 * group, which hides its literal), every match, from every tenth place
 * both ways, and the count, are the same.
 */
static void
test_regex_random(void **state)
{
	static const char *const words[] = {
		"apple", "Apple", "pie", "12", "345", "中文", "發展", "发展",
		"長(zhǎng)", "。", "，", " ", " ", "\n", "\n\n", "-", ".",
		"ＡＰＰＬＥ", "x",
	};
	static const char *const pats[] = {
		"app.e", "\\d+ ?pie", "pie[s ]?\\d", "发展.", "中文\\s*\\S",
		"[a-z]+le", "le\\b", "(?:p|x)ie", "展。?",
	};
	struct fixture	 f, g;
	struct match	 a[512], b[512], m, n;
	struct place	 pl;
	char		 doc[4096], tp[64];
	size_t		 len, i, k, off, nw = sizeof words / sizeof *words;
	unsigned	 seed = 3;
	long		 na, nb;
	int		 w1, w2, r1, r2, round;

	for (round = 0; round < 60; round++) {
		len = 0;
		while (len < 1500) {
			seed = seed * 1103515245 + 12345;
			len += (size_t)snprintf(doc + len, sizeof doc - len,
			    "%s", words[(seed >> 16) % nw]);
		}
		k = (size_t)round % (sizeof pats / sizeof *pats);
		snprintf(tp, sizeof tp, "(?:%s)", pats[k]);
		fx_open(&f, doc, DOC_FORMAT_TEXT, pats[k], SEARCH_REGEX);
		fx_open(&g, doc, DOC_FORMAT_TEXT, tp, SEARCH_REGEX);
		assert_false(scursor_on_texts(f.c));
		memset(a, 0, sizeof a);
		memset(b, 0, sizeof b);
		na = scursor_each(f.c, collect, a);
		nb = scursor_each(g.c, collect, b);
		if (na != nb)
			fail_msg("%s: %ld matches on the source, %ld on the "
			    "texts in \"%s\"", pats[k], na, nb, doc);
		for (i = 0; i < (size_t)na; i++) {
			assert_int_equal(a[i].src, b[i].src);
			assert_int_equal(a[i].src_end, b[i].src_end);
		}
		count(&f, NULL, na, 0);
		for (off = 0; off < len; off += 10) {
			memset(&pl, 0, sizeof pl);
			pl.src = off;
			r1 = scursor_find(f.c, &pl, 1, &m, &w1);
			r2 = scursor_find(g.c, &pl, 1, &n, &w2);
			assert_int_equal(r1, r2);
			if (r1 > 0 && !w1 && !w2)
				assert_int_equal(m.src, n.src);
			r1 = scursor_find(f.c, &pl, -1, &m, &w1);
			assert_int_equal(r1, na > 0);
			if (r1 > 0 && !w1)
				assert_true(m.src < off);
		}
		fx_close(&f);
		fx_close(&g);
	}
}

static void
test_none(void **state)
{
	struct fixture	f;
	struct place	pl = { 0, { 0, 0 }, 0 };
	struct match	m;
	int		wrapped;

	fx_open(&f, plain, DOC_FORMAT_TEXT, "pear", 0);
	assert_int_equal(scursor_find(f.c, &pl, 1, &m, &wrapped), 0);
	assert_int_equal(scursor_find(f.c, &pl, -1, &m, &wrapped), 0);
	count(&f, NULL, 0, 0);
	fx_close(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward_backward),
		cmocka_unit_test(test_model_ranges),
		cmocka_unit_test(test_from_position),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_scan_agrees),
		cmocka_unit_test(test_regex_on_source),
		cmocka_unit_test(test_regex_random),
		cmocka_unit_test(test_none),
	};

	return UNIT_RUN(tests);
}
