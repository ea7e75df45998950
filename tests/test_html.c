/*
 * test_html.c: web pages as blocks -- the model, the source offsets of
 * every piece of text, the encoding rules -- and reader mode's rules, one
 * small page each.
 */
#include "unit.h"

#include "extract.h"
#include "html.h"
#include "rdoc.h"
#include "text.h"

/* Opens an HTML page from a string, the reader's way (links numbered). */
static struct doc *
page(const char *s, int reader)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_HTML, .reader = reader };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(s, strlen(s), &o, &cause);

	assert_non_null(d);
	return d;
}

/* All the blocks' texts, one a line. */
static char *
texts(struct doc *d)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = 0; i < doc_nblocks(d); i++) {
		struct text *t = doc_text(d, i);

		buf_add(&b, t->s, t->len);
		buf_addc(&b, '\n');
	}
	return buf_take(&b, NULL);
}

/* The first block whose text contains s, or -1. */
static long
find(struct doc *d, const char *s)
{
	size_t	i;

	for (i = 0; i < doc_nblocks(d); i++)
		if (strstr(doc_text(d, i)->s, s) != NULL)
			return (long)i;
	return -1;
}

static int
has(struct doc *d, const char *s)
{
	return find(d, s) >= 0;
}

/* Enough sentences, with commas, to make a paragraph an article's. */
static void
add_para(struct buf *b, const char *tag, int n)
{
	int	i;

	buf_adds(b, "<");
	buf_adds(b, tag);
	buf_adds(b, ">");
	for (i = 0; i < n; i++)
		buf_adds(b, "The river rose in the night, and by morning the "
		    "town had moved its market, its school and its bells up "
		    "the hill. ");
	buf_adds(b, "</");
	buf_adds(b, tag);
	buf_adds(b, ">\n");
}

/* --- The model -------------------------------------------------------------- */

/*
 * Every word of every block maps back to its own bytes in the source, and
 * those bytes map back to the word: entities map to the entity, CRLF and
 * indentation are white space, comments and scripts are skipped, and a
 * text node longer than the parser's buffer is still exact.
 */
static void
test_runs_map_to_source(void **state)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_HTML,
	    .reader = HTML_READER_OFF, .plain_links = 1 };
	char		*cause = NULL, *all;
	struct buf	 b;
	struct doc	*d;
	size_t		 i, n, k;
	const char	*src;
	int		 checked = 0;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>T</title><style>p{}</style></head>"
	    "<body>\r\n<h1>Alpha <em>beta</em></h1>\r\n<p>Gamma &amp; delta"
	    "<!-- epsilon --> zeta &eacute;ta <b>theta</b>\n    iota</p>"
	    "<script>kappa</script><ul><li>lambda <a href=x>mu</a></li>"
	    "</ul><pre>nu\n  xi</pre><p>");
	for (i = 0; i < 400; i++) {	/* longer than libxml2's 1000 bytes */
		char w[32];

		snprintf(w, sizeof w, "w%zu ", i);
		buf_adds(&b, w);
	}
	buf_adds(&b, "</p></body></html>");
	d = doc_open_mem(b.s, b.len, &o, &cause);
	src = doc_source(d, &n);
	for (i = 0; i < doc_nblocks(d); i++) {
		struct text	*t = doc_text(d, i);
		size_t		 a = 0, z;

		if (doc_block(d, i)->type == BLOCK_HEADING &&
		    doc_level(d, i) == 0)
			continue;	/* the title: folio's own text */
		if (doc_block(d, i)->type == BLOCK_LIST)
			a = 2;	/* the marker is folio's */
		while (a < t->len) {
			uint64_t	x, y;
			size_t		p, q;

			while (a < t->len && strchr(" \n", t->s[a]) != NULL)
				a++;
			for (z = a; z < t->len && strchr(" \n", t->s[z]) ==
			    NULL; z++)
				;
			if (z == a)
				break;
			assert_int_equal(doc_source_range(d, i, a, z, &x, &y), 0);
			assert_true(y <= n && x < y);
			if (memcmp(t->s + a, "\xC3\xA9", 2) == 0) {
				assert_memory_equal(src + x, "&eacute;", 8);
			} else if (t->s[a] == '&') {
				assert_memory_equal(src + x, "&amp;", 5);
			} else {
				assert_int_equal(y - x, z - a);
				assert_memory_equal(src + x, t->s + a, z - a);
			}
			assert_int_equal(doc_text_range(d, i, x, y, &p, &q), 0);
			assert_int_equal(p, a);
			assert_int_equal(q, z);
			checked++;
			a = z;
		}
	}
	assert_true(checked > 400);
	all = texts(d);
	assert_non_null(strstr(all, "Gamma & delta zeta \xC3\xA9ta theta "
	    "iota"));
	free(all);
	for (k = 0; k < doc_nblocks(d); k++)
		assert_null(strstr(doc_text(d, k)->s, "kappa"));
	doc_free(d);
	buf_free(&b);
}

