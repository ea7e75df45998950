/*
 * passage.c: between the source, the model and what is shown (see
 * passage.h).  Everything goes through the texts' runs (text.h) and
 * their hidden spans; nothing here searches for a quote.
 */
#include <string.h>

#include "buf.h"
#include "gloss.h"
#include "passage.h"
#include "sanitize.h"
#include "xmalloc.h"

int
pos_cmp(struct pos a, struct pos b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	return a.off < b.off ? -1 : a.off > b.off;
}

/*
 * The end of the hidden text holding byte k, or k if it is shown (hidden
 * spans that touch are one).  Through the text's style index: a look at
 * every span here made --grep quadratic in the spans of a paragraph.
 */
static size_t
passage_hidden_end(const struct text *t, size_t k)
{
	size_t	next = t->len;

	if (k >= t->len || text_style_at(t, k, &next) != STYLE_HIDDEN)
		return k;
	return next;
}

/* The start of the hidden text holding byte k - 1, or k. */
static size_t
passage_hidden_start(const struct text *t, size_t k)
{
	if (k == 0 || k > t->len || !text_hidden_at(t, k - 1))
		return k;
	return text_style_start(t, k - 1);
}

/* White space that never starts or ends a passage: ' ', tab, line end, U+3000. */
static size_t
passage_space_at(const struct text *t, size_t k)
{
	if (k >= t->len)
		return 0;
	if (t->s[k] == ' ' || t->s[k] == '\t' || t->s[k] == '\n')
		return 1;
	return k + 3 <= t->len && memcmp(t->s + k, "\xE3\x80\x80", 3) == 0 ?
	    3 : 0;
}

/* After hidden text and white space from k on. */
static size_t
passage_skip_on(const struct text *t, size_t k)
{
	size_t	n;

	for (;;) {
		k = passage_hidden_end(t, k);
		if ((n = passage_space_at(t, k)) == 0)
			return k;
		k += n;
	}
}

/* Before hidden text and white space that end at k. */
static size_t
passage_skip_back(const struct text *t, size_t k)
{
	for (;;) {
		k = passage_hidden_start(t, k);
		if (k > 0 && (t->s[k - 1] == ' ' || t->s[k - 1] == '\t' ||
		    t->s[k - 1] == '\n'))
			k--;
		else if (k >= 3 && memcmp(t->s + k - 3, "\xE3\x80\x80", 3) == 0)
			k -= 3;
		else
			return k;
	}
}

void
passage_trim(struct doc *d, struct pos *from, struct pos *to)
{
	struct text	*t;

	for (;;) {
		t = doc_text(d, from->block);
		from->off = (uint32_t)passage_skip_on(t, from->off);
		if (from->off < t->len || from->block >= to->block ||
		    !doc_has_block(d, from->block + 1))
			break;
		from->block++;
		from->off = 0;
	}
	for (;;) {
		t = doc_text(d, to->block);
		if (to->off > t->len)
			to->off = (uint32_t)t->len;
		to->off = (uint32_t)passage_skip_back(t, to->off);
		if (to->off > 0 || to->block <= from->block)
			break;
		to->block--;
		to->off = (uint32_t)doc_text(d, to->block)->len;
	}
}

