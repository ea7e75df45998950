/*
 * search.c: normalised matching (see search.h).
 *
 * Both sides are turned into arrays of normalised code points: each code
 * point through NFKD (utf8proc, compatibility decomposition) and, when
 * folding, case folding, with fast paths for ASCII, CJK ideographs and the
 * full-width ASCII forms; runs of white space become one space.  A block's
 * text is normalised whole, with a map back to its bytes.  The raw source
 * is never normalised whole: search_scan() jumps to the bytes that can
 * start a match (memmem for a CJK first character, a byte table otherwise)
 * and normalises forward from there only as far as the pattern goes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <unistr.h>
#include <utf8proc.h>

#include "buf.h"
#include "fold.h"
#include "gloss.h"
#include "search.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

#define NORM_MAX	18	/* code points one code point may become */
#define SEARCH_NEEDLES	FOLD_SOURCES_MAX /* forms of a first character */
#define SEARCH_MATCH_LIMIT	1000000
#define SEARCH_DEPTH_LIMIT	10000

struct search {
	uint32_t		*pat;	/* normalised literal pattern */
	size_t			 npat;
	int			 fold;
	int			 script;	/* traditional = simplified */
	int			 regex;
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
	unsigned char		 first[256]; /* bytes that may start a match */
	char			 needle[SEARCH_NEEDLES][4]; /* or: the first
					   character's forms */
	size_t			 nlen[SEARCH_NEEDLES];
	int			 nneedles;
	int			 forms;	/* a CJK character's forms: found in
					   one pass (search_forms) */
	int			 halfwidth;	/* SEARCH_HALFWIDTH */
	struct search		*lit;	/* a regex: a literal every match
					   holds, or NULL (search_needs) */
};

/* Normalised code points array with a map to source bytes. */
struct norm {
	uint32_t	*cp;
	uint32_t	*from;	/* source byte where cp[i] came from */
	uint32_t	*to;	/* source byte after it */
	size_t		 n;
	size_t		 cap;
};

static int
search_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0x3000 || c == 0xA0;
}

/*
 * One code point, normalised; returns how many code points in out.  fold:
 * case folding; script: traditional Chinese folded to simplified (fold.h).
 */
static int
norm_cp(uint32_t c, int fold, int script, uint32_t *out)
{
	utf8proc_int32_t	buf[NORM_MAX];
	utf8proc_ssize_t	n;
	int			bound = 0, i;

	if (c < 0x80 || (c >= 0xFF01 && c <= 0xFF5E)) {
		if (c >= 0xFF01)
			c = c - 0xFF01 + 0x21;
		out[0] = fold && c >= 'A' && c <= 'Z' ? c + 32 : c;
		return 1;
	}
	if (c >= 0x4E00 && c <= 0x9FFF) {
		out[0] = script ? fold_ts(c) : c;
		return 1;
	}
	if (c >= 0x3001 && c <= 0x303F) {
		out[0] = c;
		return 1;
	}
	n = utf8proc_decompose_char((utf8proc_int32_t)c, buf, NORM_MAX,
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
	    (fold ? UTF8PROC_CASEFOLD : 0), &bound);
	if (n <= 0 || n > NORM_MAX) {
		out[0] = script ? fold_ts(c) : c;
		return 1;
	}
	for (i = 0; i < n; i++)
		out[i] = script ? fold_ts((uint32_t)buf[i]) : (uint32_t)buf[i];
	return (int)n;
}

static void
norm_push(struct norm *nm, uint32_t c, size_t from, size_t to)
{
	if (search_space(c)) {
		if (nm->n > 0 && nm->cp[nm->n - 1] == ' ') {
			nm->to[nm->n - 1] = (uint32_t)to;
			return;
		}
		c = ' ';
	}
	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 256;
		nm->cp = xreallocarray(nm->cp, nm->cap, sizeof *nm->cp);
		nm->from = xreallocarray(nm->from, nm->cap, sizeof *nm->from);
		nm->to = xreallocarray(nm->to, nm->cap, sizeof *nm->to);
	}
	nm->cp[nm->n] = c;
	nm->from[nm->n] = (uint32_t)from;
	nm->to[nm->n] = (uint32_t)to;
	nm->n++;
}

static void
norm_free(struct norm *nm)
{
	free(nm->cp);
	free(nm->from);
	free(nm->to);
}

