/*
 * store.c: the annotation store on SQLite (see store.h).
 */
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/random.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "xmalloc.h"

#define STORE_FILE	"annotations.sqlite3"
#define STORE_BUSY_MS	5000

struct store {
	sqlite3		*db;
	char		*path;
	int		 readonly;
	int		 batch;		/* inside store_batch: savepoints */
	char		 why[96];	/* why the last failed call failed */
};

static const char store_schema[] =
	"CREATE TABLE document ("
	"  doc_id TEXT PRIMARY KEY, title TEXT, created TEXT NOT NULL);"
	"CREATE TABLE doc_version ("
	"  sha TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES document,"
	"  first_seen TEXT NOT NULL);"
	"CREATE TABLE doc_path ("
	"  path TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES document,"
	"  last_sha TEXT NOT NULL, last_seen TEXT NOT NULL);"
	"CREATE TABLE annotation ("
	"  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES document,"
	"  kind TEXT NOT NULL, sha TEXT NOT NULL,"
	"  pos_start INTEGER NOT NULL, pos_end INTEGER NOT NULL,"
	"  exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,"
	"  section TEXT, note TEXT, state TEXT NOT NULL DEFAULT 'anchored',"
	"  created TEXT NOT NULL, updated TEXT NOT NULL, deleted TEXT);"
	"CREATE INDEX annotation_by_doc ON annotation(doc_id);"
	"CREATE TABLE position ("
	"  doc_id TEXT PRIMARY KEY, pos INTEGER NOT NULL, updated TEXT NOT NULL);"
	"CREATE TABLE draft ("
	"  doc_id TEXT PRIMARY KEY, kind TEXT, sha TEXT, pos_start INTEGER,"
	"  pos_end INTEGER, exact TEXT, prefix TEXT, suffix TEXT, section TEXT,"
	"  body TEXT NOT NULL, saved TEXT NOT NULL);";

/* Version 2: edits are counted, and the texts they replace are kept. */
static const char store_schema_2[] =
	"ALTER TABLE annotation ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
	"CREATE TABLE note_revision ("
	"  id TEXT NOT NULL REFERENCES annotation, rev INTEGER NOT NULL,"
	"  note TEXT, saved TEXT NOT NULL, PRIMARY KEY (id, rev));";

/* Version 3: the script a document was read in (convert.h), with its place. */
static const char store_schema_3[] =
	"ALTER TABLE position ADD COLUMN script TEXT;";

/*
 * Version 4: how far into the document the place is (0-1, as the status
 * line's percentage), for the history; the index finds the last read.
 */
static const char store_schema_4[] =
	"ALTER TABLE position ADD COLUMN fraction REAL;"
	"CREATE INDEX position_by_time ON position(updated);";

#define STORE_NOTE_COLS_1 "id, doc_id, kind, sha, pos_start, pos_end, exact, " \
	"prefix, suffix, section, note, state, created, updated, deleted"
#define STORE_NOTE_COLS	STORE_NOTE_COLS_1 ", rev"
#define STORE_NOTES_OF	" FROM annotation WHERE doc_id = ? AND " \
	"deleted IS NULL ORDER BY pos_start, created"
#define STORE_BACKUPS	7
#define STORE_APP_ID	0x666F6C69	/* "foli": PRAGMA application_id */
#define STORE_APP_ID_SQL "1718578281"

void
store_now(char out[32])
{
	struct timespec	ts;
	struct tm	tm;

	char		ms[8];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(ms, sizeof ms, ".%03dZ", (int)(ts.tv_nsec / 1000000) % 1000);
	strcat(out, ms);
}

void
store_uuid(char out[40])
{
	unsigned char	r[16];
	size_t		i;

	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		for (i = 0; i < sizeof r; i++)	/* no entropy: still unique */
			r[i] = (unsigned char)(rand() ^ (getpid() >> (i % 8)) ^
			    time(NULL) >> i);
	}
	r[6] = (r[6] & 0x0F) | 0x40;
	r[8] = (r[8] & 0x3F) | 0x80;
	snprintf(out, 40, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", r[0], r[1], r[2], r[3], r[4], r[5],
	    r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]);
}

const char *
note_kind_name(int kind)
{
	return kind == NOTE_BOOKMARK ? "bookmark" : kind == NOTE_HIGHLIGHT ?
	    "highlight" : "note";
}

int
note_kind_parse(const char *s)
{
	if (s != NULL && strcmp(s, "bookmark") == 0)
		return NOTE_BOOKMARK;
	if (s != NULL && strcmp(s, "highlight") == 0)
		return NOTE_HIGHLIGHT;
	return NOTE_NOTE;
}

/* --- Opening ------------------------------------------------------------ */

static char *
store_dir(void)
{
	const char	*e = getenv("FOLIO_DATA_DIR"), *x, *h;
	char		*d;

	if (e != NULL && *e != '\0')
		return xstrdup(e);
	x = getenv("XDG_DATA_HOME");
	h = getenv("HOME");
	if (x != NULL && *x == '/') {
		d = xmalloc(strlen(x) + 8);
		sprintf(d, "%s/folio", x);
		return d;
	}
	if (h == NULL || *h == '\0')
		return NULL;
	d = xmalloc(strlen(h) + 32);
	sprintf(d, "%s/.local/share/folio", h);
	return d;
}

/* The database's path in dir; allocated. */
static char *
store_file(const char *dir)
{
	char	*path = xmalloc(strlen(dir) + sizeof STORE_FILE + 2);

	sprintf(path, "%s/%s", dir, STORE_FILE);
	return path;
}

