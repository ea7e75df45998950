/*
 * test_convert.c: the converted view (convert.h).  A converted text has
 * the same characters one for one, each mapped to its own source bytes
 * (passage.h round trips), with glosses, Markdown markup, entities, `code`
 * and a character whose UTF-8 length changes; hundreds of random
 * selections made in the converted view are the same passages, stored on
 * the same source bytes, as the same characters of the original view; the
 * view keeps its top character; OpenCC's pitfalls are guarded.  Skipped
 * when folio is built without OpenCC.
 */
#include "unit.h"

#include "gen.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "anchor.h"
#include "convert.h"
#include "passage.h"
#include "sha256.h"
#include "text.h"
#include "view.h"

static struct convert *
open_script(int script)
{
	char		*cause = NULL;
	struct convert	*cv;

	if (!convert_available())
		skip();
	cv = convert_open(script, &cause);
	if (cv == NULL)
		fail_msg("convert_open: %s", cause);
	return cv;
}

static struct doc *
open_as(const char *s, int format, struct convert *cv)
{
	struct doc_opts	 o = { NULL, 0, 0, 0, format, 0 };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(s, strlen(s), &o, &cause);

	assert_non_null(d);
	doc_set_convert(d, cv);
	return d;
}

/*
 * Shown text q of block b, selected: its source bytes are want, back from
 * them the same range, and the same text is quoted.
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
	if (z - a != strlen(want) || memcmp(src + a, want, z - a) != 0)
		fail_msg("\"%s\": source \"%.*s\", not \"%s\"", q,
		    (int)(z - a), src + a, want);
	assert_int_equal(passage_model(d, a, z, &f2, &t2), 0);
	assert_int_equal(pos_cmp(f2, from), 0);
	assert_int_equal(pos_cmp(t2, to), 0);
	shown = passage_shown_source(d, a, z, NULL);
	assert_string_equal(shown, q);
	free(shown);
	shown = passage_quote_shown(d, a, z, want);
	assert_non_null(shown);		/* not the source as written */
	assert_string_equal(shown, q);
	free(shown);
}

/* Glosses stay, hidden, in their places; every character maps home. */
static void
test_glosses(void **state)
{
	struct convert	*cv = open_script(SCRIPT_S);
	struct doc	*d = open_as("長(zhǎng)期發(fā)展的國(guó)產派與雲(yún)服務都是\n"
	    "科技產業最受關注的話題之一從搜索引擎\n到辦公軟體幾乎每一個產品都在"
	    "思考如何\n接入大模型。\n", DOC_FORMAT_TEXT, cv);
	struct text	*t = doc_text(d, 0);
	char		*vis = text_visible(t, NULL);

	assert_string_equal(t->s, "长(zhǎng)期发(fā)展的国(guó)产派与云(yún)服务都是"
	    "科技产业最受关注的话题之一从搜索引擎到办公软体几乎每一个产品都在思考"
	    "如何接入大模型。");
	assert_int_equal(strncmp(vis, "长期发展的国产派与云服务都是科技", 48), 0);
	assert_true(text_hidden_at(t, strlen("长(")));
	assert_false(text_hidden_at(t, strlen("长(zhǎng)")));
	expect_passage(d, 0, "发展的国产", "發(fā)展的國(guó)產");
	expect_passage(d, 0, "长期", "長(zhǎng)期");
	expect_passage(d, 0, "都是科技", "都是\n科技");	/* a joined line */
	expect_passage(d, 0, "与云服", "與雲(yún)服");
	free(vis);
	doc_free(d);
	convert_close(cv);
}

