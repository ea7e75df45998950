/*
 * html.c: parsing a web page with libxml2, and rendering its elements as
 * blocks (see html.h).
 *
 * libxml2 gives no source offsets for text.  Its SAX callbacks are
 * wrapped instead: when a piece of text reaches the tree, the parser has
 * just consumed its source, so the piece ends at the parser's position;
 * plain text is checked byte for byte against the source before it, and
 * an entity (&amp; becomes &) is found back to its & -- each text node
 * keeps the list of its pieces (dom.h).  Rendering then walks the tree
 * with no recursion (a page may nest 300,000 elements) and turns those
 * pieces into runs.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "xmlapi.h"	/* after libxml2's own headers */

#include "buf.h"
#include "dom.h"
#include "extract.h"
#include "html.h"
#include "sanitize.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

#define HTML_BLOCK_MAX	(64 * 1024)	/* longer paragraphs go on (CONT) */
#define HTML_SPANS	32
#define HTML_LISTS	32
#define HTML_TABLE_MAXW	40		/* wider columns wrap */

/* --- Parsing ------------------------------------------------------------- */

/*
 * What the parser reads: the page with the insides of scripts (JSON-LD
 * aside), styles, SVG drawings and comments cut out -- they never show,
 * and are half of a news page's bytes -- and the map back: after lean
 * offset at[k], shift[k] bytes of the page were cut.
 */
struct html_lean {
	char		*s;
	size_t		 n;
	size_t		*at;
	size_t		*shift;
	size_t		 ncuts;
	size_t		 cap;
	size_t		 k;		/* where the last lookup was */
};

struct html_parse {
	struct dom		*dom;
	struct html_lean	*lean;
	uint64_t		 last;	/* where the last piece or tag ended */
	charactersSAXFunc	 chars;
	cdataBlockSAXFunc	 cdata;
	startElementSAXFunc	 start;
	endElementSAXFunc	 end;
};

static void
html_no_error(void *ctx, const char *msg, ...)
{
}

static void
html_no_structured_error(void *ctx, xmlErrorPtr e)
{
}

static uint64_t
html_pos(htmlParserCtxtPtr c)
{
	return (uint64_t)c->input->consumed +
	    (uint64_t)(c->input->cur - c->input->base);
}

/* The page's offset of lean offset p (lookups mostly go forward). */
static uint64_t
html_orig(struct html_lean *l, uint64_t p)
{
	while (l->k > 0 && l->at[l->k - 1] > p)
		l->k--;
	while (l->k < l->ncuts && l->at[l->k] <= p)
		l->k++;
	return l->k > 0 ? p + l->shift[l->k - 1] : p;
}

/* Records that len bytes just given to text node t came from the source. */
static void
html_piece(struct html_parse *hp, xmlNodePtr t, uint64_t end, size_t len,
    const xmlChar *ch)
{
	struct dom		*d = hp->dom;
	struct dom_piece	*p, *prev;
	uint64_t		 start, k;
	const char		*src = hp->lean->s;

	if (d->npieces == d->piececap) {
		d->piececap = d->piececap ? d->piececap * 2 : 4096;
		d->pieces = xreallocarray(d->pieces, d->piececap,
		    sizeof *d->pieces);
	}
	prev = d->npieces > 0 ? &d->pieces[d->npieces - 1] : NULL;
	/*
	 * libxml2 hands on a full buffer of text (1000 bytes) before it
	 * steps past the character it just took: such text may end a
	 * character later.
	 */
	for (k = 0; k <= (len >= 1000 ? 4 : 0); k++)
		if (end + k >= len && end + k <= hp->lean->n &&
		    memcmp(src + end + k - len, ch, len) == 0)
			break;
	if (k <= (len >= 1000 ? 4 : 0)) {
		end += k;
		start = end - len;	/* as written */
	} else {		/* an entity, or text the parser changed */
		start = hp->last < end ? hp->last : end;
		for (k = end; k > start; k--)
			if (src[k - 1] == '&') {
				start = k - 1;
				break;
			}
	}
	hp->last = end;
	start = html_orig(hp->lean, start);
	end = html_orig(hp->lean, end);
	if (prev != NULL && start < prev->end)
		start = prev->end;	/* pieces never go back */
	if (end < start)
		end = start;
	p = &d->pieces[d->npieces];
	memset(p, 0, sizeof *p);
	p->node = t;
	p->text = prev != NULL && prev->node == t ? prev->text + prev->len : 0;
	p->len = (uint32_t)len;
	p->src = start;
	p->end = end;
	if (t->_private == NULL)
		t->_private = (void *)(uintptr_t)(d->npieces + 1);
	d->npieces++;
}

static void
html_on_text(void *ctx, const xmlChar *ch, int len, int cdata)
{
	htmlParserCtxtPtr	 c = ctx;
	struct html_parse	*hp = c->_private;
	uint64_t		 end = html_pos(c);
	xmlNodePtr		 t;

	if (cdata)
		hp->cdata(ctx, ch, len);
	else
		hp->chars(ctx, ch, len);
	t = c->node != NULL ? c->node->last : NULL;
	if (t != NULL && len > 0 && (t->type == XML_TEXT_NODE ||
	    t->type == XML_CDATA_SECTION_NODE))
		html_piece(hp, t, end, (size_t)len, ch);
}

static void
html_on_chars(void *ctx, const xmlChar *ch, int len)
{
	html_on_text(ctx, ch, len, 0);
}

static void
html_on_cdata(void *ctx, const xmlChar *ch, int len)
{
	html_on_text(ctx, ch, len, 1);
}

/* Is this an attribute folio reads (the rest are not kept)? */
static int
html_wanted_attr(const char *a)
{
	static const char *const keep[] = {
		"alt", "aria-hidden", "aria-modal", "class", "colspan",
		"content", "datatable", "datetime", "dir", "hidden", "href",
		"id", "itemprop", "lang", "name", "property", "rel", "role",
		"start", "style", "summary", "type",
	};
	size_t	lo = 0, hi = sizeof keep / sizeof *keep, mid;
	int	c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcasecmp(a, keep[mid])) == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/*
 * Tags move the start of the next piece past them.  Only the attributes
 * folio reads are kept: fewer nodes to make and free.
 */
static void
html_on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	htmlParserCtxtPtr	 c = ctx;
	struct html_parse	*hp = c->_private;
	const xmlChar		*keep[2 * 32 + 1];
	size_t			 i, k = 0;

	for (i = 0; atts != NULL && atts[i] != NULL; i += 2)
		if (k + 2 < sizeof keep / sizeof *keep &&
		    html_wanted_attr((const char *)atts[i])) {
			keep[k++] = atts[i];
			keep[k++] = atts[i + 1];
		}
	keep[k] = NULL;
	hp->start(ctx, name, atts != NULL ? keep : NULL);
	hp->last = html_pos(c);
}

static void
html_on_end(void *ctx, const xmlChar *name)
{
	htmlParserCtxtPtr	 c = ctx;
	struct html_parse	*hp = c->_private;

	hp->end(ctx, name);
	hp->last = html_pos(c);
}

/*
 * The source as the parser can take it: libxml2 switches to Latin-1 for
 * the rest of the page at a byte that is not UTF-8, and drops control
 * characters; both are replaced byte for byte, so offsets do not move.
 */
