/*
 * dom.h: the parsed HTML page as html.c and extract.c see it: libxml2's
 * tree, with each element's tag known by number and, for each node, sums
 * over its subtree (text length in display columns, link text, commas,
 * counts of some tags) kept up to date as nodes are moved or removed.
 *
 * The sums make every measure Readability takes of a subtree O(1), so
 * that extraction is linear in the page whatever its shape; moving or
 * removing a node adjusts its ancestors (at most DOM_DEPTH of them: the
 * tree is flattened below that depth, as browsers do).  Removed nodes are
 * kept under a trash element and freed with the document.
 *
 * Text nodes keep where their text came from in the source: pieces, in
 * text order, each a range of the node's text and the range of source
 * bytes it was decoded from (html.c records them while parsing).
 */
#ifndef FOLIO_DOM_H
#define FOLIO_DOM_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "xmlapi.h"	/* libxml2 through its table, opened when needed */

#define DOM_DEPTH	512

enum tag {
	TAG_OTHER,
	TAG_A, TAG_ABBR, TAG_ADDRESS, TAG_ARTICLE, TAG_ASIDE, TAG_AUDIO,
	TAG_B, TAG_BASE, TAG_BDI, TAG_BDO, TAG_BIG, TAG_BLOCKQUOTE, TAG_BODY,
	TAG_BR, TAG_BUTTON, TAG_CANVAS, TAG_CAPTION, TAG_CENTER, TAG_CITE,
	TAG_CODE, TAG_COL, TAG_COLGROUP, TAG_DATA, TAG_DATALIST, TAG_DD,
	TAG_DEL, TAG_DETAILS, TAG_DFN, TAG_DIALOG, TAG_DIR, TAG_DIV, TAG_DL,
	TAG_DT, TAG_EM, TAG_EMBED, TAG_FIELDSET, TAG_FIGCAPTION, TAG_FIGURE,
	TAG_FONT, TAG_FOOTER, TAG_FORM, TAG_FRAME, TAG_FRAMESET, TAG_H1,
	TAG_H2, TAG_H3, TAG_H4, TAG_H5, TAG_H6, TAG_HEAD, TAG_HEADER,
	TAG_HGROUP, TAG_HR, TAG_HTML, TAG_I, TAG_IFRAME, TAG_IMG, TAG_INPUT,
	TAG_INS, TAG_KBD, TAG_LABEL, TAG_LEGEND, TAG_LI, TAG_LINK, TAG_LISTING,
	TAG_MAIN, TAG_MAP, TAG_MARK, TAG_MATH, TAG_MENU, TAG_META, TAG_METER,
	TAG_NAV, TAG_NOBR, TAG_NOEMBED, TAG_NOFRAMES, TAG_NOSCRIPT, TAG_OBJECT,
	TAG_OL, TAG_OPTGROUP, TAG_OPTION, TAG_OUTPUT, TAG_P, TAG_PARAM,
	TAG_PICTURE, TAG_PLAINTEXT, TAG_PRE, TAG_PROGRESS, TAG_Q, TAG_RP,
	TAG_RT, TAG_RUBY, TAG_S, TAG_SAMP, TAG_SCRIPT, TAG_SEARCH, TAG_SECTION,
	TAG_SELECT, TAG_SMALL, TAG_SOURCE, TAG_SPAN, TAG_STRIKE, TAG_STRONG,
	TAG_STYLE, TAG_SUB, TAG_SUMMARY, TAG_SUP, TAG_SVG, TAG_TABLE,
	TAG_TBODY, TAG_TD, TAG_TEMPLATE, TAG_TEXTAREA, TAG_TFOOT, TAG_TH,
	TAG_THEAD, TAG_TIME, TAG_TITLE, TAG_TR, TAG_TRACK, TAG_TT, TAG_U,
	TAG_UL, TAG_VAR, TAG_VIDEO, TAG_WBR, TAG_XMP,
	TAG_COUNT
};

/* Sums over a subtree (the node included). */
struct dom_sum {
	int32_t		len;		/* text: columns of non-blanks, + gaps */
	float		link;		/* ... of it inside links (# links x0.3) */
	int32_t		commas;		/* , ， 、 ； and the like */
	int32_t		heading;	/* text inside h1-h6 */
	int32_t		textish;	/* text inside span li td div p... */
	int32_t		list;		/* text inside ul and ol */
	int32_t		p, img, li, input, embed, table, br, hr, elems;
	int32_t		blocks;		/* blockquote dl div img ol p pre table ul */
	int32_t		datatable;	/* data tables inside (extract.c) */
};

