/*
 * main.c: folio's entry point: locale, options, opening the document, and
 * the choice between the pager and the non-interactive commands.  The only
 * place that exits.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "convert.h"
#include "doc.h"
#include "fetch.h"
#include "options.h"
#include "pager.h"
#include "notes.h"
#include "print.h"
#include "search.h"
#include "ui.h"
#include "xmalloc.h"

#ifndef FOLIO_PKGDATADIR
#define FOLIO_PKGDATADIR "/usr/local/share/folio"
#endif

/* folio needs a UTF-8 LC_CTYPE: its widths are the C library's. */
static int
main_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	fprintf(stderr, "folio: the locale is not UTF-8 and C.UTF-8 is not "
	    "installed\n");
	return -1;
}

/* The bundled guide: installed, or next to the sources when run in place. */
static const char *
main_guide(void)
{
	static const char *const paths[] = {
		FOLIO_PKGDATADIR "/guide.txt",
#ifdef FOLIO_SRCDIR
		FOLIO_SRCDIR "/assets/guide.txt",
#endif
	};
	size_t	i;

	for (i = 0; i < sizeof paths / sizeof *paths; i++)
		if (access(paths[i], R_OK) == 0)
			return paths[i];
	return paths[0];
}

static const char *
main_file(const struct options *o)
{
	if (o->file != NULL)
		return o->file;
	if (isatty(STDIN_FILENO))
		return main_guide();
	return "-";
}

static void
main_fatal(const char *msg)
{
	pager_emergency_stop();
	fprintf(stderr, "folio: %s\n", msg);
	exit(1);
}

static int
main_run(struct doc **dp, const struct options *o, const char *name)
{
	struct doc	*d = *dp;
	int	width = o->width, rc;

	if (o->mode == MODE_TOC)
		rc = print_toc(d, stdout);
	else if (o->mode == MODE_DUMP || !isatty(STDOUT_FILENO)) {
		if (width == 0)
			width = pager_terminal_width(80);
		rc = print_dump(d, width, o->ambiguous, stdout);
	} else
		return pager_run(dp, o, strcmp(name, "standard input") == 0 ?
		    NULL : name, name);
	if (rc != 0) {
		fprintf(stderr, "folio: write error\n");
		return 1;
	}
	return 0;
}

static int
main_pattern(const struct options *o, struct search **s)
{
	char	*cause = NULL;

	*s = search_new(o->grep, (o->regex ? SEARCH_REGEX : 0) |
	    (o->script_fold ? 0 : SEARCH_NOSCRIPT), &cause);
	if (*s != NULL)
		return 0;
	fprintf(stderr, "folio: bad pattern: %s\n", cause);
	free(cause);
	return -1;
}

/*
 * --script: the document shown in another script, from the first screen
 * or for the printers (the reader keeps it among its own).  -1 after the
 * error is printed.
 */
static int
main_script(struct doc *d, const struct options *o, const char *name,
    struct convert **cv)
{
	char	*cause = NULL;

	*cv = NULL;
	if (!o->script_set || o->script == SCRIPT_ORIG ||
	    (o->mode != MODE_PAGER && o->mode != MODE_DUMP &&
	    o->mode != MODE_TOC && o->mode != MODE_GREP))
		return 0;
	if ((*cv = convert_open(o->script, &cause)) == NULL) {
		fprintf(stderr, "folio: %s: %s\n", name, cause);
		free(cause);
		return -1;
	}
	doc_set_convert(d, *cv);
	return 0;
}

/* --grep: status 0 when something matched, 1 when nothing did. */
static int
main_grep(struct doc *d, struct search *s, const char *name, int count)
{
	long	n = print_grep(d, s, name, count, stdout);

	if (n < 0) {
		fprintf(stderr, "folio: write error\n");
		return 2;
	}
	return n > 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	struct options	 o;
	struct search	*pattern = NULL;
	struct convert	*cv;
	struct doc	*d;
	const char	*file;
	char		*cause = NULL;
	int		 rc;

	xmalloc_set_fatal(main_fatal);
	if (main_locale() != 0)
		return 1;
	if (options_parse(argc, argv, &o) != 0)
		return 2;
	if (o.mode == MODE_HELP) {
		options_usage(stdout);
		return 0;
	}
	if (o.mode == MODE_VERSION) {
		printf("folio %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (o.mode == MODE_KEYS) {
		cmd_print_keys(stdout, o.keys_man);
		return 0;
	}
	if (o.mode == MODE_GREP && main_pattern(&o, &pattern) != 0)
		return 2;
	if (o.mode == MODE_IMPORT)
		return notes_import(o.import);
	if (o.mode == MODE_EXPORT && o.file == NULL)
		return notes_export_all(o.json);
	if (o.mode == MODE_NOTES && o.file == NULL) {
		fprintf(stderr, "folio: --notes needs a FILE\n");
		return 2;
	}
	file = main_file(&o);
	/* The reader segments as it goes; the printers need it all. */
	o.doc.lazy = (o.mode == MODE_PAGER && isatty(STDOUT_FILENO)) ||
	    o.mode == MODE_GREP;	/* --grep: only as far as the matches */
	/* printed, a web page's links have no [n]: there is no L to use it */
	o.doc.plain_links = !(o.mode == MODE_PAGER && isatty(STDOUT_FILENO));
	d = web_open(NULL, file, &o.doc, &o, &cause);
	if (d == NULL) {
		fprintf(stderr, "folio: %s: %s\n",
		    strcmp(file, "-") == 0 ? "standard input" : file, cause);
		free(cause);
		return 1;
	}
	if (main_script(d, &o, strcmp(file, "-") == 0 ? "standard input" :
	    file, &cv) != 0) {
		search_free(pattern);
		doc_free(d);
		return 1;
	}
	if (o.mode == MODE_GREP)
		rc = main_grep(d, pattern, strcmp(file, "-") == 0 ?
		    "(standard input)" : file, o.count);
	else if (o.mode == MODE_NOTES || o.mode == MODE_EXPORT)
		rc = notes_print(d, file, o.mode == MODE_EXPORT && o.json) ? 1 : 0;
	else
		rc = main_run(&d, &o, strcmp(file, "-") == 0 ?
		    "standard input" : file);
	search_free(pattern);
	doc_free(d);
	convert_close(cv);
	return rc;
}