static void
html_clean(char *c, size_t n)
{
	size_t		i = 0;
	uint32_t	cp;
	uint64_t	w;
	int		len;

	while (i < n) {
		unsigned char b;

		if (i + 8 <= n) {	/* eight plain ASCII bytes at a time */
			memcpy(&w, c + i, 8);
			if (((w | ((w - 0x2020202020202020ULL) & ~w)) &
			    0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		b = (unsigned char)c[i];
		if (b >= 0x80) {
			len = utf8_decode((const uint8_t *)c + i, n - i, &cp);
			if (cp == 0xFFFD && !(len == 3 &&
			    memcmp(c + i, "\xEF\xBF\xBD", 3) == 0)) {
				c[i++] = '?';
				continue;
			}
			i += (size_t)len;
			continue;
		}
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
			c[i] = ' ';
		i++;
	}
}

/* The end of the tag that starts at s[i] ('<'): after its '>', or 0. */
static size_t
html_tag_end(const char *s, size_t n, size_t i)
{
	char	q;

	for (i++; i < n; i++) {
		if (s[i] == '>')
			return i + 1;
		if (s[i] != '=')
			continue;
		while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t' ||
		    s[i + 1] == '\n' || s[i + 1] == '\r'))
			i++;
		if (i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\'')) {
			const char *e;

			q = s[i + 1];
			e = memchr(s + i + 2, q, n - i - 2);
			if (e == NULL)
				return 0;
			i = (size_t)(e - s);
		}
	}
	return 0;
}

/* Where "</name" (any case) is, from i on; n if nowhere. */
static size_t
html_find_close(const char *s, size_t n, size_t i, const char *name)
{
	size_t		k = strlen(name);
	const char	*p;

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 2 + k <= n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, k) == 0)
			return i;
		i++;
	}
	return n;
}

/* Is s[i] ('<') followed by name, as a whole tag name? */
static int
html_opens(const char *s, size_t n, size_t i, const char *name)
{
	size_t	k = strlen(name);

	return i + 1 + k < n && strncasecmp(s + i + 1, name, k) == 0 &&
	    strchr(" \t\n\r/>", s[i + 1 + k]) != NULL;
}

static void
html_cut(struct html_lean *l, size_t w, size_t removed)
{
	if (l->ncuts == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->at = xreallocarray(l->at, l->cap, sizeof *l->at);
		l->shift = xreallocarray(l->shift, l->cap, sizeof *l->shift);
	}
	l->at[l->ncuts] = w;
	l->shift[l->ncuts] = (l->ncuts > 0 ? l->shift[l->ncuts - 1] : 0) +
	    removed;
	l->ncuts++;
}

/* How much of s after i (where a tag starts) to cut: the start of the cut and its end. */
static int
html_cuttable(const char *s, size_t n, size_t i, size_t *from, size_t *to)
{
	static const char *const raw[] = { "script", "style", "svg" };
	const char	*e;
	size_t		 k, end;

	if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
		e = memmem(s + i + 4, n - i - 4, "-->", 3);
		if (e == NULL)
			return 0;
		*from = i + 4;
		*to = (size_t)(e - s);
		return 1;
	}
	for (k = 0; k < sizeof raw / sizeof *raw; k++) {
		if (!html_opens(s, n, i, raw[k]))
			continue;
		if ((end = html_tag_end(s, n, i)) == 0)
			return 0;
		if (k == 0 && memmem(s + i, end - i, "ld+json", 7) != NULL)
			return 0;	/* JSON-LD: metadata */
		*from = end;
		*to = html_find_close(s, n, end, raw[k]);
		return *to < n;
	}
	return 0;
}

static void
html_lean_make(const char *src, size_t n, struct html_lean *l)
{
	size_t		 r = 0, w = 0, from, to, end;
	const char	*p;
	char		*s;

	memset(l, 0, sizeof *l);
	s = l->s = xmalloc(n + 1);
	memcpy(s, src, n);
	s[n] = '\0';
	html_clean(s, n);
	while (r < n && (p = memchr(s + r, '<', n - r)) != NULL) {
		size_t i = (size_t)(p - s);

		memmove(s + w, s + r, i - r);
		w += i - r;
		r = i;
		if (html_cuttable(s, n, i, &from, &to)) {
			memmove(s + w, s + r, from - r);
			w += from - r;
			html_cut(l, w, to - from);
			r = to;
		} else if (i + 1 < n && ((s[i + 1] | 0x20) >= 'a' &&
		    (s[i + 1] | 0x20) <= 'z') && (end = html_tag_end(s, n,
		    i)) > 0) {
			memmove(s + w, s + r, end - r);	/* a whole tag */
			w += end - r;
			r = end;
		} else {
			s[w++] = s[r++];
		}
	}
	memmove(s + w, s + r, n - r);
	w += n - r;
	s[w] = '\0';
	l->n = w;
}

static void
html_lean_free(struct html_lean *l)
{
	free(l->s);
	free(l->at);
	free(l->shift);
}

/* Parses the page into d (pieces recorded, tree prepared); 0 or -1. */
static int
html_parse(const char *s, size_t n, struct dom *d)
{
	htmlParserCtxtPtr	 c;
	struct html_parse	 hp;
	struct html_lean	 lean;

	memset(d, 0, sizeof *d);
	xmlSetGenericErrorFunc(NULL, html_no_error);
	xmlSetStructuredErrorFunc(NULL, html_no_structured_error);
	html_lean_make(s, n, &lean);
	if (lean.n > INT32_MAX || (c = htmlCreateMemoryParserCtxt(lean.s,
	    (int)lean.n)) == NULL) {
		html_lean_free(&lean);
		return -1;
	}
	memset(&hp, 0, sizeof hp);
	hp.dom = d;
	hp.lean = &lean;
	hp.chars = c->sax->characters;
	hp.cdata = c->sax->cdataBlock;
	hp.start = c->sax->startElement;
	hp.end = c->sax->endElement;
	c->sax->characters = html_on_chars;
	c->sax->cdataBlock = html_on_cdata;
	c->sax->startElement = html_on_start;
	c->sax->endElement = html_on_end;
	c->sax->comment = NULL;		/* comments never show */
	c->_private = &hp;
	htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC |
	    HTML_PARSE_COMPACT | XML_PARSE_HUGE);
	xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(c);
	d->doc = c->myDoc;
	c->myDoc = NULL;
	htmlFreeParserCtxt(c);
	html_lean_free(&lean);
	if (d->doc == NULL || xmlDocGetRootElement(d->doc) == NULL) {
		dom_free(d);
		return -1;
	}
	dom_prepare(d);
	return 0;
}

/* --- Rendering ----------------------------------------------------------- */

struct html_span {
	size_t	start;		/* in out->text */
	int	style;
	int	data;
	size_t	mark;		/* where an added mark (` ~~) ended */
};

struct html_r {
	struct rdoc	*out;
	struct dom	*dom;
	const char	*base;		/* links resolve against it */
	int		 plain_links;	/* no [n] marks */
	/* the open leaf */
	int		 open;
	int		 type;
	int		 level;
	int		 flags;
	size_t		 start;		/* in out->text */
	size_t		 firstspan;
	size_t		 firstrun;
	uint64_t	 lo, hi;	/* its source */
	unsigned	 hang;
	uint32_t	 lastc;		/* the last character in it, 0 if none */
	/* white space waiting for the next word: 1 blanks, 2 a line end */
	int		 ws;
	uint64_t	 ws_lo, ws_hi;
	int		 ws_exact;	/* it is one space, as written */
	int		 brs;		/* <br> waiting */
	int		 col;		/* in preformatted text, for tabs */
	/* the run being extended */
	int		 run;
	size_t		 run_t;
	size_t		 run_tlen;
	uint64_t	 run_s;
	uint64_t	 run_slen;
	int		 run_exact;
	/* containers */
	int		 pre;
	int		 pre_fresh;	/* nothing of the pre read yet */
	int		 heading;
	int		 quote;
	int		 lists;
	unsigned	 number[HTML_LISTS];	/* next number; 0: bullets */
	unsigned	 item_hang[HTML_LISTS];
	char		 marker[32];
	int		 item_leaves;
	struct html_span spans[HTML_SPANS];
	int		 nspans;
	uint64_t	 last_off;	/* blocks' offsets never go back */
	int		 list_start;	/* the next item starts a list */
	const char	*title;		/* whole page: the h1 saying it goes */
};

