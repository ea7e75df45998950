/*
 * textfast.h: the fast path of text analysis, one cluster at a time
 * (private to src/: text.c builds a text's cluster arrays with it, and
 * layout.c lays out a paragraph with it in the same pass, without them).
 *
 * The fast path takes a text of printable ASCII, CJK ideographs, Latin-1,
 * general and CJK punctuation and the full-width forms, not preformatted,
 * with nothing hidden and not starting with a space.  None of these
 * characters joins another into a cluster; a break before a character
 * comes from libunistring's decision for the pair (the character before,
 * past any spaces, and it; asked once and kept in tables), its width and
 * flags from per-character tables; text_char_flags is asked for the few
 * characters whose flags depend on more (TEXT_FAST_ODD).  test_text checks
 * the result against the library path.
 */
#ifndef FOLIO_TEXTFAST_H
#define FOLIO_TEXTFAST_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <unilbrk.h>

#include "text.h"
#include "utf8.h"

#define TEXT_FAST_ID	95		/* every ideograph */
#define TEXT_FAST_LATIN	(TEXT_FAST_ID + 1)	/* U+00A0..U+00FF */
#define TEXT_FAST_GEN	(TEXT_FAST_LATIN + 96)	/* U+2010..U+2027 */
#define TEXT_FAST_CJK	(TEXT_FAST_GEN + 24)	/* U+3000..U+3029 */
#define TEXT_FAST_FULL	(TEXT_FAST_CJK + 42)	/* U+FF01..U+FF60 */
#define TEXT_FAST_N	(TEXT_FAST_FULL + 96)
#define TEXT_FAST_ODD	0x80	/* in text_fast_info: ask text_char_flags */

/*
 * UC_BREAK_* + 1 per pair, 0 until asked (text_fast_ask); atomic: a
 * pair is asked by whichever thread meets it first (printing lays out on
 * several), and an entry is only ever written whole, with one value.
 */
extern _Atomic char text_fast_direct[TEXT_FAST_N][TEXT_FAST_N];
extern _Atomic char text_fast_spaced[TEXT_FAST_N][TEXT_FAST_N];
/* per character: CL_NOSTART, CL_NOEND and TEXT_FAST_ODD */
extern uint8_t	text_fast_info[TEXT_FAST_N];
/* ASCII letters and digits: between two of them no break (UAX #14 LB23,
   LB25, LB28; test_text asks libunistring), no flags, one column */
extern const uint8_t text_fast_alnum[256];

/* A text on the fast path, and the state between two of its clusters. */
struct text_fast_at {
	uint32_t	 prev;	/* the character before */
	int16_t		 last;	/* index of the last one not a space, or -1 */
	uint8_t		 spaced; /* spaces since it */
	uint8_t		 pf;	/* flags of the cluster before */
	uint8_t		 odd;	/* it was TEXT_FAST_ODD */
};

struct text_fast {
	const uint8_t	*s;
	size_t		 len;
	const uint8_t	*width;	/* per character index */
	struct text_fast_at at;	/* before the first byte */
};

/* Starts at the text's first byte; -1 if the fast path does not take it
   (hidden spans, empty, a space first). */
int	text_fast_begin(struct text_fast *, const struct text *, int ambiguous);
/*
 * The state before byte i (a character's first), from the bytes before it
 * alone: what text_fast_step leaves there, in every field it reads.
 */
void	text_fast_at(const struct text_fast *, size_t i, struct text_fast_at *);
/* Asks libunistring for the pair a, b (direct and after a space). */
void	text_fast_ask(int a, int b);
/* The flags of a TEXT_FAST_ODD character c, or of the one after it. */
int	text_fast_odd(const struct text_fast *, uint32_t prev, size_t i,
	    uint32_t c, char brk);

#if defined(__GNUC__)
#define TEXT_FAST_INLINE	static inline __attribute__((always_inline))
#else
#define TEXT_FAST_INLINE	static inline
#endif

/* The fast path's index of c, or -1 if c takes the library's path. */
TEXT_FAST_INLINE int
text_fast_class(uint32_t c)
{
	if (c >= 0x20 && c < 0x7F)
		return (int)c - 0x20;
	if (c >= 0x4E00 && c <= 0x9FFF)
		return TEXT_FAST_ID;
	if (c >= 0xA0 && c <= 0xFF)
		return TEXT_FAST_LATIN + (int)c - 0xA0;
	if (c >= 0x2010 && c <= 0x2027)
		return TEXT_FAST_GEN + (int)c - 0x2010;
	if (c >= 0x3000 && c <= 0x3029)	/* not the marks from U+302A */
		return TEXT_FAST_CJK + (int)c - 0x3000;
	if (c >= 0xFF01 && c <= 0xFF60)
		return TEXT_FAST_FULL + (int)c - 0xFF01;
	return -1;
}