/* Normalises bytes [from, to) of s, appending to nm. */
static void
norm_bytes(struct norm *nm, const char *s, size_t from, size_t to, int fold,
    int script)
{
	uint32_t	c, out[NORM_MAX];
	size_t		i = from;
	int		k, j, m;

	while (i < to) {
		k = utf8_decode((const uint8_t *)s + i, to - i, &c);
		j = norm_cp(c, fold, script, out);
		for (m = 0; m < j; m++)
			norm_push(nm, out[m], i, i + (size_t)k);
		i += (size_t)k;
	}
}

static int
search_has_upper(const char *p)
{
	uint32_t	c;
	size_t		i = 0, n = strlen(p);

	while (i < n) {
		i += (size_t)utf8_decode((const uint8_t *)p + i, n - i, &c);
		if (utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LU ||
		    utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LT)
			return 1;
	}
	return 0;
}

static void
search_add_needle(struct search *s, uint32_t c)
{
	int	k = s->nneedles;

	if (k < SEARCH_NEEDLES) {
		s->nlen[k] = (size_t)u8_uctomb((uint8_t *)s->needle[k], c, 4);
		s->nneedles = k + 1;
	}
}

/*
 * How to find the places where a match can start: the forms of the first
 * character (a, A, ａ, Ａ; or a CJK character and, folding scripts, its
 * traditional forms: 发 髮 發), each found with memchr or memmem; or, for
 * other characters, a table of possible first bytes.
 */
static void
search_first_bytes(struct search *s, uint32_t c)
{
	uint32_t	forms[SEARCH_NEEDLES];
	size_t		n, i;
	int		b;

	s->nneedles = 0;
	if (c > 0x20 && c < 0x7F) {
		search_add_needle(s, c);
		if (s->fold && c >= 'a' && c <= 'z')
			search_add_needle(s, c - 32);
		if (s->halfwidth)
			return;
		search_add_needle(s, c - 0x21 + 0xFF01);
		if (s->fold && c >= 'a' && c <= 'z')
			search_add_needle(s, c - 32 - 0x21 + 0xFF01);
		s->forms = 1;	/* memmem for ＥＦ stops at every ， */
		return;
	}
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x303F)) {
		n = s->script ? fold_sources(c, forms, SEARCH_NEEDLES) : 0;
		if (n == 0)
			search_add_needle(s, c);
		for (i = 0; i < n; i++)
			search_add_needle(s, forms[i]);
		s->forms = s->nneedles > 1;
		return;
	}
	memset(s->first, 0, sizeof s->first);
	for (b = 0x09; b < 0x100; b++)	/* anything else: any first byte */
		s->first[b] = b < 0x80 || b >= 0xC2;
}

static int
search_compile_regex(struct search *s, const char *p, char **cause)
{
	int		err;
	PCRE2_SIZE	off;
	PCRE2_UCHAR	msg[256];
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = 0; i < s->npat; i++)
		buf_add_cp(&b, s->pat[i]);
	s->re = pcre2_compile((PCRE2_SPTR)b.s, b.len, PCRE2_UTF | PCRE2_UCP |
	    (s->fold ? PCRE2_CASELESS : 0), &err, &off, NULL);
	buf_free(&b);
	(void)p;
	if (s->re == NULL) {
		pcre2_get_error_message(err, msg, sizeof msg);
		*cause = xmalloc(strlen((char *)msg) + 32);
		snprintf(*cause, strlen((char *)msg) + 32, "%s (at %zu)",
		    (char *)msg, (size_t)off);
		return -1;
	}
	/* JIT-compiled where the platform allows, else interpreted */
	(void)pcre2_jit_compile(s->re, PCRE2_JIT_COMPLETE);
	s->md = pcre2_match_data_create_from_pattern(s->re, NULL);
	s->mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(s->mc, SEARCH_MATCH_LIMIT);
	pcre2_set_depth_limit(s->mc, SEARCH_DEPTH_LIMIT);
	return 0;
}

/* --- What every match of a regular expression holds ------------------- */

