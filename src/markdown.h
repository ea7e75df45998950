/*
 * markdown.h: Markdown to blocks, with md4c (CommonMark, GitHub tables,
 * strikethrough, task lists and autolinks).
 *
 * The document is parsed once; each block's display text is rendered into
 * one buffer with its style spans, and the block keeps the range of source
 * bytes it came from (for annotations, which anchor on the source).
 *   - headings are headings (ATX and setext; never a # line in code);
 *   - paragraph soft breaks are joined as plain text lines are (no space
 *     between CJK characters); a hard break continues the paragraph in a
 *     new block (BLOCK_CONT);
 *   - emphasis and strong are styles; code spans keep their `backticks`
 *     and strikethrough its ~~, so they read without attributes; a link
 *     is its text followed by [n], its URL is link n; an image is
 *     [image: alt];
 *   - list items carry their marker ("- ", "3. ", "[x] ") and hang;
 *     quotes their depth; code blocks, raw HTML and tables (aligned by
 *     display width) are preformatted; YAML front matter is hidden and
 *     its title is the document's.
 */
#ifndef FOLIO_MARKDOWN_H
#define FOLIO_MARKDOWN_H

#include <stddef.h>
#include <stdint.h>

#include "rdoc.h"

/*
 * Markdown renders into the model shared with HTML (rdoc.h); these are its
 * names there.
 */
#define md_block	rdoc_block
#define md_doc		rdoc

/*
 * A large document is parsed in pieces, as the reader needs them: a piece
 * ends at a blank line at least MD_PIECE bytes on, outside fenced code and
 * HTML blocks that blank lines do not end, before a line that nothing
 * above could continue (a list item, a quote, indented text, a table row
 * or an underline would).  The link reference definitions of the whole
 * document (markdown_find_defs) are appended to each piece that holds a
 * "]", so that [text][ref] resolves wherever ref is defined.
 */
#define MD_PIECE	(64 * 1024)

/* Parses n bytes of Markdown; returns 0, or -1 if md4c gave up. */
int	markdown_parse(const char *, size_t, struct md_doc *);
/* Starts a document of n bytes at s (front matter, title). */
void	markdown_begin(struct md_doc *, const char *s, size_t n);
/* Collects the link reference definitions of s; returns how many. */
size_t	markdown_find_defs(struct md_doc *, const char *s, size_t n);
/* Where the piece that starts at start ends (n at the last). */
size_t	markdown_piece_end(const char *s, size_t n, size_t start);
/*
 * The fenced code and HTML blocks open before a place: a scan of the lines
 * that may open or close one (quick: the others are skipped 16 bytes at
 * a time), kept where it stopped, with what was open every MD_MARK bytes
 * on, to start from again.
 */
struct md_open {
	size_t		 fence;		/* a fence's length, or 0 */
	char		 fc;		/* its character */
	const char	*html;		/* the end an HTML block waits for */
};
struct md_mark {
	size_t		 pos;		/* a line start */
	struct md_open	 open;		/* open before it */
};
struct md_marks {
	struct md_mark	*v;		/* v[n - 1]: where the scan is */
	size_t		 n;
	size_t		 cap;
};
#define MD_MARK	(1024 * 1024)

/* Goes on with the scan by at least bytes; returns 1 when it is done. */
int	markdown_marks_step(struct md_marks *, const char *s, size_t n,
	    size_t bytes);
void	markdown_marks_free(struct md_marks *);
/*
 * A place a piece may start at, at or a little before byte at, or, if
 * there is none before, the first after: the end of a large document can
 * be parsed from there on its own, into the same blocks (doc_open_tail).
 * Exact (*exact = 1) when the scan in marks has reached 64 KiB before at;
 * else a guess that nothing is open there, which the scan checks later:
 * it is right if the exact place is the same.
 */
size_t	markdown_tail_start(const char *s, size_t n, size_t at,
	    const struct md_marks *, int *exact);
/* Parses s[start, end), adding its blocks to the document. */
int	markdown_parse_piece(struct md_doc *, const char *s, size_t start,
	    size_t end);
void	markdown_free(struct md_doc *);
/* A name that says nothing of the format: no extension, .txt, .text. */
int	markdown_plain_name(const char *);
/* Does text without a file name look like Markdown? */
int	markdown_sniff(const char *, size_t);
/*
 * The same for a file whose name says nothing (spec.txt): front matter
 * with a title, or headings and fenced code, not "# " comments alone.
 */
int	markdown_sniff_file(const char *, size_t);
/* Is this file name a Markdown one (.md, .markdown)? */
int	markdown_name(const char *);

#endif
