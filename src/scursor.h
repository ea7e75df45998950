/*
 * scursor.h: a search cursor: the matches of a search in a document, in
 * order, from any place, and how many there are.  The reader's n and N,
 * its k/N count and --grep all go through it.
 *
 * A literal search in plain text runs on the raw source (search_scan: no
 * block is built to find a match far away); so does a regular expression
 * with a literal every match holds (search_needed): the source is scanned
 * for the literal and only the blocks where it is are searched with the
 * expression.  Any other regular expression, and any search in a Markdown
 * or HTML document, runs on the block texts (the source holds markup the
 * reader does not show), as does one that does not fold scripts in a
 * document shown in another script (convert.h: the source does not hold
 * what is shown).  Create the cursor again when that changes.  Either way
 * a match has its source bytes and, through the passage mapping
 * (passage.h), its model range, so what is found, what is drawn and what
 * is annotated are the same bytes.
 *
 * Blocks of plain text far beyond what the document has segmented are
 * read in a window of it (doc_open_at) that the cursor keeps, so that a
 * match at the end of 100 MB is verified or shown without segmenting the
 * rest.
 */
#ifndef FOLIO_SCURSOR_H
#define FOLIO_SCURSOR_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "search.h"

struct match {
	uint64_t	src;		/* source bytes [src, src_end) */
	uint64_t	src_end;
	struct pos	from;		/* model range in the cursor's document, */
	struct pos	to;		/* ... when have_pos */
	int		have_pos;
};

/* A place to search from: a source byte, or a model position (have_pos). */
struct place {
	uint64_t	src;
	struct pos	pos;
	int		have_pos;
};

struct scursor;

/* Both are borrowed and must outlive the cursor. */
struct scursor	*scursor_new(struct doc *, struct search *);
void		 scursor_free(struct scursor *);
/*
 * The document holding source byte off, *block set: the cursor's own when
 * it is segmented near there, else the cursor's window (valid until the
 * next call that moves it, or scursor_free).
 */
struct doc	*scursor_doc_at(struct scursor *, uint64_t off, size_t *block);
/*
 * m's model range [*from, *to) in *d, the document scursor_doc_at gives
 * for it (no segmenting up to a match far on); 0, or -1 if it shows
 * nothing.
 */
int		 scursor_model_in(struct scursor *, const struct match *m,
		     struct doc **d, struct pos *from, struct pos *to);
/* True when the search runs on block texts rather than on the source. */
int		 scursor_on_texts(const struct scursor *);

/*
 * The first match starting at or after the place (dir > 0), or the last
 * one starting before it (dir < 0), wrapping round the document once
 * (*wrapped set then).  Returns 1 with *m set, 0 if there is none, -1 if
 * a regular expression hit its match limit and nothing was found.
 */
int		 scursor_find(struct scursor *, const struct place *, int dir,
		     struct match *m, int *wrapped);
/* The match after (dir > 0) or before m, wrapping; as scursor_find. */
int		 scursor_step(struct scursor *, const struct match *m, int dir,
		     struct match *next, int *wrapped);
/*
 * Gives m its model range in the cursor's document (segmenting up to it);
 * 0, or -1 if it shows nothing.
 */
int		 scursor_model(struct scursor *, struct match *m);

/*
 * Counting, a step at a time (a few MB of source or a few hundred blocks):
 * begin (again) with the current match, or NULL; step returns 1 while
 * there is more to count.  total is -1 until done; index is the current
 * match's number from 1 (0 without one).
 */
void		 scursor_count_begin(struct scursor *, const struct match *);
int		 scursor_count_step(struct scursor *);
long		 scursor_total(const struct scursor *);
long		 scursor_counted(const struct scursor *);
long		 scursor_index(const struct scursor *);
/* True if a regular expression hit its match limit while counting. */
int		 scursor_limited(const struct scursor *);

/*
 * Walks every match in order, calling fn with it; stops when fn returns 0.
 * Returns the number of matches seen (for --grep).
 */
typedef int scursor_fn(void *, const struct match *);
long		 scursor_each(struct scursor *, scursor_fn *, void *);

#endif
