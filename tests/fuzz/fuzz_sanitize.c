/*
 * fuzz_sanitize: what may reach a terminal (sanitize.c, sanitize.h).  The
 * input is one line of any bytes.  Checked: the output is well-formed
 * UTF-8 with no C0, DEL, C1 or bidi control; the column count it keeps is
 * the width of what it wrote; sanitising again changes nothing.
 */
#include "fuzz.h"
#include "sanitize.h"
#include "width.h"

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct buf	 out;
	char		*again;
	int		 col = 0;

	fuzz_init();
	buf_init(&out);
	sanitize_line(&out, (const char *)p, n, &col);
	FUZZ_CHECK(out.s == NULL || out.s[out.len] == '\0');
	FUZZ_CHECK(fuzz_safe(out.s, out.len, 0));
	FUZZ_CHECK(col == width_str(out.s, out.len, 1));
	again = sanitize_dup(out.s, out.len);
	FUZZ_CHECK(strlen(again) == out.len &&
	    memcmp(again, out.s, out.len) == 0);
	free(again);
	buf_free(&out);
	return 0;
}
