/* width.c: code point widths (see width.h for the policy). */
#include <stddef.h>
#include <wchar.h>

#include <unistr.h>

#include "tables.h"
#include "utf8.h"
#include "width.h"

int
width_is_ambiguous(uint32_t c)
{
	size_t	lo = 0, hi = tables_nambiguous, mid;

	if (c < 0xA1)
		return 0;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c < tables_ambiguous[mid].first)
			hi = mid;
		else if (c > tables_ambiguous[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
width_cp(uint32_t c, int ambiguous)
{
	int	w;

	if (c >= 0x20 && c < 0x7F)
		return 1;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x3029) ||
	    (c >= 0xFF01 && c <= 0xFF60))
		return 2;	/* as wcwidth says, without asking it */
	w = wcwidth((wchar_t)c);
	if (w < 0)
		return 1;	/* never reached for sanitised text */
	if (w == 1 && ambiguous == 2 && width_is_ambiguous(c))
		return 2;
	return w;
}

int
width_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

int
width_is_cjk(uint32_t c)
{
	if (c >= 0x1100 && c <= 0x11FF)
		return 0;
	if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x3130 && c <= 0x318F))
		return 0;	/* Hangul keeps its spaces */
	return width_cp(c, 1) == 2;
}

int
width_str(const char *s, size_t n, int ambiguous)
{
	const uint8_t	*p = (const uint8_t *)s, *end;
	uint32_t	 c;
	int		 w = 0;

	if (n == 0)
		return 0;	/* s may be NULL (an empty buffer) */
	end = p + n;
	while (p < end) {
		if (*p >= 0x20 && *p < 0x7F) {	/* printable ASCII: one column */
			size_t k = utf8_printable(p, end);

			w += (int)k;
			p += k;
			continue;
		}
		p += utf8_decode(p, end - p, &c);
		w += width_cp(c, ambiguous);
	}
	return w;
}

/* Chinese punctuation that joins without a space next to CJK text. */
static int
width_cjk_punct(uint32_t c)
{
	return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
	    c == 0x2026 || c == 0x2014 || c == 0xB7;
}

int
width_join_space(uint32_t a, uint32_t b)
{
	int	ca = width_is_cjk(a), cb = width_is_cjk(b);

	if (a == 0 || b == 0)
		return 0;
	if ((ca && (cb || width_cjk_punct(b))) || (cb && width_cjk_punct(a)))
		return 0;
	if (a == '-' && b >= 'a' && b <= 'z')
		return 0;	/* a word hyphenated at the line end */
	return 1;
}