/* mkdir -p, the directories made 0700. */
static int
store_mkdir(const char *dir)
{
	char	*p = xstrdup(dir), *s;
	int	 rc = 0;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* Why the last call on db failed, in words a user can act on. */
static const char *
store_reason(sqlite3 *db)
{
	int	rc = sqlite3_extended_errcode(db) & 0xff;
	int	e = sqlite3_system_errno(db);

	if (rc == SQLITE_FULL || e == ENOSPC || e == EDQUOT)
		return "the disk is full";
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return "another program holds the store";
	if (rc == SQLITE_READONLY || e == EROFS || e == EACCES || e == EPERM)
		return "the store cannot be written here";
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		return "the store is damaged";
	return e != 0 ? strerror(e) : sqlite3_errstr(rc);
}

/* Remembers why a call failed; returns -1. */
static int
store_failed(struct store *st)
{
	snprintf(st->why, sizeof st->why, "%s", store_reason(st->db));
	return -1;
}

const char *
store_why(const struct store *st)
{
	return st->why[0] != '\0' ? st->why : "the store refused it";
}

/* Rolls back after a failure, keeping the failure's reason. */
static void
store_undo(struct store *st, const char *sql)
{
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static int
store_exec(struct store *st, const char *sql)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_failed(st);
	return 0;
}

static int
store_network_fs(const char *dir)
{
	struct statfs	sf;

	if (statfs(dir, &sf) != 0)
		return 0;
	return sf.f_type == 0x6969 ||		/* NFS */
	    sf.f_type == 0x517B ||		/* SMB */
	    (unsigned)sf.f_type == 0xFF534D42u ||	/* CIFS */
	    (unsigned)sf.f_type == 0xFE534D42u;	/* SMB2 */
}

/* What opening found: a sound store, a damaged one, or one it could not use. */
enum { STORE_SOUND, STORE_DAMAGED, STORE_UNUSABLE };

/*
 * Runs quick_check.  A store is damaged only when SQLite says so; any
 * other failure (a full disk, a lock, an I/O error) leaves the file alone.
 */
static int
store_check(struct store *st)
{
	sqlite3_stmt	*q;
	int		 rc, found = STORE_UNUSABLE;

	if (sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &q, NULL) ==
	    SQLITE_OK) {
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW)
			found = strcmp((const char *)sqlite3_column_text(q, 0),
			    "ok") == 0 ? STORE_SOUND : STORE_DAMAGED;
		sqlite3_finalize(q);
	}
	if (found == STORE_UNUSABLE) {
		store_failed(st);
		rc = sqlite3_extended_errcode(st->db) & 0xff;
		if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
			found = STORE_DAMAGED;
	}
	return found;
}

/* The integer a PRAGMA answers, or -1. */
static int
store_pragma_int(struct store *st, const char *sql)
{
	sqlite3_stmt	*q;
	int		 v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return v;
}

static int
store_user_version(struct store *st)
{
	return store_pragma_int(st, "PRAGMA user_version");
}

/* --- Backups ------------------------------------------------------------ */

/* The backups directory (made 0700); allocated. */
static char *
store_backup_dir(const struct store *st)
{
	char	*d = xmalloc(strlen(st->path) + 16), *slash;

	strcpy(d, st->path);
	slash = strrchr(d, '/');
	strcpy(slash != NULL ? slash + 1 : d, "backups");
	mkdir(d, 0700);
	return d;
}

/*
 * VACUUM INTO backups/annotations-TIME<suffix>.sqlite3: a consistent copy
 * made by SQLite (copying the file ourselves would drop its locks).
 */
static int
store_backup(struct store *st, const char *suffix)
{
	char	*dir = store_backup_dir(st), *sql;
	char	 now[32];
	int	 rc;

	store_now(now);
	sql = sqlite3_mprintf("VACUUM INTO '%q/annotations-%q%q.sqlite3'", dir,
	    now, suffix);
	rc = sql != NULL ? store_exec(st, sql) : -1;
	sqlite3_free(sql);
	free(dir);
	return rc;
}

static int
store_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The daily backups' names, oldest first (names sort by time). */
static size_t
store_backup_list(const char *dir, char ***names)
{
	DIR		*dp = opendir(dir);
	struct dirent	*e;
	size_t		 n = 0, cap = 0;

	*names = NULL;
	while (dp != NULL && (e = readdir(dp)) != NULL) {
		size_t	len = strlen(e->d_name);

		if (strncmp(e->d_name, "annotations-", 12) != 0 || len < 20 ||
		    strcmp(e->d_name + len - 8, ".sqlite3") != 0 ||
		    strstr(e->d_name, "-before-") != NULL)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			*names = xreallocarray(*names, cap, sizeof **names);
		}
		(*names)[n++] = xstrdup(e->d_name);
	}
	if (dp != NULL)
		closedir(dp);
	if (n > 0)
		qsort(*names, n, sizeof **names, store_cmp_names);
	return n;
}

/* Seconds since path was written, or a large number. */
static double
store_age(const char *dir, const char *name)
{
	char		*path = xmalloc(strlen(dir) + strlen(name) + 2);
	struct stat	 sb;
	double		 age = 1e12;

	sprintf(path, "%s/%s", dir, name);
	if (stat(path, &sb) == 0)
		age = difftime(time(NULL), sb.st_mtime);
	free(path);
	return age;
}

