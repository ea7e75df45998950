/*
 * doc.h: a document: its source, its blocks, their texts and its outline.
 *
 * doc_open() reads and decodes the source and splits it into blocks in one
 * pass (about the speed of reading it: no text is built and nothing is
 * laid out).  A block's text is built on first use and cached; a reader
 * walking a 100 MB file front to back can drop texts behind it with
 * doc_forget() so that memory stays bounded.
 *
 * A position is (block, byte offset into the block's text): the viewport,
 * search matches and annotations all use it.
 */
#ifndef FOLIO_DOC_H
#define FOLIO_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "block.h"
#include "text.h"

struct doc;

struct pos {
	uint32_t	block;
	uint32_t	off;	/* byte offset into the block's text */
};

struct doc_opts {
	const char	*encoding;	/* NULL: detect */
	int		 force;		/* open binary files too */
	int		 show_glosses;	/* show 長(zhǎng) as it is in the file */
	int		 lazy;		/* segment piece by piece, on demand */
	int		 format;	/* DOC_FORMAT_* */
	int		 reflow_off;	/* keep every line as it is (plain text) */
	int		 reader;	/* HTML: HTML_READER_* (html.h) */
	int		 plain_links;	/* HTML: no [n] after links (printing) */
	const char	*base;		/* HTML: its URL, for links; NULL: path */
	const char	*charset;	/* declared by HTTP, or NULL */
	size_t		 max_stream;	/* read from a URL, a pipe or a device
					   (source.h); 0: their defaults */
};

#define DOC_FORMAT_AUTO		0	/* by name (.md, .html), else by content */
#define DOC_FORMAT_TEXT		1
#define DOC_FORMAT_MARKDOWN	2
#define DOC_FORMAT_HTML		3

/*
 * Opens a document (path NULL or "-": standard input).  Returns NULL and
 * sets *cause (allocated, one line) on failure.
 */
struct doc	*doc_open(const char *path, const struct doc_opts *,
		     char **cause);
/* Opens n bytes of memory (copied). */
struct doc	*doc_open_mem(const void *, size_t, const struct doc_opts *,
		     char **cause);
void		 doc_free(struct doc *);

/*
 * Segmentation.  A document opened with opts.lazy has only its first piece
 * (segment.h) segmented; the rest follows piece by piece, on demand
 * (doc_has_block) or when the reader is idle (doc_segment_more).  Otherwise
 * doc_open segments everything.  Block indices never change once given.
 */
/* Segments one more piece; returns 1 while more remain. */
int		 doc_segment_more(struct doc *);
void		 doc_segment_all(struct doc *);
int		 doc_complete(const struct doc *);
/*
 * May the texts of different blocks be built (doc_text, doc_forget) on
 * several threads at once?  Plain text, segmented, in its own script: a
 * block's text is then made from the source alone, into its own slot.
 */
int		 doc_independent(const struct doc *);
/* Source bytes segmented so far. */
size_t		 doc_segmented(const struct doc *);
/* Segments as far as needed for block i; false if there is none. */
int		 doc_has_block(struct doc *, size_t i);

/*
 * A document of the last pieces of d, bytes long at least, segmented at
 * once: its blocks are exactly d's last blocks (block offsets are offsets
 * in d's source), so that the end of a large document shows before the
 * rest is segmented.  It borrows d's source: free it before d.  A
 * Markdown tail starts where a piece may (markdown_tail_start) and numbers
 * its links from 1: its texts, doc_links and the links' spans agree with
 * one another, not with d's, until the view is back on d.  Not for HTML.
 */
struct doc	*doc_open_tail(struct doc *, size_t bytes);
/*
 * The start of a Markdown tail of d is a guess until a scan of d has
 * reached it (markdown_tail_start); this goes on with the scan by some
 * megabytes, while there is a tail or not (so that the next tail starts
 * right), and says whether tail is right: 1 yes (or it is no guess), 0
 * not known yet, -1 no: free it and open it again (it will be right).
 */
int		 doc_tail_check(struct doc *d, struct doc *tail);
/* Frees a Markdown tail of d and opens it again from the same place. */
struct doc	*doc_tail_again(struct doc *d, struct doc *tail);
/*
 * A window of d from the piece holding source byte off: its first piece
 * segmented, more on demand, blocks exactly d's (as for a tail), so that
 * a match far into a large document is shown without segmenting what
 * comes before it.  It borrows d's source: free it before d.  Plain text
 * only.
 */
