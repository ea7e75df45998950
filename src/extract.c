/*
 * extract.c: reader mode, Readability's way (see extract.h).
 *
 * The steps and their numbers are Mozilla Readability's (Readability.js,
 * Apache-2.0), reimplemented over dom.h: every measure of a subtree is a
 * sum kept by dom.c, so no step walks a subtree per node.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "dom.h"
#include "extract.h"
#include "json.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

#define EX_TOP		5	/* top candidates kept */
#define EX_SCORE_MIN	25	/* a paragraph shorter than this scores nothing */

/* --- Names and lists ------------------------------------------------------ */

static const char *const ex_unlikely[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
	"community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
	"header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor",
	"supplemental", "ad-break", "agegate", "pagination", "pager",
	"popup", "yom-remote", NULL
};
static const char *const ex_maybe[] = {
	"and", "article", "body", "column", "content", "main", "shadow", NULL
};
static const char *const ex_positive[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "pagination", "post", "text", "blog", "story", NULL
};
static const char *const ex_negative[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"foot", "footer", "footnote", "gdpr", "masthead", "media", "meta",
	"outbrain", "promo", "related", "scroll", "share", "shoutbox",
	"sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", NULL
};
static const char *const ex_bylines[] = {
	"byline", "author", "dateline", "writtenby", "p-author", NULL
};
static const char *const ex_roles[] = {
	"menu", "menubar", "complementary", "navigation", "alert",
	"alertdialog", "dialog", NULL
};
static const char *const ex_videos[] = {
	"//youtube.com", "//www.youtube.com", "//youtube-nocookie.com",
	"//www.youtube-nocookie.com", "//dailymotion.com",
	"//www.dailymotion.com", "//player.vimeo.com", "//v.qq.com",
	"//archive.org", "//upload.wikimedia.org", "//player.twitch.tv", NULL
};

/* Does s (in lower case) contain any of the words? */
static int
ex_any(const char *s, const char *const *w)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *w != NULL; w++)
		if (strstr(s, *w) != NULL)
			return 1;
	return 0;
}

/* A lower-case copy of s in buf (cut to fit). */
static const char *
ex_lower(const char *s, char *buf, size_t cap)
{
	size_t	i;

	if (s == NULL)
		return NULL;
	for (i = 0; s[i] != '\0' && i + 1 < cap; i++)
		buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
	buf[i] = '\0';
	return buf;
}

/* "class id" of n in lower case, in buf. */
static const char *
ex_match(xmlNodePtr n, char *buf, size_t cap)
{
	return ex_lower(dom_match_string(n), buf, cap);
}

/* Is s one of the words (exactly)? */
static int
ex_in_list(const char *s, const char *const *w)
{
	for (; *w != NULL; w++)
		if (strcmp(s, *w) == 0)
			return 1;
	return 0;
}

/* Is w one of the space-separated words of s (in lower case)? */
static int
ex_word(const char *s, const char *w)
{
	size_t		 k = strlen(w);
	const char	*p = s;

	while (s != NULL && (p = strstr(p, w)) != NULL) {
		if ((p == s || p[-1] == ' ') && (p[k] == '\0' || p[k] == ' '))
			return 1;
		p++;
	}
	return 0;
}

static int
ex_negative_name(const char *s)
{
	return ex_any(s, ex_negative) || ex_word(s, "hid");
}

/* (\b|_)(share|sharedaddy)(\b|_) */
static int
ex_share(const char *s)
{
	const char	*p = s;
	size_t		 k;

	while ((p = strstr(p, "share")) != NULL) {
		k = strncmp(p, "sharedaddy", 10) == 0 ? 10 : 5;
		if ((p == s || !isalnum((unsigned char)p[-1]) || p[-1] == '_') &&
		    (!isalnum((unsigned char)p[k]) || p[k] == '_'))
			return 1;
		p++;
	}
	return 0;
}

struct ex_nodes {
	xmlNodePtr	*v;
	size_t		 n;
	size_t		 cap;
};

static void
ex_push(struct ex_nodes *l, xmlNodePtr n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = n;
}

/* The elements under root (not root) with one of the tags (0 ends). */
static void
ex_collect(xmlNodePtr root, const int *tags, struct ex_nodes *out)
{
	xmlNodePtr	n;
	const int	*t;

	out->n = 0;
	for (n = root->children; n != NULL; n = dom_next(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (t = tags; *t != 0; t++)
			if (dom_tag(n) == *t) {
				ex_push(out, n);
				break;
			}
	}
}

static int
ex_in_tree(struct dom *d, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == d->trash)
			return 0;
	return 1;
}

/* Readability's _hasAncestorTag: parents up to max + 1 levels (-1: all). */
static int
ex_has_ancestor(struct dom *d, xmlNodePtr n, int tag, int max, int data)
{
	int	depth = 0;

	for (; n->parent != NULL && n->parent->type == XML_ELEMENT_NODE;
	    n = n->parent, depth++) {
		if (max > 0 && depth > max)
			return 0;
		if (dom_tag(n->parent) == tag && (!data ||
		    (dom_info(d, n->parent) != NULL &&
		    dom_info(d, n->parent)->datatable)))
			return 1;
	}
	return 0;
}

/* --- Text measures -------------------------------------------------------- */

/* Words of a text: runs of letters and digits, and pairs of CJK ones. */
struct ex_words {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static void
ex_word_add(struct ex_words *w, const char *s, size_t n)
{
	char	*t = xstrndup(s, n), *p;

	for (p = t; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p |= 0x20;
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 32;
		w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
	}
	w->v[w->n++] = t;
}

static int
ex_is_wordc(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0xC0 && c < 0x2000 &&
	    c != 0xD7 && c != 0xF7);
}

static void
ex_tokenize(const char *s, struct ex_words *w)
{
	size_t		i = 0, n = strlen(s), start = 0, prev = 0;
	uint32_t	c;
	int		len, in = 0, cjk = 0;

	while (i <= n) {
		len = i < n ? utf8_decode((const uint8_t *)s + i, n - i, &c) : 1;
		if (i == n)
			c = 0;
		if (in && !ex_is_wordc(c)) {
			ex_word_add(w, s + start, i - start);
			in = 0;
		}
		if (c != 0 && width_is_cjk(c) && (c < 0x3000 || c > 0x303F) &&
		    (c < 0xFF00 || c > 0xFF65)) {
			if (cjk)	/* a pair with the one before */
				ex_word_add(w, s + prev, i + (size_t)len - prev);
			cjk = 1;
			prev = i;
		} else {
			cjk = 0;
			if (!in && ex_is_wordc(c)) {
				in = 1;
				start = i;
			}
		}
		i += (size_t)len;
	}
}

static void
ex_words_free(struct ex_words *w)
{
	size_t	i;

	for (i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof *w);
}

double
extract_similarity(const char *a, const char *b)
{
	struct ex_words	wa = { NULL, 0, 0 }, wb = { NULL, 0, 0 };
	size_t		i, j, all = 0, uniq = 0, nu = 0;
	double		r = 0;

	ex_tokenize(a, &wa);
	ex_tokenize(b, &wb);
	if (wa.n > 0 && wb.n > 0) {
		for (i = 0; i < wb.n; i++) {
			all += strlen(wb.v[i]);
			for (j = 0; j < wa.n && strcmp(wa.v[j], wb.v[i]) != 0;
			    j++)
				;
			if (j == wa.n) {
				uniq += strlen(wb.v[i]);
				nu++;
			}
		}
		all += wb.n - 1;
		uniq += nu > 0 ? nu - 1 : 0;
		r = 1 - (double)uniq / (double)all;
	}
	ex_words_free(&wa);
	ex_words_free(&wb);
	return r;
}

/* Words, as Readability counts a title's: CJK text by pairs. */
static size_t
ex_word_count(const char *s)
{
	size_t		i = 0, n = strlen(s), k = 0, cjk = 0;
	uint32_t	c;
	int		in = 0;

	while (i < n) {
		i += (size_t)utf8_decode((const uint8_t *)s + i, n - i, &c);
		if (width_is_cjk(c))
			cjk++;
		else if (c == ' ' || c == '\t' || c == '\n')
			in = 0;
		else if (!in) {
			in = 1;
			k++;
		}
	}
	return (k + (cjk + 1) / 2) > 0 ? k + (cjk + 1) / 2 : 1;
}

/* Display columns of s, as the sums count (CJK two). */
static int
ex_cols(const char *s)
{
	return width_str(s, strlen(s), 1);
}

