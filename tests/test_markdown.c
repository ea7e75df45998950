/* test_markdown.c: a large Markdown document parsed in pieces reads as a whole. */
#include <malloc.h>

#include "unit.h"

#include "buf.h"

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

/* The style over byte k of a text (the highest span), and its visible text. */
static int
style_at(const struct text *t, size_t k)
{
	size_t	i;
	int	style = STYLE_NONE;

	for (i = 0; i < t->nspans; i++)
		if (t->spans[i].start <= k && k < t->spans[i].end &&
		    (style != STYLE_HIDDEN && (t->spans[i].style > style ||
		    t->spans[i].style == STYLE_HIDDEN)))
			style = t->spans[i].style;
	return style;
}

static struct doc *
md_open(const char *s)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_MARKDOWN };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(s, strlen(s), &o, &cause);

	assert_non_null(d);
	return d;
}

/* **（1）提供。**比如: strong under the CJK-friendly amendment. */
static void
test_cjk_emphasis(void **state)
{
	struct doc	*d = md_open("**（1）提供一次性的环境。**比如这样。\n\n"
	    "*foo*bar **x**y a ** b ** \\*\\*esc\\*\\*\n");
	struct text	*t = doc_text(d, 0);
	char		*v = text_visible(t, NULL);
	const char	*p = strstr(t->s, "提供");

	assert_string_equal(v, "（1）提供一次性的环境。比如这样。");
	assert_non_null(p);
	assert_int_equal(style_at(t, p - t->s), STYLE_STRONG);
	assert_int_equal(style_at(t, strstr(t->s, "比如") - t->s), STYLE_NONE);
	free(v);
	/* Latin text is as CommonMark has it: ** b ** and \*\* stay. */
	v = text_visible(doc_text(d, 1), NULL);
	assert_string_equal(v, "foobar xy a ** b ** **esc**");
	free(v);
	doc_free(d);
}

/* Code keeps its backticks unless the reader styles code (colour). */
static void
test_code_marks(void **state)
{
	struct doc	*d = md_open("Run `ls -l` now, see ![](x.png).\n");
	char		*v = text_visible(doc_text(d, 0), NULL);

	assert_string_equal(v, "Run `ls -l` now, see [image].");
	free(v);
	doc_hide_marks(d, 1);
	v = text_visible(doc_text(d, 0), NULL);
	assert_string_equal(v, "Run ls -l now, see [image].");
	free(v);
	doc_free(d);
}

/* Raw HTML as a reader shows it. */
static void
test_inline_html(void **state)
{
	struct doc	*d = md_open("2<sup>32</sup>, H<sub>2</sub>O, a <!-- c -->"
	    "b <img src=\"a.png\" alt=\"logo\"> <kbd>q</kbd>\n\n"
	    "<!-- GFM-TOC -->\n\n<div><img alt='x' src=y></div>\n");
	char		*v = text_visible(doc_text(d, 0), NULL);

	assert_string_equal(v, "2^32, H_2O, a b [image: logo] q");
	free(v);
	assert_int_equal(doc_nblocks(d), 2);	/* the comment: nothing */
	v = text_visible(doc_text(d, 1), NULL);
	assert_string_equal(v, "[image: x]");
	free(v);
	doc_free(d);
	/* an alt that is only a file name says nothing; the words after it
	 * still map to their own source bytes */
	d = md_open("See <img alt=\" IMG_0042.JPG \" src=a.jpg> and "
	    "![IMG_0043.JPG](b.jpg) here.\n");
	v = text_visible(doc_text(d, 0), NULL);
	assert_string_equal(v, "See [image] and [image] here.");
	assert_int_equal(text_src_start(doc_text(d, 0), strlen(v) - 5),
	    strlen("See <img alt=\" IMG_0042.JPG \" src=a.jpg> and "
	    "![IMG_0043.JPG](b.jpg) "));
	free(v);
	doc_free(d);
}

/*
 * The whole parse of s and the piece parse give the same blocks and
 * texts, and the same links: the URL `url` among them.
 */
static void
check_pieces_equal(const char *s, size_t n, const char *url)
{
	size_t			 i;
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
	assert_non_null(strstr(doc_links(d, &i), url));
	markdown_free(&whole);
	doc_free(d);
}