static void	html_leaf_close(struct html_r *);

static void
html_run_flush(struct html_r *r)
{
	if (!r->run)
		return;
	rdoc_add_run(r->out, (uint32_t)(r->run_t - r->start),
	    (uint32_t)r->run_tlen, r->run_s, (uint32_t)r->run_slen);
	if (r->lo == (uint64_t)-1 || r->run_s < r->lo)
		r->lo = r->run_s;
	if (r->run_s + r->run_slen > r->hi)
		r->hi = r->run_s + r->run_slen;
	r->run = 0;
}

/* Text [from, out->text.len) came from source [lo, hi). */
static void
html_run(struct html_r *r, size_t from, uint64_t lo, uint64_t hi, int exact)
{
	size_t	to = r->out->text.len;

	if (to <= from)
		return;
	if (r->run && exact && r->run_exact && r->run_t + r->run_tlen == from &&
	    r->run_s + r->run_slen == lo) {
		r->run_tlen += to - from;
		r->run_slen += hi - lo;
		return;
	}
	html_run_flush(r);
	r->run = 1;
	r->run_t = from;
	r->run_tlen = to - from;
	r->run_s = lo;
	r->run_slen = hi - lo;
	r->run_exact = exact;
}

static void
html_leaf_open(struct html_r *r, int type, int level, int flags)
{
	struct buf	*t = &r->out->text;
	int		 i;

	if (r->open)
		html_leaf_close(r);
	r->open = 1;
	r->type = type;
	r->level = level;
	r->flags = flags;
	r->start = t->len;
	r->firstspan = r->out->nspans;
	r->firstrun = r->out->nruns;
	r->lo = (uint64_t)-1;
	r->hi = 0;
	r->hang = 0;
	r->lastc = 0;
	r->ws = 0;
	r->col = 0;
	if (type == BLOCK_LIST && r->marker[0] != '\0') {
		buf_adds(t, r->marker);
		r->hang = (unsigned)width_str(r->marker, strlen(r->marker), 1);
		rdoc_add_span(r->out, r->start, r->start, t->len, STYLE_MARKER,
		    0);
		r->marker[0] = '\0';
	}
	if (type == BLOCK_LIST) {
		r->item_leaves++;
		if (r->list_start)
			r->flags |= BLOCK_SPACE;	/* a new list */
		r->list_start = 0;
	}
	for (i = 0; i < r->nspans && i < HTML_SPANS; i++)
		r->spans[i].start = t->len;
}

/* Is the open leaf empty (its marker aside)? */
static int
html_leaf_empty(const struct html_r *r)
{
	return r->lastc == 0;
}

/* The open leaf's runs cut to its text's len bytes (blanks trimmed). */
static void
html_cut_runs(struct html_r *r, size_t len)
{
	struct rdoc	*d = r->out;

	while (d->nruns > r->firstrun) {
		struct text_run *x = &d->runs[d->nruns - 1];

		if (x->text >= len)
			d->nruns--;
		else {
			if (x->text + x->tlen > len) {
				if (x->tlen == x->slen)
					x->slen = (uint32_t)(len - x->text);
				x->tlen = (uint32_t)(len - x->text);
			}
			break;
		}
	}
}

static void
html_leaf_close(struct html_r *r)
{
	struct rdoc		*d = r->out;
	struct rdoc_block	*b;
	size_t			 len;
	int			 i;

	if (!r->open)
		return;
	r->open = 0;
	r->brs = 0;
	html_run_flush(r);
	for (i = 0; i < r->nspans && i < HTML_SPANS; i++)
		if (r->spans[i].start < d->text.len && r->spans[i].style != 0)
			rdoc_add_span(d, r->start, r->spans[i].start,
			    d->text.len, r->spans[i].style, r->spans[i].data);
	len = d->text.len - r->start;
	while (len > 0 && r->type != BLOCK_PRE &&
	    d->text.s[r->start + len - 1] == ' ')
		len--;
	while (len > 0 && d->text.s[r->start + len - 1] == '\n')
		len--;
	if (html_leaf_empty(r)) {
		d->text.len = r->start;
		d->nspans = r->firstspan;
		d->nruns = r->firstrun;
		return;
	}
	d->text.len = r->start + len;
	html_cut_runs(r, len);
	b = rdoc_push_block(d);
	b->b.type = (uint8_t)r->type;
	b->b.level = (uint8_t)r->level;
	b->b.flags = (uint8_t)r->flags;
	b->b.depth = (uint8_t)(r->type == BLOCK_QUOTE ? r->quote :
	    r->type == BLOCK_LIST && r->lists > 0 ? r->lists - 1 : 0);
	if (r->lists > 0 && ((r->type == BLOCK_LIST && r->item_leaves > 1) ||
	    r->type == BLOCK_PRE)) {
		/* a later paragraph, code or a table of an item: under it */
		b->b.flags |= BLOCK_INDENT;
		b->b.depth = (uint8_t)(r->lists - 1);
		r->hang = r->item_hang[r->lists - 1 < HTML_LISTS ? r->lists - 1 :
		    HTML_LISTS - 1];
	}
	if (r->lo == (uint64_t)-1)
		r->lo = r->hi = r->last_off;
	if (r->lo < r->last_off)	/* never before the block above */
		r->lo = r->last_off;
	if (r->hi < r->lo)
		r->hi = r->lo;
	b->b.off = r->lo;
	b->b.len = (uint32_t)(r->hi - r->lo > UINT32_MAX ? UINT32_MAX :
	    r->hi - r->lo);
	r->last_off = r->lo;
	b->text = r->start;
	b->len = len;
	b->span = r->firstspan;
	b->nspans = d->nspans - r->firstspan;
	b->run = r->firstrun;
	b->nruns = d->nruns - r->firstrun;
	b->hang = r->hang;
	/* spans past the trimmed end are cut by doc.c */
}

/* A block boundary: what is open ends (preformatted text goes on). */
static void
html_break(struct html_r *r)
{
	if (r->pre > 0) {
		if (r->open && !html_leaf_empty(r) && r->out->text.len > 0 &&
		    r->out->text.s[r->out->text.len - 1] != '\n')
			buf_addc(&r->out->text, '\n');
		return;
	}
	html_leaf_close(r);
}

/* Opens a leaf for text, unless one is open: preformatted in a pre. */
static void
html_need_leaf(struct html_r *r)
{
	if (!r->open)
		html_leaf_open(r, r->pre > 0 ? BLOCK_PRE :
		    rdoc_flow_type(r->lists, r->quote), 0, 0);
}

/* Emits the white space waiting before a word, if any is due. */
static void
html_flush_ws(struct html_r *r, uint32_t next)
{
	int	ws = r->ws;

	r->ws = 0;
	if (ws == 0 || html_leaf_empty(r) || r->lastc == ' ')
		return;
	if (ws == 2 && next != 0 && !width_join_space(r->lastc, next))
		return;	/* a line end between CJK characters */
	buf_addc(&r->out->text, ' ');
	r->lastc = ' ';
	html_run(r, r->out->text.len - 1, r->ws_lo, r->ws_hi, r->ws_exact);
}

/* Text folio adds (a mark, a link number): no source. */
static void
html_put(struct html_r *r, const char *s, int flush)
{
	size_t	from;

	html_need_leaf(r);
	if (flush)
		html_flush_ws(r, 0);
	from = r->out->text.len;
	buf_adds(&r->out->text, s);
	if (*s != '\0')
		r->lastc = (unsigned char)s[strlen(s) - 1];
	if (strcmp(s, "`") == 0)	/* hidden where the reader colours code */
		rdoc_add_span(r->out, r->start, from, r->out->text.len,
		    STYLE_MARK, 0);
}

