/*
 * utf8.h: a fast UTF-8 decoder for the hot loops.  Valid 1-, 2- and 3-byte
 * sequences are decoded inline; anything else goes to libunistring's
 * u8_mbtouc(), which turns invalid bytes into U+FFFD.
 */
#ifndef FOLIO_UTF8_H
#define FOLIO_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

/* Decodes the character at s (n > 0 bytes left); returns its length. */
static inline int
utf8_decode(const uint8_t *s, size_t n, uint32_t *c)
{
	ucs4_t	u;
	int	len;

	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	/* three bytes, no overlong form, no surrogate (ED) */
	if (s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && n >= 3 &&
	    (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
		*c = (s[0] & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*c = (s[0] & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	len = u8_mbtouc(&u, s, n);
	*c = u;
	return len;
}

/* Bytes of printable ASCII (0x20..0x7E) from p on, eight at a time. */
static inline size_t
utf8_printable(const uint8_t *p, const uint8_t *end)
{
	const uint64_t	hi = 0x8080808080808080ULL;
	const uint8_t	*q = p;
	uint64_t	 x;

	while (end - q >= 8) {
		memcpy(&x, q, 8);
		/* a high bit, a byte below 0x20 (borrow), or 0x7F (+1) */
		if (((x | (x - 0x2020202020202020ULL) |
		    (x + 0x0101010101010101ULL)) & hi) != 0)
			break;
		q += 8;
	}
	while (q < end && *q >= 0x20 && *q < 0x7F)
		q++;
	return (size_t)(q - p);
}

#endif
