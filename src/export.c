/* export.c: Markdown and JSON exports of annotations (see export.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "export.h"
#include "sanitize.h"
#include "utf8.h"
#include "xmalloc.h"

static int
export_placed(const struct note *n)
{
	return strcmp(n->state, "orphaned") != 0 &&
	    strcmp(n->state, "ambiguous") != 0;
}

/* Appends printf-style text to b. */
static void __attribute__((__format__(__printf__, 2, 3)))
export_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s == NULL)
		s = xstrdup("");	/* out of memory: its hook says so */
	buf_adds(b, s);
	free(s);
}

/* A quote, every line prefixed with "> ". */
static void
export_quote(struct buf *b, const char *q)
{
	buf_adds(b, "> ");
	for (; *q != '\0'; q++) {
		if (*q == '\r')
			continue;
		buf_addc(b, *q);
		if (*q == '\n' && q[1] != '\0')
			buf_adds(b, "> ");
	}
	buf_addc(b, '\n');
}

static void
export_md_note(struct buf *b, const struct note *n)
{
	if (n->kind == NOTE_BOOKMARK)
		export_printf(b, "- Bookmark%s%s: %.60s%s\n", n->text &&
		    *n->text ? " " : "", n->text ? n->text : "", n->sel.exact,
		    strlen(n->sel.exact) > 60 ? "…" : "");
	else {
		buf_addc(b, '\n');
		export_quote(b, n->shown != NULL ? n->shown : n->sel.exact);
		if (n->text != NULL && *n->text != '\0')
			export_printf(b, "\n%s\n", n->text);
		export_printf(b, "\n*%s, %.10s%s%s*\n", note_kind_name(n->kind),
		    n->created, strcmp(n->state, "anchored") == 0 ? "" : ", ",
		    strcmp(n->state, "anchored") == 0 ? "" : n->state);
	}
}

static void
export_md_doc(struct buf *b, const struct export_doc *d)
{
	const char	*section = NULL;
	size_t		 i, lost = 0;

	export_printf(b, "# %s\n\n", d->title && *d->title ? d->title :
	    d->path ? d->path : "(untitled)");
	if (d->path != NULL)
		export_printf(b, "File: `%s`\n", d->path);
	for (i = 0; i < d->n; i++) {
		const struct note *n = &d->notes[i];
		const char *s = n->section && *n->section ? n->section :
		    "(before the first section)";

		if (!export_placed(n)) {
			lost++;
			continue;
		}
		if (section == NULL || strcmp(section, s) != 0) {
			export_printf(b, "\n## %s\n", s);
			section = s;
		}
		export_md_note(b, n);
	}
	if (lost > 0) {
		buf_adds(b, "\n## Orphaned or ambiguous\n\nThese passages were "
		    "not found again as they were; the notes are kept.\n");
		for (i = 0; i < d->n; i++)
			if (!export_placed(&d->notes[i]))
				export_md_note(b, &d->notes[i]);
	}
	buf_addc(b, '\n');
}

/*
 * The quotes, the notes, the title and the path may hold anything a file or
 * an import brought: the whole export goes through the sanitiser.
 */
void
export_markdown(FILE *f, const struct export_doc *d)
{
	struct buf	b;

	buf_init(&b);
	export_md_doc(&b, d);
	sanitize_fputs(b.s, f);
	buf_free(&b);
}

/*
 * A character that may not reach a terminal raw: a C0 or C1 control, DEL,
 * a bidi control, a line or paragraph separator.  JSON carries it escaped.
 */
static int
export_json_escaped(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x061C ||
	    c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069);
}

void
export_json_string(FILE *f, const char *s)
{
	const uint8_t	*p = (const uint8_t *)s, *end;
	uint32_t	 c;
	int		 k;

	fputc('"', f);
	end = p != NULL ? p + strlen(s) : p;
	while (p < end) {
		k = utf8_decode(p, (size_t)(end - p), &c);
		if (c == 0xFFFD && u8_check(p, (size_t)k) != NULL)
			fputs("\\ufffd", f);	/* not UTF-8: not in JSON */
		else if (c == '"' || c == '\\')
			fprintf(f, "\\%c", (int)c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (export_json_escaped(c))
			fprintf(f, "\\u%04x", (unsigned)c);
		else
			fwrite(p, 1, (size_t)k, f);
		p += k;
	}
	fputc('"', f);
}

static void
export_json_field(FILE *f, const char *name, const char *value, int comma)
{
	fprintf(f, "%s\"%s\": ", comma ? ", " : "", name);
	if (value == NULL)
		fputs("null", f);
	else
		export_json_string(f, value);
}

static const char *
export_motivation(int kind)
{
	return kind == NOTE_BOOKMARK ? "bookmarking" : kind == NOTE_HIGHLIGHT ?
	    "highlighting" : "commenting";
}

void
export_json_begin(FILE *f)
{
	fputs("{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
	    "\"type\": \"AnnotationCollection\", \"items\": [\n", f);
}

void
export_json_doc(FILE *f, const struct export_doc *d, int *first)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		const struct note *n = &d->notes[i];
		char urn[64];

		snprintf(urn, sizeof urn, "urn:uuid:%s", n->id);
		fputs(*first ? "  {" : ",\n  {", f);
		*first = 0;
		export_json_field(f, "id", urn, 0);
		export_json_field(f, "type", "Annotation", 1);
		export_json_field(f, "motivation", export_motivation(n->kind), 1);
		export_json_field(f, "created", n->created, 1);
		export_json_field(f, "modified", n->updated, 1);
		fputs(", \"body\": {", f);
		export_json_field(f, "type", "TextualBody", 0);
		export_json_field(f, "value", n->text ? n->text : "", 1);
		export_json_field(f, "format", "text/markdown", 1);
		fputs("}, \"target\": {", f);
		export_json_field(f, "source", d->path, 0);
		export_json_field(f, "folio:document", d->doc_id, 1);
		export_json_field(f, "folio:title", d->title, 1);
		fputs(", \"state\": {", f);
		export_json_field(f, "type", "folio:ContentHash", 0);
		export_json_field(f, "sha256", n->sel.sha, 1);
		fputs("}, \"selector\": [{", f);
		export_json_field(f, "type", "TextQuoteSelector", 0);
		export_json_field(f, "exact", n->sel.exact, 1);
		export_json_field(f, "prefix", n->sel.prefix, 1);
		export_json_field(f, "suffix", n->sel.suffix, 1);
		fputs("}, {", f);
		export_json_field(f, "type", "TextPositionSelector", 0);
		fprintf(f, ", \"start\": %zu, \"end\": %zu, \"folio:unit\": "
		    "\"byte\"}]}", n->sel.start, n->sel.end);
		export_json_field(f, "folio:section", n->section, 1);
		export_json_field(f, "folio:state", n->state, 1);
		fputs("}", f);
	}
}

