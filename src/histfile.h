/*
 * histfile.h: lines remembered from one run to the next (the reader's
 * search history), in a private file under $XDG_STATE_HOME/folio
 * (default ~/.local/state/folio), like less's ~/.lesshst.
 *
 * The file holds one entry a line, oldest first.  Saving merges what this
 * session added into what is on disk now (another session may have saved
 * meanwhile): an entry typed again moves to the end, the oldest go when
 * there are more than max, and the file is replaced whole (written beside
 * it, then renamed), mode 0600 in a 0700 directory.  Entries never hold a
 * line end or a control character.
 */
#ifndef FOLIO_HISTFILE_H
#define FOLIO_HISTFILE_H

#include <stddef.h>

struct histfile {
	char	**v;		/* entries, oldest first; owned */
	size_t	  n;
	size_t	  cap;
};

/*
 * The path of state file name: $XDG_STATE_HOME/folio/name, else
 * ~/.local/state/folio/name, its directory made (0700).  Allocated; NULL
 * if there is no home to put it in.
 */
char	*histfile_path(const char *name);
/* Reads the file (a missing one is empty); 0, or -1 if it cannot be read. */
int	 histfile_load(const char *path, struct histfile *);
/* Adds an entry at the end (an equal one earlier is removed). */
void	 histfile_add(struct histfile *, const char *);
/*
 * Writes the entries of h after those on disk now (h's win when equal),
 * keeping the newest max.  0, or -1 with *cause set (allocated).
 */
int	 histfile_save(const char *path, const struct histfile *, size_t max,
	     char **cause);
void	 histfile_free(struct histfile *);

#endif
