/*
 * text.c: block text and its cluster table.
 *
 * Grapheme clusters come from utf8proc's stateful breaker (conformant with
 * UAX #29), with a fast path for pairs of simple characters (ASCII, Latin-1,
 * CJK ideographs and punctuation) where a break is certain.  Break
 * opportunities come from libunistring's UAX #14 implementation (its
 * decisions for pairs of common characters kept in tables: see
 * text_fast_breaks), which
 * already keeps ，。」 off the start of a line and （「 off its end; on top
 * of it folio prohibits a break before · ～ － ／ and after ／ (clreq
 * "basic"), and marks the clusters the emergency breaker must respect.
 */
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <utf8proc.h>

#include "text.h"
#include "textfast.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

struct text *
text_new(char *s, size_t len)
{
	struct text	*t = xcalloc(1, sizeof *t);

	t->s = s;
	t->len = len;
	return t;
}

static void
text_free_clusters(struct clusters *cl)
{
	if (cl == NULL)
		return;
	free(cl->off);
	free(cl->width);
	free(cl->flags);
	free(cl);
}

/*
 * The spans flattened: where the style shown changes, and to what.  Built
 * by a sweep over the spans' starts and ends with a count per style.
 */
struct text_styles {
	uint32_t	*at;		/* sorted: the style from at[i] on */
	uint8_t		*style;
	size_t		 n;
};

static void
text_free_styles(struct text *t)
{
	if (t->styles == NULL)
		return;
	free(t->styles->at);
	free(t->styles->style);
	free(t->styles);
	t->styles = NULL;
}

void
text_free(struct text *t)
{
	if (t == NULL)
		return;
	text_free_styles(t);
	text_free_clusters(t->cl);
	free(t->runs);
	free(t->spans);
	free(t->s);
	free(t);
}

void
text_add_span(struct text *t, uint32_t start, uint32_t end, int style,
    int data)
{
	size_t	i;

	t->spans = xgrow_one(t->spans, t->nspans, sizeof *t->spans);
	for (i = t->nspans; i > 0 && t->spans[i - 1].start > start; i--)
		t->spans[i] = t->spans[i - 1];
	t->spans[i].start = start;
	t->spans[i].end = end;
	t->spans[i].style = style;
	t->spans[i].data = data;
	t->nspans++;
	text_free_styles(t);
	if (style == STYLE_HIDDEN) {	/* hidden text changes the clusters */
		text_free_clusters(t->cl);
		t->cl = NULL;
	}
}

void
text_clear_style(struct text *t, int style)
{
	size_t	i, j = 0;

	for (i = 0; i < t->nspans; i++)
		if (t->spans[i].style != style)
			t->spans[j++] = t->spans[i];
	t->nspans = j;
	text_free_styles(t);
}

/* Characters that must not start a line, beyond what UAX #14 handles. */
static const char text_nostart_set[] =
    "，。、；：？！）」』》〉】〕〗〙〛〞’”…‥・ー々〻〜ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    "．｡､，：；！？）］｝｠·～－／";
/* Characters that must not end a line. */
static const char text_noend_set[] = "（「『《〈【〔〖〘〚〝‘“［｛｟";

struct text_set {
	uint32_t	c[128];
	size_t		n;
};