static void
test_pieces_equal_whole(void **state)
{
	size_t	 n;
	char	*s = make_doc(3 * 1024 * 1024, &n);

	/* The reference defined at the very end resolves in the first piece. */
	check_pieces_equal(s, n, "https://spec.commonmark.org/");
	free(s);
}

/*
 * Definitions are looked for when a piece first holds a "]" (not before
 * the first screen): a document whose first 2 MB hold none, then 700
 * references to definitions at its end (too many to add to every piece:
 * from there on it is one piece) parses as the whole does.
 */
static void
test_defs_found_late(void **state)
{
	struct buf	 b;
	size_t		 i, n;
	char		*s;

	buf_init(&b);
	for (i = 0; b.len < 2 * 1024 * 1024; i++)
		add(&b, "## Part %zu\n\nPlain text %zu, soft\nbroken.\n\n", i, i);
	for (i = 0; i < 700; i++)
		add(&b, "See [item %zu][d%zu].\n\n", i, i);
	for (i = 0; i < 700; i++)
		add(&b, "[d%zu]: https://example.org/a/long/path/%zu\n", i, i);
	s = buf_take(&b, &n);
	check_pieces_equal(s, n, "https://example.org/a/long/path/699");
	free(s);
}

/*
 * A piece dropped from memory and parsed again after its source changed
 * (a file rewritten in place under the reader) may hold fewer blocks:
 * asking for the blocks it had gives empty texts, never a read past its
 * blocks (the reader said "out of memory" and quit).
 */
static void
test_piece_changed_under(void **state)
{
	size_t			 n, i, first = 0, len;
	char			*s = make_doc(3 * 1024 * 1024, &n), *src;
	struct doc_opts		 o = { .format = DOC_FORMAT_MARKDOWN, .lazy = 1 };
	char			*cause = NULL;
	struct doc		*d = doc_open_mem(s, n, &o, &cause);

	assert_non_null(d);
	doc_segment_all(d);
	for (i = 0; i < doc_nblocks(d); i++) {	/* every piece loaded once */
		(void)doc_text(d, i);
		doc_forget(d, i);
	}
	while (first < doc_nblocks(d) && doc_block(d, first)->off < 65536)
		first++;	/* the first piece's blocks, about */
	assert_true(first > 10);
	src = (char *)doc_source(d, &len);	/* the file, rewritten */
	for (i = 0; i < 65536 && i < len; i++)
		if (src[i] == '\n')
			src[i] = ' ';
	for (i = 0; i < first; i++) {
		struct text *t = doc_text(d, i);

		assert_non_null(t);
		assert_true(t->len <= 65536);
		doc_forget(d, i);
	}
	doc_free(d);
	free(s);
}

/* The text with link numbers ([3]) left out. */
static char *
no_link_numbers(const struct text *t)
{
	char	*v = text_visible(t, NULL), *p = v, *q = v;

	while (*p != '\0') {
		if (*p == '[' && p[1] >= '0' && p[1] <= '9') {
			char *e = p + 1;

			while (*e >= '0' && *e <= '9')
				e++;
			if (*e == ']') {
				p = e + 1;
				continue;
			}
		}
		*q++ = *p++;
	}
	*q = '\0';
	return v;
}

/*
 * A tail of a large Markdown document (G before the rest is parsed): its
 * blocks are the document's last ones, the same texts but for the link
 * numbers, which count from 1 in the tail and lead to the URLs its own
 * list gives; a reference defined anywhere resolves; the tail starts
 * outside code and comments (they hold blank lines here).
 */
