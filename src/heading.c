/*
 * heading.c: heading families of plain text (see heading.h).
 *
 * Each family is a small matcher over the line's code points; all of them
 * first require the line to be short and not to end a sentence.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "heading.h"
#include "utf8.h"
#include "width.h"

#define HEADING_MAX_COLS	60	/* a heading is a short line */
#define HEADING_MAX_NUMBERED	40

struct cursor {
	const uint8_t	*p;
	const uint8_t	*end;
};

static uint32_t
cursor_peek(const struct cursor *k)
{
	uint32_t	c;

	if (k->p >= k->end)
		return 0;
	u8_mbtouc(&c, k->p, k->end - k->p);
	return c;
}

static uint32_t
cursor_next(struct cursor *k)
{
	uint32_t	c;

	if (k->p >= k->end)
		return 0;
	k->p += u8_mbtouc(&c, k->p, k->end - k->p);
	return c;
}

/*
 * Is c one of the characters of set (UTF-8)?  By code point, as the sets
 * are short and this is asked of every line that may be a heading.
 */
static int
heading_in(uint32_t c, const char *set)
{
	const uint8_t	*p = (const uint8_t *)set;
	uint32_t	 d;

	if (c == 0)
		return 0;
	while (*p != '\0') {
		p += utf8_decode(p, 4, &d);
		if (d == c)
			return 1;
	}
	return 0;
}

