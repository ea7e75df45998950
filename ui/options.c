/*
 * options.c: folio's options: the one table, the configuration files,
 * the command line, --help, --generate-config and --completion.
 *
 * Settings are taken in this order, each over the one before: the
 * defaults, the system's configuration file, the user's (or the one
 * FOLIO_CONFIG or --config names), the command line.  A configuration
 * file holds the options the table marks OPT_CONF, and bind and unbind
 * lines (cfgfile.h); an error in one names the file and the line, and
 * folio exits with status 2 before anything is shown.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfgfile.h"
#include "colour.h"
#include "convert.h"
#include "encoding.h"
#include "html.h"
#include "keys.h"
#include "options.h"
#include "sanitize.h"
#include "ui.h"
#include "xmalloc.h"

#ifndef FOLIO_SYSCONFDIR
#define FOLIO_SYSCONFDIR "/etc"
#endif

enum {
	OPT_DUMP = 256, OPT_TOC, OPT_WIDTH, OPT_ENCODING, OPT_AMBIGUOUS,
	OPT_GLOSS, OPT_FORCE, OPT_VERSION, OPT_KEYS, OPT_GREP, OPT_REGEX,
	OPT_COUNT,
	OPT_NOTES, OPT_EXPORT, OPT_IMPORT, OPT_FORMAT, OPT_REFLOW, OPT_SCRIPT,
	OPT_SCRIPT_FOLD, OPT_READER, OPT_TIMEOUT, OPT_MAX_SIZE, OPT_HISTORY,
	OPT_COLOR, OPT_THEME, OPT_MOUSE, OPT_WHEEL, OPT_KEYMAP, OPT_CONFIG,
	OPT_NO_CONFIG, OPT_GENCONFIG, OPT_COMPLETION, OPT_HELP,
	OPT_COLOR_ELEM,		/* + the element: --color-heading... */
};

#define OPT_CONF	0x01	/* a configuration file may set it */
#define OPT_HIDE	0x02	/* not a line of its own in --help */
#define OPT_FILE	0x04	/* its argument is a file (completion) */

struct opt {
	const char	*name;
	int		 has_arg;	/* getopt's no_argument... */
	int		 id;
	const char	*arg;		/* "N"; "a|b": its only values */
	int		 flags;		/* OPT_* */
	const char	*dflt;		/* for --generate-config; NULL: none */
	const char	*help;		/* lines of --help */
};

#define ELEM(e)	{ "color-" e, required_argument, 0, "SPEC", \
	OPT_CONF | OPT_HIDE, NULL, NULL }