/* Skips a character class starting at pat[i] == '['; the index after. */
static size_t
search_skip_class(const uint32_t *pat, size_t n, size_t i)
{
	i++;
	if (i < n && pat[i] == '^')
		i++;
	if (i < n && pat[i] == ']')
		i++;
	for (; i < n && pat[i] != ']'; i++) {
		if (pat[i] == '\\')
			i++;
		else if (pat[i] == '[' && i + 1 < n && pat[i + 1] == ':') {
			for (i += 2; i < n && pat[i] != ']'; i++)
				;
		}
	}
	return i < n ? i + 1 : n;
}

/* Skips a group starting at pat[i] == '('; the index after, or n. */
static size_t
search_skip_group(const uint32_t *pat, size_t n, size_t i)
{
	int	depth = 0;

	while (i < n) {
		if (pat[i] == '\\')
			i += 2;
		else if (pat[i] == '[')
			i = search_skip_class(pat, n, i);
		else {
			if (pat[i] == '(')
				depth++;
			else if (pat[i] == ')' && --depth == 0)
				return i + 1;
			i++;
		}
	}
	return n;
}

/*
 * A quantifier at pat[*i]: skips it (and a lazy or possessive mark) and
 * returns 1 if it may repeat zero times, 2 if at least once, 0 if there
 * is none.
 */
static int
search_quantifier(const uint32_t *pat, size_t n, size_t *i)
{
	size_t	k = *i;
	int	rc;

	if (k >= n)
		return 0;
	if (pat[k] == '*' || pat[k] == '?')
		rc = 1;
	else if (pat[k] == '+')
		rc = 2;
	else if (pat[k] == '{') {
		size_t	j = k + 1;

		while (j < n && pat[j] >= '0' && pat[j] <= '9')
			j++;
		if (j == k + 1 || j >= n || (pat[j] != '}' && pat[j] != ','))
			return 0;	/* a literal { */
		rc = 1;		/* {0}, {00,3}: may repeat zero times */
		for (size_t d = k + 1; d < j; d++)
			if (pat[d] != '0')
				rc = 2;
		while (j < n && pat[j] != '}')
			j++;
		k = j;
	} else
		return 0;
	k++;
	if (k < n && (pat[k] == '?' || pat[k] == '+'))
		k++;
	*i = k;
	return rc;
}

/*
 * The longest run of literal characters that every match of the
 * (normalised) regular expression must hold, found at its top level:
 * characters, escaped punctuation; a group, a class, '.', an anchor or an
 * escape such as \d ends a run, and a character that may be absent leaves
 * it.  No run at all (0) for alternation at the top level, option
 * settings (?i) and other (? constructs but (?:, \Q, back references:
 * what cannot be read simply is not read.  White space ends a run too.
 */
static size_t
search_needs(const uint32_t *pat, size_t n, uint32_t *best)
{
	uint32_t	*run = xreallocarray(NULL, n + 1, sizeof *run);
	size_t		 i = 0, nrun = 0, nbest = 0, k;
	uint32_t	 c;
	int		 q;

	while (i < n) {
		c = pat[i];
		if (c == '|' || (c == '(' && i + 1 < n && pat[i + 1] == '?' &&
		    (i + 2 >= n || pat[i + 2] != ':'))) {
			nbest = 0;
			break;
		}
		if (c == '\\' && i + 1 < n && pat[i + 1] < 0x80 &&
		    (pat[i + 1] | 0x20) >= 'a' && (pat[i + 1] | 0x20) <= 'z') {
			if (strchr("dDwWsShHvVRbBAzZG", (int)pat[i + 1]) ==
			    NULL) {
				nbest = 0;	/* \Q, \x{}, \p{}, \k... */
				break;
			}
			c = 0;	/* a class or an assertion: ends the run */
			i += 2;
		} else if (c == '\\' && i + 1 < n && pat[i + 1] >= '0' &&
		    pat[i + 1] <= '9') {
			nbest = 0;	/* a back reference or an octal */
			break;
		} else if (c == '\\' && i + 1 < n) {
			c = pat[i + 1];	/* escaped punctuation: itself */
			i += 2;
		} else if (c == '[') {
			i = search_skip_class(pat, n, i);
			c = 0;
		} else if (c == '(') {
			i = search_skip_group(pat, n, i);
			c = 0;
		} else if (c == '.' || c == '^' || c == '$' || c == ' ' ||
		    c == '\\' || c == ')' || c == '*' || c == '+' ||
		    c == '?') {
			i++;
			c = 0;
		} else
			i++;
		k = i;
		q = search_quantifier(pat, n, &k);
		i = k;
		if (c != 0 && q != 1)
			run[nrun++] = c;
		if (c == 0 || q != 0) {
			if (nrun > nbest) {
				memcpy(best, run, nrun * sizeof *run);
				nbest = nrun;
			}
			nrun = 0;
		}
	}
	if (i >= n && nrun > nbest) {
		memcpy(best, run, nrun * sizeof *run);
		nbest = nrun;
	}
	free(run);
	return nbest;
}

