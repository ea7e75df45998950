/*
 * print.c: --dump and --toc.  The dump walks the document block by block and
 * drops each block's text once printed, so memory stays flat on any size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dump.h"
#include "layout.h"
#include "print.h"
#include "sanitize.h"
#include "scursor.h"
#include "search.h"
#include "srcline.h"
#include "utf8.h"
#include "width.h"

int
print_dump(struct doc *d, int width, int ambiguous, FILE *f)
{
	struct layout_opts	lo = { width, ambiguous, 0, 0, 1 };

	return dump_doc(d, &lo, f);
}

int
print_toc(struct doc *d, FILE *f)
{
	const uint32_t	*outline;
	size_t		 n, i, len;
	char		*s;
	int		 k;

	outline = doc_outline(d, &n);
	for (i = 0; i < n; i++) {
		for (k = 1; k < doc_level(d, outline[i]); k++)
			fputs("  ", f);
		s = text_visible(doc_text(d, outline[i]), &len);
		fwrite(s, 1, len, f);
		fputc('\n', f);
		free(s);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/*
 * Appends text[from, to) without its hidden spans, line ends as spaces,
 * a run of one style at a time (text_style_at: the old byte-by-byte look
 * at every span made --grep quadratic, 9.8 s for 64 KiB of *a**).
 */
static void
print_visible(const struct text *t, size_t from, size_t to, struct buf *out)
{
	size_t	i = from, next, k;

	while (i < to) {
		next = to;
		if (text_style_at(t, i, &next) != STYLE_HIDDEN)
			for (k = i; k < next; k++)
				buf_addc(out, t->s[k] == '\n' ? ' ' : t->s[k]);
		i = next;
	}
}

/* Moves i back (dir < 0) or on over about cols columns of text. */
static size_t
print_cols(const struct text *t, size_t i, int dir, int cols)
{
	uint32_t	c;

	while (cols > 0 && (dir < 0 ? i > 0 : i < t->len)) {
		size_t j = i;

		if (dir < 0) {
			while (j > 0 && (t->s[--j] & 0xC0) == 0x80)
				;
			utf8_decode((const uint8_t *)t->s + j, t->len - j, &c);
			i = j;
		} else
			i += (size_t)utf8_decode((const uint8_t *)t->s + i,
			    t->len - i, &c);
		cols -= width_cp(c, 1);
	}
	return i;
}

struct print_grep {
	struct doc	*d;
	struct scursor	*c;
	char		*name;	/* sanitised */
	int		 count_only;	/* --count */
	long		 n;
	struct buf	 out;
	FILE		*f;
	uint64_t	 lineat;	/* lines counted up to this byte */
	size_t		 line;		/* the line number there */
	char		*sec;		/* the section of the last match */
	size_t		 seclen;
	uint64_t	 secat;		/* its source byte (with have_sec) */
	int		 have_sec;
};

/* Sets g->sec to outline entry k of d (k < 0: none), for source byte at. */
static void
print_sec_set(struct print_grep *g, struct doc *d, long k, uint64_t at)
{
	const uint32_t	*o;
	size_t		 n;

	free(g->sec);
	g->sec = NULL;
	g->seclen = 0;
	if (k >= 0) {
		o = doc_outline(d, &n);
		g->sec = text_visible(doc_text(d, o[k]), &g->seclen);
	}
	g->secat = at;
	g->have_sec = 1;
}

/*
 * The section of block b of d (the document or a window of it): the last
 * heading before it, looked for before the window piece by piece when the
 * window has none (the last match's section holds if nothing lies
 * between).
 */