static struct opt options_table[] = {
	{ "dump", no_argument, OPT_DUMP, NULL, 0, NULL,
	  "print the laid-out document and exit" },
	{ "toc", no_argument, OPT_TOC, NULL, 0, NULL,
	  "print the outline and exit" },
	{ "grep", required_argument, OPT_GREP, "PATTERN", 0, NULL,
	  "print each match as FILE:LINE: section: text,\n"
	  "then the count" },
	{ "regex", no_argument, OPT_REGEX, NULL, 0, NULL,
	  "PATTERN is a regular expression (PCRE2)" },
	{ "count", no_argument, OPT_COUNT, NULL, 0, NULL,
	  "with --grep: print the number of matches alone" },
	{ "notes", no_argument, OPT_NOTES, NULL, 0, NULL,
	  "print FILE's bookmarks, highlights and notes (Markdown)" },
	{ "export", optional_argument, OPT_EXPORT, "markdown|json", 0, NULL,
	  "export FILE's notes, or every document's without\n"
	  "FILE (Markdown unless json is asked for)" },
	{ "import", required_argument, OPT_IMPORT, "FILE.json", OPT_FILE, NULL,
	  "merge notes exported by --export=json" },
	{ "history", no_argument, OPT_HISTORY, NULL, 0, NULL,
	  "print the documents read, the last first (folio -N\n"
	  "reopens the Nth)" },
	{ "width", required_argument, OPT_WIDTH, "N", OPT_CONF, "80",
	  "text width in columns (default: the terminal's, at\n"
	  "most 80; dump: 80 if not a terminal)" },
	{ "encoding", required_argument, OPT_ENCODING, "NAME", OPT_CONF, NULL,
	  "the file's encoding (default: detected)" },
	{ "format", required_argument, OPT_FORMAT, "text|markdown|html", 0, NULL,
	  "read FILE as plain text, Markdown or HTML (default:\n"
	  "by name, .md or .html, else by content)" },
	{ "reflow", required_argument, OPT_REFLOW, "auto|off", OPT_CONF, "auto",
	  "off: every line as in the file, long lines cut and\n"
	  "scrolled sideways (as less -S); S in the reader" },
	{ "reader", required_argument, OPT_READER, "auto|on|off", OPT_CONF,
	  "auto",
	  "web pages: the article alone (on), the whole page\n"
	  "(off), or the article when the page has one (auto)" },
	{ "timeout", required_argument, OPT_TIMEOUT, "SECONDS", OPT_CONF, "30",
	  "give up fetching a URL after this long (default 30)" },
	{ "max-size", required_argument, OPT_MAX_SIZE, "SIZE", OPT_CONF, "64M",
	  "refuse web pages larger than SIZE (default 64M),\n"
	  "pipes and devices (default 256M); K, M, G" },
	{ "ambiguous-width", required_argument, OPT_AMBIGUOUS, "1|2", OPT_CONF,
	  "1", "columns the terminal gives \xE2\x80\x9C \xE2\x80\x9D "
	  "\xE2\x80\xA6 (default 1)" },
	{ "gloss", required_argument, OPT_GLOSS, "hide|show", OPT_CONF, "hide",
	  "hide or show pinyin glosses like \xE9\x95\xB7(zh\xC7\x8Eng)" },
	{ "script", required_argument, OPT_SCRIPT, "orig|s|t|tw|hk", OPT_CONF,
	  NULL,
	  "show Chinese as written, simplified, traditional,\n"
	  "Taiwan or Hong Kong forms (OpenCC; default: as\n"
	  "last read, else as written)" },
	{ "script-fold", required_argument, OPT_SCRIPT_FOLD, "on|off", OPT_CONF,
	  "on",
	  "search finds traditional and simplified alike\n"
	  "(default on: \xE5\x8F\x91\xE5\xB1\x95 finds "
	  "\xE7\x99\xBC\xE5\xB1\x95)" },
	{ "force", no_argument, OPT_FORCE, NULL, OPT_CONF, NULL,
	  "open a file that looks binary" },
	{ "color", required_argument, OPT_COLOR, "auto|always|never", OPT_CONF,
	  "auto",
	  "colours: auto (unless NO_COLOR is set) or always,\n"
	  "or never (matches and highlights are still marked)" },
	{ "colour", required_argument, OPT_COLOR, "auto|always|never",
	  OPT_CONF | OPT_HIDE, NULL, NULL },
	{ "theme", required_argument, OPT_THEME, "auto|dark|light", OPT_CONF,
	  "auto",
	  "colours for a dark or a light background (auto:\n"
	  "as COLORFGBG says, else dark)" },
	ELEM("text"), ELEM("title"), ELEM("heading"), ELEM("subheading"),
	ELEM("code"), ELEM("link"), ELEM("marker"), ELEM("match"),
	ELEM("current-match"), ELEM("highlight"), ELEM("note-mark"),
	ELEM("status"),
	{ "mouse", required_argument, OPT_MOUSE, "off|scroll", OPT_CONF, "off",
	  "scroll: the wheel scrolls (Shift-drag then selects);\n"
	  "off: the terminal keeps the mouse (M switches)" },
	{ "wheel-lines", required_argument, OPT_WHEEL, "N", OPT_CONF, "3",
	  "lines a turn of the wheel scrolls (default 3)" },
	{ "keys", required_argument, OPT_KEYMAP, "folio|less", OPT_CONF, "folio",
	  "less: less's meanings for the keys where folio's\n"
	  "differ (e, y, z, w, p, r, H, Ctrl-G...)" },
	{ "config", required_argument, OPT_CONFIG, "FILE", OPT_FILE, NULL,
	  "read this configuration file instead of\n"
	  "~/.config/folio/config and /etc/folio/config" },
	{ "no-config", no_argument, OPT_NO_CONFIG, NULL, 0, NULL,
	  "read no configuration file" },
	{ "generate-config", no_argument, OPT_GENCONFIG, NULL, 0, NULL,
	  "print a configuration file with every default" },
	{ "list-keys", optional_argument, OPT_KEYS, "man", 0, NULL,
	  "list the reader's keys and their actions (as man\n"
	  "page entries)" },
	{ "completion", required_argument, OPT_COMPLETION, "bash|zsh", 0, NULL,
	  "print a completion script for the shell" },
	{ "help", no_argument, OPT_HELP, NULL, 0, NULL,
	  "show this help and exit" },
	{ "version", no_argument, OPT_VERSION, NULL, 0, NULL,
	  "show the version and exit" },
	{ NULL, 0, 0, NULL, 0, NULL, NULL }
};

/* The table as getopt_long wants it (made once). */
static const struct option *
options_getopt(void)
{
	static struct option	 v[sizeof options_table /
				    sizeof *options_table];
	static int		 done;
	size_t			 i;
	int			 e = 0;

	if (done)
		return v;
	for (i = 0; options_table[i].name != NULL; i++) {
		if (strncmp(options_table[i].name, "color-", 6) == 0)
			options_table[i].id = OPT_COLOR_ELEM + e++;
		v[i].name = options_table[i].name;
		v[i].has_arg = options_table[i].has_arg;
		v[i].flag = NULL;
		v[i].val = options_table[i].id;
	}
	memset(&v[i], 0, sizeof v[i]);
	done = 1;
	return v;
}