static int
heading_is_zhdigit(uint32_t c)
{
	return heading_in(c, "〇零一二三四五六七八九十百千万萬两兩") ||
	    (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Skips a run of Chinese or Arabic numerals; returns how many. */
static int
heading_numerals(struct cursor *k)
{
	int	n = 0;

	while (heading_is_zhdigit(cursor_peek(k))) {
		cursor_next(k);
		n++;
	}
	return n;
}

/* What may follow a numbered marker: end, a separator, or a title. */
static int
heading_after_marker(struct cursor *k)
{
	uint32_t	c = cursor_peek(k);

	return c == 0 || c == ' ' || c == 0x3000 || c == ':' || c == 0xFF1A ||
	    c == 0xFF0E || c == '.' || c == 0x3001 || width_is_cjk(c) ||
	    c == 0x300A || c == 0x300C;
}

/* 第N章, 第十二回, 第3節... */
static int
heading_zh_ordinal(struct cursor *k)
{
	uint32_t	c;

	if (cursor_next(k) != 0x7B2C || heading_numerals(k) == 0)	/* 第 */
		return HEADING_NONE;
	c = cursor_next(k);
	if (!heading_after_marker(k))
		return HEADING_NONE;
	if (heading_in(c, "卷部篇集"))
		return HEADING_PART;
	if (heading_in(c, "章回"))
		return HEADING_CHAPTER;
	if (heading_in(c, "節节"))
		return HEADING_SECTION;
	return HEADING_NONE;
}

/* 一、 and （一） */
static int
heading_zh_enum(struct cursor *k)
{
	struct cursor	start = *k;
	uint32_t	c = cursor_peek(k);

	if (c == '(' || c == 0xFF08) {
		cursor_next(k);
		if (heading_numerals(k) == 0)
			return HEADING_NONE;
		c = cursor_next(k);
		if ((c == ')' || c == 0xFF09) && cursor_peek(k) != 0)
			return HEADING_ZH_PAREN;
		return HEADING_NONE;
	}
	while (heading_in(cursor_peek(k), "一二三四五六七八九十百"))
		cursor_next(k);
	if (k->p == start.p || cursor_next(k) != 0x3001 || cursor_peek(k) == 0)
		return HEADING_NONE;
	return HEADING_ZH_NUM;
}

static const char *const heading_words[] = {
	"ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
	"TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN",
	"SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN", "TWENTY", "FIRST",
	"SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH",
	"NINTH", "TENTH", "ELEVENTH", "TWELFTH", "LAST", "FINAL", NULL
};

/* Length of a word made of the given class, at s. */
static size_t
heading_word(const char *s, size_t n, int (*cls)(int))
{
	size_t	i = 0;

	while (i < n && cls((unsigned char)s[i]))
		i++;
	return i;
}

static int
heading_is_roman(int c)
{
	return strchr("IVXLCDM", c) != NULL && c != 0;
}

/* A number after CHAPTER/PART: roman, digits or a word (THE FIRST). */
static size_t
heading_latin_number(const char *s, size_t n)
{
	size_t	w, i;

	if ((w = heading_word(s, n, isdigit)) > 0)
		return w;
	if (n > 4 && strncasecmp(s, "THE ", 4) == 0)
		return 4 + heading_latin_number(s + 4, n - 4);
	w = heading_word(s, n, isalpha);
	for (i = 0; heading_words[i] != NULL; i++) {
		if (w == strlen(heading_words[i]) &&
		    strncasecmp(s, heading_words[i], w) == 0)
			return w;
	}
	return heading_word(s, n, heading_is_roman);
}

/*
 * CHAPTER IV, Chapter 4, PART ONE, BOOK I, EPOCH THE FIRST: the rank, and
 * in *end where the number ends.
 */
static int
heading_latin_at(const char *s, size_t n, size_t *end)
{
	static const struct {
		const char	*word;
		int		 rank;
	} kw[] = {
		{ "PART", HEADING_PART }, { "BOOK", HEADING_PART },
		{ "VOLUME", HEADING_PART }, { "EPOCH", HEADING_PART },
		{ "CHAPTER", HEADING_CHAPTER },
	};
	size_t	k, w;

	for (k = 0; k < sizeof kw / sizeof *kw; k++) {
		w = strlen(kw[k].word);
		if (n <= w + 1 || s[w] != ' ' || strncasecmp(s, kw[k].word, w))
			continue;
		if (!isupper((unsigned char)s[0]) ||
		    islower((unsigned char)s[1]) != islower((unsigned char)s[w - 1]))
			continue;	/* CHAPTER or Chapter, not chapter */
		*end = heading_latin_number(s + w + 1, n - w - 1);
		if (*end == 0)
			continue;
		*end += w + 1;
		if (*end == n || strchr(".: ,", s[*end]) != NULL)
			return kw[k].rank;
	}
	return HEADING_NONE;
}

static int
heading_latin(const char *s, size_t n)
{
	size_t	end;

	return heading_latin_at(s, n, &end);
}

int
heading_is_bare(const char *s, size_t n)
{
	struct cursor	k = { (const uint8_t *)s, (const uint8_t *)s + n };
	size_t		end;

	if (heading_latin_at(s, n, &end) != HEADING_NONE)
		k.p += end;
	else if (cursor_next(&k) != 0x7B2C || heading_numerals(&k) == 0 ||
	    !heading_in(cursor_next(&k), "卷部篇集章回"))	/* 第N章 */
		return 0;
	while (heading_in(cursor_peek(&k), " .:：　．"))
		cursor_next(&k);
	return cursor_peek(&k) == 0;
}

int
heading_is_title_line(const char *s, size_t n)
{
	size_t	i = 0, w, words = 0, long_words = 0, capital = 0;
	uint32_t first;

	if (n == 0 || heading_classify(s, n) != HEADING_NONE ||
	    width_str(s, n, 1) > HEADING_MAX_COLS)
		return 0;
	u8_mbtouc(&first, (const uint8_t *)s, n);
	if (width_is_cjk(first))	/* 初入江湖, not a sentence */
		return !heading_ends_sentence(s, n);
	if (s[n - 1] != '.' && heading_ends_sentence(s, n))
		return 0;
	while (i < n) {		/* Title Case: The Widow and her Child. */
		while (i < n && !isalpha((unsigned char)s[i]))
			i++;
		w = heading_word(s + i, n - i, isalpha);
		if (w == 0)
			break;
		words++;
		if (w >= 4) {
			long_words++;
			capital += isupper((unsigned char)s[i]) != 0;
		}
		i += w;
	}
	return isupper((unsigned char)s[0]) && words <= 10 && long_words > 0 &&
	    capital * 2 >= long_words;
}

/* 1. Title, 1.2 Title, 1、标题 */
static int
heading_numbered(const char *s, size_t n)
{
	size_t	i = 0, d;
	int	depth = 0;
	int	dot = 0;

	for (;;) {
		d = heading_word(s + i, n - i, isdigit);
		if (d == 0 || d > 3)
			return HEADING_NONE;
		i += d;
		depth++;
		if (i < n && s[i] == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		break;
	}
	if (i < n && s[i] == '.') {
		i++;
		dot = 1;
	} else if (n - i >= 3 && memcmp(s + i, "、", 3) == 0) {
		i += 3;
		dot = 1;
	}
	if (!dot && depth == 1)
		return HEADING_NONE;
	if (i < n && s[i] == ' ')
		while (i < n && s[i] == ' ')
			i++;
	else if (i < n && !dot)
		return HEADING_NONE;	/* 1.5倍 */
	if (i >= n || isdigit((unsigned char)s[i]) || s[i] == '.')
		return HEADING_NONE;
	return HEADING_NUMBERED + (depth > 4 ? 3 : depth - 1);
}

int
heading_is_centred(const char *s, size_t n, int indent, int wrap)
{
	size_t	i;
	int	cols, lower = 0;

	if (n == 0 || indent < 8 || wrap < 50 || heading_ends_sentence(s, n))
		return 0;
	cols = width_str(s, n, 1);
	if (cols > 50 || indent + cols > wrap || indent * 4 < wrap - cols)
		return 0;
	for (i = 0; i < n; i++)
		lower += islower((unsigned char)s[i]) != 0;
	return lower ? heading_is_title_line(s, n) : heading_is_caps(s, n);
}

int
heading_numbered_title(const char *s, size_t n)
{
	size_t	i = 0;
	int	rank;

	if (n < 4 || n > 80 || s[n - 1] != '.')
		return HEADING_NONE;
	while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'))
		i++;
	if (i == 0 || i >= n || s[i] != ' ' || s[i - 1] != '.')
		return HEADING_NONE;
	rank = heading_numbered(s, n);
	while (i < n && s[i] == ' ')
		i++;
	if (rank == HEADING_NONE || !heading_is_title_line(s + i, n - i))
		return HEADING_NONE;
	return rank;
}

static int
heading_named(const char *s, size_t n)
{
	static const char *const names[] = {
		"序章", "序言", "楔子", "引子", "前言", "尾声", "尾聲", "后记",
		"後記", "终章", "終章", "番外", NULL
	};
	char	buf[64];
	size_t	i, len, k = 0;

	for (i = 0; i < n && k + 4 < sizeof buf; i++) {	/* 序　　言 */
		if (s[i] == ' ')
			continue;
		if (i + 3 <= n && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
			i += 2;
			continue;
		}
		buf[k++] = s[i];
	}
	if (i == n && k < n) {
		s = buf;
		n = k;
	}
	for (i = 0; names[i] != NULL; i++) {
		len = strlen(names[i]);
		if (n >= len && memcmp(s, names[i], len) == 0 &&
		    (n == len || strncmp(names[i], "番外", len) == 0))
			return HEADING_CHAPTER;
	}
	return HEADING_NONE;
}

int
heading_ends_sentence(const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s;
	uint32_t	 c;

	if (n == 0)
		return 0;
	if (u8_prev(&c, p + n, p) == NULL)
		return 0;
	return heading_in(c, "。！？；，、：.!?;,:…") ||
	    (c == 0x201D && n > 3 && heading_ends_sentence(s, n - 3)) ||
	    (c == 0x300D && n > 3 && heading_ends_sentence(s, n - 3));
}

/*
 * A table-of-contents line: ends with a page number after a gap of spaces
 * or after leader dots ("Chapter 4 ....... 57", "第一章 总则……12").
 */
static int
heading_is_toc_line(const char *s, size_t n)
{
	size_t	i = n, digits, spaces;

	while (i > 0 && isdigit((unsigned char)s[i - 1]))
		i--;
	digits = n - i;
	if (digits == 0 || i == 0)
		return 0;
	for (spaces = 0; i > 0 && s[i - 1] == ' '; i--)
		spaces++;
	return spaces >= 2 || (i > 0 && (s[i - 1] == '.' ||
	    (unsigned char)s[i - 1] == 0xA6 ||		/* … */
	    (unsigned char)s[i - 1] == 0xB7));		/* · */
}

size_t
heading_atx(const char *s, size_t n, int *level)
{
	size_t	i = 0;

	while (i < n && i < 7 && s[i] == '#')
		i++;
	if (i == 0 || i > 6 || (i < n && s[i] != ' ' && s[i] != '\t'))
		return 0;
	*level = (int)i;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

int
heading_is_caps(const char *s, size_t n)
{
	size_t	i, letters = 0;

	if (n < 2 || n > HEADING_MAX_NUMBERED)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (isupper(c))
			letters++;
		else if (!(isdigit(c) || strchr(" .,:;'&!?-", c) != NULL) ||
		    c == 0)
			return 0;
	}
	/* Not a bare roman numeral (II. numbering verses). */
	i = heading_word(s, n, heading_is_roman);
	if (i == n || (i + 1 == n && s[i] == '.'))
		return 0;
	/* Nor a closing line: END OF THE FIRST EPOCH., THE END. */
	if ((n >= 7 && memcmp(s, "END OF ", 7) == 0) ||
	    (n >= 7 && memcmp(s, "THE END", 7) == 0 && (n == 7 || s[7] == '.')))
		return 0;
	return letters >= 2 && strchr(",;:", s[n - 1]) == NULL;
}

int
heading_is_weak(int rank)
{
	return rank >= HEADING_NUMBERED || rank == HEADING_CAPS;
}

int
heading_classify(const char *s, size_t n)
{
	struct cursor	k = { (const uint8_t *)s, (const uint8_t *)s + n };
	int		rank, level, cols;

	if (n == 0 || heading_atx(s, n, &level) > 0)
		return n ? level : HEADING_NONE;
	if (n > 4 * HEADING_MAX_COLS)
		return HEADING_NONE;	/* too long whatever the script */
	cols = width_str(s, n, 1);
	if (cols > HEADING_MAX_COLS || heading_is_toc_line(s, n))
		return HEADING_NONE;
	if ((rank = heading_latin(s, n)) != HEADING_NONE)
		return rank;
	if (heading_ends_sentence(s, n))
		return HEADING_NONE;
	if ((rank = heading_zh_ordinal(&k)) != HEADING_NONE)
		return rank;
	k.p = (const uint8_t *)s;
	if ((rank = heading_zh_enum(&k)) != HEADING_NONE)
		return cols <= HEADING_MAX_NUMBERED ? rank : HEADING_NONE;
	if ((rank = heading_named(s, n)) != HEADING_NONE)
		return rank;
	if (cols <= HEADING_MAX_NUMBERED)
		return heading_numbered(s, n);
	return HEADING_NONE;
}