/* What extraction knows of an element. */
struct dom_info {
	struct dom_sum	sum;
	float		score;
	uint8_t		scored;		/* has a score (a candidate) */
	uint8_t		datatable;	/* is a data table */
	uint8_t		orig;		/* the tag before a rename, or 0 */
};

/* A piece of a text node: text [text, text + len) from source [src, end). */
struct dom_piece {
	xmlNodePtr	node;
	uint32_t	text;
	uint32_t	len;
	uint64_t	src;
	uint64_t	end;
	int32_t		sum_len;	/* the node's text sums, on its first */
	int32_t		sum_commas;	/* piece, once summed (summed set) */
	int		summed;
};

struct dom {
	htmlDocPtr	 doc;
	xmlNodePtr	 trash;		/* removed nodes, freed with doc */
	struct dom_info	*info;		/* per element: _private is index + 1 */
	size_t		 ninfo;
	size_t		 infocap;
	struct dom_piece *pieces;	/* text nodes: _private is index + 1 */
	size_t		 npieces;
	size_t		 piececap;
};

/* The tag of an element (TAG_OTHER for anything else, or a non-element). */
int		 dom_tag(xmlNodePtr);
/* The tag number of a lower-case name. */
int		 dom_tag_of(const char *);
int		 dom_is_heading(int tag);
/* Elements that start a new block of text where they appear. */
int		 dom_is_block(int tag);
/* Is an element hidden (hidden, aria-hidden, display:none...)? */
int		 dom_hidden(xmlNodePtr);
/* An attribute's value (borrowed from the tree), or NULL. */
const char	*dom_attr(xmlNodePtr, const char *name);
/* class and id, "class id" (a static buffer, cut at 1 KiB). */
const char	*dom_match_string(xmlNodePtr);
/* First and next element children. */
xmlNodePtr	 dom_first_elem(xmlNodePtr);
xmlNodePtr	 dom_next_elem(xmlNodePtr);
size_t		 dom_nelems(xmlNodePtr);
/* The next node in document order (into children unless skip). */
xmlNodePtr	 dom_next(xmlNodePtr, xmlNodePtr root, int skip);

/*
 * Tags the elements, flattens the tree below DOM_DEPTH, gives every
 * element its info and computes all sums.  Called once after parsing.
 */
void		 dom_prepare(struct dom *);
/* The info of an element (every element has one after dom_prepare). */
struct dom_info	*dom_info(struct dom *, xmlNodePtr);
const struct dom_sum *dom_sum(struct dom *, xmlNodePtr);
/* The sums of one text node (kept with its pieces once made). */
void		 dom_text_sum(struct dom *, xmlNodePtr, struct dom_sum *);
/* Link density: link text over text, 0 without text. */
double		 dom_link_density(struct dom *, xmlNodePtr);

/* A new element named tag (a libxml2 name), with its info. */
xmlNodePtr	 dom_new_elem(struct dom *, const char *name);
/* Renames an element. */
void		 dom_rename(struct dom *, xmlNodePtr, const char *name);
/* Unlinks a node, its sums taken from its ancestors; kept in the trash. */
void		 dom_remove(struct dom *, xmlNodePtr);
/*
 * Moves a node (linked or not) to be the last child of parent, or before
 * sibling when it is not NULL; sums follow.  Text nodes are never merged.
 */
void		 dom_append(struct dom *, xmlNodePtr parent, xmlNodePtr);
void		 dom_insert_before(struct dom *, xmlNodePtr sibling, xmlNodePtr);
/* Recomputes the sums of a subtree and puts them into its ancestors. */
void		 dom_resum(struct dom *, xmlNodePtr);

/*
 * The text of a node's subtree with white space runs as one space and
 * trimmed, at most max bytes (more is cut); allocated.
 */
char		*dom_text(xmlNodePtr, size_t max);
/* Is a text node only white space? */
int		 dom_is_blank(xmlNodePtr);

void		 dom_free(struct dom *);

#endif
