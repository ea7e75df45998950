/* options.c: parse folio's command line. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "encoding.h"
#include "html.h"
#include "options.h"

enum {
	OPT_DUMP = 256, OPT_TOC, OPT_WIDTH, OPT_ENCODING, OPT_AMBIGUOUS,
	OPT_GLOSS, OPT_FORCE, OPT_VERSION, OPT_KEYS, OPT_GREP, OPT_REGEX,
	OPT_COUNT,
	OPT_NOTES, OPT_EXPORT, OPT_IMPORT, OPT_FORMAT, OPT_REFLOW, OPT_SCRIPT,
	OPT_SCRIPT_FOLD, OPT_READER, OPT_TIMEOUT, OPT_MAX_SIZE,
};

static const struct option options_long[] = {
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "toc", no_argument, NULL, OPT_TOC },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "ambiguous-width", required_argument, NULL, OPT_AMBIGUOUS },
	{ "gloss", required_argument, NULL, OPT_GLOSS },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "list-keys", optional_argument, NULL, OPT_KEYS },
	{ "grep", required_argument, NULL, OPT_GREP },
	{ "regex", no_argument, NULL, OPT_REGEX },
	{ "count", no_argument, NULL, OPT_COUNT },
	{ "notes", no_argument, NULL, OPT_NOTES },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "reflow", required_argument, NULL, OPT_REFLOW },
	{ "reader", required_argument, NULL, OPT_READER },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "export", optional_argument, NULL, OPT_EXPORT },
	{ "import", required_argument, NULL, OPT_IMPORT },
	{ "script", required_argument, NULL, OPT_SCRIPT },
	{ "script-fold", required_argument, NULL, OPT_SCRIPT_FOLD },
	{ NULL, 0, NULL, 0 }
};

void
options_usage(FILE *f)
{
	fputs(
"usage: folio [OPTION]... [FILE | URL]...\n"
"Read FILE, a web page at URL (http, https), or standard input in the\n"
"terminal; :n and :p go between several.  Web pages show their article\n"
"alone when they have one.\n"
"\n"
"  --dump                 print the laid-out document and exit\n"
"  --toc                  print the outline and exit\n"
"  --grep=PATTERN         print each match as FILE:LINE: section: text,\n"
"                         then the count\n"
"  --regex                PATTERN is a regular expression (PCRE2)\n"
"  --count                with --grep: print the number of matches alone\n"
"  --notes                print FILE's bookmarks, highlights and notes (Markdown)\n"
"  --export[=markdown|json] export FILE's notes, or every document's without\n"
"                         FILE (Markdown unless json is asked for)\n"
"  --import=FILE.json     merge notes exported by --export=json\n"
"  --width=N              text width in columns (dump: 80 if not a terminal)\n"
"  --encoding=NAME        the file's encoding (default: detected)\n"
"  --format=text|markdown|html\n"
"                         read FILE as plain text, Markdown or HTML (default:\n"
"                         by name, .md or .html, else by content)\n"
"  --reflow=auto|off      off: every line as in the file, long lines cut and\n"
"                         scrolled sideways (as less -S); S in the reader\n"
"  --reader=auto|on|off   web pages: the article alone (on), the whole page\n"
"                         (off), or the article when the page has one (auto)\n"
"  --timeout=SECONDS      give up fetching a URL after this long (default 30)\n"
"  --max-size=SIZE        refuse web pages larger than SIZE (default 64M;\n"
"                         K, M, G suffixes)\n"
"  --ambiguous-width=1|2  columns the terminal gives “ ” … (default 1)\n"
"  --gloss=hide|show      hide or show pinyin glosses like 長(zhǎng)\n"
"  --script=orig|s|t|tw|hk show Chinese as written, simplified, traditional,\n"
"                         Taiwan or Hong Kong forms (OpenCC; default: as\n"
"                         last read, else as written)\n"
"  --script-fold=on|off   search finds traditional and simplified alike\n"
"                         (default on: 发展 finds 發展)\n"
"  --force                open a file that looks binary\n"
"  --list-keys[=man]      list the reader's keys (as man page entries)\n"
"  -h, --help             show this help and exit\n"
"  --version              show the version and exit\n", f);
}

static int
options_int(const char *arg, int lo, int hi, int *out)
{
	char	*end;
	long	 v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || v < lo || v > hi)
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

static int
options_bad(const char *what, const char *arg)
{
	fprintf(stderr, "folio: invalid %s: '%s'\n", what, arg);
	fprintf(stderr, "Try 'folio --help' for more information.\n");
	return -1;
}

static int
options_one(int c, struct options *o)
{
	switch (c) {
	case OPT_DUMP:
		o->mode = MODE_DUMP;
		return 0;
	case OPT_TOC:
		o->mode = MODE_TOC;
		return 0;
	case OPT_WIDTH:
		return options_int(optarg, 1, 1000, &o->width) == 0 ? 0 :
		    options_bad("width (1-1000)", optarg);
	case OPT_ENCODING:
		if (encoding_canonical(optarg) == NULL)
			return options_bad("encoding", optarg);
		o->doc.encoding = optarg;
		return 0;
	case OPT_AMBIGUOUS:
		return options_int(optarg, 1, 2, &o->ambiguous) == 0 ? 0 :
		    options_bad("ambiguous width (1 or 2)", optarg);
	case OPT_GLOSS:
		if (strcmp(optarg, "show") != 0 && strcmp(optarg, "hide") != 0)
			return options_bad("gloss mode (hide or show)", optarg);
		o->doc.show_glosses = strcmp(optarg, "show") == 0;
		return 0;
	case OPT_FORCE:
		o->doc.force = 1;
		return 0;
	case OPT_SCRIPT:
		if ((o->script = script_parse(optarg)) < 0)
			return options_bad("script (orig, s, t, tw or hk)",
			    optarg);
		o->script_set = 1;
		return 0;
	case OPT_SCRIPT_FOLD:
		if (strcmp(optarg, "on") != 0 && strcmp(optarg, "off") != 0)
			return options_bad("script folding (on or off)", optarg);
		o->script_fold = strcmp(optarg, "on") == 0;
		return 0;
	case 'h':
		o->mode = MODE_HELP;
		return 0;
	case OPT_VERSION:
		o->mode = MODE_VERSION;
		return 0;
	case OPT_GREP:
		o->mode = MODE_GREP;
		o->grep = optarg;
		return 0;
	case OPT_FORMAT:
		if (strcmp(optarg, "text") == 0)
			o->doc.format = DOC_FORMAT_TEXT;
		else if (strcmp(optarg, "markdown") == 0 ||
		    strcmp(optarg, "md") == 0)
			o->doc.format = DOC_FORMAT_MARKDOWN;
		else if (strcmp(optarg, "html") == 0)
			o->doc.format = DOC_FORMAT_HTML;
		else
			return options_bad("format (text, markdown or html)",
			    optarg);
		return 0;
	case OPT_TIMEOUT: {
		int	t;

		if (options_int(optarg, 1, 86400, &t) != 0)
			return options_bad("timeout (1-86400 seconds)", optarg);
		o->timeout = t;
		return 0;
	}
	case OPT_MAX_SIZE:
		return options_size(optarg, &o->doc.max_stream) == 0 ? 0 :
		    options_bad("size (a number, with K, M or G)", optarg);
	case OPT_READER:
		if (strcmp(optarg, "auto") == 0)
			o->doc.reader = HTML_READER_AUTO;
		else if (strcmp(optarg, "on") == 0)
			o->doc.reader = HTML_READER_ON;
		else if (strcmp(optarg, "off") == 0)
			o->doc.reader = HTML_READER_OFF;
		else
			return options_bad("reader mode (auto, on or off)",
			    optarg);
		return 0;
	case OPT_REFLOW:
		if (strcmp(optarg, "auto") != 0 && strcmp(optarg, "off") != 0)
			return options_bad("reflow (auto or off)", optarg);
		o->doc.reflow_off = strcmp(optarg, "off") == 0;
		return 0;
	case OPT_NOTES:
		o->mode = MODE_NOTES;
		return 0;
	case OPT_EXPORT:	/* --export alone: Markdown */
		if (optarg != NULL && strcmp(optarg, "json") != 0 &&
		    strcmp(optarg, "markdown") != 0 && strcmp(optarg, "md") != 0)
			return options_bad("export format (markdown or json)",
			    optarg);
		o->mode = MODE_EXPORT;
		o->json = optarg != NULL && strcmp(optarg, "json") == 0;
		return 0;
	case OPT_IMPORT:
		o->mode = MODE_IMPORT;
		o->import = optarg;
		return 0;
	case OPT_REGEX:
		o->regex = 1;
		return 0;
	case OPT_COUNT:
		o->count = 1;
		return 0;
	case OPT_KEYS:
		if (optarg != NULL && strcmp(optarg, "man") != 0)
			return options_bad("key list format (man)", optarg);
		o->mode = MODE_KEYS;
		o->keys_man = optarg != NULL;
		return 0;
	}
	fprintf(stderr, "Try 'folio --help' for more information.\n");
	return -1;
}

int
options_parse(int argc, char **argv, struct options *o)
{
	int	c;

	memset(o, 0, sizeof *o);
	o->ambiguous = 1;
	o->script_fold = 1;
	opterr = 1;
	argv[0] = (char *)"folio";	/* getopt's messages say "folio:" */
	while ((c = getopt_long(argc, argv, "h", options_long, NULL)) != -1) {
		if (options_one(c, o) != 0)
			return -1;
	}
	if (o->count && o->mode != MODE_GREP) {
		fprintf(stderr, "folio: --count goes with --grep=PATTERN\n");
		fprintf(stderr, "Try 'folio --help' for more information.\n");
		return -1;
	}
	if (o->regex && o->mode != MODE_GREP) {
		fprintf(stderr, "folio: --regex goes with --grep=PATTERN\n");
		fprintf(stderr, "Try 'folio --help' for more information.\n");
		return -1;
	}
	if (argc - optind > 1 && o->mode != MODE_PAGER && o->mode != MODE_DUMP) {
		fprintf(stderr, "folio: one FILE at a time with this option\n");
		fprintf(stderr, "Try 'folio --help' for more information.\n");
		return -1;
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	if (optind < argc)
		o->file = argv[optind];
	return 0;
}