/* --- --help ------------------------------------------------------------------ */

/* "--name=ARG" or "--name[=ARG]" as --help shows it. */
static void
options_spelling(const struct opt *t, char *out, size_t size)
{
	snprintf(out, size, "--%s%s%s%s", t->name,
	    t->has_arg == optional_argument ? "[=" :
	    t->has_arg == required_argument ? "=" : "",
	    t->arg != NULL ? t->arg : "",
	    t->has_arg == optional_argument ? "]" : "");
}

/* Writes a help text's lines, the first after a name of width used. */
static void
options_help_lines(FILE *f, const char *help, int used)
{
	const char	*s = help, *nl;

	for (;;) {
		nl = strchr(s, '\n');
		if (used > 24) {
			fputc('\n', f);
			used = 0;
		}
		fprintf(f, "%*s%.*s\n", 25 - used, "",
		    (int)(nl != NULL ? nl - s : (long)strlen(s)), s);
		if (nl == NULL)
			break;
		s = nl + 1;
		used = 0;
	}
}

void
options_usage(FILE *f)
{
	const struct opt	*t;
	char			 name[64];
	int			 n;

	fputs(
"usage: folio [OPTION]... [FILE | URL]...\n"
"       folio -N\n"
"Read FILE, a web page at URL (http, https), or standard input in the\n"
"terminal; :n and :p go between several.  Web pages show their article\n"
"alone when they have one.  With no FILE on a terminal, the documents read\n"
"before are listed; folio -N reopens the Nth of them (-1: the last).\n"
"\n", f);
	for (t = options_table; t->name != NULL; t++) {
		if (t->help == NULL || (t->flags & OPT_HIDE))
			continue;
		if (t->id == OPT_HELP)
			snprintf(name, sizeof name, "-h, --help");
		else
			options_spelling(t, name, sizeof name);
		n = fprintf(f, "  %s", name);
		options_help_lines(f, t->help, n);
		if (t->id == OPT_THEME) {
			n = fprintf(f, "  --color-ELEMENT=SPEC");
			options_help_lines(f, "the colour of text, title, "
			    "heading, subheading,\ncode, link, marker, match, "
			    "current-match,\nhighlight, note-mark or status: "
			    "[bold|dim|\nitalic|underline|reverse] [COLOUR] "
			    "[on COLOUR]\n(a name, 0-255 or #rrggbb)", n);
		}
	}
	fputs("\n"
"Options also come from ~/.config/folio/config (as lines like width=72, and\n"
"bind KEY ACTION); folio --generate-config prints one with every default.\n",
	    f);
}

/* --- Values --------------------------------------------------------------- */

static int
options_int(const char *arg, int lo, int hi, int *out)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* A size: a number with an optional K, M or G (powers of 1024). */
static int
options_size(const char *arg, size_t *out)
{
	char			*end;
	unsigned long long	 v;
	int			 shift = 0;

	if (*arg < '0' || *arg > '9')
		return -1;
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift > 0)
		end++;
	if (*end == 'i' && shift > 0)
		end++;
	if ((*end == 'B' || *end == 'b') && shift > 0)
		end++;
	if (errno != 0 || *end != '\0' || v == 0 ||
	    v > (SIZE_MAX >> 1) >> shift)
		return -1;
	*out = (size_t)v << shift;
	return 0;
}

/* Which of the words a|b|c arg is: its index, or -1. */
static int
options_choice(const char *arg, const char *words)
{
	size_t	n = strlen(arg), k;
	int	i = 0;

	while (*words != '\0') {
		k = strcspn(words, "|");
		if (k == n && strncmp(words, arg, n) == 0)
			return i;
		words += k + (words[k] == '|');
		i++;
	}
	return -1;
}

static char	options_why[256];	/* what was wrong with a value */

static int
options_bad(const char *what, const char *arg)
{
	snprintf(options_why, sizeof options_why, "invalid %s: '%s'", what,
	    arg);
	return -1;
}

