/*
 * notes.c: a document's annotations in the program: finding the document
 * in the store, re-attaching its notes to the text as it is now, and the
 * non-interactive --notes, --export and --import.
 */
#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "anchor.h"
#include "buf.h"
#include "export.h"
#include "history.h"
#include "json.h"
#include "notes.h"
#include "passage.h"
#include "sanitize.h"
#include "sha256.h"
#include "xmalloc.h"

/* The canonical path of a file, or NULL for standard input. */
static char *
notes_realpath(const char *path)
{
	char	buf[PATH_MAX];

	if (path == NULL || strcmp(path, "-") == 0)
		return NULL;
	if (realpath(path, buf) == NULL)
		return xstrdup(path);
	return xstrdup(buf);
}

/* --- A known document under another name ---------------------------- */

#define NOTES_SIMILAR_MAX_TEXT	(4u << 20)	/* larger texts: not looked at */
#define NOTES_SIMILAR_DOCS	32
#define NOTES_SIMILAR_SAMPLE	8
#define NOTES_SIMILAR_QUOTE	12	/* bytes: shorter quotes prove little */

struct similar {
	struct notes	*ns;
	const char	*src;
	size_t		 n;
	int		 docs;
	char		 doc_id[40];
	char		*title;
	size_t		 found, total;
};

/* Is s long enough to prove something? */
static int
notes_long(const char *s)
{
	return s != NULL && strlen(s) >= NOTES_SIMILAR_QUOTE;
}

/* Is s (if long enough to prove something) in the text? */
static int
notes_has(const struct similar *sm, const char *s)
{
	return notes_long(s) && memmem(sm->src, sm->n, s, strlen(s)) != NULL;
}

/*
 * Is a note's passage in this text: the quote, or the text just before
 * or after it (a typo fixed in the quote itself)?  Only memmem: this runs
 * on every first opening of a document.
 */
static int
notes_quote_here(struct similar *sm, const struct note *k)
{
	return notes_has(sm, k->sel.exact) || notes_has(sm, k->sel.prefix) ||
	    notes_has(sm, k->sel.suffix);
}

/* How many of a document's (long enough) quotes are in this text. */
static void
notes_similar_doc(void *arg, const char *doc_id, const char *title,
    const char *path, const char *sha)
{
	struct similar	*sm = arg;
	struct note	*v;
	size_t		 n, i, found = 0, total = 0;

	(void)sha;
	if (sm->docs++ >= NOTES_SIMILAR_DOCS ||
	    store_notes(sm->ns->st, doc_id, &v, &n) != 0)
		return;
	for (i = 0; i < n && total < NOTES_SIMILAR_SAMPLE; i++) {
		const struct anchor_sel *q = &v[i].sel;

		if (!notes_long(q->exact) && !notes_long(q->prefix) &&
		    !notes_long(q->suffix))
			continue;	/* too little to go by */
		total++;
		found += notes_quote_here(sm, &v[i]);
	}
	notes_free(v, n);
	/* Most of them, and more than the best so far. */
	if (found > 0 && found * 5 >= total * 3 && (sm->total == 0 ||
	    found * sm->total > sm->found * total)) {
		snprintf(sm->doc_id, sizeof sm->doc_id, "%s", doc_id);
		free(sm->title);
		sm->title = xstrdup(title != NULL && *title ? title :
		    path != NULL && strrchr(path, '/') != NULL ?
		    strrchr(path, '/') + 1 : "an earlier document");
		sm->found = found;
		sm->total = total;
	}
}

int
notes_similar(struct notes *ns, char doc_id[40], char **title,
    size_t *found, size_t *total)
{
	struct similar	sm;

	memset(&sm, 0, sizeof sm);
	sm.ns = ns;
	sm.src = doc_source(ns->d, &sm.n);
	*title = NULL;
	if (ns->st == NULL || store_readonly(ns->st) ||
	    sm.n > NOTES_SIMILAR_MAX_TEXT ||
	    store_identify(ns->st, ns->path, ns->sha, doc_id) == 0)
		return 0;	/* nothing to ask: known, or cannot record */
	store_documents(ns->st, notes_similar_doc, &sm);
	if (sm.found == 0)
		return 0;
	snprintf(doc_id, 40, "%s", sm.doc_id);
	*title = sm.title;
	*found = sm.found;
	*total = sm.total;
	return 1;
}