static int
text_cmp_cp(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Decodes a UTF-8 set into a sorted array, once. */
static const struct text_set *
text_set(struct text_set *set, const char *utf8)
{
	const uint8_t	*p = (const uint8_t *)utf8, *end = p + strlen(utf8);
	ucs4_t		 c;

	if (set->n > 0)
		return set;
	while (p < end && set->n < 128) {
		p += u8_mbtouc(&c, p, end - p);
		set->c[set->n++] = c;
	}
	qsort(set->c, set->n, sizeof *set->c, text_cmp_cp);
	return set;
}

static int
text_in_set(const struct text_set *set, uint32_t c)
{
	return bsearch(&c, set->c, set->n, sizeof *set->c, text_cmp_cp) != NULL;
}

static int
text_nostart(uint32_t c)
{
	static struct text_set	set;

	if (c < 0x80)
		return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' ||
		    c == '?' || c == ')' || c == ']' || c == '}' || c == '%';
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 0;
	return text_in_set(text_set(&set, text_nostart_set), c);
}

static int
text_noend(uint32_t c)
{
	static struct text_set	set;

	if (c < 0x80)
		return c == '(' || c == '[' || c == '{';
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 0;
	return text_in_set(text_set(&set, text_noend_set), c);
}

/* Two-em dashes and ellipses: ——, ……, ⸺, ⋯⋯ are one unit. */
static int
text_pairs(uint32_t c)
{
	return c == 0x2014 || c == 0x2026 || c == 0x2E3A || c == 0x2E3B ||
	    c == 0x22EF || c == 0x2025;
}

/* After the hyphens that start a word ("--gloss", "-x"): no break. */
static int
text_after_leading_hyphen(const char *s, size_t i)
{
	return i >= 1 && s[i - 1] == '-' &&
	    (i == 1 || s[i - 2] == ' ' || s[i - 2] == '-');
}

static int
text_simple(uint32_t c)
{
	return (c >= 0x20 && c < 0x300) || (c >= 0x3000 && c <= 0x3029) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF01 && c <= 0xFF5E);
}

static int
text_hidden(const struct text *t, size_t off, size_t *span)
{
	while (*span < t->nspans && t->spans[*span].end <= off)
		(*span)++;
	for (size_t i = *span; i < t->nspans && t->spans[i].start <= off; i++) {
		if (t->spans[i].style == STYLE_HIDDEN && t->spans[i].end > off)
			return 1;
	}
	return 0;
}

struct text_builder {
	struct clusters	*cl;
	size_t		 cap;
	uint32_t	 first;		/* first code point of the cluster */
	uint32_t	 prev_first;	/* of the previous cluster */
};

static void
text_cluster_start(struct text_builder *b, uint32_t off, uint32_t c,
    int w, int flags)
{
	struct clusters	*cl = b->cl;

	if (cl->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		cl->off = xreallocarray(cl->off, b->cap + 1, sizeof *cl->off);
		cl->width = xreallocarray(cl->width, b->cap, 1);
		cl->flags = xreallocarray(cl->flags, b->cap, 1);
	}
	cl->off[cl->n] = off;
	cl->width[cl->n] = w;
	cl->flags[cl->n] = flags;
	cl->n++;
	b->prev_first = b->first;
	b->first = c;
}

/* No break between prev and c: · ～ － ／ join their neighbours (1·2, a／b). */
static int
text_joins(uint32_t c, uint32_t prev)
{
	return c == 0xB7 || c == 0xFF5E || c == 0xFF0D || c == 0xFF0F ||
	    prev == 0xFF0F;
}

/* The flags a cluster starting with c gets from its own character. */
static int
text_char_flags(uint32_t c, uint32_t prev, char brk)
{
	int	f = 0;

	if (brk == UC_BREAK_POSSIBLE && !text_joins(c, prev))
		f |= CL_BREAK;
	if (c == ' ')
		f |= CL_SPACE;
	if (text_nostart(c) || (text_pairs(c) && prev == c))
		f |= CL_NOSTART;
	if (text_noend(c))
		f |= CL_NOEND;
	return f;
}

/*
 * A fast path for line breaks in the common text: printable ASCII, CJK
 * ideographs, Latin-1, general punctuation (‐ – — ‘ ’ “ ” …), CJK
 * punctuation (、。「」《》) and the full-width forms (，！？（）ＡＢ１).  For these characters libunistring's UAX #14
 * decisions depend only on the character before (past any ASCII spaces)
 * and the one after, and on whether spaces came between: so each pair's
 * decisions (direct: "ab", after spaces: "a b") are asked of libunistring
 * itself the first time the pair is met, and kept in two tables.  A text
 * holding anything else, or starting with a space, goes to the library
 * whole.  test_text and test_conformance check that the two paths agree.
 */
_Atomic char	text_fast_direct[TEXT_FAST_N][TEXT_FAST_N];
_Atomic char	text_fast_spaced[TEXT_FAST_N][TEXT_FAST_N];
uint8_t	text_fast_info[TEXT_FAST_N];