/* One option with its argument (NULL: none); -1 with options_why. */
static int
options_one(int c, const char *arg, struct options *o)
{
	char	*why = NULL;
	int	 v;

	if (c >= OPT_COLOR_ELEM && c < OPT_COLOR_ELEM + CE_COUNT) {
		if (colour_parse(arg, &o->elem[c - OPT_COLOR_ELEM], &why) != 0) {
			snprintf(options_why, sizeof options_why,
			    "invalid colour for %s: '%s' (%s)",
			    colour_elem_names[c - OPT_COLOR_ELEM], arg, why);
			free(why);
			return -1;
		}
		o->elem_set |= 1u << (c - OPT_COLOR_ELEM);
		return 0;
	}
	switch (c) {
	case OPT_DUMP:
		o->mode = MODE_DUMP;
		return 0;
	case OPT_TOC:
		o->mode = MODE_TOC;
		return 0;
	case OPT_WIDTH:
		return options_int(arg, 1, 1000, &o->width) == 0 ? 0 :
		    options_bad("width (1-1000)", arg);
	case OPT_ENCODING:
		if (encoding_canonical(arg) == NULL)
			return options_bad("encoding", arg);
		free(o->encoding);	/* the file's text goes: a copy */
		o->doc.encoding = o->encoding = xstrdup(arg);
		return 0;
	case OPT_AMBIGUOUS:
		return options_int(arg, 1, 2, &o->ambiguous) == 0 ? 0 :
		    options_bad("ambiguous width (1 or 2)", arg);
	case OPT_GLOSS:
		if ((v = options_choice(arg, "hide|show")) < 0)
			return options_bad("gloss mode (hide or show)", arg);
		o->doc.show_glosses = v;
		return 0;
	case OPT_FORCE:
		o->doc.force = 1;
		return 0;
	case OPT_SCRIPT:
		if ((o->script = script_parse(arg)) < 0)
			return options_bad("script (orig, s, t, tw or hk)", arg);
		o->script_set = 1;
		return 0;
	case OPT_SCRIPT_FOLD:
		if ((v = options_choice(arg, "off|on")) < 0)
			return options_bad("script folding (on or off)", arg);
		o->script_fold = v;
		return 0;
	case OPT_HELP:
		o->mode = MODE_HELP;
		return 0;
	case OPT_VERSION:
		o->mode = MODE_VERSION;
		return 0;
	case OPT_GREP:
		o->mode = MODE_GREP;
		o->grep = arg;
		return 0;
	case OPT_FORMAT:
		if ((v = options_choice(arg, "text|markdown|md|html")) < 0)
			return options_bad("format (text, markdown or html)",
			    arg);
		o->doc.format = v == 0 ? DOC_FORMAT_TEXT : v < 3 ?
		    DOC_FORMAT_MARKDOWN : DOC_FORMAT_HTML;
		return 0;
	case OPT_TIMEOUT:
		if (options_int(arg, 1, 86400, &v) != 0)
			return options_bad("timeout (1-86400 seconds)", arg);
		o->timeout = v;
		return 0;
	case OPT_MAX_SIZE:
		return options_size(arg, &o->doc.max_stream) == 0 ? 0 :
		    options_bad("size (a number, with K, M or G)", arg);
	case OPT_READER:
		if ((v = options_choice(arg, "auto|on|off")) < 0)
			return options_bad("reader mode (auto, on or off)", arg);
		o->doc.reader = v == 0 ? HTML_READER_AUTO : v == 1 ?
		    HTML_READER_ON : HTML_READER_OFF;
		return 0;
	case OPT_REFLOW:
		if ((v = options_choice(arg, "auto|off")) < 0)
			return options_bad("reflow (auto or off)", arg);
		o->doc.reflow_off = v;
		return 0;
	case OPT_NOTES:
		o->mode = MODE_NOTES;
		return 0;
	case OPT_EXPORT:	/* --export alone: Markdown */
		if (arg != NULL && options_choice(arg, "json|markdown|md") < 0)
			return options_bad("export format (markdown or json)",
			    arg);
		o->mode = MODE_EXPORT;
		o->json = arg != NULL && strcmp(arg, "json") == 0;
		return 0;
	case OPT_IMPORT:
		o->mode = MODE_IMPORT;
		o->import = arg;
		return 0;
	case OPT_REGEX:
		o->regex = 1;
		return 0;
	case OPT_COUNT:
		o->count = 1;
		return 0;
	case OPT_KEYS:
		if (arg != NULL && strcmp(arg, "man") != 0)
			return options_bad("key list format (man)", arg);
		o->mode = MODE_KEYS;
		o->keys_man = arg != NULL;
		return 0;
	case OPT_HISTORY:
		o->mode = MODE_HISTORY;
		return 0;
	case OPT_COLOR:
		if ((v = options_choice(arg, "auto|always|never")) < 0)
			return options_bad("colour mode (auto, always or never)",
			    arg);
		o->colour = v;
		return 0;
	case OPT_THEME:
		if ((v = colour_theme_parse(arg)) < 0)
			return options_bad("theme (auto, dark or light)", arg);
		o->theme = v;
		return 0;
	case OPT_MOUSE:
		if ((v = options_choice(arg, "off|scroll")) < 0)
			return options_bad("mouse mode (off or scroll)", arg);
		o->mouse = v;
		return 0;
	case OPT_WHEEL:
		return options_int(arg, 1, 100, &o->wheel_lines) == 0 ? 0 :
		    options_bad("wheel lines (1-100)", arg);
	case OPT_KEYMAP:
		if ((v = options_choice(arg, "folio|less")) < 0)
			return options_bad("keys (folio or less)", arg);
		o->keys_less = v;
		return 0;
	case OPT_CONFIG:
	case OPT_NO_CONFIG:
		return 0;	/* taken before the files were read */
	case OPT_GENCONFIG:
		o->mode = MODE_GENCONFIG;
		return 0;
	case OPT_COMPLETION:
		if (options_choice(arg, "bash|zsh") < 0)
			return options_bad("shell (bash or zsh)", arg);
		o->mode = MODE_COMPLETION;
		o->shell = arg;
		return 0;
	}
	snprintf(options_why, sizeof options_why, "unknown option");
	return -1;
}

