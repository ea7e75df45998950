/* options.h: the command line of folio. */
#ifndef FOLIO_OPTIONS_H
#define FOLIO_OPTIONS_H

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
	struct doc_opts	 doc;
};

/* Parses argv; returns 0, or -1 after printing a usage error. */
int	options_parse(int, char **, struct options *);
void	options_usage(FILE *);

#endif
