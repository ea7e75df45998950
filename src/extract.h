/*
 * extract.h: finding the article in a web page (reader mode).
 *
 * Mozilla Readability's algorithm, on libxml2's tree (dom.h), tuned for
 * Chinese and Japanese pages: lengths are display columns (a CJK
 * character counts two, as Latin-tuned thresholds expect of a word's
 * worth of text), ， 、 and ； are commas, 。！？」 end sentences, and
 * titles are compared by words and by pairs of CJK characters.
 *   - metadata first, before anything is removed: JSON-LD (schema.org
 *     Article types), <meta> names and properties, <title>;
 *   - then scripts, styles and hidden or unlikely nodes go, divs that
 *     hold only text become paragraphs, paragraphs score their ancestors
 *     (commas, length), candidates are weighed by class names and link
 *     density, the best is refined and joined by its good siblings, and
 *     the result is cleaned (forms, share widgets, link farms, empty
 *     paragraphs);
 *   - the article is what the caller renders.
 * A result shorter than EXTRACT_ENOUGH columns is retried by the caller
 * on a fresh tree with one filter less (EXTRACT_* flags, in order).
 */
#ifndef FOLIO_EXTRACT_H
#define FOLIO_EXTRACT_H

#include "dom.h"

#define EXTRACT_STRIP_UNLIKELY	0x1	/* drop nodes named like chrome */
#define EXTRACT_WEIGHT_CLASSES	0x2	/* class and id names weigh */
#define EXTRACT_CLEAN		0x4	/* drop fishy blocks from the result */
#define EXTRACT_ALL		0x7
#define EXTRACT_ENOUGH		500	/* columns of text an article has */

/* What the page says about itself; strings allocated, or NULL. */
struct extract_meta {
	char	*title;
	char	*byline;
	char	*site;
	char	*date;		/* YYYY-MM-DD when the page gives a full date */
	char	*lang;
	char	*body;		/* JSON-LD articleBody */
};

/* Reads the metadata of an untouched page. */
void		 extract_meta(struct dom *, struct extract_meta *);
void		 extract_meta_free(struct extract_meta *);
/* Does the page look like it holds an article (Readability's test)? */
int		 extract_readerable(struct dom *);
/*
 * Finds the article, changing the tree: returns a container element
 * holding it (freed with the tree) and its text length in *len, or NULL.
 * A byline found in the page is set in m if m has none.
 */
xmlNodePtr	 extract_article(struct dom *, struct extract_meta *m,
		     int flags, int *len);
/*
 * Title similarity, Readability's: 1 when every word (or pair of CJK
 * characters) of b is in a, less as b has words of its own.
 */
double		 extract_similarity(const char *a, const char *b);

#endif