/* --- Configuration files ------------------------------------------------- */

/* Prints a message on stderr, with what it quotes made safe to show. */
static void
options_say(const char *fmt, ...)
{
	va_list	 ap;
	char	 line[1024], *safe;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	safe = sanitize_dup(line, strlen(line));
	fprintf(stderr, "%s\n", safe);
	free(safe);
}

static void
options_add_bind(struct options *o, int key, int action)
{
	o->binds = xreallocarray(o->binds, o->nbinds + 1, sizeof *o->binds);
	o->binds[o->nbinds].key = key;
	o->binds[o->nbinds].action = action;
	o->nbinds++;
}

/* One entry of a file; -1 with options_why. */
static int
options_entry(struct options *o, const struct cfg_entry *e)
{
	const struct opt	*t;
	int			 key, action = -1;

	if (e->kind != CFG_OPTION) {
		if ((key = keys_parse(e->name)) < 0) {
			snprintf(options_why, sizeof options_why, "unknown key "
			    "'%.60s' (keys are named like j, Ctrl-N, Enter, "
			    "PgDn, F1)", e->name);
			return -1;
		}
		if ((key >= '0' && key <= '9') || key == 3) {
			snprintf(options_why, sizeof options_why, "%s cannot be "
			    "bound: %s", e->name, key == 3 ? "Ctrl-C cancels, "
			    "and twice quits" : "digits type a count (5j, 50%)");
			return -1;
		}
		if (e->kind == CFG_BIND &&
		    (action = cmd_index(e->value)) < 0) {
			snprintf(options_why, sizeof options_why, "unknown "
			    "action '%.60s' (folio --list-keys names them)",
			    e->value);
			return -1;
		}
		options_add_bind(o, key, action);
		return 0;
	}
	options_getopt();
	for (t = options_table; t->name != NULL; t++)
		if (strcmp(t->name, e->name) == 0)
			break;
	if (t->name == NULL) {
		snprintf(options_why, sizeof options_why, "unknown option "
		    "'%.60s' (folio --generate-config shows them)", e->name);
		return -1;
	}
	if (!(t->flags & OPT_CONF)) {
		snprintf(options_why, sizeof options_why, "--%s is for the "
		    "command line, not a configuration file", t->name);
		return -1;
	}
	if (t->has_arg == required_argument && e->value == NULL) {
		snprintf(options_why, sizeof options_why, "%s needs a value "
		    "(%s=%s)", t->name, t->name, t->arg);
		return -1;
	}
	if (t->has_arg == no_argument && e->value != NULL) {
		snprintf(options_why, sizeof options_why, "%s takes no value",
		    t->name);
		return -1;
	}
	return options_one(t->id, e->value, o);
}

/* Reads one file; -1 after printing FILE:LINE: what. */
static int
options_file(struct options *o, const struct cfg_path *cp)
{
	struct cfgfile	 f;
	char		*why = NULL;
	int		 line, rc = 0;
	size_t		 i;

	memset(&f, 0, sizeof f);
	if (cfgfile_read(cp->path, &f, &line, &why) != 0) {
		if (line == 0 && !cp->required && strcmp(why,
		    strerror(ENOENT)) == 0) {
			free(why);
			cfgfile_free(&f);
			return 0;	/* no file is no settings */
		}
		if (line > 0)
			options_say("folio: %s:%d: %s", cp->path, line, why);
		else
			options_say("folio: %s: %s", cp->path, why);
		free(why);
		cfgfile_free(&f);
		return -1;
	}
	for (i = 0; i < f.n && rc == 0; i++)
		if ((rc = options_entry(o, &f.v[i])) != 0)
			options_say("folio: %s:%d: %s", cp->path, f.v[i].line,
			    options_why);
	cfgfile_free(&f);
	return rc;
}

/*
 * Before the command line: --config and --no-config, and options that
 * need no configuration (--help, --version, --generate-config,
 * --completion).  getopt's errors are left to the real pass.
 */
static void
options_prescan(int argc, char **argv, const char **given, int *none)
{
	int	c;

	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "h", options_getopt(),
	    NULL)) != -1) {
		if (c == OPT_CONFIG)
			*given = optarg;
		else if (c == OPT_NO_CONFIG || c == 'h' || c == OPT_HELP ||
		    c == OPT_VERSION || c == OPT_GENCONFIG ||
		    c == OPT_COMPLETION)
			*none = 1;
	}
	optind = 0;
}

