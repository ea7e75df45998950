/*
 * print.c: --dump and --toc.  The dump walks the document block by block and
 * drops each block's text once printed, so memory stays flat on any size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "layout.h"
#include "print.h"
#include "scursor.h"
#include "search.h"
#include "utf8.h"
#include "width.h"

int
print_dump(struct doc *d, int width, int ambiguous, FILE *f)
{
	struct layout_opts	lo = { width, ambiguous, 0, 0 };

	return layout_dump(d, &lo, f);
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

/* Appends text[from, to) without its hidden spans, line ends as spaces. */
static void
print_visible(const struct text *t, size_t from, size_t to, struct buf *out)
{
	size_t	i = from, k;

	while (i < to) {
		for (k = 0; k < t->nspans; k++)
			if (t->spans[k].style == STYLE_HIDDEN &&
			    t->spans[k].start <= i && i < t->spans[k].end)
				break;
		if (k < t->nspans) {
			i = t->spans[k].end;
			continue;
		}
		buf_addc(out, t->s[i] == '\n' ? ' ' : t->s[i]);
		i++;
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
	long		 n;
	struct buf	 out;
	FILE		*f;
};

/* One match: its section, then the text around it as shown. */
static int
print_grep_match(void *arg, const struct match *m0)
{
	struct print_grep	*g = arg;
	struct match		 m = *m0;
	struct text		*t;
	long			 s;
	size_t			 from, to, n, len;
	const uint32_t		*o = doc_outline(g->d, &n);
	char			*h;

	if (scursor_model(g->c, &m) != 0)
		return 1;	/* shows nothing */
	t = doc_text(g->d, m.from.block);
	if (m.to.block != m.from.block)	/* a long paragraph's two parts */
		m.to.off = (uint32_t)t->len;
	s = doc_section_of(g->d, m.from.block);
	from = print_cols(t, m.from.off, -1, 24);
	to = print_cols(t, m.to.off, 1, 24);
	g->out.len = 0;
	if (s >= 0) {
		h = text_visible(doc_text(g->d, o[s]), &len);
		buf_add(&g->out, h, len);
		free(h);
	} else
		buf_adds(&g->out, "-");
	buf_adds(&g->out, ": ");
	if (from > 0)
		buf_adds(&g->out, "\xE2\x80\xA6");
	print_visible(t, from, to, &g->out);
	if (to < t->len)
		buf_adds(&g->out, "\xE2\x80\xA6");
	buf_addc(&g->out, '\n');
	fwrite(g->out.s, 1, g->out.len, g->f);
	g->n++;
	return 1;
}

long
print_grep(struct doc *d, struct search *s, FILE *f)
{
	struct print_grep	g;

	memset(&g, 0, sizeof g);
	g.d = d;
	g.f = f;
	g.c = scursor_new(d, s);
	buf_init(&g.out);
	scursor_each(g.c, print_grep_match, &g);
	fprintf(f, "%ld match%s\n", g.n, g.n == 1 ? "" : "es");
	if (scursor_limited(g.c))
		fprintf(stderr, "folio: the expression hit its match limit: "
		    "matches may be missing\n");
	scursor_free(g.c);
	buf_free(&g.out);
	return fflush(f) == 0 && !ferror(f) ? g.n : -1;
}