/* Headings make the outline; the page's title is the document's. */
static void
test_outline(void **state)
{
	struct doc	*d = page("<title>The page</title><body><h1>One</h1>"
	    "<p>a</p><h2>Two</h2><p>b</p><h3>Three</h3><h2>Four</h2></body>",
	    HTML_READER_OFF);
	const uint32_t	*o;
	size_t		 n;
	char		*title = doc_title(d);

	o = doc_outline(d, &n);
	assert_int_equal(n, 4);
	assert_string_equal(doc_text(d, o[0])->s, "One");
	assert_int_equal(doc_level(d, o[0]), 1);
	assert_int_equal(doc_level(d, o[1]), 2);
	assert_int_equal(doc_level(d, o[2]), 3);
	assert_string_equal(doc_text(d, o[3])->s, "Four");
	assert_string_equal(title, "The page");
	assert_int_equal(doc_kind(d), DOC_FORMAT_HTML);
	assert_true(doc_is_rendered(d));
	free(title);
	doc_free(d);
}

/* Lists carry their markers and depth; quotes their depth; pre its lines. */
static void
test_lists_quotes_pre(void **state)
{
	struct doc	*d = page("<body><ul><li>one<ul><li>inner</li></ul></li>"
	    "<li>two</li></ul><ol start=3><li>three</li><li>four</li></ol>"
	    "<blockquote><p>said</p><blockquote>again</blockquote>"
	    "</blockquote><pre>\nint  x;\n\tif (x)\n</pre></body>",
	    HTML_READER_OFF);
	long		 i;

	assert_string_equal(doc_text(d, find(d, "one"))->s, "- one");
	i = find(d, "inner");
	assert_string_equal(doc_text(d, i)->s, "- inner");
	assert_int_equal(doc_block(d, i)->depth, 1);
	assert_int_equal(doc_block(d, i)->type, BLOCK_LIST);
	assert_string_equal(doc_text(d, find(d, "three"))->s, "3. three");
	assert_string_equal(doc_text(d, find(d, "four"))->s, "4. four");
	i = find(d, "said");
	assert_int_equal(doc_block(d, i)->type, BLOCK_QUOTE);
	assert_int_equal(doc_block(d, find(d, "again"))->depth, 2);
	i = find(d, "int");
	assert_int_equal(doc_block(d, i)->type, BLOCK_PRE);
	assert_string_equal(doc_text(d, i)->s, "int  x;\n        if (x)");
	doc_free(d);
}

/* A data table is laid out in columns; a layout table's cells flow. */
static void
test_tables(void **state)
{
	struct doc	*d = page("<body><table><tr><th>Name</th><th>Age</th>"
	    "</tr><tr><td>Ann</td><td>7</td></tr><tr><td>Bartholomew</td>"
	    "<td>12</td></tr></table><table><tr><td>left cell</td></tr>"
	    "</table></body>", HTML_READER_OFF);
	long		 i = find(d, "Name");

	assert_int_equal(doc_block(d, i)->type, BLOCK_PRE);
	assert_string_equal(doc_text(d, i)->s,
	    "Name        | Age\n"
	    "------------+----\n"
	    "Ann         | 7\n"
	    "Bartholomew | 12");
	i = find(d, "left cell");
	assert_int_equal(doc_block(d, i)->type, BLOCK_PARA);
	doc_free(d);
}

/* Links are numbered, made absolute, and sanitised; some are not links. */
static void
test_links(void **state)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_HTML,
	    .reader = HTML_READER_OFF, .base = "http://example.org/dir/a.html" };
	const char	*s = "<body><p>See <a href=\"../b.html\">this</a>, "
	    "<a href=\"#top\">that</a>, <a href=\"javascript:go()\">go</a> "
	    "and <a href=\"/c?\x1b[31m\">red</a>.</p></body>";
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(s, strlen(s), &o, &cause);
	size_t		 n;
	const char	*links = doc_links(d, &n);
	struct text	*t;

	assert_int_equal(n, 2);
	assert_null(strchr(links, '\x1b'));
	assert_string_equal(links, "http://example.org/b.html\n"
	    "http://example.org/c?%20%5B31m\n");
	t = doc_text(d, 0);
	assert_string_equal(t->s, "See this[1], that, go and red[2].");
	assert_int_equal(t->spans[0].style, STYLE_LINK);
	assert_int_equal(t->spans[0].data, 1);
	doc_free(d);
	/* printed: no marks, the same links */
	o.plain_links = 1;
	d = doc_open_mem(s, strlen(s), &o, &cause);
	assert_string_equal(doc_text(d, 0)->s, "See this, that, go and red.");
	doc_free(d);
}

