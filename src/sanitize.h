/*
 * sanitize.h: make a line of document text safe and measurable.
 *
 * What comes out holds no escape sequence, no C0 or C1 control, no bidi
 * override and no code point whose width the terminal and ncurses could
 * disagree on:
 *   - invalid UTF-8 becomes U+FFFD;
 *   - ESC sequences (CSI, OSC, DCS, SOS, PM, APC, two-byte ESC x) and their
 *     C1 forms are removed;
 *   - a tab becomes spaces to the next multiple of 8 columns;
 *   - backspace removes the character before it (overstrike: "_\bx" is x);
 *   - other C0 controls and DEL are shown in caret notation (^G, ^?), C1
 *     controls are removed;
 *   - bidi controls, zero-width and invisible formatting characters, soft
 *     hyphens, variation selectors 15/16, the zero-width joiner and emoji
 *     skin-tone modifiers are removed;
 *   - a code point wcwidth() cannot measure (newer than the C library's
 *     tables, or unassigned) becomes 〓 when it is a wide ideograph or emoji
 *     and U+FFFD otherwise; a lone regional indicator becomes U+FFFD.
 */
#ifndef FOLIO_SANITIZE_H
#define FOLIO_SANITIZE_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "text.h"

/*
 * Appends the sanitised form of n bytes (one line, no line end) to out.
 * *col is the display column reached so far on this line (for tabs); it is
 * updated.
 */
void	sanitize_line(struct buf *out, const char *, size_t, int *col);
/*
 * The same, recording in runs where each piece of what it appends came
 * from; src is the source offset of the line's first byte.
 */
void	sanitize_line_map(struct buf *out, const char *, size_t, int *col,
	    struct runs *runs, uint64_t src);
/*
 * True if sanitising n bytes (one line) would change nothing.  (U+FFFD
 * counts as a change: it may stand for invalid bytes.)
 */
int	sanitize_unchanged(const char *, size_t);
/*
 * Fills the table sanitising otherwise fills the first time (the columns
 * of the characters its fast run keeps), before several threads use it.
 */
void	sanitize_prepare(void);
/* The sanitised form of n bytes (one line), as a new string. */
char	*sanitize_dup(const char *, size_t);
/*
 * The sanitised form of text of several lines: each line as sanitize_line
 * makes it, its line end ("\n", or "\r\n" as "\n") kept.  Appended to out.
 */
void	sanitize_text(struct buf *out, const char *, size_t);

/*
 * Everything folio prints outside the reader goes through these: exports,
 * --notes, messages with a file name or a quote in them.  Like fputs and
 * fprintf, the output made safe by sanitize_text.  They return 0, or -1
 * on a write error.
 */
int	sanitize_fputs(const char *, FILE *);
int	sanitize_fprintf(FILE *, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));

#endif
