/*
 * passage.h: one mapping between what the reader shows and the source.
 *
 * A passage is seen in three ways:
 *   - source: byte offsets in the document's UTF-8 source (doc_source),
 *     which anchors, the store and the JSON export keep;
 *   - model: a range of positions (block, byte offset in the block's text),
 *     which layout, the view, search matches and the selection use; a
 *     block's text may hold hidden spans (converter glosses such as the
 *     (zhǎng) of 長(zhǎng)) that are never drawn;
 *   - shown: the characters drawn, the model text without its hidden
 *     spans, which copying, the lists of notes and the Markdown export
 *     quote.
 * The texts' runs (text.h) tie the model to the source for every format:
 * plain text (trimmed and joined lines, tabs, removed controls), Markdown
 * (markup, entities, links) and any other parser that records them.
 *
 * The contract: a range of shown characters maps to the exact source
 * bytes of those characters, from the first byte of the first to the last
 * byte of the last, and back to the same characters.  Hidden text inside a
 * passage belongs to it (its bytes are in the source range) but is never
 * shown, copied or quoted; hidden text and white space at either end are
 * not part of it.
 * Text folio adds (a joining space, a list marker, a link number) has no
 * source of its own: it is shown when it falls inside a passage but never
 * starts or ends the source range.  A block without runs (a Markdown
 * table) maps as a whole.
 */
#ifndef FOLIO_PASSAGE_H
#define FOLIO_PASSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* Orders two positions: <0, 0, >0. */
int	pos_cmp(struct pos, struct pos);

/*
 * Moves from and to inward past hidden text and white space (spaces,
 * tabs, line ends, U+3000) at the ends of [from, to), and from past the
 * end of its block to the next block's start.
 */
void	passage_trim(struct doc *, struct pos *from, struct pos *to);

/*
 * The source bytes [*a, *z) of model range [from, to) of document d (the
 * reader's document or one of its tails).  0, or -1 if the range shows
 * nothing that came from the source.
 */
int	passage_source(struct doc *, struct pos from, struct pos to,
	    uint64_t *a, uint64_t *z);

/*
 * The model range of source bytes [a, z): the first and last characters
 * whose source lies inside.  Segments d as far as z.  0, or -1 if no shown
 * character came from there.
 */
int	passage_model(struct doc *, uint64_t a, uint64_t z, struct pos *from,
	    struct pos *to);

/*
 * The part [*s, *e) of block b's text that source bytes [a, z) cover,
 * hidden text at its ends left out: where to draw a highlight.  0, or -1
 * if the passage shows nothing in this block.
 */
int	passage_in_block(struct doc *, size_t b, uint64_t a, uint64_t z,
	    uint32_t *s, uint32_t *e);

/*
 * The passage as shown: the visible characters of model range [from, to),
 * line ends of preformatted text kept, blocks separated by a blank line.
 * Allocated, NUL-terminated; *len set if len is not NULL.
 */
char	*passage_shown(struct doc *, struct pos from, struct pos to,
	    size_t *len);
/* The same for source bytes [a, z); NULL if nothing of it is shown. */
char	*passage_shown_source(struct doc *, uint64_t a, uint64_t z,
	    size_t *len);

/*
 * A note's passage as shown, from its source bytes [a, z) in d and its
 * quote (the source text it was taken from): NULL when it is shown as the
 * quote is written (a quick look first: no markup, gloss, line end, tab
 * or character the sanitiser changes), else allocated.  d NULL (the file
 * is gone): the quote alone, sanitised, glosses hidden.
 */
char	*passage_quote_shown(struct doc *, uint64_t a, uint64_t z,
	    const char *quote);

/* Model offset of the k-th shown byte of block b's text (and back). */
size_t	passage_model_offset(const struct text *, size_t k);
size_t	passage_shown_offset(const struct text *, size_t off);

#endif