/* Pending <br>: a new block goes on the paragraph, or starts one. */
static void
html_do_brs(struct html_r *r, const char *s, size_t n)
{
	int	indent = n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0;
	int	type = r->type, level = r->level, brs = r->brs;

	r->brs = 0;
	if (!r->open || html_leaf_empty(r))
		return;
	html_leaf_close(r);
	html_leaf_open(r, type == BLOCK_LIST ? BLOCK_LIST : type, level,
	    brs >= 2 || indent ? 0 : BLOCK_CONT);
}

/* Opens a block of the same kind when the open one grows too long. */
static void
html_maybe_split(struct html_r *r)
{
	int	type = r->type, level = r->level;

	if (r->out->text.len - r->start < HTML_BLOCK_MAX)
		return;
	html_leaf_close(r);
	html_leaf_open(r, type, level, BLOCK_CONT);
}

/* Bytes of s (n) to take so that the open block stays within its limit. */
static size_t
html_fit(const struct html_r *r, const char *s, size_t n)
{
	size_t	room = HTML_BLOCK_MAX - (r->out->text.len - r->start), k;

	if (n <= room)
		return n;
	k = room;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k > 0 ? k : n < 4 ? n : 4;
}

/* A word (no white space) from source [lo, hi) (exact: byte for byte). */
static void
html_word(struct html_r *r, const char *s, size_t n, uint64_t lo,
    uint64_t hi, int exact)
{
	uint32_t	c;
	size_t		k, from, i;
	int		col;

	if (r->brs > 0)
		html_do_brs(r, s, n);
	html_need_leaf(r);
	if (html_leaf_empty(r) && r->type == BLOCK_PARA) {
		for (i = 0; i + 3 <= n && memcmp(s + i, "\xE3\x80\x80", 3) == 0;
		    i += 3)
			;	/* an indented paragraph: the indent is folio's */
		if (i > 0) {
			r->flags |= BLOCK_INDENT;
			s += i;
			n -= i;
			if (exact)
				lo += i;
			if (n == 0)
				return;
		}
	}
	utf8_decode((const uint8_t *)s, n, &c);
	if (r->out->text.len - r->start + n + 1 > HTML_BLOCK_MAX &&
	    n < HTML_BLOCK_MAX / 4) {	/* a word is not cut: on in a new block */
		int type = r->type, level = r->level;

		html_leaf_close(r);
		html_leaf_open(r, type, level, BLOCK_CONT);
	}
	html_flush_ws(r, c);
	while (n > 0) {
		html_maybe_split(r);
		k = html_fit(r, s, n);
		from = r->out->text.len;
		col = 0;
		sanitize_line(&r->out->text, s, k, &col);
		html_run(r, from, lo, exact ? lo + k : hi, exact &&
		    r->out->text.len - from == k);
		if (r->out->text.len > from) {
			i = r->out->text.len - 1;
			while (i > from && (r->out->text.s[i] & 0xC0) == 0x80)
				i--;
			utf8_decode((const uint8_t *)r->out->text.s + i,
			    r->out->text.len - i, &r->lastc);
		}
		s += k;
		n -= k;
		if (exact)
			lo += k;
	}
}

static int
html_is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Flowing text: white space collapses, words go in. */
static void
html_flow(struct html_r *r, const char *s, size_t n, uint64_t lo,
    uint64_t hi, int exact)
{
	size_t	i = 0, j;

	while (i < n) {
		j = i;
		if (html_is_ws((unsigned char)s[i])) {
			int nl = 0;

			while (j < n && html_is_ws((unsigned char)s[j]))
				nl |= s[j++] == '\n';
			if (r->ws == 0) {
				r->ws_lo = exact ? lo + i : lo;
				r->ws = 1;
				r->ws_exact = exact && j - i == 1 && s[i] == ' ';
			} else
				r->ws_exact = 0;
			r->ws_hi = exact ? lo + j : hi;
			if (nl)
				r->ws = 2;
		} else {
			while (j < n && !html_is_ws((unsigned char)s[j]))
				j++;
			html_word(r, s + i, j - i, exact ? lo + i : lo,
			    exact ? lo + j : hi, exact);
		}
		i = j;
	}
}

/* Preformatted text: kept line by line. */
static void
html_pre_text(struct html_r *r, const char *s, size_t n, uint64_t lo,
    uint64_t hi, int exact)
{
	size_t	i = 0, j, from;

	html_need_leaf(r);
	if (r->pre_fresh && n > 0) {
		r->pre_fresh = 0;
		if (s[0] == '\n')
			i = 1;	/* the line end after <pre> is not text */
	}
	while (i < n) {
		for (j = i; j < n && s[j] != '\n' && s[j] != '\r'; j++)
			;
		from = r->out->text.len;
		sanitize_line(&r->out->text, s + i, j - i, &r->col);
		html_run(r, from, exact ? lo + i : lo, exact ? lo + j : hi,
		    exact && r->out->text.len - from == j - i);
		if (r->out->text.len > from)
			r->lastc = 'x';	/* it holds text */
		if (j < n) {
			buf_addc(&r->out->text, '\n');
			r->col = 0;
			if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
				j++;
			j++;
		}
		i = j;
	}
}

/* A text node: its pieces, each with the source it came from. */
static void
html_text(struct html_r *r, xmlNodePtr t)
{
	const char		*s = (const char *)t->content;
	size_t			 n = s != NULL ? strlen(s) : 0, at = 0;
	size_t			 idx = (size_t)(uintptr_t)t->_private;
	const struct dom_piece	*p;
	void			(*fn)(struct html_r *, const char *, size_t,
				    uint64_t, uint64_t, int);

	fn = r->pre > 0 ? html_pre_text : html_flow;
	if (idx == 0 || idx > r->dom->npieces) {
		fn(r, s, n, r->last_off, r->last_off, 0);
		return;
	}
	for (p = &r->dom->pieces[idx - 1]; p < r->dom->pieces +
	    r->dom->npieces && p->node == t && at < n; p++) {
		size_t len = p->text + p->len <= n ? p->len : n - p->text;

		if (p->text != at)
			break;
		fn(r, s + at, len, p->src, p->end, p->end - p->src == len);
		at += len;
	}
	if (at < n) {		/* text with no piece: after the last run */
		uint64_t end = r->run ? r->run_s + r->run_slen : r->hi;

		fn(r, s + at, n - at, end, end, 0);
	}
}

/* --- Elements ------------------------------------------------------------ */

/* Elements whose content never shows. */
static int
html_skipped(int t)
{
	switch (t) {
	case TAG_SCRIPT: case TAG_STYLE: case TAG_TEMPLATE: case TAG_NOSCRIPT:
	case TAG_HEAD: case TAG_TITLE: case TAG_META: case TAG_LINK:
	case TAG_BASE: case TAG_SELECT: case TAG_OPTION: case TAG_OPTGROUP:
	case TAG_DATALIST: case TAG_INPUT: case TAG_BUTTON: case TAG_TEXTAREA:
	case TAG_IFRAME: case TAG_OBJECT: case TAG_EMBED: case TAG_PARAM:
	case TAG_SVG: case TAG_CANVAS: case TAG_AUDIO: case TAG_VIDEO:
	case TAG_SOURCE: case TAG_TRACK: case TAG_MAP: case TAG_FRAME:
	case TAG_FRAMESET: case TAG_NOEMBED: case TAG_NOFRAMES:
		return 1;
	}
	return 0;
}