/* <base href> is where relative links start from. */
static void
test_base(void **state)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_HTML,
	    .reader = HTML_READER_OFF, .base = "http://example.org/a/b.html" };
	const char	*s = "<head><base href=\"http://cdn.example.net/x/\">"
	    "</head><body><a href=\"y.html\">y</a></body>";
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(s, strlen(s), &o, &cause);
	size_t		 n;

	assert_string_equal(doc_links(d, &n), "http://cdn.example.net/x/y.html\n");
	doc_free(d);
}

/*
 * Images are [image: alt] (markup escaped into an alt left out);
 * without alt, or with only a file name for one, they are not shown.
 */
static void
test_images(void **state)
{
	struct doc	*d = page("<body><p>A <img src=a.png alt=\"red  kite\">"
	    " and <img src=b.png> bird<img src=c alt=IMG_0042.JPG>"
	    "<img src=d alt=\"kite.png in flight\"><img src=e alt=\""
	    "&lt;span style=&quot;x&quot;&gt;Kite/Bird&lt;/span&gt;\">"
	    "<img src=f alt=0225-red-kite-getty-01><img src=g alt="
	    "update_graphic_red_bar><img src=h alt=mother-in-law>"
	    "<img src=i alt=COVID-19><img src=j alt=a--b-1><img src=k "
	    "alt=covid-19-vaccine><img src=l alt=kite-in-flight-2024>.</p>"
	    "</body>", HTML_READER_OFF);

	assert_string_equal(doc_text(d, 0)->s, "A [image: red kite] and bird"
	    "[image: kite.png in flight][image: Kite/Bird]"
	    "[image: mother-in-law][image: COVID-19][image: a--b-1]"
	    "[image: covid-19-vaccine].");
	doc_free(d);
}

/*
 * <br> goes on in a block of its own (BLOCK_CONT); two start a new
 * paragraph; a line indented with ideographic spaces is an indented
 * paragraph of its own.
 */
static void
test_breaks(void **state)
{
	struct doc	*d = page("<body><div>one<br>two<br><br>three<br>"
	    "\xE3\x80\x80\xE3\x80\x80\xE5\x9B\x9B\xE3\x80\x82</div></body>",
	    HTML_READER_OFF);

	assert_int_equal(doc_nblocks(d), 4);
	assert_string_equal(doc_text(d, 0)->s, "one");
	assert_string_equal(doc_text(d, 1)->s, "two");
	assert_true(doc_block(d, 1)->flags & BLOCK_CONT);
	assert_string_equal(doc_text(d, 2)->s, "three");
	assert_false(doc_block(d, 2)->flags & BLOCK_CONT);
	assert_string_equal(doc_text(d, 3)->s, "\xE5\x9B\x9B\xE3\x80\x82");
	assert_true(doc_block(d, 3)->flags & BLOCK_INDENT);
	assert_false(doc_block(d, 3)->flags & BLOCK_CONT);
	doc_free(d);
}

/* What a browser hides is not shown; escapes in text are defused. */
static void
test_hidden(void **state)
{
	struct doc	*d = page("<head><style>s1</style><script>s2</script>"
	    "</head><body><p>shown \x1b]52;c;bad\x07 end</p><p hidden>h1</p>"
	    "<div aria-hidden=\"true\">h2</div><span style=\"DISPLAY: none\">"
	    "h3</span><div style=\"visibility:hidden\">h4</div><!-- h5 -->"
	    "<template>h6</template><noscript>h7</noscript><select><option>"
	    "h8</option></select></body>", HTML_READER_OFF);
	char		*all = texts(d);
	size_t		 i;

	/* what terminals would act on is gone; the rest is plain text */
	for (i = 0; all[i] != '\0'; i++)
		assert_true((unsigned char)all[i] >= 0x20 || all[i] == '\n');
	assert_string_equal(all, "shown ]52;c;bad end\n");
	free(all);
	doc_free(d);
}

/* A line end between CJK characters joins them; between words, a space. */
static void
test_cjk_join(void **state)
{
	struct doc	*d = page("<body><p>\xE4\xB8\xAD\xE6\x96\x87\n"
	    "\xE4\xB8\xAD\xE6\x96\x87 and\nwords</p></body>", HTML_READER_OFF);

	assert_string_equal(doc_text(d, 0)->s,
	    "\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87 and words");
	doc_free(d);
}

/* A paragraph longer than 64 KiB goes on in more blocks. */
static void
test_long_paragraph(void **state)
{
	struct buf	 b;
	struct doc	*d;
	size_t		 i, total = 0;

	buf_init(&b);
	buf_adds(&b, "<body><p>");
	for (i = 0; i < 30000; i++)
		buf_adds(&b, "word ");
	buf_adds(&b, "</p></body>");
	d = page(b.s, HTML_READER_OFF);
	assert_true(doc_nblocks(d) >= 3);
	for (i = 0; i < doc_nblocks(d); i++) {
		assert_true(doc_text(d, i)->len <= 64 * 1024);
		assert_true(i == 0 || (doc_block(d, i)->flags & BLOCK_CONT));
		total += doc_text(d, i)->len;
	}
	assert_true(total >= 30000 * 5 - doc_nblocks(d) - 1);
	doc_free(d);
	buf_free(&b);
}

