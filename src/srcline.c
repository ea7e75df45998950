/* srcline.c: split source text into lines and measure them cheaply. */
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "srcline.h"

/*
 * The line end is sought in windows that double from 256 bytes, so that
 * finding it costs about the length of the line whichever end it has: a
 * file of lone CRs (no LF to find) is read in linear time, not quadratic.
 */
void
srcline_read(const char *s, size_t end, size_t pos, struct srcline *l)
{
	const char	*p = s + pos, *e = s + end, *nl, *cr;
	size_t		 w = 256, n;

	l->off = pos;
	for (;;) {
		n = (size_t)(e - p) < w ? (size_t)(e - p) : w;
		nl = memchr(p, '\n', n);
		cr = memchr(p, '\r', nl != NULL ? (size_t)(nl - p) : n);
		if (cr != NULL) {
			l->len = (size_t)(cr - (s + pos));
			l->next = (size_t)(cr + 1 - s) +
			    (cr + 1 < e && cr[1] == '\n');
			return;
		}
		if (nl != NULL) {
			l->len = (size_t)(nl - (s + pos));
			l->next = (size_t)(nl + 1 - s);
			return;
		}
		if ((p += n) >= e)
			break;
		w *= 2;
	}
	l->len = end - pos;
	l->next = end;
}

/* Bytes and columns of one whitespace character at p, or 0 bytes. */
static size_t
srcline_space(const unsigned char *p, size_t n, int *cols)
{
	if (n >= 1 && p[0] == ' ') {
		*cols += 1;
		return 1;
	}
	if (n >= 1 && p[0] == '\t') {
		*cols += 8 - *cols % 8;
		return 1;
	}
	if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
		*cols += 2;
		return 3;
	}
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0) {
		*cols += 1;
		return 2;
	}
	return 0;
}

/* Bytes of whitespace at the end of [p, p + n). */
static size_t
srcline_trailing(const unsigned char *p, size_t n)
{
	size_t	t = 0;

	for (;;) {
		if (n - t >= 1 && (p[n - t - 1] == ' ' || p[n - t - 1] == '\t'))
			t += 1;
		else if (n - t >= 3 && p[n - t - 3] == 0xE3 &&
		    p[n - t - 2] == 0x80 && p[n - t - 1] == 0x80)
			t += 3;
		else if (n - t >= 2 && p[n - t - 2] == 0xC2 && p[n - t - 1] == 0xA0)
			t += 2;
		else
			return t;
	}
}

int
srcline_trim(const char *s, size_t *off, size_t *len)
{
	const unsigned char	*p = (const unsigned char *)s + *off;
	size_t			 i = 0, k;
	int			 cols = 0;

	while (i < *len && (k = srcline_space(p + i, *len - i, &cols)) > 0)
		i += k;
	*off += i;
	*len -= i;
	*len -= srcline_trailing(p + i, *len);
	return cols;
}

/*
 * Columns of 8 bytes by the same rule as srcline_width's, in one word:
 * one for each byte that is not a continuation (10xxxxxx), one more for
 * each lead byte from 0xE3 on (U+3000 and up: CJK, mostly wide).
 */
static size_t
srcline_width8(const unsigned char *p)
{
	const uint64_t	hi = 0x8080808080808080ULL;
	uint64_t	x, cont, wide;

	memcpy(&x, p, 8);
	cont = x & ~(x << 1) & hi;	/* bit 7 set, bit 6 clear */
	wide = ((x & ~hi) + 0x1D1D1D1D1D1D1D1DULL) & x & hi; /* low 7 >= 0x63 */
	/* one bit a byte, at bit 7: the multiply adds the bytes up */
	return 8 - (size_t)(((cont >> 7) * 0x0101010101010101ULL) >> 56) +
	    (size_t)(((wide >> 7) * 0x0101010101010101ULL) >> 56);
}

int
srcline_width(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, w = 0;

	if (n > 4 * 9999)
		return 9999;
	for (i = 0; i + 8 <= n; i += 8) {	/* eight bytes at a time */
		uint64_t x;

		memcpy(&x, p + i, 8);
		w += (x & 0x8080808080808080ULL) == 0 ? 8 : srcline_width8(p + i);
	}
	for (; i < n; i++)
		w += (size_t)((p[i] & 0xC0) != 0x80) + (size_t)(p[i] >= 0xE3);
	return w > 9999 ? 9999 : (int)w;
}

uint32_t
srcline_first(const char *s, size_t n)
{
	ucs4_t	c;

	if (n == 0)
		return 0;
	u8_mbtouc(&c, (const uint8_t *)s, n);
	return c;
}

uint32_t
srcline_last(const char *s, size_t n)
{
	ucs4_t	c;

	if (n == 0 || u8_prev(&c, (const uint8_t *)s + n,
	    (const uint8_t *)s) == NULL)
		return 0;
	return c;
}

#if defined(__GNUC__)
typedef unsigned char	srcline_v16 __attribute__((vector_size(16)));

/*
 * LF bytes in [p, p + n): 16 at a time, counted in bytes 255 rounds long;
 * *crs set if there is a CR.
 */
static size_t
srcline_lfs(const unsigned char *p, size_t n, int *crs)
{
	srcline_v16	v, acc, lf, cr, anycr;
	size_t		c = 0, i = 0, k;
	int		j;

	memset(&lf, '\n', sizeof lf);
	memset(&cr, '\r', sizeof cr);
	memset(&anycr, 0, sizeof anycr);
	while (n - i >= 16) {
		memset(&acc, 0, sizeof acc);
		for (k = 0; k < 255 && n - i >= 16; k++, i += 16) {
			memcpy(&v, p + i, sizeof v);
			acc -= (srcline_v16)(v == lf);
			anycr |= (srcline_v16)(v == cr);
		}
		for (j = 0; j < 16; j++)
			c += acc[j];
	}
	for (j = 0; j < 16; j++)
		*crs |= anycr[j];
	for (; i < n; i++) {
		c += p[i] == '\n';
		*crs |= p[i] == '\r';
	}
	return c;
}
#else
static size_t
srcline_lfs(const unsigned char *p, size_t n, int *crs)
{
	size_t	c = 0, i;

	for (i = 0; i < n; i++) {
		c += p[i] == '\n';
		*crs |= p[i] == '\r';
	}
	return c;
}
#endif

size_t
srcline_count(const char *s, size_t n, size_t from, size_t to)
{
	const char	*p, *end;
	size_t		 c;
	int		 crs = 0;

	if (to > n)
		to = n;
	if (from >= to)
		return 0;
	c = srcline_lfs((const unsigned char *)s + from, to - from, &crs);
	end = s + to;
	for (p = s + from; crs && (p = memchr(p, '\r',
	    (size_t)(end - p))) != NULL; p++)
		if ((size_t)(p - s) + 1 >= n || p[1] != '\n')
			c++;	/* a lone CR */
	return c;
}