/*
 * The literal search for what every match of regex s holds, folded as s
 * is, or NULL when there is none worth scanning for (under two bytes).
 */
static struct search *
search_needs_search(const struct search *s, int flags)
{
	uint32_t	*need = xreallocarray(NULL, s->npat + 1, sizeof *need);
	size_t		 n, i;
	struct buf	 b;
	struct search	*lit = NULL;
	char		*cause = NULL;

	n = search_needs(s->pat, s->npat, need);
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_add_cp(&b, need[i]);
	free(need);
	if (b.len >= 2) {
		buf_addc(&b, '\0');
		flags &= ~(SEARCH_REGEX | SEARCH_CASE | SEARCH_ICASE);
		flags |= s->fold ? SEARCH_ICASE : SEARCH_CASE;
		lit = search_new(b.s, flags, &cause);
		free(cause);
	}
	buf_free(&b);
	return lit;
}

struct search *
search_needed(const struct search *s)
{
	return s->lit;
}

struct search *
search_new(const char *pattern, int flags, char **cause)
{
	struct search	*s = xcalloc(1, sizeof *s);
	struct norm	 nm;

	memset(&nm, 0, sizeof nm);
	s->regex = (flags & SEARCH_REGEX) != 0;
	s->halfwidth = (flags & SEARCH_HALFWIDTH) != 0;
	s->fold = (flags & SEARCH_ICASE) || (!(flags & SEARCH_CASE) &&
	    !search_has_upper(pattern));
	s->script = !(flags & SEARCH_NOSCRIPT);
	norm_bytes(&nm, pattern, 0, strlen(pattern), s->fold, s->script);
	s->pat = nm.cp;
	s->npat = nm.n;
	free(nm.from);
	free(nm.to);
	if (s->npat == 0) {
		*cause = xstrdup("empty pattern");
		search_free(s);
		return NULL;
	}
	if (s->regex && search_compile_regex(s, pattern, cause) != 0) {
		search_free(s);
		return NULL;
	}
	search_first_bytes(s, s->pat[0]);
	if (s->regex)
		s->lit = search_needs_search(s, flags);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->pat);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	pcre2_code_free(s->re);
	search_free(s->lit);
	free(s);
}

int
search_is_regex(const struct search *s)
{
	return s->regex;
}

int
search_folds(const struct search *s)
{
	return s->fold;
}

int
search_script(const struct search *s)
{
	return s->script;
}

/* Normalises a block's text, leaving out its hidden spans. */
static void
search_norm_text(const struct search *s, const struct text *t,
    struct norm *nm)
{
	size_t	at = 0, i;

	for (i = 0; i < t->nspans; i++) {
		const struct span *sp = &t->spans[i];

		if (sp->style != STYLE_HIDDEN || sp->start < at)
			continue;
		norm_bytes(nm, t->s, at, sp->start, s->fold, s->script);
		at = sp->end;
	}
	norm_bytes(nm, t->s, at, t->len, s->fold, s->script);
}

static long
search_literal(const struct search *s, const struct norm *nm, search_fn *fn,
    void *arg)
{
	size_t	i = 0, m = s->npat;
	long	found = 0;

	while (i + m <= nm->n) {
		if (nm->cp[i] == s->pat[0] &&
		    memcmp(nm->cp + i, s->pat, m * sizeof *s->pat) == 0) {
			found++;
			if (!fn(arg, nm->from[i], nm->to[i + m - 1]))
				break;
			i += m;
		} else
			i++;
	}
	return found;
}