/* Pages are known by name or by their first bytes. */
static void
test_sniff(void **state)
{
	assert_true(html_sniff("\xEF\xBB\xBF  <!DOCTYPE html><html>", 26));
	assert_true(html_sniff("<html lang=en>", 14));
	assert_true(html_sniff("<!-- saved -->\n<head><title>", 28));
	assert_false(html_sniff("# Title\n\n<div>x</div>", 21));
	assert_false(html_sniff("Dear <b>you</b>", 15));
	assert_int_equal(html_sniff("<p>hello <b>world</b></p>", 25), 1);
	assert_int_equal(html_sniff("<html lang=en>", 14), 2);
	assert_true(html_name("page.html"));
	assert_true(html_name("PAGE.HTM"));
	assert_true(html_name("a.xhtml"));
	assert_false(html_name("a.html.txt"));
	assert_false(html_name("dir.html/readme"));
}

/* --- Encodings -------------------------------------------------------------- */

static char *
decoded(const char *bytes, size_t n, const char *charset, const char **enc)
{
	struct doc_opts	 o = { .format = DOC_FORMAT_HTML,
	    .reader = HTML_READER_OFF, .charset = charset };
	char		*cause = NULL, *all;
	struct doc	*d = doc_open_mem(bytes, n, &o, &cause);

	assert_non_null(d);
	*enc = doc_encoding(d);
	all = texts(d);
	doc_free(d);
	return all;
}

/* Valid UTF-8 wins over a declared gb2312. */
static void
test_utf8_declared_gb2312(void **state)
{
	const char	*s = "<meta charset=\"gb2312\"><body><p>"
	    "\xE4\xB8\xAD\xE6\x96\x87\xE7\xBD\x91\xE9\xA1\xB5</p></body>";
	const char	*enc;
	char		*t = decoded(s, strlen(s), NULL, &enc);

	assert_string_equal(enc, "UTF-8");
	assert_string_equal(t, "\xE4\xB8\xAD\xE6\x96\x87\xE7\xBD\x91\xE9\xA1"
	    "\xB5\n");
	free(t);
}

/* GBK bytes that say gb2312 are read as GB18030 (its superset). */
static void
test_gbk_declared_gb2312(void **state)
{
	/* 中文 (GB2312) and 镕 (GBK only) */
	const char	*s = "<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=gb2312\"></head><body><p>"
	    "\xD6\xD0\xCE\xC4\xE9\x46</p></body></html>";
	const char	*enc;
	char		*t = decoded(s, strlen(s), NULL, &enc);

	assert_string_equal(enc, "GB18030");
	assert_string_equal(t, "\xE4\xB8\xAD\xE6\x96\x87\xE9\x95\x95\n");
	free(t);
}

/* iso-8859-1 is read as windows-1252: “quotes” are quotes. */
static void
test_cp1252_declared_latin1(void **state)
{
	const char	*s = "<meta charset=iso-8859-1><body><p>\x93" "Caf\xE9\x94"
	    " \x96 na\xEFve</p></body>";
	const char	*enc;
	char		*t = decoded(s, strlen(s), NULL, &enc);

	assert_string_equal(t, "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80"
	    "\x93 na\xC3\xAFve\n");
	free(t);
}

/* Without a declaration, the statistics decide. */
static void
test_no_declaration(void **state)
{
	struct buf	 b;
	const char	*enc;
	char		*t;
	int		 i;

	buf_init(&b);
	buf_adds(&b, "<html><body><p>");
	for (i = 0; i < 40; i++)	/* 中文的文章 in GBK */
		buf_adds(&b, "\xD6\xD0\xCE\xC4\xB5\xC4\xCE\xC4\xD5\xC2");
	buf_adds(&b, "</p></body></html>");
	t = decoded(b.s, b.len, NULL, &enc);
	assert_string_equal(enc, "GB18030");
	assert_memory_equal(t, "\xE4\xB8\xAD\xE6\x96\x87\xE7\x9A\x84", 9);
	free(t);
	buf_free(&b);
}

/* HTTP's Content-Type charset counts over the page's <meta>. */
static void
test_http_charset(void **state)
{
	const char	*s = "<meta charset=\"utf-8\"><body><p>\xA4j\xAE" "a"
	    "</p></body>";	/* 大家 in Big5 */
	const char	*enc;
	char		*t = decoded(s, strlen(s), "big5", &enc);

	assert_string_equal(enc, "CP950");
	assert_string_equal(t, "\xE5\xA4\xA7\xE5\xAE\xB6\n");
	free(t);
}