void
export_json_end(FILE *f)
{
	fputs("\n]}\n", f);
}

/* A member that is a string, or NULL. */
static const char *
export_jstr(const struct json *o, const char *key)
{
	const struct json	*v = json_get(o, key);

	return v != NULL && v->type == JSON_STRING ? v->str : NULL;
}

/* A copy of a member that is a string, or of dflt. */
static char *
export_jdup(const struct json *o, const char *key, const char *dflt)
{
	const char	*v = export_jstr(o, key);

	return v != NULL ? xstrdup(v) : dflt != NULL ? xstrdup(dflt) : NULL;
}

/* The selectors: the quote and its context, and its place (checked). */
static int
export_selectors(const struct json *sel, struct note *k, const char **why)
{
	const struct json	*s;
	size_t			 i;

	for (i = 0; sel != NULL && sel->type == JSON_ARRAY && i < sel->n; i++) {
		s = &sel->v[i];
		if (export_jstr(s, "exact") != NULL) {
			free(k->sel.exact);
			free(k->sel.prefix);
			free(k->sel.suffix);
			k->sel.exact = export_jdup(s, "exact", NULL);
			k->sel.prefix = export_jdup(s, "prefix", "");
			k->sel.suffix = export_jdup(s, "suffix", "");
		} else if (json_get(s, "start") != NULL) {
			if (json_size(json_get(s, "start"),
			    &k->sel.start) != 0 ||
			    (json_get(s, "end") != NULL &&
			    json_size(json_get(s, "end"), &k->sel.end) != 0)) {
				*why = "its position is not a whole number";
				return -1;
			}
			if (json_get(s, "end") == NULL)
				k->sel.end = k->sel.start;
			if (k->sel.start > k->sel.end) {
				*why = "its position starts after it ends";
				return -1;
			}
		}
	}
	if (k->sel.exact == NULL) {
		*why = "it has no quote";
		return -1;
	}
	return 0;
}

int
export_note_from_json(const struct json *it, struct note *k,
    const char **title, const char **path, const char **why)
{
	const struct json	*target = json_get(it, "target");
	const char		*id = export_jstr(it, "id"), *m;

	memset(k, 0, sizeof *k);
	*title = *path = NULL;
	if (id == NULL || target == NULL ||
	    export_jstr(target, "folio:document") == NULL) {
		*why = "it is not a folio note (no id or document)";
		return -1;
	}
	if (strncmp(id, "urn:uuid:", 9) == 0)
		id += 9;
	snprintf(k->id, sizeof k->id, "%s", id);
	snprintf(k->doc_id, sizeof k->doc_id, "%s",
	    export_jstr(target, "folio:document"));
	m = export_jstr(it, "motivation");
	k->kind = m && strcmp(m, "bookmarking") == 0 ? NOTE_BOOKMARK :
	    m && strcmp(m, "highlighting") == 0 ? NOTE_HIGHLIGHT : NOTE_NOTE;
	snprintf(k->created, sizeof k->created, "%s",
	    export_jstr(it, "created") ? export_jstr(it, "created") : "");
	snprintf(k->updated, sizeof k->updated, "%s",
	    export_jstr(it, "modified") ? export_jstr(it, "modified") : "");
	k->text = export_jdup(json_get(it, "body"), "value", NULL);
	snprintf(k->sel.sha, sizeof k->sel.sha, "%s",
	    export_jstr(json_get(target, "state"), "sha256") ?: "");
	if (export_selectors(json_get(target, "selector"), k, why) != 0) {
		note_clear(k);
		return -1;
	}
	k->section = export_jdup(it, "folio:section", NULL);
	snprintf(k->state, sizeof k->state, "%s",
	    export_jstr(it, "folio:state") ?: "anchored");
	*title = export_jstr(target, "folio:title");
	*path = export_jstr(target, "source");
	return 0;
}