/* Does the text end a sentence (". ", a final ".", 。！？」)? */
static int
ex_sentence(const char *s)
{
	const char	*p;
	size_t		 n = strlen(s);

	for (p = s; (p = strchr(p, '.')) != NULL; p++)
		if (p[1] == ' ' || p[1] == '\0')
			return 1;
	return strstr(s, "\xE3\x80\x82") != NULL ||	/* 。 */
	    strstr(s, "\xEF\xBC\x81") != NULL ||	/* ！ */
	    strstr(s, "\xEF\xBC\x9F") != NULL ||	/* ？ */
	    (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x8D", 3) == 0);	/* 」 */
}

/* --- Metadata -------------------------------------------------------------- */

/* Decodes the few entities sites double-escape in <meta> (in place). */
static void
ex_unescape(char *s)
{
	static const char *const names[][2] = {
		{ "&quot;", "\"" }, { "&amp;", "&" }, { "&apos;", "'" },
		{ "&lt;", "<" }, { "&gt;", ">" },
	};
	struct buf	 b;
	size_t		 i, k;
	char		*end;

	if (s == NULL || strchr(s, '&') == NULL)
		return;
	buf_init(&b);
	for (i = 0; s[i] != '\0'; ) {
		for (k = 0; k < 5 && strncmp(s + i, names[k][0],
		    strlen(names[k][0])) != 0; k++)
			;
		if (k < 5) {
			buf_adds(&b, names[k][1]);
			i += strlen(names[k][0]);
		} else if (s[i] == '&' && s[i + 1] == '#') {
			int		hex = s[i + 2] == 'x' || s[i + 2] == 'X';
			unsigned long	cp = strtoul(s + i + 2 + hex, &end,
			    hex ? 16 : 10);

			if (*end != ';' || end == s + i + 2 + hex) {
				buf_addc(&b, s[i++]);
				continue;
			}
			if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 &&
			    cp <= 0xDFFF))
				cp = 0xFFFD;
			buf_add_cp(&b, (uint32_t)cp);
			i = (size_t)(end + 1 - s);
		} else
			buf_addc(&b, s[i++]);
	}
	memcpy(s, b.s, b.len + 1);	/* never longer */
	buf_free(&b);
}

/* A copy of s, white space collapsed and trimmed; NULL if empty. */
static char *
ex_clean(const char *s)
{
	struct buf	b;
	int		sp = 0;

	if (s == NULL)
		return NULL;
	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			buf_addc(&b, ' ');
		sp = 0;
		buf_addc(&b, *s);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b, NULL);
}

static void
ex_set(char **dst, const char *s)
{
	if (*dst == NULL && s != NULL && (*dst = ex_clean(s)) != NULL)
		ex_unescape(*dst);
}

/* JSON-LD: is this @type one of schema.org's kinds of article? */
static int
ex_article_type(const struct json *t)
{
	static const char *const types[] = {
		"AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
		"AskPublicNewsArticle", "BackgroundNewsArticle",
		"OpinionNewsArticle", "ReportageNewsArticle",
		"ReviewNewsArticle", "Report", "SatiricalArticle",
		"ScholarlyArticle", "MedicalScholarlyArticle",
		"SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
		"DiscussionForumPosting", "TechArticle", "APIReference", NULL
	};
	size_t	i;

	if (t == NULL)
		return 0;
	if (t->type == JSON_ARRAY) {
		for (i = 0; i < t->n; i++)
			if (ex_article_type(&t->v[i]))
				return 1;
		return 0;
	}
	return t->type == JSON_STRING && (strncmp(t->str, "Article", 7) == 0 ||
	    ex_any(t->str, types));
}

static const char *
ex_jstr(const struct json *o, const char *key)
{
	const struct json	*v = json_get(o, key);

	return v != NULL && v->type == JSON_STRING ? v->str : NULL;
}

/* An author's name: "name", or a string, or names joined by ", ". */
static char *
ex_author(const struct json *a)
{
	struct buf	 b;
	const char	*name;
	size_t		 i;

	if (a == NULL)
		return NULL;
	if (a->type == JSON_STRING)
		return xstrdup(a->str);
	if (a->type == JSON_OBJECT)
		return (name = ex_jstr(a, "name")) != NULL ? xstrdup(name) : NULL;
	if (a->type != JSON_ARRAY)
		return NULL;
	buf_init(&b);
	for (i = 0; i < a->n; i++) {
		name = a->v[i].type == JSON_OBJECT ? ex_jstr(&a->v[i], "name") :
		    a->v[i].type == JSON_STRING ? a->v[i].str : NULL;
		if (name == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, name);
	}
	return b.len > 0 ? buf_take(&b, NULL) : (buf_free(&b), NULL);
}

/* The article object of a JSON-LD value, or NULL. */
static const struct json *
ex_ld_article(const struct json *j)
{
	const struct json	*g;
	size_t			 i;

	if (j->type == JSON_ARRAY) {
		for (i = 0; i < j->n; i++)
			if ((g = ex_ld_article(&j->v[i])) != NULL)
				return g;
		return NULL;
	}
	if (j->type != JSON_OBJECT)
		return NULL;
	if (ex_article_type(json_get(j, "@type")))
		return j;
	if ((g = json_get(j, "@graph")) != NULL && g->type == JSON_ARRAY)
		for (i = 0; i < g->n; i++)
			if (g->v[i].type == JSON_OBJECT &&
			    ex_article_type(json_get(&g->v[i], "@type")))
				return &g->v[i];
	return NULL;
}

struct ex_ld {
	char	*name;
	char	*headline;
	char	*byline;
	char	*site;
	char	*date;
	char	*body;
	int	 found;
};

static void
ex_jsonld_one(const char *text, struct ex_ld *ld)
{
	const struct json	*a, *pub;
	struct json		*j;
	char			*cause = NULL;
	const char		*s = text, *e = text + strlen(text);

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	if (strncmp(s, "<![CDATA[", 9) == 0)
		s += 9;
	while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' ||
	    e[-1] == '\r'))
		e--;
	if (e - s >= 3 && strncmp(e - 3, "]]>", 3) == 0)
		e -= 3;
	if ((j = json_parse(s, (size_t)(e - s), &cause)) == NULL) {
		free(cause);
		return;
	}
	if ((a = ex_ld_article(j)) != NULL) {
		ld->found = 1;
		ex_set(&ld->name, ex_jstr(a, "name"));
		ex_set(&ld->headline, ex_jstr(a, "headline"));
		if (ld->byline == NULL && (ld->byline = ex_author(json_get(a,
		    "author"))) != NULL) {
			char *c = ex_clean(ld->byline);

			free(ld->byline);
			ld->byline = c;
		}
		pub = json_get(a, "publisher");
		if (pub != NULL && pub->type == JSON_OBJECT)
			ex_set(&ld->site, ex_jstr(pub, "name"));
		ex_set(&ld->date, ex_jstr(a, "datePublished"));
		if (ld->body == NULL && ex_jstr(a, "articleBody") != NULL)
			ld->body = xstrdup(ex_jstr(a, "articleBody"));
	}
	json_free(j);
}

static void
ex_jsonld(struct dom *d, struct ex_ld *ld)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n;
	const char	*type;
	char		*text;

	for (n = root; n != NULL && !ld->found; n = dom_next(n, root, 0)) {
		if (dom_tag(n) != TAG_SCRIPT || (type = dom_attr(n, "type")) ==
		    NULL || strcasecmp(type, "application/ld+json") != 0)
			continue;
		text = (char *)xmlNodeGetContent(n);
		if (text != NULL)
			ex_jsonld_one(text, ld);
		xmlFree(text);
	}
}

/* <meta> values by normalised name (Readability's patterns). */
enum { M_TITLE, M_OGTITLE, M_DCTITLE, M_TWTITLE, M_PARSELYTITLE, M_WEIBOTITLE,
	M_AUTHOR, M_DCCREATOR, M_PARSELYAUTHOR, M_SITE, M_PUBLISHED,
	M_PARSELYDATE, M_COUNT };

