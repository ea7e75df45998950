/*
 * gloss.h: find converter debris such as 長(zhǎng) or 發(fā): a Han
 * character followed by its tone-marked pinyin in parentheses
 * (shared/docs/unicode-text.md §5.4).
 *
 * A gloss is recognised when the preceding character is a Han ideograph (or
 * one Latin letter right after one: 作為L(zhǎng)LM) and
 * the parenthesised part is one Mandarin syllable with exactly one tone
 * mark (precomposed or combining), known to Unihan.  中(zhong),
 * 微软(Microsoft) and iPhone(ā) are not glosses.
 */
#ifndef FOLIO_GLOSS_H
#define FOLIO_GLOSS_H

#include <stddef.h>

#include "buf.h"
#include "text.h"

/* If s[i..] starts a gloss after a Han character, returns its length. */
size_t	gloss_at(const char *s, size_t n, size_t i);
/* Adds a STYLE_HIDDEN span over every gloss in the text; returns how many. */
size_t	gloss_hide(struct text *);
/* Glosses in n bytes, counted up to enough. */
size_t	gloss_count(const char *, size_t, size_t enough);
/* Could n bytes hold a gloss (a parenthesis)?  A quick test before gloss_strip. */
int	gloss_may(const char *, size_t);
/* Appends s without its glosses to out (the text as shown); returns how many. */
size_t	gloss_strip(const char *, size_t, struct buf *);
/* True if the toneless syllable (UTF-8, n bytes) is Mandarin. */
int	gloss_is_syllable(const char *, size_t);

#endif