int
store_backup_daily(struct store *st)
{
	char	*dir, **names, *path;
	size_t	 n, i;
	int	 rc = 0;

	if (st->readonly)
		return 0;
	dir = store_backup_dir(st);
	n = store_backup_list(dir, &names);
	if (n == 0 || store_age(dir, names[n - 1]) >= 24 * 3600.0) {
		rc = store_backup(st, "") == 0 ? 1 : -1;
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
		n = store_backup_list(dir, &names);
	}
	for (i = 0; i < n; i++) {
		if (i + STORE_BACKUPS < n) {	/* the oldest beyond 7 */
			path = xmalloc(strlen(dir) + strlen(names[i]) + 2);
			sprintf(path, "%s/%s", dir, names[i]);
			unlink(path);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	free(dir);
	return rc;
}

/* Creates or upgrades the schema, in one write transaction. */
static int
store_migrate(struct store *st)
{
	int	v = store_user_version(st);

	if (v >= STORE_VERSION)
		return 0;	/* current: no write transaction at every open */
	if (v > 0)
		store_backup(st, "-before-upgrade");
	if (store_exec(st, "BEGIN IMMEDIATE") != 0)
		return -1;
	v = store_user_version(st);	/* another folio may have done it */
	if ((v < 1 && store_exec(st, "PRAGMA application_id = "
	    STORE_APP_ID_SQL) != 0) ||
	    (v < 1 && store_exec(st, store_schema) != 0) ||
	    (v < 2 && store_exec(st, store_schema_2) != 0) ||
	    (v < 3 && store_exec(st, store_schema_3) != 0) ||
	    (v < 4 && store_exec(st, store_schema_4) != 0) ||
	    (v < 4 && store_exec(st, "PRAGMA user_version = 4") != 0)) {
		store_undo(st, "ROLLBACK");
		return -1;
	}
	return store_exec(st, "COMMIT");
}

static int
store_connect(struct store *st, int flags)
{
	if (sqlite3_open_v2(st->path, &st->db, flags | SQLITE_OPEN_NOFOLLOW,
	    NULL) != SQLITE_OK) {
		sqlite3_close(st->db);
		st->db = NULL;
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	return 0;
}

/* A file: URI for path ("?", "#" and "%" escaped), then query; allocated. */
static char *
store_uri(const char *path, const char *query)
{
	char	*uri = xmalloc(3 * strlen(path) + strlen(query) + 8), *o;

	o = uri + sprintf(uri, "file:");
	for (; *path != '\0'; path++) {
		if (*path == '?' || *path == '#' || *path == '%')
			o += sprintf(o, "%%%02X", (unsigned char)*path);
		else
			*o++ = *path;
	}
	strcpy(o, query);
	return uri;
}

/*
 * Read-only: a WAL database in a directory we cannot write needs its -shm
 * file, which is gone once the last writer closed; then it is opened as
 * immutable (nobody else can be writing it without write access either).
 */
static int
store_connect_readonly(struct store *st)
{
	char	*uri;
	int	 rc;

	if (store_connect(st, SQLITE_OPEN_READONLY) == 0 &&
	    store_check(st) == STORE_SOUND)
		return 0;
	sqlite3_close(st->db);
	st->db = NULL;
	uri = store_uri(st->path, "?immutable=1");
	rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		sqlite3_close(st->db);
		st->db = NULL;
		return -1;
	}
	return 0;
}

/* Renames a damaged database (and its journals) aside. */
static char *
store_set_aside(struct store *st)
{
	char	*to = xmalloc(strlen(st->path) + 64), *a, *b;
	char	 now[32];

	store_now(now);
	sprintf(to, "%s.damaged-%s", st->path, now);
	rename(st->path, to);
	a = xmalloc(strlen(st->path) + 8);
	b = xmalloc(strlen(to) + 8);
	sprintf(a, "%s-wal", st->path);
	sprintf(b, "%s-wal", to);
	rename(a, b);
	sprintf(a, "%s-shm", st->path);
	unlink(a);
	free(a);
	free(b);
	return to;
}

/* Sets the connection up; says whether the store is sound (see above). */
static int
store_setup(struct store *st, const char *dir)
{
	char	sql[128];
	int	found, app;

	app = store_pragma_int(st, "PRAGMA application_id");
	if (app > 0 && app != STORE_APP_ID) {	/* before anything writes */
		snprintf(st->why, sizeof st->why, "it is not folio's");
		return STORE_UNUSABLE;	/* another program's: never write */
	}
	store_exec(st, "PRAGMA foreign_keys = ON");
	snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s",
	    store_network_fs(dir) ? "DELETE" : "WAL");
	if (!st->readonly)
		store_exec(st, sql);
	store_exec(st, "PRAGMA synchronous = FULL");
	if ((found = store_check(st)) != STORE_SOUND)
		return found;
	if (!st->readonly && store_user_version(st) > STORE_VERSION) {
		snprintf(st->why, sizeof st->why, "a newer folio made it");
		return STORE_UNUSABLE;	/* read it, do not write it */
	}
	if (!st->readonly && store_migrate(st) != 0)
		return STORE_UNUSABLE;
	return STORE_SOUND;
}

static char *
store_msg(const char *fmt, const char *a, const char *b)
{
	char	*m = xmalloc(strlen(fmt) + strlen(a) + strlen(b) + 1);

	sprintf(m, fmt, a, b);
	return m;
}

/*
 * Falls back to reading the store: notes can be read, new ones are kept
 * in memory and shown as not saved.
 */
static int
store_open_readonly(struct store *st, const char *dir, const char *why,
    char **cause, char **notice)
{
	char	reason[sizeof st->why];

	snprintf(reason, sizeof reason, "%s", why);
	snprintf(st->why, sizeof st->why, "%s", reason);
	if (st->db != NULL)
		sqlite3_close(st->db);
	st->db = NULL;
	st->readonly = 1;
	if (store_connect_readonly(st) != 0) {
		*cause = store_msg("cannot open %s: %s", st->path, reason);
		return -1;
	}
	*notice = xmalloc(strlen(dir) + strlen(reason) + 64);
	sprintf(*notice, "notes cannot be saved in %s (%s): new ones are kept "
	    "until you quit", dir, reason);
	return 0;
}

/* A damaged store is kept aside and a new one started. */
static int
store_restart(struct store *st, const char *dir, char **cause, char **notice)
{
	char	*aside;

	sqlite3_close(st->db);
	st->db = NULL;
	aside = store_set_aside(st);
	*notice = store_msg("the notes database was damaged: kept as "
	    "%s; a new one was started%s", aside, "");
	free(aside);
	if (store_connect(st, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) != 0 ||
	    store_setup(st, dir) != STORE_SOUND) {
		*cause = store_msg("cannot create %s%s", st->path, "");
		return -1;
	}
	return 0;
}

struct store *
store_open(char **cause, char **notice)
{
	struct store	*st = xcalloc(1, sizeof *st);
	char		*dir = store_dir();
	struct stat	 sb;
	int		 found;
	int		 fd;

	*cause = *notice = NULL;
	umask(077);	/* the store and its journals are the user's only */
	if (dir == NULL || store_mkdir(dir) != 0) {
		*cause = store_msg("cannot make the directory %s%s",
		    dir ? dir : "(no HOME)", "");
		goto fail;
	}
	st->path = store_file(dir);
	if (lstat(st->path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		*cause = store_msg("%s is a symbolic link: refused%s", st->path, "");
		goto fail;
	}
	if (lstat(st->path, &sb) != 0 && (fd = open(st->path, O_RDWR | O_CREAT |
	    O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) >= 0)
		close(fd);
	if (store_connect(st, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) != 0 ||
	    access(st->path, W_OK) != 0 || access(dir, W_OK) != 0) {
		if (store_open_readonly(st, dir, "it is read-only here", cause,
		    notice) != 0)
			goto fail;
	}
	if ((found = store_setup(st, dir)) != STORE_SOUND && st->readonly) {
		*cause = store_msg("%s cannot be read: %s", st->path, st->why);
		goto fail;
	}
	if (found == STORE_DAMAGED &&
	    store_restart(st, dir, cause, notice) != 0)
		goto fail;
	/* A full disk, a lock: the file is left as it is. */
	if (found == STORE_UNUSABLE &&
	    store_open_readonly(st, dir, st->why, cause, notice) != 0)
		goto fail;
	free(dir);
	return st;
fail:
	free(dir);
	store_close(st);
	return NULL;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->db != NULL) {
		if (!st->readonly)
			store_exec(st, "PRAGMA optimize");
		sqlite3_close(st->db);
	}
	free(st->path);
	free(st);
}

int
store_readonly(const struct store *st)
{
	return st->readonly;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

/* --- Statements ---------------------------------------------------------- */

static sqlite3_stmt *
store_prep(struct store *st, const char *sql)
{
	sqlite3_stmt	*q = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return NULL;
	return q;
}

static void
store_bind(sqlite3_stmt *q, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(q, i);
	else
		sqlite3_bind_text(q, i, s, -1, SQLITE_TRANSIENT);
}

/* Runs a statement to the end and frees it; 0 if it ran. */
static int
store_done(struct store *st, sqlite3_stmt *q)
{
	int	rc;

	if (q == NULL)
		return store_failed(st);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		store_failed(st);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
store_begin(struct store *st)
{
	if (st->readonly)
		return -1;
	if (st->batch)
		return store_exec(st, "SAVEPOINT action");
	return store_exec(st, "BEGIN IMMEDIATE");
}

static int
store_end(struct store *st, int ok)
{
	if (st->batch) {
		if (ok != 0)
			store_undo(st, "ROLLBACK TO action");
		store_undo(st, "RELEASE action");
		return ok != 0 ? -1 : 0;
	}
	if (ok != 0) {
		store_undo(st, "ROLLBACK");
		return -1;
	}
	if (store_exec(st, "COMMIT") != 0) {
		store_undo(st, "ROLLBACK");
		return -1;
	}
	return 0;
}

int
store_batch(struct store *st, int begin)
{
	if (begin) {
		if (st->readonly || store_exec(st, "BEGIN IMMEDIATE") != 0)
			return -1;
		st->batch = 1;
		return 0;
	}
	st->batch = 0;
	if (store_exec(st, "COMMIT") != 0) {
		store_undo(st, "ROLLBACK");
		return -1;
	}
	return 0;
}

static const char *
store_col(sqlite3_stmt *q, int i)
{
	const char	*s = (const char *)sqlite3_column_text(q, i);

	return s != NULL ? s : "";
}

static char *
store_dupcol(sqlite3_stmt *q, int i)
{
	return sqlite3_column_type(q, i) == SQLITE_NULL ? NULL :
	    xstrdup(store_col(q, i));
}

/* --- Documents ----------------------------------------------------------- */

static int
store_lookup(struct store *st, const char *sql, const char *key,
    char doc_id[40])
{
	sqlite3_stmt	*q = store_prep(st, sql);
	int		 found = 0;

	if (q == NULL)
		return 0;
	store_bind(q, 1, key);
	if (sqlite3_step(q) == SQLITE_ROW) {
		snprintf(doc_id, 40, "%s", store_col(q, 0));
		found = 1;
	}
	sqlite3_finalize(q);
	return found;
}

int
store_find_path(struct store *st, const char *path, char doc_id[40])
{
	return store_lookup(st, "SELECT doc_id FROM doc_path WHERE path = ?",
	    path, doc_id) ? 0 : -1;
}

int
store_identify(struct store *st, const char *path, const char *sha,
    char doc_id[40])
{
	return store_lookup(st, "SELECT doc_id FROM doc_version WHERE sha = ?",
	    sha, doc_id) || (path != NULL && store_lookup(st,
	    "SELECT doc_id FROM doc_path WHERE path = ?", path, doc_id)) ? 0 : -1;
}

static int	store_add_version(struct store *, const char *, const char *,
		    const char *, const char *);

int
store_document(struct store *st, const char *path, const char *sha,
    const char *title, char doc_id[40])
{
	char		 now[32];
	int		 known, ok = 0;
	sqlite3_stmt	*q;

	known = store_identify(st, path, sha, doc_id) == 0;
	if (st->readonly) {
		if (!known)
			store_uuid(doc_id);
		return 0;
	}
	store_now(now);
	if (store_begin(st) != 0)
		return -1;
	if (!known) {
		store_uuid(doc_id);
		q = store_prep(st, "INSERT INTO document VALUES (?, ?, ?)");
		store_bind(q, 1, doc_id);
		store_bind(q, 2, title);
		store_bind(q, 3, now);
		ok |= store_done(st, q);
	}
	ok |= store_add_version(st, path, sha, doc_id, now);
	return store_end(st, ok);
}

/* Records that the text sha, read from path, is a version of doc_id. */
static int
store_add_version(struct store *st, const char *path, const char *sha,
    const char *doc_id, const char *now)
{
	sqlite3_stmt	*q;
	int		 ok = 0;

	q = store_prep(st, "INSERT OR IGNORE INTO doc_version VALUES (?, ?, ?)");
	store_bind(q, 1, sha);
	store_bind(q, 2, doc_id);
	store_bind(q, 3, now);
	ok |= store_done(st, q);
	if (path != NULL) {
		q = store_prep(st, "INSERT OR REPLACE INTO doc_path "
		    "VALUES (?, ?, ?, ?)");
		store_bind(q, 1, path);
		store_bind(q, 2, doc_id);
		store_bind(q, 3, sha);
		store_bind(q, 4, now);
		ok |= store_done(st, q);
	}
	return ok;
}

int
store_attach(struct store *st, const char *path, const char *sha,
    const char *doc_id)
{
	char	now[32];

	store_now(now);
	if (store_begin(st) != 0)
		return -1;
	return store_end(st, store_add_version(st, path, sha, doc_id, now));
}

int
store_documents(struct store *st, store_doc_fn *fn, void *arg)
{
	sqlite3_stmt	*q = store_prep(st, "SELECT d.doc_id, d.title, "
	    "(SELECT path FROM doc_path p WHERE p.doc_id = d.doc_id "
	    " ORDER BY last_seen DESC LIMIT 1), "
	    "(SELECT last_sha FROM doc_path p WHERE p.doc_id = d.doc_id "
	    " ORDER BY last_seen DESC LIMIT 1) "
	    "FROM document d WHERE EXISTS (SELECT 1 FROM annotation a "
	    " WHERE a.doc_id = d.doc_id AND a.deleted IS NULL) "
	    "ORDER BY d.created");

	if (q == NULL)
		return -1;
	while (sqlite3_step(q) == SQLITE_ROW)
		fn(arg, store_col(q, 0), store_col(q, 1), store_col(q, 2),
		    store_col(q, 3));
	sqlite3_finalize(q);
	return 0;
}

/* --- Notes --------------------------------------------------------------- */

static void
store_bind_note(sqlite3_stmt *q, const struct note *n)
{
	store_bind(q, 1, n->id);
	store_bind(q, 2, n->doc_id);
	store_bind(q, 3, note_kind_name(n->kind));
	store_bind(q, 4, n->sel.sha);
	sqlite3_bind_int64(q, 5, (sqlite3_int64)n->sel.start);
	sqlite3_bind_int64(q, 6, (sqlite3_int64)n->sel.end);
	store_bind(q, 7, n->sel.exact ? n->sel.exact : "");
	store_bind(q, 8, n->sel.prefix ? n->sel.prefix : "");
	store_bind(q, 9, n->sel.suffix ? n->sel.suffix : "");
	store_bind(q, 10, n->section);
	store_bind(q, 11, n->text);
	store_bind(q, 12, n->state[0] ? n->state : "anchored");
	store_bind(q, 13, n->created);
	store_bind(q, 14, n->updated);
	store_bind(q, 15, n->deleted ? n->updated : NULL);
	sqlite3_bind_int(q, 16, n->rev > 0 ? n->rev : 1);
}

/* Writes a note's row (replacing one with its id if replace); 0 if done. */
static int
store_put_note(struct store *st, const struct note *n, int replace)
{
	sqlite3_stmt	*q = store_prep(st, replace ?
	    "INSERT OR REPLACE INTO annotation (" STORE_NOTE_COLS ") "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" :
	    "INSERT INTO annotation (" STORE_NOTE_COLS ") "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

	if (q != NULL)
		store_bind_note(q, n);
	return store_done(st, q);
}

/* Writes a new note, its id and times filled in if missing. */
static int
store_new_note(struct store *st, struct note *n)
{
	if (n->id[0] == '\0')
		store_uuid(n->id);
	if (n->created[0] == '\0')
		store_now(n->created);
	snprintf(n->updated, sizeof n->updated, "%s", n->created);
	n->rev = 1;
	return store_put_note(st, n, 0);
}

int
store_add(struct store *st, struct note *n)
{
	if (store_begin(st) != 0)
		return -1;
	return store_end(st, store_new_note(st, n));
}

/* Keeps a note's current text as a revision (before it is replaced). */
static int
store_keep_revision(struct store *st, const char *id)
{
	sqlite3_stmt	*q = store_prep(st, "INSERT OR IGNORE INTO note_revision "
	    "SELECT id, rev, note, updated FROM annotation WHERE id = ?");

	store_bind(q, 1, id);
	return store_done(st, q);
}

/* Saves text as a new note on n's passage: the conflict copy. */
static int
store_add_copy(struct store *st, const struct note *n, const char *text)
{
	struct note	 c = *n;

	c.id[0] = c.created[0] = '\0';
	c.text = (char *)text;
	c.deleted = 0;
	return store_new_note(st, &c);
}

int
store_set_text(struct store *st, struct note *n, const char *text)
{
	sqlite3_stmt	*q;
	int		 ok, changed;
	int		 kind = n->kind == NOTE_HIGHLIGHT && text != NULL &&
	    text[strspn(text, " \t\r\n")] != '\0' ? NOTE_NOTE : n->kind;

	store_now(n->updated);
	if (store_begin(st) != 0)
		return -1;
	ok = store_keep_revision(st, n->id);
	q = store_prep(st, "UPDATE annotation SET note = ?, updated = ?, "
	    "kind = ?, rev = rev + 1 WHERE id = ? AND rev = ? AND "
	    "deleted IS NULL");
	store_bind(q, 1, text);
	store_bind(q, 2, n->updated);
	store_bind(q, 3, note_kind_name(kind));
	store_bind(q, 4, n->id);
	sqlite3_bind_int(q, 5, n->rev);
	ok |= store_done(st, q);
	changed = sqlite3_changes(st->db) > 0;
	if (ok == 0 && !changed)	/* changed or deleted elsewhere */
		ok = store_add_copy(st, n, text);
	if (store_end(st, ok) != 0)
		return -1;
	if (!changed)
		return 1;
	free(n->text);
	n->text = text != NULL ? xstrdup(text) : NULL;
	n->kind = kind;
	n->rev++;
	return 0;
}

int
store_revisions(struct store *st, const char *id, struct note_rev **v,
    size_t *n)
{
	sqlite3_stmt	*q = store_prep(st, "SELECT rev, note, saved FROM "
	    "note_revision WHERE id = ? ORDER BY rev DESC");
	size_t		 cap = 0;

	*v = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	store_bind(q, 1, id);
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		(*v)[*n].rev = sqlite3_column_int(q, 0);
		(*v)[*n].text = store_dupcol(q, 1);
		snprintf((*v)[*n].saved, sizeof (*v)[*n].saved, "%s",
		    store_col(q, 2));
		(*n)++;
	}
	sqlite3_finalize(q);
	return 0;
}

void
note_revs_free(struct note_rev *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

int
store_delete(struct store *st, const char *id, int deleted)
{
	sqlite3_stmt	*q;
	char		 now[32];

	store_now(now);
	if (store_begin(st) != 0)
		return -1;
	q = store_prep(st, "UPDATE annotation SET deleted = ?, updated = ? "
	    "WHERE id = ?");
	store_bind(q, 1, deleted ? now : NULL);
	store_bind(q, 2, now);
	store_bind(q, 3, id);
	return store_end(st, store_done(st, q));
}

int
store_set_state(struct store *st, const char *id, const char *state)
{
	sqlite3_stmt	*q;

	if (st->readonly)
		return -1;
	q = store_prep(st, "UPDATE annotation SET state = ? WHERE id = ? "
	    "AND state <> ?");
	store_bind(q, 1, state);
	store_bind(q, 2, id);
	store_bind(q, 3, state);
	return store_done(st, q);
}

static void
store_read_note(sqlite3_stmt *q, struct note *n)
{
	memset(n, 0, sizeof *n);
	snprintf(n->id, sizeof n->id, "%s", store_col(q, 0));
	snprintf(n->doc_id, sizeof n->doc_id, "%s", store_col(q, 1));
	n->kind = note_kind_parse(store_col(q, 2));
	snprintf(n->sel.sha, sizeof n->sel.sha, "%s", store_col(q, 3));
	n->sel.start = (size_t)sqlite3_column_int64(q, 4);
	n->sel.end = (size_t)sqlite3_column_int64(q, 5);
	n->sel.exact = xstrdup(store_col(q, 6));
	n->sel.prefix = xstrdup(store_col(q, 7));
	n->sel.suffix = xstrdup(store_col(q, 8));
	n->section = store_dupcol(q, 9);
	n->text = store_dupcol(q, 10);
	snprintf(n->state, sizeof n->state, "%s", store_col(q, 11));
	snprintf(n->created, sizeof n->created, "%s", store_col(q, 12));
	snprintf(n->updated, sizeof n->updated, "%s", store_col(q, 13));
	n->deleted = sqlite3_column_type(q, 14) != SQLITE_NULL;
	n->rev = sqlite3_column_int(q, 15);
}

int
store_notes(struct store *st, const char *doc_id, struct note **v, size_t *n)
{
	sqlite3_stmt	*q = store_prep(st, "SELECT " STORE_NOTE_COLS
	    STORE_NOTES_OF);
	size_t		 cap = 0;

	if (q == NULL)	/* a version 1 store that could not be upgraded */
		q = store_prep(st, "SELECT " STORE_NOTE_COLS_1 ", 1"
		    STORE_NOTES_OF);
	*v = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	store_bind(q, 1, doc_id);
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		store_read_note(q, &(*v)[(*n)++]);
	}
	sqlite3_finalize(q);
	return 0;
}

void
note_clear(struct note *n)
{
	anchor_sel_free(&n->sel);
	free(n->section);
	free(n->text);
	free(n->shown);
	n->section = n->text = n->shown = NULL;
	n->shown_done = 0;
}

void
notes_free(struct note *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		note_clear(&v[i]);
	free(v);
}

int
store_merge(struct store *st, const struct note *n, const char *title,
    const char *path)
{
	sqlite3_stmt	*q;
	char		 now[32], updated[32] = "";
	int		 ok = 0, exists = 0;
	struct note	 m = *n;

	if (store_begin(st) != 0)
		return -1;
	q = store_prep(st, "SELECT updated, rev FROM annotation WHERE id = ?");
	store_bind(q, 1, n->id);
	m.rev = 1;
	if (q != NULL && sqlite3_step(q) == SQLITE_ROW) {
		exists = 1;
		snprintf(updated, sizeof updated, "%s", store_col(q, 0));
		m.rev = sqlite3_column_int(q, 1) + 1;
	}
	sqlite3_finalize(q);
	if (exists && strcmp(updated, n->updated) >= 0) {
		store_end(st, 0);
		return 0;	/* ours is as new or newer */
	}
	store_now(now);
	q = store_prep(st, "INSERT OR IGNORE INTO document VALUES (?, ?, ?)");
	store_bind(q, 1, n->doc_id);
	store_bind(q, 2, title);
	store_bind(q, 3, now);
	ok |= store_done(st, q);
	q = store_prep(st, "INSERT OR IGNORE INTO doc_version VALUES (?, ?, ?)");
	store_bind(q, 1, n->sel.sha);
	store_bind(q, 2, n->doc_id);
	store_bind(q, 3, now);
	ok |= store_done(st, q);
	if (path != NULL && *path != '\0') {
		q = store_prep(st, "INSERT OR IGNORE INTO doc_path "
		    "VALUES (?, ?, ?, ?)");
		store_bind(q, 1, path);
		store_bind(q, 2, n->doc_id);
		store_bind(q, 3, n->sel.sha);
		store_bind(q, 4, now);
		ok |= store_done(st, q);
	}
	if (exists)	/* the text it replaces stays a revision */
		ok |= store_keep_revision(st, n->id);
	ok |= store_put_note(st, &m, 1);
	return store_end(st, ok) == 0 ? 1 : -1;
}

/* --- Position and drafts ------------------------------------------------- */

int
store_set_position(struct store *st, const char *doc_id, uint64_t pos,
    const char *script, double fraction)
{
	sqlite3_stmt	*q;
	char		 now[32];

	if (st->readonly)
		return -1;
	store_now(now);
	q = store_prep(st, "INSERT OR REPLACE INTO position "
	    "(doc_id, pos, updated, script, fraction) VALUES (?, ?, ?, ?, ?)");
	store_bind(q, 1, doc_id);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)pos);
	store_bind(q, 3, now);
	if (script != NULL && *script != '\0')
		store_bind(q, 4, script);
	if (q != NULL && fraction >= 0 && fraction <= 1)
		sqlite3_bind_double(q, 5, fraction);
	return store_done(st, q);
}

int
store_forget_position(struct store *st, const char *doc_id)
{
	sqlite3_stmt	*q;

	if (st->readonly)
		return -1;
	q = store_prep(st, "DELETE FROM position WHERE doc_id = ?");
	store_bind(q, 1, doc_id);
	return store_done(st, q);
}

/* --- The history ------------------------------------------------------- */

/* The rows of the history; the fraction is NULL in a store before 4. */
static int
store_history_rows(struct store *st, size_t max, struct store_hist **v,
    size_t *n)
{
	static const char *const frac[] = { "p.fraction", "NULL" };
	char		 sql[700];
	sqlite3_stmt	*q = NULL;
	struct store_hist *h;
	size_t		 i, cap = 0;

	*v = NULL;
	*n = 0;
	for (i = 0; i < 2 && q == NULL; i++) {
		snprintf(sql, sizeof sql, "SELECT p.doc_id, d.title, "
		    "(SELECT path FROM doc_path x WHERE x.doc_id = p.doc_id "
		    " ORDER BY last_seen DESC LIMIT 1) AS path, p.pos, %s, "
		    "p.updated, (SELECT count(*) FROM annotation a WHERE "
		    " a.doc_id = p.doc_id AND a.deleted IS NULL) "
		    "FROM position p JOIN document d ON d.doc_id = p.doc_id "
		    "WHERE path IS NOT NULL ORDER BY p.updated DESC LIMIT %zu",
		    frac[i], max);
		q = store_prep(st, sql);
	}
	if (q == NULL)
		return -1;
	while (sqlite3_step(q) == SQLITE_ROW) {
		*v = xgrow(*v, &cap, *n + 1, sizeof **v);
		h = &(*v)[(*n)++];
		memset(h, 0, sizeof *h);
		snprintf(h->doc_id, sizeof h->doc_id, "%s", store_col(q, 0));
		h->title = sqlite3_column_type(q, 1) == SQLITE_NULL ? NULL :
		    xstrdup(store_col(q, 1));
		h->path = xstrdup(store_col(q, 2));
		h->pos = (uint64_t)sqlite3_column_int64(q, 3);
		h->fraction = sqlite3_column_type(q, 4) == SQLITE_NULL ? -1 :
		    sqlite3_column_double(q, 4);
		snprintf(h->when, sizeof h->when, "%s", store_col(q, 5));
		h->notes = sqlite3_column_int(q, 6);
	}
	sqlite3_finalize(q);
	return 0;
}

int
store_history(struct store *st, size_t max, struct store_hist **v,
    size_t *n)
{
	struct store	 peek = { 0 };
	char		*dir;
	struct stat	 sb;
	int		 rc = -1;

	if (st != NULL)
		return store_history_rows(st, max, v, n);
	*v = NULL;
	*n = 0;
	umask(077);
	if ((dir = store_dir()) == NULL)
		return -1;
	peek.path = store_file(dir);
	if (lstat(peek.path, &sb) != 0 || !S_ISREG(sb.st_mode))
		rc = 0;		/* no store: nothing read yet */
	else if (store_connect(&peek, SQLITE_OPEN_READONLY) == 0) {
		sqlite3_busy_timeout(peek.db, 100);
		rc = store_history_rows(&peek, max, v, n);
	}
	if (peek.db != NULL)
		sqlite3_close(peek.db);
	free(peek.path);
	free(dir);
	return rc;
}

void
store_history_free(struct store_hist *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].path);
	}
	free(v);
}