static int
ex_meta_key(const char *key)
{
	static const char *const keys[][2] = {
		{ "title", NULL }, { "og:title", NULL }, { "dc:title",
		"dcterm:title" }, { "twitter:title", NULL }, { "parsely-title",
		NULL }, { "weibo:article:title", "weibo:webpage:title" },
		{ "author", NULL }, { "dc:creator", "dcterm:creator" },
		{ "parsely-author", NULL }, { "og:site_name", NULL },
		{ "article:published_time", NULL }, { "parsely-pub-date", NULL },
	};
	int	i;

	for (i = 0; i < M_COUNT; i++)
		if (strcmp(key, keys[i][0]) == 0 || (keys[i][1] != NULL &&
		    strcmp(key, keys[i][1]) == 0))
			return i;
	return -1;
}

/* The normalised key of a name="..." or property="..." value. */
static int
ex_meta_name(const char *v, int property)
{
	char	 key[128], *t, *save = NULL;
	size_t	 k = 0;
	int	 i;

	for (; *v != '\0' && k + 1 < sizeof key; v++) {
		if (!property && (*v == ' ' || *v == '\t'))
			continue;
		key[k++] = (char)(*v >= 'A' && *v <= 'Z' ? *v | 0x20 :
		    !property && *v == '.' ? ':' : *v);
	}
	key[k] = '\0';
	if (!property)
		return ex_meta_key(key);
	for (t = strtok_r(key, " \t\n", &save); t != NULL;
	    t = strtok_r(NULL, " \t\n", &save))
		if ((i = ex_meta_key(t)) >= 0 && strchr(t, ':') != NULL)
			return i;
	return -1;
}

static void
ex_meta_tags(struct dom *d, char *v[M_COUNT])
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n;
	const char	*content, *a;
	int		 k;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (dom_tag(n) != TAG_META ||
		    (content = dom_attr(n, "content")) == NULL || *content == '\0')
			continue;
		k = -1;
		if ((a = dom_attr(n, "property")) != NULL)
			k = ex_meta_name(a, 1);
		if (k < 0 && (a = dom_attr(n, "name")) != NULL)
			k = ex_meta_name(a, 0);
		if (k < 0)
			continue;
		free(v[k]);
		v[k] = ex_clean(content);
		ex_unescape(v[k]);
	}
}

static char *
ex_doc_title(struct dom *d)
{
	xmlNodePtr	root = xmlDocGetRootElement(d->doc), n;

	for (n = root; n != NULL; n = dom_next(n, root, 0))
		if (dom_tag(n) == TAG_TITLE)
			return dom_text(n, 4096);
	return xstrdup("");
}

/* Is there an h1 or h2 whose text is exactly t? */
static int
ex_heading_is(struct dom *d, const char *t)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n;
	char		*h;
	int		 same;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (dom_tag(n) != TAG_H1 && dom_tag(n) != TAG_H2)
			continue;
		h = dom_text(n, 4096);
		same = strcmp(h, t) == 0;
		free(h);
		if (same)
			return 1;
	}
	return 0;
}

/* The only h1's text, or NULL. */
static char *
ex_only_h1(struct dom *d)
{
	xmlNodePtr	root = xmlDocGetRootElement(d->doc), n, h1 = NULL;

	for (n = root; n != NULL; n = dom_next(n, root, 0))
		if (dom_tag(n) == TAG_H1) {
			if (h1 != NULL)
				return NULL;
			h1 = n;
		}
	return h1 != NULL ? dom_text(h1, 4096) : NULL;
}

static int
ex_is_sep(char c)
{
	return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>';
}

/* The separator " | " (or » ) at s[i], its length; 0 if none. */
static size_t
ex_sep_at(const char *s, size_t i, int hier)
{
	if (s[i] != ' ')
		return 0;
	if (((!hier && ex_is_sep(s[i + 1])) || (hier && (s[i + 1] == '\\' ||
	    s[i + 1] == '/' || s[i + 1] == '>'))) && s[i + 2] == ' ')
		return 3;
	if (strncmp(s + i + 1, "\xC2\xBB ", 3) == 0)	/* » */
		return 4;
	return 0;
}

/* Readability's _getArticleTitle: the title without the site's name. */
static char *
ex_article_title(struct dom *d)
{
	char	*orig = ex_doc_title(d), *cur = NULL, *h;
	size_t	 i, last = 0, k, first = 0;
	int	 hier = 0, sep = 0;
	const char *colon;

	for (i = 0; orig[i] != '\0'; i++)
		if ((k = ex_sep_at(orig, i, 0)) > 0) {
			if (!sep)
				first = i;
			sep = 1;
			last = i;
			hier |= ex_sep_at(orig, i, 1) > 0;
		}
	if (sep) {
		cur = xstrndup(orig, last);	/* the last part dropped */
		if (ex_word_count(cur) < 3) {
			free(cur);
			k = ex_sep_at(orig, first, 0);
			cur = xstrdup(orig + first + k);
		}
	} else if ((colon = strstr(orig, ": ")) != NULL) {
		if (!ex_heading_is(d, orig)) {
			cur = xstrdup(strrchr(orig, ':') + 1);
			if (ex_word_count(cur) < 3) {
				free(cur);
				cur = xstrdup(strchr(orig, ':') + 1);
			} else {
				char *head = xstrndup(orig, (size_t)(strchr(orig,
				    ':') - orig));

				if (ex_word_count(head) > 5) {
					free(cur);
					cur = xstrdup(orig);
				}
				free(head);
			}
		}
	} else if (ex_cols(orig) > 150 || ex_cols(orig) < 15) {
		if ((h = ex_only_h1(d)) != NULL)
			cur = h;
	}
	if (cur == NULL)
		cur = xstrdup(orig);
	h = ex_clean(cur);
	free(cur);
	cur = h != NULL ? h : xstrdup("");
	if (ex_word_count(cur) <= 4) {
		struct buf	b;
		size_t		words;

		buf_init(&b);	/* the original without its separators */
		for (i = 0; orig[i] != '\0'; i++)
			if (!ex_is_sep(orig[i]))
				buf_addc(&b, orig[i]);
		words = b.len > 0 ? ex_word_count(b.s) : 1;
		buf_free(&b);
		if (!hier || ex_word_count(cur) != words - 1) {
			free(cur);
			cur = xstrdup(orig);
		}
	}
	free(orig);
	return cur;
}

/* "Title | Site" is "Title" when the page names its site so. */
static void
ex_title_site(struct extract_meta *m)
{
	static const char *const seps[] = {
		" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xC2\xB7 ",
		" :: ", "_", " _ ", NULL
	};
	size_t	 t, k, s, i;

	if (m->title == NULL || m->site == NULL)
		return;
	t = strlen(m->title);
	k = strlen(m->site);
	for (i = 0; seps[i] != NULL; i++) {
		s = strlen(seps[i]);
		if (t > k + s + 3 && strcasecmp(m->title + t - k, m->site) == 0 &&
		    strncmp(m->title + t - k - s, seps[i], s) == 0) {
			m->title[t - k - s] = '\0';
			return;
		}
	}
}

/*
 * "Title_Site" is "Title" when the page's first h1 says "Title": what
 * follows it in the title, after a separator, is the site's name.
 */
static void
ex_title_h1(struct dom *d, struct extract_meta *m)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n;
	char		*h;
	size_t		 k;

	if (m->title == NULL || root == NULL)
		return;
	for (n = root; n != NULL && dom_tag(n) != TAG_H1;
	    n = dom_next(n, root, 0))
		;
	if (n == NULL)
		return;
	h = dom_text(n, 4096);
	k = strlen(h);
	if (k > 0 && strlen(m->title) > k && strncmp(m->title, h, k) == 0 &&
	    strchr(" |-_:\xC2\xB7\xE2\xEF", m->title[k]) != NULL) {
		free(m->title);
		m->title = h;
		return;
	}
	free(h);
}

/* The first element under root whose itemprop holds prop, or NULL. */
static xmlNodePtr
ex_itemprop(xmlNodePtr root, const char *prop)
{
	xmlNodePtr	 n;
	const char	*ip;

	for (n = root->children; n != NULL; n = dom_next(n, root, 0))
		if (n->type == XML_ELEMENT_NODE &&
		    (ip = dom_attr(n, "itemprop")) != NULL &&
		    strstr(ip, prop) != NULL)
			return n;
	return NULL;
}

/*
 * The date the page marks as the article's in schema.org microdata
 * (<time itemprop="datePublished" datetime="...">), the first in the
 * page: for pages whose metadata has none.
 */
static char *
ex_microdata_date(struct dom *d)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n;
	const char	*v;

	if (root == NULL || (n = ex_itemprop(root, "datePublished")) == NULL)
		return NULL;
	if ((v = dom_attr(n, "datetime")) != NULL ||
	    (v = dom_attr(n, "content")) != NULL)
		return xstrdup(v);
	return NULL;
}