#define A1(c)	[c] = 1
#define A10(c)	A1(c), A1(c + 1), A1(c + 2), A1(c + 3), A1(c + 4), A1(c + 5), \
		A1(c + 6), A1(c + 7), A1(c + 8), A1(c + 9)
const uint8_t text_fast_alnum[256] = {
	A10('0'), A10('A'), A10('A' + 10), A1('U'), A1('V'), A1('W'), A1('X'),
	A1('Y'), A1('Z'), A10('a'), A10('a' + 10), A1('u'), A1('v'), A1('w'),
	A1('x'), A1('y'), A1('z'),
};
#undef A1
#undef A10

/* A character of index k. */
static uint32_t
text_fast_char(int k)
{
	if (k < TEXT_FAST_ID)
		return (uint32_t)k + 0x20;
	if (k == TEXT_FAST_ID)
		return 0x4E00;
	if (k < TEXT_FAST_GEN)
		return (uint32_t)(k - TEXT_FAST_LATIN) + 0xA0;
	if (k < TEXT_FAST_CJK)
		return (uint32_t)(k - TEXT_FAST_GEN) + 0x2010;
	if (k < TEXT_FAST_FULL)
		return (uint32_t)(k - TEXT_FAST_CJK) + 0x3000;
	return (uint32_t)(k - TEXT_FAST_FULL) + 0xFF01;
}

/* Asks libunistring for the decisions between a and b, once. */
void
text_fast_ask(int a, int b)
{
	uint8_t	s[16];
	char	brk[16];
	int	na, nb;

	na = u8_uctomb(s, text_fast_char(a), 4);
	nb = u8_uctomb(s + na, text_fast_char(b), 4);
	u8_possible_linebreaks(s, (size_t)(na + nb), "UTF-8", brk);
	atomic_store_explicit(&text_fast_direct[a][b], (char)(brk[na] + 1),
	    memory_order_relaxed);
	s[na] = ' ';
	nb = u8_uctomb(s + na + 1, text_fast_char(b), 4);
	u8_possible_linebreaks(s, (size_t)(na + 1 + nb), "UTF-8", brk);
	atomic_store_explicit(&text_fast_spaced[a][b], (char)(brk[na + 1] + 1),
	    memory_order_relaxed);
}

/*
 * Break opportunities by the tables; 0, or -1 (brk untouched past what
 * was written) if the text holds a character the tables do not have.
 */
static int
text_fast_breaks(const uint8_t *s, size_t n, char *brk)
{
	size_t		i = 0, k;
	uint32_t	c;
	int		len, cls, last = -1, spaced = 0;

	if (n == 0 || s[0] == ' ')
		return -1;
	while (i < n) {
		if (s[i] < 0x80) {
			c = s[i];
			len = 1;
		} else
			len = utf8_decode(s + i, n - i, &c);
		if (c == ' ') {
			brk[i++] = UC_BREAK_PROHIBITED;
			spaced = 1;
			continue;
		}
		if ((cls = text_fast_class(c)) < 0)
			return -1;
		if (last < 0)
			brk[i] = UC_BREAK_PROHIBITED;
		else {
			brk[i] = text_fast_pair(last, cls, spaced);
		}
		for (k = 1; k < (size_t)len; k++)
			brk[i + k] = UC_BREAK_PROHIBITED;
		last = cls;
		spaced = 0;
		i += (size_t)len;
	}
	return 0;
}

void
text_line_breaks(const char *s, size_t n, char *brk)
{
	if (text_fast_breaks((const uint8_t *)s, n, brk) != 0)
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
}

void
text_line_breaks_lib(const char *s, size_t n, char *brk)
{
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
}

static void
text_breaks(const struct text *t, int preformatted, char **brk)
{
	*brk = NULL;
	if (preformatted || t->len == 0)
		return;
	*brk = xmalloc(t->len);
	text_line_breaks(t->s, t->len, *brk);
}

