/*
 * rdoc.c: building a rendered document and mapping its texts back to the
 * source (see rdoc.h); tables laid out in columns.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "rdoc.h"
#include "sanitize.h"
#include "utf8.h"
#include "width.h"
#include "xmalloc.h"

struct rdoc_block *
rdoc_push_block(struct rdoc *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	memset(&d->v[d->n], 0, sizeof d->v[d->n]);
	return &d->v[d->n++];
}

void
rdoc_add_span(struct rdoc *d, size_t start, size_t from, size_t to,
    int style, int data)
{
	struct span	*sp;

	if (d->nspans == d->spancap) {
		d->spancap = d->spancap ? d->spancap * 2 : 256;
		d->spans = xreallocarray(d->spans, d->spancap, sizeof *d->spans);
	}
	sp = &d->spans[d->nspans++];
	sp->start = (uint32_t)(from - start);
	sp->end = (uint32_t)(to - start);
	sp->style = (uint16_t)style;
	sp->data = (uint16_t)data;
}

void
rdoc_add_run(struct rdoc *d, uint32_t text, uint32_t tlen, uint64_t src,
    uint32_t slen)
{
	struct text_run	*r;

	if (d->nruns == d->runcap) {
		d->runcap = d->runcap ? d->runcap * 2 : 256;
		d->runs = xreallocarray(d->runs, d->runcap, sizeof *d->runs);
	}
	r = &d->runs[d->nruns++];
	r->text = text;
	r->tlen = tlen;
	r->src = src;
	r->slen = slen;
}

size_t
rdoc_add_link(struct rdoc *d, const char *url, size_t n)
{
	int	col = 0;

	/* the URL is shown and written to the terminal: sanitised too */
	sanitize_line(&d->links, url, n, &col);
	buf_addc(&d->links, '\n');
	return ++d->nlinks;
}

void
rdoc_free(struct rdoc *d)
{
	buf_free(&d->text);
	buf_free(&d->links);
	buf_free(&d->defs);
	free(d->runs);
	free(d->v);
	free(d->spans);
	free(d->title);
	memset(d, 0, sizeof *d);
}

/* --- Tables -------------------------------------------------------------- */

/*
 * The end of the first line of s that fits in w columns, breaking after
 * a space if there is one, else between characters; *cols its width.
 */
static size_t
rdoc_wrap(const char *s, size_t n, int w, int *cols)
{
	size_t		i = 0, brk = 0;
	int		c = 0, cw, at = 0;
	uint32_t	cp;

	while (i < n) {
		int	len = utf8_decode((const uint8_t *)s + i, n - i, &cp);

		cw = width_cp(cp, 1);
		if (c + cw > w && i > 0)
			break;
		c += cw;
		i += (size_t)len;
		if (cp == ' ') {
			brk = i;
			at = c;
		}
	}
	if (i < n && brk > 0) {
		*cols = at;
		return brk;
	}
	*cols = c;
	return i;
}

/* The widest line of cell s when wrapped at w columns. */
static int
rdoc_cell_width(const char *s, int w)
{
	size_t	n = strlen(s), k;
	int	cols, widest = 0;

	if (w <= 0)
		return width_str(s, n, 1);
	while (n > 0) {
		k = rdoc_wrap(s, n, w, &cols);
		if (cols > widest)
			widest = cols;
		s += k;
		n -= k;
	}
	return widest;
}

static void
rdoc_pad(struct buf *out, int n)
{
	while (n-- > 0)
		buf_addc(out, ' ');
}

