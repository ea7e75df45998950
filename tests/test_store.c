/* test_store.c: the annotation store never loses what it acknowledged. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <signal.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#include "store.h"

static char root[256];		/* the test's own temporary directory */
static char dir[300];		/* the store's directory, inside it */

static int
setup(void **state)
{
	snprintf(root, sizeof root, "/tmp/folio-store-XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(dir, sizeof dir, "%s/data", root);	/* store_open makes it */
	setenv("FOLIO_DATA_DIR", dir, 1);
	return 0;
}

/* A directory whose name needs escaping in an SQLite URI. */
static int
setup_odd_name(void **state)
{
	setup(state);
	strcat(dir, "/odd ?#% name");
	setenv("FOLIO_DATA_DIR", dir, 1);
	return 0;
}

static int
teardown(void **state)
{
	char	cmd[600];

	snprintf(cmd, sizeof cmd, "chmod -R u+w %s; rm -rf %s", root, root);
	return system(cmd) == 0 ? 0 : -1;
}

static struct store *
open_store(void)
{
	char		*cause = NULL, *notice = NULL;
	struct store	*st = store_open(&cause, &notice);

	if (st == NULL)
		fail_msg("store_open: %s", cause);
	free(notice);
	return st;
}

static void
make_note(struct note *k, const char *doc_id, int i)
{
	char	q[64];

	memset(k, 0, sizeof *k);
	snprintf(q, sizeof q, "quote %d", i);
	snprintf(k->doc_id, sizeof k->doc_id, "%s", doc_id);
	k->kind = NOTE_NOTE;
	k->sel.exact = strdup(q);
	k->sel.prefix = strdup("before ");
	k->sel.suffix = strdup(" after");
	k->sel.start = (size_t)i;
	k->sel.end = (size_t)i + 7;
	snprintf(k->sel.sha, sizeof k->sel.sha, "%064d", 0);
	k->text = strdup("a note");
}

/* A document to hang notes on; its id in doc. */
static void
new_doc(struct store *st, const char *sha, char doc[40])
{
	assert_int_equal(store_document(st, NULL, sha, "T", doc), 0);
}

static long
count_notes(struct store *st, const char *doc_id)
{
	struct note	*v;
	size_t		 n;

	assert_int_equal(store_notes(st, doc_id, &v, &n), 0);
	notes_free(v, n);
	return (long)n;
}

static void
test_round_trip(void **state)
{
	struct store	*st = open_store();
	char		 doc[40], again[40];
	struct note	 k, *v;
	size_t		 n;
	uint64_t	 pos = 0;

	assert_int_equal(store_document(st, "/x/a.txt", "aa", "Title", doc), 0);
	assert_int_equal(store_document(st, "/x/b.txt", "aa", NULL, again), 0);
	assert_string_equal(doc, again);	/* same text: same document */
	assert_int_equal(store_document(st, "/x/a.txt", "bb", NULL, again), 0);
	assert_string_equal(doc, again);	/* same path: a new version */
	make_note(&k, doc, 1);
	assert_int_equal(store_add(st, &k), 0);
	assert_int_equal(store_set_text(st, &k, "edited"), 0);
	assert_int_equal(store_notes(st, doc, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].text, "edited");
	assert_string_equal(v[0].sel.exact, "quote 1");
	notes_free(v, n);
	assert_int_equal(store_delete(st, k.id, 1), 0);
	assert_int_equal(count_notes(st, doc), 0);
	assert_int_equal(store_delete(st, k.id, 0), 0);	/* undo */
	assert_int_equal(count_notes(st, doc), 1);
	assert_int_equal(store_set_position(st, doc, 1234, NULL, -1), 0);
	assert_int_equal(store_get_position(st, doc, &pos, NULL), 0);
	assert_int_equal(pos, 1234);
	note_clear(&k);
	store_close(st);
}

static void
test_draft(void **state)
{
	struct store	*st = open_store();
	struct note	 k, back;

	make_note(&k, "doc", 3);
	free(k.text);
	k.text = strdup("half a tho");
	assert_int_equal(store_save_draft(st, "doc", &k), 0);
	store_close(st);
	st = open_store();
	assert_int_equal(store_take_draft(st, "doc", &back), 0);
	assert_string_equal(back.text, "half a tho");
	assert_string_equal(back.sel.exact, "quote 3");
	assert_int_equal(store_take_draft(st, "doc", &back) == 0, 0);
	note_clear(&k);
	note_clear(&back);
	store_close(st);
}

static void
test_permissions(void **state)
{
	struct store	*st;
	struct note	 k;
	struct stat	 sb;
	char		 path[400];
	mode_t		 old = umask(022);

	char		 doc[40];

	st = open_store();
	new_doc(st, "p", doc);
	make_note(&k, doc, 1);
	assert_int_equal(store_add(st, &k), 0);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	snprintf(path, sizeof path, "%s/annotations.sqlite3-wal", dir);
	if (stat(path, &sb) == 0)
		assert_int_equal(sb.st_mode & 0777, 0600);
	note_clear(&k);
	store_close(st);
	umask(old);
}

static void
test_symlink_refused(void **state)
{
	char		 path[400], *cause = NULL, *notice = NULL;
	struct store	*st;

	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(symlink("/tmp/elsewhere.sqlite3", path), 0);
	st = store_open(&cause, &notice);
	assert_null(st);
	assert_non_null(strstr(cause, "symbolic link"));
	free(cause);
	free(notice);
}

static void
test_damaged_set_aside(void **state)
{
	char		 path[400], *cause = NULL, *notice = NULL;
	struct store	*st = open_store();
	struct note	 k;
	FILE		*f;
	char		 doc[40];

	new_doc(st, "d", doc);
	make_note(&k, doc, 1);
	assert_int_equal(store_add(st, &k), 0);
	note_clear(&k);
	store_close(st);
	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(truncate(path, 1000), 0);	/* cut short */
	f = fopen(path, "r+");
	fputs("garbage garbage garbage", f);
	fclose(f);
	st = store_open(&cause, &notice);
	assert_non_null(st);
	assert_non_null(notice);
	assert_non_null(strstr(notice, "damaged"));
	assert_int_equal(count_notes(st, doc), 0);	/* a fresh store */
	free(notice);
	store_close(st);
	/* The damaged file is still there, beside it. */
	assert_int_equal(system("ls $FOLIO_DATA_DIR | grep -q damaged"), 0);
}

/* The read-only part, as an ordinary user (root writes anywhere). */
static int
readonly_body(const char *doc, const char *script)
{
	char		*cause = NULL, *notice = NULL, got[8];
	struct store	*st = store_open(&cause, &notice);
	struct note	 k, *v = NULL;
	size_t		 n = 0;
	uint64_t	 pos = 0;
	int		 bad = 0;

	/* No cmocka assertions here: this runs in a child, as nobody. */
	if (st == NULL || !store_readonly(st) || notice == NULL)
		return 1;
	bad |= store_notes(st, doc, &v, &n) != 0 || n != 1;	/* readable */
	bad |= store_get_position(st, doc, &pos, got) != 0 || pos != 77 ||
	    strcmp(got, script) != 0;		/* the place, as saved */
	notes_free(v, n);
	make_note(&k, doc, 2);
	bad |= store_add(st, &k) != -1;		/* refused, not lost */
	note_clear(&k);
	free(notice);
	store_close(st);
	return bad;
}

static void readonly_check(int version_1);
static void downgrade_to_1(void);

static void
test_readonly_directory(void **state)
{
	readonly_check(0);
}

/* A version 1 store that cannot be upgraded (read-only) is still read. */
static void
test_readonly_version_1(void **state)
{
	readonly_check(1);
}

static void
readonly_check(int version_1)
{
	struct store	*st = open_store();
	struct note	 k;
	char		 doc[40], cmd[600];
	int		 status;
	pid_t		 pid;

	new_doc(st, "r", doc);
	make_note(&k, doc, 1);
	assert_int_equal(store_add(st, &k), 0);
	assert_int_equal(store_set_position(st, doc, 77, "s", -1), 0);
	note_clear(&k);
	store_close(st);
	if (version_1)
		downgrade_to_1();	/* the script goes with its column */
	if (geteuid() == 0) {	/* hand the store to nobody */
		snprintf(cmd, sizeof cmd, "chown -R 65534:65534 %s/*; "
		    "chmod 0711 %s", root, root);
		assert_int_equal(system(cmd), 0);
	}
	chmod(dir, 0500);
	if ((pid = fork()) == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(2);
		_exit(readonly_body(doc, version_1 ? "" : "s"));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	chmod(dir, 0700);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* 4 processes each adding 200 notes at once: all 800 are there. */
static void
test_concurrent_writers(void **state)
{
	struct store	*st = open_store();
	pid_t		 pid[4];
	int		 i, j, status;
	char		 doc[40];

	new_doc(st, "c", doc);
	store_close(st);
	for (i = 0; i < 4; i++) {
		if ((pid[i] = fork()) == 0) {
			struct store *s = open_store();

			for (j = 0; j < 200; j++) {
				struct note k;

				make_note(&k, doc, i * 1000 + j);
				if (store_add(s, &k) != 0)
					_exit(1);
				note_clear(&k);
			}
			store_close(s);
			_exit(0);
		}
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	st = open_store();
	assert_int_equal(count_notes(st, doc), 800);
	store_close(st);
}

/* kill -9 at random moments of a write loop: every acknowledged note stays. */
static void
test_kill_during_writes(void **state)
{
	char		 acked[64][64], doc[40];
	int		 nacked = 0, round, fds[2], status;
	struct store	*st = open_store();
	sqlite3		*db;
	sqlite3_stmt	*q;
	char		 path[400];

	new_doc(st, "k", doc);
	store_close(st);
	for (round = 0; round < 8; round++) {
		pid_t	 pid;
		FILE	*in;
		char	 line[64];

		assert_int_equal(pipe(fds), 0);
		if ((pid = fork()) == 0) {
			struct store *s = open_store();
			int j;

			close(fds[0]);
			for (j = 0; ; j++) {
				struct note k;

				make_note(&k, doc, round * 100000 + j);
				if (store_add(s, &k) == 0 &&
				    (write(fds[1], k.id, strlen(k.id)) < 0 ||
				    write(fds[1], "\n", 1) < 0))
					_exit(1);
				note_clear(&k);
			}
		}
		close(fds[1]);
		usleep(20000 + (useconds_t)(rand() % 60000));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		in = fdopen(fds[0], "r");
		while (fgets(line, sizeof line, in) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			if (nacked < 64)
				snprintf(acked[nacked++], 64, "%s", line);
		}
		fclose(in);
	}
	assert_true(nacked > 0);
	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
	sqlite3_finalize(q);
	sqlite3_close(db);
	st = open_store();
	{
		struct note	*v;
		size_t		 n, i, j;

		store_notes(st, doc, &v, &n);
		for (i = 0; i < (size_t)nacked; i++) {
			for (j = 0; j < n && strcmp(v[j].id, acked[i]) != 0; j++)
				;
			assert_true(j < n);	/* acknowledged: present */
		}
		notes_free(v, n);
	}
	store_close(st);
}

static void
test_merge_is_idempotent(void **state)
{
	struct store	*st = open_store();
	struct note	 k;

	make_note(&k, "merged", 5);
	snprintf(k.id, sizeof k.id, "11111111-2222-4333-8444-555555555555");
	snprintf(k.updated, sizeof k.updated, "2026-01-01T00:00:00.000Z");
	snprintf(k.created, sizeof k.created, "2026-01-01T00:00:00.000Z");
	assert_int_equal(store_merge(st, &k, "T", "/x"), 1);
	assert_int_equal(store_merge(st, &k, "T", "/x"), 0);	/* again: nothing */
	free(k.text);
	k.text = strdup("newer");
	snprintf(k.updated, sizeof k.updated, "2026-02-01T00:00:00.000Z");
	assert_int_equal(store_merge(st, &k, "T", "/x"), 1);	/* newer wins */
	snprintf(k.updated, sizeof k.updated, "2025-01-01T00:00:00.000Z");
	assert_int_equal(store_merge(st, &k, "T", "/x"), 0);	/* older loses */
	assert_int_equal(count_notes(st, "merged"), 1);
	note_clear(&k);
	store_close(st);
}

/* Rows of a query on the store file, read with SQLite directly. */
static long
count_rows(const char *sql)
{
	char		 path[400];
	sqlite3		*db;
	sqlite3_stmt	*q;
	long		 n = -1;

	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return n;
}

/* Two sessions edit one note: neither text is lost. */
static void
test_conflicting_edits(void **state)
{
	struct store	*a = open_store(), *b = open_store();
	char		 doc[40];
	struct note	 k, mine, *v;
	size_t		 n, i;
	int		 seen_a = 0, seen_b = 0;

	new_doc(a, "cc", doc);
	make_note(&k, doc, 1);
	assert_int_equal(store_add(a, &k), 0);
	assert_int_equal(store_notes(b, doc, &v, &n), 0);	/* b reads it */
	assert_int_equal(n, 1);
	mine = v[0];		/* takes its strings */
	free(v);
	assert_int_equal(mine.rev, 1);
	assert_int_equal(store_set_text(a, &k, "text from a"), 0);
	assert_int_equal(k.rev, 2);
	assert_int_equal(store_set_text(b, &mine, "text from b"), 1);
	assert_int_equal(store_notes(a, doc, &v, &n), 0);
	assert_int_equal(n, 2);		/* a's edit, and b's beside it */
	for (i = 0; i < n; i++) {
		assert_string_equal(v[i].sel.exact, "quote 1");
		seen_a += strcmp(v[i].text, "text from a") == 0;
		seen_b += strcmp(v[i].text, "text from b") == 0;
	}
	notes_free(v, n);
	assert_int_equal(seen_a, 1);
	assert_int_equal(seen_b, 1);
	/* The text each edit replaced is kept. */
	assert_int_equal(count_rows("SELECT count(*) FROM note_revision "
	    "WHERE note = 'a note'"), 1);
	/* An edit of a note deleted elsewhere is kept too, as a copy. */
	assert_int_equal(store_delete(b, k.id, 1), 0);
	assert_int_equal(store_set_text(a, &k, "after the delete"), 1);
	assert_int_equal(count_rows("SELECT count(*) FROM annotation WHERE "
	    "note = 'after the delete' AND deleted IS NULL"), 1);
	note_clear(&k);
	note_clear(&mine);
	store_close(a);
	store_close(b);
}

/* Takes the store back to the first release's schema. */
static void
downgrade_to_1(void)
{
	char		 path[400];
	sqlite3		*db;

	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE note_revision;"
	    "ALTER TABLE annotation DROP COLUMN rev;"
	    "ALTER TABLE position DROP COLUMN script;"
	    "DROP INDEX position_by_time;"
	    "ALTER TABLE position DROP COLUMN fraction;"
	    "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Takes the store back to version 2: places without their script. */
static void
downgrade_to_2(void)
{
	char		 path[400];
	sqlite3		*db;

	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP INDEX position_by_time;"
	    "ALTER TABLE position DROP COLUMN fraction;"
	    "ALTER TABLE position DROP COLUMN script; PRAGMA user_version = 2",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/*
 * A version 2 store keeps its places through the upgrade to 3, which
 * remembers the script a document was shown in; before the upgrade, the
 * quick look before the first screen reads the place without a script.
 */
static void
test_upgrade_from_version_2(void **state)
{
	struct store	*st = open_store();
	char		 doc[40], script[8], cmd[700];
	uint64_t	 pos = 0;

	assert_int_equal(store_document(st, "/x/p.txt", "pp", "T", doc), 0);
	assert_int_equal(store_set_position(st, doc, 500, "t", -1), 0);
	assert_int_equal(store_peek_position("/x/p.txt", &pos, script), 0);
	assert_int_equal(pos, 500);
	assert_string_equal(script, "t");
	store_close(st);
	downgrade_to_2();
	assert_int_equal(store_peek_position("/x/p.txt", &pos, script), 0);
	assert_int_equal(pos, 500);
	assert_string_equal(script, "");
	st = open_store();
	assert_int_equal(count_rows("PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(store_get_position(st, doc, &pos, script), 0);
	assert_int_equal(pos, 500);
	assert_string_equal(script, "");
	assert_int_equal(store_set_position(st, doc, 600, "tw", -1), 0);
	assert_int_equal(store_get_position(st, doc, &pos, script), 0);
	assert_int_equal(pos, 600);
	assert_string_equal(script, "tw");
	assert_int_equal(store_peek_position("/x/p.txt", &pos, script), 0);
	assert_string_equal(script, "tw");
	assert_int_equal(store_set_position(st, doc, 700, NULL, -1), 0);
	assert_int_equal(store_get_position(st, doc, &pos, NULL), 0);
	assert_int_equal(store_peek_position("/x/p.txt", &pos, script), 0);
	assert_int_equal(pos, 700);
	assert_string_equal(script, "");	/* as written again */
	store_close(st);
	snprintf(cmd, sizeof cmd, "ls %s/backups | grep -q -- "
	    "'-before-upgrade.sqlite3$'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Takes the store back to version 3: places without how far they are. */
static void
downgrade_to_3(void)
{
	char		 path[400];
	sqlite3		*db;

	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP INDEX position_by_time;"
	    "ALTER TABLE position DROP COLUMN fraction; PRAGMA user_version = 3",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/*
 * The history: documents whose place was saved, the last read first, with
 * their title, last path, place, how far and notes; a document read from
 * standard input (no path) is not in it; forgetting one takes it off.
 */
static void
test_history(void **state)
{
	struct store		*st = open_store();
	struct store_hist	*v;
	struct note		 k;
	size_t			 n;
	char			 a[40], b[40], c[40];
	struct timespec		 ms = { 0, 3 * 1000 * 1000 };

	assert_int_equal(store_history(NULL, 10, &v, &n), 0);
	assert_int_equal(n, 0);		/* a new store: nothing read */
	assert_int_equal(store_document(st, "/d/a.txt", "aa", "Alpha", a), 0);
	assert_int_equal(store_document(st, "/d/b.txt", "bb", NULL, b), 0);
	assert_int_equal(store_document(st, NULL, "cc", "Piped", c), 0);
	assert_int_equal(store_set_position(st, a, 10, NULL, 0.25), 0);
	nanosleep(&ms, NULL);
	assert_int_equal(store_set_position(st, b, 20, "s", 1.0), 0);
	nanosleep(&ms, NULL);
	assert_int_equal(store_set_position(st, c, 30, NULL, 0.5), 0);
	make_note(&k, a, 1);
	assert_int_equal(store_add(st, &k), 0);
	note_clear(&k);
	make_note(&k, a, 2);
	assert_int_equal(store_add(st, &k), 0);
	assert_int_equal(store_delete(st, k.id, 1), 0);	/* not counted */
	note_clear(&k);
	/* Moved: the same text read from another path is the same document. */
	nanosleep(&ms, NULL);
	assert_int_equal(store_document(st, "/e/b-moved.txt", "bb", NULL, b), 0);
	assert_int_equal(store_history(st, 10, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].doc_id, b);
	assert_null(v[0].title);
	assert_string_equal(v[0].path, "/e/b-moved.txt");
	assert_int_equal(v[0].pos, 20);
	assert_true(v[0].fraction == 1.0);
	assert_int_equal(v[0].notes, 0);
	assert_string_equal(v[1].title, "Alpha");
	assert_string_equal(v[1].path, "/d/a.txt");
	assert_true(v[1].fraction == 0.25);
	assert_int_equal(v[1].notes, 1);
	assert_true(strcmp(v[0].when, v[1].when) > 0);
	store_history_free(v, n);
	/* Read again: the first; the quick look sees the same. */
	nanosleep(&ms, NULL);
	assert_int_equal(store_set_position(st, a, 11, NULL, -1), 0);
	assert_int_equal(store_history(NULL, 1, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].doc_id, a);
	assert_true(v[0].fraction < 0);		/* not known */
	store_history_free(v, n);
	assert_int_equal(store_forget_position(st, a), 0);
	assert_int_equal(store_history(st, 10, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].doc_id, b);
	store_history_free(v, n);
	assert_int_equal(count_notes(st, a), 1);	/* its notes stay */
	store_close(st);
}

/*
 * A version 3 store keeps its places through the upgrade to 4 (how far
 * a place is, for the history); before it, the history reads them with
 * no fraction.
 */
static void
test_upgrade_from_version_3(void **state)
{
	struct store		*st = open_store();
	struct store_hist	*v;
	size_t			 n;
	char			 doc[40], script[8];
	uint64_t		 pos = 0;

	assert_int_equal(store_document(st, "/x/q.txt", "qq", "Q", doc), 0);
	assert_int_equal(store_set_position(st, doc, 900, "s", 0.5), 0);
	store_close(st);
	downgrade_to_3();
	assert_int_equal(store_history(NULL, 10, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].pos, 900);
	assert_true(v[0].fraction < 0);
	store_history_free(v, n);
	assert_int_equal(store_peek_position("/x/q.txt", &pos, script), 0);
	assert_string_equal(script, "s");
	st = open_store();
	assert_int_equal(count_rows("PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(store_get_position(st, doc, &pos, script), 0);
	assert_int_equal(pos, 900);
	assert_string_equal(script, "s");
	assert_int_equal(store_set_position(st, doc, 950, "s", 0.75), 0);
	assert_int_equal(store_history(st, 10, &v, &n), 0);
	assert_true(v[0].fraction == 0.75);
	store_history_free(v, n);
	store_close(st);
}

/* A version 1 store is upgraded in place, and backed up first. */
static void
test_upgrade_from_version_1(void **state)
{
	struct store	*st = open_store();
	char		 doc[40], cmd[700];
	struct note	 k;

	new_doc(st, "dd", doc);
	make_note(&k, doc, 3);
	assert_int_equal(store_add(st, &k), 0);
	store_close(st);
	downgrade_to_1();
	st = open_store();
	assert_int_equal(count_rows("PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(count_notes(st, doc), 1);
	assert_int_equal(store_set_text(st, &k, "edited after"), 0);
	store_close(st);
	snprintf(cmd, sizeof cmd, "ls %s/backups | grep -q -- "
	    "'-before-upgrade.sqlite3$'", dir);
	assert_int_equal(system(cmd), 0);
	note_clear(&k);
}

/* A store made by a newer folio is read, not written. */
static void
test_newer_store_read_only(void **state)
{
	struct store	*st = open_store();
	char		 path[400], *cause = NULL, *notice = NULL;
	sqlite3		*db;

	store_close(st);
	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = store_open(&cause, &notice);
	assert_non_null(st);
	assert_true(store_readonly(st));
	assert_non_null(notice);
	assert_non_null(strstr(notice, "newer folio"));
	assert_int_equal(count_rows("PRAGMA user_version"), 99);
	free(notice);
	store_close(st);
}

/* Another program's SQLite database at the store's path is never written. */
static void
test_foreign_database(void **state)
{
	char		 path[400], cmd[900], *cause = NULL, *notice = NULL;
	sqlite3		*db;
	struct store	*st = open_store();	/* makes the directory */

	store_close(st);
	snprintf(path, sizeof path, "%s/annotations.sqlite3", dir);
	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA application_id = 1234;"
	    "CREATE TABLE mine (x);", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s.orig'", path, path);
	assert_int_equal(system(cmd), 0);
	st = store_open(&cause, &notice);
	assert_non_null(st);
	assert_true(store_readonly(st));
	assert_non_null(notice);
	assert_non_null(strstr(notice, "not folio's"));
	store_close(st);
	free(notice);
	snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s.orig'", path, path);
	assert_int_equal(system(cmd), 0);	/* not a byte changed */
	assert_int_equal(count_rows("PRAGMA application_id"), 1234);
	assert_int_equal(count_rows("SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'annotation'"), 0);
	/* And a new store is folio's. */
	unlink(path);
	st = open_store();
	store_close(st);
	assert_int_equal(count_rows("PRAGMA application_id"), 0x666F6C69);
}

/* One backup a day, 0600, a working copy; the newest 7 are kept. */
static void
test_daily_backups(void **state)
{
	struct store	*st = open_store();
	char		 doc[40], cmd[1400], path[400];
	struct note	 k;
	struct stat	 sb;
	int		 i;

	new_doc(st, "ee", doc);
	make_note(&k, doc, 4);
	assert_int_equal(store_add(st, &k), 0);
	assert_int_equal(store_backup_daily(st), 1);
	assert_int_equal(store_backup_daily(st), 0);	/* not due again */
	snprintf(cmd, sizeof cmd, "test $(ls %s/backups | wc -l) = 1", dir);
	assert_int_equal(system(cmd), 0);
	/* The copy opens as a store with the note in it. */
	snprintf(cmd, sizeof cmd, "mkdir %s/restore && cp %s/backups/* "
	    "%s/restore/annotations.sqlite3", dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof path, "%s/restore/annotations.sqlite3", dir);
	assert_int_equal(stat(path, &sb), 0);
	snprintf(cmd, sizeof cmd, "ls -l %s/backups | grep -q '^-rw-------'", dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof path, "%s/restore", dir);
	setenv("FOLIO_DATA_DIR", path, 1);
	{
		struct store	*r = open_store();

		assert_int_equal(count_notes(r, doc), 1);
		store_close(r);
	}
	setenv("FOLIO_DATA_DIR", dir, 1);
	/* Nine old ones (two days old): a new one is due; 7 are left. */
	for (i = 0; i < 9; i++) {
		snprintf(cmd, sizeof cmd, "touch -d '2 days ago' "
		    "%s/backups/annotations-2020-01-0%dT00:00:00.sqlite3", dir,
		    i + 1);
		assert_int_equal(system(cmd), 0);
	}
	snprintf(cmd, sizeof cmd, "touch -d '2 days ago' %s/backups/*", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_backup_daily(st), 1);
	snprintf(cmd, sizeof cmd, "test $(ls %s/backups | wc -l) = 7 && "
	    "! test -e %s/backups/annotations-2020-01-01T00:00:00.sqlite3",
	    dir, dir);
	assert_int_equal(system(cmd), 0);
	note_clear(&k);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_draft, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_damaged_set_aside, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_readonly_directory, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_readonly_directory,
		    setup_odd_name, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_version_1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_writers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_kill_during_writes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_conflicting_edits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_from_version_3, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_from_version_2, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_from_version_1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_newer_store_read_only, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_daily_backups, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_foreign_database, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_merge_is_idempotent, setup,
		    teardown),
	};

	return UNIT_RUN(tests);
}
