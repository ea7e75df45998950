/*
 * fuzz_search: finding what a person means (search.c).  The first byte
 * chooses: regular expression (bit 0), case-sensitive (bit 1), Markdown
 * (bit 2); the rest of the first line is the pattern, the lines after it
 * the document.  Checked: a bad pattern is refused with a reason; matches
 * in a block's text come in order, inside the text, on character
 * boundaries; a regular expression stops at its match limit; matches in
 * the raw source (which may hold bytes that are not UTF-8) come in order
 * and start where they were asked for.
 */
#include "fuzz-doc.h"
#include "search.h"

struct fuzz_hits {
	const char	*s;
	size_t		 len;
	size_t		 from;		/* search_scan: where matches start */
	size_t		 to;
	size_t		 last;		/* start of the previous match */
	long		 n;
	int		 raw;		/* the source: not always UTF-8 */
};

static int
fuzz_hit(void *arg, size_t a, size_t z)
{
	struct fuzz_hits	*h = arg;

	FUZZ_CHECK(a <= z && z <= h->len);
	FUZZ_CHECK(a >= h->last && a >= h->from && a < h->to);
	FUZZ_CHECK(h->raw || a == h->len || (h->s[a] & 0xC0) != 0x80);
	FUZZ_CHECK(h->raw || z == h->len || (h->s[z] & 0xC0) != 0x80);
	h->last = a;
	h->n++;
	return h->n < 100000;
}

static void
fuzz_search_doc(struct search *s, struct doc *d)
{
	struct fuzz_hits	 h;
	struct text		*t;
	size_t			 b, n;
	const char		*src;
	long			 r;

	for (b = 0; b < doc_nblocks(d); b++) {
		t = doc_text(d, b);
		memset(&h, 0, sizeof h);
		h.s = t->s;
		h.len = h.to = t->len;
		r = search_text(s, t, fuzz_hit, &h);
		FUZZ_CHECK(r == h.n || (r == -1 && search_is_regex(s)));
		doc_forget(d, b);
	}
	if (search_is_regex(s))
		return;
	src = doc_source(d, &n);
	memset(&h, 0, sizeof h);
	h.s = src;
	h.len = n;
	h.from = n / 3;
	h.to = n;
	h.raw = 1;
	h.last = h.from;
	r = search_scan(s, src, n, h.from, h.to, fuzz_hit, &h);
	FUZZ_CHECK(r == h.n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct doc_opts	 o = { .force = 1, .format = DOC_FORMAT_TEXT };
	struct search	*s;
	struct doc	*d;
	char		*pattern, *cause = NULL;
	size_t		 k, len;
	const char	*src;
	int		 flags;

	fuzz_init();
	if (n < 1)
		return 0;
	k = fuzz_line(p + 1, n - 1);
	flags = ((p[0] & 1) ? SEARCH_REGEX : 0) |
	    ((p[0] & 2) ? SEARCH_CASE : 0);
	o.format = (p[0] & 4) ? DOC_FORMAT_MARKDOWN : DOC_FORMAT_TEXT;
	pattern = strndup((const char *)p + 1, k);
	if ((d = doc_open_mem(p + 1 + k, n - 1 - k, &o, &cause)) == NULL) {
		free(cause);
		free(pattern);
		return 0;
	}
	src = doc_source(d, &len);
	if (!search_has_fullwidth(src, len))
		flags |= SEARCH_HALFWIDTH;
	if ((s = search_new(pattern, flags, &cause)) == NULL) {
		FUZZ_CHECK(cause != NULL && *cause != '\0');
		free(cause);
	} else {
		FUZZ_CHECK(search_is_regex(s) == ((flags & SEARCH_REGEX) != 0));
		fuzz_search_doc(s, d);
		search_free(s);
	}
	free(pattern);
	doc_free(d);
	return 0;
}
