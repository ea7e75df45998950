/*
 * cfgfile.h: folio's configuration files, read as lines.
 *
 * A file holds long options, one a line, as on the command line without
 * the dashes (they may be written too): "width=72", "reflow off",
 * "theme = light", "force"; a value may be quoted ("bold blue on
 * default").  "bind KEY ACTION" and "unbind KEY" change the keys.  A line
 * whose first character is # is a comment, and so is the end of a line
 * from a # that follows a blank (but a bind line's key may be #).
 *
 * Which files: the one given (--config=FILE), else $FOLIO_CONFIG; else
 * SYSCONFDIR/folio/config, then $XDG_CONFIG_HOME/folio/config (else
 * ~/.config/folio/config), the later one winning.  A file named on
 * purpose must exist; the usual ones may be missing.
 *
 * This module knows the shape of lines only: whether an option exists
 * and takes that value, and which keys and actions there are, is the
 * program's to say, with the line number each entry keeps.
 */
#ifndef FOLIO_CFGFILE_H
#define FOLIO_CFGFILE_H

#include <stddef.h>

#define CFGFILE_MAX	(1024 * 1024)	/* larger is not a configuration */

enum cfg_kind {
	CFG_OPTION,
	CFG_BIND,
	CFG_UNBIND,
};

struct cfg_entry {
	int	 line;		/* from 1 */
	int	 kind;		/* enum cfg_kind */
	char	*name;		/* the option's name, or the key's */
	char	*value;		/* the option's value (NULL: none), the action */
};

struct cfgfile {
	struct cfg_entry	*v;	/* owned */
	size_t			 n;
	size_t			 cap;
};

/*
 * Parses a file's text, adding its entries to f.  0, or -1 with *line
 * and *why (allocated) saying what is wrong with the first bad line.
 */
int	cfgfile_parse(const char *text, size_t len, struct cfgfile *f,
	    int *line, char **why);
/*
 * Reads and parses the file at path.  -1 with *why (allocated), and
 * *line 0 when the file itself cannot be read.
 */
int	cfgfile_read(const char *path, struct cfgfile *f, int *line,
	    char **why);
void	cfgfile_free(struct cfgfile *);

struct cfg_path {
	char	*path;		/* allocated */
	int	 required;	/* named on purpose: it must be there */
};

/*
 * The files to read, in order (at most 2): given (--config), else
 * $FOLIO_CONFIG, else sysconfdir's then the user's.  Their number.
 */
size_t	cfgfile_paths(const char *sysconfdir, const char *given,
	    struct cfg_path out[2]);

#endif