/* Reads a place: pos, and the script if asked for (empty: none). */
static int
store_read_position(sqlite3_stmt *q, uint64_t *pos, char script[8])
{
	const unsigned char	*s;

	if (sqlite3_step(q) != SQLITE_ROW)
		return -1;
	*pos = (uint64_t)sqlite3_column_int64(q, 0);
	if (script != NULL) {
		s = sqlite3_column_text(q, 1);
		snprintf(script, 8, "%s", s != NULL ? (const char *)s : "");
	}
	return 0;
}

/* The query for a place; NULL as the script in a store older than 3. */
static sqlite3_stmt *
store_position_query(struct store *st, const char *from)
{
	char		 sql[256];
	sqlite3_stmt	*q;

	snprintf(sql, sizeof sql, "SELECT p.pos, p.script %s", from);
	if ((q = store_prep(st, sql)) != NULL)
		return q;
	snprintf(sql, sizeof sql, "SELECT p.pos, NULL %s", from);
	return store_prep(st, sql);
}

int
store_get_position(struct store *st, const char *doc_id, uint64_t *pos,
    char script[8])
{
	sqlite3_stmt	*q = store_position_query(st,
	    "FROM position p WHERE p.doc_id = ?");
	int		 rc;

	if (q == NULL)
		return -1;
	store_bind(q, 1, doc_id);
	rc = store_read_position(q, pos, script);
	sqlite3_finalize(q);
	return rc;
}

