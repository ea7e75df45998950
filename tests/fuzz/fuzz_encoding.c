/*
 * fuzz_encoding: encoding detection and decoding (encoding.c, source.c).
 * Whatever the bytes: detection names an encoding and a byte-order mark
 * inside the input; each decoder gives well-formed UTF-8; a document
 * opened from them is either refused with a reason or holds its bytes.
 */
#include <unistr.h>

#include "encoding.h"
#include "fuzz.h"
#include "source.h"

static const char *const fuzz_encodings[] = {
	"UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "CP950", "ISO-8859-1",
	"WINDOWS-1252", "SHIFT_JIS", "EUC-KR",
};

static void
fuzz_decode(const char *name, const uint8_t *p, size_t n)
{
	char	*out, *cause = NULL;
	size_t	 len;

	if (encoding_canonical(name) == NULL)
		return;		/* not known to this iconv */
	out = encoding_decode(encoding_canonical(name), p, n, &len, &cause);
	FUZZ_CHECK(out != NULL);
	FUZZ_CHECK(out[len] == '\0');
	if (!encoding_is_utf8(encoding_canonical(name)))
		FUZZ_CHECK(u8_check((const uint8_t *)out, len) == NULL);
	free(out);
	free(cause);
}

static void
fuzz_open(const uint8_t *p, size_t n, int force)
{
	struct source_opts	 o = { .force = force };
	struct source		 src;
	char			*cause = NULL;

	if (source_open_mem(&src, p, n, &o, &cause) != 0) {
		FUZZ_CHECK(cause != NULL && *cause != '\0');
		FUZZ_CHECK(strchr(cause, '\n') == NULL);
		free(cause);
		return;
	}
	FUZZ_CHECK(cause == NULL);
	if (!encoding_is_utf8(src.encoding))
		FUZZ_CHECK(u8_check((const uint8_t *)src.data, src.len) ==
		    NULL);
	else
		FUZZ_CHECK(src.len <= n);
	source_close(&src);
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct encoding_stats	 st;
	const char		*enc;
	size_t			 bom = 99, i;

	fuzz_init();
	enc = encoding_detect(p, n, &bom);
	FUZZ_CHECK(enc != NULL && encoding_canonical(enc) != NULL);
	FUZZ_CHECK(bom <= n && bom <= 4);
	memset(&st, 0, sizeof st);
	encoding_scan(p, n, &st);
	FUZZ_CHECK(st.high <= n && st.utf8_bad <= st.high);
	for (i = 0; i < sizeof fuzz_encodings / sizeof *fuzz_encodings; i++)
		fuzz_decode(fuzz_encodings[i], p, n);
	fuzz_open(p, n, 0);
	fuzz_open(p, n, 1);
	return 0;
}