/* Where reading stopped in the document at path, from a quick look. */
int
notes_peek_position(const char *path, uint64_t *pos, char script[8])
{
	char	*real = notes_realpath(path);
	int	 rc = store_peek_position(real, pos, script);

	free(real);
	return rc;
}

/* Works out k's passage as the reader shows it (passage.h), if it differs. */
static void
notes_shown(struct notes *ns, struct note *k)
{
	int	placed = k->hit.state < ANCHOR_AMBIGUOUS;

	free(k->shown);
	k->shown = ns->d != NULL && placed ? passage_quote_shown(ns->d,
	    k->hit.start, k->hit.end, k->sel.exact) :
	    passage_quote_shown(NULL, 0, 0, k->sel.exact);
	k->shown_done = 1;
}

void
notes_show(struct notes *ns)
{
	size_t	i;

	for (i = 0; i < ns->n; i++)
		notes_shown(ns, &ns->v[i]);
}

void
notes_unshow(struct notes *ns)
{
	size_t	i;

	for (i = 0; i < ns->n; i++)
		ns->v[i].shown_done = 0;
}

const char *
notes_quote(struct notes *ns, struct note *k)
{
	if (!k->shown_done)
		notes_shown(ns, k);
	return k->shown != NULL ? k->shown : k->sel.exact;
}

/* Resolves every note on the document's text; records changed states. */
void
notes_resolve(struct notes *ns)
{
	size_t		 i, n;
	const char	*src = doc_source(ns->d, &n);

	for (i = 0; i < ns->n; i++) {
		struct note	*k = &ns->v[i];
		const char	*state;

		anchor_resolve(src, n, ns->sha, &k->sel, &k->hit);
		k->shown_done = 0;	/* where it is may have changed */
		state = anchor_state_name(k->hit.state);
		if (strcmp(state, k->state) != 0 && ns->st != NULL &&
		    !k->unsaved)
			store_set_state(ns->st, k->id, state);
		snprintf(k->state, sizeof k->state, "%s", state);
	}
}

int
notes_load(struct notes *ns)
{
	struct note	*v = NULL;
	size_t		 n = 0, i, keep = 0;

	if (ns->st != NULL && store_notes(ns->st, ns->doc_id, &v, &n) != 0)
		return -1;
	/* Unsaved notes stay. */
	for (i = 0; i < ns->n; i++)
		if (ns->v[i].unsaved)
			keep++;
	v = xreallocarray(v, n + keep + 1, sizeof *v);
	for (i = 0; i < ns->n; i++) {
		if (ns->v[i].unsaved)
			v[n++] = ns->v[i];
		else
			note_clear(&ns->v[i]);
	}
	free(ns->v);
	ns->v = v;
	ns->n = n;
	notes_resolve(ns);
	if (ns->st != NULL)
		ns->version = store_data_version(ns->st);
	return 0;
}

int
notes_begin(struct notes *ns, struct doc *d, const char *path)
{
	char	*cause = NULL;

	memset(ns, 0, sizeof *ns);
	ns->d = d;
	ns->path = notes_realpath(path);
	ns->st = store_open(&cause, &ns->notice);
	if (ns->st == NULL) {
		free(ns->notice);
		ns->notice = xmalloc(strlen(cause) + 32);
		sprintf(ns->notice, "notes cannot be saved: %s", cause);
		ns->cause = cause;
		store_uuid(ns->doc_id);
		return -1;
	}
	if (ns->path != NULL)
		store_find_path(ns->st, ns->path, ns->doc_id);
	return 0;
}

int
notes_finish(struct notes *ns, int create)
{
	char	*title;
	int	 rc = 0;

	if (ns->st == NULL)
		return create ? 0 : -1;
	title = doc_title_as(ns->d, 1);	/* as written, whatever the view */
	if (create)
		rc = store_document(ns->st, ns->path, ns->sha, title,
		    ns->doc_id);
	else
		rc = store_identify(ns->st, ns->path, ns->sha, ns->doc_id);
	free(title);
	if (rc != 0)
		return -1;
	return notes_load(ns);
}