static long
search_regex(const struct search *s, const struct norm *nm, search_fn *fn,
    void *arg)
{
	struct buf	 b;
	size_t		*at = xreallocarray(NULL, nm->n + 1, sizeof *at), i;
	size_t		 a = 0, z;
	PCRE2_SIZE	 start = 0, *ov;
	uint32_t	 check = 0;
	long		 found = 0;
	int		 rc;

	buf_init(&b);
	for (i = 0; i < nm->n; i++) {
		at[i] = b.len;
		buf_add_cp(&b, nm->cp[i]);
	}
	at[nm->n] = b.len;
	/*
	 * Linear in the matches: the text is checked as UTF-8 once, not at
	 * every match, and the map back to the text goes on from the last
	 * match instead of from the start (both were quadratic: 4.8 s for
	 * '.' over one 64 KiB paragraph).
	 */
	while (start <= b.len) {
		rc = pcre2_match(s->re, (PCRE2_SPTR)(b.s ? b.s : ""), b.len,
		    start, check, s->md, s->mc);
		check = PCRE2_NO_UTF_CHECK;
		if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT) {
			found = -1;
			break;
		}
		if (rc < 0)
			break;
		ov = pcre2_get_ovector_pointer(s->md);
		if (ov[1] > ov[0]) {
			while (a < nm->n && at[a] < ov[0])
				a++;
			z = a;
			while (z < nm->n && at[z + 1] < ov[1])
				z++;
			found++;
			if (!fn(arg, nm->from[a], nm->to[z]))
				break;
		}
		start = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		while (start < b.len && (b.s[start] & 0xC0) == 0x80)
			start++;
	}
	free(at);
	buf_free(&b);
	return found;
}

long
search_text(struct search *s, const struct text *t, search_fn *fn, void *arg)
{
	struct norm	nm;
	long		found;

	memset(&nm, 0, sizeof nm);
	search_norm_text(s, t, &nm);
	found = s->regex ? search_regex(s, &nm, fn, arg) :
	    search_literal(s, &nm, fn, arg);
	norm_free(&nm);
	return found;
}

static int
search_stop(void *arg, size_t a, size_t z)
{
	(void)arg;
	(void)a;
	(void)z;
	return 0;
}

int
search_in(struct search *s, const char *str, size_t len)
{
	struct norm	nm;
	long		found;

	memset(&nm, 0, sizeof nm);
	norm_bytes(&nm, str, 0, len, s->fold, s->script);
	found = s->regex ? search_regex(s, &nm, search_stop, NULL) :
	    search_literal(s, &nm, search_stop, NULL);
	norm_free(&nm);
	return found > 0;
}

/* --- Scanning the raw source ------------------------------------------ */

struct cursor {
	const char	*src;
	size_t		 n;
	size_t		 i;		/* next byte */
	uint32_t	 prev;		/* the last source character */
	uint32_t	 out[NORM_MAX];	/* normalised, not yet compared */
	int		 nout;
	int		 kout;
	int		 hard;		/* a paragraph end was reached */
};

/* Is byte i inside a gloss (a hidden 長(zhǎng))? */
static int
search_in_gloss(const char *src, size_t n, size_t i)
{
	size_t	q = i, g;

	while (q > 0 && i - q < 24) {
		q--;
		if (src[q] == ')' || src[q] == '\n')
			return 0;
		if (src[q] == '(' || (q >= 2 && (unsigned char)src[q] == 0x88 &&
		    (unsigned char)src[q - 1] == 0xBC &&
		    (unsigned char)src[q - 2] == 0xEF)) {
			size_t p = src[q] == '(' ? q : q - 2;

			g = gloss_at(src, n, p);
			return g > 0 && i < p + g;
		}
	}
	return 0;
}

/* After a line end: the next line's first byte, or n for a blank line. */
static size_t
search_next_line(const char *src, size_t n, size_t i)
{
	uint32_t	c;
	int		k;

	if (src[i] == '\r' && i + 1 < n && src[i + 1] == '\n')
		i++;
	i++;
	while (i < n) {
		k = utf8_decode((const uint8_t *)src + i, n - i, &c);
		if (c == '\n' || c == '\r')
			return n;	/* a blank line: the paragraph ends */
		if (!search_space(c))
			return i;
		i += (size_t)k;
	}
	return n;
}

/*
 * Skips a run of white space and line ends from k->i.  Returns 1 if the
 * run holds a space or joins Latin lines (a space is seen), 0 if it only
 * joins two CJK lines (nothing is seen), -1 at a blank line or the end.
 */