static int
html_style_of(int t)
{
	switch (t) {
	case TAG_B: case TAG_STRONG: case TAG_DT:
		return STYLE_STRONG;
	case TAG_I: case TAG_EM: case TAG_CITE: case TAG_DFN: case TAG_VAR:
	case TAG_FIGCAPTION: case TAG_CAPTION:
		return STYLE_EMPH;
	case TAG_CODE: case TAG_KBD: case TAG_SAMP: case TAG_TT:
		return STYLE_CODE;
	case TAG_S: case TAG_STRIKE: case TAG_DEL:
		return STYLE_STRIKE;
	}
	return 0;
}

static void
html_span_push(struct html_r *r, int style, int data, const char *mark)
{
	struct html_span	*sp;

	if (r->nspans >= HTML_SPANS) {
		r->nspans++;
		return;
	}
	if (mark != NULL)
		html_put(r, mark, 1);
	else if (style != 0 && r->open)
		html_flush_ws(r, 0);
	sp = &r->spans[r->nspans++];
	sp->start = r->out->text.len;
	sp->style = style;
	sp->data = data;
	sp->mark = r->out->text.len;
}

/* Ends a span; returns 1 if it holds text. */
static int
html_span_pop(struct html_r *r, const char *mark)
{
	struct html_span	*sp;
	int			 any;

	if (r->nspans == 0)
		return 0;
	if (--r->nspans >= HTML_SPANS)
		return 0;
	sp = &r->spans[r->nspans];
	any = r->open && r->out->text.len > sp->start;
	if (any && sp->style != 0)
		rdoc_add_span(r->out, r->start, sp->start, r->out->text.len,
		    sp->style, sp->data);
	if (mark != NULL && r->open) {
		if (r->out->text.len == sp->mark && sp->mark >= r->start +
		    strlen(mark) && memcmp(r->out->text.s + sp->mark -
		    strlen(mark), mark, strlen(mark)) == 0) {
			r->out->text.len -= strlen(mark);	/* `` alone */
			if (r->out->nspans > r->firstspan &&
			    r->out->spans[r->out->nspans - 1].style ==
			    STYLE_MARK && r->out->spans[r->out->nspans - 1].start
			    == r->out->text.len - r->start)
				r->out->nspans--;	/* and its mark's span */
			if (r->out->text.len == r->start ||
			    (r->type == BLOCK_LIST && r->out->text.len ==
			    r->start + r->hang))
				r->lastc = 0;
		} else if (any)
			html_put(r, mark, 0);
	}
	return any;
}

/*
 * A link as written, as a browser reads it: no white space around it,
 * none of tab and line ends inside, other blanks and controls escaped.
 */
static char *
html_href(const char *href)
{
	struct buf	 b;
	size_t		 n;
	char		 hex[4];

	while (*href != '\0' && (unsigned char)*href <= ' ')
		href++;
	n = strlen(href);
	while (n > 0 && (unsigned char)href[n - 1] <= ' ')
		n--;
	buf_init(&b);
	for (; n > 0; href++, n--) {
		if (*href == '\t' || *href == '\n' || *href == '\r')
			continue;
		if ((unsigned char)*href <= ' ' || *href == 0x7f) {
			snprintf(hex, sizeof hex, "%%%02X", (unsigned char)*href);
			buf_adds(&b, hex);
		} else
			buf_addc(&b, *href);
	}
	return buf_take(&b, NULL);
}

/* The characters of a URL that libxml2 wants escaped, escaped. */
static char *
html_escape_url(const char *h)
{
	struct buf	b;
	char		hex[4];

	buf_init(&b);
	for (; *h != '\0'; h++) {
		if ((unsigned char)*h >= 0x80 || strchr("\"<>\\^`{|}[]", *h)) {
			snprintf(hex, sizeof hex, "%%%02X", (unsigned char)*h);
			buf_adds(&b, hex);
		} else
			buf_addc(&b, *h);
	}
	return buf_take(&b, NULL);
}

char *
html_resolve(const char *href, const char *base)
{
	xmlChar	*u;
	char	*h = html_href(href), *s;

	if (base == NULL || xmlapi_load(&s) != 0) {
		if (base != NULL)
			free(s);	/* no libxml2: the link as written */
		return h;
	}
	if ((u = xmlBuildURI(BAD_CAST h, BAD_CAST base)) == NULL) {
		s = html_escape_url(h);		/* as browsers send it */
		u = xmlBuildURI(BAD_CAST s, BAD_CAST base);
		free(s);
	}
	if (u == NULL)
		return h;
	s = xstrdup((const char *)u);
	xmlFree(u);
	free(h);
	return s;
}

/* The URL of a link, absolute; NULL for ones folio cannot follow. */
static char *
html_url(const struct html_r *r, const char *href)
{
	char	*h = html_href(href);
	int	 none = *h == '\0' || *h == '#' ||
		    strncasecmp(h, "javascript:", 11) == 0;

	free(h);
	return none ? NULL : html_resolve(href, r->base);
}

static void
html_link_enter(struct html_r *r, xmlNodePtr n)
{
	const char	*href = dom_attr(n, "href");
	char		*url = href != NULL ? html_url(r, href) : NULL;
	size_t		 num = 0;

	if (url != NULL)
		num = rdoc_add_link(r->out, url, strlen(url));
	free(url);
	html_span_push(r, num > 0 ? STYLE_LINK : 0, (int)num, NULL);
}

static void
html_link_leave(struct html_r *r)
{
	struct html_span	*sp = r->nspans > 0 && r->nspans <= HTML_SPANS ?
	    &r->spans[r->nspans - 1] : NULL;
	size_t			 num = sp != NULL ? (size_t)sp->data : 0;
	char			 mark[32];
	int			 any = html_span_pop(r, NULL);

	if (num == 0)
		return;
	if (any && !r->plain_links) {
		snprintf(mark, sizeof mark, "[%zu]", num);
		html_put(r, mark, 0);
	} else if (any)
		return;
	else if (num == r->out->nlinks) {	/* no text: not a link */
		struct buf *l = &r->out->links;

		l->len--;
		while (l->len > 0 && l->s[l->len - 1] != '\n')
			l->len--;
		l->s[l->len] = '\0';
		r->out->nlinks--;
	}
}

/* Is the image in a figure with a caption (which says it better)? */
static int
html_captioned(xmlNodePtr img)
{
	xmlNodePtr	f, n;
	int		depth;

	for (f = img->parent, depth = 0; f != NULL && depth < 4 &&
	    dom_tag(f) != TAG_FIGURE; f = f->parent, depth++)
		;
	if (f == NULL || dom_tag(f) != TAG_FIGURE)
		return 0;
	for (n = f->children; n != NULL; n = dom_next(n, f, 0))
		if (dom_tag(n) == TAG_FIGCAPTION && !dom_is_blank(n) &&
		    n->children != NULL)
			return 1;
	return 0;
}

/*
 * Takes markup out of an alt text, in place: some sites escape HTML into
 * it (alt="&lt;span style=...&gt;Nintendo/Apple&lt;/span&gt;"), which a
 * reader shows as the words alone.
 */
static void
html_strip_tags(char *s)
{
	char	*w = s, *e;

	while (*s != '\0') {
		if (*s == '<' && (isalpha((unsigned char)s[1]) || s[1] == '/' ||
		    s[1] == '!') && (e = strchr(s, '>')) != NULL) {
			s = e + 1;
			*w++ = ' ';
		} else
			*w++ = *s++;
	}
	*w = '\0';
}

