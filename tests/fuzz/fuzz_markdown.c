/*
 * fuzz_markdown: Markdown through md4c into blocks (markdown.c, doc.c):
 * the document's promises (fuzz-doc.h), whole and piece by piece.
 */
#include "fuzz-doc.h"
#include "markdown.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct doc_opts	 o = { .force = 1, .format = DOC_FORMAT_MARKDOWN };
	struct doc	*d;
	char		*cause = NULL;
	const char	*s;
	size_t		 len, at, end;

	fuzz_init();
	if ((d = doc_open_mem(p, n, &o, &cause)) == NULL) {
		free(cause);
		return 0;
	}
	FUZZ_CHECK(doc_is_markdown(d));
	fuzz_doc_check(d);
	/* Where pieces of a large document would end: always on. */
	s = doc_source(d, &len);
	for (at = 0; at < len; at = end) {
		end = markdown_piece_end(s, len, at);
		FUZZ_CHECK(end > at && end <= len);
	}
	(void)markdown_sniff(s, len);
	doc_free(d);
	/* The same text read lazily, as the reader does. */
	o.lazy = 1;
	if ((d = doc_open_mem(p, n, &o, &cause)) != NULL) {
		doc_segment_all(d);
		fuzz_doc_check(d);
		doc_free(d);
	}
	free(cause);
	return 0;
}
