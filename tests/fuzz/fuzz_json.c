/*
 * fuzz_json: importing notes (json.c, export.c, anchor.c).  The input is
 * a JSON file as --import reads it.  Checked: the reader takes it or
 * gives a reason; every item it turns into a note has a sound position
 * (start <= end), exports back to JSON that imports as the same note, and
 * re-attaches inside any text (the input itself here) even when its hash
 * says the numbers are to be trusted; the Markdown export of it is safe
 * for a terminal.
 */
#include "anchor.h"
#include "export.h"
#include "fuzz.h"

/* A tree as json.h promises it: keys for object members, strings set. */
static void
fuzz_json_walk(const struct json *j, int depth)
{
	size_t	i;

	FUZZ_CHECK(depth <= 66);
	FUZZ_CHECK(j->type >= JSON_NULL && j->type <= JSON_OBJECT);
	if (j->type == JSON_STRING)
		FUZZ_CHECK(j->str != NULL);
	if (j->type == JSON_OBJECT)
		FUZZ_CHECK(j->n == 0 || j->keys != NULL);
	for (i = 0; i < j->n; i++) {
		if (j->type == JSON_OBJECT)
			FUZZ_CHECK(j->keys[i] != NULL);
		fuzz_json_walk(&j->v[i], depth + 1);
	}
}

static int
fuzz_json_utf8(const char *s)
{
	return s == NULL || u8_check((const uint8_t *)s, strlen(s)) == NULL;
}

/* Exports a note and imports it again: the same note comes back. */
static void
fuzz_json_round_trip(const struct note *k, const char *title,
    const char *path)
{
	struct export_doc	 ed = { k->doc_id, title, path, NULL, 1 };
	struct note		 copy = *k, back;
	struct json		*j;
	char			*out = NULL, *cause = NULL;
	const char		*t, *p, *why;
	size_t			 len = 0;
	FILE			*f;
	int			 first = 1;

	ed.notes = &copy;
	FUZZ_CHECK((f = open_memstream(&out, &len)) != NULL);
	export_json_begin(f);
	export_json_doc(f, &ed, &first);
	export_json_end(f);
	fclose(f);
	j = json_parse(out, len, &cause);
	FUZZ_CHECK(j != NULL);
	FUZZ_CHECK(json_get(j, "items") != NULL &&
	    json_get(j, "items")->n == 1);
	FUZZ_CHECK(export_note_from_json(&json_get(j, "items")->v[0], &back,
	    &t, &p, &why) == 0);
	/* Bytes that are not UTF-8 come back as U+FFFD: not in JSON. */
	FUZZ_CHECK(!fuzz_json_utf8(k->id) || strcmp(back.id, k->id) == 0);
	FUZZ_CHECK(back.kind == k->kind);
	FUZZ_CHECK(!fuzz_json_utf8(k->sel.exact) ||
	    strcmp(back.sel.exact, k->sel.exact) == 0);
	FUZZ_CHECK(back.sel.start == k->sel.start &&
	    back.sel.end == k->sel.end);
	FUZZ_CHECK(back.text != NULL && (!fuzz_json_utf8(k->text) ||
	    strcmp(back.text, k->text ? k->text : "") == 0));
	note_clear(&back);
	json_free(j);
	free(out);
	/* The Markdown export shows it, safely. */
	FUZZ_CHECK((f = open_memstream(&out, &len)) != NULL);
	export_markdown(f, &ed);
	fclose(f);
	FUZZ_CHECK(fuzz_safe(out, len, 1));
	free(out);
}

static void
fuzz_json_item(const struct json *it, const uint8_t *p, size_t n)
{
	struct note		 k;
	struct anchor_hit	 h;
	const char		*title, *path, *why = NULL;

	if (export_note_from_json(it, &k, &title, &path, &why) != 0) {
		FUZZ_CHECK(why != NULL && *why != '\0');
		return;
	}
	FUZZ_CHECK(k.sel.start <= k.sel.end && k.sel.exact != NULL);
	anchor_resolve((const char *)p, n, k.sel.sha, &k.sel, &h);
	FUZZ_CHECK(h.state == ANCHOR_ORPHAN ||
	    (h.start <= h.end && h.end <= n));
	fuzz_json_round_trip(&k, title, path);
	note_clear(&k);
}

int
LLVMFuzzerTestOneInput(const uint8_t *p, size_t n)
{
	struct json		*j;
	const struct json	*items;
	char			*cause = NULL;
	size_t			 i;

	fuzz_init();
	if ((j = json_parse((const char *)p, n, &cause)) == NULL) {
		FUZZ_CHECK(cause != NULL && strchr(cause, '\n') == NULL);
		free(cause);
		return 0;
	}
	fuzz_json_walk(j, 0);
	items = json_get(j, "items");
	for (i = 0; items != NULL && i < items->n && i < 64; i++)
		fuzz_json_item(&items->v[i], p, n);
	json_free(j);
	return 0;
}
