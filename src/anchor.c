/*
 * anchor.c: capture and re-attach annotations (see anchor.h).
 *
 * The comparisons run on a projection of the text with all white space
 * removed, with a map back to source bytes.  It is built only when the
 * document changed since the annotation was made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anchor.h"
#include "utf8.h"
#include "xmalloc.h"

#define ANCHOR_CONTEXT	32	/* characters of context on each side */
#define ANCHOR_FUZZY_MAX 2000	/* bytes of quote compared approximately */

struct proj {
	char	*s;	/* the text without white space */
	size_t	*map;	/* source byte of each projected byte */
	size_t	 n;
	size_t	 srcn;
};

static int
anchor_space(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char	c = (unsigned char)s[i];

	*len = 1;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
		return 1;
	if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x80) {
		*len = 3;	/* U+3000 */
		return 1;
	}
	if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
		*len = 2;	/* NBSP */
		return 1;
	}
	return 0;
}

static void
proj_make(struct proj *p, const char *s, size_t n, int with_map)
{
	size_t	i = 0, len;

	p->s = xmalloc(n + 1);
	p->map = with_map ? xreallocarray(NULL, n + 1, sizeof *p->map) : NULL;
	p->n = 0;
	while (i < n) {
		if (anchor_space(s, n, i, &len)) {
			i += len;
			continue;
		}
		if (p->map != NULL)
			p->map[p->n] = i;
		p->s[p->n++] = s[i++];
	}
	if (p->map != NULL)
		p->map[p->n] = n;
	p->s[p->n] = '\0';
	p->srcn = n;
}

static void
proj_free(struct proj *p)
{
	free(p->s);
	free(p->map);
}

/* Moves i back over k characters (not bytes) of s. */
static size_t
anchor_back(const char *s, size_t i, int k)
{
	while (i > 0 && k > 0) {
		i--;
		if ((s[i] & 0xC0) != 0x80)
			k--;
	}
	return i;
}