static void
test_tail(void **state)
{
	size_t			 n, i, base, nl, sizes[] = { 100000, 700000 };
	char			*s = make_doc(3 * 1024 * 1024, &n), *a, *b;
	struct doc_opts		 o = { .format = DOC_FORMAT_MARKDOWN,
				     .lazy = 1 };
	char			*cause = NULL;
	struct doc		*d = doc_open_mem(s, n, &o, &cause), *t;
	const char		*links;
	int			 k;

	assert_non_null(d);
	for (k = 0; k < 2; k++) {
		t = doc_open_tail(d, sizes[k]);
		assert_true(doc_complete(t));
		/* at least that much, and not far more */
		assert_true(doc_base(t) <= n - sizes[k]);
		assert_true(doc_base(t) + 1024 * 1024 >= n - sizes[k]);
		assert_true(k > 0 || doc_segmented(d) < doc_base(t)); /* lazy */
		links = doc_links(t, &nl);
		assert_true(nl > 0);
		assert_non_null(strstr(links, "https://spec.commonmark.org/"));
		assert_true(strncmp(links, "https://", 8) == 0);
		base = doc_block_at(d, doc_base(t));	/* parses d up to it */
		assert_int_equal(doc_block(d, base)->off, doc_base(t));
		doc_segment_all(d);
		assert_int_equal(doc_nblocks(d) - base, doc_nblocks(t));
		for (i = 0; i < doc_nblocks(t); i++) {
			assert_int_equal(doc_block(t, i)->type,
			    doc_block(d, base + i)->type);
			assert_int_equal(doc_block(t, i)->off,
			    doc_block(d, base + i)->off);
			assert_int_equal(doc_block(t, i)->len,
			    doc_block(d, base + i)->len);
			a = no_link_numbers(doc_text(t, i));
			b = no_link_numbers(doc_text(d, base + i));
			assert_string_equal(a, b);
			free(a);
			free(b);
		}
		/* the first link of the tail is [1] and leads to its URL */
		for (i = 0; i < doc_nblocks(t); i++)
			if ((a = strstr(doc_text(t, i)->s, "[1]")) != NULL)
				break;
		assert_true(i < doc_nblocks(t));
		doc_free(t);
	}
	doc_free(d);
	free(s);
}

/*
 * The blocks of tail t are the last blocks of d (which is parsed whole
 * for this), text for text but for the link numbers; returns 1 if so.
 */
static int
tail_matches(struct doc *d, struct doc *t)
{
	size_t	i, base = doc_block_at(d, doc_base(t));
	char	*a, *b;
	int	same;

	doc_segment_all(d);
	if (doc_block(d, base)->off != doc_base(t) ||
	    doc_nblocks(d) - base != doc_nblocks(t))
		return 0;
	for (i = 0; i < doc_nblocks(t); i++) {
		if (doc_block(t, i)->type != doc_block(d, base + i)->type ||
		    doc_block(t, i)->len != doc_block(d, base + i)->len)
			return 0;
		a = no_link_numbers(doc_text(t, i));
		b = no_link_numbers(doc_text(d, base + i));
		same = strcmp(a, b) == 0;
		free(a);
		free(b);
		if (!same)
			return 0;
	}
	return 1;
}

/*
 * G right after opening: the tail's start is a guess that nothing is
 * open 64 KiB before the place asked for (a scan from the start of a
 * 100 MB file takes 30 ms); the scan, going on while the reader waits
 * for keys, says whether it was right.  Here a fence with blank lines
 * and "# headings" in it is open there: the guess starts the tail inside
 * it (its blocks are not the document's); the check says so, and the
 * tail opened again is right.  In make_doc's document the guess holds.
 */
static void
test_tail_guess(void **state)
{
	struct buf		 b;
	size_t			 i, n, mid;
	char			*s;
	struct doc_opts		 o = { .format = DOC_FORMAT_MARKDOWN,
				     .lazy = 1 };
	char			*cause = NULL;
	struct doc		*d, *t;
	int			 r, steps;

	buf_init(&b);
	for (i = 0; b.len < 3 * 1024 * 1024; i++)
		add(&b, "## Part %zu\n\nText of part %zu, soft\nbroken.\n\n",
		    i, i);
	mid = b.len;
	buf_adds(&b, "```\n");
	for (i = 0; b.len < mid + 400 * 1024; i++)
		add(&b, "# not a heading %zu\n\n  code line %zu\n\n", i, i);
	buf_adds(&b, "```\n\n");
	for (i = 0; i < 400; i++)
		add(&b, "Last words %zu, and %zu.\n\n", i, i);
	s = buf_take(&b, &n);
	d = doc_open_mem(s, n, &o, &cause);
	assert_non_null(d);
	t = doc_open_tail(d, 128 * 1024);
	assert_true(doc_base(t) > mid);		/* inside the fence */
	for (steps = 0; (r = doc_tail_check(d, t)) == 0; steps++)
		assert_true(steps < 100);
	assert_int_equal(r, -1);
	t = doc_tail_again(d, t);
	assert_true(doc_base(t) < mid);
	assert_int_equal(doc_tail_check(d, t), 1);
	assert_true(tail_matches(d, t));
	doc_free(t);
	doc_free(d);
	d = doc_open_mem(s, n, &o, &cause);	/* the wrong tail was wrong */
	t = doc_open_tail(d, 128 * 1024);
	assert_false(tail_matches(d, t));
	doc_free(t);
	doc_free(d);
	free(s);

	s = make_doc(3 * 1024 * 1024, &n);
	d = doc_open_mem(s, n, &o, &cause);
	t = doc_open_tail(d, 128 * 1024);
	while ((r = doc_tail_check(d, t)) == 0)
		;
	assert_int_equal(r, 1);
	assert_true(tail_matches(d, t));
	doc_free(t);
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

/*
 * The piece ends as markdown_piece_end found them line by line before it
 * skipped the lines that cannot matter: the reference it must agree with.
 */
static size_t
ref_spaces(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && strchr(" \t\r\n", s[i]) != NULL && s[i] != '\0')
		i++;
	return i;
}