int
notes_open(struct notes *ns, struct doc *d, const char *path, int create)
{
	size_t		 n;
	const char	*src = doc_source(d, &n);

	if (notes_begin(ns, d, path) != 0 && !create)
		return -1;
	sha256_hex(src, n, ns->sha);
	return notes_finish(ns, create);
}

void
notes_close(struct notes *ns)
{
	notes_free(ns->v, ns->n);
	store_close(ns->st);
	free(ns->path);
	free(ns->notice);
	free(ns->cause);
	memset(ns, 0, sizeof *ns);
}

/* Adds a note, saved if it can be; returns 0 if saved, -1 if kept only. */
int
notes_add(struct notes *ns, struct note *k)
{
	size_t	n;
	int	rc = -1;

	snprintf(k->doc_id, sizeof k->doc_id, "%s", ns->doc_id);
	if (ns->st != NULL && !store_readonly(ns->st))
		rc = store_add(ns->st, k);
	if (rc != 0) {
		if (k->id[0] == '\0')
			store_uuid(k->id);
		if (k->created[0] == '\0')
			store_now(k->created);
		snprintf(k->updated, sizeof k->updated, "%s", k->created);
		k->unsaved = 1;
	}
	ns->v = xreallocarray(ns->v, ns->n + 1, sizeof *ns->v);
	ns->v[ns->n++] = *k;
	doc_source(ns->d, &n);
	notes_resolve(ns);
	if (ns->st != NULL && rc == 0)
		ns->version = store_data_version(ns->st);
	memset(k, 0, sizeof *k);
	return rc;
}

/* Captures source bytes [a, b) as a new note of a kind. */
void
notes_capture(struct notes *ns, size_t a, size_t b, int kind,
    const char *section, struct note *k)
{
	size_t		 n;
	const char	*src = doc_source(ns->d, &n);

	memset(k, 0, sizeof *k);
	k->kind = kind;
	anchor_capture(src, n, a, b, ns->sha, &k->sel);
	k->section = section != NULL ? xstrdup(section) : NULL;
	snprintf(k->state, sizeof k->state, "anchored");
}

/* --- Non-interactive ----------------------------------------------------- */

static void
notes_export_doc(struct notes *ns, const char *title, int json, int *first)
{
	struct export_doc	ed;

	ed.doc_id = ns->doc_id;
	ed.title = title;
	ed.path = ns->path;
	ed.notes = ns->v;
	ed.n = ns->n;
	if (json)
		export_json_doc(stdout, &ed, first);
	else {
		notes_show(ns);
		export_markdown(stdout, &ed);
	}
}

int
notes_print(struct doc *d, const char *path, int json)
{
	struct notes	 ns;
	char		*title = doc_title(d);
	int		 first = 1;

	if (notes_open(&ns, d, path, 0) != 0) {
		if (json) {
			export_json_begin(stdout);
			export_json_end(stdout);
		} else
			printf("# %s\n\nNo notes.\n", title ? title : path);
		free(title);
		notes_close(&ns);
		return 0;
	}
	if (json)
		export_json_begin(stdout);
	notes_export_doc(&ns, title, json, &first);
	if (json)
		export_json_end(stdout);
	free(title);
	notes_close(&ns);
	return fflush(stdout) == 0 ? 0 : -1;
}

struct notes_all {
	struct store	*st;
	int		 json;
	int		 first;
	size_t		 docs;		/* documents exported */
};

/* One document of --export without FILE: resolved if its file is there. */
static void
notes_export_one(void *arg, const char *doc_id, const char *title,
    const char *path, const char *sha)
{
	struct notes_all	*all = arg;
	struct doc_opts		 o = { .force = 1 };
	struct notes		 ns;
	struct doc		*d;
	char			*cause = NULL;

	memset(&ns, 0, sizeof ns);
	all->docs++;
	d = *path ? doc_open(path, &o, &cause) : NULL;
	free(cause);
	snprintf(ns.doc_id, sizeof ns.doc_id, "%s", doc_id);
	ns.path = *path ? xstrdup(path) : NULL;
	ns.st = all->st;
	store_notes(all->st, doc_id, &ns.v, &ns.n);
	if (d != NULL) {
		size_t		 n;
		const char	*src = doc_source(d, &n);

		ns.d = d;
		sha256_hex(src, n, ns.sha);
		notes_resolve(&ns);
	}
	(void)sha;
	notes_export_doc(&ns, title, all->json, &all->first);
	notes_free(ns.v, ns.n);
	free(ns.path);
	doc_free(d);
}

