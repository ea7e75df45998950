/*
 * main.c: folio's entry point: locale, options, opening the document, and
 * the choice between the pager and the non-interactive commands.  The only
 * place that exits.
 */
#include <errno.h>
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
#include "history.h"
#include "options.h"
#include "pager.h"
#include "notes.h"
#include "print.h"
#include "sanitize.h"
#include "source.h"
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
		return o->guide;
	return "-";
}

/* The exit status, after what the options hold is freed. */
static int
main_end(struct options *o, int rc)
{
	cmd_keys_free();
	options_free(o);
	return rc;
}

static void
main_fatal(const char *msg)
{
	pager_emergency_stop();
	sanitize_fprintf(stderr, "folio: %s\n", msg);
	exit(1);
}

static int	main_script(struct doc *, const struct options *, const char *,
		    struct convert **);

/* The history, read once (the bundled guide left out). */
static struct store_hist *
main_history(const struct options *o, size_t *n)
{
	static struct store_hist	*v;
	static size_t			 nv;
	static int			 done;

	if (!done && notes_history(o->guide, &v, &nv) != 0)
		nv = 0;
	done = 1;
	*n = nv;
	return v;
}

/*
 * In the reader, a name that is no file here (and no path, no URL) may
 * be a document read before: the last read whose title or path holds it.
 * Its path (owned), or NULL.
 */
static char *
main_file_from_history(struct options *o, const char *name)
{
	struct store_hist	*v;
	size_t			 n;
	long			 i;

	if (o->mode != MODE_PAGER || !isatty(STDOUT_FILENO) ||
	    strchr(name, '/') != NULL || strstr(name, "://") != NULL ||
	    access(name, F_OK) == 0 || errno != ENOENT)
		return NULL;
	v = main_history(o, &n);
	if ((i = history_match(v, n, name)) < 0)
		return NULL;
	free(o->start_msg);
	o->start_msg = xasprintf("no file \"%s\" here: reopened from the "
	    "history", name);
	return xstrdup(v[i].path);
}

/*
 * The files to read: those given, the Nth document read (folio -N),
 * else the guide or standard input; paths made here are kept in *owned.
 * With no file on a terminal the reader starts with the documents read
 * before, if there are any.  The count, or 0 after an error is printed.
 */
static size_t
main_files(struct options *o, const char ***paths, char ***owned)
{
	struct store_hist	*v;
	size_t			 i, n = o->nfiles > 0 ? (size_t)o->nfiles : 1, nv;

	*paths = xcalloc(n, sizeof **paths);
	*owned = xcalloc(n, sizeof **owned);
	for (i = 0; i < (size_t)o->nfiles; i++) {
		(*paths)[i] = strcmp(o->files[i], "-") == 0 ? NULL : o->files[i];
		if ((*paths)[i] != NULL && ((*owned)[i] =
		    main_file_from_history(o, o->files[i])) != NULL)
			(*paths)[i] = (*owned)[i];
	}
	if (o->history_pick > 0) {
		v = main_history(o, &nv);
		if ((size_t)o->history_pick > nv) {
			if (nv == 0)
				fprintf(stderr, "folio: -%d: no documents read "
				    "yet\n", o->history_pick);
			else
				fprintf(stderr, "folio: -%d: only %zu documents "
				    "read (folio --history lists them)\n",
				    o->history_pick, nv);
			return 0;
		}
		(*paths)[0] = (*owned)[0] = xstrdup(v[o->history_pick - 1].path);
	} else if (o->nfiles == 0) {
		(*paths)[0] = isatty(STDIN_FILENO) ? o->guide : NULL;
		o->history_first = isatty(STDIN_FILENO) &&
		    o->mode == MODE_PAGER && isatty(STDOUT_FILENO) &&
		    (main_history(o, &nv), nv > 0);
	}
	return n;
}

/*
 * A file that shrank while it was printed (source.h): said, status 1.  The
 * reader says it on its screen instead.
 */
static int
main_changed(const char *name)
{
	if (source_faults() == 0)
		return 0;
	sanitize_fprintf(stderr, "folio: %s: the file changed while it was "
	    "read\n", strcmp(name, "-") == 0 ? "standard input" : name);
	return 1;
}

/*
 * The reader, or --dump of each file in turn when the output is not a
 * terminal.  A file that cannot be read is said and skipped; the status
 * is 1 if one was.
 */
