/* test_history.c: the rows of the reading history. */
#include "unit.h"

#include "history.h"

static const char *
place(double f)
{
	static char	s[16];

	history_place(f, s, sizeof s);
	return s;
}

static void
test_place(void **state)
{
	assert_string_equal(place(0), "0%");
	assert_string_equal(place(0.424), "42%");
	assert_string_equal(place(0.996), "99%");	/* not there yet */
	assert_string_equal(place(1.0), "END");
	assert_string_equal(place(-1), "");
	assert_string_equal(place(7), "");
}

static const char *
when(const char *iso, const char *now)
{
	static char	s[32];
	struct tm	t;

	memset(&t, 0, sizeof t);
	sscanf(now, "%4d-%2d-%2dT%2d:%2d", &t.tm_year, &t.tm_mon, &t.tm_mday,
	    &t.tm_hour, &t.tm_min);
	t.tm_year -= 1900;
	t.tm_mon -= 1;
	history_when(iso, timegm(&t), s, sizeof s);
	return s;
}

/* In local time: the day changes at local midnight, not UTC's. */
static void
test_when(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	assert_string_equal(when("2026-11-28T14:03:12.345Z", "2026-11-28T20:00"),
	    "today 14:03");
	assert_string_equal(when("2026-11-27T23:59:00.000Z", "2026-11-28T00:01"),
	    "yesterday 23:59");
	assert_string_equal(when("2026-11-24T10:00:00.000Z", "2026-11-28T10:00"),
	    "Tuesday");
	assert_string_equal(when("2026-11-03T10:00:00.000Z", "2026-11-28T10:00"),
	    "3 Nov");
	assert_string_equal(when("2025-12-31T10:00:00.000Z", "2026-01-02T10:00"),
	    "Wednesday");
	assert_string_equal(when("2025-11-03T10:00:00.000Z", "2026-11-28T10:00"),
	    "3 Nov 2025");
	assert_string_equal(when("2027-01-01T10:00:00.000Z", "2026-11-28T10:00"),
	    "1 Jan 2027");			/* a clock set back: a date */
	assert_string_equal(when("junk", "2026-11-28T10:00"), "");
	setenv("TZ", "CST-8", 1);		/* UTC+8, as in Taipei */
	tzset();
	assert_string_equal(when("2026-11-27T17:00:00.000Z", "2026-11-28T02:00"),
	    "today 01:00");
	assert_string_equal(when("2026-11-27T15:00:00.000Z", "2026-11-28T02:00"),
	    "yesterday 23:00");
	unsetenv("TZ");
	tzset();
}

static void
test_match(void **state)
{
	struct store_hist	v[3];

	memset(v, 0, sizeof v);
	v[0].title = "Docker 入門教程";
	v[0].path = "/home/u/docker.md";
	v[1].title = NULL;
	v[1].path = "/home/u/Mills.txt";
	v[2].title = "The Mills of the Gods";
	v[2].path = "/home/u/gods.txt";
	assert_int_equal(history_match(v, 3, "mills"), 1);	/* the last read */
	assert_int_equal(history_match(v, 3, "GODS"), 2);
	assert_int_equal(history_match(v, 3, "入门"), 0);	/* either script */
	assert_int_equal(history_match(v, 3, "docker.md"), 0);
	assert_int_equal(history_match(v, 3, "nothing"), -1);
	assert_int_equal(history_match(v, 3, " "), -1);
}

static void
test_drop(void **state)
{
	struct store_hist	v[3];

	memset(v, 0, sizeof v);
	v[0].path = strdup("/a");
	v[1].path = strdup("/guide.txt");
	v[1].title = strdup("Guide");
	v[2].path = strdup("/b");
	assert_int_equal(history_drop(v, 3, "/guide.txt"), 2);
	assert_string_equal(v[1].path, "/b");
	assert_int_equal(history_drop(v, 2, NULL), 2);
	free(v[0].path);
	free(v[1].path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_drop),
	};

	return UNIT_RUN(tests);
}
