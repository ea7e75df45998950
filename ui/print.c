/*
 * print.c: --dump and --toc.  The dump walks the document block by block and
 * drops each block's text once printed, so memory stays flat on any size.
 */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "layout.h"
#include "print.h"

int
print_dump(struct doc *d, int width, int ambiguous, FILE *f)
{
	struct layout_opts	 lo = { width, ambiguous, 0 };
	struct lines		 ls = { NULL, 0, 0 };
	struct buf		 out;
	size_t			 i, j;

	buf_init(&out);
	for (i = 0; i < doc_nblocks(d); i++) {
		ls.n = 0;
		layout_block(d, i, &lo, &ls);
		for (j = 0; j < ls.n; j++) {
			layout_line_text(d, &ls.v[j], ambiguous, &out);
			buf_addc(&out, '\n');
		}
		doc_forget(d, i);
		if (out.len >= 65536 || i + 1 == doc_nblocks(d)) {
			fwrite(out.s, 1, out.len, f);
			out.len = 0;
		}
	}
	lines_free(&ls);
	buf_free(&out);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
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
