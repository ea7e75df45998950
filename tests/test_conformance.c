/*
 * test_conformance.c: grapheme clusters (text.c) and line-break
 * opportunities (libunistring) against the Unicode conformance tests in
 * /usr/share/unicode/auxiliary (Debian package unicode-data).  Skipped when
 * the files are absent.  Line-break failures must be among the known
 * deviations of libunistring 1.0, recorded in tests/data/linebreak-known.txt.
 */
#include <unilbrk.h>

#include "unit.h"

#include "buf.h"
#include "text.h"

#define AUX	"/usr/share/unicode/auxiliary/"

struct case_ {
	struct buf	s;		/* UTF-8 text */
	size_t		off[64];	/* byte offset of each code point */
	int		brk[64];	/* break before code point i? */
	size_t		n;
	char		key[512];	/* the hex sequence, for reporting */
};

/* Parses "÷ 0020 × 0308 ÷" into a case; returns 0 for comments. */
static int
parse_case(const char *line, struct case_ *c)
{
	const char	*p = line;
	size_t		 k = 0;

	buf_init(&c->s);
	c->n = 0;
	memset(c->brk, 0, sizeof c->brk);
	while (*p != '\0' && *p != '#' && c->n < 64) {
		if (strncmp(p, "÷", 2) == 0 || strncmp(p, "×", 2) == 0) {
			if (c->n > 0)
				c->brk[c->n] = strncmp(p, "÷", 2) == 0;
			p += 2;
		} else if (*p == ' ' || *p == '\t')
			p++;
		else {
			unsigned long cp = strtoul(p, (char **)&p, 16);

			c->off[c->n] = c->s.len;
			buf_add_cp(&c->s, (uint32_t)cp);
			k += snprintf(c->key + k, sizeof c->key - k, "%s%04lX",
			    c->n ? " " : "", cp);
			c->n++;
		}
	}
	c->off[c->n] = c->s.len;
	return c->n > 0;
}

static FILE *
open_aux(const char *name)
{
	FILE	*f = fopen(name, "r");

	if (f == NULL)
		skip();
	return f;
}

static int
has_line_end(const struct case_ *c)
{
	return memchr(c->s.s, '\n', c->s.len) || memchr(c->s.s, '\r', c->s.len);
}

static void
test_grapheme_clusters(void **state)
{
	FILE	*f = open_aux(AUX "GraphemeBreakTest.txt");
	char	 line[4096];
	size_t	 tested = 0, failed = 0;

	while (fgets(line, sizeof line, f) != NULL) {
		struct case_		 c;
		struct text		*t;
		const struct clusters	*cl;
		size_t			 i, k = 0;
		int			 ok = 1;

		if (!parse_case(line, &c) || has_line_end(&c)) {
			buf_free(&c.s);
			continue;
		}
		t = text_new(buf_take(&c.s, NULL), c.off[c.n]);
		cl = text_clusters(t, 1, 0);
		for (i = 0; i < c.n; i++) {
			int	starts = k < cl->n && cl->off[k] == c.off[i];

			if (starts)
				k++;
			if (i > 0 && starts != c.brk[i])
				ok = 0;
		}
		if (!ok && failed++ < 5)
			printf("# grapheme mismatch: %s\n", c.key);
		tested++;
		text_free(t);
	}
	fclose(f);
	printf("# %zu grapheme cases, %zu failed\n", tested, failed);
	assert_true(tested > 400);
	assert_int_equal(failed, 0);
}

/* The known deviations, one hex sequence a line. */
static char *
load_known(void)
{
	const char	*dir = getenv("TESTDATA");
	char		 path[4096];
	FILE		*f;
	struct buf	 b;
	char		 line[512];

	snprintf(path, sizeof path, "%s/linebreak-known.txt",
	    dir ? dir : "tests/data");
	buf_init(&b);
	buf_addc(&b, '\n');
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("cannot read %s", path);
	while (fgets(line, sizeof line, f) != NULL)
		if (line[0] != '#')
			buf_adds(&b, line);
	fclose(f);
	return buf_take(&b, NULL);
}

static void
test_line_breaks(void **state)
{
	FILE	*f = open_aux(AUX "LineBreakTest.txt");
	char	*known = load_known(), line[4096], brk[1024], needle[520];
	char	 fast[1024];
	size_t	 tested = 0, failed = 0, unknown = 0, fastbad = 0;

	while (fgets(line, sizeof line, f) != NULL) {
		struct case_	c;
		size_t		i;
		int		ok = 1;

		if (!parse_case(line, &c)) {
			buf_free(&c.s);
			continue;
		}
		u8_possible_linebreaks((uint8_t *)c.s.s, c.s.len, "UTF-8", brk);
		/* folio's fast path for common characters says the same */
		text_line_breaks(c.s.s, c.s.len, fast);
		if (memcmp(brk, fast, c.s.len) != 0 && fastbad++ < 5)
			printf("# the fast path differs: %s\n", c.key);
		for (i = 1; i < c.n; i++) {
			/* MANDATORY marks the line-break character itself:
			 * the break comes after it. */
			int	b = brk[c.off[i]] == UC_BREAK_POSSIBLE ||
			    brk[c.off[i - 1]] == UC_BREAK_MANDATORY;

			if (b != c.brk[i])
				ok = 0;
		}
		tested++;
		if (!ok) {
			failed++;
			snprintf(needle, sizeof needle, "\n%s\n", c.key);
			if (strstr(known, needle) == NULL && unknown++ < 10)
				printf("# new line-break deviation: %s\n", c.key);
			if (getenv("LINEBREAK_LIST") != NULL)
				fprintf(stderr, "%s\n", c.key);
		}
		buf_free(&c.s);
	}
	fclose(f);
	free(known);
	printf("# %zu line-break cases, %zu known deviations of libunistring\n",
	    tested, failed);
	assert_true(tested > 5000);
	assert_int_equal(unknown, 0);
	assert_int_equal(fastbad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grapheme_clusters),
		cmocka_unit_test(test_line_breaks),
	};

	return UNIT_RUN(tests);
}
