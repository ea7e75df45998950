/*
 * anchor.h: keeping an annotation attached to its passage when the
 * document changes (shared/docs/annotations.md §1.9).
 *
 * An annotation is captured as a selector on the source text: its byte
 * range, the quote (exact), up to 32 characters before (prefix) and after
 * (suffix), and the SHA-256 of the version it was taken on.  Resolving it
 * on a version climbs a ladder and stops at the first rung that holds:
 *   1. the same version: the range as it was (exact);
 *   2. the range still holds the quote with its context (exact);
 *   3. the quote with its whole context occurs once (moved);
 *   4. the quote occurs, and one place's context is clearly the best
 *      (moved); several places fit equally (ambiguous: never guessed);
 *   5. the context occurs once around a text within 20% of the quote's
 *      length that is at least 80% the same (fuzzy: a typo fixed);
 *   6. otherwise orphaned.
 * Comparisons ignore white space entirely, so that re-wrapped lines, CRLF
 * and joined CJK lines do not matter.  A look-alike passage elsewhere, with
 * another context, is never taken for the annotated one.
 */
#ifndef FOLIO_ANCHOR_H
#define FOLIO_ANCHOR_H

#include <stddef.h>

enum anchor_state {
	ANCHOR_EXACT,
	ANCHOR_MOVED,
	ANCHOR_FUZZY,
	ANCHOR_AMBIGUOUS,
	ANCHOR_ORPHAN,
};

struct anchor_sel {
	size_t	 start;		/* source bytes, in the captured version */
	size_t	 end;
	char	*exact;		/* owned strings */
	char	*prefix;
	char	*suffix;
	char	 sha[65];	/* of the captured version */
};

struct anchor_hit {
	int	state;		/* enum anchor_state */
	size_t	start;		/* where it is now (not for orphans) */
	size_t	end;
};

/* Captures [a, b) of n bytes of source whose SHA-256 is sha. */
void	anchor_capture(const char *, size_t n, size_t a, size_t b,
	    const char *sha, struct anchor_sel *);
void	anchor_sel_free(struct anchor_sel *);
/*
 * Resolves a selector on a version of the document.  Its numbers are not
 * trusted (an import brings them): a hit always lies in the text,
 * start <= end <= n.
 */
void	anchor_resolve(const char *, size_t n, const char *sha,
	    const struct anchor_sel *, struct anchor_hit *);
/* "anchored", "moved", "ambiguous", "orphaned" (fuzzy is moved). */
const char *anchor_state_name(int);

#endif