/* 二噁英 -> 二𫫇英: 3 bytes become 4, one run of its own. */
static void
test_length_change(void **state)
{
	struct convert	*cv = open_script(SCRIPT_S);
	struct doc	*d = open_as("含有二噁英的廢氣\n", DOC_FORMAT_TEXT, cv);
	struct text	*t = doc_text(d, 0);

	assert_string_equal(t->s, "含有二\xF0\xAB\xAB\x87英的废气");
	assert_int_equal(t->len, strlen("含有二噁英的廢氣") + 1);
	expect_passage(d, 0, "\xF0\xAB\xAB\x87", "噁");
	expect_passage(d, 0, "\xF0\xAB\xAB\x87英的", "噁英的");
	expect_passage(d, 0, "二\xF0\xAB\xAB\x87", "二噁");
	expect_passage(d, 0, "英的废气", "英的廢氣");
	doc_free(d);
	convert_close(cv);
}

/* Markup, entities and links map as before; `code` and code blocks stay. */
static void
test_markdown(void **state)
{
	struct convert	*cv = open_script(SCRIPT_S);
	struct doc	*d = open_as("# 發展歷程\n\n**粗體**與`程式碼`和[連結](http://x.org)"
	    "&amp;&#x767C;展\n\n```\n程式碼區塊\n```\n", DOC_FORMAT_MARKDOWN, cv);
	char		*vis;

	assert_string_equal(doc_text(d, 0)->s, "发展历程");
	vis = text_visible(doc_text(d, 1), NULL);
	assert_string_equal(vis, "粗体与`程式碼`和连结[1]&发展");
	free(vis);
	assert_string_equal(doc_text(d, 2)->s, "程式碼區塊");
	expect_passage(d, 0, "展历", "展歷");
	expect_passage(d, 1, "粗体与", "粗體**與");
	expect_passage(d, 1, "与`程式碼`和", "與`程式碼`和");
	expect_passage(d, 1, "连结", "連結");
	expect_passage(d, 1, "&发展", "&amp;&#x767C;展");
	doc_free(d);
	convert_close(cv);
}

/* Text with nothing to convert is left as it is (no copy). */
static void
test_unchanged(void **state)
{
	struct convert	*cv = open_script(SCRIPT_S);
	struct text	*t = text_new(strdup("plain words"), 11);
	struct text	*u = text_new(strdup("简体中文"), strlen("简体中文"));

	assert_null(convert_text(cv, t));
	assert_null(convert_text(cv, u));
	text_free(t);
	text_free(u);
	convert_close(cv);
}

/* OpenCC is never given a cut or invalid sequence, nor a NUL. */
static void
test_bad_utf8(void **state)
{
	struct convert	*cv = open_script(SCRIPT_S);
	char		 cut[] = "發展\xE7\x99", bad[] = "發\xFF展", nul[] = "發\0展";
	struct text	*t;

	t = text_new(strdup(cut), strlen(cut));
	assert_null(convert_text(cv, t));
	text_free(t);
	t = text_new(strdup(bad), strlen(bad));
	assert_null(convert_text(cv, t));
	text_free(t);
	t = text_new(malloc(8), 7);
	memcpy(t->s, nul, 8);
	assert_null(convert_text(cv, t));
	text_free(t);
	convert_close(cv);
}

/*
 * OpenCC looks in the current directory first: folio opens it from its
 * data directory, so stray dictionaries here change nothing.
 */
static void
test_current_directory(void **state)
{
	char		 dir[] = "/tmp/folio-opencc-XXXXXX", path[128], here[4096];
	static const char *const names[] = {
		"TSPhrases.ocd2", "TSCharacters.ocd2", "STPhrases.ocd2",
		"STCharacters.ocd2", "t2s.json", "s2t.json"
	};
	struct convert	*cv;
	struct doc	*d;
	size_t		 i;
	int		 fd;

	if (!convert_available())
		skip();
	assert_non_null(getcwd(here, sizeof here));
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, "{ bogus", 7), 7);
		close(fd);
	}
	assert_int_equal(chdir(dir), 0);
	cv = open_script(SCRIPT_T);
	assert_int_equal(convert_script(cv), SCRIPT_T);
	d = open_as("头发和发展\n", DOC_FORMAT_TEXT, cv);
	assert_string_equal(doc_text(d, 0)->s, "頭髮和發展");
	doc_free(d);
	convert_close(cv);
	cv = open_script(SCRIPT_S);
	d = open_as("頭髮和發展\n", DOC_FORMAT_TEXT, cv);
	assert_string_equal(doc_text(d, 0)->s, "头发和发展");
	doc_free(d);
	convert_close(cv);
	getcwd(path, sizeof path);
	assert_string_equal(path, dir);		/* and back where it was */
	for (i = 0; i < sizeof names / sizeof *names; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	assert_int_equal(chdir(here), 0);
	rmdir(dir);
}