static size_t
ref_indent(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	return i;
}

static size_t
ref_fence(const char *s, size_t n, char *c)
{
	size_t	i = ref_indent(s, n), k = i;

	if (i >= n || (s[i] != '`' && s[i] != '~'))
		return 0;
	while (k < n && s[k] == s[i])
		k++;
	if (k - i < 3)
		return 0;
	*c = s[i];
	return k - i;
}

static const char *
ref_html_end(const char *s, size_t n)
{
	static const char *const open[][2] = {
		{ "<!--", "-->" }, { "<pre", "</pre>" },
		{ "<script", "</script>" }, { "<style", "</style>" },
		{ "<textarea", "</textarea>" },
	};
	size_t	i = ref_indent(s, n), k;

	if (i >= n || s[i] != '<')
		return NULL;
	for (k = 0; k < sizeof open / sizeof *open; k++)
		if (n - i >= strlen(open[k][0]) &&
		    strncasecmp(s + i, open[k][0], strlen(open[k][0])) == 0)
			return memmem(s, n, open[k][1], strlen(open[k][1])) ?
			    NULL : open[k][1];
	return NULL;
}

static size_t
ref_piece_end(const char *s, size_t n, size_t start)
{
	size_t		 pos = start, next, len, fence = 0, k, i;
	const char	*nl, *html = NULL;
	char		 fc = 0, c;
	int		 blank = 0;

	for (; pos < n; pos = next) {
		nl = memchr(s + pos, '\n', n - pos);
		next = nl != NULL ? (size_t)(nl - s) + 1 : n;
		len = next - pos;
		if (blank && fence == 0 && html == NULL &&
		    pos >= start + MD_PIECE && len > 0 &&
		    strchr(" \t>-*+_=|:0123456789", s[pos]) == NULL)
			return pos;
		blank = ref_spaces(s + pos, len) == len;
		if (html != NULL) {
			if (memmem(s + pos, len, html, strlen(html)) != NULL)
				html = NULL;
		} else if ((k = ref_fence(s + pos, len, &c)) > 0) {
			if (fence == 0) {
				fence = k;
				fc = c;
			} else if (c == fc && k >= fence) {
				i = ref_indent(s + pos, len) + k;
				if (ref_spaces(s + pos + i, len - i) == len - i)
					fence = 0;
			}
		} else if (fence == 0)
			html = ref_html_end(s + pos, len);
	}
	return n;
}

/*
 * Random documents of the lines that matter to a piece's end (fences of
 * either kind and length, HTML blocks and their ends, blank lines of
 * spaces, tabs or CR, indented and list lines, lines starting with < or
 * NUL) and plain ones: the same piece ends as line by line, from every
 * start the chain gives.
 */