struct doc	*doc_open_at(struct doc *, size_t off);
/* The source offset of the document's first block (0 but for tails). */
size_t		 doc_base(const struct doc *);
/* Where its first piece starts in the source (0 but for tails, windows). */
size_t		 doc_start(const struct doc *);
/* The block holding source byte off (segmenting up to it); 0 if none. */
size_t		 doc_block_at(struct doc *, uint64_t off);
/* Blocks segmented so far. */
size_t		 doc_nblocks(const struct doc *);
const struct block *doc_block(const struct doc *, size_t);
/* The block's text, built if needed.  Valid until doc_forget() or free. */
struct text	*doc_text(struct doc *, size_t);
/* Drops the cached text of a block. */
void		 doc_forget(struct doc *, size_t);
/* Is block i's text built? */
int		 doc_cached(const struct doc *, size_t);

/*
 * Shows the texts in another Chinese script (convert.h), or as written
 * (NULL): the texts built so far are dropped.  The converter is borrowed;
 * tails opened afterwards share it.  Block offsets, the source and every
 * source byte a text maps to stay the same; offsets in the texts change.
 */
struct convert;
void		 doc_set_convert(struct doc *, struct convert *);
struct convert	*doc_convert(const struct doc *);
/*
 * Block i's visible text as written, whatever the script shown (what a
 * note keeps of its section); allocated.
 */
char		*doc_visible_written(struct doc *, size_t i, size_t *len);

/*
 * Hides the marks folio adds around Markdown code (`), for a reader that
 * shows code in colour, or shows them again (the default: --dump, no
 * colour).  Drops the texts built so far.
 */
void		 doc_hide_marks(struct doc *, int hide);
/* True for a document read as Markdown. */
int		 doc_is_markdown(const struct doc *);
/*
 * True for a document rendered from markup (Markdown or HTML): its block
 * texts are not its source's lines.
 */
int		 doc_is_rendered(const struct doc *);
/* What it was read as: DOC_FORMAT_TEXT, _MARKDOWN or _HTML. */
int		 doc_kind(const struct doc *);
/*
 * HTML in reader mode: the article's share of the page's text, in percent;
 * -1 when the whole page is shown (or the document is not HTML).
 */
int		 doc_article(const struct doc *);
/*
 * Block i's text range drawn from source [lo, hi), and the source range
 * of text [from, to), through the text's runs (text.h); 0, or -1 when
 * nothing maps (no runs: a table, say).  passage.h builds on these.
 */
int		 doc_text_range(struct doc *, size_t i, uint64_t lo, uint64_t hi,
		     size_t *a, size_t *z);
int		 doc_source_range(struct doc *, size_t i, size_t from, size_t to,
		     uint64_t *a, uint64_t *z);
/* Markdown, HTML: the URLs of its links, one a line ("\n" after each). */
const char	*doc_links(const struct doc *, size_t *n);
/* What the document was read as: "text", "Markdown", "man page"... */
const char	*doc_format(const struct doc *);
/* The encoding the source was decoded from. */
const char	*doc_encoding(const struct doc *);
/* The UTF-8 source text (not NUL-terminated) and its length. */
const char	*doc_source(const struct doc *, size_t *len);
/* Bytes of UTF-8 source text. */
size_t		 doc_size(const struct doc *);
/*
 * The source bytes the blocks are drawn from, [*start, *end): all of it
 * until the document is segmented to its end; then from the first block
 * to the end of the last (a web page's article is a part of its source).
 */
void		 doc_span(const struct doc *, size_t *start, size_t *end);
/* The title line's text, or NULL; allocated, caller frees. */
char		*doc_title(struct doc *);
/* The same, as written whatever the script shown (written) or as shown. */
char		*doc_title_as(struct doc *, int written);

/* A heading block's level (1, 2, 3... from the ranks seen); 0 otherwise. */
int		 doc_level(const struct doc *, size_t i);
/*
 * Heading blocks with level >= 1 (the title is not one), in order, as far
 * as segmented; *n set.  Owned by the doc; valid until it segments more.
 */
const uint32_t	*doc_outline(const struct doc *, size_t *n);
/* Index in the outline of the section containing block b, or -1. */
long		 doc_section_of(const struct doc *, size_t b);

#endif
