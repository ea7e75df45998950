/*
 * export.h: a document's annotations as Markdown or as JSON in the shape of
 * the W3C Web Annotation model, for people and for other programs.
 */
#ifndef FOLIO_EXPORT_H
#define FOLIO_EXPORT_H

#include <stdio.h>

#include "json.h"
#include "store.h"

struct export_doc {
	const char	*doc_id;
	const char	*title;		/* or NULL */
	const char	*path;		/* where it was last read, or NULL */
	struct note	*notes;		/* with .state resolved */
	size_t		 n;
};

/*
 * Markdown: a heading per document, the notes grouped by section in the
 * document's order, every line of a quote prefixed with "> ", the
 * orphaned and ambiguous ones in their own sections.  All of it through
 * the sanitiser (sanitize_fputs): a quote, a note, a title or a path
 * brings no escape sequence, control or bidi override to the terminal.
 */
void	export_markdown(FILE *, const struct export_doc *);
/* JSON: opens and closes the collection around export_json_doc calls. */
void	export_json_begin(FILE *);
void	export_json_doc(FILE *, const struct export_doc *, int *first);
void	export_json_end(FILE *);
/*
 * For an import: one item of a JSON export as a note.  0 with *k filled
 * (note_clear frees it) and *title and *path pointing into the item (or
 * NULL).  -1 with *why (static) when it is not a usable note: no id,
 * document or quote, or a position that is not two whole numbers with
 * start <= end.  Nothing read is trusted further than that: the anchor
 * checks the position against the text (anchor.h).
 */
int	export_note_from_json(const struct json *, struct note *,
	    const char **title, const char **path, const char **why);
/*
 * Writes s as a JSON string: controls (C0, DEL, C1), bidi controls and
 * line separators escaped, bytes that are not UTF-8 as U+FFFD, so that
 * what reaches a terminal is safe and what a program reads is JSON.
 */
void	export_json_string(FILE *, const char *);

#endif
