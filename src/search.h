/*
 * search.h: find what a person means.
 *
 * Text and pattern are compared after normalisation: compatibility forms
 * (NFKD, so full-width ＡＩ is AI and é matches e + U+0301), unless the
 * pattern holds an upper-case letter (smart case), case folding, and
 * unless SEARCH_NOSCRIPT, traditional Chinese folded to simplified one
 * character at a time (fold.h: 發展 and 发展 are one, and so are 髮 and 發).  Hidden
 * glosses are skipped (發(fā)展 matches 發展), and the line breaks inside a
 * paragraph are what the document model makes of them: nothing between CJK
 * characters, one space otherwise.  A blank line ends a paragraph, and no
 * match crosses it.
 *
 * Two ways to find matches, which agree:
 *   - search_text() on a block's text: the matches as byte ranges of the
 *     text (positions of the model), for highlighting and for moving to;
 *   - search_scan() on the raw source: the matches as source byte ranges,
 *     without building any block (a few hundred MB/s), for finding the next
 *     match and counting them in a large document.
 * Regular expressions (PCRE2, UTF mode, JIT-compiled where the platform
 * allows, with match limits) run on block texts only; search_scan()
 * cannot take them, but can find what they must hold (search_needed).
 */
#ifndef FOLIO_SEARCH_H
#define FOLIO_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

#define SEARCH_REGEX	0x01	/* a PCRE2 regular expression */
#define SEARCH_CASE	0x02	/* case-sensitive whatever the pattern */
#define SEARCH_HALFWIDTH 0x04	/* the source has no full-width letters or
				   digits (search_has_fullwidth): scan faster */
#define SEARCH_NOSCRIPT	0x08	/* traditional and simplified Chinese differ */
#define SEARCH_ICASE	0x10	/* fold case whatever the pattern */

struct search;

/* Returns NULL and sets *cause (allocated) for a bad pattern. */
struct search	*search_new(const char *pattern, int flags, char **cause);
void		 search_free(struct search *);
int		 search_is_regex(const struct search *);
/* True if the search folds case (no upper case in the pattern). */
int		 search_folds(const struct search *);
/* True if it folds traditional Chinese to simplified (no SEARCH_NOSCRIPT). */
int		 search_script(const struct search *);

/* Called for each match: [start, end) in the text or source. */
typedef int search_fn(void *, size_t start, size_t end);	/* 0: stop */

/*
 * Finds the matches in a block's text, in order.  Returns the number of
 * matches reported, or -1 if a regular expression hit its match limit.
 */
long		 search_text(struct search *, const struct text *,
		     search_fn *, void *);

/* True if the string (len bytes of UTF-8) holds a match: list filters. */
int		 search_in(struct search *, const char *, size_t len);

/*
 * Finds the matches that start in source bytes [from, to) of n bytes of
 * UTF-8 source text (they may end after to).  Returns how many.  Only for
 * literal searches.
 */
long		 search_scan(struct search *, const char *src, size_t n,
		     size_t from, size_t to, search_fn *, void *);

/*
 * A regular expression: a literal search for a run of characters that
 * every match holds (END-OF-C and RPUS in END-OF-C.RPUS), folded as the
 * expression is, so that search_scan() finds on the source at least every
 * place a match can be; then the blocks there are searched with
 * search_text().  NULL when the pattern has no such run that can be read
 * simply (alternation at the top, (?i), \Q...).  Owned by the search.
 */
struct search	*search_needed(const struct search *);

/* True if the source holds full-width ASCII letters or digits (ＡＩ, ３). */
int		 search_has_fullwidth(const char *, size_t);

#endif
