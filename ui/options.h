/*
 * options.h: folio's options, from the configuration files and the
 * command line.
 *
 * One table (options.c) says every long option: its name, argument,
 * help and default, and whether a configuration file may set it.  The
 * command line's parser, --help, --generate-config and the shell
 * completions (--completion, written at build time) are made from it.
 */
#ifndef FOLIO_OPTIONS_H
#define FOLIO_OPTIONS_H

#include <stdio.h>

#include "colour.h"
#include "doc.h"

enum run {
	MODE_PAGER,
	MODE_DUMP,
	MODE_TOC,
	MODE_HELP,
	MODE_VERSION,
	MODE_KEYS,	/* --list-keys: the key table */
	MODE_GREP,	/* --grep=PATTERN */
	MODE_NOTES,	/* --notes */
	MODE_EXPORT,	/* --export[=FORMAT] */
	MODE_IMPORT,	/* --import=FILE */
	MODE_HISTORY,	/* --history: the documents read, printed */
	MODE_GENCONFIG,	/* --generate-config */
	MODE_COMPLETION, /* --completion=bash|zsh */
};

enum colour_when {
	COLOUR_AUTO,	/* the terminal has colours and NO_COLOR is not set */
	COLOUR_ALWAYS,	/* whenever the terminal has colours */
	COLOUR_NEVER,
};

enum mouse_mode {
	MOUSE_OFF,	/* the terminal keeps the mouse: selection works */
	MOUSE_SCROLL,	/* the wheel scrolls (Shift-drag selects) */
};

/* A bind (action >= 0) or unbind (action -1) line of the configuration. */
struct opt_bind {
	int	key;		/* keys.h */
	int	action;		/* a row of the command table */
};

struct options {
	enum run	 mode;
	const char	*file;		/* NULL: stdin or the bundled guide */
	char		**files;	/* every FILE given (the reader reads them all) */
	int		 nfiles;
	int		 width;		/* 0: not given */
	int		 ambiguous;	/* 1 or 2 */
	int		 keys_man;	/* --list-keys=man */
	const char	*grep;		/* --grep's pattern */
	int		 regex;		/* --regex */
	int		 count;		/* --count: --grep prints the count */
	int		 json;		/* --export=json */
	const char	*import;	/* --import's file */
	int		 script;	/* --script: enum script (convert.h) */
	int		 script_set;	/* ... given */
	int		 script_fold;	/* traditional = simplified (on) */
	long		 timeout;	/* --timeout, seconds (0: the default) */
	int		 keys_less;	/* --keys=less */
	struct opt_bind	*binds;		/* the config's bind and unbind lines */
	size_t		 nbinds;
	int		 colour;	/* enum colour_when */
	int		 theme;		/* enum colour_theme */
	struct colour	 elem[CE_COUNT]; /* --color-ELEMENT */
	unsigned	 elem_set;	/* ... given: bit (1 << element) */
	int		 mouse;		/* enum mouse_mode */
	int		 wheel_lines;	/* lines a turn of the wheel scrolls */
	int		 history_pick;	/* folio -N: the Nth document read */
	int		 history_first;	/* no file: the reader starts with them */
	const char	*shell;		/* --completion's */
	const char	*guide;		/* the bundled guide's path */
	char		*start_msg;	/* said on the first screen; owned */
	char		*encoding;	/* --encoding's, owned */
	struct doc_opts	 doc;
};

/*
 * Reads the configuration files (unless --no-config, or an option that
 * needs none), then the command line over them.  0, or -1 after printing
 * a usage error (FILE:LINE: for the configuration's).
 */
int	options_parse(int, char **, struct options *);
void	options_free(struct options *);
void	options_usage(FILE *);
/* A configuration file with every setting commented out at its default. */
void	options_generate_config(FILE *);
/* A completion script for the shell ("bash", "zsh"). */
void	options_completion(FILE *, const char *shell);

#endif