/*
 * folio -N: the Nth document of the history.  Taken out of argv (getopt
 * would read -12 as -1 -2); 0, or -1 after a usage error.
 */
static int
options_history_pick(int *argc, char **argv, struct options *o)
{
	int	i, j, n;

	for (i = 1; i < *argc && strcmp(argv[i], "--") != 0; i++) {
		if (argv[i][0] != '-' || argv[i][1] < '0' || argv[i][1] > '9')
			continue;
		if (strspn(argv[i] + 1, "0123456789") != strlen(argv[i] + 1) ||
		    options_int(argv[i] + 1, 1, 100000, &n) != 0 ||
		    o->history_pick != 0) {
			options_say("folio: %s: -N reopens the Nth document "
			    "of folio --history, once", argv[i]);
			fprintf(stderr, "Try 'folio --help' for more "
			    "information.\n");
			return -1;
		}
		o->history_pick = n;
		for (j = i; j < *argc - 1; j++)
			argv[j] = argv[j + 1];
		(*argc)--;
		i--;
	}
	return 0;
}

static void
options_defaults(struct options *o)
{
	int	i;

	memset(o, 0, sizeof *o);
	o->ambiguous = 1;
	o->script_fold = 1;
	o->wheel_lines = 3;
	o->theme = THEME_AUTO;
	for (i = 0; i < CE_COUNT; i++)
		o->elem[i].fg = o->elem[i].bg = COLOUR_DEFAULT;
}

/* What getopt would say, for an option c it did not take. */
static void
options_getopt_error(int c, char **argv)
{
	const char	*arg = optind > 0 ? argv[optind - 1] : "";

	/* an option is whatever the command line holds: made safe */
	if (c == ':')
		options_say("folio: option '%s' requires an argument", arg);
	else if (optopt > 0 && optopt < 256)
		options_say("folio: invalid option -- '%c'", optopt);
	else if (optopt >= 256)
		options_say("folio: option '%s' doesn't allow an argument",
		    arg);
	else
		options_say("folio: unrecognized option '%s'", arg);
}

static int
options_usage_error(void)
{
	fprintf(stderr, "Try 'folio --help' for more information.\n");
	return -1;
}

int
options_parse(int argc, char **argv, struct options *o)
{
	struct cfg_path	 paths[2];
	const char	*given = NULL;
	size_t		 n, i;
	int		 c, none = 0, rc = 0;

	options_defaults(o);
	argv[0] = (char *)"folio";
	if (options_history_pick(&argc, argv, o) != 0)
		return -1;
	options_prescan(argc, argv, &given, &none);
	if (!none) {
		n = cfgfile_paths(FOLIO_SYSCONFDIR, given, paths);
		for (i = 0; i < n; i++) {
			if (rc == 0)
				rc = options_file(o, &paths[i]);
			free(paths[i].path);
		}
		if (rc != 0)
			return -1;
	}
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":h", options_getopt(),
	    NULL)) != -1) {
		if (c == '?' || c == ':') {
			options_getopt_error(c, argv);
			return options_usage_error();
		}
		if (options_one(c == 'h' ? OPT_HELP : c, optarg, o) != 0) {
			options_say("folio: %s", options_why);
			return options_usage_error();
		}
	}
	if (o->regex && o->mode != MODE_GREP) {
		fprintf(stderr, "folio: --regex goes with --grep=PATTERN\n");
		return options_usage_error();
	}
	if (o->count && o->mode != MODE_GREP) {
		fprintf(stderr, "folio: --count goes with --grep=PATTERN\n");
		return options_usage_error();
	}
	if (argc - optind > 1 && o->mode != MODE_PAGER && o->mode != MODE_DUMP) {
		fprintf(stderr, "folio: one FILE at a time with this option\n");
		return options_usage_error();
	}
	if (o->history_pick != 0 && (optind < argc ||
	    (o->mode != MODE_PAGER && o->mode != MODE_DUMP))) {
		fprintf(stderr, "folio: -%d names the file: no FILE with it, "
		    "and only to read it\n", o->history_pick);
		return options_usage_error();
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	if (optind < argc)
		o->file = argv[optind];
	return 0;
}

void
options_free(struct options *o)
{
	free(o->binds);
	o->binds = NULL;
	o->nbinds = 0;
	free(o->start_msg);
	o->start_msg = NULL;
	free(o->encoding);
	o->encoding = NULL;
}

/* --- --generate-config ------------------------------------------------------ */