static void
html_image(struct html_r *r, xmlNodePtr n)
{
	const char	*alt = dom_attr(n, "alt");
	char		*clean;
	size_t		 from, k, w;

	if (alt == NULL || html_captioned(n))
		return;
	clean = sanitize_dup(alt, strlen(alt));
	html_strip_tags(clean);
	for (k = 0, w = 0; clean[k] != '\0'; k++) {	/* blanks: one space */
		if (html_is_ws((unsigned char)clean[k])) {
			if (w > 0 && clean[w - 1] != ' ')
				clean[w++] = ' ';
		} else
			clean[w++] = clean[k];
	}
	while (w > 0 && clean[w - 1] == ' ')
		w--;
	clean[w] = '\0';
	if (strncmp(clean, "{\\displaystyle ", 15) == 0 && w > 16 &&
	    clean[w - 1] == '}') {	/* a formula's TeX: shown as it is */
		clean[w - 1] = '\0';
		html_put(r, "", 1);
		from = r->out->text.len;
		buf_adds(&r->out->text, clean + 15);
		rdoc_add_span(r->out, r->start, from, r->out->text.len,
		    STYLE_CODE, 0);
		r->lastc = 'x';
	} else if (clean[strspn(clean, " ")] != '\0' &&
	    !rdoc_alt_is_file_name(clean)) {
		if (r->brs > 0)
			html_do_brs(r, "", 0);
		html_put(r, "[image: ", 1);
		from = r->out->text.len;
		buf_adds(&r->out->text, clean + strspn(clean, " "));
		rdoc_add_span(r->out, r->start, from, r->out->text.len,
		    STYLE_EMPH, 0);
		html_put(r, "]", 0);
	}
	free(clean);
}

static void
html_list_enter(struct html_r *r, xmlNodePtr n, int ordered)
{
	const char	*start = dom_attr(n, "start");

	html_break(r);
	if (r->lists < HTML_LISTS)
		r->number[r->lists] = ordered ? (start != NULL &&
		    atoi(start) > 0 ? (unsigned)atoi(start) : 1) : 0;
	if (r->lists == 0)
		r->list_start = 1;
	r->lists++;
}

static void
html_item_enter(struct html_r *r)
{
	int	k = r->lists > 0 ? r->lists - 1 : 0;

	html_break(r);
	if (k >= HTML_LISTS)
		k = HTML_LISTS - 1;
	if (r->lists > 0 && r->number[k] > 0)
		snprintf(r->marker, sizeof r->marker, "%u. ", r->number[k]++);
	else
		snprintf(r->marker, sizeof r->marker, "- ");
	r->item_hang[k] = (unsigned)strlen(r->marker);
	r->item_leaves = 0;
}

static void
html_rule(struct html_r *r)
{
	struct rdoc_block	*b;

	html_break(r);
	b = rdoc_push_block(r->out);
	b->b.type = BLOCK_RULE;
	b->b.off = r->last_off;
	b->b.flags = BLOCK_SPACE;
	b->text = r->out->text.len;
}

/* --- Tables -------------------------------------------------------------- */

/* Rows and columns, counting colspan (Readability's measure). */
static void
html_table_size(xmlNodePtr table, size_t *rows, size_t *cols)
{
	xmlNodePtr	n, c;
	size_t		k;

	*rows = *cols = 0;
	for (n = table->children; n != NULL; n = dom_next(n, table, 0)) {
		if (dom_tag(n) == TAG_TABLE)	/* a nested table's rows */
			n = dom_next(n, table, 1);
		if (n == NULL)
			break;
		if (dom_tag(n) != TAG_TR)
			continue;
		(*rows)++;
		k = 0;
		for (c = dom_first_elem(n); c != NULL; c = dom_next_elem(c))
			if (dom_tag(c) == TAG_TD || dom_tag(c) == TAG_TH) {
				const char *span = dom_attr(c, "colspan");
				int s = span != NULL ? atoi(span) : 1;

				k += s > 0 && s < 100 ? (size_t)s : 1;
			}
		if (k > *cols)
			*cols = k;
	}
}

/* Is this a table of data (shown in columns), not one for layout? */
static int
html_data_table(struct html_r *r, xmlNodePtr t)
{
	struct dom_info	*f = dom_info(r->dom, t);
	const char	*a;
	xmlNodePtr	 n;
	size_t		 rows, cols;

	if (f != NULL && f->datatable)
		return 1;
	if ((a = dom_attr(t, "role")) != NULL && strcmp(a, "presentation") == 0)
		return 0;
	if ((a = dom_attr(t, "datatable")) != NULL && strcmp(a, "0") == 0)
		return 0;
	if (dom_attr(t, "summary") != NULL)
		return 1;
	for (n = t->children; n != NULL; n = dom_next(n, t, 0)) {
		int tag = dom_tag(n);

		if (tag == TAG_TABLE)
			return 0;	/* nested: layout */
		if (tag == TAG_CAPTION || tag == TAG_COL || tag == TAG_COLGROUP ||
		    tag == TAG_TFOOT || tag == TAG_THEAD || tag == TAG_TH)
			return 1;
	}
	html_table_size(t, &rows, &cols);
	if (rows <= 1 || cols <= 1)
		return 0;
	return rows >= 10 || cols > 4 || rows * cols > 10;
}

struct html_cells {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static void
html_cell_add(struct html_cells *c, char *s)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = s;
}

/* A cell's text on one line, sanitised. */
static char *
html_cell_text(xmlNodePtr cell)
{
	char	*raw = dom_text(cell, 4096), *s;

	s = sanitize_dup(raw, strlen(raw));
	free(raw);
	return s;
}

/* Where a table's text came from: the first and last of its pieces. */
static void
html_table_source(struct html_r *r, xmlNodePtr t, uint64_t *lo, uint64_t *hi)
{
	xmlNodePtr	n;
	size_t		idx;

	*lo = (uint64_t)-1;
	*hi = 0;
	for (n = t->children; n != NULL; n = dom_next(n, t, 0)) {
		if (n->type != XML_TEXT_NODE ||
		    (idx = (size_t)(uintptr_t)n->_private) == 0 ||
		    idx > r->dom->npieces)
			continue;
		if (r->dom->pieces[idx - 1].src < *lo)
			*lo = r->dom->pieces[idx - 1].src;
		for (; idx <= r->dom->npieces && r->dom->pieces[idx - 1].node ==
		    n; idx++)
			if (r->dom->pieces[idx - 1].end > *hi)
				*hi = r->dom->pieces[idx - 1].end;
	}
}

/* A data table: its cells in columns, as one preformatted block. */
static void
html_table(struct html_r *r, xmlNodePtr t)
{
	struct html_cells	 cells = { NULL, 0, 0 };
	xmlNodePtr		 n, c;
	size_t			 rows = 0, cols, k, head = 0, i;
	struct rdoc_block	*b;
	uint64_t		 lo, hi;
	int			 all_th;

	html_table_size(t, &rows, &cols);
	if (cols == 0 || cols > 64) {
		html_break(r);
		return;
	}
	rows = 0;
	for (n = t->children; n != NULL; n = dom_next(n, t, 0)) {
		if (dom_tag(n) == TAG_CAPTION || dom_tag(n) == TAG_TABLE) {
			n = dom_next(n, t, 1);
			if (n == NULL)
				break;
		}
		if (dom_tag(n) != TAG_TR)
			continue;
		k = 0;
		all_th = 1;
		for (c = dom_first_elem(n); c != NULL && k < cols;
		    c = dom_next_elem(c)) {
			const char *span = dom_attr(c, "colspan");
			int s = span != NULL ? atoi(span) : 1;

			if (dom_tag(c) != TAG_TD && dom_tag(c) != TAG_TH)
				continue;
			all_th &= dom_tag(c) == TAG_TH ||
			    dom_tag(n->parent) == TAG_THEAD;
			html_cell_add(&cells, html_cell_text(c));
			for (k++; s > 1 && k < cols; s--, k++)
				html_cell_add(&cells, xstrdup(""));
		}
		for (; k < cols; k++)
			html_cell_add(&cells, xstrdup(""));
		if (all_th && head == rows)
			head++;
		rows++;
	}
	html_break(r);
	html_table_source(r, t, &lo, &hi);
	if (rows > 0) {
		html_leaf_open(r, BLOCK_PRE, 0, 0);
		rdoc_table(&r->out->text, cells.v, rows, cols, head, NULL,
		    HTML_TABLE_MAXW);
		r->lastc = 'x';
		html_leaf_close(r);
		b = &r->out->v[r->out->n - 1];
		if (b->nruns == 0 && lo != (uint64_t)-1 && lo >= b->b.off) {
			b->b.off = lo;
			b->b.len = (uint32_t)(hi - lo);
			r->last_off = lo;
		}
	}
	for (i = 0; i < cells.n; i++)
		free(cells.v[i]);
	free(cells.v);
}