static void
test_names(void **state)
{
	assert_int_equal(script_parse("orig"), SCRIPT_ORIG);
	assert_int_equal(script_parse("s"), SCRIPT_S);
	assert_int_equal(script_parse("hk"), SCRIPT_HK);
	assert_int_equal(script_parse("s2twp"), -1);
	assert_string_equal(script_config(SCRIPT_S), "t2s");
	assert_string_equal(script_config(SCRIPT_TW), "s2tw");
	assert_null(script_config(SCRIPT_ORIG));
	assert_string_equal(script_label(SCRIPT_ORIG), "");
	assert_string_equal(script_label(SCRIPT_T), "繁體");
}

/* The top line of the view: its text, and its first character's number. */
static void
top_line(struct view *v, char *out, size_t size, size_t *k)
{
	const struct line	*l;
	struct text		*t;
	size_t			 n;

	l = view_lines(v, &n);
	assert_true(n > 0);
	t = doc_text(view_doc(v), l[0].block);
	snprintf(out, size, "%.*s", (int)(l[0].end - l[0].start),
	    t->s + l[0].start);
	*k = u8_mbsnlen((const uint8_t *)t->s, l[0].start);
}

/* Switching the view keeps the same first character at the top. */
static void
test_view_keeps_place(void **state)
{
	struct convert		*cv = open_script(SCRIPT_S);
	struct doc		*d = open_as("標題\n\n" "第一段，二噁英與國(guó)產"
	    "派的發(fā)展，長(zhǎng)期以來都是這樣。第二句話在這裡結束。\n",
	    DOC_FORMAT_TEXT, NULL);
	struct layout_opts	 lo = { 12, 1, 0, 0, 0 };
	struct view		*v = view_new(d, &lo, 3);
	char			 before[64], after[64];
	size_t			 k, k2;

	view_scroll(v, 4);
	top_line(v, before, sizeof before, &k);
	assert_true(k > 10);
	assert_non_null(strstr(before, "發(fā)展"));
	view_set_convert(v, cv);
	top_line(v, after, sizeof after, &k2);
	assert_int_equal(k2, k);
	assert_non_null(strstr(after, "发(fā)展"));
	view_set_convert(v, NULL);
	top_line(v, after, sizeof after, &k2);
	assert_int_equal(k2, k);
	assert_string_equal(after, before);
	view_free(v);
	doc_free(d);
	convert_close(cv);
}

/* --- Random selections in the converted view ----------------------------- */

/* A shown character that maps to source bytes of its own, in both views. */
struct pair_char {
	struct pos	at[2];		/* 0: original, 1: converted */
	uint32_t	end[2];
	size_t		shown[2];
	size_t		slen[2];
};

/* Does the character at [k, k + len) of t have a source of its own? */
static int
own_source(const struct text *t, size_t k, size_t len)
{
	size_t	i;

	for (i = 0; i < t->nruns; i++) {
		const struct text_run *r = &t->runs[i];

		if (r->text <= k && k < r->text + r->tlen)
			return r->tlen == r->slen || (r->text == k &&
			    r->tlen == len);
	}
	return 0;
}