/* A help text as comment lines, its line breaks made blanks, rewrapped. */
static void
options_comment(FILE *f, const char *help)
{
	char	*s = xstrdup(help), *p, *w;
	int	 col = 0;

	for (p = s; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	for (w = strtok(s, " "); w != NULL; w = strtok(NULL, " ")) {
		if (col > 0 && col + 1 + (int)strlen(w) > 76) {
			fputc('\n', f);
			col = 0;
		}
		col += fprintf(f, "%s%s", col == 0 ? "# " : " ", w);
	}
	if (col > 0)
		fputc('\n', f);
	free(s);
}

/* A colour setting as words ("bold black on yellow"). */
static void
options_colour_words(const struct colour *c, char *out, size_t size)
{
	static const char *const attrs[] = {
		"bold", "dim", "italic", "underline", "reverse", "blink"
	};
	static const char *const names[] = {
		"black", "red", "green", "yellow", "blue", "magenta", "cyan",
		"white"
	};
	size_t	len = 0;
	int	i;

	out[0] = '\0';
	for (i = 0; i < 6; i++)
		if (c->attrs & (1 << i))
			len += (size_t)snprintf(out + len, size - len, "%s%s",
			    len ? " " : "", attrs[i]);
	if (c->fg >= 0 && c->fg < 8)
		len += (size_t)snprintf(out + len, size - len, "%s%s",
		    len ? " " : "", names[c->fg]);
	else if (c->fg >= 8)
		len += (size_t)snprintf(out + len, size - len, "%s%d",
		    len ? " " : "", c->fg);
	else if (c->bg >= 0 || len == 0)
		len += (size_t)snprintf(out + len, size - len, "%sdefault",
		    len ? " " : "");
	if (c->bg >= 0 && c->bg < 8)
		snprintf(out + len, size - len, " on %s", names[c->bg]);
	else if (c->bg >= 8)
		snprintf(out + len, size - len, " on %d", c->bg);
}

void
options_generate_config(FILE *f)
{
	const struct opt	*t;
	const struct cmd	*c;
	struct colour		 col;
	char			 words[64];
	int			 i;
	size_t			 k;

	fputs(
"# folio's configuration: $XDG_CONFIG_HOME/folio/config, else\n"
"# ~/.config/folio/config, read after the system's (" FOLIO_SYSCONFDIR
"/folio/config).\n"
"# FOLIO_CONFIG or --config=FILE names another file instead of both;\n"
"# --no-config reads none.  Options given on the command line win.\n"
"#\n"
"# A line is a long option of folio --help without its dashes (width=72,\n"
"# reflow=off), \"bind KEY ACTION\" or \"unbind KEY\"; # starts a comment.\n"
"# Every setting below is commented out and shows the default.\n", f);
	options_getopt();
	for (t = options_table; t->name != NULL; t++) {
		if (!(t->flags & OPT_CONF) || t->help == NULL)
			continue;
		fputc('\n', f);
		options_comment(f, t->help);
		if (t->has_arg == no_argument)
			fprintf(f, "#%s\n", t->name);
		else
			fprintf(f, "#%s=%s\n", t->name, t->dflt != NULL ?
			    t->dflt : t->arg);
	}
	fputs("\n"
"# The colour of each element: [ATTRIBUTES] [COLOUR] [on COLOUR], where\n"
"# ATTRIBUTES are bold, dim, italic, underline, reverse, blink, and a COLOUR\n"
"# is black, red, green, yellow, blue, magenta, cyan, white, bright-red...,\n"
"# default (the terminal's own), 0-255 or #rrggbb.  Set, one is used in\n"
"# every theme; shown here: the dark theme's on 256 colours.\n", f);
	for (i = 0; i < CE_COUNT; i++) {
		colour_default(THEME_DARK, i, 256, &col);
		options_colour_words(&col, words, sizeof words);
		fprintf(f, "#color-%s=%s\n", colour_elem_names[i], words);
	}
	fputs("\n"
"# Keys: \"bind KEY ACTION\" binds a key (j, G, Ctrl-N, Enter, Space, Tab,\n"
"# Esc, Backspace, Up, PgDn, Home, F1...) to an action of folio --list-keys;\n"
"# \"unbind KEY\" frees one.  keys=less (above) first gives these keys\n"
"# less's meanings:\n", f);
	for (k = 0; keys_less[k][0] != NULL; k++)
		fprintf(f, "#   bind %s %s\n", keys_less[k][0], keys_less[k][1]);
	fputs("# The default bindings:\n", f);
	cmd_keys_init(NULL);
	for (c = cmd_table; c->name != NULL; c++) {
		int	 keys[32];
		size_t	 n = 0, j;
		char	 name[32];
		const char *s = c->keys;

		while (*s != '\0' && n < 32) {
			size_t len;

			s += strspn(s, " ");
			len = strcspn(s, " ");
			if (len == 0)
				break;
			snprintf(name, sizeof name, "%.*s", (int)len, s);
			if ((keys[n] = keys_parse(name)) >= 0)
				n++;
			s += len;
		}
		for (j = 0; j < n; j++) {
			keys_name(keys[j], name, sizeof name);
			fprintf(f, "#bind %s %s\n", name, c->name);
		}
	}
}

/* --- Shell completions -------------------------------------------------------- */

/* The values of an argument written a|b|c (or man), blank-separated. */
static void
options_values(const struct opt *t, char *out, size_t size)
{
	size_t	i;

	out[0] = '\0';
	if (t->arg == NULL || strspn(t->arg, "abcdefghijklmnopqrstuvwxyz|") !=
	    strlen(t->arg))
		return;		/* a placeholder: N, FILE */
	snprintf(out, size, "%s", t->arg);
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] == '|')
			out[i] = ' ';
}

