/*
 * width.h: the one width policy of folio (shared/docs/unicode-text.md §2.6).
 *
 * A code point's width is glibc's wcwidth(), which is what ncurses uses to
 * place it, so the layout and the screen agree.  The process must run in a
 * UTF-8 LC_CTYPE (the program sees to that).  Code points that wcwidth()
 * cannot measure never reach it: sanitize.c replaces them first.  A grapheme
 * cluster is as wide as the sum of its code points, which is what ncurses
 * computes when it is handed the cluster; sanitize.c removes the joiners and
 * selectors on which terminals disagree, so the sum is also what they draw.
 *
 * With ambiguous width 2 (--ambiguous-width=2), East Asian Ambiguous
 * characters such as “ ” … count as 2 columns.
 */
#ifndef FOLIO_WIDTH_H
#define FOLIO_WIDTH_H

#include <stdint.h>

/* Width in columns (0, 1 or 2) of a sanitised code point. */
int	width_cp(uint32_t, int ambiguous);
/* True if East Asian Width is Ambiguous. */
int	width_is_ambiguous(uint32_t);
/* True for wide characters other than Hangul (the "CJK side" of a join). */
int	width_is_cjk(uint32_t);
/* True for Han ideographs. */
int	width_is_han(uint32_t);
/*
 * Joining two lines of a paragraph, ending with a and starting with b: is
 * a space needed?  None between CJK characters (unicode-text.md §4).
 */
int	width_join_space(uint32_t a, uint32_t b);
/* Columns of a UTF-8 string of n bytes. */
int	width_str(const char *, size_t, int ambiguous);

#endif
