/*
 * rdoc.h: a rendered document, the model shared by the parsers of markup
 * (markdown.c for Markdown, html.c for HTML).
 *
 * A parser renders each block's display text into one buffer, with its
 * style spans, and keeps runs (text.h) that map the text back to the
 * source bytes it came from: annotations anchor on the source, so a
 * highlight or a selection with markup inside it still finds its bytes.  A block's
 * struct block records the range of source it was drawn from (offsets
 * never decrease from one block to the next).
 */
#ifndef FOLIO_RDOC_H
#define FOLIO_RDOC_H

#include <stddef.h>
#include <stdint.h>

#include "block.h"
#include "buf.h"
#include "text.h"

struct rdoc_block {
	struct block	b;		/* type, level, depth, flags, source */
	size_t		text;		/* its display text in rdoc.text */
	size_t		len;
	size_t		span;		/* its spans in rdoc.spans */
	size_t		nspans;
	size_t		run;		/* its runs in rdoc.runs */
	size_t		nruns;
	unsigned	hang;		/* list marker columns */
};

struct rdoc {
	struct buf	 text;		/* all display texts */
	struct rdoc_block *v;
	size_t		 n;
	size_t		 cap;
	struct span	*spans;		/* offsets within each block's text */
	size_t		 nspans;
	size_t		 spancap;
	struct text_run	*runs;		/* where each block's text came from */
	size_t		 nruns;
	size_t		 runcap;
	struct buf	 links;		/* "URL\n" per link, in order */
	size_t		 nlinks;
	char		*title;		/* the document's title, or NULL */
	size_t		 skip;		/* Markdown: bytes of front matter */
	size_t		 before;	/* Markdown: where the block before the
					   first ends (a piece's), or 0 */
	struct buf	 defs;		/* Markdown: link definitions, for pieces */
};

/* Appends an empty block (zeroed but for its place) and returns it. */
struct rdoc_block *rdoc_push_block(struct rdoc *);
/* Appends a span of a block whose text starts at start in d->text. */
void	rdoc_add_span(struct rdoc *, size_t start, size_t from, size_t to,
	    int style, int data);
/*
 * Appends a run (offsets in the block's text); the caller keeps a block's
 * runs in text and source order.
 */
void	rdoc_add_run(struct rdoc *, uint32_t text, uint32_t tlen,
	    uint64_t src, uint32_t slen);
/* Adds a link's URL (sanitised); returns its number, from 1. */
size_t	rdoc_add_link(struct rdoc *, const char *url, size_t n);
void	rdoc_free(struct rdoc *);
/*
 * The type of a leaf of running text inside lists (depth) and quotes
 * (depth): a list item's, a quote's, else a paragraph.
 */
int	rdoc_flow_type(int lists, int quote);
/*
 * Is an image's alt text only its file name ("IMG_0042.JPG", what some
 * editors fill in, or a CMS's name without the extension, "0225-lupita-
 * getty-01"; blanks around it do not count)?  It says nothing of the
 * picture: the image is shown as one without alt text is.
 */
int	rdoc_alt_is_file_name(const char *alt);

/*
 * Lays out a table of rows x cols cells (row-major, sanitised, one line
 * each) in columns aligned by display width, as preformatted text: cells
 * separated by " | ", a rule of -+- under the header rows.  align holds
 * 'l', 'c' or 'r' per cell (NULL: all left).  A column wider than maxw
 * columns (0: no limit) has its cells wrapped onto more lines.  Appends
 * to out, each row ending with a line end.
 */
void	rdoc_table(struct buf *out, char *const *cells, size_t rows,
	    size_t cols, size_t header_rows, const char *align, int maxw);

#endif