/* The first run of t that ends after text offset k, or nruns. */
static size_t
passage_run_of(const struct text *t, size_t k)
{
	size_t	lo = 0, hi = t->nruns, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (t->runs[mid].text + t->runs[mid].tlen > k)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The source byte where text offset k of block b starts (or ends). */
static uint64_t
passage_src_at(struct doc *d, size_t b, size_t k, int end)
{
	struct text		*t = doc_text(d, b);
	const struct block	*blk = doc_block(d, b);
	int64_t			 x;

	if (t->nruns == 0)		/* maps as a whole */
		return end ? blk->off + blk->len : blk->off;
	x = end ? text_src_end(t, k) : text_src_start(t, k);
	return (uint64_t)x;
}

/*
 * The ends of a passage are characters that came from the source.  Text
 * folio added (a list marker, a link's number, an image with no alt
 * text, the mark put for a NUL) is shown inside a passage but never ends
 * one: its neighbour's source would be taken instead, white space or the
 * next item's markup (found by fuzz_passage: source -> model -> source
 * was not the identity).  run_on: k, or the start of the first run after
 * it (t->len if none); run_back: k, or the end of the last run before it
 * (0 if none).  A text without runs maps as a whole.
 */
static size_t
passage_run_on(const struct text *t, size_t k)
{
	size_t	i;

	for (i = passage_run_of(t, k); i < t->nruns; i++)
		if (t->runs[i].tlen > 0)
			return k >= t->runs[i].text ? k : t->runs[i].text;
	return t->nruns == 0 ? k : t->len;
}

static size_t
passage_run_back(const struct text *t, size_t k)
{
	size_t	i;

	if (t->nruns == 0 || k == 0)
		return k;
	i = passage_run_of(t, k - 1);
	if (i < t->nruns && t->runs[i].text < k)
		return k;	/* the character before k has a source */
	while (i > 0 && t->runs[i - 1].tlen == 0)
		i--;
	return i > 0 ? t->runs[i - 1].text + t->runs[i - 1].tlen : 0;
}

int
passage_source(struct doc *d, struct pos from, struct pos to, uint64_t *a,
    uint64_t *z)
{
	size_t	k;

	if (doc_nblocks(d) == 0 || pos_cmp(from, to) >= 0)
		return -1;
	for (;;) {
		passage_trim(d, &from, &to);
		if (pos_cmp(from, to) >= 0)
			return -1;
		if (doc_block(d, from.block)->len == 0 &&
		    from.block < to.block) {
			from.block++;	/* shows nothing of the source */
			from.off = 0;
		} else if (doc_block(d, to.block)->len == 0 &&
		    to.block > from.block) {
			to.block--;
			to.off = (uint32_t)doc_text(d, to.block)->len;
		} else if ((k = passage_run_on(doc_text(d, from.block),
		    from.off)) != from.off)
			from.off = (uint32_t)k;
		else if ((k = passage_run_back(doc_text(d, to.block),
		    to.off)) != to.off)
			to.off = (uint32_t)k;
		else
			break;
	}
	*a = passage_src_at(d, from.block, from.off, 0);
	*z = passage_src_at(d, to.block, to.off, 1);
	return *z > *a ? 0 : -1;
}

int
passage_model(struct doc *d, uint64_t a, uint64_t z, struct pos *from,
    struct pos *to)
{
	struct text	*t;

	if (z <= a || doc_nblocks(d) == 0)
		return -1;
	from->block = (uint32_t)doc_block_at(d, a);
	to->block = (uint32_t)doc_block_at(d, z - 1);
	t = doc_text(d, from->block);
	from->off = (uint32_t)(t->nruns > 0 ? text_at_src(t, a) : 0);
	t = doc_text(d, to->block);
	to->off = (uint32_t)(t->nruns > 0 ? text_at_src_end(t, z) : t->len);
	passage_trim(d, from, to);
	return pos_cmp(*from, *to) < 0 ? 0 : -1;
}

int
passage_in_block(struct doc *d, size_t b, uint64_t a, uint64_t z,
    uint32_t *s, uint32_t *e)
{
	const struct block	*blk = doc_block(d, b);
	struct text		*t;
	size_t			 x, y;

	if (z <= a || z <= blk->off || a >= blk->off + blk->len)
		return -1;
	t = doc_text(d, b);
	x = t->nruns > 0 ? text_at_src(t, a) : 0;
	y = t->nruns > 0 ? text_at_src_end(t, z) : t->len;
	if (y > t->len)
		y = t->len;
	x = passage_skip_on(t, x);
	y = passage_skip_back(t, y);
	if (x >= y)
		return -1;
	*s = (uint32_t)x;
	*e = (uint32_t)y;
	return 0;
}

/* Appends the shown bytes of text [s, e). */
static void
passage_add_shown(const struct text *t, size_t s, size_t e, struct buf *out)
{
	size_t	i, at = s;

	for (i = 0; i < t->nspans && t->spans[i].start < e; i++) {
		const struct span *sp = &t->spans[i];

		if (sp->style != STYLE_HIDDEN || sp->end <= at)
			continue;
		if (sp->start > at)
			buf_add(out, t->s + at, sp->start - at);
		at = sp->end;
	}
	if (at < e)
		buf_add(out, t->s + at, e - at);
}

char *
passage_shown(struct doc *d, struct pos from, struct pos to, size_t *len)
{
	struct buf	out;
	size_t		b;

	buf_init(&out);
	if (doc_nblocks(d) > 0 && pos_cmp(from, to) < 0)
		passage_trim(d, &from, &to);
	for (b = from.block; doc_nblocks(d) > 0 && pos_cmp(from, to) < 0 &&
	    b <= to.block; b++) {
		struct text	*t = doc_text(d, b);
		size_t		 s = b == from.block ? from.off : 0;
		size_t		 e = b == to.block ? to.off : t->len;

		if (b > from.block)
			buf_adds(&out, doc_block(d, b)->flags & BLOCK_CONT ?
			    "\n" : "\n\n");
		passage_add_shown(t, s, e < t->len ? e : t->len, &out);
	}
	return buf_take(&out, len);
}

char *
passage_shown_source(struct doc *d, uint64_t a, uint64_t z, size_t *len)
{
	struct pos	from, to;

	if (passage_model(d, a, z, &from, &to) != 0)
		return NULL;
	return passage_shown(d, from, to, len);
}

size_t
passage_model_offset(const struct text *t, size_t k)
{
	size_t	i, at = 0, shown = 0;

	for (i = 0; i < t->nspans; i++) {
		const struct span *sp = &t->spans[i];

		if (sp->style != STYLE_HIDDEN || sp->end <= at)
			continue;
		if (sp->start > at) {
			if (shown + (sp->start - at) > k)
				return at + (k - shown);
			shown += sp->start - at;
		}
		at = sp->end;
	}
	return at + (k - shown) < t->len ? at + (k - shown) : t->len;
}

size_t
passage_shown_offset(const struct text *t, size_t off)
{
	size_t	i, at = 0, shown = 0;

	for (i = 0; i < t->nspans && at < off; i++) {
		const struct span *sp = &t->spans[i];

		if (sp->style != STYLE_HIDDEN || sp->end <= at)
			continue;
		if (sp->start >= off)
			break;
		shown += sp->start > at ? sp->start - at : 0;
		at = sp->end > off ? off : sp->end;
	}
	return shown + (off > at ? off - at : 0);
}

/* Could the quote be shown other than as it is written in plain text? */
static int
passage_plain_differs(const char *q)
{
	if (strpbrk(q, "(\n\r\t") != NULL || strstr(q, "\xEF\xBC\x88") != NULL)
		return 1;	/* a gloss, a line joined, a tab */
	return !sanitize_unchanged(q, strlen(q));
}

/* The quote alone as it would be shown: sanitised, glosses hidden. */
static char *
passage_quote_alone(const char *q)
{
	struct buf	 b;
	struct text	*t;
	const char	*nl;
	char		*s;
	size_t		 len;
	int		 col;

	buf_init(&b);
	for (;;) {
		nl = strpbrk(q, "\r\n");
		col = 0;
		sanitize_line(&b, q, nl != NULL ? (size_t)(nl - q) : strlen(q),
		    &col);
		if (nl == NULL)
			break;
		q = nl + strspn(nl, "\r\n");
		if (*q != '\0')
			buf_addc(&b, ' ');
	}
	s = buf_take(&b, &len);
	t = text_new(s, len);
	gloss_hide(t);
	s = text_visible(t, NULL);
	text_free(t);
	return s;
}

char *
passage_quote_shown(struct doc *d, uint64_t a, uint64_t z, const char *quote)
{
	if (quote == NULL)
		return NULL;
	if (d == NULL)
		return passage_plain_differs(quote) ?
		    passage_quote_alone(quote) : NULL;
	if (!doc_is_rendered(d) && doc_convert(d) == NULL &&
	    !passage_plain_differs(quote))
		return NULL;
	return passage_shown_source(d, a, z, NULL);
}