static void
print_section(struct print_grep *g, struct doc *d, size_t b)
{
	uint64_t	 at = doc_block(d, b)->off, from;
	long		 k = doc_section_of(d, b);
	struct doc	*w;
	size_t		 wb;

	if (k >= 0 || d == g->d) {
		print_sec_set(g, d, k, at);
		return;
	}
	for (from = doc_start(d); from > 0; from = doc_start(w), doc_free(w)) {
		if (g->have_sec && g->secat >= from) {
			g->secat = at;	/* nothing in between */
			return;
		}
		if (from <= doc_segmented(g->d)) {
			k = doc_section_of(g->d, doc_block_at(g->d, from - 1));
			print_sec_set(g, g->d, k, at);
			return;
		}
		w = doc_open_at(g->d, from - 1);
		wb = doc_block_at(w, from - 1);
		if (doc_nblocks(w) > 0 && (k = doc_section_of(w, wb)) >= 0) {
			print_sec_set(g, w, k, at);
			doc_free(w);
			return;
		}
	}
	print_sec_set(g, d, -1, at);
}

/* The line number of source byte at (matches come in order). */
static size_t
print_line(struct print_grep *g, uint64_t at)
{
	size_t		 n;
	const char	*src = doc_source(g->d, &n);

	if (at < g->lineat)	/* back: count the lines between, not from 0 */
		g->line -= srcline_count(src, n, (size_t)at, (size_t)g->lineat);
	else
		g->line += srcline_count(src, n, (size_t)g->lineat, (size_t)at);
	g->lineat = at;
	return g->line;
}

/* One match: FILE:LINE: its section, then the text around it as shown. */
static int
print_grep_match(void *arg, const struct match *m0)
{
	struct print_grep	*g = arg;
	struct match		 m = *m0;
	struct doc		*d;
	struct text		*t;
	size_t			 from, to;
	int			 cached;
	char			 num[32];

	if (scursor_model_in(g->c, &m, &d, &m.from, &m.to) != 0)
		return 1;	/* shows nothing */
	if (g->count_only) {	/* --count: the matches --grep shows */
		g->n++;
		return 1;
	}
	cached = doc_cached(d, m.from.block);
	t = doc_text(d, m.from.block);
	if (m.to.block != m.from.block)	/* a long paragraph's two parts */
		m.to.off = (uint32_t)t->len;
	from = print_cols(t, m.from.off, -1, 24);
	to = print_cols(t, m.to.off, 1, 24);
	g->out.len = 0;
	buf_adds(&g->out, g->name);
	snprintf(num, sizeof num, ":%zu: ", print_line(g, m.src));
	buf_adds(&g->out, num);
	print_section(g, d, m.from.block);
	t = doc_text(d, m.from.block);	/* the section may have moved it */
	if (g->sec != NULL) {
		buf_add(&g->out, g->sec, g->seclen);
		buf_adds(&g->out, ": ");
	}
	if (from > 0)
		buf_adds(&g->out, "\xE2\x80\xA6");
	print_visible(t, from, to, &g->out);
	if (to < t->len)
		buf_adds(&g->out, "\xE2\x80\xA6");
	buf_addc(&g->out, '\n');
	fwrite(g->out.s, 1, g->out.len, g->f);
	if (!cached)
		doc_forget(d, m.from.block);
	g->n++;
	return 1;
}

long
print_grep(struct doc *d, struct search *s, const char *name, int count,
    FILE *f)
{
	struct print_grep	g;

	memset(&g, 0, sizeof g);
	g.d = d;
	g.f = f;
	g.name = sanitize_dup(name, strlen(name));	/* a name is shown too */
	g.line = 1;
	g.c = scursor_new(d, s);
	buf_init(&g.out);
	g.count_only = count;
	scursor_each(g.c, print_grep_match, &g);
	if (count)
		fprintf(f, "%ld\n", g.n);
	else
		fprintf(f, "%ld match%s\n", g.n, g.n == 1 ? "" : "es");
	if (scursor_limited(g.c))
		fprintf(stderr, "folio: the expression hit its match limit: "
		    "matches may be missing\n");
	scursor_free(g.c);
	buf_free(&g.out);
	free(g.sec);
	free(g.name);
	return fflush(f) == 0 && !ferror(f) ? g.n : -1;
}
