/* test_histfile.c: the search history kept between runs. */
#include <sys/stat.h>

#include <unistd.h>

#include "unit.h"

#include "histfile.h"

static char	dir[] = "/tmp/folio-hist-XXXXXX";

static char *
path_in(const char *name)
{
	static char	p[256];

	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

/* Entries come back in order; typed again, one moves to the end. */
static void
test_round_trip(void **state)
{
	struct histfile	 h, back;
	char		*cause = NULL, *p = path_in("history");
	struct stat	 sb;

	memset(&h, 0, sizeof h);
	histfile_add(&h, "發展");
	histfile_add(&h, "Docker");
	histfile_add(&h, "發展");		/* again: now the newest */
	histfile_add(&h, "");			/* never */
	histfile_add(&h, "a\nb");		/* never */
	assert_int_equal(histfile_save(p, &h, 100, &cause), 0);
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(histfile_load(p, &back), 0);
	assert_int_equal(back.n, 2);
	assert_string_equal(back.v[0], "Docker");
	assert_string_equal(back.v[1], "發展");
	histfile_free(&h);
	histfile_free(&back);
}

/* Two sessions: the second keeps the first's entries; the oldest go. */
static void
test_merge_and_cap(void **state)
{
	struct histfile	 a, b, back;
	char		*cause = NULL, *p = path_in("merged"), word[16];
	int		 i;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	histfile_add(&a, "one");
	histfile_add(&a, "two");
	histfile_add(&b, "three");
	histfile_add(&b, "one");
	assert_int_equal(histfile_save(p, &a, 100, &cause), 0);
	assert_int_equal(histfile_save(p, &b, 100, &cause), 0);
	assert_int_equal(histfile_load(p, &back), 0);
	assert_int_equal(back.n, 3);
	assert_string_equal(back.v[0], "two");
	assert_string_equal(back.v[1], "three");
	assert_string_equal(back.v[2], "one");
	histfile_free(&back);
	for (i = 0; i < 50; i++) {
		snprintf(word, sizeof word, "w%d", i);
		histfile_add(&a, word);
	}
	assert_int_equal(histfile_save(p, &a, 10, &cause), 0);
	assert_int_equal(histfile_load(p, &back), 0);
	assert_int_equal(back.n, 10);
	assert_string_equal(back.v[9], "w49");
	histfile_free(&back);
	histfile_free(&a);
	histfile_free(&b);
}

/* A missing file is an empty history; XDG_STATE_HOME is honoured. */
static void
test_paths(void **state)
{
	struct histfile	 h;
	char		*p;

	assert_int_equal(histfile_load(path_in("none"), &h), 0);
	assert_int_equal(h.n, 0);
	setenv("XDG_STATE_HOME", path_in("state"), 1);
	p = histfile_path("history");
	assert_non_null(p);
	assert_string_equal(p, path_in("state/folio/history"));
	free(p);
	unsetenv("XDG_STATE_HOME");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_merge_and_cap),
		cmocka_unit_test(test_paths),
	};
	char	cmd[300];
	int	rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	rc = UNIT_RUN(tests);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
