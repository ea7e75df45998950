/*
 * fuzz_html: web pages into blocks (html.c, extract.c, dom.c): the
 * document's promises (fuzz-doc.h) in reader mode and for the whole page,
 * and every run of every text inside its text and the source, in order.
 */
#include "fuzz-doc.h"
#include "html.h"
#include "text.h"

/* Runs in text order and source order, inside both. */
static void
fuzz_html_runs(struct doc *d)
{
	size_t	 i, k, srcn;

	doc_source(d, &srcn);
	for (i = 0; i < doc_nblocks(d); i++) {
		struct text		*t = doc_text(d, i);
		const struct text_run	*r = t->runs, *p;

		for (k = 0; k < t->nruns; k++) {
			FUZZ_CHECK(r[k].text + r[k].tlen <= t->len);
			FUZZ_CHECK(r[k].src + r[k].slen <= srcn);
			if (k == 0)
				continue;
			p = &r[k - 1];
			FUZZ_CHECK(p->text + p->tlen <= r[k].text);
			FUZZ_CHECK(p->src + p->slen <= r[k].src);
		}
		doc_forget(d, i);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	static const int	 modes[] = { HTML_READER_ON, HTML_READER_OFF };
	struct doc_opts		 o;
	struct doc		*d;
	char			*cause = NULL;
	size_t			 k;

	fuzz_init();
	for (k = 0; k < sizeof modes / sizeof *modes; k++) {
		memset(&o, 0, sizeof o);
		o.force = 1;
		o.format = DOC_FORMAT_HTML;
		o.reader = modes[k];
		o.base = "http://example.org/dir/page.html";
		if ((d = doc_open_mem(p, n, &o, &cause)) == NULL) {
			free(cause);
			cause = NULL;
			continue;
		}
		FUZZ_CHECK(doc_kind(d) == DOC_FORMAT_HTML);
		FUZZ_CHECK(doc_article(d) <= 100);
		FUZZ_CHECK(k == 0 || doc_article(d) == -1);
		fuzz_doc_check(d);
		fuzz_html_runs(d);
		doc_free(d);
	}
	(void)html_sniff((const char *)p, n);
	return 0;
}