/* --- Reader mode: one rule each ------------------------------------------- */

/* An article page: title, nav, the article, a footer. */
static char *
article(const char *head, const char *before, const char *inside,
    const char *after)
{
	struct buf	b;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>Rivers of the north | The Gazette"
	    "</title>");
	buf_adds(&b, head);
	buf_adds(&b, "</head><body><nav><a href=/>Home</a> <a href=/news>"
	    "News</a></nav>");
	buf_adds(&b, before);
	buf_adds(&b, "<div class=\"story\">");
	add_para(&b, "p", 3);
	buf_adds(&b, inside);
	add_para(&b, "p", 3);
	add_para(&b, "p", 2);
	buf_adds(&b, "</div>");
	buf_adds(&b, after);
	buf_adds(&b, "<footer>Copyright footer text</footer></body></html>");
	return buf_take(&b, NULL);
}

static struct doc *
reader(const char *s)
{
	return page(s, HTML_READER_AUTO);
}

/* The article alone: navigation and footer are left out. */
static void
test_article_alone(void **state)
{
	char		*s = article("", "", "", "");
	struct doc	*d = reader(s), *w;

	assert_true(doc_article(d) > 50);
	assert_true(has(d, "The river rose"));
	assert_false(has(d, "Home"));
	assert_false(has(d, "Copyright"));
	w = page(s, HTML_READER_OFF);
	assert_int_equal(doc_article(w), -1);
	assert_true(has(w, "Home"));
	assert_true(has(w, "Copyright"));
	doc_free(d);
	doc_free(w);
	free(s);
}

/* Nodes named like page furniture are not candidates. */
static void
test_unlikely(void **state)
{
	char		*s = article("", "<div class=\"sidebar\"><p>Sidebar: "
	    "other stories, more reading, and so on and so forth.</p></div>",
	    "", "");
	struct doc	*d = reader(s);

	assert_true(has(d, "The river rose"));
	assert_false(has(d, "Sidebar"));
	doc_free(d);
	free(s);
}

/* Hidden nodes never count. */
static void
test_hidden_in_article(void **state)
{
	char		*s = article("", "", "<p style=\"display:none\">"
	    "Secret paragraph, hidden, never shown.</p>", "");
	struct doc	*d = reader(s);

	assert_false(has(d, "Secret"));
	doc_free(d);
	free(s);
}

/* A byline in the page goes to the line under the title. */
static void
test_byline(void **state)
{
	char		*s = article("", "", "<p class=\"byline\">By Jane Doe"
	    "</p>", "");
	struct doc	*d = reader(s);
	long		 i = find(d, "By Jane Doe");

	assert_int_equal(i, 1);		/* under the title */
	assert_true(doc_text(d, 1)->nspans > 0);
	assert_int_equal(doc_text(d, 1)->spans[0].style, STYLE_EMPH);
	doc_free(d);
	free(s);
}

/*
 * A byline box that holds the site, the date and share buttons too gives
 * the author's name alone, from itemprop=name inside itemprop=author.
 */
static void
test_byline_name(void **state)
{
	char		*s = article("", "", "<div class=\"authorinfo\">"
	    "<a href=/>Tech Insider</a> <span itemprop=author><span "
	    "itemprop=name>Alex Perry</span></span> <time>1 day ago</time> "
	    "<a href=/s>SHARE</a></div>", "");
	struct doc	*d = reader(s);

	assert_int_equal(find(d, "Alex Perry"), 1);	/* under the title */
	assert_false(has(d, "SHARE"));
	assert_false(has(d, "1 day ago"));
	doc_free(d);
	free(s);
}

/* A byline's trailing separator is the page's, not the header's. */
static void
test_byline_separator(void **state)
{
	char		*s = article("", "", "<p class=\"byline\">Ann Lee \xE2\x80"
	    "\x94</p>", "");
	struct doc	*d = reader(s);

	assert_int_equal(find(d, "Ann Lee"), 1);
	assert_false(has(d, "\xE2\x80\x94"));
	doc_free(d);
	free(s);
}

/* The h1 that repeats the title is shown once, as the title. */
static void
test_title_h1(void **state)
{
	char		*s = article("", "<h1>Rivers of the north</h1>", "", "");
	struct doc	*d = reader(s);
	size_t		 i, n = 0;

	for (i = 0; i < doc_nblocks(d); i++)
		n += strstr(doc_text(d, i)->s, "Rivers of the north") != NULL;
	assert_int_equal(n, 1);
	assert_int_equal(doc_block(d, 0)->type, BLOCK_HEADING);
	assert_int_equal(doc_level(d, 0), 0);
	doc_free(d);
	free(s);
}