/* A text's cluster arrays, room for one cluster per byte. */
static struct clusters *
text_clusters_alloc(const struct text *t, int ambiguous, size_t *cap)
{
	struct clusters	*cl = xcalloc(1, sizeof *cl);

	cl->ambiguous = ambiguous;
	*cap = t->len < 64 ? 64 : t->len;	/* at most one per byte */
	cl->off = xreallocarray(NULL, *cap + 1, sizeof *cl->off);
	cl->width = xmalloc(*cap);
	cl->flags = xmalloc(*cap);
	return cl;
}

/* The clusters by libunistring and utf8proc, for any text. */
static struct clusters *
text_clusters_lib(const struct text *t, int ambiguous, int preformatted)
{
	struct text_builder	 b;
	const uint8_t		*s = (const uint8_t *)t->s;
	char			*brk;
	size_t			 i = 0, span = 0;
	int32_t			 state = 0;
	uint32_t		 c, prev = 0;
	int			 n, w, f;

	memset(&b, 0, sizeof b);
	b.cl = text_clusters_alloc(t, ambiguous, &b.cap);
	text_breaks(t, preformatted, &brk);
	while (i < t->len) {
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			c = s[i];
			n = 1;
			w = 1;
		} else {
			n = utf8_decode(s + i, t->len - i, &c);
			w = width_cp(c, ambiguous);
		}
		if (c == '\n') {
			text_cluster_start(&b, i, c, 0, CL_NEWLINE);
			state = 0;
		} else if (b.cl->n == 0 || prev == '\n' ||
		    (text_simple(prev) && text_simple(c) && (state = 0, 1)) ||
		    utf8proc_grapheme_break_stateful(prev, c, &state)) {
			f = text_char_flags(c, b.first,
			    brk ? brk[i] : UC_BREAK_PROHIBITED);
			if (text_after_leading_hyphen(t->s, i))
				f &= ~CL_BREAK;
			if ((f & CL_NOSTART) || (b.cl->n > 0 &&
			    (b.cl->flags[b.cl->n - 1] & CL_NOEND)))
				f &= ~CL_BREAK;
			if (text_hidden(t, i, &span))
				f = (f & ~CL_BREAK) | CL_HIDDEN;
			text_cluster_start(&b, i, c, (f & CL_HIDDEN) ? 0 : w, f);
		} else {
			/* a space carrying a mark is seen: never dropped */
			b.cl->flags[b.cl->n - 1] &= ~CL_SPACE;
			if (!(b.cl->flags[b.cl->n - 1] & CL_HIDDEN))
				b.cl->width[b.cl->n - 1] += w;
		}
		prev = c;
		i += n;
	}
	b.cl->off[b.cl->n] = t->len;
	free(brk);
	return b.cl;
}

/*
 * Per character of the fast path (see text_fast_breaks), for ambiguous
 * width 1 and 2: its width, and its own flags (CL_NOSTART, CL_NOEND) with
 * TEXT_FAST_ODD if its flags or the next character's depend on more than
 * the character (text_char_flags is asked then); filled the first time
 * (after the locale is set: widths come from wcwidth).
 */
static uint8_t	text_fast_width[2][TEXT_FAST_N];
static int	text_fast_filled[2];

static void
text_fast_fill(int amb)
{
	uint32_t	c;
	int		k, f;

	for (k = 0; k < TEXT_FAST_N; k++) {
		c = text_fast_char(k);
		text_fast_width[amb][k] = (uint8_t)width_cp(c, amb ? 2 : 1);
		f = text_char_flags(c, 0, UC_BREAK_PROHIBITED) &
		    (CL_NOSTART | CL_NOEND);
		if (text_joins(c, 0) || c == '-' || text_pairs(c))
			f |= TEXT_FAST_ODD;
		text_fast_info[k] = (uint8_t)f;
	}
	text_fast_filled[amb] = 1;
}

void
text_prepare(int ambiguous)
{
	if (!text_fast_filled[ambiguous == 2])
		text_fast_fill(ambiguous == 2);
	text_nostart(0x3002);
	text_noend(0x300C);
}

