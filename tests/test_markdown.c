/* test_markdown.c: a large Markdown document parsed in pieces reads as a whole. */
#include "unit.h"

#include "markdown.h"
#include "text.h"

static void
add(struct buf *b, const char *fmt, size_t a, size_t c)
{
	char	line[256];

	snprintf(line, sizeof line, fmt, a, c);
	buf_adds(b, line);
}

/* A Markdown document of at least n bytes with every kind of block. */
static char *
make_doc(size_t n, size_t *len)
{
	struct buf	b;
	size_t		i = 0;

	buf_init(&b);
	buf_adds(&b, "---\ntitle: Pieces\n---\n\n# Pieces\n\n"
	    "See [the spec][spec] and [folio][].\n\n");
	while (b.len < n) {
		add(&b, "## Part %zu\n\n", i, 0);
		add(&b, "Text with *emphasis* and a [link %zu](https://"
		    "example.org/%zu), soft\nbroken 中文\n段落。\n\n", i, i);
		buf_adds(&b, "- one\n- two\n\n  still two\n- three\n\n");
		add(&b, "%zu. ordered\n%zu. next\n\n", i + 1, i + 2);
		buf_adds(&b, "> quoted\n> more\n\n");
		/* blank lines inside code and a comment: no piece ends there */
		buf_adds(&b, "```c\nint x;\n\n\n# not a heading\n```\n\n");
		buf_adds(&b, "<!-- a comment\n\nwith blank lines -->\n\n");
		buf_adds(&b, "| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n");
		add(&b, "Another [reference][spec] in part %zu.\n\n", i, 0);
		i++;
	}
	buf_adds(&b, "[spec]: https://spec.commonmark.org/ \"The spec\"\n"
	    "[folio]: https://example.org/folio\n");
	*len = b.len;
	return buf_take(&b, NULL);
}

/* The whole parse and the piece parse give the same blocks and texts. */
static void
test_pieces_equal_whole(void **state)
{
	size_t			 n, i;
	char			*s = make_doc(3 * 1024 * 1024, &n);
	struct md_doc		 whole;
	struct doc_opts		 o = { .format = DOC_FORMAT_MARKDOWN, .lazy = 1 };
	char			*cause = NULL;
	struct doc		*d = doc_open_mem(s, n, &o, &cause);

	assert_non_null(d);
	assert_true(doc_segmented(d) < n / 10);	/* lazy: the first piece */
	assert_int_equal(markdown_parse(s, n, &whole), 0);
	doc_segment_all(d);
	assert_int_equal(doc_nblocks(d), whole.n);
	for (i = 0; i < whole.n; i++) {
		struct text *t = doc_text(d, i);

		assert_int_equal(doc_block(d, i)->type, whole.v[i].b.type);
		assert_int_equal(doc_block(d, i)->off, whole.v[i].b.off);
		assert_int_equal(t->len, whole.v[i].len);
		assert_memory_equal(t->s, whole.text.s + whole.v[i].text, t->len);
		doc_forget(d, i);
	}
	/* The reference defined at the very end resolves in the first piece. */
	assert_non_null(strstr(doc_links(d, &i), "https://spec.commonmark.org/"));
	markdown_free(&whole);
	doc_free(d);
	free(s);
}

/* No piece ends inside a fence or before a line that continues a list. */
static void
test_piece_ends(void **state)
{
	size_t	n, at = 0, fences, k;
	char	*s = make_doc(1024 * 1024, &n);

	while (at < n) {
		size_t end = markdown_piece_end(s, n, at);

		assert_true(end > at);
		if (end < n) {
			assert_true(end >= at + MD_PIECE);
			assert_true(s[end - 1] == '\n' && s[end - 2] == '\n');
			assert_true(s[end] != ' ' && s[end] != '-' && s[end] != '|');
			for (fences = 0, k = 0; k + 3 < end; k++)
				if ((k == 0 || s[k - 1] == '\n') &&
				    memcmp(s + k, "```", 3) == 0)
					fences++;
			assert_int_equal(fences % 2, 0);
		}
		at = end;
	}
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_equal_whole),
		cmocka_unit_test(test_piece_ends),
	};

	return UNIT_RUN(tests);
}