/* --- The walk ------------------------------------------------------------ */

/* Entering an element; returns 0 to skip what it holds. */
/* Is this heading the page's title again (shown once, at the top)? */
static int
html_repeats_title(struct html_r *r, xmlNodePtr n)
{
	char	*h = dom_text(n, 4096);
	int	 same = extract_similarity(r->title, h) > 0.75;

	free(h);
	if (same)
		r->title = NULL;	/* only the first */
	return same;
}

/* The tag to render an element as: a heading made a div stays one. */
static int
html_tag(struct html_r *r, xmlNodePtr n)
{
	struct dom_info	*f = dom_info(r->dom, n);
	int		 t = dom_tag(n);

	if (t == TAG_DIV && f != NULL && dom_is_heading(f->orig))
		return f->orig;
	return t;
}

static int
html_enter(struct html_r *r, xmlNodePtr n)
{
	int	t = html_tag(r, n), style;

	if (html_skipped(t) || dom_hidden(n))
		return 0;
	if (t == TAG_IMG) {
		html_image(r, n);
		return 0;
	}
	if (t == TAG_BR) {
		if (r->pre > 0)
			html_pre_text(r, "\n", 1, r->last_off, r->last_off, 0);
		else if (r->heading && r->ws == 0) {	/* a space, from nothing */
			r->ws = 1;
			r->ws_lo = r->ws_hi = r->run ? r->run_s + r->run_slen :
			    r->hi;
			r->ws_exact = 0;
		}
		else if (r->open && !html_leaf_empty(r))
			r->brs++;
		return 0;
	}
	if (t == TAG_HR) {
		html_rule(r);
		return 0;
	}
	if (t == TAG_TABLE && html_data_table(r, n)) {
		html_table(r, n);
		return 0;
	}
	if (r->title != NULL && (t == TAG_H1 || t == TAG_H2) &&
	    html_repeats_title(r, n))
		return 0;
	if (dom_is_heading(t)) {
		html_break(r);
		if (r->pre == 0) {
			html_leaf_open(r, BLOCK_HEADING, t - TAG_H1 + 1, 0);
			r->heading++;
		}
		return 1;
	}
	switch (t) {
	case TAG_PRE: case TAG_LISTING: case TAG_XMP: case TAG_PLAINTEXT:
		html_break(r);
		if (r->pre++ == 0) {
			html_leaf_open(r, BLOCK_PRE, 0, 0);
			r->pre_fresh = 1;
		}
		return 1;
	case TAG_BLOCKQUOTE:
		html_break(r);
		r->quote++;
		return 1;
	case TAG_UL: case TAG_MENU: case TAG_DIR:
		html_list_enter(r, n, 0);
		return 1;
	case TAG_OL:
		html_list_enter(r, n, 1);
		return 1;
	case TAG_LI:
		html_item_enter(r);
		return 1;
	case TAG_A:
		html_link_enter(r, n);
		return 1;
	}
	if (dom_is_block(t))
		html_break(r);
	if ((style = html_style_of(t)) != 0)
		html_span_push(r, style, 0, style == STYLE_CODE && r->pre == 0 ?
		    "`" : style == STYLE_STRIKE ? "~~" : NULL);
	return 1;
}

static void
html_leave(struct html_r *r, xmlNodePtr n)
{
	int	t = html_tag(r, n), style;

	if (dom_is_heading(t)) {
		if (r->heading > 0)
			r->heading--;
		html_break(r);
		return;
	}
	switch (t) {
	case TAG_PRE: case TAG_LISTING: case TAG_XMP: case TAG_PLAINTEXT:
		if (r->pre > 0 && --r->pre == 0)
			html_leaf_close(r);
		return;
	case TAG_BLOCKQUOTE:
		html_break(r);
		if (r->quote > 0)
			r->quote--;
		return;
	case TAG_UL: case TAG_MENU: case TAG_DIR: case TAG_OL:
		html_break(r);
		if (r->lists > 0)
			r->lists--;
		return;
	case TAG_A:
		html_link_leave(r);
		return;
	}
	if ((style = html_style_of(t)) != 0)
		html_span_pop(r, style == STYLE_CODE && r->pre == 0 ? "`" :
		    style == STYLE_STRIKE ? "~~" : NULL);
	if (dom_is_block(t))
		html_break(r);
}

/* Renders what root holds, in document order, with no recursion. */
static void
html_walk(struct html_r *r, xmlNodePtr root)
{
	xmlNodePtr	n = root->children;

	while (n != NULL) {
		int	down = 0;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			html_text(r, n);
		else if (n->type == XML_ELEMENT_NODE)
			down = html_enter(r, n);
		if (down && n->children != NULL) {
			n = n->children;
			continue;
		}
		if (down)
			html_leave(r, n);
		while (n != root && n->next == NULL) {
			n = n->parent;
			if (n != root)
				html_leave(r, n);
		}
		n = n == root ? NULL : n->next;
	}
	html_leaf_close(r);
}

/* A block of folio's own text at the top: the title, the byline line. */
static void
html_own_block(struct html_r *r, int type, const char *s, int style)
{
	size_t	from;

	if (s == NULL || *s == '\0')
		return;
	html_leaf_open(r, type, 0, 0);
	from = r->out->text.len;
	html_flow(r, s, strlen(s), 0, 0, 0);
	r->run = 0;	/* none of it is in the source */
	r->out->nruns = r->firstrun;
	if (style != 0 && r->out->text.len > from)
		rdoc_add_span(r->out, r->start, from, r->out->text.len, style, 0);
	html_leaf_close(r);
}

/* Title, then "byline · site · date" in italics. */
static void
html_header(struct html_r *r, const struct extract_meta *m)
{
	struct buf	b;

	html_own_block(r, BLOCK_HEADING, m->title, 0);
	buf_init(&b);
	if (m->byline != NULL)
		buf_adds(&b, m->byline);
	if (m->site != NULL && (m->byline == NULL ||
	    strstr(m->byline, m->site) == NULL)) {
		if (b.len > 0)
			buf_adds(&b, " \xC2\xB7 ");
		buf_adds(&b, m->site);
	}
	if (m->date != NULL) {
		if (b.len > 0)
			buf_adds(&b, " \xC2\xB7 ");
		buf_adds(&b, m->date);
	}
	if (b.len > 0)
		html_own_block(r, BLOCK_PARA, b.s, STYLE_EMPH);
	buf_free(&b);
}

/* --- The page ------------------------------------------------------------ */

static xmlNodePtr
html_body(struct dom *d)
{
	xmlNodePtr	root = xmlDocGetRootElement(d->doc), n;

	for (n = root != NULL ? root->children : NULL; n != NULL; n = n->next)
		if (dom_tag(n) == TAG_BODY)
			return n;
	return root;
}