static int
search_skip_space(struct cursor *k)
{
	uint32_t	c, before = k->prev;
	int		space = 0, lines = 0, len;

	while (k->i < k->n) {
		len = utf8_decode((const uint8_t *)k->src + k->i, k->n - k->i,
		    &c);
		if (c == '\n' || c == '\r') {
			size_t next = search_next_line(k->src, k->n, k->i);

			if (next >= k->n)
				return -1;
			k->i = next;
			lines++;
			continue;
		}
		if (!search_space(c))
			break;
		space = 1;
		k->i += (size_t)len;
	}
	if (k->i >= k->n)
		return -1;
	utf8_decode((const uint8_t *)k->src + k->i, k->n - k->i, &c);
	if (!space && width_is_cjk(before) && width_is_cjk(c))
		return 0;
	return 1;
}

/* The next normalised code point from the source, or 0 at a hard end. */
static uint32_t
search_next_cp(struct cursor *k, const struct search *s, int hidden)
{
	uint32_t	c;
	size_t		g;
	int		len, sp;

	if (k->kout < k->nout)
		return k->out[k->kout++];
	if (k->i >= k->n || k->hard)
		return 0;
	if (hidden && width_is_han(k->prev) &&
	    (g = gloss_at(k->src, k->n, k->i)) > 0)
		k->i += g;
	if (k->i >= k->n)
		return 0;
	len = utf8_decode((const uint8_t *)k->src + k->i, k->n - k->i, &c);
	if (search_space(c)) {
		if ((sp = search_skip_space(k)) < 0)
			return k->hard = 1, (uint32_t)' ';
		if (sp == 0)
			return search_next_cp(k, s, hidden);
		k->prev = ' ';
		return ' ';
	}
	k->i += (size_t)len;
	k->prev = c;
	k->nout = norm_cp(c, s->fold, s->script, k->out);
	k->kout = 1;
	return k->out[0];
}

/* Does a match start at source byte i?  Sets *end. */
static int
search_verify(const struct search *s, const char *src, size_t n, size_t i,
    size_t *end)
{
	struct cursor	k;
	size_t		j;
	uint32_t	c;

	memset(&k, 0, sizeof k);
	k.src = src;
	k.n = n;
	k.i = i;
	for (j = 0; j < s->npat; j++) {
		c = search_next_cp(&k, s, 1);
		if (c != s->pat[j])
			return 0;
	}
	if (k.kout < k.nout)
		return 0;	/* ends inside a decomposed character */
	*end = k.i;
	return 1;
}

/* Where each needle occurs next, at or after a position. */
struct scan {
	size_t	next[SEARCH_NEEDLES];
	size_t	at[SEARCH_NEEDLES];	/* searched from here */
};

/* Does needle k start at src[i] (n bytes)? */
static int
search_needle_at(const struct search *s, int k, const char *src, size_t n,
    size_t i)
{
	return i + s->nlen[k] <= n &&
	    memcmp(src + i, s->needle[k], s->nlen[k]) == 0;
}

/* Does one of the needles start at src[i]? */
static int
search_any_at(const struct search *s, const char *src, size_t n, size_t i)
{
	int	k;

	for (k = 0; k < s->nneedles; k++)
		if (search_needle_at(s, k, src, n, i))
			return 1;
	return 0;
}

#if defined(__GNUC__)
typedef unsigned char	search_v16 __attribute__((vector_size(16)));
typedef signed char	search_m16 __attribute__((vector_size(16)));

/*
 * The first place in [i, to) where one of the forms of a CJK character
 * starts (发 髮 發), in one pass: 16 bytes at a time, each form's first
 * and last bytes compared at once, the rare places where both agree
 * checked whole.  Several memmem passes would cost as many times one.
 */
