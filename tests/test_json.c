/* test_json.c: the JSON reader takes what JSON allows, and nothing more. */
#include "unit.h"

#include "json.h"

/* Parses s, which does not go on past n bytes (no terminator). */
static struct json *
parse(const char *s, size_t n)
{
	char		*copy = malloc(n > 0 ? n : 1), *cause = NULL;
	struct json	*j;

	memcpy(copy, s, n);
	j = json_parse(copy, n, &cause);
	free(copy);
	free(cause);
	return j;
}

/*
 * Numbers follow RFC 8259, and one that ends the input is read to its end
 * and no further (the old code ran strtod past the bytes it was given).
 */
static void
test_numbers(void **state)
{
	static const char *const bad[] = {
		"+1", "01", ".5", "1.", "1e", "inf", "nan", "0x10", "-", "1e+",
	};
	struct json	*j;
	size_t		 i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_null(parse(bad[i], strlen(bad[i])));
	j = parse("123", 2);
	assert_non_null(j);
	assert_true(j->type == JSON_NUMBER && j->num == 12);
	json_free(j);
	j = parse("[-0, 1.5E-3, 2e2]", 17);
	assert_non_null(j);
	assert_true(j->n == 3 && j->v[1].num == 1.5e-3 && j->v[2].num == 200);
	json_free(j);
}

/* Escapes always give UTF-8 a C string can hold. */
static void
test_escapes(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ "\"\\ud83d\\ude00\"", "\xF0\x9F\x98\x80" },
		{ "\"\\ud800\"", "\xEF\xBF\xBD" },
		{ "\"\\udc00x\"", "\xEF\xBF\xBDx" },
		{ "\"\\ud800\\u0041\"", "\xEF\xBF\xBD" "A" },
		{ "\"a\\u0000b\"", "a\xEF\xBF\xBD" "b" },
	};
	struct json	*j;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		j = parse(cases[i].in, strlen(cases[i].in));
		assert_non_null(j);
		assert_string_equal(j->str, cases[i].out);
		json_free(j);
	}
}

/* A count or an offset from a file is a whole number in range, or refused. */
static void
test_size(void **state)
{
	const char	*s = "[5, 0, -1, 1.5, 1e300, \"5\", 9007199254740994]";
	struct json	*j = parse(s, strlen(s));
	size_t		 v = 99;

	assert_non_null(j);
	assert_int_equal(json_size(&j->v[0], &v), 0);
	assert_int_equal(v, 5);
	assert_int_equal(json_size(&j->v[1], &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(json_size(&j->v[2], &v), -1);
	assert_int_equal(json_size(&j->v[3], &v), -1);
	assert_int_equal(json_size(&j->v[4], &v), -1);
	assert_int_equal(json_size(&j->v[5], &v), -1);
	assert_int_equal(json_size(&j->v[6], &v), -1);
	assert_int_equal(json_size(NULL, &v), -1);
	json_free(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_size),
	};

	return UNIT_RUN(tests);
}
