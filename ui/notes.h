/* notes.h: a document's annotations in the program (notes.c). */
#ifndef FOLIO_NOTES_H
#define FOLIO_NOTES_H

#include "doc.h"
#include "store.h"

struct notes {
	struct doc	*d;
	struct store	*st;		/* NULL: nothing can be saved */
	char		*path;		/* canonical path, NULL for stdin */
	char		 doc_id[40];
	char		 sha[65];	/* of the text as read now */
	struct note	*v;
	size_t		 n;
	long long	 version;	/* store_data_version when loaded */
	char		*notice;	/* for the user (read-only, damaged) */
	char		*cause;		/* why there is no store at all */
	int		 stale;		/* reload at the next chance */
};

/*
 * Opens the store and finds the document (recording it if create).
 * Returns 0, or -1 when it is not known (and not created).  Without a
 * store, notes are kept in memory and ns->notice says why.
 */
int	notes_open(struct notes *, struct doc *, const char *path, int create);
/*
 * The same in two steps, for a large document whose hash is made while
 * the reader waits: begin opens the store and knows the document by its
 * path if it can (doc_id set, or empty); finish takes ns->sha.
 */
int	notes_begin(struct notes *, struct doc *, const char *path);
/*
 * For a document the store does not know (by text or path): a known one
 * most of whose quotes are in this text, such as a renamed and edited
 * copy.  1 with its id, title (allocated) and quotes found of those
 * looked at; 0 if none.
 */
int	notes_similar(struct notes *, char doc_id[40], char **title,
	    size_t *found, size_t *total);
/*
 * Each note's passage as the reader shows it (note.shown), for the lists
 * and the Markdown exports.
 */
void	notes_show(struct notes *);
/* The document is shown otherwise (another script): work them out again. */
void	notes_unshow(struct notes *);
/* Note k's passage as shown, worked out the first time it is asked for. */
const char *notes_quote(struct notes *, struct note *k);
/*
 * Where reading stopped last time, and the script it was shown in ("" for
 * as written), before the store is opened: 0 if known.
 */
int	notes_peek_position(const char *path, uint64_t *, char script[8]);
int	notes_finish(struct notes *, int create);
void	notes_close(struct notes *);
/* Loads the notes again (another session changed them) and resolves them. */
int	notes_load(struct notes *);
void	notes_resolve(struct notes *);
/* Captures source bytes [a, b) as a new note. */
void	notes_capture(struct notes *, size_t a, size_t b, int kind,
	    const char *section, struct note *);
/* Adds it (taking its strings); 0 if saved, -1 if kept in memory only. */
int	notes_add(struct notes *, struct note *);

/* --notes and --export FILE: this document's notes as Markdown or JSON. */
int	notes_print(struct doc *, const char *path, int json);
/* --export without FILE: every document's notes; returns an exit status. */
int	notes_export_all(int json);
/* --import=FILE.json; returns an exit status. */
int	notes_import(const char *);
/*
 * The documents read, the last first, without the bundled guide (its
 * path); *v allocated (store_history_free).  0, or -1.
 */
int	notes_history(const char *guide, struct store_hist **v, size_t *n);
/* Is the history's file missing (a URL never is)? */
int	notes_history_missing(const struct store_hist *);
/* folio --history: the documents read, numbered for folio -N. */
int	notes_history_print(const char *guide);

#endif