static void
test_piece_ends_skip(void **state)
{
	static const char *const lines[] = {
		"Some text of a paragraph that goes on.\n", "\n", "\n",
		"   \n", "\t\n", "\r\n", "```\n", "~~~~\n", "  ```c\n",
		"    ```\n", "````\n", "<!-- a comment\n", "ends -->\n",
		"<pre>\n", "</pre>\n", "<div>\n", "<script>x</script>\n",
		"- item\n", "1. item\n", "> quote\n", "    code\n", "| a |\n",
		"<b>inline</b> text\n", "x\n", "\x00 nul\n", "`code` here\n",
		"~ tilde\n", " <style>\n", "</style> after\n", "中文段落。\n",
	};
	size_t		 nl = sizeof lines / sizeof *lines, n, at, k, r;
	unsigned	 seed = 5;
	struct buf	 b;
	int		 doc;

	for (doc = 0; doc < 40; doc++) {
		buf_init(&b);
		while (b.len < 600 * 1024) {
			seed = seed * 1103515245 + 12345;
			k = (seed >> 16) % (nl * 3);
			buf_adds(&b, k < nl ? lines[k] : lines[k % 3]);
			if (doc % 4 == 0 && k % 5 == 0)
				buf_add(&b, "\x00", 1);
		}
		n = b.len;
		for (at = 0; at < n; at = r) {
			r = ref_piece_end(b.s, n, at);
			assert_int_equal(markdown_piece_end(b.s, n, at), r);
			/* and from any line start, as a tail would */
			k = at + (seed % 4096);
			while (k < n && k > 0 && b.s[k - 1] != '\n')
				k++;
			if (k < n)
				assert_int_equal(markdown_piece_end(b.s, n, k),
				    ref_piece_end(b.s, n, k));
		}
		buf_free(&b);
	}
}

/* Markup inside a passage: the text and the source map onto each other. */
static void
test_source_text_map(void **state)
{
	const char	*md = "# T\n\n- Text with *emphasis* and [a link](http://x)"
	    " &amp; 中文 end.\n";
	struct doc_opts	 o = { .format = DOC_FORMAT_MARKDOWN };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(md, strlen(md), &o, &cause);
	struct text	*t;
	const char	*want = "emphasis and a link[1] & 中文";
	const char	*p, *src;
	size_t		 a, z, n;
	uint64_t	 x, y;

	assert_non_null(d);
	assert_int_equal(doc_nblocks(d), 2);
	t = doc_text(d, 1);
	p = strstr(t->s, want);
	assert_non_null(p);
	/* The displayed passage is this stretch of the source... */
	assert_int_equal(doc_source_range(d, 1, (size_t)(p - t->s),
	    (size_t)(p - t->s) + strlen(want), &x, &y), 0);
	src = doc_source(d, &n);
	assert_int_equal(y - x, strlen("emphasis* and [a link](http://x) &amp; 中文"));
	assert_memory_equal(src + x, "emphasis* and [a link](http://x) &amp; 中文",
	    y - x);
	/* ... and that stretch is drawn here. */
	x = (uint64_t)(strstr(md, "emphasis") - md);
	y = (uint64_t)(strstr(md, " end.") - md);
	assert_int_equal(doc_text_range(d, 1, x, y, &a, &z), 0);
	assert_int_equal(a, (size_t)(p - t->s));
	assert_int_equal(z, (size_t)(p - t->s) + strlen(want));
	doc_free(d);
}

/* An empty table cell is empty, not whatever the heap held (M_PERTURB). */
static void
test_empty_table_cell(void **state)
{
	const char	*md = "| a | b |\n|---|---|\n| 1 |   |\n";
	struct md_doc	 d;
	size_t		 i;

	mallopt(M_PERTURB, 0x41);	/* new memory is filled with 0xBE */
	assert_int_equal(markdown_parse(md, strlen(md), &d), 0);
	mallopt(M_PERTURB, 0);
	assert_int_equal(d.n, 1);
	for (i = 0; i < d.v[0].len; i++)
		assert_true((unsigned char)d.text.s[d.v[0].text + i] < 0x80);
	markdown_free(&d);
}

/*
 * Lists nested deeper than folio tracks (280 here, as a fuzzer made them)
 * read as lists, and what follows them is still there: the heading after
 * is a heading, in the outline.  The old code wrote past its arrays at 65
 * (UBSan) and at 280 numbered the bullets "2." and swallowed the heading.
 */
static void
test_deep_lists(void **state)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_MARKDOWN };
	struct buf	 md;
	struct doc	*d;
	char		*cause = NULL;
	const uint32_t	*outline;
	size_t		 i, n, nb;

	buf_init(&md);
	for (i = 0; i < 280; i++)
		buf_adds(&md, "- ");
	buf_adds(&md, "y\n\n# After\n\nText after.\n");
	d = doc_open_mem(md.s, md.len, &o, &cause);
	assert_non_null(d);
	nb = doc_nblocks(d);
	assert_int_equal(nb, 3);
	assert_string_equal(doc_text(d, 0)->s, "- y");
	assert_int_equal(doc_block(d, 0)->type, BLOCK_LIST);
	assert_true(doc_block(d, 0)->depth < 64);
	assert_string_equal(doc_text(d, 1)->s, "After");
	assert_int_equal(doc_block(d, 1)->type, BLOCK_HEADING);
	outline = doc_outline(d, &n);
	assert_int_equal(n, 1);
	assert_int_equal(outline[0], 1);
	assert_string_equal(doc_text(d, 2)->s, "Text after.");
	doc_free(d);
	buf_free(&md);
}

