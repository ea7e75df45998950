/* gloss.c: recognise hidden-able pinyin glosses (see gloss.h). */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unistr.h>

#include "buf.h"
#include "gloss.h"
#include "tables.h"
#include "width.h"

#define GLOSS_MAX_LETTERS	7

/* Tone-marked vowels and their base letters. */
static const struct {
	uint32_t	c;
	char		base[3];	/* UTF-8 */
} gloss_toned[] = {
	{ 0x101, "a" }, { 0xE1, "a" }, { 0x1CE, "a" }, { 0xE0, "a" },
	{ 0x113, "e" }, { 0xE9, "e" }, { 0x11B, "e" }, { 0xE8, "e" },
	{ 0x12B, "i" }, { 0xED, "i" }, { 0x1D0, "i" }, { 0xEC, "i" },
	{ 0x14D, "o" }, { 0xF3, "o" }, { 0x1D2, "o" }, { 0xF2, "o" },
	{ 0x16B, "u" }, { 0xFA, "u" }, { 0x1D4, "u" }, { 0xF9, "u" },
	{ 0x1D6, "\xC3\xBC" }, { 0x1D8, "\xC3\xBC" }, { 0x1DA, "\xC3\xBC" },
	{ 0x1DC, "\xC3\xBC" }, { 0x144, "n" }, { 0x148, "n" }, { 0x1F9, "n" },
	{ 0x1E3F, "m" },
};

static int
gloss_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

int
gloss_is_syllable(const char *s, size_t n)
{
	char	key[32];

	if (n == 0 || n >= sizeof key)
		return 0;
	memcpy(key, s, n);
	key[n] = '\0';
	return bsearch(key, tables_pinyin, tables_npinyin,
	    sizeof *tables_pinyin, gloss_cmp) != NULL;
}

/* Adds the base of one pinyin letter to b; counts tone marks.  0: not pinyin. */
static int
gloss_letter(uint32_t c, struct buf *b, int *tones)
{
	size_t	i;

	if (c >= 'a' && c <= 'z') {
		buf_addc(b, (char)c);
		return 1;
	}
	if (c == 0xFC) {
		buf_adds(b, "\xC3\xBC");
		return 1;
	}
	if (c == 0x300 || c == 0x301 || c == 0x304 || c == 0x30C) {
		(*tones)++;	/* a combining tone mark (decomposed text) */
		return 1;
	}
	if (c == 0x308 && b->len > 0 && b->s[b->len - 1] == 'u') {
		b->len--;
		buf_adds(b, "\xC3\xBC");
		return 1;
	}
	for (i = 0; i < sizeof gloss_toned / sizeof *gloss_toned; i++) {
		if (gloss_toned[i].c == c) {
			buf_adds(b, gloss_toned[i].base);
			(*tones)++;
			return 1;
		}
	}
	return 0;
}

/* Length of "(pinyin)" at s[i..], or 0. */
static size_t
gloss_paren(const char *s, size_t n, size_t i)
{
	const uint8_t	*p = (const uint8_t *)s;
	struct buf	 b;
	size_t		 j = i, letters = 0, len = 0;
	uint32_t	 c;
	int		 tones = 0;

	j += u8_mbtouc(&c, p + j, n - j);
	if (c != '(' && c != 0xFF08)
		return 0;
	buf_init(&b);
	while (j < n && letters <= GLOSS_MAX_LETTERS + 2) {
		j += u8_mbtouc(&c, p + j, n - j);
		if (c == ')' || c == 0xFF09) {
			len = j - i;
			break;
		}
		if (!gloss_letter(c, &b, &tones))
			break;
		letters++;
	}
	if (len != 0 && (tones != 1 || !gloss_is_syllable(b.s, b.len)))
		len = 0;
	buf_free(&b);
	return len;
}

size_t
gloss_at(const char *s, size_t n, size_t i)
{
	const uint8_t	*p = (const uint8_t *)s;
	const uint8_t	*prev;
	uint32_t	 c;

	if (i == 0 || i >= n || (s[i] != '(' && (unsigned char)s[i] != 0xEF))
		return 0;
	prev = u8_prev(&c, p + i, p);
	if (prev == NULL)
		return 0;
	if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
		/* 作為L(zhǎng)LM: a Latin letter the converter glossed after Han */
		if (u8_prev(&c, prev, p) == NULL)
			return 0;
	}
	if (!width_is_han(c))
		return 0;
	return gloss_paren(s, n, i);
}

size_t
gloss_count(const char *s, size_t n, size_t enough)
{
	const char	*p, *q, *end = s + n;
	size_t		 count = 0;

	for (p = s; count < enough && p < end &&
	    (q = memchr(p, '(', end - p)) != NULL; p = q + 1)
		count += gloss_at(s, n, (size_t)(q - s)) > 0;
	for (p = s; count < enough && p < end &&
	    (q = memmem(p, end - p, "\xEF\xBC\x88", 3)) != NULL; p = q + 3)
		count += gloss_at(s, n, (size_t)(q - s)) > 0;
	return count;
}

int
gloss_may(const char *s, size_t n)
{
	return memchr(s, '(', n) != NULL ||
	    memmem(s, n, "\xEF\xBC\x88", 3) != NULL;	/* （ */
}

/* Does a gloss's opening ( or （ (EF BC 88) start at byte i? */
static int
gloss_opens(const char *s, size_t n, size_t i)
{
	const unsigned char	*p = (const unsigned char *)s + i;

	return p[0] == '(' || (p[0] == 0xEF && i + 2 < n && p[1] == 0xBC &&
	    p[2] == 0x88);
}

/*
 * Where a gloss may open at or after i: the next ( or （, or n.  Sixteen
 * bytes at a time where SSE2 is there: stopping at every full-width mark
 * to look cost more than the rest of a Chinese text's analysis.
 */
static size_t
gloss_next(const char *s, size_t n, size_t i)
{
#if defined(__SSE2__)
	const __m128i	paren = _mm_set1_epi8('('), b0 = _mm_set1_epi8((char)0xEF),
			b1 = _mm_set1_epi8((char)0xBC), b2 = _mm_set1_epi8((char)0x88);
	__m128i		v0, v1, v2, m;
	int		mask;

	for (; i + 18 <= n; i += 16) {
		v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
		v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 2));
		m = _mm_and_si128(_mm_cmpeq_epi8(v0, b0),
		    _mm_and_si128(_mm_cmpeq_epi8(v1, b1), _mm_cmpeq_epi8(v2, b2)));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v0, paren));
		if ((mask = _mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
	}
#endif
	for (; i < n; i++)
		if (gloss_opens(s, n, i))
			return i;
	return n;
}

size_t
gloss_strip(const char *s, size_t n, struct buf *out)
{
	size_t	i = 1, from = 0, len, count = 0;

	while ((i = gloss_next(s, n, i)) < n) {
		if ((len = gloss_at(s, n, i)) == 0) {
			i++;
			continue;
		}
		buf_add(out, s + from, i - from);
		from = i = i + len;
		count++;
	}
	buf_add(out, s + from, n - from);
	return count;
}

size_t
gloss_hide(struct text *t)
{
	size_t	i = 1, len, count = 0;

	while ((i = gloss_next(t->s, t->len, i)) < t->len) {
		if ((len = gloss_at(t->s, t->len, i)) == 0) {
			i++;
			continue;
		}
		text_add_span(t, i, i + len, STYLE_HIDDEN, 0);
		count++;
		i += len;
	}
	return count;
}