/* A date that starts YYYY-MM-DD is shown as that. */
static void
ex_date(char *s)
{
	if (s != NULL && strlen(s) >= 10 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[3]) && s[4] == '-' && s[7] == '-' &&
	    isdigit((unsigned char)s[9]))
		s[10] = '\0';
}

void
extract_meta(struct dom *d, struct extract_meta *m)
{
	struct ex_ld	 ld;
	char		*v[M_COUNT], *t = NULL;
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc);
	int		 i;

	memset(m, 0, sizeof *m);
	memset(&ld, 0, sizeof ld);
	memset(v, 0, sizeof v);
	ex_jsonld(d, &ld);
	ex_meta_tags(d, v);
	if (ld.name != NULL && ld.headline != NULL &&
	    strcmp(ld.name, ld.headline) != 0) {
		t = ex_article_title(d);
		m->title = xstrdup(extract_similarity(ld.headline, t) > 0.75 &&
		    extract_similarity(ld.name, t) <= 0.75 ? ld.headline :
		    ld.name);
		free(t);
	} else if (ld.name != NULL || ld.headline != NULL)
		m->title = xstrdup(ld.name != NULL ? ld.name : ld.headline);
	for (i = 0; m->title == NULL && i < 6; i++) {
		static const int order[] = { M_DCTITLE, M_OGTITLE, M_WEIBOTITLE,
		    M_TITLE, M_TWTITLE, M_PARSELYTITLE };

		if (v[order[i]] != NULL)
			m->title = xstrdup(v[order[i]]);
	}
	if (m->title == NULL) {
		m->title = ex_article_title(d);
		if (*m->title == '\0') {
			free(m->title);
			m->title = NULL;
		}
	}
	m->byline = ld.byline != NULL ? xstrdup(ld.byline) :
	    v[M_DCCREATOR] != NULL ? xstrdup(v[M_DCCREATOR]) :
	    v[M_AUTHOR] != NULL ? xstrdup(v[M_AUTHOR]) :
	    v[M_PARSELYAUTHOR] != NULL ? xstrdup(v[M_PARSELYAUTHOR]) : NULL;
	m->site = ld.site != NULL ? xstrdup(ld.site) : v[M_SITE] != NULL ?
	    xstrdup(v[M_SITE]) : NULL;
	m->date = ld.date != NULL ? xstrdup(ld.date) : v[M_PUBLISHED] != NULL ?
	    xstrdup(v[M_PUBLISHED]) : v[M_PARSELYDATE] != NULL ?
	    xstrdup(v[M_PARSELYDATE]) : NULL;
	if (m->date == NULL)
		m->date = ex_microdata_date(d);
	ex_date(m->date);
	ex_title_site(m);
	ex_title_h1(d, m);
	if (root != NULL && dom_attr(root, "lang") != NULL)
		m->lang = xstrdup(dom_attr(root, "lang"));
	m->body = ld.body;
	for (i = 0; i < M_COUNT; i++)
		free(v[i]);
	free(ld.name);
	free(ld.headline);
	free(ld.byline);
	free(ld.site);
	free(ld.date);
}

void
extract_meta_free(struct extract_meta *m)
{
	free(m->title);
	free(m->byline);
	free(m->site);
	free(m->date);
	free(m->lang);
	free(m->body);
	memset(m, 0, sizeof *m);
}

/* --- Readerable ------------------------------------------------------------ */

/* Does the element hold a <br> of its own? */
static int
ex_has_br(xmlNodePtr n)
{
	xmlNodePtr	c;

	for (c = n->children; c != NULL; c = c->next)
		if (dom_tag(c) == TAG_BR)
			return 1;
	return 0;
}

int
extract_readerable(struct dom *d)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n, p;
	double		 score = 0;
	int		 t, len;
	const char	*ms;
	char		 buf[1024];

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		t = dom_tag(n);
		if (t != TAG_P && t != TAG_PRE && t != TAG_ARTICLE &&
		    !(t == TAG_DIV && ex_has_br(n)))
			continue;
		ms = ex_match(n, buf, sizeof buf);
		if (dom_hidden(n) || (ex_any(ms, ex_unlikely) &&
		    !ex_any(ms, ex_maybe)))
			continue;
		for (p = n->parent; t == TAG_P && p != NULL; p = p->parent)
			if (dom_tag(p) == TAG_LI)
				break;
		if (t == TAG_P && p != NULL)
			continue;	/* li p */
		if ((len = dom_sum(d, n)->len) < 140)
			continue;
		score += sqrt(len - 140);
		if (score > 20)
			return 1;
	}
	return 0;
}

/* --- Grabbing the article ---------------------------------------------------- */

struct ex {
	struct dom		*d;
	struct extract_meta	*m;
	int			 flags;
};

static int
ex_weight(struct ex *x, xmlNodePtr n)
{
	char		 cb[512], ib[512];
	const char	*c, *id;
	int		 w = 0;

	if (!(x->flags & EXTRACT_WEIGHT_CLASSES))
		return 0;
	c = ex_lower(dom_attr(n, "class"), cb, sizeof cb);
	id = ex_lower(dom_attr(n, "id"), ib, sizeof ib);
	if (c != NULL && *c != '\0') {
		w -= ex_negative_name(c) ? 25 : 0;
		w += ex_any(c, ex_positive) ? 25 : 0;
	}
	if (id != NULL && *id != '\0') {
		w -= ex_negative_name(id) ? 25 : 0;
		w += ex_any(id, ex_positive) ? 25 : 0;
	}
	return w;
}

/* Readability's _initializeNode. */
static void
ex_init(struct ex *x, xmlNodePtr n)
{
	struct dom_info	*f = dom_info(x->d, n);
	float		 s = 0;

	if (f == NULL)
		return;
	switch (dom_tag(n)) {
	case TAG_DIV:
		s = 5;
		break;
	case TAG_PRE: case TAG_TD: case TAG_BLOCKQUOTE:
		s = 3;
		break;
	case TAG_ADDRESS: case TAG_OL: case TAG_UL: case TAG_DL: case TAG_DD:
	case TAG_DT: case TAG_LI: case TAG_FORM:
		s = -3;
		break;
	case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5:
	case TAG_H6: case TAG_TH:
		s = -5;
		break;
	}
	f->score = s + (float)ex_weight(x, n);
	f->scored = 1;
}

static int
ex_scored(struct ex *x, xmlNodePtr n)
{
	struct dom_info	*f = dom_info(x->d, n);

	return f != NULL && f->scored;
}

static float
ex_score(struct ex *x, xmlNodePtr n)
{
	struct dom_info	*f = dom_info(x->d, n);

	return f != NULL ? f->score : 0;
}

/* The next element in document order (Readability's _getNextNode). */
static xmlNodePtr
ex_next(xmlNodePtr n, int skip)
{
	xmlNodePtr	c;

	if (!skip && (c = dom_first_elem(n)) != NULL)
		return c;
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (n->parent == NULL || n->parent->type != XML_ELEMENT_NODE)
			return NULL;	/* the root: nothing after it */
		if ((c = dom_next_elem(n)) != NULL)
			return c;
	}
	return NULL;
}

static xmlNodePtr
ex_remove_next(struct ex *x, xmlNodePtr n)
{
	xmlNodePtr	next = ex_next(n, 1);

	dom_remove(x->d, n);
	return next;
}

static int
ex_phrasing_tag(int t)
{
	switch (t) {
	case TAG_ABBR: case TAG_AUDIO: case TAG_B: case TAG_BDO: case TAG_BR:
	case TAG_BUTTON: case TAG_CITE: case TAG_CODE: case TAG_DATA:
	case TAG_DATALIST: case TAG_DFN: case TAG_EM: case TAG_EMBED:
	case TAG_I: case TAG_IMG: case TAG_INPUT: case TAG_KBD: case TAG_LABEL:
	case TAG_MARK: case TAG_MATH: case TAG_METER: case TAG_NOSCRIPT:
	case TAG_OBJECT: case TAG_OUTPUT: case TAG_PROGRESS: case TAG_Q:
	case TAG_RUBY: case TAG_SAMP: case TAG_SCRIPT: case TAG_SELECT:
	case TAG_SMALL: case TAG_SPAN: case TAG_STRONG: case TAG_SUB:
	case TAG_SUP: case TAG_TEXTAREA: case TAG_TIME: case TAG_VAR:
	case TAG_WBR:
		return 1;
	}
	return 0;
}

