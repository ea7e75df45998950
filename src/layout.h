/*
 * layout.h: lay out a block's text at a width, as a typesetter would.
 *
 * A pure function of (block, width, options): it returns lines as byte
 * ranges of the block's text plus an indent; nothing here knows a terminal.
 * Guarantees, at every width from 1 to 1000:
 *   - no line is wider than the width (as wcwidth, and so ncurses,
 *     measures it), unless the width is smaller than one cluster;
 *   - no grapheme cluster and no wide character is split;
 *   - no line starts with ，。、；：？！）」』》… or a closing quote, and none
 *     ends with （「『《 or an opening quote, unless nothing else fits (the
 *     previous character is pulled down, as typesetters do); —— and …… stay
 *     whole;
 *   - words are not split unless longer than the line (then at grapheme
 *     boundaries); spaces at a break are dropped and never count;
 *   - nothing is lost or duplicated.
 * Preformatted lines are never reflowed.  A line wider than the width is
 * wrapped at a space (or between wide characters, or anywhere if it must),
 * its continuation lines indented like it and marked ↪, so that nothing is
 * lost (--dump); when the reader asks for sideways scrolling (chop, or
 * hscroll > 0) it is cut instead, with a marker, and shifted sideways.
 */
#ifndef FOLIO_LAYOUT_H
#define FOLIO_LAYOUT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "buf.h"
#include "doc.h"

struct layout_opts {
	int	width;		/* columns, >= 1 */
	int	ambiguous;	/* 1 or 2: width of East Asian Ambiguous */
	int	hscroll;	/* columns preformatted lines are shifted left */
	int	chop;		/* cut wide preformatted lines, do not wrap */
	int	once;		/* each text laid out once (printing): a
				   paragraph the fast path takes is fitted in
				   one pass, and no cluster arrays are kept
				   (the reader keeps them for the next time) */
};

enum line_kind {
	LINE_TEXT,
	LINE_BLANK,		/* space between blocks */
	LINE_RULE,		/* a thematic break across the width */
};

#define LINE_FIRST	0x01	/* the first line of its block */
#define LINE_CUT_LEFT	0x02	/* preformatted: text hidden to the left */
#define LINE_CUT_RIGHT	0x04	/* preformatted: text hidden to the right */
#define LINE_PAD_LEFT	0x08	/* a wide character was cut: one blank first */
#define LINE_WRAPPED	0x10	/* preformatted: continues the line above */

struct line {
	uint32_t	block;	/* block index */
	uint32_t	start;	/* byte range in the block's text */
	uint32_t	end;
	uint16_t	indent;	/* columns before the text (see layout_indent) */
	uint16_t	width;	/* columns of the text */
	uint8_t		kind;	/* enum line_kind */
	uint8_t		flags;	/* LINE_* */
};

struct lines {
	struct line	*v;
	size_t		 n;
	size_t		 cap;
};

/* Appends the lines of block i (with the blank line before it, if any). */
void	layout_block(struct doc *, size_t i, const struct layout_opts *,
	    struct lines *);
void	lines_free(struct lines *);
/* Are two lines the same (block, bytes, indent, width, kind, flags)? */
int	line_same(const struct line *, const struct line *);
/*
 * For tests: does the single pass (a paragraph of the fast path's
 * characters, laid out without cluster arrays) give the lines that fitting
 * over text_clusters gives, block b of text t at this width?  1 yes, 0 no,
 * -1 the single pass does not take it.
 */
int	layout_flow_agree(const struct block *, struct text *, int ambiguous,
	    int width);

/* The marker drawn for cut preformatted lines, and for rules. */
const char *layout_cut_marker(int ambiguous, int left);
const char *layout_rule_char(int ambiguous);

/*
 * Appends what goes before a line's text: blanks, or quote bars, or for a
 * wrapped preformatted line blanks and the continuation mark (the last two
 * columns of its indent).
 */
void	layout_indent(const struct block *, const struct line *, int ambiguous,
	    struct buf *);

/*
 * Marks laid over a text when it is drawn (search matches, highlights, the
 * selection): spans that are not the text's own, sorted by start.
 */
struct marks {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
};

/* Adds a mark over text [start, end) (kept sorted by start). */
void	marks_add(struct marks *, uint32_t start, uint32_t end, int style,
	    int data);
void	marks_free(struct marks *);

/*
 * Called for each run of visible text in a line, with its style and the
 * marks over it (a bit mask: 1 << style for each mark's style).
 */
typedef void layout_run_fn(void *, const char *, size_t, int style,
	    unsigned marks);
/* Walks the visible runs of a line (hidden spans left out); m may be NULL. */
void	layout_runs(const struct text *, const struct line *,
	    const struct marks *m, layout_run_fn *, void *);



/*
 * Appends a line as plain text, as --dump prints it: indent or quote bars,
 * cut markers, rule, visible text (hidden spans left out).  No newline.
 */
void	layout_line_text(struct doc *, const struct line *, int ambiguous,
	    struct buf *);

/*
 * Is there a blank line before block i?  Indented paragraphs follow each
 * other without one, but for Latin text that had one in the source.  It
 * builds the texts of blocks i - 1 and i.
 */
int	layout_gap(struct doc *, size_t i);
/* layout_block, with that blank line decided already (printing, dump.c). */
void	layout_block_gap(struct doc *, size_t i, const struct layout_opts *,
	    int gap, struct lines *);

#endif
