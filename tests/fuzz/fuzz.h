/*
 * fuzz.h: what every fuzz target (tests/fuzz/fuzz_NAME.c) shares.
 *
 * A target is one LLVMFuzzerTestOneInput(data, size) that must not crash,
 * leak, hang or trip a sanitizer on any input, and checks the promises of
 * the module it drives with FUZZ_CHECK (an abort, which libFuzzer and the
 * replay in make check both report).  It is built two ways: with libFuzzer
 * (./configure --enable-fuzzing, make fuzz) and with main.c, which runs it
 * on the files given (make check replays tests/fuzz/corpus/NAME/ so).
 *
 * Adding a target: tests/fuzz/fuzz_NAME.c, tests/fuzz/fuzz_NAME.dict, a
 * few seed files in tests/fuzz/corpus/NAME/, and its name in
 * FUZZ_TARGETS in Makefile.am.
 */
#ifndef FOLIO_FUZZ_H
#define FOLIO_FUZZ_H

#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Aborts with the condition that failed: a finding. */
#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

/* folio's widths are the C library's: every target runs in C.UTF-8. */
static inline void
fuzz_init(void)
{
	static int	done;

	if (!done && setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "fuzz: no C.UTF-8 locale\n");
		abort();
	}
	done = 1;
}

/* Bytes before the first '\n' (or all of them). */
static inline size_t
fuzz_line(const uint8_t *p, size_t n)
{
	const uint8_t	*nl = memchr(p, '\n', n);

	return nl != NULL ? (size_t)(nl - p) : n;
}

/*
 * True if n bytes may reach a terminal (sanitize.h's promise): UTF-8, no
 * C0 control but a line end where lines may be (nl), no DEL, no C1, no
 * bidi control.
 */
static inline int
fuzz_safe(const char *s, size_t n, int nl)
{
	const uint8_t	*p = (const uint8_t *)s;
	size_t		 i = 0;
	ucs4_t		 c;
	int		 k;

	if (u8_check(p, n) != NULL)
		return 0;
	while (i < n) {
		k = u8_mbtouc(&c, p + i, n - i);
		if ((c < 0x20 && !(nl && c == '\n')) ||
		    (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
		    (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
		    c == 0x200F || c == 0x061C)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

#endif