/* A block of links inside the article is cleaned out. */
static void
test_link_dense(void **state)
{
	char		*s = article("", "", "<div><a href=/1>Related one</a> "
	    "<a href=/2>Related two</a> <a href=/3>Related three</a></div>",
	    "");
	struct doc	*d = reader(s);

	assert_false(has(d, "Related"));
	assert_true(has(d, "The river rose"));
	doc_free(d);
	free(s);
}

/* A paragraph next to the article's container joins it. */
static void
test_sibling(void **state)
{
	struct buf	 b;
	char		*s;
	struct doc	*d;

	buf_init(&b);
	add_para(&b, "p", 1);
	buf_adds(&b, "<p>Short end of the story.</p><p>Menu</p>");
	s = article("", "", "", b.s);
	d = reader(s);
	assert_true(has(d, "Short end of the story."));
	assert_false(has(d, "Menu"));
	doc_free(d);
	free(s);
	buf_free(&b);
}

/* Text in divs and <br><br> runs becomes paragraphs. */
static void
test_div_brs(void **state)
{
	struct buf	 b;
	struct doc	*d;
	int		 i;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>Brs</title></head><body><div>");
	for (i = 0; i < 8; i++)
		buf_adds(&b, "A line of a letter, written at night, with care "
		    "and with commas, to be read aloud.<br><br>\n");
	buf_adds(&b, "</div></body></html>");
	d = reader(b.s);
	assert_true(doc_article(d) > 0);
	assert_int_equal(doc_nblocks(d), 1 + 8);
	assert_false(doc_block(d, 2)->flags & BLOCK_CONT);
	doc_free(d);
	buf_free(&b);
}

/* JSON-LD gives the title, author, publisher and date. */
static void
test_jsonld(void **state)
{
	char		*s = article("<script type=\"application/ld+json\">"
	    "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
	    "\"headline\":\"Rivers rising\",\"author\":[{\"@type\":\"Person\","
	    "\"name\":\"Ann Lee\"},{\"name\":\"Bo Chen\"}],\"publisher\":"
	    "{\"name\":\"The Gazette\"},\"datePublished\":"
	    "\"2021-03-04T05:06:07Z\"}</script>", "", "", "");
	struct doc	*d = reader(s);

	assert_string_equal(doc_text(d, 0)->s, "Rivers rising");
	assert_string_equal(doc_text(d, 1)->s, "Ann Lee, Bo Chen \xC2\xB7 The "
	    "Gazette \xC2\xB7 2021-03-04");
	doc_free(d);
	free(s);
}

/* The byline from <meta> and the site from og:site_name. */
static void
test_meta_tags(void **state)
{
	char		*s = article("<meta name=\"author\" content=\"Kim &amp;"
	    " Lee\"><meta property=\"og:site_name\" content=\"Gazette\">"
	    "<meta property=\"article:published_time\" content="
	    "\"2020-01-02\">", "", "", "");
	struct doc	*d = reader(s);

	assert_string_equal(doc_text(d, 1)->s, "Kim & Lee \xC2\xB7 Gazette "
	    "\xC2\xB7 2020-01-02");
	doc_free(d);
	free(s);
}

/*
 * No date in the metadata: the one the page marks as the article's in
 * schema.org microdata, the first in the page.
 */
static void
test_microdata_date(void **state)
{
	char		*s = article("<meta name=\"author\" content=\"Kim\">",
	    "<p>By Kim <time itemprop=\"datePublished\" datetime=\"2017-11-"
	    "16T14:15+0000\">16 November 2017</time></p>", "",
	    "<time itemprop=\"datePublished\" datetime=\"2017-11-21\">"
	    "</time>");
	struct doc	*d = reader(s);

	assert_string_equal(doc_text(d, 1)->s, "Kim \xC2\xB7 2017-11-16");
	doc_free(d);
	free(s);
}

/* Chinese: ， and 、 count as commas, 。 ends a sentence. */
static void
test_cjk_article(void **state)
{
	struct buf	 b;
	struct doc	*d;
	int		 i;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>\xE6\xB2\xB3\xE6\xB0\xB4</title>"
	    "</head><body><div class=\"links\">");
	for (i = 0; i < 10; i++)
		buf_adds(&b, "<p><a href=/x>\xE6\x96\xB0\xE9\x97\xBB\xE6\x96\xB0"
		    "\xE9\x97\xBB\xE6\x96\xB0\xE9\x97\xBB\xE6\x96\xB0\xE9\x97\xBB"
		    "\xE6\x96\xB0\xE9\x97\xBB\xE6\x96\xB0\xE9\x97\xBB</a></p>");
	buf_adds(&b, "</div><div><div>");
	for (i = 0; i < 6; i++)	/* 河水涨了，城里的人、学校和钟，都搬到了山上。 */
		buf_adds(&b, "<p>\xE6\xB2\xB3\xE6\xB0\xB4\xE6\xB6\xA8\xE4\xBA\x86"
		    "\xEF\xBC\x8C\xE5\x9F\x8E\xE9\x87\x8C\xE7\x9A\x84\xE4\xBA\xBA"
		    "\xE3\x80\x81\xE5\xAD\xA6\xE6\xA0\xA1\xE5\x92\x8C\xE9\x92\x9F"
		    "\xEF\xBC\x8C\xE9\x83\xBD\xE6\x90\xAC\xE5\x88\xB0\xE4\xBA\x86"
		    "\xE5\xB1\xB1\xE4\xB8\x8A\xE3\x80\x82</p>");
	buf_adds(&b, "</div><p>\xE5\xAE\x8C\xE3\x80\x82</p></div></body>"
	    "</html>");	/* 完。: a short sibling that ends a sentence */
	d = page(b.s, HTML_READER_ON);
	assert_true(has(d, "\xE6\xB2\xB3\xE6\xB0\xB4\xE6\xB6\xA8"));
	assert_false(has(d, "\xE6\x96\xB0\xE9\x97\xBB"));
	assert_true(has(d, "\xE5\xAE\x8C\xE3\x80\x82"));
	doc_free(d);
	buf_free(&b);
}

