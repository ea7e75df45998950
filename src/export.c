/* export.c: Markdown and JSON exports of annotations (see export.h). */
#include <string.h>

#include "export.h"

static int
export_placed(const struct note *n)
{
	return strcmp(n->state, "orphaned") != 0 &&
	    strcmp(n->state, "ambiguous") != 0;
}

/* A quote, every line prefixed with "> ". */
static void
export_quote(FILE *f, const char *q)
{
	fputs("> ", f);
	for (; *q != '\0'; q++) {
		if (*q == '\r')
			continue;
		fputc(*q, f);
		if (*q == '\n' && q[1] != '\0')
			fputs("> ", f);
	}
	fputc('\n', f);
}

static void
export_md_note(FILE *f, const struct note *n)
{
	if (n->kind == NOTE_BOOKMARK)
		fprintf(f, "- Bookmark%s%s: %.60s%s\n", n->text && *n->text ?
		    " " : "", n->text ? n->text : "", n->sel.exact,
		    strlen(n->sel.exact) > 60 ? "…" : "");
	else {
		fputc('\n', f);
		export_quote(f, n->shown != NULL ? n->shown : n->sel.exact);
		if (n->text != NULL && *n->text != '\0')
			fprintf(f, "\n%s\n", n->text);
		fprintf(f, "\n*%s, %.10s%s%s*\n", note_kind_name(n->kind),
		    n->created, strcmp(n->state, "anchored") == 0 ? "" : ", ",
		    strcmp(n->state, "anchored") == 0 ? "" : n->state);
	}
}

void
export_markdown(FILE *f, const struct export_doc *d)
{
	const char	*section = NULL;
	size_t		 i, lost = 0;

	fprintf(f, "# %s\n\n", d->title && *d->title ? d->title :
	    d->path ? d->path : "(untitled)");
	if (d->path != NULL)
		fprintf(f, "File: `%s`\n", d->path);
	for (i = 0; i < d->n; i++) {
		const struct note *n = &d->notes[i];
		const char *s = n->section && *n->section ? n->section :
		    "(before the first section)";

		if (!export_placed(n)) {
			lost++;
			continue;
		}
		if (section == NULL || strcmp(section, s) != 0) {
			fprintf(f, "\n## %s\n", s);
			section = s;
		}
		export_md_note(f, n);
	}
	if (lost > 0) {
		fprintf(f, "\n## Orphaned or ambiguous\n\nThese passages were "
		    "not found again as they were; the notes are kept.\n");
		for (i = 0; i < d->n; i++)
			if (!export_placed(&d->notes[i]))
				export_md_note(f, &d->notes[i]);
	}
	fputc('\n', f);
}

void
export_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\r')
			fputs("\\r", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
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
