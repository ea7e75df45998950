/*
 * fuzz_layout: laying out a document at a width (layout.c, text.c,
 * view.c), as md4c's fuzzer picks its flags: the first byte chooses the
 * width (low 7 bits) and lines kept as written (--reflow=off, bit 7), the
 * second the ambiguous width (bit 0), the format (1), glosses shown (2),
 * preformatted lines cut rather than wrapped (3) and scrolled sideways by
 * its high 4 bits; the rest is the document.  Checked: every line is
 * safe for a terminal and no wider than the width (unless it is one
 * cluster wider than the width), lines follow each other through the
 * text dropping nothing but spaces, the clusters' fast path agrees with
 * the library path on every text it takes, and so does printing's single
 * pass with fitting over the clusters, and the view keeps its anchor
 * through a resize.
 */
#include "fuzz-doc.h"
#include "layout.h"
#include "view.h"
#include "width.h"

/* Index of the cluster starting at byte off, or -1. */
static long
fuzz_cluster_at(const struct clusters *cl, uint32_t off)
{
	size_t	lo = 0, hi = cl->n + 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cl->off[mid] == off)
			return (long)mid;
		if (cl->off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void
fuzz_layout_line(struct doc *d, const struct line *l,
    const struct layout_opts *lo, const struct clusters *cl)
{
	struct buf	out;
	long		i, k;
	int		w;

	buf_init(&out);
	layout_line_text(d, l, lo->ambiguous, &out);
	FUZZ_CHECK(fuzz_safe(out.s, out.len, 0));
	w = width_str(out.s, out.len, lo->ambiguous);
	if (l->kind == LINE_TEXT) {
		i = fuzz_cluster_at(cl, l->start);
		k = fuzz_cluster_at(cl, l->end);
		FUZZ_CHECK(i >= 0 && k >= i);
		FUZZ_CHECK(w <= lo->width || (k - i == 1 && l->indent == 0 &&
		    !(l->flags & (LINE_CUT_LEFT | LINE_CUT_RIGHT))));
	} else
		FUZZ_CHECK(w <= lo->width);
	buf_free(&out);
}

/* The lines of one block: in order, losing nothing but spaces. */
static void
fuzz_layout_block(struct doc *d, size_t b, const struct layout_opts *lo)
{
	struct lines		 ls = { NULL, 0, 0 };
	const struct block	*blk = doc_block(d, b);
	const struct clusters	*cl = NULL;
	struct text		*t;
	uint32_t		 at = 0, p;
	size_t			 j;

	layout_block(d, b, lo, &ls);
	t = doc_text(d, b);
	if (blk->type != BLOCK_RULE && blk->type != BLOCK_PRE) {
		FUZZ_CHECK(text_clusters_agree(t, lo->ambiguous) != 0);
		FUZZ_CHECK(layout_flow_agree(blk, t, lo->ambiguous,
		    lo->width > 0 ? lo->width : 1) != 0);
	}
	if (blk->type != BLOCK_RULE)
		cl = text_clusters(t, lo->ambiguous, blk->type == BLOCK_PRE);
	for (j = 0; j < ls.n; j++) {
		const struct line *l = &ls.v[j];

		FUZZ_CHECK(l->block == b);
		if (l->kind != LINE_TEXT) {
			fuzz_layout_line(d, l, lo, cl);
			continue;
		}
		FUZZ_CHECK(cl != NULL && l->start <= l->end &&
		    l->end <= t->len);
		fuzz_layout_line(d, l, lo, cl);
		if (blk->type == BLOCK_PRE)
			continue;
		FUZZ_CHECK(l->start >= at);
		for (p = at; p < l->start; p++)
			FUZZ_CHECK(t->s[p] == ' ');
		at = l->end;
	}
	if (blk->type != BLOCK_PRE && blk->type != BLOCK_RULE)
		for (p = at; p < t->len; p++)
			FUZZ_CHECK(t->s[p] == ' ');
	lines_free(&ls);
}

/* Scrolls, resizes and comes back: the anchor holds. */
static void
fuzz_layout_view(struct doc *d, const struct layout_opts *lo, int rows)
{
	struct layout_opts	 narrow = *lo;
	struct view		*v = view_new(d, lo, rows);
	struct anchor		 a, b;
	size_t			 n;

	view_scroll(v, rows / 2 + 1);
	a = view_anchor(v);
	narrow.width = lo->width / 2 + 1;
	view_set_opts(v, &narrow);
	(void)view_lines(v, &n);
	view_set_opts(v, lo);
	b = view_anchor(v);
	FUZZ_CHECK(a.pos.block == b.pos.block && a.pos.off == b.pos.off &&
	    a.gap == b.gap);
	view_end(v);
	(void)view_lines(v, &n);
	FUZZ_CHECK(n <= (size_t)rows);
	view_scroll(v, -rows);
	(void)view_next_section(v, 0);
	(void)view_prev_section(v, 1);
	(void)view_fraction(v);
	view_free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	static const int	 wide[] = { 200, 500, 1000 };
	struct doc_opts		 o = { .force = 1, .format = DOC_FORMAT_TEXT };
	struct layout_opts	 lo = { .width = 80, .ambiguous = 1 };
	struct doc		*d;
	char			*cause = NULL;
	size_t			 b;

	fuzz_init();
	if (n < 2)
		return 0;
	lo.width = (p[0] & 0x7F) < 0x78 ? 1 + (p[0] & 0x7F) % 120 :
	    wide[p[0] % 3];
	o.reflow_off = (p[0] & 0x80) != 0;
	lo.ambiguous = (p[1] & 1) ? 2 : 1;
	o.format = (p[1] & 2) ? DOC_FORMAT_MARKDOWN : DOC_FORMAT_TEXT;
	o.show_glosses = (p[1] & 4) != 0;
	lo.chop = (p[1] & 8) != 0;	/* cut, and scrolled sideways */
	lo.hscroll = lo.chop ? p[1] >> 4 : 0;
	if ((d = doc_open_mem(p + 2, n - 2, &o, &cause)) == NULL) {
		free(cause);
		return 0;
	}
	for (b = 0; b < doc_nblocks(d); b++) {
		fuzz_layout_block(d, b, &lo);
		doc_forget(d, b);
	}
	fuzz_layout_view(d, &lo, 1 + (p[1] >> 4));
	doc_free(d);
	return 0;
}