static size_t
anchor_fwd(const char *s, size_t n, size_t i, int k)
{
	while (i < n && k > 0) {
		i++;
		while (i < n && (s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

static char *
anchor_dup(const char *s, size_t a, size_t b)
{
	char	*d = xmalloc(b - a + 1);

	memcpy(d, s + a, b - a);
	d[b - a] = '\0';
	return d;
}

void
anchor_capture(const char *s, size_t n, size_t a, size_t b, const char *sha,
    struct anchor_sel *sel)
{
	memset(sel, 0, sizeof *sel);
	if (b > n)
		b = n;
	if (a > b)
		a = b;
	sel->start = a;
	sel->end = b;
	sel->exact = anchor_dup(s, a, b);
	sel->prefix = anchor_dup(s, anchor_back(s, a, ANCHOR_CONTEXT), a);
	sel->suffix = anchor_dup(s, b, anchor_fwd(s, n, b, ANCHOR_CONTEXT));
	snprintf(sel->sha, sizeof sel->sha, "%s", sha);
}

void
anchor_sel_free(struct anchor_sel *sel)
{
	free(sel->exact);
	free(sel->prefix);
	free(sel->suffix);
	memset(sel, 0, sizeof *sel);
}

/* Bytes in common at the end of a and the end of b. */
static size_t
anchor_common_end(const char *a, size_t na, const char *b, size_t nb)
{
	size_t	k = 0;

	while (k < na && k < nb && a[na - 1 - k] == b[nb - 1 - k])
		k++;
	return k;
}

static size_t
anchor_common_start(const char *a, size_t na, const char *b, size_t nb)
{
	size_t	k = 0;

	while (k < na && k < nb && a[k] == b[k])
		k++;
	return k;
}

/* How well the context around [i, i + len) of p fits: 0..1. */
static double
anchor_context(const struct proj *p, size_t i, size_t len,
    const struct proj *pre, const struct proj *suf)
{
	double	score = 0;
	int	parts = 0;

	if (pre->n > 0) {
		score += (double)anchor_common_end(p->s, i, pre->s, pre->n) /
		    (double)pre->n;
		parts++;
	}
	if (suf->n > 0) {
		score += (double)anchor_common_start(p->s + i + len,
		    p->n - i - len, suf->s, suf->n) / (double)suf->n;
		parts++;
	}
	return parts > 0 ? score / parts : 1.0;
}

static void
anchor_set(const struct proj *p, size_t i, size_t len, int state,
    struct anchor_hit *hit)
{
	hit->state = state;
	hit->start = p->map[i];
	hit->end = len > 0 ? p->map[i + len - 1] + 1 : p->map[i];
}

/* Extends a hit's end to the end of its last UTF-8 character. */
static void
anchor_fix_end(const char *s, size_t n, struct anchor_hit *hit)
{
	while (hit->end < n && (s[hit->end] & 0xC0) == 0x80)
		hit->end++;
}

/* Rungs 3 and 4: the quote found as it is. */
static int
anchor_exact_search(const struct proj *p, const struct proj *ex,
    const struct proj *pre, const struct proj *suf, struct anchor_hit *hit)
{
	const char	*q = p->s;
	size_t		 best = 0, found = 0, i;
	double		 s1 = -1, s2 = -1, sc;

	while ((q = memmem(q, p->n - (size_t)(q - p->s), ex->s, ex->n)) != NULL) {
		i = (size_t)(q - p->s);
		sc = anchor_context(p, i, ex->n, pre, suf);
		if (sc > s1) {
			s2 = s1;
			s1 = sc;
			best = i;
		} else if (sc > s2)
			s2 = sc;
		found++;
		q++;
	}
	if (found == 0 || s1 < 0.5)
		return 0;
	if (s1 >= 0.999 && s2 < 0.999)
		anchor_set(p, best, ex->n, ANCHOR_MOVED, hit);
	else if (s1 - s2 >= 0.1)
		anchor_set(p, best, ex->n, ANCHOR_MOVED, hit);
	else
		anchor_set(p, best, ex->n, ANCHOR_AMBIGUOUS, hit);
	return 1;
}

/* Edit distance of two byte strings (short ones). */
static size_t
anchor_distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t	*row = xreallocarray(NULL, nb + 1, sizeof *row), i, j, d;
	size_t	 diag, up;

	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= nb; j++) {
			up = row[j];
			d = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diag = up;
		}
	}
	d = row[nb];
	free(row);
	return d;
}

/*
 * Rung 5: the context on both sides found, once, around a text much like
 * the quote.  Short quotes must match exactly (they are too easy to find).
 */
static int
anchor_fuzzy(const struct proj *p, const struct proj *ex,
    const struct proj *pre, const struct proj *suf, struct anchor_hit *hit)
{
	size_t		 lo = ex->n * 8 / 10, hi = ex->n * 12 / 10 + 1;
	size_t		 i, j, gap, found = 0, at = 0, len = 0;
	const char	*q = p->s, *r;

	if (ex->n < 20 || ex->n > ANCHOR_FUZZY_MAX || pre->n < 8 || suf->n < 8)
		return 0;
	while ((q = memmem(q, p->n - (size_t)(q - p->s), pre->s, pre->n)) != NULL) {
		i = (size_t)(q - p->s) + pre->n;
		q++;
		if (i + lo > p->n)
			break;
		r = memmem(p->s + i + lo, (i + hi + suf->n <= p->n ?
		    hi + suf->n : p->n - i) - lo, suf->s, suf->n);
		if (r == NULL)
			continue;
		j = (size_t)(r - p->s);
		gap = j - i;
		if (anchor_distance(p->s + i, gap, ex->s, ex->n) * 5 > ex->n)
			continue;
		found++;
		at = i;
		len = gap;
	}
	if (found != 1)
		return 0;
	anchor_set(p, at, len, ANCHOR_FUZZY, hit);
	return 1;
}

void
anchor_resolve(const char *s, size_t n, const char *sha,
    const struct anchor_sel *sel, struct anchor_hit *hit)
{
	struct proj	p, ex, pre, suf;
	size_t		len = strlen(sel->exact);
	int		held;

	memset(hit, 0, sizeof *hit);
	hit->state = ANCHOR_ORPHAN;
	/* The numbers may come from an import: only a range that holds the
	 * quote is taken as it is. */
	held = sel->start <= sel->end && sel->end <= n &&
	    sel->end - sel->start == len &&
	    memcmp(s + sel->start, sel->exact, len) == 0;
	if (held && strcmp(sha, sel->sha) == 0) {
		hit->state = ANCHOR_EXACT;
		hit->start = sel->start;
		hit->end = sel->end;
		return;
	}
	if (held && sel->start >= strlen(sel->prefix) &&
	    memcmp(s + sel->start - strlen(sel->prefix), sel->prefix,
	    strlen(sel->prefix)) == 0) {
		hit->state = ANCHOR_EXACT;
		hit->start = sel->start;
		hit->end = sel->end;
		return;
	}
	proj_make(&ex, sel->exact, len, 0);
	if (ex.n == 0) {
		proj_free(&ex);
		return;
	}
	proj_make(&p, s, n, 1);
	proj_make(&pre, sel->prefix, strlen(sel->prefix), 0);
	proj_make(&suf, sel->suffix, strlen(sel->suffix), 0);
	if (anchor_exact_search(&p, &ex, &pre, &suf, hit) ||
	    anchor_fuzzy(&p, &ex, &pre, &suf, hit))
		anchor_fix_end(s, n, hit);
	proj_free(&p);
	proj_free(&ex);
	proj_free(&pre);
	proj_free(&suf);
}

const char *
anchor_state_name(int state)
{
	switch (state) {
	case ANCHOR_EXACT:
		return "anchored";
	case ANCHOR_MOVED:
	case ANCHOR_FUZZY:
		return "moved";
	case ANCHOR_AMBIGUOUS:
		return "ambiguous";
	}
	return "orphaned";
}