/* 责任编辑 and 相关阅读 lines at the end of a Chinese article go. */
static void
test_cjk_furniture(void **state)
{
	struct buf	 b;
	struct doc	*d;
	int		 i;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>x</title></head><body><div>");
	for (i = 0; i < 6; i++)	/* 河水涨了，城里的人、学校和钟，都搬到了山上。 */
		buf_adds(&b, "<p>\xE6\xB2\xB3\xE6\xB0\xB4\xE6\xB6\xA8\xE4\xBA\x86"
		    "\xEF\xBC\x8C\xE5\x9F\x8E\xE9\x87\x8C\xE7\x9A\x84\xE4\xBA\xBA"
		    "\xE3\x80\x81\xE5\xAD\xA6\xE6\xA0\xA1\xE5\x92\x8C\xE9\x92\x9F"
		    "\xEF\xBC\x8C\xE9\x83\xBD\xE6\x90\xAC\xE5\x88\xB0\xE4\xBA\x86"
		    "\xE5\xB1\xB1\xE4\xB8\x8A\xE3\x80\x82</p>");
	/* [责任编辑:王五] and 相关阅读：…, then the end: 完 */
	buf_adds(&b, "<p>[\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91:"
	    "\xE7\x8E\x8B\xE4\xBA\x94]</p><p>\xE7\x9B\xB8\xE5\x85\xB3\xE9\x98"
	    "\x85\xE8\xAF\xBB\xEF\xBC\x9A\xE5\x8F\xA6\xE4\xB8\x80\xE7\xAF\x87"
	    "</p></div></body></html>");
	d = page(b.s, HTML_READER_ON);
	assert_true(has(d, "\xE6\xB2\xB3\xE6\xB0\xB4"));
	assert_false(has(d, "\xE8\xB4\xA3\xE4\xBB\xBB"));
	assert_false(has(d, "\xE7\x9B\xB8\xE5\x85\xB3"));
	doc_free(d);
	buf_free(&b);
}

/* Titles compare by pairs of CJK characters: the repeated h1 goes. */
static void
test_cjk_title(void **state)
{
	assert_true(extract_similarity("\xE4\xBA\xBA\xE5\xB7\xA5\xE6\x99\xBA"
	    "\xE8\x83\xBD\xE6\x94\xB9\xE5\x8F\x98\xE4\xB8\x96\xE7\x95\x8C",
	    "\xE4\xBA\xBA\xE5\xB7\xA5\xE6\x99\xBA\xE8\x83\xBD\xE6\x94\xB9\xE5"
	    "\x8F\x98\xE4\xB8\x96\xE7\x95\x8C") > 0.99);
	assert_true(extract_similarity("\xE4\xBA\xBA\xE5\xB7\xA5\xE6\x99\xBA"
	    "\xE8\x83\xBD", "\xE5\xA4\xA9\xE6\xB0\x94\xE9\xA2\x84\xE6\x8A\xA5")
	    < 0.01);
	assert_true(extract_similarity("Rivers of the north",
	    "Rivers of the North!") > 0.99);
}

/*
 * The ladder: an article whose container is named like comments is lost
 * to the first try, which is too short, and found by the next.
 */
static void
test_retry(void **state)
{
	struct buf	 b;
	struct doc	*d;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>Retry</title></head><body>"
	    "<div class=\"comment-thread\">");
	add_para(&b, "p", 3);
	add_para(&b, "p", 3);
	buf_adds(&b, "</div></body></html>");
	d = page(b.s, HTML_READER_ON);
	assert_true(doc_article(d) > 0);
	assert_true(has(d, "The river rose"));
	doc_free(d);
	buf_free(&b);
}

