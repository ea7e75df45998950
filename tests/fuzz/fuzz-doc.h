/*
 * fuzz-doc.h: the promises of a document model (doc.h), checked by the
 * targets that open documents: blocks inside the source and in order,
 * texts safe for a terminal (a line end only inside preformatted text),
 * spans inside their text, an outline of headings in order with levels,
 * sections found for every block, Markdown maps inside text and source.
 */
#ifndef FOLIO_FUZZ_DOC_H
#define FOLIO_FUZZ_DOC_H

#include "doc.h"
#include "fuzz.h"

static inline void
fuzz_doc_text(struct doc *d, size_t i)
{
	const struct block	*b = doc_block(d, i);
	struct text		*t = doc_text(d, i);
	size_t			 k, a, z, srcn;
	uint64_t		 sa, sz;

	FUZZ_CHECK(t != NULL && t->s[t->len] == '\0');
	FUZZ_CHECK(fuzz_safe(t->s, t->len, b->type == BLOCK_PRE));
	for (k = 0; k < t->nspans; k++) {
		FUZZ_CHECK(t->spans[k].start <= t->spans[k].end);
		FUZZ_CHECK(t->spans[k].end <= t->len);
		FUZZ_CHECK(k == 0 ||
		    t->spans[k - 1].start <= t->spans[k].start);
	}
	doc_source(d, &srcn);
	if (doc_text_range(d, i, b->off, b->off + b->len, &a, &z) == 0)
		FUZZ_CHECK(a <= z && z <= t->len);
	if (doc_source_range(d, i, 0, t->len, &sa, &sz) == 0)
		FUZZ_CHECK(sa <= sz && sz <= srcn);
}

static inline void
fuzz_doc_outline(struct doc *d)
{
	const uint32_t	*o;
	size_t		 n, k, i;
	long		 s;

	o = doc_outline(d, &n);
	for (k = 0; k < n; k++) {
		FUZZ_CHECK(o[k] < doc_nblocks(d));
		FUZZ_CHECK(k == 0 || o[k - 1] < o[k]);
		FUZZ_CHECK(doc_block(d, o[k])->type == BLOCK_HEADING);
		FUZZ_CHECK(doc_level(d, o[k]) >= 1);
	}
	for (i = 0; i < doc_nblocks(d); i++) {
		s = doc_section_of(d, i);
		FUZZ_CHECK(s >= -1 && s < (long)n);
		FUZZ_CHECK(s < 0 || o[s] <= i);
		FUZZ_CHECK(s + 1 >= (long)n || o[s + 1] > i);
	}
}

/* Checks every promise of a fully segmented document; drops its texts. */
static inline void
fuzz_doc_check(struct doc *d)
{
	const struct block	*b;
	size_t			 i, n, links;
	uint64_t		 prev = 0;
	const char		*l;
	char			*title;

	doc_source(d, &n);
	FUZZ_CHECK(doc_complete(d));
	for (i = 0; i < doc_nblocks(d); i++) {
		b = doc_block(d, i);
		FUZZ_CHECK(b->off + b->len <= n);
		FUZZ_CHECK(b->off >= prev);
		FUZZ_CHECK(b->type <= BLOCK_RULE);
		FUZZ_CHECK(doc_block(d, doc_block_at(d, b->off))->off ==
		    b->off);
		prev = b->off;
		fuzz_doc_text(d, i);
		doc_forget(d, i);
	}
	fuzz_doc_outline(d);
	if ((title = doc_title(d)) != NULL) {
		FUZZ_CHECK(fuzz_safe(title, strlen(title), 0));
		free(title);
	}
	l = doc_links(d, &links);
	FUZZ_CHECK(fuzz_safe(l, strlen(l), 1));
}

#endif