/* Readability's _isPhrasingContent, without recursion. */
static int
ex_phrasing(xmlNodePtr n)
{
	xmlNodePtr	c;
	int		t;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		return 1;
	t = dom_tag(n);
	if (n->type != XML_ELEMENT_NODE || ex_phrasing_tag(t))
		return n->type == XML_ELEMENT_NODE;
	if (t != TAG_A && t != TAG_DEL && t != TAG_INS)
		return 0;
	for (c = n->children; c != NULL; ) {
		int ct = dom_tag(c);

		if (c->type == XML_ELEMENT_NODE && !ex_phrasing_tag(ct) &&
		    ct != TAG_A && ct != TAG_DEL && ct != TAG_INS)
			return 0;
		/* into a, del and ins; past everything else */
		c = dom_next(c, n, c->type != XML_ELEMENT_NODE ||
		    ex_phrasing_tag(ct));
	}
	return 1;
}

static int
ex_whitespace(xmlNodePtr n)
{
	return dom_is_blank(n) || dom_tag(n) == TAG_BR;
}

/* Readability's _hasSingleTagInsideElement. */
static int
ex_single_tag(xmlNodePtr e, int tag)
{
	xmlNodePtr	c, only = NULL;

	for (c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (only != NULL)
				return 0;
			only = c;
		} else if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && !dom_is_blank(c))
			return 0;
	}
	return only != NULL && dom_tag(only) == tag;
}

/* Readability's _isElementWithoutContent. */
static int
ex_empty(struct ex *x, xmlNodePtr n)
{
	const struct dom_sum	*s = dom_sum(x->d, n);
	size_t			 k = dom_nelems(n);

	return s->len == 0 && (k == 0 || (int)k == s->br + s->hr -
	    (dom_tag(n) == TAG_BR) - (dom_tag(n) == TAG_HR));
}

/*
 * Cuts the separators a byline's text ends with on the page ("Nicolas
 * Perriault —", "By Ann Lee |"): the header line has its own.
 */
static void
ex_trim_sep(char *s)
{
	static const char *const seps[] = { "\xE2\x80\x94", "\xE2\x80\x93",
	    "\xC2\xB7", "|", "-", ",", ":", " " };
	size_t	n = strlen(s), k, e;
	int	cut = 1;

	while (cut && n > 0) {
		cut = 0;
		for (k = 0; k < sizeof seps / sizeof *seps; k++) {
			e = strlen(seps[k]);
			if (n > e && memcmp(s + n - e, seps[k], e) == 0) {
				n -= e;
				cut = 1;
			}
		}
	}
	s[n] = '\0';
}

/*
 * The part of a byline that names the author: the element marked
 * itemprop=author inside it (schema.org), or the one marked name inside
 * that; else n.  A byline box often holds the site, the date and share
 * buttons too ("Tech Insider Alex Perry 1 day ago SHARE TWEET").
 */
static xmlNodePtr
ex_byline_name(struct ex *x, xmlNodePtr n)
{
	xmlNodePtr	a, k;

	if ((a = ex_itemprop(n, "author")) == NULL || dom_sum(x->d, a)->len == 0)
		return n;
	k = ex_itemprop(a, "name");
	return k != NULL && dom_sum(x->d, k)->len > 0 ? k : a;
}

/* Readability's _checkByline. */
static int
ex_byline(struct ex *x, xmlNodePtr n, const char *ms)
{
	const char	*rel, *ip;
	char		*text;
	int		 len, same;

	rel = dom_attr(n, "rel");
	ip = dom_attr(n, "itemprop");
	if (!((rel != NULL && strcmp(rel, "author") == 0) ||
	    (ip != NULL && strstr(ip, "author") != NULL) ||
	    ex_any(ms, ex_bylines)))
		return 0;
	len = dom_sum(x->d, n)->len;
	if (len == 0 || len >= 100)
		return 0;
	text = dom_text(ex_byline_name(x, n), 1024);
	ex_trim_sep(text);
	if (x->m->byline == NULL) {
		x->m->byline = text;
		return 1;
	}
	/* the line under the title says it already */
	same = strcasestr(text, x->m->byline) != NULL;
	free(text);
	return same;
}

/* Readability's _headerDuplicatesTitle. */
static int
ex_title_header(struct ex *x, xmlNodePtr n)
{
	char	*h;
	int	 dup;

	if ((dom_tag(n) != TAG_H1 && dom_tag(n) != TAG_H2) || x->m->title == NULL)
		return 0;
	h = dom_text(n, 4096);
	dup = extract_similarity(x->m->title, h) > 0.75;
	free(h);
	return dup;
}

/* Puts a div's runs of phrasing content into paragraphs. */
static void
ex_wrap_phrasing(struct ex *x, xmlNodePtr div)
{
	xmlNodePtr	c, next, p = NULL;

	for (c = div->children; c != NULL; c = next) {
		next = c->next;
		if (ex_phrasing(c)) {
			if (p != NULL)
				dom_append(x->d, p, c);
			else if (!ex_whitespace(c)) {
				p = dom_new_elem(x->d, "p");
				dom_insert_before(x->d, c, p);
				dom_append(x->d, p, c);
			}
		} else if (p != NULL) {
			while (p->last != NULL && ex_whitespace(p->last))
				dom_remove(x->d, p->last);
			p = NULL;
		}
	}
}

/* Replaces n by its only element child, which is returned. */
static xmlNodePtr
ex_replace_by_child(struct ex *x, xmlNodePtr n)
{
	xmlNodePtr	c = dom_first_elem(n);

	dom_insert_before(x->d, n, c);
	dom_remove(x->d, n);
	return c;
}

/* The first pass: prunes, marks what to score, makes paragraphs. */
static void
ex_prune(struct ex *x, xmlNodePtr root, struct ex_nodes *score)
{
	xmlNodePtr	 n = root;
	const char	*ms, *role, *am;
	int		 title_header = 1, t;
	char		 buf[1024];

	while (n != NULL) {
		t = dom_tag(n);
		ms = ex_match(n, buf, sizeof buf);
		if (dom_hidden(n) || ((am = dom_attr(n, "aria-modal")) != NULL &&
		    strcmp(am, "true") == 0 && (role = dom_attr(n, "role")) !=
		    NULL && strcmp(role, "dialog") == 0) || ex_byline(x, n, ms)) {
			n = ex_remove_next(x, n);
			continue;
		}
		if (title_header && ex_title_header(x, n)) {
			title_header = 0;
			n = ex_remove_next(x, n);
			continue;
		}
		if ((x->flags & EXTRACT_STRIP_UNLIKELY) && ((ex_any(ms,
		    ex_unlikely) && !ex_any(ms, ex_maybe) &&
		    !ex_has_ancestor(x->d, n, TAG_TABLE, 3, 0) &&
		    !ex_has_ancestor(x->d, n, TAG_CODE, 3, 0) &&
		    t != TAG_BODY && t != TAG_A) ||
		    ((role = dom_attr(n, "role")) != NULL &&
		    ex_in_list(role, ex_roles)))) {
			n = ex_remove_next(x, n);
			continue;
		}
		if ((t == TAG_DIV || t == TAG_SECTION || t == TAG_HEADER ||
		    dom_is_heading(t)) && ex_empty(x, n)) {
			n = ex_remove_next(x, n);
			continue;
		}
		if (t == TAG_SECTION || t == TAG_P || t == TAG_TD ||
		    t == TAG_PRE || (dom_is_heading(t) && t != TAG_H1))
			ex_push(score, n);
		if (t == TAG_DIV) {
			ex_wrap_phrasing(x, n);
			if (ex_single_tag(n, TAG_P) &&
			    dom_link_density(x->d, n) < 0.25) {
				n = ex_replace_by_child(x, n);
				ex_push(score, n);
			} else if (dom_sum(x->d, n)->blocks == 1) {	/* itself */
				dom_rename(x->d, n, "p");
				ex_push(score, n);
			}
		}
		n = ex_next(n, 0);
	}
}

