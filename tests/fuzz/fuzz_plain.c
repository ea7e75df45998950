/*
 * fuzz_plain: the plain-text model (segment.c, heading.c, srcline.c,
 * doc.c): the document's promises (fuzz-doc.h), and for every line the
 * heading and line helpers stay inside the line.
 */
#include "fuzz-doc.h"
#include "heading.h"
#include "segment.h"
#include "srcline.h"

static void
fuzz_plain_line(const char *s, size_t off, size_t len)
{
	size_t	o = off, n = len, k;
	int	level = 0, rank;

	srcline_trim(s, &o, &n);
	FUZZ_CHECK(o >= off && o + n <= off + len);
	rank = heading_classify(s + o, n);
	FUZZ_CHECK(rank >= 0 && rank < 256);
	k = heading_atx(s + o, n, &level);
	FUZZ_CHECK(k <= n && (k == 0 || (level >= 1 && level <= 6)));
	FUZZ_CHECK(segment_list_marker(s + o, n) <= n);
	(void)heading_is_caps(s + o, n);
	(void)heading_is_bare(s + o, n);
	(void)heading_is_title_line(s + o, n);
	(void)segment_is_rule(s + o, n);
	FUZZ_CHECK(srcline_width(s + o, n) >= 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct doc_opts	 o = { .force = 1, .format = DOC_FORMAT_TEXT };
	struct doc	*d;
	struct srcline	 l;
	const char	*s;
	char		*cause = NULL;
	size_t		 len, pos;

	fuzz_init();
	if ((d = doc_open_mem(p, n, &o, &cause)) == NULL) {
		free(cause);
		return 0;
	}
	fuzz_doc_check(d);
	s = doc_source(d, &len);
	for (pos = 0; pos < len; pos = l.next) {
		srcline_read(s, len, pos, &l);
		FUZZ_CHECK(l.off == pos && l.off + l.len <= len);
		FUZZ_CHECK(l.next > pos && l.next <= len);
		fuzz_plain_line(s, l.off, l.len);
	}
	doc_free(d);
	return 0;
}
