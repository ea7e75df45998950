/*
 * segment.h: plain text to blocks.
 *
 * Lines are grouped into chunks between blank lines, then each chunk is
 * classified: a single line may be a rule, a heading (heading.c), the
 * document title or a paragraph; a chunk whose lines are aligned in
 * columns, drawn with symbols, indented as code or short as verse is
 * preformatted; otherwise its lines are grouped into paragraphs, list items
 * and quotes.  Whether two lines of a chunk join into one paragraph is
 * decided from the document's measured habits:
 *   - an indented line starts a paragraph when the document indents its
 *     paragraphs (most Chinese novels: one paragraph a line, U+3000 U+3000);
 *   - Latin lines join;
 *   - CJK lines join only when the earlier one is as wide as the document's
 *     hard-wrap width and does not end a sentence (hard-wrapped Chinese),
 *     so that one-paragraph-a-line files stay one paragraph a line.
 * Paragraphs longer than 64 KiB are cut at a sentence end into blocks
 * marked BLOCK_CONT, so that no block is ever too large to lay out at once.
 */
#ifndef FOLIO_SEGMENT_H
#define FOLIO_SEGMENT_H

#include <stddef.h>

#include "block.h"

#define SEGMENT_MAX_BLOCK	65536
#define SEGMENT_PIECE		(64 * 1024)
#define SEGMENT_SEEK		(16 * 1024)	/* a blank line sought this far */

/*
 * A document is segmented in pieces of about SEGMENT_PIECE bytes, each
 * starting at the first blank line a little after a multiple of
 * SEGMENT_PIECE (or the first line start there if there is none).
 * The segmenter starts afresh at each piece, so that any piece can be
 * segmented on its own (the end of a 100 MB file without the rest) and
 * gives the same blocks as segmenting the whole.  A paragraph that runs
 * across a boundary continues in a block marked BLOCK_CONT.
 */

/*
 * Lines kept as they are (SEG_KEEP*): text that a program laid out already
 * (a man page, git log), or any text when the reader turns reflow off.
 * Each chunk between blank lines is one preformatted block but for its
 * headings: a man page's NAME, SYNOPSIS (capitals at the margin with
 * indented text below) and its indented subsections; otherwise the lines
 * any plain text would take as headings.
 */
#define SEG_REFLOW	0
#define SEG_KEEP_MAN	1	/* a formatted man page */
#define SEG_KEEP	2	/* git log, or reflow turned off */

/* What a document's first lines say about how it is written. */
struct seg_habits {
	int	cjk_wrap;	/* hard-wrap width of CJK lines, or 0 */
	int	latin_wrap;	/* usual width of long Latin lines */
	int	indent_paras;	/* paragraphs start indented */
	int	kept;		/* SEG_REFLOW or SEG_KEEP* */
	int	aozora;		/* Aozora Bunko notation (aozora.h) */
	int	glosses;	/* pinyin glosses (gloss.h): lines are measured
				   without them */
};

/* Measures the habits on the first lines of n bytes of text. */
void	segment_habits(const char *, size_t, struct seg_habits *);
/* The end of the piece starting at start (a piece start), at most n. */
size_t	segment_piece_end(const char *, size_t n, size_t start);
/* The start of the piece holding byte at. */
size_t	segment_piece_start(const char *, size_t n, size_t at);
/* Appends the blocks of the piece [start, end) to out. */
void	segment_piece(const char *, size_t start, size_t end,
	    const struct seg_habits *, struct blocks *out);
/*
 * The same, into a list of the piece's own (pieces may so be segmented on
 * several threads and joined in order): none_before says that no block
 * comes before the piece in the document (out->n == 0 for segment_piece).
 */
void	segment_piece_apart(const char *, size_t start, size_t end,
	    const struct seg_habits *, int none_before, struct blocks *out);
/* Appends the blocks of n bytes of UTF-8 plain text to out. */
void	segment_plain(const char *, size_t, struct blocks *out);

/* Bytes of a list marker ("- ", "1. ", "（1）") at the start of s, or 0. */
size_t	segment_list_marker(const char *, size_t);
/* True for a thematic-break line (---, ***, ___, ===, ───). */
int	segment_is_rule(const char *, size_t);

#endif