/* Share widgets inside the article go. */
static void
test_share(void **state)
{
	char		*s = article("", "", "<div class=\"share-tools\"><p>Share"
	    "</p><p>on the networks</p></div>", "");
	struct doc	*d = reader(s);

	assert_false(has(d, "Share on"));
	doc_free(d);
	free(s);
}

/* A data table in the article stays, in columns. */
static void
test_data_table_kept(void **state)
{
	char		*s = article("", "", "<table><thead><tr><th>Town</th>"
	    "<th>Height</th></tr></thead><tr><td>Low</td><td>2 m</td></tr>"
	    "</table>", "");
	struct doc	*d = reader(s);
	long		 i = find(d, "Town");

	assert_true(i >= 0);
	assert_int_equal(doc_block(d, i)->type, BLOCK_PRE);
	doc_free(d);
	free(s);
}

/* JSON-LD's articleBody stands in for an article the page hides. */
static void
test_jsonld_body(void **state)
{
	struct buf	 b;
	struct doc	*d;
	int		 i;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>Hidden</title><script type=\""
	    "application/ld+json\">{\"@context\":\"https://schema.org\","
	    "\"@type\":\"NewsArticle\",\"headline\":\"Hidden\","
	    "\"articleBody\":\"");
	for (i = 0; i < 8; i++)
		buf_adds(&b, "The river rose in the night, and by morning the "
		    "town had moved its market up the hill.\\n");
	buf_adds(&b, "\"}</script></head><body><div id=app>Loading, please "
	    "wait, loading.</div><p>Short.</p></body></html>");
	d = page(b.s, HTML_READER_ON);
	assert_true(doc_article(d) > 0);
	assert_int_equal(doc_nblocks(d), 1 + 8);
	assert_string_equal(doc_text(d, 1)->s, "The river rose in the night, "
	    "and by morning the town had moved its market up the hill.");
	assert_false(has(d, "Loading"));
	doc_free(d);
	buf_free(&b);
}

/* A container the page names its article wins over a bigger neighbour. */
static void
test_known_container(void **state)
{
	struct buf	 b;
	struct doc	*d;
	int		 i;

	buf_init(&b);
	buf_adds(&b, "<html><head><title>Known</title></head><body><div>"
	    "<div class=\"article-body\">");
	add_para(&b, "p", 3);
	add_para(&b, "p", 3);
	buf_adds(&b, "</div></div><div><div class=\"discussion\">");
	for (i = 0; i < 12; i++)
		buf_adds(&b, "<p>Reader writes: a long reply, with commas, that "
		    "goes on, and on, about other things, at length, and then "
		    "some more, until the thread is long.</p>");
	buf_adds(&b, "</div></div></body></html>");
	d = page(b.s, HTML_READER_ON);
	assert_true(has(d, "The river rose"));
	assert_false(has(d, "Reader writes"));
	doc_free(d);
	buf_free(&b);
}

/* A page with no article to speak of is shown whole. */
static void
test_not_readerable(void **state)
{
	struct doc	*d = reader("<html><head><title>Shop</title></head>"
	    "<body><p>Buy now.</p><ul><li><a href=a>A</a></li></ul></body>"
	    "</html>");

	assert_int_equal(doc_article(d), -1);
	assert_true(has(d, "Buy now."));
	assert_true(has(d, "A"));
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs_map_to_source),
		cmocka_unit_test(test_outline),
		cmocka_unit_test(test_lists_quotes_pre),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_base),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_breaks),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_cjk_join),
		cmocka_unit_test(test_long_paragraph),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_utf8_declared_gb2312),
		cmocka_unit_test(test_gbk_declared_gb2312),
		cmocka_unit_test(test_cp1252_declared_latin1),
		cmocka_unit_test(test_no_declaration),
		cmocka_unit_test(test_http_charset),
		cmocka_unit_test(test_article_alone),
		cmocka_unit_test(test_unlikely),
		cmocka_unit_test(test_hidden_in_article),
		cmocka_unit_test(test_byline),
		cmocka_unit_test(test_byline_name),
		cmocka_unit_test(test_byline_separator),
		cmocka_unit_test(test_title_h1),
		cmocka_unit_test(test_link_dense),
		cmocka_unit_test(test_sibling),
		cmocka_unit_test(test_div_brs),
		cmocka_unit_test(test_jsonld),
		cmocka_unit_test(test_meta_tags),
		cmocka_unit_test(test_microdata_date),
		cmocka_unit_test(test_cjk_article),
		cmocka_unit_test(test_cjk_furniture),
		cmocka_unit_test(test_cjk_title),
		cmocka_unit_test(test_retry),
		cmocka_unit_test(test_share),
		cmocka_unit_test(test_data_table_kept),
		cmocka_unit_test(test_jsonld_body),
		cmocka_unit_test(test_known_container),
		cmocka_unit_test(test_not_readerable),
	};

	return UNIT_RUN(tests);
}