static size_t
search_forms(const struct search *s, const char *src, size_t n, size_t i,
    size_t to)
{
	search_v16	first[SEARCH_NEEDLES], last[SEARCH_NEEDLES], a, z[5];
	search_m16	m;
	uint64_t	h[2];
	size_t		j, span = 0;
	int		k, nk = s->nneedles, lens = 0;

	for (k = 0; k < nk; k++) {
		memset(&first[k], (unsigned char)s->needle[k][0], 16);
		memset(&last[k], (unsigned char)s->needle[k][s->nlen[k] - 1],
		    16);
		if (s->nlen[k] > span)
			span = s->nlen[k];
		lens |= 1 << s->nlen[k];	/* 2, 3 or 4 bytes */
	}
	for (; i < to && i + 16 + span - 1 <= n; i += 16) {
		memcpy(&a, src + i, 16);
		if (lens == ((1 << 3) | (1 << 1)) && nk == 2) {
			/* an ASCII character and its full-width form */
			memcpy(&z[3], src + i + 2, 16);
			m = (a == first[0]) | ((a == first[1]) &
			    (z[3] == last[1]));
		} else if (lens == 1 << 3) {	/* the usual: all of 3 bytes */
			memcpy(&z[3], src + i + 2, 16);
			m = (a == first[0]) & (z[3] == last[0]);
			for (k = 1; k < nk; k++)
				m |= (a == first[k]) & (z[3] == last[k]);
		} else {
			for (k = 2; k <= 4; k++)	/* each length's last bytes */
				if (lens & (1 << k))
					memcpy(&z[k], src + i + k - 1, 16);
			memset(&m, 0, sizeof m);
			for (k = 0; k < nk; k++)
				m |= s->nlen[k] == 1 ? (a == first[k]) :
				    (a == first[k]) &
				    (z[s->nlen[k]] == last[k]);
		}
		memcpy(h, &m, sizeof h);
		if ((h[0] | h[1]) == 0)
			continue;
		for (j = 0; j < 16 && i + j < to; j++)
			if (m[j] && search_any_at(s, src, n, i + j))
				return i + j;
	}
	for (; i < to; i++)
		if (search_any_at(s, src, n, i))
			return i;
	return to;
}
#else
static size_t
search_forms(const struct search *s, const char *src, size_t n, size_t i,
    size_t to)
{
	for (; i < to; i++)
		if (search_any_at(s, src, n, i))
			return i;
	return to;
}
#endif

static size_t
search_candidate(const struct search *s, struct scan *sc, const char *src,
    size_t n, size_t i, size_t to)
{
	size_t		best = to, k, lim;
	const char	*p;

	if (s->forms)
		return search_forms(s, src, n, i, to);
	if (s->nneedles == 0) {
		while (i < to && !s->first[(unsigned char)src[i]])
			i++;
		return i;
	}
	for (k = 0; k < (size_t)s->nneedles; k++) {
		if (sc->at[k] != 0 && sc->at[k] - 1 <= i && sc->next[k] >= i) {
			if (sc->next[k] < best)
				best = sc->next[k];
			continue;
		}
		lim = to + s->nlen[k] - 1 < n ? to + s->nlen[k] - 1 : n;
		p = s->nlen[k] == 1 ? memchr(src + i, s->needle[k][0], to - i) :
		    memmem(src + i, lim - i, s->needle[k], s->nlen[k]);
		sc->next[k] = p != NULL ? (size_t)(p - src) : to;
		sc->at[k] = i + 1;
		if (sc->next[k] < best)
			best = sc->next[k];
	}
	return best;
}

long
search_scan(struct search *s, const char *src, size_t n, size_t from,
    size_t to, search_fn *fn, void *arg)
{
	size_t		i = from, end;
	long		found = 0;
	struct scan	sc;

	if (s->regex)
		return 0;
	if (to > n)
		to = n;
	memset(&sc, 0, sizeof sc);
	while (i < to && (i = search_candidate(s, &sc, src, n, i, to)) < to) {
		if ((i == 0 || (src[i] & 0xC0) != 0x80) &&
		    search_verify(s, src, n, i, &end) &&
		    !search_in_gloss(src, n, i)) {
			found++;
			if (!fn(arg, i, end))
				break;
			i = end > i ? end : i + 1;
		} else
			i++;
	}
	return found;
}

int
search_has_fullwidth(const char *src, size_t n)
{
	const char	*p = src, *end = src + n;
	unsigned char	 b2, b3;

	while ((p = memchr(p, 0xEF, (size_t)(end - p))) != NULL) {
		if (end - p < 3)
			break;
		b2 = (unsigned char)p[1];
		b3 = (unsigned char)p[2];
		if ((b2 == 0xBD && b3 >= 0x81 && b3 <= 0x9A) ||
		    (b2 == 0xBC && ((b3 >= 0x90 && b3 <= 0x99) ||
		    (b3 >= 0xA1 && b3 <= 0xBA))))
			return 1;
		p += 1;
	}
	return 0;
}
