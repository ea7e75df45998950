/* test_cfgfile.c: configuration files as lines, and where they are. */
#include <sys/stat.h>

#include <errno.h>
#include <unistd.h>

#include "unit.h"

#include "cfgfile.h"

static int
parse(const char *text, struct cfgfile *f, int *line, char **why)
{
	memset(f, 0, sizeof *f);
	return cfgfile_parse(text, strlen(text), f, line, why);
}

static void
entry_is(const struct cfg_entry *e, int line, int kind, const char *name,
    const char *value)
{
	assert_int_equal(e->line, line);
	assert_int_equal(e->kind, kind);
	assert_string_equal(e->name, name);
	if (value == NULL)
		assert_null(e->value);
	else
		assert_string_equal(e->value, value);
}

/* Every way of writing an option people use, and comments. */
static void
test_options(void **state)
{
	struct cfgfile	 f;
	char		*why;
	int		 line;

	assert_int_equal(parse(
	    "# folio\n"
	    "\n"
	    "width=72\n"
	    "  reflow off   \n"
	    "theme = light # my terminal is white\n"
	    "--gloss=show\r\n"
	    "force\n"
	    "force # yes\n"
	    "color-match=\"bold black on yellow\"  # quoted\n"
	    "color-link='#ffaf00'\n"
	    "color-code = #5f87af\n"
	    "color-heading=bold blue#nocomment\n"
	    "width=\n"
	    "\t# indented comment\n"
	    "script=s", &f, &line, &why), 0);
	assert_int_equal(f.n, 12);
	entry_is(&f.v[0], 3, CFG_OPTION, "width", "72");
	entry_is(&f.v[1], 4, CFG_OPTION, "reflow", "off");
	entry_is(&f.v[2], 5, CFG_OPTION, "theme", "light");
	entry_is(&f.v[3], 6, CFG_OPTION, "gloss", "show");
	entry_is(&f.v[4], 7, CFG_OPTION, "force", NULL);
	entry_is(&f.v[5], 8, CFG_OPTION, "force", NULL);
	entry_is(&f.v[6], 9, CFG_OPTION, "color-match", "bold black on yellow");
	entry_is(&f.v[7], 10, CFG_OPTION, "color-link", "#ffaf00");
	entry_is(&f.v[8], 11, CFG_OPTION, "color-code", "#5f87af");
	entry_is(&f.v[9], 12, CFG_OPTION, "color-heading", "bold blue#nocomment");
	entry_is(&f.v[10], 13, CFG_OPTION, "width", "");
	entry_is(&f.v[11], 15, CFG_OPTION, "script", "s");
	cfgfile_free(&f);
}

/* bind and unbind: a key may be # or any character. */
static void
test_bindings(void **state)
{
	struct cfgfile	 f;
	char		*why;
	int		 line;

	assert_int_equal(parse(
	    "bind e down\n"
	    "bind  Ctrl-K\tup   # as less\n"
	    "bind # toc\n"
	    "unbind q\n"
	    "unbind # # the hash key\n"
	    "bind \xE3\x80\x82 down\n", &f, &line, &why), 0);
	assert_int_equal(f.n, 6);
	entry_is(&f.v[0], 1, CFG_BIND, "e", "down");
	entry_is(&f.v[1], 2, CFG_BIND, "Ctrl-K", "up");
	entry_is(&f.v[2], 3, CFG_BIND, "#", "toc");
	entry_is(&f.v[3], 4, CFG_UNBIND, "q", NULL);
	entry_is(&f.v[4], 5, CFG_UNBIND, "#", NULL);
	entry_is(&f.v[5], 6, CFG_BIND, "\xE3\x80\x82", "down");
	cfgfile_free(&f);
}