/* The break before b after a (spaced: with spaces between): UC_BREAK_*. */
TEXT_FAST_INLINE char
text_fast_pair(int a, int b, int spaced)
{
	_Atomic char	*e = spaced ? &text_fast_spaced[a][b] :
			    &text_fast_direct[a][b];
	char		 v = atomic_load_explicit(e, memory_order_relaxed);

	if (v == 0) {
		text_fast_ask(a, b);
		v = atomic_load_explicit(e, memory_order_relaxed);
	}
	return (char)(v - 1);
}

/*
 * The cluster at byte i: its columns (*w) and CL_* flags (*fl); returns
 * its length in bytes, or 0 if the character is not the fast path's.
 */
TEXT_FAST_INLINE int
text_fast_step(const struct text_fast *t, struct text_fast_at *st, size_t i,
    int *w, int *fl)
{
	uint32_t	c = t->s[i];
	int		len = 1, cls, f;
	char		brk = UC_BREAK_PROHIBITED;

	if (c == ' ') {
		*w = 1;
		*fl = st->pf = CL_SPACE;
		st->spaced = 1;
		st->prev = c;
		return 1;
	}
	if (c > 0x20 && c < 0x7F)
		cls = (int)c - 0x20;
	else {
		len = utf8_decode(t->s + i, t->len - i, &c);
		if ((cls = text_fast_class(c)) < 0)
			return 0;
	}
	if (st->last >= 0)
		brk = text_fast_pair(st->last, cls, st->spaced);
	f = text_fast_info[cls];
	if (brk == UC_BREAK_POSSIBLE)
		f |= CL_BREAK;
	if ((f & TEXT_FAST_ODD) || st->odd)
		f = (f & TEXT_FAST_ODD) | text_fast_odd(t, st->prev, i, c, brk);
	st->odd = (f & TEXT_FAST_ODD) != 0;	/* for prev == 0xFF0F, "-" */
	if ((f & CL_NOSTART) || (st->pf & CL_NOEND))
		f &= ~CL_BREAK;
	*w = t->width[cls];
	*fl = st->pf = (uint8_t)(f & ~TEXT_FAST_ODD);
	st->last = (int16_t)cls;
	st->spaced = 0;
	st->prev = c;
	return len;
}

/*
 * After a cluster that is an ASCII letter or digit: the letters and
 * digits that follow it at byte i, taken at once (each a cluster of one
 * column, no break before it, no flags); returns how many.
 */
TEXT_FAST_INLINE size_t
text_fast_word(const struct text_fast *t, struct text_fast_at *st, size_t i)
{
	size_t	j = i;

	while (j < t->len && text_fast_alnum[t->s[j]])
		j++;
	if (j > i) {
		st->prev = t->s[j - 1];
		st->last = (int16_t)(st->prev - 0x20);
		st->pf = 0;
	}
	return j - i;
}

/*
 * After a cluster that is a CJK ideograph: the ideographs (U+4E00..U+9FFF,
 * three bytes each) that follow it at byte i, taken at once (each a
 * cluster of the ideograph's width with a break before it and no other
 * flag: UAX #14 LB31, test_text asks libunistring); returns how many.
 */
TEXT_FAST_INLINE size_t
text_fast_han(const struct text_fast *t, struct text_fast_at *st, size_t i)
{
	const uint8_t	*p = t->s + i, *e = t->s + t->len;

	while (e - p >= 3 && p[0] >= 0xE4 && p[0] <= 0xE9 &&
	    (p[0] > 0xE4 || p[1] >= 0xB8) && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80)
		p += 3;
	if (p > t->s + i) {
		st->prev = (uint32_t)(p[-3] & 0x0F) << 12 |
		    (uint32_t)(p[-2] & 0x3F) << 6 | (p[-1] & 0x3F);
		st->pf = CL_BREAK;
	}
	return (size_t)(p - (t->s + i)) / 3;
}

/*
 * After a letter or digit: the spaces at byte i and the letter or digit
 * after them, taken at once (the spaces one column each; the letter one
 * column, a break before it and no other flag: UAX #14 LB18, test_text
 * asks libunistring); returns how many spaces, 0 if that is not what
 * comes (the state is then untouched).
 */
TEXT_FAST_INLINE size_t
text_fast_spaced_alnum(const struct text_fast *t, struct text_fast_at *st,
    size_t i)
{
	size_t	j = i;

	while (j < t->len && t->s[j] == ' ')
		j++;
	if (j == i || j >= t->len || !text_fast_alnum[t->s[j]])
		return 0;
	st->prev = t->s[j];
	st->last = (int16_t)(st->prev - 0x20);
	st->spaced = 0;
	st->pf = CL_BREAK;
	st->odd = 0;
	return j - i;
}

#endif