/* Paragraphs score their ancestors; the candidates, best first. */
static size_t
ex_score_all(struct ex *x, struct ex_nodes *score, xmlNodePtr top[EX_TOP])
{
	struct ex_nodes	 cand = { NULL, 0, 0 };
	size_t		 i, k, ntop = 0;
	xmlNodePtr	 e, a;
	int		 level;

	for (i = 0; i < score->n; i++) {
		const struct dom_sum	*s;
		float			 sc;

		e = score->v[i];
		if (e->parent == NULL || e->parent->type != XML_ELEMENT_NODE ||
		    !ex_in_tree(x->d, e))
			continue;
		s = dom_sum(x->d, e);
		if (s->len < EX_SCORE_MIN)
			continue;
		sc = 1 + (float)(s->commas + 1) + (float)(s->len / 100 < 3 ?
		    s->len / 100 : 3);
		for (a = e->parent, level = 0; a != NULL && level < 5 &&
		    a->type == XML_ELEMENT_NODE; a = a->parent, level++) {
			if (a->parent == NULL || a->parent->type !=
			    XML_ELEMENT_NODE)
				continue;
			if (!ex_scored(x, a)) {
				ex_init(x, a);
				ex_push(&cand, a);
			}
			dom_info(x->d, a)->score += sc / (level == 0 ? 1 :
			    level == 1 ? 2 : level * 3);
		}
	}
	for (i = 0; i < cand.n; i++) {
		struct dom_info	*f = dom_info(x->d, cand.v[i]);

		f->score *= (float)(1 - dom_link_density(x->d, cand.v[i]));
		for (k = 0; k < EX_TOP; k++)
			if (k == ntop || f->score > ex_score(x, top[k])) {
				if (ntop < EX_TOP)
					ntop++;
				memmove(top + k + 1, top + k, (ntop - 1 - k) *
				    sizeof *top);
				top[k] = cand.v[i];
				break;
			}
	}
	free(cand.v);
	return ntop;
}

static int
ex_is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* Readability's refinements of the top candidate. */
static xmlNodePtr
ex_refine(struct ex *x, xmlNodePtr *top, size_t ntop)
{
	xmlNodePtr	 c = top[0], p;
	size_t		 i, alts = 0, k;
	float		 last, threshold;

	for (i = 1; i < ntop && ex_score(x, c) > 0; i++)
		alts += ex_score(x, top[i]) / ex_score(x, c) >= 0.75f;
	if (alts >= 3)
		for (p = c->parent; p != NULL && dom_tag(p) != TAG_BODY &&
		    p->type == XML_ELEMENT_NODE; p = p->parent) {
			for (i = 1, k = 0; i < ntop && k < 3; i++)
				if (ex_score(x, top[i]) / ex_score(x, c) >= 0.75f &&
				    ex_is_ancestor(p, top[i]))
					k++;
			if (k >= 3) {
				c = p;
				break;
			}
		}
	if (!ex_scored(x, c))
		ex_init(x, c);
	last = ex_score(x, c);
	threshold = last / 3;
	for (p = c->parent; p != NULL && p->type == XML_ELEMENT_NODE &&
	    dom_tag(p) != TAG_BODY; p = p->parent) {
		if (!ex_scored(x, p))
			continue;
		if (ex_score(x, p) < threshold)
			break;
		if (ex_score(x, p) > last) {
			c = p;
			break;
		}
		last = ex_score(x, p);
	}
	for (p = c->parent; p != NULL && p->type == XML_ELEMENT_NODE &&
	    dom_tag(p) != TAG_BODY && dom_nelems(p) == 1; p = c->parent)
		c = p;
	if (!ex_scored(x, c))
		ex_init(x, c);
	return c;
}

/* Readability's test for a sibling paragraph that belongs to the text. */
static int
ex_good_sibling(struct ex *x, xmlNodePtr s, xmlNodePtr top)
{
	const char	*sc = dom_attr(s, "class"), *tc = dom_attr(top, "class");
	float		 bonus = 0, threshold;
	double		 ld;
	int		 len, ok;
	char		*text;

	threshold = ex_score(x, top) * 0.2f;
	if (threshold < 10)
		threshold = 10;
	if (sc != NULL && tc != NULL && *tc != '\0' && strcmp(sc, tc) == 0)
		bonus = ex_score(x, top) * 0.2f;
	if (ex_scored(x, s) && ex_score(x, s) + bonus >= threshold)
		return 1;
	if (dom_tag(s) != TAG_P)
		return 0;
	ld = dom_link_density(x->d, s);
	len = dom_sum(x->d, s)->len;
	if (len > 80 && ld < 0.25)
		return 1;
	if (len >= 80 || len == 0 || ld > 0)
		return 0;
	text = dom_text(s, 1024);
	ok = ex_sentence(text);
	free(text);
	return ok;
}

/* --- Cleaning ------------------------------------------------------------ */

static int
ex_video(xmlNodePtr n)
{
	xmlAttrPtr	a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->children != NULL && a->children->content != NULL) {
			char		buf[1024];
			const char	*v = ex_lower((const char *)
			    a->children->content, buf, sizeof buf);

			if (ex_any(v, ex_videos))
				return 1;
		}
	return 0;
}

/* Removes every element with one of the tags under root (videos stay). */
static void
ex_clean_tags(struct ex *x, xmlNodePtr root, const int *tags)
{
	struct ex_nodes	l = { NULL, 0, 0 };
	size_t		i;
	int		t;

	ex_collect(root, tags, &l);
	for (i = l.n; i-- > 0; ) {
		t = dom_tag(l.v[i]);
		if (t != TAG_OBJECT && t != TAG_EMBED && t != TAG_IFRAME)
			dom_remove(x->d, l.v[i]);
		else if (!ex_video(l.v[i]))
			dom_remove(x->d, l.v[i]);
	}
	free(l.v);
}

/* "Advertisement", 广告, "Loading…" and nothing else. */
static int
ex_ad_words(xmlNodePtr n, int len)
{
	static const char *const words[] = {
		"ad", "advertising", "advertisement", "pub", "publicit\xC3\xA9",
		"werb", "werbung", "\xE5\xB9\xBF\xE5\x91\x8A",
		"\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0",
		"anuncio", "loading", "\xE6\xAD\xA3\xE5\x9C\xA8\xE5\x8A\xA0\xE8\xBD\xBD",
		"\xD0\x97\xD0\xB0\xD0\xB3\xD1\x80\xD1\x83\xD0\xB7\xD0\xBA\xD0\xB0",
		"chargement", "cargando", NULL
	};
	char	*t;
	size_t	 i, k;
	int	 hit = 0;

	if (len > 40 || len == 0)
		return 0;
	t = dom_text(n, 256);
	k = strlen(t);
	if (k >= 3 && strcmp(t + k - 3, "...") == 0)
		t[k -= 3] = '\0';
	else if (k >= 3 && strcmp(t + k - 3, "\xE2\x80\xA6") == 0)
		t[k -= 3] = '\0';
	for (i = 0; words[i] != NULL && !hit; i++)
		hit = strcasecmp(t, words[i]) == 0;
	free(t);
	return hit;
}

static int
ex_embeds_video(xmlNodePtr n)
{
	xmlNodePtr	c;
	int		t;

	for (c = n->children; c != NULL; c = dom_next(c, n, 0)) {
		t = dom_tag(c);
		if ((t == TAG_OBJECT || t == TAG_EMBED || t == TAG_IFRAME) &&
		    ex_video(c))
			return 1;
	}
	return 0;
}

/* Readability's shadiness checks of _cleanConditionally. */
static int
ex_shady(struct ex *x, xmlNodePtr n, int tag, int weight)
{
	const struct dom_sum	*s = dom_sum(x->d, n);
	int			 is_list, fig, li = s->li - 100, p = s->p;
	int			 img = s->img, len = s->len;
	double			 ld, heading, textish;
	xmlNodePtr		 c;

	is_list = tag == TAG_UL || tag == TAG_OL ||
	    (len > 0 && (double)s->list / len > 0.9);
	if (s->embed > 0 && ex_embeds_video(n))
		return 0;
	if (ex_ad_words(n, len))
		return 1;
	ld = dom_link_density(x->d, n);
	heading = len > 0 ? (double)s->heading / len : 0;
	textish = len > 0 ? (double)s->textish / len : 0;
	fig = ex_has_ancestor(x->d, n, TAG_FIGURE, 3, 0);
	if ((!fig && img > 1 && (double)p / img < 0.5) ||
	    (!is_list && li > p) ||
	    s->input > p / 3 ||
	    (!is_list && !fig && heading < 0.9 && len < 25 &&
	    (img == 0 || img > 2) && ld > 0) ||
	    (!is_list && weight < 25 && ld > 0.2) ||
	    (weight >= 25 && ld > 0.5) ||
	    (s->embed == 1 && len < 75) || s->embed > 1 ||
	    (img == 0 && textish == 0)) {
		if (!is_list)
			return 1;
		for (c = dom_first_elem(n); c != NULL; c = dom_next_elem(c))
			if (dom_nelems(c) > 1)
				return 1;
		return img != s->li - (tag == TAG_LI);	/* a list of images */
	}
	return 0;
}

