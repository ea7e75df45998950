/*
 * fold.c: the traditional -> simplified fold (see fold.h): a page index
 * into the sorted pairs, then a binary search within the page.
 */
#include "fold.h"

uint32_t
fold_ts(uint32_t c)
{
	size_t	lo, hi, mid;

	if (c < FOLD_FIRST || c >= FOLD_END)
		return c;
	lo = fold_index[c >> 8];
	hi = fold_index[(c >> 8) + 1];
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (fold_pairs[mid].from == c)
			return fold_pairs[mid].to;
		if (fold_pairs[mid].from < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return c;
}

size_t
fold_sources(uint32_t c, uint32_t *out, size_t max)
{
	size_t	lo = 0, hi = fold_npairs, mid, n = 0;

	if (max == 0)
		return 0;
	c = fold_ts(c);
	out[n++] = c;
	while (lo < hi) {		/* the first pair folding to c */
		mid = (lo + hi) / 2;
		if (fold_rev[mid].to < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < fold_npairs && fold_rev[lo].to == c && n < max; lo++)
		out[n++] = fold_rev[lo].from;
	return n;
}
