/*
 * store.h: bookmarks, highlights, notes and reading positions, on disk.
 *
 * One SQLite database, $FOLIO_DATA_DIR/annotations.sqlite3 (default
 * $XDG_DATA_HOME/folio, else ~/.local/share/folio).  The directory is made
 * 0700 and the files are 0600 whatever the umask (folio's umask becomes
 * 077); a symbolic link at the database's path is refused.  WAL journal
 * (a rollback journal on network file systems), synchronous=FULL, a busy
 * timeout, and one transaction per action: a function returns 0 only after
 * COMMIT did.  A damaged database is renamed aside, never written over.
 *
 * A document is known by the SHA-256 of its text and by the paths it was
 * read from.  An annotation is kept with its anchor (anchor.h) and is
 * re-attached by the reader; deleting one only marks it deleted.
 */
#ifndef FOLIO_STORE_H
#define FOLIO_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "anchor.h"

#define STORE_VERSION	4	/* PRAGMA user_version of the schema */

enum note_kind {
	NOTE_BOOKMARK,
	NOTE_HIGHLIGHT,
	NOTE_NOTE,
};

struct note {
	char			 id[40];	/* UUID */
	char			 doc_id[40];
	int			 kind;		/* enum note_kind */
	struct anchor_sel	 sel;
	char			*section;	/* breadcrumb when made; owned */
	char			*text;		/* the note, or a bookmark's name */
	char			 created[32];	/* ISO 8601, UTC */
	char			 updated[32];
	int			 deleted;
	char			 state[16];	/* last resolution: anchored... */
	struct anchor_hit	 hit;		/* where it is now (reader) */
	int			 unsaved;	/* kept in memory only */
	int			 rev;		/* edits so far (1: as made) */
	char			*shown;		/* the passage as drawn, if not
						   its source; owned */
	int			 shown_done;	/* shown is worked out */
};

struct store;

/*
 * Opens (creating if needed) the store.  Returns NULL with *cause set when
 * there is none to be had; *notice may be set (allocated) to something the
 * user must be told (read-only, a damaged database kept aside).
 */
struct store	*store_open(char **cause, char **notice);
void		 store_close(struct store *);
int		 store_readonly(const struct store *);
/* Why the last write failed ("the disk is full", ...). */
const char	*store_why(const struct store *);
/*
 * A copy of the store in backups/ beside it, made with VACUUM INTO, when
 * the newest is a day old or more; the newest 7 are kept.  1 if one was
 * made, 0 if none was due, -1 on failure.
 */
int		 store_backup_daily(struct store *);
/* The database's path (for messages). */
const char	*store_path(const struct store *);

/*
 * Finds or records the document read from path with text hash sha (its
 * version); doc_id receives its id.  Returns 0 or -1.
 */
int		 store_document(struct store *, const char *path,
		     const char *sha, const char *title, char doc_id[40]);

/* Like store_document, but only looks: 0 if the document is known. */
int		 store_identify(struct store *, const char *path,
		     const char *sha, char doc_id[40]);
/*
 * Records the text sha, read from path, as a new version of the known
 * document doc_id (a renamed and edited copy the user recognised).
 */
int		 store_attach(struct store *, const char *path, const char *sha,
		     const char *doc_id);
/* Adds a note (id and times are filled in). */
int		 store_add(struct store *, struct note *);
/*
 * Changes a note's text if nobody changed or deleted it since it was read
 * (its rev): 0.  Otherwise the other change stays and this text is saved
 * as a new note on the same passage, a conflict copy: 1.  The text it
 * replaces is kept in the note's revisions.  A highlight given a text
 * becomes a note.  -1 if it could not be saved.
 */
int		 store_set_text(struct store *, struct note *, const char *);
/* An earlier text of a note (note_revision). */
struct note_rev {
	int	 rev;
	char	*text;		/* NULL: the note had none */
	char	 saved[32];	/* when it was written */
};
/* A note's earlier texts, newest first; *v allocated (note_revs_free). */
int		 store_revisions(struct store *, const char *id,
		     struct note_rev **v, size_t *n);
void		 note_revs_free(struct note_rev *, size_t);
int		 store_delete(struct store *, const char *id, int deleted);
int		 store_set_state(struct store *, const char *id,
		     const char *state);
/* The document's notes, deleted ones left out; caller frees with notes_free. */
int		 store_notes(struct store *, const char *doc_id,
		     struct note **, size_t *);
void		 notes_free(struct note *, size_t);
void		 note_clear(struct note *);

/*
 * Reading position: a source byte offset, the script the document was
 * shown in (convert.h: "s", "t"...; NULL or "" for as written) and how far
 * into the document that is (0-1, as the status line's percentage; -1:
 * unknown).  Saving it makes the document the last read.  Reading,
 * script may be NULL; it is set to "" when none was saved.
 */
int		 store_set_position(struct store *, const char *doc_id,
		     uint64_t, const char *script, double fraction);
/* Takes a document off the history (its notes stay). */
int		 store_forget_position(struct store *, const char *doc_id);
int		 store_peek_position(const char *path, uint64_t *,
		     char script[8]);
int		 store_get_position(struct store *, const char *doc_id,
		     uint64_t *, char script[8]);

/* A document of the history: one whose place was saved, with a path. */
struct store_hist {
	char		 doc_id[40];
	char		*title;		/* as first read, or NULL; owned */
	char		*path;		/* the last it was read from; owned */
	uint64_t	 pos;		/* the place: a source byte */
	double		 fraction;	/* how far, 0-1; -1 unknown */
	char		 when[32];	/* last read: ISO 8601, UTC */
	int		 notes;		/* bookmarks, highlights and notes */
};
/*
 * The documents read, the last first, at most max (*v allocated,
 * store_history_free).  With st NULL, a quick look that opens nothing
 * for writing and makes no store (none: no documents).  0 or -1.
 */
int		 store_history(struct store *, size_t max,
		     struct store_hist **v, size_t *n);
void		 store_history_free(struct store_hist *, size_t);

/* A note being typed when the reader had to stop. */
int		 store_save_draft(struct store *, const char *doc_id,
		     const struct note *);
/* Takes the draft out (0), or -1 if there is none. */
int		 store_take_draft(struct store *, const char *doc_id,
		     struct note *);

/* Changes by any connection since open: compare to notice other sessions. */
long long	 store_data_version(struct store *);

/* Every document: id, title, last path, last hash. */
typedef void store_doc_fn(void *, const char *doc_id, const char *title,
		     const char *path, const char *sha);
int		 store_documents(struct store *, store_doc_fn *, void *);
/* The document id for a path, if known. */
int		 store_find_path(struct store *, const char *path,
		     char doc_id[40]);

/*
 * Several actions as one (an import): store_batch(st, 1), the actions,
 * store_batch(st, 0), which commits them all or none; 0 when committed.
 */
int		 store_batch(struct store *, int begin);
/* Merges an imported note by id: the newer one wins; 1 if it changed. */
int		 store_merge(struct store *, const struct note *,
		     const char *title, const char *path);

/* Helpers. */
void		 store_now(char out[32]);
void		 store_uuid(char out[40]);
const char	*note_kind_name(int);
int		 note_kind_parse(const char *);

#endif
