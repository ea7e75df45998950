/*
 * test_passage.c: what the reader shows is exactly what is selected,
 * stored, painted and quoted (passage.h), in plain text with hidden
 * glosses, Markdown with markup, entities and links, CRLF and joined
 * lines; and generated documents with hundreds of random selections.
 */
#include "unit.h"

#include "gen.h"

#include "anchor.h"
#include "export.h"
#include "passage.h"
#include "sha256.h"
#include "text.h"
#include "utf8.h"

static struct doc *
open_as(const char *s, int format)
{
	struct doc_opts	 o = { NULL, 0, 0, 0, format, 0 };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(s, strlen(s), &o, &cause);

	assert_non_null(d);
	return d;
}

/*
 * Selecting the shown text q in block b: the source bytes are want, and
 * back from them the same range and the same shown text.
 */
static void
expect_passage(struct doc *d, size_t b, const char *q, const char *want)
{
	struct pos	 from, to, f2, t2;
	uint64_t	 a, z;
	size_t		 n;
	const char	*src = doc_source(d, &n);
	char		*shown;

	find_shown(d, b, q, &from, &to);
	assert_int_equal(passage_source(d, from, to, &a, &z), 0);
	assert_int_equal(z - a, strlen(want));
	assert_memory_equal(src + a, want, strlen(want));
	assert_int_equal(passage_model(d, a, z, &f2, &t2), 0);
	assert_int_equal(pos_cmp(f2, from), 0);
	assert_int_equal(pos_cmp(t2, to), 0);
	shown = passage_shown_source(d, a, z, NULL);
	assert_string_equal(shown, q);
	free(shown);
}

/* 國(guó)產(chǎn)派: the glosses inside are stored, never shown. */
static void
test_glosses(void **state)
{
	struct doc	*d = open_as("所謂國(guó)產(chǎn)派(pài),是指本地團(tuán)隊(duì)。\n",
	    DOC_FORMAT_TEXT);

	expect_passage(d, 0, "國產派", "國(guó)產(chǎn)派");
	expect_passage(d, 0, "國產", "國(guó)產");	/* not the (chǎn) after */
	expect_passage(d, 0, "產派,是", "產(chǎn)派(pài),是");
	expect_passage(d, 0, "隊", "隊");
	doc_free(d);
}

/* Markup, entities and links: the source has them, the passage shows none. */
static void
test_markdown(void **state)
{
	struct doc	*d = open_as("# Title 標題\n\nThis has *emphasis*, "
	    "**strong** and [a link](https://example.org) &amp; `code` "
	    "&copy; 2026.\n", DOC_FORMAT_MARKDOWN);

	expect_passage(d, 0, "Title 標題", "Title 標題");
	expect_passage(d, 1, "emphasis, strong", "emphasis*, **strong");
	expect_passage(d, 1, "a link", "a link");
	expect_passage(d, 1, "&", "&amp;");
	expect_passage(d, 1, "© 2026", "&copy; 2026");
	expect_passage(d, 1, "This has emphasis", "This has *emphasis");
	doc_free(d);
}

/* A line break inside a paragraph: joined with a space or with nothing. */
static void
test_joined_lines(void **state)
{
	struct doc	*d = open_as("hello\r\nworld, and a\r\ntab\there.\r\n\r\n"
	    "第一行的結尾在這裡，文字寫得比較長一些才像真的文章段落\r\n"
	    "第二行的開頭。這一行也要寫得長一點，才會被當成段落的一部分\r\n"
	    "最後一行。\r\n", DOC_FORMAT_TEXT);

	expect_passage(d, 0, "o w", "o\r\nw");
	expect_passage(d, 0, "a tab", "a\r\ntab");
	expect_passage(d, 1, "段落第二", "段落\r\n第二");
	expect_passage(d, 1, "部分最後一行。", "部分\r\n最後一行。");
	doc_free(d);
}