/* One row: its cells wrapped at their column's width, line by line. */
static void
rdoc_table_row(struct buf *out, char *const *cells, size_t cols,
    const int *w, const char *align, int maxw)
{
	const char	**rest = xcalloc(cols, sizeof *rest);
	size_t		  c, k, n;
	int		  more = 1, cw, pad;

	for (c = 0; c < cols; c++)
		rest[c] = cells[c];
	while (more) {
		more = 0;
		for (c = 0; c < cols; c++) {
			n = strlen(rest[c]);
			k = maxw > 0 ? rdoc_wrap(rest[c], n, w[c], &cw) : n;
			if (maxw <= 0)
				cw = width_str(rest[c], n, 1);
			pad = w[c] - cw;
			if (c > 0)
				buf_adds(out, " | ");
			if (align != NULL && align[c] == 'r')
				rdoc_pad(out, pad);
			else if (align != NULL && align[c] == 'c')
				rdoc_pad(out, pad / 2);
			buf_add(out, rest[c], k);
			if (align != NULL && align[c] == 'c')
				pad -= pad / 2;
			if ((align == NULL || align[c] != 'r') && c + 1 < cols)
				rdoc_pad(out, pad);
			rest[c] += k;
			while (*rest[c] == ' ')
				rest[c]++;
			more |= *rest[c] != '\0';
		}
		buf_addc(out, '\n');
	}
	free(rest);
}

void
rdoc_table(struct buf *out, char *const *cells, size_t rows, size_t cols,
    size_t header_rows, const char *align, int maxw)
{
	int	*w;
	size_t	 r, c, k;

	if (cols == 0)
		return;
	w = xcalloc(cols, sizeof *w);
	for (k = 0; k < rows * cols; k++) {
		int cw = rdoc_cell_width(cells[k], maxw);

		if (cw > w[k % cols])
			w[k % cols] = cw;
	}
	for (r = 0; r < rows; r++) {
		rdoc_table_row(out, cells + r * cols, cols, w,
		    align != NULL ? align + r * cols : NULL, maxw);
		if (r + 1 != header_rows)
			continue;
		for (c = 0; c < cols; c++) {
			if (c > 0)
				buf_adds(out, "-+-");
			for (k = 0; k < (size_t)w[c]; k++)
				buf_addc(out, '-');
		}
		buf_addc(out, '\n');
	}
	free(w);
}

int
rdoc_flow_type(int lists, int quote)
{
	if (lists > 0)
		return BLOCK_LIST;
	return quote > 0 ? BLOCK_QUOTE : BLOCK_PARA;
}

/*
 * A name without its extension, as a CMS makes it (0225-lupita-getty-01,
 * update_graphic_red_bar): letters and digits in three parts or more,
 * joined by - or _, with an _ or a first or last part of digits alone
 * (mother-in-law, COVID-19 and covid-19-vaccine are words).
 */
static int
rdoc_alt_is_slug(const char *alt, size_t n)
{
	size_t	k, seps = 0, digits = 0, part = 0;
	int	under = 0, ends = 0;

	for (k = 0; k <= n; k++) {
		unsigned char c = k < n ? (unsigned char)alt[k] : '-';

		if (c == '-' || c == '_') {
			if (part == 0)
				return 0;	/* at the start, or doubled */
			if (digits == part && (seps == 0 || k == n))
				ends = 1;	/* 0225-..., ...-01 */
			seps += k < n;
			under |= c == '_';
			part = digits = 0;
		} else if (c < 0x80 && isalnum(c)) {
			part++;
			digits += isdigit(c) != 0;
		} else
			return 0;
	}
	return seps >= 2 && (under || ends);
}

int
rdoc_alt_is_file_name(const char *alt)
{
	static const char *const ext[] = { ".jpg", ".jpeg", ".png", ".gif",
	    ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff", ".heic" };
	size_t	n, k, e;

	alt += strspn(alt, " \t\n");
	n = strcspn(alt, " \t\n");
	if (alt[n + strspn(alt + n, " \t\n")] != '\0')
		return 0;		/* words, not a name */
	for (k = 0; k < sizeof ext / sizeof *ext; k++) {
		e = strlen(ext[k]);
		if (n > e && strncasecmp(alt + n - e, ext[k], e) == 0)
			return 1;
	}
	return rdoc_alt_is_slug(alt, n);
}