/* Readability's _cleanConditionally. */
static void
ex_clean_if(struct ex *x, xmlNodePtr root, int tag)
{
	struct ex_nodes	 l = { NULL, 0, 0 };
	int		 tags[2] = { tag, 0 }, weight;
	size_t		 i;
	xmlNodePtr	 n;
	struct dom_info	*f;

	if (!(x->flags & EXTRACT_CLEAN))
		return;
	ex_collect(root, tags, &l);
	for (i = l.n; i-- > 0; ) {
		n = l.v[i];
		f = dom_info(x->d, n);
		if (tag == TAG_TABLE && f != NULL && f->datatable)
			continue;
		if (ex_has_ancestor(x->d, n, TAG_TABLE, -1, 1) ||
		    ex_has_ancestor(x->d, n, TAG_CODE, 3, 0) ||
		    dom_sum(x->d, n)->datatable - (f != NULL &&
		    f->datatable) > 0)
			continue;
		weight = ex_weight(x, n);
		if (weight < 0 || (dom_sum(x->d, n)->commas < 10 &&
		    ex_shady(x, n, tag, weight)))
			dom_remove(x->d, n);
	}
	free(l.v);
}

/* Readability's _markDataTables. */
static void
ex_mark_tables(struct ex *x, xmlNodePtr root)
{
	struct ex_nodes	 l = { NULL, 0, 0 };
	int		 tags[2] = { TAG_TABLE, 0 };
	size_t		 i, rows, cols, k;
	xmlNodePtr	 t, n, c;
	const char	*a;
	int		 data, any;

	ex_collect(root, tags, &l);
	for (i = 0; i < l.n; i++) {
		t = l.v[i];
		data = -1;
		if ((a = dom_attr(t, "role")) != NULL &&
		    strcmp(a, "presentation") == 0)
			data = 0;
		else if ((a = dom_attr(t, "datatable")) != NULL &&
		    strcmp(a, "0") == 0)
			data = 0;
		else if (dom_attr(t, "summary") != NULL)
			data = 1;
		for (n = t->children; data < 0 && n != NULL;
		    n = dom_next(n, t, 0)) {
			int tg = dom_tag(n);

			if (tg == TAG_CAPTION && n->children != NULL)
				data = 1;
			else if (tg == TAG_COL || tg == TAG_COLGROUP ||
			    tg == TAG_TFOOT || tg == TAG_THEAD || tg == TAG_TH)
				data = 1;
		}
		if (data < 0 && dom_sum(x->d, t)->table > 1)
			data = 0;	/* nested tables: layout */
		if (data < 0) {
			rows = cols = 0;
			for (n = t->children; n != NULL; n = dom_next(n, t, 0)) {
				if (dom_tag(n) != TAG_TR)
					continue;
				rows++;
				k = 0;
				for (c = dom_first_elem(n), any = 0; c != NULL;
				    c = dom_next_elem(c))
					if (dom_tag(c) == TAG_TD) {
						a = dom_attr(c, "colspan");
						k += a != NULL && atoi(a) > 0 ?
						    (size_t)atoi(a) : 1;
						any = 1;
					}
				if (any && k > cols)
					cols = k;
			}
			data = cols == 1 || rows == 1 ? 0 : rows >= 10 ||
			    cols > 4 ? 1 : rows * cols > 10;
		}
		if (dom_info(x->d, t) != NULL)
			dom_info(x->d, t)->datatable = (uint8_t)data;
	}
	free(l.v);
	dom_resum(x->d, root);
}

/* Removes share widgets under n (n itself stays). */
static void
ex_clean_share(struct ex *x, xmlNodePtr top)
{
	xmlNodePtr	end = ex_next(top, 1), n = ex_next(top, 0);
	char		buf[1024];

	while (n != NULL && n != end) {
		if (ex_share(ex_match(n, buf, sizeof buf)) &&
		    dom_sum(x->d, n)->len < EXTRACT_ENOUGH)
			n = ex_remove_next(x, n);
		else
			n = ex_next(n, 0);
	}
}

/*
 * Chinese and Japanese news pages end with lines that are not the text:
 * 责任编辑 (the editor), 相关阅读 (related reading), 广告 (advertising)...
 */
static int
ex_cjk_furniture(struct dom *d, xmlNodePtr n)
{
	static const char *const starts[] = {
		"\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91",	/* 责任编辑 */
		"\xE8\xB2\xAC\xE4\xBB\xBB\xE7\xB7\xA8\xE8\xBC\xAF",	/* 責任編輯 */
		"\xE7\x9B\xB8\xE5\x85\xB3\xE9\x98\x85\xE8\xAF\xBB",	/* 相关阅读 */
		"\xE7\x9B\xB8\xE9\x97\x9C\xE9\x96\xB1\xE8\xAE\x80",	/* 相關閱讀 */
		"\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\xB0\xE9\x97\xBB",	/* 相关新闻 */
		"\xE7\x9B\xB8\xE9\x97\x9C\xE6\x96\xB0\xE8\x81\x9E",	/* 相關新聞 */
		"\xE5\xBB\xB6\xE4\xBC\xB8\xE9\x98\x85\xE8\xAF\xBB",	/* 延伸阅读 */
		"\xE5\xBB\xB6\xE4\xBC\xB8\xE9\x96\xB1\xE8\xAE\x80",	/* 延伸閱讀 */
		"\xE5\xB9\xBF\xE5\x91\x8A",	/* 广告 */
		"\xE5\xBB\xA3\xE5\x91\x8A",	/* 廣告 */
		"\xE5\x85\xB3\xE9\x94\xAE\xE8\xAF\x8D",	/* 关键词 */
		"\xE9\x97\x9C\xE9\x8D\xB5\xE8\xA9\x9E",	/* 關鍵詞 */
		NULL
	};
	char	*t, *p;
	size_t	 i;
	int	 hit = 0;

	if (dom_sum(d, n)->len > 60 || dom_sum(d, n)->len == 0)
		return 0;
	t = dom_text(n, 256);
	for (p = t; *p == '[' || *p == '(' || *p == ' ' ||
	    strncmp(p, "\xE3\x80\x90", 3) == 0 || strncmp(p, "\xEF\xBC\x88", 3) == 0;
	    p += *p == '[' || *p == '(' || *p == ' ' ? 1 : 3)
		;	/* [ ( 【 （ */
	for (i = 0; starts[i] != NULL && !hit; i++)
		hit = strncmp(p, starts[i], strlen(starts[i])) == 0;
	free(t);
	return hit;
}

/* The rest of Readability's _prepArticle, after the conditional cleaning. */
static void
ex_tidy(struct ex *x, xmlNodePtr art)
{
	struct ex_nodes	 l = { NULL, 0, 0 };
	int		 h1[2] = { TAG_H1, 0 }, p[2] = { TAG_P, 0 };
	int		 br[2] = { TAG_BR, 0 }, tb[2] = { TAG_TABLE, 0 };
	int		 cjk[4] = { TAG_P, TAG_DIV, TAG_SPAN, 0 };
	size_t		 i;
	xmlNodePtr	 n, next, tbody, row, cell;

	ex_collect(art, h1, &l);
	for (i = 0; i < l.n; i++)
		dom_rename(x->d, l.v[i], "h2");
	ex_collect(art, cjk, &l);
	for (i = l.n; i-- > 0; )
		if (ex_cjk_furniture(x->d, l.v[i]))
			dom_remove(x->d, l.v[i]);
	ex_collect(art, p, &l);
	for (i = l.n; i-- > 0; ) {
		const struct dom_sum *s = dom_sum(x->d, l.v[i]);

		if (s->img + s->embed == 0 && s->len == 0)
			dom_remove(x->d, l.v[i]);
	}
	ex_collect(art, br, &l);
	for (i = 0; i < l.n; i++) {
		for (next = l.v[i]->next; next != NULL &&
		    next->type != XML_ELEMENT_NODE && dom_is_blank(next);
		    next = next->next)
			;
		if (next != NULL && dom_tag(next) == TAG_P)
			dom_remove(x->d, l.v[i]);
	}
	ex_collect(art, tb, &l);
	for (i = 0; i < l.n; i++) {
		n = l.v[i];
		tbody = ex_single_tag(n, TAG_TBODY) ? dom_first_elem(n) : n;
		if (!ex_single_tag(tbody, TAG_TR))
			continue;
		row = dom_first_elem(tbody);
		if (!ex_single_tag(row, TAG_TD))
			continue;
		cell = dom_first_elem(row);
		for (next = cell->children; next != NULL && ex_phrasing(next);
		    next = next->next)
			;
		dom_rename(x->d, cell, next == NULL ? "p" : "div");
		dom_insert_before(x->d, n, cell);
		dom_remove(x->d, n);
	}
	free(l.v);
}