/* The first bad line is named, with what is wrong with it. */
static void
test_errors(void **state)
{
	static const struct {
		const char	*text;
		int		 line;
		const char	*why;
	} cases[] = {
		{ "width=72\nbind x\n", 2, "bind needs a key and an action" },
		{ "bind\n", 1, "bind needs a key and an action" },
		{ "bind x # up\n", 1, "bind needs a key and an action" },
		{ "\n\nunbind\n", 3, "unbind needs a key" },
		{ "bind x up down\n", 1, "more than a key and an action" },
		{ "unbind x y\n", 1, "more than a key after unbind" },
		{ "width:72\n", 1, "not an option" },
		{ "=72\n", 1, "not an option" },
		{ "color-x=\"bold\n", 1, "the quote \" is not closed" },
		{ "color-x=\"bold\" x\n", 1, "more after the quoted value" },
		{ "a\nb\nwi\0dth=1\n", 3, "a NUL byte" },
	};
	struct cfgfile	 f;
	char		*why;
	int		 line;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		memset(&f, 0, sizeof f);
		assert_int_equal(cfgfile_parse(cases[i].text, i ==
		    sizeof cases / sizeof *cases - 1 ? 13 :
		    strlen(cases[i].text), &f, &line, &why), -1);
		assert_int_equal(line, cases[i].line);
		if (strstr(why, cases[i].why) == NULL)
			fail_msg("'%s': said '%s'", cases[i].text, why);
		free(why);
		cfgfile_free(&f);
	}
}

static char	dir[] = "/tmp/folio-cfg-XXXXXX";

/* Files: a missing one, a directory, one too large, one read whole. */
static void
test_read(void **state)
{
	struct cfgfile	 f;
	char		 path[300], *why = NULL;
	int		 line;
	FILE		*fp;
	long		 i;

	memset(&f, 0, sizeof f);
	snprintf(path, sizeof path, "%s/none", dir);
	assert_int_equal(cfgfile_read(path, &f, &line, &why), -1);
	assert_int_equal(line, 0);
	assert_string_equal(why, strerror(ENOENT));
	free(why);
	assert_int_equal(cfgfile_read(dir, &f, &line, &why), -1);
	assert_string_equal(why, "is a directory");
	free(why);
	snprintf(path, sizeof path, "%s/big", dir);
	fp = fopen(path, "w");
	for (i = 0; i < CFGFILE_MAX / 8 + 1; i++)
		fputs("# ......\n", fp);
	fclose(fp);
	assert_int_equal(cfgfile_read(path, &f, &line, &why), -1);
	assert_non_null(strstr(why, "larger than 1 MiB"));
	free(why);
	snprintf(path, sizeof path, "%s/ok", dir);
	fp = fopen(path, "w");
	fputs("width=60\nbind x quit", fp);	/* no line end at the end */
	fclose(fp);
	assert_int_equal(cfgfile_read(path, &f, &line, &why), 0);
	assert_int_equal(f.n, 2);
	entry_is(&f.v[1], 2, CFG_BIND, "x", "quit");
	cfgfile_free(&f);
}

/* Which files: the given one alone, FOLIO_CONFIG, else system then user. */
static void
test_paths(void **state)
{
	struct cfg_path	p[2];
	size_t		n, i;

	unsetenv("FOLIO_CONFIG");
	setenv("HOME", "/home/u", 1);
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	n = cfgfile_paths("/etc", NULL, p);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].path, "/etc/folio/config");
	assert_false(p[0].required);
	assert_string_equal(p[1].path, "/x/conf/folio/config");
	assert_false(p[1].required);
	for (i = 0; i < n; i++)
		free(p[i].path);
	setenv("XDG_CONFIG_HOME", "relative", 1);	/* ignored, as the spec says */
	n = cfgfile_paths("/etc", NULL, p);
	assert_string_equal(p[1].path, "/home/u/.config/folio/config");
	for (i = 0; i < n; i++)
		free(p[i].path);
	setenv("FOLIO_CONFIG", "/mine", 1);
	n = cfgfile_paths("/etc", NULL, p);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].path, "/mine");
	assert_true(p[0].required);
	free(p[0].path);
	n = cfgfile_paths("/etc", "/given", p);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].path, "/given");
	free(p[0].path);
	setenv("FOLIO_CONFIG", "", 1);		/* empty: as unset */
	unsetenv("HOME");
	unsetenv("XDG_CONFIG_HOME");
	n = cfgfile_paths("/etc", NULL, p);
	assert_int_equal(n, 1);
	free(p[0].path);
}

static int
setup(void **state)
{
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	char	cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_bindings),
		cmocka_unit_test(test_errors),
		cmocka_unit_test_setup_teardown(test_read, setup, teardown),
		cmocka_unit_test(test_paths),
	};

	return UNIT_RUN(tests);
}