int
notes_export_all(int json)
{
	struct notes_all	 all;
	char			*cause = NULL, *notice = NULL;

	memset(&all, 0, sizeof all);
	all.json = json;
	all.first = 1;
	if ((all.st = store_open(&cause, &notice)) == NULL) {
		fprintf(stderr, "folio: %s\n", cause);
		free(cause);
		return 1;
	}
	if (notice != NULL)
		fprintf(stderr, "folio: %s\n", notice);
	free(notice);
	if (json)
		export_json_begin(stdout);
	store_documents(all.st, notes_export_one, &all);
	if (json)
		export_json_end(stdout);
	else if (all.docs == 0)
		printf("# Notes\n\nNo notes yet: in the reader, a writes one, "
		    "H highlights, m bookmarks.\n");
	if (all.docs == 0)
		fprintf(stderr, "folio: no notes yet (in %s)\n",
		    store_path(all.st));
	store_close(all.st);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* --- Import -------------------------------------------------------------- */

static const char *
notes_jstr(const struct json *o, const char *key)
{
	const struct json	*v = json_get(o, key);

	return v != NULL && v->type == JSON_STRING ? v->str : NULL;
}

/* One item of an exported collection as a note; 0 if usable. */
static int
notes_from_json(const struct json *it, struct note *k, const char **title,
    const char **path)
{
	const struct json	*target = json_get(it, "target"), *sel, *s;
	const char		*id = notes_jstr(it, "id"), *m;
	size_t			 i;

	memset(k, 0, sizeof *k);
	if (id == NULL || target == NULL || notes_jstr(target,
	    "folio:document") == NULL)
		return -1;
	if (strncmp(id, "urn:uuid:", 9) == 0)
		id += 9;
	snprintf(k->id, sizeof k->id, "%s", id);
	snprintf(k->doc_id, sizeof k->doc_id, "%s",
	    notes_jstr(target, "folio:document"));
	m = notes_jstr(it, "motivation");
	k->kind = m && strcmp(m, "bookmarking") == 0 ? NOTE_BOOKMARK :
	    m && strcmp(m, "highlighting") == 0 ? NOTE_HIGHLIGHT : NOTE_NOTE;
	snprintf(k->created, sizeof k->created, "%s",
	    notes_jstr(it, "created") ? notes_jstr(it, "created") : "");
	snprintf(k->updated, sizeof k->updated, "%s",
	    notes_jstr(it, "modified") ? notes_jstr(it, "modified") : "");
	if (json_get(it, "body") != NULL && notes_jstr(json_get(it, "body"),
	    "value") != NULL)
		k->text = xstrdup(notes_jstr(json_get(it, "body"), "value"));
	if (json_get(target, "state") != NULL)
		snprintf(k->sel.sha, sizeof k->sel.sha, "%s",
		    notes_jstr(json_get(target, "state"), "sha256") ?: "");
	sel = json_get(target, "selector");
	for (i = 0; sel != NULL && i < sel->n; i++) {
		s = &sel->v[i];
		if (notes_jstr(s, "exact") != NULL) {
			k->sel.exact = xstrdup(notes_jstr(s, "exact"));
			k->sel.prefix = xstrdup(notes_jstr(s, "prefix") ?: "");
			k->sel.suffix = xstrdup(notes_jstr(s, "suffix") ?: "");
		} else if (json_get(s, "start") != NULL) {
			k->sel.start = (size_t)json_get(s, "start")->num;
			k->sel.end = json_get(s, "end") ?
			    (size_t)json_get(s, "end")->num : k->sel.start;
		}
	}
	if (k->sel.exact == NULL) {
		note_clear(k);
		return -1;
	}
	k->section = notes_jstr(it, "folio:section") ?
	    xstrdup(notes_jstr(it, "folio:section")) : NULL;
	snprintf(k->state, sizeof k->state, "%s",
	    notes_jstr(it, "folio:state") ?: "anchored");
	*title = notes_jstr(target, "folio:title");
	*path = notes_jstr(target, "source");
	return 0;
}

int
notes_import(const char *file)
{
	struct json		*root;
	const struct json	*items;
	struct store		*st;
	char			*cause = NULL, *notice = NULL;
	size_t			 i, changed = 0, same = 0;
	int			 rc = 0;

	if ((root = json_parse_file(file, &cause)) == NULL) {
		fprintf(stderr, "folio: %s: %s\n", file, cause);
		free(cause);
		return 1;
	}
	items = json_get(root, "items");
	if (items == NULL || items->type != JSON_ARRAY) {
		fprintf(stderr, "folio: %s: not a folio export (no items)\n",
		    file);
		json_free(root);
		return 1;
	}
	if ((st = store_open(&cause, &notice)) == NULL ||
	    store_readonly(st)) {
		fprintf(stderr, "folio: %s\n", cause ? cause : notice);
		free(cause);
		free(notice);
		store_close(st);
		json_free(root);
		return 1;
	}
	free(notice);
	if (store_batch(st, 1) != 0) {
		fprintf(stderr, "folio: %s: cannot write the notes\n",
		    store_path(st));
		rc = 1;
		goto out;
	}
	for (i = 0; i < items->n; i++) {
		struct note	 k;
		const char	*title, *path;
		int		 r;

		if (notes_from_json(&items->v[i], &k, &title, &path) != 0)
			continue;
		r = store_merge(st, &k, title, path);
		if (r < 0)
			rc = 1;
		else if (r > 0)
			changed++;
		else
			same++;
		note_clear(&k);
	}
	if (store_batch(st, 0) != 0) {	/* one import, one transaction */
		fprintf(stderr, "folio: %s: the import was not saved\n",
		    store_path(st));
		rc = 1;
		goto out;
	}
	printf("%zu imported, %zu already up to date\n", changed, same);
out:
	store_close(st);
	json_free(root);
	return rc;
}

/* --- The documents read ------------------------------------------------ */

int
notes_history(const char *guide, struct store_hist **v, size_t *n)
{
	char	*g = guide != NULL ? notes_realpath(guide) : NULL;
	int	 rc = store_history(NULL, HISTORY_SHOWN, v, n);

	if (rc == 0)
		*n = history_drop(*v, *n, g);
	free(g);
	return rc;
}

int
notes_history_missing(const struct store_hist *h)
{
	struct stat	sb;

	return strstr(h->path, "://") == NULL && stat(h->path, &sb) != 0;
}

/* Prints s made safe to show (a file's name may hold anything). */
static void
notes_history_text(FILE *f, const char *s)
{
	char	*safe = sanitize_dup(s, strlen(s));

	fputs(safe, f);
	free(safe);
}

int
notes_history_print(const char *guide)
{
	struct store_hist	*v;
	size_t			 n, i;
	char			 place[16], when[32], notes[32];
	const char		*base;

	if (notes_history(guide, &v, &n) != 0) {
		fprintf(stderr, "folio: the history cannot be read\n");
		return 1;
	}
	if (n == 0)
		fprintf(stderr, "folio: no documents read yet\n");
	for (i = 0; i < n; i++) {
		history_place(v[i].fraction, place, sizeof place);
		history_when(v[i].when, time(NULL), when, sizeof when);
		snprintf(notes, sizeof notes, v[i].notes == 0 ? "" :
		    v[i].notes == 1 ? "1 note" : "%d notes", v[i].notes);
		printf("%3zu  %-4s %-16s %-9s ", i + 1, place, when, notes);
		base = strrchr(v[i].path, '/');
		notes_history_text(stdout, v[i].title != NULL ? v[i].title :
		    base != NULL ? base + 1 : v[i].path);
		printf("  (");
		notes_history_text(stdout, v[i].path);
		printf("%s)\n", notes_history_missing(&v[i]) ? ": missing" : "");
	}
	store_history_free(v, n);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "folio: write error\n");
		return 1;
	}
	return 0;
}
