/*
 * fuzz_anchor: re-attaching a quote in an edited text (anchor.c).  The
 * input is a text, a NUL, and its edited version; the first four bytes
 * choose the quoted range (as fractions of the text) and, for a selector
 * as an import could bring it, any start and end.  Checked: a quote
 * re-attaches exactly where it was on the same text, whatever the hash
 * says; on the edited text, and for any selector, a hit lies inside the
 * text with its start before its end.
 */
#include "anchor.h"
#include "fuzz.h"

static void
fuzz_anchor_hit(const struct anchor_hit *h, size_t n)
{
	FUZZ_CHECK(h->state >= ANCHOR_EXACT && h->state <= ANCHOR_ORPHAN);
	if (h->state != ANCHOR_ORPHAN)
		FUZZ_CHECK(h->start <= h->end && h->end <= n);
	FUZZ_CHECK(anchor_state_name(h->state) != NULL);
}

/* A selector with numbers that were never captured (an import). */
static void
fuzz_anchor_foreign(const char *s, size_t n, const struct anchor_sel *sel,
    const uint8_t *p)
{
	struct anchor_sel	f = *sel;
	struct anchor_hit	h;

	f.start = (size_t)p[2] * 7;
	f.end = (p[3] & 0x80) ? (size_t)-1 - p[3] : (size_t)p[3] * 5;
	anchor_resolve(s, n, "same", &f, &h);
	fuzz_anchor_hit(&h, n);
	anchor_resolve(s, n, "other", &f, &h);
	fuzz_anchor_hit(&h, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct anchor_sel	 sel;
	struct anchor_hit	 h;
	const char		*a, *b, *nul;
	size_t			 na, nb, x, y;

	fuzz_init();
	if (n < 4)
		return 0;
	a = (const char *)p + 4;
	nul = memchr(a, '\0', n - 4);
	na = nul != NULL ? (size_t)(nul - a) : n - 4;
	b = nul != NULL ? nul + 1 : a;
	nb = nul != NULL ? n - 4 - na - 1 : na;
	x = na * p[0] / 255;
	y = x + (na - x) * p[1] / 255;
	anchor_capture(a, na, x, y, "same", &sel);
	FUZZ_CHECK(sel.start == x && sel.end == y);
	FUZZ_CHECK(strlen(sel.exact) == y - x);
	anchor_resolve(a, na, "same", &sel, &h);
	FUZZ_CHECK(h.state == ANCHOR_EXACT && h.start == x && h.end == y);
	anchor_resolve(a, na, "other", &sel, &h);
	FUZZ_CHECK(h.state == ANCHOR_EXACT && h.start == x && h.end == y);
	anchor_resolve(b, nb, "other", &sel, &h);
	fuzz_anchor_hit(&h, nb);
	fuzz_anchor_foreign(a, na, &sel, p);
	anchor_sel_free(&sel);
	return 0;
}