int
text_fast_begin(struct text_fast *st, const struct text *t, int ambiguous)
{
	size_t	i;

	for (i = 0; i < t->nspans; i++)
		if (t->spans[i].style == STYLE_HIDDEN)
			return -1;
	if (t->len == 0 || t->s[0] == ' ')
		return -1;
	if (!text_fast_filled[ambiguous == 2])
		text_fast_fill(ambiguous == 2);
	memset(st, 0, sizeof *st);
	st->s = (const uint8_t *)t->s;
	st->len = t->len;
	st->width = text_fast_width[ambiguous == 2];
	st->at.last = -1;
	return 0;
}

void
text_fast_at(const struct text_fast *t, size_t i, struct text_fast_at *st)
{
	const uint8_t	*p = t->s + i;
	uint32_t	 c = 0;
	int		 cls;

	*st = t->at;
	if (i == 0)
		return;
	while (p > t->s && p[-1] == ' ')
		p--;
	st->spaced = p < t->s + i;
	st->prev = st->spaced ? ' ' : 0;
	if (p == t->s)
		return;
	p = u8_prev(&c, p, t->s);
	cls = text_fast_class(c);
	st->last = (int16_t)cls;
	st->odd = (text_fast_info[cls] & TEXT_FAST_ODD) != 0;
	if (!st->spaced) {
		st->prev = c;
		st->pf = text_fast_info[cls] & CL_NOEND;
	} else
		st->pf = CL_SPACE;
}

int
text_fast_odd(const struct text_fast *t, uint32_t prev, size_t i, uint32_t c,
    char brk)
{
	int	f = text_char_flags(c, prev, brk);

	if (text_after_leading_hyphen((const char *)t->s, i))
		f &= ~CL_BREAK;
	return f;
}

/*
 * The fast path of text_clusters (textfast.h): its clusters one at a
 * time into the arrays.  NULL if the text holds a character it does not
 * take.
 */
static struct clusters *
text_fast_clusters(const struct text *t, int ambiguous)
{
	struct text_fast	 t0;
	struct text_fast_at	 st;
	struct clusters		*cl;
	size_t			 i, k = 0, cap, n;
	int			 len, w, f;

	if (text_fast_begin(&t0, t, ambiguous) < 0)
		return NULL;
	st = t0.at;
	cl = text_clusters_alloc(t, ambiguous, &cap);
	for (i = 0; i < t->len; i += (size_t)len, k++) {
		if ((len = text_fast_step(&t0, &st, i, &w, &f)) == 0) {
			text_free_clusters(cl);
			return NULL;
		}
		cl->off[k] = (uint32_t)i;
		cl->width[k] = (uint8_t)w;
		cl->flags[k] = (uint8_t)f;
		if (len == 1 && text_fast_alnum[t0.s[i]]) {
			n = text_fast_word(&t0, &st, i + 1);
			for (; n > 0; n--, len++) {
				cl->off[++k] = (uint32_t)(i + (size_t)len);
				cl->width[k] = 1;
				cl->flags[k] = 0;
			}
		}
	}
	cl->n = k;
	cl->off[k] = (uint32_t)t->len;
	return cl;
}

const struct clusters *
text_clusters(struct text *t, int ambiguous, int preformatted)
{
	if (t->cl != NULL && t->cl->ambiguous == ambiguous)
		return t->cl;
	text_free_clusters(t->cl);
	t->cl = preformatted ? NULL : text_fast_clusters(t, ambiguous);
	if (t->cl == NULL)
		t->cl = text_clusters_lib(t, ambiguous, preformatted);
	return t->cl;
}

int
text_clusters_agree(struct text *t, int ambiguous)
{
	struct clusters	*a = text_fast_clusters(t, ambiguous), *b;
	int		 same;

	if (a == NULL)
		return -1;
	b = text_clusters_lib(t, ambiguous, 0);
	same = a->n == b->n &&
	    memcmp(a->off, b->off, (a->n + 1) * sizeof *a->off) == 0 &&
	    memcmp(a->width, b->width, a->n) == 0 &&
	    memcmp(a->flags, b->flags, a->n) == 0;
	text_free_clusters(a);
	text_free_clusters(b);
	return same;
}