static int
main_read(struct options *o)
{
	const char	**paths, **ok;
	struct doc	**docs;
	struct convert	*cv = NULL;
	char		*cause = NULL, **owned;
	size_t		 n = main_files(o, &paths, &owned), i, k = 0;
	int		 rc = 0, width = o->width;

	if (n == 0) {
		free(paths);
		free(owned);
		return 1;
	}
	docs = xcalloc(n, sizeof *docs);
	ok = xcalloc(n, sizeof *ok);
	o->doc.lazy = o->mode == MODE_PAGER && isatty(STDOUT_FILENO);
	/* printed, a web page's links have no [n]: there is no L to use it */
	o->doc.plain_links = !o->doc.lazy;
	for (i = 0; i < n; i++) {
		if ((docs[k] = web_open(NULL, paths[i], &o->doc, o,
		    &cause)) == NULL) {
			sanitize_fprintf(stderr, "folio: %s: %s\n",
			    paths[i] != NULL ? paths[i] : "standard input",
			    cause);
			free(cause);
			rc = 1;
			continue;
		}
		ok[k++] = paths[i];
	}
	if (k > 0 && o->mode == MODE_PAGER && isatty(STDOUT_FILENO))
		rc |= pager_run(docs, ok, k, o);	/* it applies --script */
	else if (k > 0) {
		if (main_script(docs[0], o, ok[0] != NULL ? ok[0] :
		    "standard input", &cv) != 0)
			k = 0, rc = 1;
		for (i = 1; i < k; i++)
			doc_set_convert(docs[i], cv);
		if (width == 0)
			width = pager_terminal_width(80);
		for (i = 0; i < k; i++)
			if (print_dump(docs[i], width, o->ambiguous, stdout) != 0) {
				fprintf(stderr, "folio: write error\n");
				rc = 1;
				break;
			}
		rc |= main_changed(k == 1 && ok[0] != NULL ? ok[0] :
		    "a file");
	}
	for (i = 0; i < k; i++)
		doc_free(docs[i]);
	convert_close(cv);
	free(docs);
	free(ok);
	free(paths);
	for (i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	return rc;
}

static int
main_pattern(const struct options *o, struct search **s)
{
	char	*cause = NULL;

	*s = search_new(o->grep, (o->regex ? SEARCH_REGEX : 0) |
	    (o->script_fold ? 0 : SEARCH_NOSCRIPT), &cause);
	if (*s != NULL)
		return 0;
	sanitize_fprintf(stderr, "folio: bad pattern: %s\n", cause);
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
		sanitize_fprintf(stderr, "folio: %s: %s\n", name, cause);
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

/* What folio was asked to do, once the options are read: the exit status. */
static int
main_run(struct options *o)
{
	struct search	*pattern = NULL;
	struct convert	*cv;
	struct doc	*d;
	const char	*file;
	char		*cause = NULL;
	int		 rc;

	if (o->mode == MODE_HELP) {
		options_usage(stdout);
		return 0;
	}
	if (o->mode == MODE_VERSION) {
		printf("folio %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (o->mode == MODE_GENCONFIG) {
		options_generate_config(stdout);
		return 0;
	}
	if (o->mode == MODE_COMPLETION) {
		options_completion(stdout, o->shell);
		return 0;
	}
	cmd_keys_init(o);	/* the keys in force */
	o->guide = main_guide();
	if (o->mode == MODE_HISTORY)
		return notes_history_print(o->guide);
	if (o->mode == MODE_KEYS) {
		cmd_print_keys(stdout, o->keys_man);
		return 0;
	}
	if (o->mode == MODE_GREP && main_pattern(o, &pattern) != 0)
		return 2;
	if (o->mode == MODE_IMPORT)
		return notes_import(o->import);
	if (o->mode == MODE_EXPORT && o->file == NULL)
		return notes_export_all(o->json);
	if (o->mode == MODE_NOTES && o->file == NULL) {
		fprintf(stderr, "folio: --notes needs a FILE\n");
		return 2;
	}
	if (o->mode == MODE_PAGER || o->mode == MODE_DUMP)
		return main_read(o);
	file = main_file(o);
	/* the printers need it all; --grep only as far as its matches */
	o->doc.lazy = o->mode == MODE_GREP;
	o->doc.plain_links = 1;	/* printed, a page's links have no [n] */
	d = web_open(NULL, strcmp(file, "-") == 0 ? NULL : file, &o->doc, o,
	    &cause);
	if (d == NULL) {
		sanitize_fprintf(stderr, "folio: %s: %s\n",
		    strcmp(file, "-") == 0 ? "standard input" : file, cause);
		free(cause);
		search_free(pattern);
		return 1;
	}
	if (main_script(d, o, strcmp(file, "-") == 0 ? "standard input" :
	    file, &cv) != 0) {
		search_free(pattern);
		doc_free(d);
		return 1;
	}
	if (o->mode == MODE_GREP)
		rc = main_grep(d, pattern, strcmp(file, "-") == 0 ?
		    "(standard input)" : file, o->count);
	else if (o->mode == MODE_TOC)
		rc = print_toc(d, stdout) != 0 ? 1 : 0;
	else
		rc = notes_print(d, strcmp(file, "-") == 0 ? NULL : file,
		    o->mode == MODE_EXPORT && o->json) ? 1 : 0;
	if (main_changed(file) != 0 && rc == 0)
		rc = 1;
	search_free(pattern);
	doc_free(d);
	convert_close(cv);
	return rc;
}

int
main(int argc, char **argv)
{
	struct options	o;

	xmalloc_set_fatal(main_fatal);
	term_catch_faults();
	if (main_locale() != 0)
		return 1;
	if (options_parse(argc, argv, &o) != 0) {
		options_free(&o);
		return 2;
	}
	return main_end(&o, main_run(&o));
}
