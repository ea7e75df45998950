/*
 * fuzz_passage: the one mapping between what is shown, the model and the
 * source (passage.c).  The first byte chooses the format (bit 0: Markdown)
 * and glosses shown (bit 1); the next eight pick two ranges of the
 * document (as fractions of its blocks and of their texts); the rest is
 * the document.  Checked, as passage.h promises: a range's source bytes
 * lie in the source and map back to a model range inside it, whose source
 * bytes are the same again (source -> model -> source is the identity);
 * what is shown of it is safe for a terminal; a highlight of those bytes
 * lies inside each block's text.
 */
#include "fuzz-doc.h"
#include "passage.h"

/* A position from two bytes: a block, and a character boundary in it. */
static struct pos
fuzz_passage_pos(struct doc *d, uint8_t bb, uint8_t ob)
{
	struct pos	 p = { 0, 0 };
	struct text	*t;
	size_t		 off;

	p.block = (uint32_t)(doc_nblocks(d) * bb / 256);
	t = doc_text(d, p.block);
	off = t->len * ob / 255;
	while (off > 0 && off < t->len && (t->s[off] & 0xC0) == 0x80)
		off--;
	p.off = (uint32_t)off;
	return p;
}

static void
fuzz_passage_check(struct doc *d, struct pos from, struct pos to)
{
	struct pos	 f2, t2, f3, t3;
	uint64_t	 a, z, a2, z2;
	uint32_t	 s, e;
	size_t		 n, len, b;
	char		*shown;

	doc_source(d, &n);
	if (pos_cmp(from, to) > 0) {
		f2 = from;
		from = to;
		to = f2;
	}
	passage_trim(d, &from, &to);
	if (passage_source(d, from, to, &a, &z) != 0)
		return;
	FUZZ_CHECK(a <= z && z <= n);
	FUZZ_CHECK(passage_model(d, a, z, &f2, &t2) == 0);
	FUZZ_CHECK(pos_cmp(f2, t2) <= 0);
	FUZZ_CHECK(passage_source(d, f2, t2, &a2, &z2) == 0);
	FUZZ_CHECK(a2 == a && z2 == z);
	FUZZ_CHECK(passage_model(d, a2, z2, &f3, &t3) == 0);
	FUZZ_CHECK(pos_cmp(f3, f2) == 0 && pos_cmp(t3, t2) == 0);
	shown = passage_shown(d, f2, t2, &len);
	FUZZ_CHECK(shown != NULL && fuzz_safe(shown, len, 1));
	free(shown);
	for (b = f2.block; b <= t2.block && b < doc_nblocks(d); b++)
		if (passage_in_block(d, b, a, z, &s, &e) == 0)
			FUZZ_CHECK(s <= e && e <= doc_text(d, b)->len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct doc_opts	 o = { .force = 1 };
	struct doc	*d;
	char		*cause = NULL;

	fuzz_init();
	if (n < 9)
		return 0;
	o.format = (p[0] & 1) ? DOC_FORMAT_MARKDOWN : DOC_FORMAT_TEXT;
	o.show_glosses = (p[0] & 2) != 0;
	if ((d = doc_open_mem(p + 9, n - 9, &o, &cause)) == NULL) {
		free(cause);
		return 0;
	}
	if (doc_nblocks(d) > 0) {
		fuzz_passage_check(d, fuzz_passage_pos(d, p[1], p[2]),
		    fuzz_passage_pos(d, p[3], p[4]));
		fuzz_passage_check(d, fuzz_passage_pos(d, p[5], p[6]),
		    fuzz_passage_pos(d, p[7], p[8]));
	}
	doc_free(d);
	return 0;
}
