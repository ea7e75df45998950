/*
 * html.h: a web page to blocks, with libxml2's HTML parser.
 *
 * The page (UTF-8 already: encoding.c decoded it) is parsed into a tree;
 * in reader mode the article is taken out of it (extract.c) and only it is
 * shown, after a title, byline, site and date line; otherwise the whole
 * body is.  Either way the shown elements become blocks of the rendered
 * model (rdoc.h), as Markdown does:
 *   - h1-h6 are headings (the outline); p, div, li, dt, dd, figcaption...
 *     paragraphs; ul/ol items with their marker; blockquote a quote;
 *   - pre keeps its lines; a data table is laid out in columns, a layout
 *     table's cells are paragraphs;
 *   - b/strong, i/em, code, s/del are styles (code keeps its `marks` and
 *     strikethrough its ~~); a link is its text followed by [n] and its
 *     URL (made absolute against the page's address) is link n; an image
 *     is [image: alt];
 *   - <br> goes on in a new block (BLOCK_CONT); two or more in a row, or
 *     one before a line indented with ideographic spaces, start a new
 *     paragraph (such lines are indented paragraphs, BLOCK_INDENT);
 *   - white space collapses as a browser collapses it, and a line end
 *     between two CJK characters is no space;
 *   - scripts, styles, comments, forms' controls, and elements that are
 *     hidden (hidden, aria-hidden, display:none, visibility:hidden) never
 *     show.
 * Every piece of text keeps runs back to the source bytes it was decoded
 * from (a text node's entities map to the entity); a table's text has
 * none.  Nothing is fetched: images and links are only named.
 */
#ifndef FOLIO_HTML_H
#define FOLIO_HTML_H

#include <stddef.h>

#include "rdoc.h"

#define HTML_READER_AUTO	0	/* the article when the page has one */
#define HTML_READER_ON		1	/* always the article */
#define HTML_READER_OFF		2	/* the whole page */

struct html_opts {
	int		 reader;	/* HTML_READER_* */
	const char	*base;		/* the page's URL or path, or NULL */
	int		 plain_links;	/* no [n] after links (printing) */
};

/* What html_render found. */
struct html_info {
	int		 article;	/* the article alone is shown */
	int		 percent;	/* its share of the page's text */
};

/*
 * Renders n bytes of UTF-8 HTML into out (initialised here; free it with
 * rdoc_free).  Returns 0, or -1 if libxml2 could not make a tree.
 */
int	html_render(const char *, size_t, const struct html_opts *,
	    struct rdoc *out, struct html_info *);
/*
 * A link made absolute against base (a URL or a path), as a browser
 * would; allocated.  The link itself if it cannot be.
 */
char	*html_resolve(const char *href, const char *base);
/*
 * Does text without a telling file name look like HTML?  2: a page
 * (<!DOCTYPE html>, <html>, <head>...), 1: a fragment that opens with an
 * element and closes some (Markdown may too: ask it first), 0: no.
 */
int	html_sniff(const char *, size_t);
/* Is this file name an HTML one (.html, .htm, .xhtml)? */
int	html_name(const char *);

#endif