/* A tab expanded to spaces maps as one unit; so does a dropped escape. */
static void
test_units(void **state)
{
	struct doc	*d = open_as("a\tb and \033[31mred\033[0m text\n",
	    DOC_FORMAT_TEXT);
	struct text	*t = doc_text(d, 0);
	struct pos	 from = { 0, 0 }, to = { 0, 0 };
	uint64_t	 a, z;
	size_t		 n;
	const char	*src = doc_source(d, &n);

	assert_string_equal(t->s, "a       b and red text");
	to.off = 9;			/* "a", the tab's blanks, "b" */
	assert_int_equal(passage_source(d, from, to, &a, &z), 0);
	assert_int_equal(a, 0);
	assert_int_equal(z, 3);		/* the tab is one unit */
	from.off = 3;			/* inside the tab: trimmed to "b" */
	assert_int_equal(passage_source(d, from, to, &a, &z), 0);
	assert_int_equal(a, 2);
	expect_passage(d, 0, "red", "red");
	expect_passage(d, 0, "and red text", "and \033[31mred\033[0m text");
	(void)src;
	doc_free(d);
}

/* Two paragraphs: one passage, shown with a blank line between. */
static void
test_two_blocks(void **state)
{
	struct doc	*d = open_as("First paragraph here.\n\nSecond one "
	    "there.\n", DOC_FORMAT_TEXT);
	struct pos	 from = { 0, 6 }, to = { 1, 10 };
	uint64_t	 a, z;
	uint32_t	 s, e;
	char		*q;

	assert_int_equal(passage_source(d, from, to, &a, &z), 0);
	assert_int_equal(a, 6);
	assert_int_equal(z, 23 + 10);
	q = passage_shown(d, from, to, NULL);
	assert_string_equal(q, "paragraph here.\n\nSecond one");
	free(q);
	assert_int_equal(passage_in_block(d, 0, a, z, &s, &e), 0);
	assert_int_equal(s, 6);
	assert_int_equal(e, 21);
	assert_int_equal(passage_in_block(d, 1, a, z, &s, &e), 0);
	assert_int_equal(s, 0);
	assert_int_equal(e, 10);
	doc_free(d);
}

/* --- Generated documents, random selections ------------------------------ */

/* A shown character: where it is. */
struct gen_char {
	struct pos	at;		/* model position of its first byte */
	uint32_t	end;		/* model offset after it */
	size_t		shown;		/* offset in the block's shown text */
	size_t		slen;
};

/* Is text offset k inside a run that copies the source as it is? */
static int
gen_copied(const struct text *t, size_t k)
{
	size_t	i;

	for (i = 0; i < t->nruns; i++)
		if (t->runs[i].text <= k && k < t->runs[i].text + t->runs[i].tlen)
			return t->runs[i].tlen == t->runs[i].slen;
	return 0;
}

/* Every shown, non-blank character copied from the source, in order. */
static struct gen_char *
gen_chars(struct doc *d, size_t *np)
{
	struct gen_char	*v = NULL;
	size_t		 n = 0, cap = 0, b, k;

	doc_segment_all(d);
	for (b = 0; b < doc_nblocks(d); b++) {
		struct text	*t = doc_text(d, b);
		uint32_t	 c;
		int		 len;

		for (k = 0; k < t->len; k += (size_t)len) {
			len = utf8_decode((const uint8_t *)t->s + k, t->len - k, &c);
			if (text_hidden_at(t, k) || c == ' ' || c == '\n' ||
			    !gen_copied(t, k))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				v = realloc(v, cap * sizeof *v);
				assert_non_null(v);
			}
			v[n].at.block = (uint32_t)b;
			v[n].at.off = (uint32_t)k;
			v[n].end = (uint32_t)(k + (size_t)len);
			v[n].shown = passage_shown_offset(t, k);
			v[n].slen = (size_t)len;
			n++;
		}
	}
	*np = n;
	return v;
}

/* The shown text from character x to character y, built from the blocks. */
static char *
gen_expected(struct doc *d, const struct gen_char *x, const struct gen_char *y)
{
	struct buf	b;
	size_t		i, n;

	buf_init(&b);
	for (i = x->at.block; i <= y->at.block; i++) {
		char	*vis = text_visible(doc_text(d, i), &n);
		size_t	 s = i == x->at.block ? x->shown : 0;
		size_t	 e = i == y->at.block ? y->shown + y->slen : n;

		if (i > x->at.block)
			buf_adds(&b, doc_block(d, i)->flags & BLOCK_CONT ?
			    "\n" : "\n\n");
		buf_add(&b, vis + s, e - s);
		free(vis);
	}
	return buf_take(&b, NULL);
}