/*
 * The place reading stopped in the document last read from path, looked
 * up without opening the store for writing or checking it (about a
 * millisecond), so that the first screen can already be that place.
 * -1 when there is none or the store cannot be read: the full open
 * (store_open) decides what is wrong.
 */
int
store_peek_position(const char *path, uint64_t *pos, char script[8])
{
	struct store	 st = { 0 };
	char		*dir = store_dir();
	struct stat	 sb;
	sqlite3_stmt	*q;
	int		 rc = -1;

	umask(077);
	if (dir == NULL || path == NULL)
		goto out;
	st.path = store_file(dir);
	if (lstat(st.path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    store_connect(&st, SQLITE_OPEN_READONLY) != 0)
		goto out;
	sqlite3_busy_timeout(st.db, 100);	/* a closing session's checkpoint,
						   not more, before the first screen */
	q = store_position_query(&st, "FROM doc_path d JOIN position p "
	    "ON p.doc_id = d.doc_id WHERE d.path = ?");
	if (q != NULL) {
		store_bind(q, 1, path);
		rc = store_read_position(q, pos, script);
		sqlite3_finalize(q);
	}
	sqlite3_close(st.db);
out:
	free(st.path);
	free(dir);
	return rc;
}

int
store_save_draft(struct store *st, const char *doc_id, const struct note *n)
{
	sqlite3_stmt	*q;
	char		 now[32];

	if (st->readonly)
		return -1;
	store_now(now);
	q = store_prep(st, "INSERT OR REPLACE INTO draft VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	store_bind(q, 1, doc_id);
	store_bind(q, 2, note_kind_name(n->kind));
	store_bind(q, 3, n->sel.sha);
	sqlite3_bind_int64(q, 4, (sqlite3_int64)n->sel.start);
	sqlite3_bind_int64(q, 5, (sqlite3_int64)n->sel.end);
	store_bind(q, 6, n->sel.exact);
	store_bind(q, 7, n->sel.prefix);
	store_bind(q, 8, n->sel.suffix);
	store_bind(q, 9, n->section);
	store_bind(q, 10, n->text ? n->text : "");
	store_bind(q, 11, now);
	return store_done(st, q);
}

int
store_take_draft(struct store *st, const char *doc_id, struct note *n)
{
	sqlite3_stmt	*q = store_prep(st, "SELECT kind, sha, pos_start, "
	    "pos_end, exact, prefix, suffix, section, body FROM draft "
	    "WHERE doc_id = ?");
	int		 rc = -1;

	if (q == NULL)
		return -1;
	store_bind(q, 1, doc_id);
	if (sqlite3_step(q) == SQLITE_ROW) {
		memset(n, 0, sizeof *n);
		n->kind = note_kind_parse(store_col(q, 0));
		snprintf(n->sel.sha, sizeof n->sel.sha, "%s", store_col(q, 1));
		n->sel.start = (size_t)sqlite3_column_int64(q, 2);
		n->sel.end = (size_t)sqlite3_column_int64(q, 3);
		n->sel.exact = xstrdup(store_col(q, 4));
		n->sel.prefix = xstrdup(store_col(q, 5));
		n->sel.suffix = xstrdup(store_col(q, 6));
		n->section = store_dupcol(q, 7);
		n->text = xstrdup(store_col(q, 8));
		snprintf(n->doc_id, sizeof n->doc_id, "%s", doc_id);
		rc = 0;
	}
	sqlite3_finalize(q);
	if (rc == 0 && !st->readonly) {
		q = store_prep(st, "DELETE FROM draft WHERE doc_id = ?");
		store_bind(q, 1, doc_id);
		store_done(st, q);
	}
	return rc;
}

long long
store_data_version(struct store *st)
{
	sqlite3_stmt	*q = store_prep(st, "PRAGMA data_version");
	long long	 v = -1;

	if (q != NULL && sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}