char *
text_visible(const struct text *t, size_t *len)
{
	char	*out = xmalloc(t->len + 1);
	size_t	 i, o = 0, from = 0;

	for (i = 0; i < t->nspans; i++) {
		if (t->spans[i].style != STYLE_HIDDEN ||
		    t->spans[i].start < from)
			continue;
		memcpy(out + o, t->s + from, t->spans[i].start - from);
		o += t->spans[i].start - from;
		from = t->spans[i].end;
	}
	memcpy(out + o, t->s + from, t->len - from);
	o += t->len - from;
	out[o] = '\0';
	if (len != NULL)
		*len = o;
	return out;
}

/* --- Runs: between the text and the source --------------------------- */

/* Does the run map byte for byte? */
static int
run_bytewise(const struct text_run *r)
{
	return r->tlen == r->slen;
}

void
runs_add(struct runs *r, size_t text, size_t tlen, uint64_t src,
    size_t slen)
{
	struct text_run	*last = r->n > 0 ? &r->v[r->n - 1] : NULL;

	if (tlen == 0)
		return;		/* nothing shown came from there */
	if (last != NULL && tlen == slen && run_bytewise(last) &&
	    last->text + last->tlen == text && last->src + last->slen == src) {
		last->tlen += (uint32_t)tlen;
		last->slen += (uint32_t)slen;
		return;
	}
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n].text = (uint32_t)text;
	r->v[r->n].tlen = (uint32_t)tlen;
	r->v[r->n].src = src;
	r->v[r->n].slen = (uint32_t)slen;
	r->n++;
}

void
runs_cut(struct runs *r, size_t len)
{
	while (r->n > 0 && r->v[r->n - 1].text >= len)
		r->n--;
	if (r->n > 0 && r->v[r->n - 1].text + r->v[r->n - 1].tlen > len) {
		struct text_run *last = &r->v[r->n - 1];
		uint32_t cut = last->text + last->tlen - (uint32_t)len;

		if (run_bytewise(last))
			last->slen -= cut;
		last->tlen -= cut;
	}
}

void
text_set_runs(struct text *t, struct runs *r)
{
	free(t->runs);
	t->runs = r->v;
	t->nruns = r->n;
	memset(r, 0, sizeof *r);
}

