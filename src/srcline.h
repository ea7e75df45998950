/*
 * srcline.h: lines of source text.  A line ends at LF, CR LF or a lone CR.
 */
#ifndef FOLIO_SRCLINE_H
#define FOLIO_SRCLINE_H

#include <stddef.h>
#include <stdint.h>

struct srcline {
	size_t	off;	/* first byte */
	size_t	len;	/* bytes, without the line end */
	size_t	next;	/* first byte of the next line */
};

/* Reads the line that starts at pos (pos < end). */
void	srcline_read(const char *, size_t end, size_t pos, struct srcline *);
/*
 * Line ends in bytes [from, to) of s (n bytes): LF, CR LF (one), lone CR;
 * a CR at to - 1 is counted by the range that holds its LF, if any.
 */
size_t	srcline_count(const char *, size_t n, size_t from, size_t to);
/*
 * Narrows [*off, *off + *len) to its text without leading and trailing
 * whitespace (space, tab, U+3000, NBSP).  Returns the columns of the
 * leading whitespace (a tab to the next multiple of 8, U+3000 is 2).
 */
int	srcline_trim(const char *, size_t *off, size_t *len);
/* Estimated display columns of n bytes of UTF-8 (capped at 9999). */
int	srcline_width(const char *, size_t);
/* First and last code points of n bytes of UTF-8 (0 when empty). */
uint32_t srcline_first(const char *, size_t);
uint32_t srcline_last(const char *, size_t);

#endif
