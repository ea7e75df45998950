/* aozora.c: Aozora Bunko ruby and notes (see aozora.h). */
#include <string.h>

#include "aozora.h"
#include "heading.h"

#define AOZORA_SAMPLE	65536
#define AOZORA_MAX_RUBY	60	/* bytes of a ruby text, at most */
#define AOZORA_MAX_NOTE	300	/* bytes of a note */

#define RUBY_OPEN	"\xE3\x80\x8A"	/* 《 */
#define RUBY_CLOSE	"\xE3\x80\x8B"	/* 》 */
#define RUBY_START	"\xEF\xBD\x9C"	/* ｜ */
#define NOTE_OPEN	"\xEF\xBC\xBB\xEF\xBC\x83"	/* ［＃ */
#define NOTE_CLOSE	"\xEF\xBC\xBD"	/* ］ */

/* Length of the hidden construct at s[i..] (ruby, ｜, note), or 0. */
static size_t
aozora_at(const char *s, size_t n, size_t i)
{
	const char	*e;
	size_t		 max;

	if (n - i >= 3 && memcmp(s + i, RUBY_START, 3) == 0)
		return 3;
	if (n - i >= 6 && memcmp(s + i, RUBY_OPEN, 3) == 0) {
		max = n - i > AOZORA_MAX_RUBY ? AOZORA_MAX_RUBY : n - i;
		e = memmem(s + i + 3, max - 3, RUBY_CLOSE, 3);
		return e != NULL && e > s + i + 3 && memchr(s + i, '\n', e - (s + i)) == NULL ?
		    (size_t)(e + 3 - (s + i)) : 0;
	}
	if (n - i >= 9 && memcmp(s + i, NOTE_OPEN, 6) == 0) {
		max = n - i > AOZORA_MAX_NOTE ? AOZORA_MAX_NOTE : n - i;
		e = memmem(s + i + 6, max - 6, NOTE_CLOSE, 3);
		return e != NULL && memchr(s + i, '\n', e - (s + i)) == NULL ?
		    (size_t)(e + 3 - (s + i)) : 0;
	}
	return 0;
}

int
aozora_detect(const char *s, size_t n)
{
	const char	*p = s, *end = s + (n > AOZORA_SAMPLE ? AOZORA_SAMPLE : n);
	int		 notes = 0, ruby = 0;

	while (p < end && (p = memmem(p, end - p, NOTE_OPEN, 6)) != NULL) {
		notes += aozora_at(s, (size_t)(end - s), (size_t)(p - s)) > 0;
		p += 6;
	}
	if (notes == 0)
		return 0;	/* most texts: one search, no more */
	for (p = s; p < end && (p = memmem(p, end - p, RUBY_OPEN, 3)) != NULL;
	    p += 3)
		ruby += aozora_at(s, (size_t)(end - s), (size_t)(p - s)) > 0;
	return notes >= 2 || (notes >= 1 && ruby >= 3);
}

int
aozora_heading(const char *s, size_t n)
{
	static const struct {
		const char	*word;
		int		 rank;
	} kinds[] = {
		{ "\xE5\xA4\xA7\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97", HEADING_PART },	/* 大見出し */
		{ "\xE4\xB8\xAD\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97", HEADING_CHAPTER },	/* 中見出し */
		{ "\xE5\xB0\x8F\xE8\xA6\x8B\xE5\x87\xBA\xE3\x81\x97", HEADING_SECTION },	/* 小見出し */
	};
	const char	*p, *end = s + n;
	size_t		 i, len;

	for (p = s; p < end && (p = memmem(p, end - p, NOTE_OPEN, 6)) != NULL;
	    p += 6) {
		if ((len = aozora_at(s, n, (size_t)(p - s))) == 0)
			continue;
		for (i = 0; i < sizeof kinds / sizeof *kinds; i++)
			if (memmem(p, len, kinds[i].word, 12) != NULL)
				return kinds[i].rank;
	}
	return 0;
}

size_t
aozora_hide(struct text *t)
{
	size_t	i, len, count = 0;

	for (i = 0; i < t->len; i++) {
		if ((unsigned char)t->s[i] != 0xE3 && (unsigned char)t->s[i] != 0xEF)
			continue;
		if ((len = aozora_at(t->s, t->len, i)) == 0)
			continue;
		text_add_span(t, i, i + len, STYLE_HIDDEN, 0);
		count++;
		i += len - 1;
	}
	return count;
}

size_t
aozora_strip(const char *s, size_t n, struct buf *out)
{
	size_t	i, from = 0, len, count = 0;

	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] != 0xE3 && (unsigned char)s[i] != 0xEF)
			continue;
		if ((len = aozora_at(s, n, i)) == 0)
			continue;
		buf_add(out, s + from, i - from);
		from = i + len;
		i = from - 1;
		count++;
	}
	buf_add(out, s + from, n - from);
	return count;
}
