/*
 * unit.h: what every cmocka test file needs: cmocka itself, TAP output for
 * automake's tap-driver, and a UTF-8 locale (folio's widths are wcwidth's).
 */
#ifndef FOLIO_UNIT_H
#define FOLIO_UNIT_H

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "doc.h"
#include "dump.h"
#include "layout.h"

static inline int
unit_run(const char *name, const struct CMUnitTest *tests, size_t n)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return _cmocka_run_group_tests(name, tests, n, NULL, NULL);
}

/* Opens a document from a string; fails the test if it cannot. */
static inline struct doc *
unit_doc(const char *s)
{
	struct doc_opts	 o = { .encoding = NULL };
	char		*cause = NULL;
	struct doc	*d = doc_open_mem(s, strlen(s), &o, &cause);

	assert_non_null(d);
	return d;
}

/* What --dump --width=w prints for a document given as a string. */
static inline char *
unit_dump_opts(const char *s, const struct layout_opts *lo)
{
	struct doc		*d = unit_doc(s);
	static char		*out;	/* static: the stream keeps its address */
	static size_t		 len;
	FILE			*f;

	out = NULL;
	len = 0;
	f = open_memstream(&out, &len);

	assert_non_null(f);
	assert_int_equal(dump_doc(d, lo, f), 0);
	fclose(f);
	doc_free(d);
	return out;
}

static inline char *
unit_dump(const char *s, int width, int ambiguous)
{
	struct layout_opts	lo = { width, ambiguous, 0, 0, 0 };

	return unit_dump_opts(s, &lo);
}

#define UNIT_RUN(tests) unit_run(__FILE__, tests, sizeof tests / sizeof *tests)

#endif