static void
options_bash(FILE *f)
{
	const struct opt	*t;
	char			 v[128];

	fputs(
"# bash completion for folio(1), made from its options by\n"
"# \"folio --completion=bash\".\n"
"_folio()\n"
"{\n"
"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= opt= arg= words=\n"
"\t[ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
"\t# --opt=value: bash may have split it at the = (COMP_WORDBREAKS)\n"
"\tif [ \"$cur\" = = ]; then\n"
"\t\topt=$prev arg=\n"
"\telif [ \"$prev\" = = ] && [ \"$COMP_CWORD\" -gt 1 ]; then\n"
"\t\topt=${COMP_WORDS[COMP_CWORD-2]} arg=$cur\n"
"\telif [[ $cur == --*=* ]]; then\n"
"\t\topt=${cur%%=*} arg=${cur#*=}\n"
"\tfi\n"
"\tif [ -n \"$opt\" ]; then\n"
"\t\tcase $opt in\n", f);
	for (t = options_table; t->name != NULL; t++) {
		options_values(t, v, sizeof v);
		if (v[0] != '\0')
			fprintf(f, "\t\t--%s) words='%s' ;;\n", t->name, v);
		else if (t->flags & OPT_FILE)
			fprintf(f, "\t\t--%s) compopt -o filenames 2>/dev/null; "
			    "COMPREPLY=($(compgen -f -- \"$arg\")) ;;\n",
			    t->name);
	}
	fputs(
"\t\tesac\n"
"\t\t[ -n \"$words\" ] && COMPREPLY=($(compgen -W \"$words\" -- \"$arg\"))\n"
"\t\tif [[ $cur == --*=* ]]; then\n"
"\t\t\tCOMPREPLY=(\"${COMPREPLY[@]/#/$opt=}\")\n"
"\t\tfi\n"
"\t\treturn 0\n"
"\tfi\n"
"\tcase $cur in\n"
"\t-*)\n"
"\t\tCOMPREPLY=($(compgen -W '", f);
	for (t = options_table; t->name != NULL; t++)
		fprintf(f, "%s--%s%s", t == options_table ? "" : " ", t->name,
		    t->has_arg == required_argument ? "=" : "");
	fputs("' -- \"$cur\"))\n"
"\t\tif [ ${#COMPREPLY[@]} -eq 1 ] && [[ ${COMPREPLY[0]} == *= ]]; then\n"
"\t\t\tcompopt -o nospace 2>/dev/null\n"
"\t\tfi\n"
"\t\t;;\n"
"\t*)\n"
"\t\tcompopt -o filenames 2>/dev/null\n"
"\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
"\t\t;;\n"
"\tesac\n"
"\treturn 0\n"
"}\n"
"complete -F _folio folio\n", f);
}

/* A help text on one line for zsh: [ ] : \ and ' escaped. */
static void
options_zsh_text(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			fputc(' ', f);
		else if (*s == '\'')
			fputs("'\\''", f);
		else if (strchr("[]:\\", *s) != NULL)
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

static void
options_zsh(FILE *f)
{
	const struct opt	*t;
	char			 v[128];

	fputs(
"#compdef folio\n"
"# zsh completion for folio(1), made from its options by\n"
"# \"folio --completion=zsh\".\n"
"_arguments -s -S \\\n", f);
	for (t = options_table; t->name != NULL; t++) {
		const char *help = t->help != NULL ? t->help :
		    strncmp(t->name, "color-", 6) == 0 ? "the colour of an element" :
		    "the same as --color";

		options_values(t, v, sizeof v);
		if (t->id == OPT_HELP)
			fputs("  '(- *)'{-h,--help}'[", f);
		else
			fprintf(f, "  '--%s%s[", t->name,
			    t->has_arg == required_argument ? "=" :
			    t->has_arg == optional_argument ? "=-" : "");
		options_zsh_text(f, help);
		fputc(']', f);
		if (t->has_arg != no_argument) {
			fprintf(f, "%s", t->has_arg == optional_argument ? "::" :
			    ":");
			options_zsh_text(f, t->arg);
			if (v[0] != '\0')
				fprintf(f, ":(%s)", v);
			else if (t->flags & OPT_FILE)
				fputs(":_files", f);
			else
				fputs(": ", f);
		}
		fputs("' \\\n", f);
	}
	fputs("  '*:file:_files'\n", f);
}

void
options_completion(FILE *f, const char *shell)
{
	options_getopt();
	if (strcmp(shell, "zsh") == 0)
		options_zsh(f);
	else
		options_bash(f);
}