static struct pair_char *
pair_chars(struct doc *d[2], size_t *np)
{
	struct pair_char	*v = NULL;
	size_t			 n = 0, cap = 0, b, k[2];
	int			 j, len[2], ok;
	uint32_t		 c[2];

	doc_segment_all(d[0]);
	doc_segment_all(d[1]);
	assert_int_equal(doc_nblocks(d[0]), doc_nblocks(d[1]));
	for (b = 0; b < doc_nblocks(d[0]); b++) {
		struct text *t[2] = { doc_text(d[0], b), doc_text(d[1], b) };

		assert_int_equal(u8_mbsnlen((uint8_t *)t[0]->s, t[0]->len),
		    u8_mbsnlen((uint8_t *)t[1]->s, t[1]->len));
		for (k[0] = k[1] = 0; k[0] < t[0]->len; k[0] += (size_t)len[0],
		    k[1] += (size_t)len[1]) {
			ok = 1;
			for (j = 0; j < 2; j++) {
				len[j] = u8_mbtouc(&c[j], (uint8_t *)t[j]->s +
				    k[j], t[j]->len - k[j]);
				ok &= !text_hidden_at(t[j], k[j]) && c[j] != ' ' &&
				    c[j] != '\n' && own_source(t[j], k[j],
				    (size_t)len[j]);
			}
			assert_int_equal(text_hidden_at(t[0], k[0]),
			    text_hidden_at(t[1], k[1]));
			if (!ok)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				v = realloc(v, cap * sizeof *v);
				assert_non_null(v);
			}
			for (j = 0; j < 2; j++) {
				v[n].at[j].block = (uint32_t)b;
				v[n].at[j].off = (uint32_t)k[j];
				v[n].end[j] = (uint32_t)(k[j] + (size_t)len[j]);
				v[n].shown[j] = passage_shown_offset(t[j], k[j]);
				v[n].slen[j] = (size_t)len[j];
			}
			n++;
		}
	}
	*np = n;
	return v;
}

/* The shown text of view j from character x to y, built from the blocks. */
static char *
pair_expected(struct doc *d, int j, const struct pair_char *x,
    const struct pair_char *y)
{
	struct buf	b;
	size_t		i, n;

	buf_init(&b);
	for (i = x->at[j].block; i <= y->at[j].block; i++) {
		char	*vis = text_visible(doc_text(d, i), &n);
		size_t	 s = i == x->at[j].block ? x->shown[j] : 0;
		size_t	 e = i == y->at[j].block ? y->shown[j] + y->slen[j] : n;

		if (i > x->at[j].block)
			buf_adds(&b, doc_block(d, i)->flags & BLOCK_CONT ?
			    "\n" : "\n\n");
		buf_add(&b, vis + s, e - s);
		free(vis);
	}
	return buf_take(&b, NULL);
}

/*
 * Selected in the converted view: the source bytes of the same characters
 * in the original, back to the same range, copied and quoted as shown, and
 * once stored, painted on the same characters in either view.
 */
static void
pair_check(struct doc *d[2], const struct pair_char *x,
    const struct pair_char *y, const char *sha)
{
	struct pos		 from[2], to[2], f2, t2;
	struct anchor_sel	 sel;
	struct anchor_hit	 hit;
	uint64_t		 a[2], z[2];
	uint32_t		 s, e;
	size_t			 n;
	const char		*src = doc_source(d[1], &n);
	char			*want, *shown, *q;
	int			 j;

	for (j = 0; j < 2; j++) {
		from[j] = x->at[j];
		to[j].block = y->at[j].block;
		to[j].off = y->end[j];
		assert_int_equal(passage_source(d[j], from[j], to[j], &a[j],
		    &z[j]), 0);
	}
	assert_int_equal(a[1], a[0]);	/* the same source bytes */
	assert_int_equal(z[1], z[0]);
	assert_int_equal(passage_model(d[1], a[1], z[1], &f2, &t2), 0);
	assert_int_equal(pos_cmp(f2, from[1]), 0);
	assert_int_equal(pos_cmp(t2, to[1]), 0);
	anchor_capture(src, n, a[1], z[1], sha, &sel);
	anchor_resolve(src, n, sha, &sel, &hit);
	assert_int_equal(hit.state, ANCHOR_EXACT);
	for (j = 0; j < 2; j++) {
		want = pair_expected(d[j], j, x, y);
		shown = passage_shown(d[j], from[j], to[j], NULL);
		assert_string_equal(shown, want);
		q = passage_quote_shown(d[j], a[1], z[1], sel.exact);
		assert_string_equal(q != NULL ? q : sel.exact, want);
		assert_int_equal(passage_in_block(d[j], from[j].block,
		    hit.start, hit.end, &s, &e), 0);
		assert_int_equal(s, from[j].off);
		assert_int_equal(passage_in_block(d[j], to[j].block,
		    hit.start, hit.end, &s, &e), 0);
		assert_int_equal(e, to[j].off);
		free(q);
		free(shown);
		free(want);
	}
	anchor_sel_free(&sel);
}