/* The first run that ends after text offset k, or nruns. */
static size_t
text_run_after(const struct text *t, size_t k)
{
	size_t	lo = 0, hi = t->nruns;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (t->runs[mid].text + t->runs[mid].tlen > k)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The first run whose source ends after src, or nruns. */
static size_t
text_run_after_src(const struct text *t, uint64_t src)
{
	size_t	lo = 0, hi = t->nruns;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (t->runs[mid].src + t->runs[mid].slen > src)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

int64_t
text_src_start(const struct text *t, size_t k)
{
	size_t			 i = text_run_after(t, k);
	const struct text_run	*r;

	if (t->nruns == 0)
		return -1;
	if (i == t->nruns) {
		r = &t->runs[t->nruns - 1];
		return (int64_t)(r->src + r->slen);
	}
	r = &t->runs[i];
	if (k <= r->text || !run_bytewise(r))
		return (int64_t)r->src;
	return (int64_t)(r->src + (k - r->text));
}

int64_t
text_src_end(const struct text *t, size_t k)
{
	size_t			 i = text_run_after(t, k);
	const struct text_run	*r;

	if (t->nruns == 0)
		return -1;
	if (i < t->nruns && t->runs[i].text < k) {	/* k inside run i */
		r = &t->runs[i];
		return (int64_t)(run_bytewise(r) ? r->src + (k - r->text) :
		    r->src + r->slen);
	}
	if (i == 0)
		return (int64_t)t->runs[0].src;
	r = &t->runs[i - 1];		/* ends at or before k */
	return (int64_t)(r->src + r->slen);
}

size_t
text_at_src(const struct text *t, uint64_t src)
{
	size_t			 i = text_run_after_src(t, src);
	const struct text_run	*r;

	if (i == t->nruns)
		return t->len;
	r = &t->runs[i];
	if (src <= r->src)
		return r->text;
	if (!run_bytewise(r))
		return r->text + r->tlen;	/* starts inside the unit */
	return r->text + (size_t)(src - r->src);
}

size_t
text_at_src_end(const struct text *t, uint64_t src)
{
	size_t			 i = text_run_after_src(t, src);
	const struct text_run	*r;

	if (i < t->nruns && t->runs[i].src < src) {	/* src inside run i */
		r = &t->runs[i];
		if (!run_bytewise(r))
			return r->text;		/* ends inside the unit */
		return r->text + (size_t)(src - r->src);
	}
	if (i == 0)
		return 0;
	r = &t->runs[i - 1];
	return r->text + r->tlen;
}

int
text_hidden_at(const struct text *t, size_t k)
{
	size_t	next = t->len;

	return t->nspans > 0 && text_style_at(t, k, &next) == STYLE_HIDDEN;
}

struct text_event {
	uint32_t	at;
	int8_t		delta;		/* +1 a span starts, -1 one ends */
	uint8_t		style;
};

static int
text_cmp_event(const void *a, const void *b)
{
	const struct text_event	*x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

/* The style shown for the spans open, counted per style. */
static int
text_top_style(const size_t *open)
{
	int	s;

	if (open[STYLE_HIDDEN] > 0)
		return STYLE_HIDDEN;
	for (s = STYLE_COUNT - 1; s > STYLE_NONE; s--)
		if (open[s] > 0)
			return s;
	return STYLE_NONE;
}

static struct text_styles *
text_index_styles(const struct text *t)
{
	struct text_styles	*x = xcalloc(1, sizeof *x);
	struct text_event	*ev;
	size_t			 open[STYLE_COUNT] = { 0 }, i, n = 0;
	int			 cur = STYLE_NONE, top;

	ev = xreallocarray(NULL, 2 * t->nspans + 1, sizeof *ev);
	for (i = 0; i < t->nspans; i++) {
		if (t->spans[i].start >= t->spans[i].end ||
		    t->spans[i].style >= STYLE_COUNT)
			continue;
		ev[n].at = t->spans[i].start;
		ev[n].delta = 1;
		ev[n++].style = (uint8_t)t->spans[i].style;
		ev[n].at = t->spans[i].end;
		ev[n].delta = -1;
		ev[n++].style = (uint8_t)t->spans[i].style;
	}
	qsort(ev, n, sizeof *ev, text_cmp_event);
	x->at = xreallocarray(NULL, n + 1, sizeof *x->at);
	x->style = xreallocarray(NULL, n + 1, 1);
	for (i = 0; i < n; ) {
		uint32_t at = ev[i].at;

		for (; i < n && ev[i].at == at; i++) {
			if (ev[i].delta > 0)
				open[ev[i].style]++;
			else
				open[ev[i].style]--;
		}
		if ((top = text_top_style(open)) != cur) {
			x->at[x->n] = at;
			x->style[x->n++] = (uint8_t)top;
			cur = top;
		}
	}
	free(ev);
	return x;
}

/* The index of the first change of style after byte k. */
static size_t
text_style_after(const struct text *t, size_t k)
{
	const struct text_styles	*x;
	size_t				 lo = 0, hi, mid;

	if (t->styles == NULL)	/* a cache: the spans are as they were */
		((struct text *)t)->styles = text_index_styles(t);
	x = t->styles;
	hi = x->n;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (x->at[mid] <= k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
text_style_at(const struct text *t, size_t k, size_t *next)
{
	size_t	i;

	if (t->nspans == 0)
		return STYLE_NONE;
	i = text_style_after(t, k);
	if (i < t->styles->n && t->styles->at[i] < *next)
		*next = t->styles->at[i];
	return i > 0 ? t->styles->style[i - 1] : STYLE_NONE;
}

size_t
text_style_start(const struct text *t, size_t k)
{
	size_t	i;

	if (t->nspans == 0)
		return 0;
	i = text_style_after(t, k);
	return i > 0 ? t->styles->at[i - 1] : 0;
}