/* The page's base for links: <base href>, resolved against its address. */
static char *
html_base(struct dom *d, const char *addr)
{
	xmlNodePtr	 root = xmlDocGetRootElement(d->doc), n;
	const char	*href;
	xmlChar		*u;
	char		*s;

	for (n = root; n != NULL; n = dom_next(n, root, 0)) {
		if (dom_tag(n) == TAG_BODY)
			break;
		if (dom_tag(n) != TAG_BASE || (href = dom_attr(n, "href")) ==
		    NULL || *href == '\0')
			continue;
		if (addr == NULL)
			return xstrdup(href);
		if ((u = xmlBuildURI(BAD_CAST href, BAD_CAST addr)) == NULL)
			break;
		s = xstrdup((const char *)u);
		xmlFree(u);
		return s;
	}
	return addr != NULL ? xstrdup(addr) : NULL;
}

static void
html_render_tree(struct dom *d, xmlNodePtr root, const char *base,
    const struct html_opts *o, const struct extract_meta *m, int whole,
    struct rdoc *out)
{
	struct html_r	r;

	memset(&r, 0, sizeof r);
	r.out = out;
	r.dom = d;
	r.base = base;
	r.plain_links = o != NULL && o->plain_links;
	r.title = whole && m != NULL ? m->title : NULL;
	if (m != NULL)
		html_header(&r, m);
	if (root != NULL)
		html_walk(&r, root);
}

/*
 * The header's blocks (folio's text, from no source) take the offset of
 * the first block that has one, so the blocks span the article's source.
 */
static void
html_header_offsets(struct rdoc *out)
{
	size_t	i, k;

	for (i = 0; i < out->n && out->v[i].nruns == 0; i++)
		;
	if (i == out->n)
		return;
	for (k = 0; k < i; k++)
		if (out->v[k].b.off < out->v[i].b.off) {
			out->v[k].b.off = out->v[i].b.off;
			out->v[k].b.len = 0;
		}
}

static void
html_percent(struct html_info *info, int len, int total)
{
	info->article = 1;
	info->percent = total > 0 ? (int)((long long)len * 100 / total) : 100;
	if (info->percent > 100)
		info->percent = 100;
}

/* The header, then JSON-LD's articleBody, a paragraph a line. */
static void
html_render_body(const struct extract_meta *m, struct rdoc *out)
{
	struct html_r	 r;
	const char	*p = m->body, *nl;

	memset(&r, 0, sizeof r);
	r.out = out;
	html_header(&r, m);
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		html_leaf_open(&r, BLOCK_PARA, 0, 0);
		html_flow(&r, p, (size_t)(nl - p), r.last_off, r.last_off, 0);
		r.run = 0;	/* from inside a script: no runs of its own */
		out->nruns = r.firstrun;
		html_leaf_close(&r);
		p = *nl != '\0' ? nl + 1 : nl;
	}
}

/*
 * Finds the article in page (taken over), with Readability's ladder: if
 * it is short, the page is parsed again (extraction changes the tree)
 * and tried with one filter less, and the longest try wins.  Returns the
 * article's container in *d, or NULL.
 */
static xmlNodePtr
html_extract(const char *s, size_t n, struct dom *page, struct dom *d,
    struct extract_meta *m, int *len)
{
	struct dom	 try = *page;
	xmlNodePtr	 best = NULL, art;
	int		 flags = EXTRACT_ALL, blen = -1, alen;

	for (;;) {
		art = extract_article(&try, m, flags, &alen);
		if (art != NULL && alen > blen) {
			if (best != NULL)
				dom_free(d);
			*d = try;
			best = art;
			blen = alen;
		} else
			dom_free(&try);
		if (blen >= EXTRACT_ENOUGH || flags == 0)
			break;
		flags &= flags - 1;	/* drop the first filter left */
		if (html_parse(s, n, &try) != 0)
			break;
	}
	*len = blen;
	return best;
}

int
html_render(const char *s, size_t n, const struct html_opts *o,
    struct rdoc *out, struct html_info *info)
{
	struct dom		 d, page;
	struct extract_meta	 m;
	xmlNodePtr		 art = NULL;
	char			*base;
	int			 total, len = 0, reader, body;

	memset(out, 0, sizeof *out);
	memset(info, 0, sizeof *info);
	buf_init(&out->text);
	buf_init(&out->links);
	buf_init(&out->defs);
	if (html_parse(s, n, &page) != 0)
		return -1;
	extract_meta(&page, &m);
	total = dom_sum(&page, html_body(&page))->len;
	base = html_base(&page, o != NULL ? o->base : NULL);
	reader = o != NULL ? o->reader : HTML_READER_AUTO;
	if (reader == HTML_READER_ON || (reader == HTML_READER_AUTO &&
	    extract_readerable(&page))) {
		art = html_extract(s, n, &page, &d, &m, &len);
		if (art == NULL && html_parse(s, n, &page) != 0) {
			free(base);
			extract_meta_free(&m);
			return -1;
		}
	}
	body = m.body != NULL && reader != HTML_READER_OFF ?
	    width_str(m.body, strlen(m.body), 1) : 0;
	if (body >= EXTRACT_ENOUGH && (art == NULL || len * 2 < body)) {
		/* what the page says its article is, in JSON-LD */
		if (art != NULL)
			dom_free(&d);
		else
			dom_free(&page);
		html_percent(info, body, total);
		html_render_body(&m, out);
	} else if (art != NULL) {
		html_percent(info, len, total);
		html_render_tree(&d, art, base, o, &m, 0, out);
		dom_free(&d);
	} else {
		html_render_tree(&page, html_body(&page), base, o, &m,
		    1, out);
		dom_free(&page);
	}
	if (m.title != NULL)
		out->title = sanitize_dup(m.title, strlen(m.title));
	html_header_offsets(out);
	free(base);
	extract_meta_free(&m);
	return 0;
}

/* --- Detection ----------------------------------------------------------- */

int
html_name(const char *path)
{
	size_t		 n = path != NULL ? strlen(path) : 0;
	const char	*dot = n > 0 ? strrchr(path, '.') : NULL;

	return dot != NULL && strchr(dot, '/') == NULL &&
	    (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
	    strcasecmp(dot, ".xhtml") == 0 || strcasecmp(dot, ".shtml") == 0);
}

/* Does s (n bytes) hold a tag that only HTML pages open with? */
static int
html_has(const char *s, size_t n, const char *tag)
{
	size_t	k = strlen(tag), i;

	for (i = 0; i + k <= n; i++)
		if (s[i] == '<' && strncasecmp(s + i, tag, k) == 0)
			return 1;
	return 0;
}

/* Does s (n bytes) start with tag, in any case? */
static int
html_starts(const char *s, size_t n, const char *tag)
{
	size_t	k = strlen(tag);

	return n >= k && strncasecmp(s, tag, k) == 0;
}

int
html_sniff(const char *s, size_t n)
{
	size_t	i = 0;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && html_is_ws((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != '<')
		return 0;
	s += i;
	n -= i;
	if (n > 4096)
		n = 4096;
	if (html_has(s, n, "<!doctype html") || html_has(s, n, "<html") ||
	    html_has(s, n, "<head") || html_has(s, n, "<body") ||
	    (html_has(s, n, "<meta") && html_has(s, n, "<title")))
		return 2;
	/* a fragment: an element to start with, and closed elements */
	return (html_starts(s, n, "<p>") || html_starts(s, n, "<p ") ||
	    html_starts(s, n, "<div") || html_starts(s, n, "<article") ||
	    html_starts(s, n, "<sec") || html_starts(s, n, "<h") ||
	    html_starts(s, n, "<ul") || html_starts(s, n, "<table")) &&
	    (html_has(s, n, "</p>") || html_has(s, n, "</div>") ||
	    html_has(s, n, "</li>") || html_has(s, n, "</h")) ? 1 : 0;
}