static void
pair_run(char *s, int format, int script, int tries)
{
	struct convert	*cv = open_script(script);
	struct doc	*d[2];
	struct pair_char *v;
	size_t		 n, i, src_n;
	const char	*src;
	char		 sha[65];
	int		 k, changed = 0;

	d[0] = open_as(s, format, NULL);
	d[1] = open_as(s, format, cv);
	src = doc_source(d[1], &src_n);
	sha256_hex(src, src_n, sha);
	v = pair_chars(d, &n);
	assert_true(n > 400);
	for (i = 0; i < n; i++)
		changed += v[i].slen[0] != v[i].slen[1] || memcmp(
		    doc_text(d[0], v[i].at[0].block)->s + v[i].at[0].off,
		    doc_text(d[1], v[i].at[1].block)->s + v[i].at[1].off,
		    v[i].slen[0]) != 0;
	assert_true(changed > n / 10);	/* it is converted */
	for (k = 0; k < tries; k++) {
		size_t len = k % 4 == 3 ? 1 + gen_rand(400) : 1 + gen_rand(200);

		i = gen_rand((unsigned)n);
		if (i + len > n)
			len = n - i;
		pair_check(d, &v[i], &v[i + len - 1], sha);
	}
	free(v);
	doc_free(d[0]);
	doc_free(d[1]);
	convert_close(cv);
	free(s);
}

/* Words whose conversion changes a character's length, or takes a phrase. */
static char *
with_phrases(char *s)
{
	struct buf	b;

	buf_init(&b);
	buf_adds(&b, "二噁英與乾隆年間的乾燥\n天氣，頭髮和發展。\n\n");
	buf_adds(&b, s);
	free(s);
	return buf_take(&b, NULL);
}

static void
test_generated_glosses(void **state)
{
	pair_run(with_phrases(gen_glossed()), DOC_FORMAT_TEXT, SCRIPT_S, 400);
}

static void
test_generated_markdown(void **state)
{
	pair_run(with_phrases(gen_markdown()), DOC_FORMAT_MARKDOWN, SCRIPT_S,
	    400);
}

/* A simplified article shown in Taiwan forms. */
static void
test_generated_taiwan(void **state)
{
	struct convert	*s = open_script(SCRIPT_S);
	char		*text = gen_glossed();
	struct doc	*d = open_as(text, DOC_FORMAT_TEXT, s);
	struct buf	 b;
	size_t		 i;

	free(text);
	buf_init(&b);	/* the generated article, simplified, glosses and all */
	doc_segment_all(d);
	for (i = 0; i < doc_nblocks(d); i++) {
		buf_adds(&b, doc_text(d, i)->s);
		buf_adds(&b, "\n\n");
	}
	doc_free(d);
	convert_close(s);
	pair_run(buf_take(&b, NULL), DOC_FORMAT_TEXT, SCRIPT_TW, 200);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_glosses),
		cmocka_unit_test(test_length_change),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_current_directory),
		cmocka_unit_test(test_view_keeps_place),
		cmocka_unit_test(test_generated_glosses),
		cmocka_unit_test(test_generated_markdown),
		cmocka_unit_test(test_generated_taiwan),
	};

	if (!convert_available()) {
		printf("1..0 # SKIP folio is built without OpenCC\n");
		return 0;
	}
	return UNIT_RUN(tests);
}