static void
ex_prep(struct ex *x, xmlNodePtr art)
{
	static const int junk[] = { TAG_OBJECT, TAG_EMBED, TAG_FOOTER,
	    TAG_LINK, TAG_ASIDE, 0 };
	static const int controls[] = { TAG_IFRAME, TAG_INPUT, TAG_TEXTAREA,
	    TAG_SELECT, TAG_BUTTON, 0 };
	int		 h[3] = { TAG_H1, TAG_H2, 0 };
	struct ex_nodes	 l = { NULL, 0, 0 };
	xmlNodePtr	 c;
	size_t		 i;

	ex_mark_tables(x, art);
	ex_clean_if(x, art, TAG_FORM);
	ex_clean_if(x, art, TAG_FIELDSET);
	ex_clean_tags(x, art, junk);
	for (c = dom_first_elem(art); c != NULL; c = dom_next_elem(c))
		ex_clean_share(x, c);
	ex_clean_tags(x, art, controls);
	ex_collect(art, h, &l);
	for (i = l.n; i-- > 0; )
		if (ex_weight(x, l.v[i]) < 0)
			dom_remove(x->d, l.v[i]);
	free(l.v);
	ex_clean_if(x, art, TAG_TABLE);
	ex_clean_if(x, art, TAG_UL);
	ex_clean_if(x, art, TAG_DIV);
	ex_tidy(x, art);
}

/* --- Preparing the document -------------------------------------------------- */

/* The next node after n that is an element or holds more than blanks. */
static xmlNodePtr
ex_next_node(xmlNodePtr n)
{
	while (n != NULL && n->type != XML_ELEMENT_NODE && dom_is_blank(n))
		n = n->next;
	return n;
}

/* Readability's _replaceBrs: <br><br> runs start paragraphs. */
static void
ex_replace_brs(struct ex *x, xmlNodePtr body)
{
	struct ex_nodes	 l = { NULL, 0, 0 };
	int		 br[2] = { TAG_BR, 0 }, replaced;
	size_t		 i;
	xmlNodePtr	 b, next, p, after;

	ex_collect(body, br, &l);
	for (i = 0; i < l.n; i++) {
		b = l.v[i];
		if (b->parent == x->d->trash)
			continue;
		replaced = 0;
		for (next = ex_next_node(b->next); next != NULL &&
		    dom_tag(next) == TAG_BR; next = ex_next_node(after)) {
			replaced = 1;
			after = next->next;
			dom_remove(x->d, next);
		}
		if (!replaced)
			continue;
		p = dom_new_elem(x->d, "p");
		dom_insert_before(x->d, b, p);
		dom_remove(x->d, b);
		for (next = p->next; next != NULL; next = after) {
			if (dom_tag(next) == TAG_BR) {
				xmlNodePtr e = ex_next_node(next->next);

				if (e != NULL && dom_tag(e) == TAG_BR)
					break;
			}
			if (!ex_phrasing(next))
				break;
			after = next->next;
			dom_append(x->d, p, next);
		}
		while (p->last != NULL && ex_whitespace(p->last))
			dom_remove(x->d, p->last);
		if (dom_tag(p->parent) == TAG_P)
			dom_rename(x->d, p->parent, "div");
	}
	free(l.v);
}

/* Scripts, styles and noscript go; font becomes span; <br><br> p. */
static void
ex_prep_document(struct ex *x, xmlNodePtr root, xmlNodePtr body)
{
	static const int gone[] = { TAG_SCRIPT, TAG_NOSCRIPT, TAG_STYLE,
	    TAG_TEMPLATE, 0 };
	int		 font[2] = { TAG_FONT, 0 };
	struct ex_nodes	 l = { NULL, 0, 0 };
	size_t		 i;

	ex_collect(root, gone, &l);
	for (i = l.n; i-- > 0; )
		dom_remove(x->d, l.v[i]);
	ex_collect(root, font, &l);
	for (i = 0; i < l.n; i++)
		dom_rename(x->d, l.v[i], "span");
	free(l.v);
	if (body != NULL)
		ex_replace_brs(x, body);
}

static xmlNodePtr
ex_body(xmlNodePtr root)
{
	xmlNodePtr	n;

	for (n = root->children; n != NULL; n = n->next)
		if (dom_tag(n) == TAG_BODY)
			return n;
	return NULL;
}

/*
 * A container that names itself the article (trafilatura's first
 * choices): itemprop=articleBody, or a class or id like entry-content,
 * article-body, post-content.  The first, if it holds enough text.
 */
static xmlNodePtr
ex_known(struct ex *x, xmlNodePtr root)
{
	static const char *const names[] = {
		"entry-content", "article-content", "article_content",
		"article-body", "article__body", "articlebody", "article_body",
		"post-content", "post_content", "postcontent", "entry_content",
		"story-body", "story_body", NULL
	};
	xmlNodePtr	 n;
	const char	*ip, *ms;
	char		 buf[1024];

	for (n = root; n != NULL; n = ex_next(n, 0)) {
		ip = dom_attr(n, "itemprop");
		ms = ex_match(n, buf, sizeof buf);
		if (((ip != NULL && strcasestr(ip, "articlebody") != NULL) ||
		    ex_any(ms, names)) &&
		    dom_sum(x->d, n)->len >= EXTRACT_ENOUGH &&
		    dom_link_density(x->d, n) < 0.5)
			return n;
	}
	return NULL;
}

xmlNodePtr
extract_article(struct dom *d, struct extract_meta *m, int flags, int *len)
{
	struct ex	 x;
	struct ex_nodes	 score = { NULL, 0, 0 };
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), body, top[EX_TOP];
	xmlNodePtr	 c, art, s, next, k;
	size_t		 ntop;

	*len = 0;
	if (root == NULL)
		return NULL;
	x.d = d;
	x.m = m;
	x.flags = flags;
	body = ex_body(root);
	ex_prep_document(&x, root, body);
	ex_prune(&x, root, &score);
	ntop = ex_score_all(&x, &score, top);
	free(score.v);
	if (body == NULL)
		body = root;
	if (ntop == 0 || dom_tag(top[0]) == TAG_BODY) {
		c = dom_new_elem(d, "div");
		while (body->children != NULL)
			dom_append(d, c, body->children);
		dom_append(d, body, c);
		ex_init(&x, c);
	} else
		c = ex_refine(&x, top, ntop);
	/*
	 * The page names its article, and the candidate is elsewhere, or a
	 * container three times its size: the page knows best.
	 */
	if ((k = ex_known(&x, body)) != NULL && k != c &&
	    !ex_is_ancestor(k, c) && (!ex_is_ancestor(c, k) ||
	    dom_sum(d, c)->len > 3 * dom_sum(d, k)->len)) {
		if (!ex_scored(&x, k))
			ex_init(&x, k);
		c = k;
	}
	art = dom_new_elem(d, "div");	/* outside the tree while it grows */
	if (c->parent != NULL)
		for (s = dom_first_elem(c->parent); s != NULL; s = next) {
			next = dom_next_elem(s);
			if (s != c && !ex_good_sibling(&x, s, c))
				continue;
			if (dom_tag(s) != TAG_DIV && dom_tag(s) != TAG_ARTICLE &&
			    dom_tag(s) != TAG_SECTION && dom_tag(s) != TAG_P)
				dom_rename(d, s, "div");
			dom_append(d, art, s);
		}
	ex_prep(&x, art);
	*len = dom_sum(d, art)->len;
	art->parent = d->trash;		/* freed with the tree */
	art->prev = d->trash->last;
	if (d->trash->last != NULL)
		d->trash->last->next = art;
	else
		d->trash->children = art;
	d->trash->last = art;
	return art;
}
