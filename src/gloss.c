/* gloss.c: recognise hidden-able pinyin glosses (see gloss.h). */
#include <stdlib.h>
#include <string.h>

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

/*
 * Where a gloss may open at or after i: the next ( or （, found with memchr
 * (a loop that asks gloss_at at every full-width mark costs more than the
 * rest of a Chinese text's analysis).  *pa and *pb keep the next
 * of each (NULL: none left; start them at s).  n if none.
 */
static size_t
gloss_next(const char *s, size_t n, size_t i, const char **pa,
    const char **pb)
{
	const char	*q;

	if (*pa != NULL && *pa < s + i)
		*pa = memchr(s + i, '(', n - i);
	while (*pb != NULL && *pb < s + i) {	/* （: EF BC 88 */
		*pb = memchr(s + i, 0xEF, n - i);
		if (*pb != NULL && (size_t)(*pb - s) + 2 < n &&
		    (unsigned char)(*pb)[1] == 0xBC &&
		    (unsigned char)(*pb)[2] == 0x88)
			break;
		i = *pb != NULL ? (size_t)(*pb - s) + 1 : i;
	}
	q = *pa == NULL ? *pb : *pb == NULL || *pa < *pb ? *pa : *pb;
	return q != NULL ? (size_t)(q - s) : n;
}

size_t
gloss_strip(const char *s, size_t n, struct buf *out)
{
	const char	*pa = s, *pb = s;
	size_t		 i = 1, from = 0, len, count = 0;

	while (n > 0 && (i = gloss_next(s, n, i, &pa, &pb)) < n) {
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
	const char	*pa = t->s, *pb = t->s;
	size_t		 i = 1, len, count = 0;

	while (t->len > 0 && (i = gloss_next(t->s, t->len, i, &pa, &pb)) <
	    t->len) {
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