/*
 * Every block knows where it is in the source, in order: list items,
 * tables and rules too (they had offset 0, so that doc_block_at and the
 * highlights of notes on them went to the wrong block).
 */
static void
test_block_offsets(void **state)
{
	const char	*md = "Para.\n\n1. one\n2. two\n\n| a | b |\n"
	    "|---|---|\n| 1 | 2 |\n\n---\n\nEnd.\n";
	const char	*at[] = { "Para.", "one", "two", "a | b", "---\n\n", "End." };
	struct doc_opts	 o = { .format = DOC_FORMAT_MARKDOWN };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(md, strlen(md), &o, &cause);
	size_t		 i, off;

	assert_non_null(d);
	assert_int_equal(doc_nblocks(d), 6);
	for (i = 0; i < 6; i++) {
		off = (size_t)(strstr(md, at[i]) - md);
		if (doc_block(d, i)->type == BLOCK_RULE)	/* no text: after the last */
			assert_true(doc_block(d, i)->off <= off);
		else
			assert_int_equal(doc_block(d, i)->off, off);
		assert_true(i == 0 || doc_block(d, i)->off >= doc_block(d, i - 1)->off);
		assert_true(doc_block(d, i)->type == BLOCK_RULE ||
		    doc_block_at(d, off) == i);
	}
	doc_free(d);
}

/*
 * An entity for a line end in a paragraph (&#10;, &NewLine;) is a space:
 * a paragraph's text holds no line end (the dump broke the line outside
 * the quote bar; found by fuzz_markdown).
 */
static void
test_line_end_entities(void **state)
{
	const char	*md = "Line&#10;break &NewLine; and &#13;.\n\n"
	    "> q &#10; z\n";
	struct doc_opts	 o = { .format = DOC_FORMAT_MARKDOWN };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(md, strlen(md), &o, &cause);
	size_t		 i;

	assert_non_null(d);
	assert_int_equal(doc_nblocks(d), 2);
	for (i = 0; i < doc_nblocks(d); i++) {
		struct text	*t = doc_text(d, i);

		assert_null(memchr(t->s, '\n', t->len));
		assert_null(memchr(t->s, '\r', t->len));
	}
	assert_non_null(strstr(doc_text(d, 0)->s, "Line break"));
	doc_free(d);
}

/*
 * A fenced code block's info string is shown ([c]) and mapped to the
 * source, so the block's source range holds it (it began after it, and a
 * passage starting on it mapped back to another block; found by
 * fuzz_passage).
 */
static void
test_code_info_string(void **state)
{
	const char	*md = "Para.\n\n```c\nint x;\n```\n";
	struct doc_opts	 o = { .format = DOC_FORMAT_MARKDOWN };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(md, strlen(md), &o, &cause);
	const struct block *b;

	assert_non_null(d);
	assert_int_equal(doc_nblocks(d), 2);
	b = doc_block(d, 1);
	assert_int_equal(b->off, (size_t)(strstr(md, "c\n") - md));
	assert_true(b->off + b->len >= (size_t)(strstr(md, "x;") - md) + 2);
	assert_int_equal(doc_block_at(d, b->off), 1);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_equal_whole),
		cmocka_unit_test(test_defs_found_late),
		cmocka_unit_test(test_cjk_emphasis),
		cmocka_unit_test(test_code_marks),
		cmocka_unit_test(test_inline_html),
		cmocka_unit_test(test_piece_ends),
		cmocka_unit_test(test_piece_ends_skip),
		cmocka_unit_test(test_tail),
		cmocka_unit_test(test_tail_guess),
		cmocka_unit_test(test_source_text_map),
		cmocka_unit_test(test_empty_table_cell),
		cmocka_unit_test(test_deep_lists),
		cmocka_unit_test(test_block_offsets),
		cmocka_unit_test(test_line_end_entities),
		cmocka_unit_test(test_code_info_string),
		cmocka_unit_test(test_piece_changed_under),
	};

	return UNIT_RUN(tests);
}
