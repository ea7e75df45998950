/*
 * view.h: a viewport on a document: which laid-out lines fill a screen of a
 * given size, and how it moves.
 *
 * The view is anchored at a position (block, byte offset): the top line is
 * the line holding the anchor.  Only the blocks around it are laid out (a
 * window of lines that grows and shrinks as the view moves), so the first
 * screen, the end, a section jump and a resize cost the same on a 100 MB
 * document as on a small one.  Moving the view sets the anchor to the start
 * of the new top line; changing the width keeps the anchor as it is, so the
 * same first character stays at the top through any number of resizes.
 */
#ifndef FOLIO_VIEW_H
#define FOLIO_VIEW_H

#include <stddef.h>

#include "doc.h"
#include "layout.h"

struct view;

/* The anchor: a position, or the blank line before a block (gap). */
struct anchor {
	struct pos	pos;
	int		gap;	/* the blank line before pos.block */
};

/*
 * The end of a document that is not yet segmented to it (view_end) is
 * shown from a tail document (doc_open_tail); the view moves back to the
 * main document, with the same lines, when it is scrolled above the tail or
 * when view_sync finds the main document segmented.  Lines and positions
 * the view gives out are in view_doc()'s block numbers; positions given to
 * view_goto are in the main document's.
 */

/* The document is borrowed; it must outlive the view. */
struct view	*view_new(struct doc *, const struct layout_opts *, int rows);
void		 view_free(struct view *);

/* The document the lines on screen belong to. */
struct doc	*view_doc(const struct view *);
/* Moves to the main document when it is segmented (call when idle). */
void		 view_sync(struct view *);
/*
 * A step of the check of a Markdown tail's start (doc_tail_check; call
 * when idle): 1 if it was wrong and the tail was opened again (if it was
 * on screen, at the same place, or the end if the end was shown): the
 * positions in it changed.
 */
int		 view_check_tail(struct view *);

/* Changes the width, ambiguous width or sideways scroll; keeps the anchor. */
void		 view_set_opts(struct view *, const struct layout_opts *);
const struct layout_opts *view_opts(const struct view *);
void		 view_set_rows(struct view *, int rows);

/*
 * The lines on screen: up to rows lines from the top; *n set.  Valid until
 * the view changes.  The texts of their blocks are built (doc_text).
 */
const struct line *view_lines(struct view *, size_t *n);

/* Moves by n lines (negative: up); returns the lines actually moved. */
long		 view_scroll(struct view *, long n);
void		 view_start(struct view *);
/* Shows the end: the last line at the bottom. */
void		 view_end(struct view *);
/* Puts the line holding pos at the top. */
void		 view_goto(struct view *, struct pos);
/* Puts the line holding pos of document d (main or view_locate's) on top. */
void		 view_goto_in(struct view *, struct doc *, struct pos);
/*
 * The document and block holding source byte off: the main document, or,
 * near the end of one not segmented so far, a tail.  For view_goto_in.
 */
struct doc	*view_locate(struct view *, uint64_t off, size_t *block);
/* Goes to a fraction (0..1) of the document, by source bytes. */
void		 view_goto_fraction(struct view *, double);

struct anchor	 view_anchor(const struct view *);

/*
 * Shows the document in another script (doc_set_convert; NULL: as
 * written), main and tail alike, keeping the same first character at the
 * top: a converted text has the same characters, one for one.
 */
struct convert;
void		 view_set_convert(struct view *, struct convert *);
/* The block of the top line. */
size_t		 view_top_block(const struct view *);
/* True if the last line of the document is on screen. */
int		 view_at_end(struct view *);
/* How far through the document the bottom line is, 0..1. */
double		 view_fraction(struct view *);
/* Source bytes after the bottom line (for reading time). */
size_t		 view_bytes_left(struct view *);

/*
 * Section navigation.  Returns 0 and moves the view, or -1 if there is no
 * such section.  same_or_higher: only sections at the current section's
 * level or above.
 */
int		 view_next_section(struct view *, int same_or_higher);
int		 view_prev_section(struct view *, int same_or_higher);
/* The outline index of the section the top line is in, or -1. */
long		 view_section(struct view *);

#endif