/* One random selection: saved, painted, copied and exported exactly. */
static void
gen_check(struct doc *d, const struct gen_char *x, const struct gen_char *y,
    const char *sha)
{
	struct pos		 from = x->at, to = { y->at.block, y->end }, f2, t2;
	struct anchor_sel	 sel;
	struct anchor_hit	 hit;
	uint64_t		 a, z;
	uint32_t		 s, e;
	size_t			 n;
	const char		*src = doc_source(d, &n);
	char			*want = gen_expected(d, x, y), *shown, *q;

	/* saved: the source bytes of exactly those characters */
	assert_int_equal(passage_source(d, from, to, &a, &z), 0);
	assert_memory_equal(src + a, doc_text(d, x->at.block)->s + x->at.off,
	    x->slen);
	assert_memory_equal(src + z - y->slen, doc_text(d, y->at.block)->s +
	    y->at.off, y->slen);
	/* and back */
	assert_int_equal(passage_model(d, a, z, &f2, &t2), 0);
	assert_int_equal(pos_cmp(f2, from), 0);
	assert_int_equal(pos_cmp(t2, to), 0);
	/* copied and quoted: what was shown */
	shown = passage_shown(d, from, to, NULL);
	assert_string_equal(shown, want);
	anchor_capture(src, n, a, z, sha, &sel);
	q = passage_quote_shown(d, a, z, sel.exact);
	assert_string_equal(q != NULL ? q : sel.exact, want);
	free(q);
	/* painted: the stored anchor, drawn on the first and last blocks */
	anchor_resolve(src, n, sha, &sel, &hit);
	assert_int_equal(hit.state, ANCHOR_EXACT);
	assert_int_equal(passage_in_block(d, from.block, hit.start, hit.end,
	    &s, &e), 0);
	assert_int_equal(s, from.off);
	if (from.block == to.block)
		assert_int_equal(e, to.off);
	assert_int_equal(passage_in_block(d, to.block, hit.start, hit.end,
	    &s, &e), 0);
	assert_int_equal(e, to.off);
	anchor_sel_free(&sel);
	free(shown);
	free(want);
}

static void
gen_run(char *s, int format, int tries)
{
	struct doc	*d = open_as(s, format);
	struct gen_char	*v;
	size_t		 n, i, src_n;
	const char	*src = doc_source(d, &src_n);
	char		 sha[65];
	int		 k;

	sha256_hex(src, src_n, sha);
	v = gen_chars(d, &n);
	assert_true(n > 400);
	for (k = 0; k < tries; k++) {
		size_t len = k % 4 == 3 ? 1 + gen_rand(400) : 1 + gen_rand(200);

		i = gen_rand((unsigned)n);
		if (i + len > n)
			len = n - i;
		gen_check(d, &v[i], &v[i + len - 1], sha);
	}
	free(v);
	doc_free(d);
	free(s);
}

static void
test_generated_glosses(void **state)
{
	gen_run(gen_glossed(), DOC_FORMAT_TEXT, 400);
}

static void
test_generated_markdown(void **state)
{
	gen_run(gen_markdown(), DOC_FORMAT_MARKDOWN, 400);
}

/* Shown offsets and model offsets are each other's inverse. */
static void
test_offsets(void **state)
{
	struct doc	*d = open_as("長(zhǎng)期發(fā)展\n", DOC_FORMAT_TEXT);
	struct text	*t = doc_text(d, 0);

	assert_int_equal(passage_model_offset(t, 0), 0);
	assert_int_equal(passage_model_offset(t, 3), 3 + 8);	/* 期 */
	assert_int_equal(passage_shown_offset(t, 11), 3);
	assert_int_equal(passage_shown_offset(t, 4), 3);	/* inside the gloss */
	assert_int_equal(passage_shown_offset(t, t->len), 12);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_glosses),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_joined_lines),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_two_blocks),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_generated_glosses),
		cmocka_unit_test(test_generated_markdown),
	};

	return UNIT_RUN(tests);
}
