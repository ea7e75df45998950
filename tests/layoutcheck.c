/*
 * layoutcheck: checks the layout guarantees of layout.h on documents.
 *
 *   layoutcheck [-a 1|2] [-w W,W,...] FILE...   check files
 *   layoutcheck -g SEED [-w ...]                 check generated text
 *   layoutcheck -g SEED -p                       print generated text
 *   -s s|t|tw|hk: the text shown in another script (convert.h)
 *
 * For every block at every width: lines start and end on cluster
 * boundaries; no line is wider than the width (as wcwidth counts what
 * --dump prints) unless it holds a single cluster wider than the width;
 * only spaces are dropped between lines, so nothing is lost or duplicated;
 * no line starts with a closing mark or ends with an opening one, no ——
 * or …… is split, and no word is cut, unless nothing else fits.  Prints one
 * line per violation (at most 20) and exits 1 if there was any.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "convert.h"
#include "doc.h"
#include "layout.h"
#include "width.h"

static int	 violations;
static const char *current;

static void
fail(size_t b, int w, size_t line, const char *what)
{
	if (violations++ < 20)
		fprintf(stderr, "%s: block %zu, width %d, line %zu: %s\n",
		    current, b, w, line, what);
}

/* Index of the cluster starting at byte off, or -1. */
static long
cluster_at(const struct clusters *cl, uint32_t off)
{
	size_t	lo = 0, hi = cl->n + 1;

	while (lo < hi) {
		size_t	mid = (lo + hi) / 2;

		if (cl->off[mid] == off)
			return (long)mid;
		if (cl->off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
bad_boundary(const struct clusters *cl, size_t k)
{
	return (cl->flags[k] & CL_NOSTART) || (cl->flags[k - 1] & CL_NOEND);
}

/* The first cluster at or after m that is not a space. */
static size_t
skip_spaces(const struct clusters *cl, size_t m)
{
	while (m < cl->n && (cl->flags[m] & CL_SPACE))
		m++;
	return m;
}

/* Columns of clusters [m, k]. */
static int
cols(const struct clusters *cl, size_t m, size_t k)
{
	int	w = 0;

	for (; m <= k && m < cl->n; m++)
		w += cl->width[m];
	return w;
}

/*
 * Could the line of clusters [i, k) have ended at a better place: a break
 * before m where the next line would not start with a closing mark (the
 * spaces at m go) and what moves down still fits beside cluster k (the
 * line's bad start) on a line of w columns?
 */
static int
had_better_break(const struct clusters *cl, size_t i, size_t k, int w)
{
	size_t	m, s;

	for (m = i + 1; m < k; m++) {
		s = skip_spaces(cl, m);
		if (s < k && !bad_boundary(cl, s) && !(cl->flags[m - 1] &
		    CL_NOEND) && !(cl->flags[s] & CL_HIDDEN) &&
		    cols(cl, s, k) <= w)
			return 1;
	}
	return 0;
}

static int
had_opportunity(const struct clusters *cl, size_t i, size_t k)
{
	size_t	m;

	for (m = i + 1; m < k; m++)
		if (cl->flags[m] & CL_BREAK)
			return 1;
	return 0;
}

static void
check_line_width(struct doc *d, const struct line *l, int w, int amb,
    long i, long k, size_t b, size_t n)
{
	struct buf	out;
	int		cols;

	buf_init(&out);
	layout_line_text(d, l, amb, &out);
	cols = width_str(out.s, out.len, amb);
	if (cols > w && !(k - i == 1 && l->indent == 0))
		fail(b, w, n, "line wider than the width");
	buf_free(&out);
}

static void
check_flow(struct doc *d, size_t b, const struct lines *ls, int w, int amb)
{
	struct text		*t = doc_text(d, b);
	const struct clusters	*cl = text_clusters(t, amb, 0);
	long			 prev_i = -1, prev_k = 0;
	uint32_t		 at = 0, p;
	size_t			 n;

	for (n = 0; n < ls->n; n++) {
		const struct line *l = &ls->v[n];
		long	i = cluster_at(cl, l->start), k;

		if (l->kind != LINE_TEXT)
			continue;
		k = cluster_at(cl, l->end);
		if (i < 0 || k < 0) {
			fail(b, w, n, "line splits a grapheme cluster");
			return;
		}
		for (p = at; p < l->start; p++)
			if (t->s[p] != ' ')
				fail(b, w, n, "text lost between lines");
		if (l->start < at)
			fail(b, w, n, "text duplicated");
		check_line_width(d, l, w, amb, i, k, b, n);
		/* No closing mark starts a line, even after a space (" ；"),
		 * unless nothing could move down beside it. */
		if (prev_i >= 0 && k > i && bad_boundary(cl, (size_t)i) &&
		    had_better_break(cl, (size_t)prev_i, (size_t)i, w))
			fail(b, w, n, "kinsoku: bad line start or end");
		if (prev_i >= 0 && !(cl->flags[i] & CL_BREAK) &&
		    t->s[l->start - 1] != ' ' &&
		    had_opportunity(cl, (size_t)prev_i, (size_t)i))
			fail(b, w, n, "word split though it fits");
		prev_i = i;
		prev_k = k;
		at = l->end;
	}
	for (p = at; p < t->len; p++)
		if (t->s[p] != ' ')
			fail(b, w, ls->n, "text lost at the end");
	(void)prev_k;
}

/* Wrapped preformatted text: only blanks and line ends between lines. */
static void
check_pre_kept(struct doc *d, size_t b, const struct lines *ls, int w)
{
	struct text	*t = doc_text(d, b);
	uint32_t	 at = 0, p;
	size_t		 n;

	for (n = 0; n < ls->n; n++) {
		const struct line *l = &ls->v[n];

		if (l->kind != LINE_TEXT)
			continue;
		if (l->start < at)
			fail(b, w, n, "preformatted text duplicated");
		for (p = at; p < l->start; p++)
			if (t->s[p] != ' ' && t->s[p] != '\n')
				fail(b, w, n, "preformatted text lost");
		at = l->end;
	}
	for (p = at; p < t->len; p++)
		if (t->s[p] != ' ' && t->s[p] != '\n')
			fail(b, w, ls->n, "preformatted text lost at the end");
}

static void
check_pre(struct doc *d, size_t b, const struct lines *ls, int w, int amb)
{
	const struct clusters *cl = text_clusters(doc_text(d, b), amb, 1);
	size_t	n;

	check_pre_kept(d, b, ls, w);
	for (n = 0; n < ls->n; n++) {
		struct buf	out;

		if (ls->v[n].kind != LINE_TEXT)
			continue;
		buf_init(&out);
		layout_line_text(d, &ls->v[n], amb, &out);
		if (width_str(out.s, out.len, amb) > w && !(ls->v[n].indent == 0 &&
		    cluster_at(cl, ls->v[n].end) == cluster_at(cl,
		    ls->v[n].start) + 1))	/* one cluster wider than w */
			fail(b, w, n, "preformatted line wider than the width");
		if (out.len > 0 && memchr(out.s, '\n', out.len) != NULL)
			fail(b, w, n, "preformatted line wrapped");
		buf_free(&out);
	}
}

/*
 * Printing lays a paragraph out in one pass (layout_opts.once): the same
 * lines as fitting over the text's clusters, which the reader does.
 */
static void
check_once(struct doc *d, size_t b, const struct layout_opts *lo,
    const struct lines *ls)
{
	struct layout_opts	once = *lo;
	struct lines		o = { NULL, 0, 0 };
	size_t			n;

	once.once = 1;
	doc_forget(d, b);	/* no clusters kept from before */
	layout_block(d, b, &once, &o);
	if (o.n != ls->n)
		fail(b, lo->width, 0, "printed: another number of lines");
	for (n = 0; n < o.n && n < ls->n; n++)
		if (!line_same(&o.v[n], &ls->v[n]))
			fail(b, lo->width, n, "printed: another line");
	lines_free(&o);
}

static void
check_doc(struct doc *d, const int *widths, size_t nw, int amb)
{
	struct lines	ls = { NULL, 0, 0 };
	size_t		b, k;

	for (b = 0; b < doc_nblocks(d); b++) {
		for (k = 0; k < nw; k++) {
			struct layout_opts lo = { widths[k], amb, 0, 0, 0 };
			int	type = doc_block(d, b)->type;

			ls.n = 0;
			layout_block(d, b, &lo, &ls);
			if (type != BLOCK_PRE)
				check_once(d, b, &lo, &ls);
			if (type == BLOCK_PRE)
				check_pre(d, b, &ls, widths[k], amb);
			else if (type != BLOCK_RULE)
				check_flow(d, b, &ls, widths[k], amb);
		}
		doc_forget(d, b);
	}
	lines_free(&ls);
}

static const char *const pieces[] = {
	"中", "文", "排", "版", "測", "試", "，", "。", "、", "；", "：", "？",
	"！", "「", "」", "『", "』", "（", "）", "《", "》", "——", "……",
	"“", "”", "the ", "quick ", "brown ", "fox ", "jumps", "over ",
	"extraordinarily-long-hyphenated-compound-words ", "a", " ", " ",
	"https://example.com/path/to/a/page?query=1&x=2 ", "e\xcc\x81",
	"n\xcc\x83\xcc\x84", "\xf0\x9f\x98\x80", "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7",
	"한", "글", "ｆｕｌｌ", "1234567890", ".", ",", "(", ")", "長(zhǎng)",
	"\xe3\x80\x80\xe3\x80\x80",
};

/* Writes a repeatable document of mixed text from a seed. */
static char *
generate(unsigned seed, size_t *len)
{
	struct buf	b;
	int		para, k, n;

	srand(seed);
	buf_init(&b);
	for (para = 0; para < 60; para++) {
		n = 1 + rand() % 80;
		for (k = 0; k < n; k++) {
			buf_adds(&b, pieces[rand() % (sizeof pieces /
			    sizeof *pieces)]);
			if (rand() % 40 == 0)
				buf_addc(&b, '\n');
		}
		buf_adds(&b, para % 7 == 3 ? "\n- item one\n- item two\n\n" :
		    "\n\n");
	}
	return buf_take(&b, len);
}

static size_t
parse_widths(const char *s, int *w, size_t max)
{
	size_t	n = 0;

	while (*s != '\0' && n < max) {
		w[n++] = atoi(s);
		s += strcspn(s, ",");
		s += *s == ',';
	}
	return n;
}

int
main(int argc, char **argv)
{
	int		 widths[1100], c, amb = 1;
	size_t		 nw = parse_widths("1,2,7,20,33,40,80,200", widths, 1100);
	long		 seed = -1;
	int		 print = 0;
	struct doc_opts	 o = { .force = 1 };
	char		*cause = NULL;
	struct convert	*cv = NULL;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "layoutcheck: no C.UTF-8 locale\n");
		return 77;
	}
	while ((c = getopt(argc, argv, "a:g:ps:w:")) != -1) {
		if (c == 's') {
			if ((cv = convert_open(script_parse(optarg),
			    &cause)) == NULL) {
				fprintf(stderr, "layoutcheck: %s\n", cause);
				return 77;
			}
		} else if (c == 'a')
			amb = atoi(optarg) == 2 ? 2 : 1;
		else if (c == 'g')
			seed = atol(optarg);
		else if (c == 'p')
			print = 1;
		else if (c == 'w')
			nw = parse_widths(optarg, widths, 1100);
		else
			return 2;
	}
	if (seed >= 0) {
		size_t		 len;
		char		*s = generate((unsigned)seed, &len);
		struct doc	*d = doc_open_mem(s, len, &o, &cause);

		if (print) {
			fwrite(s, 1, len, stdout);
			free(s);
			return 0;
		}
		current = "generated";
		doc_set_convert(d, cv);
		check_doc(d, widths, nw, amb);
		doc_free(d);
		free(s);
	}
	for (; optind < argc; optind++) {
		struct doc	*d = doc_open(argv[optind], &o, &cause);

		current = argv[optind];
		if (d == NULL) {
			fprintf(stderr, "layoutcheck: %s\n", cause);
			return 1;
		}
		doc_set_convert(d, cv);
		check_doc(d, widths, nw, amb);
		doc_free(d);
	}
	convert_close(cv);
	if (violations > 0)
		fprintf(stderr, "layoutcheck: %d violations\n", violations);
	return violations > 0;
}
