/*
 * convert.h: the converted view: a block's text shown in another Chinese
 * script (simplified, traditional, Taiwan or Hong Kong forms) through
 * OpenCC, with its runs to the source and its spans carried over.
 *
 * Only configurations that keep the character count are used, so the
 * converted text has the same characters, one for one, as the text it
 * came from: a character that keeps its UTF-8 length stays in a
 * byte-for-byte run, one whose length changes (二噁英 -> 二𫫇英: 3 -> 4
 * bytes) becomes a run of its own (text.h), and hidden glosses are carried
 * over as they are (they are not given to OpenCC, so 發(fā)展 converts as
 * 發展 would).  Layout, marks, passages (passage.h), anchors and exports
 * work on the converted text unchanged; the store keeps source bytes.
 *
 * OpenCC is opened only when a view is first asked for (tens of
 * milliseconds and some megabytes for the traditional tables), from its
 * data directory (it looks in the current directory first); it is given
 * only valid UTF-8 without NUL.  Built without OpenCC, convert_open fails
 * with a message saying so.
 */
#ifndef FOLIO_CONVERT_H
#define FOLIO_CONVERT_H

#include <stddef.h>

#include "text.h"

enum script {
	SCRIPT_ORIG,		/* as the document is written */
	SCRIPT_S,		/* simplified */
	SCRIPT_T,		/* traditional (OpenCC's standard forms) */
	SCRIPT_TW,		/* traditional, Taiwan forms */
	SCRIPT_HK,		/* traditional, Hong Kong forms */
	SCRIPT_COUNT
};

/* "orig", "s", "t", "tw", "hk" -> enum script, or -1. */
int		 script_parse(const char *);
const char	*script_name(int);
/* For the status line: "" for the original, else "简体", "繁體"... */
const char	*script_label(int);
/* The OpenCC configuration that shows any text in script s ("tw2s"). */
const char	*script_config(int);

struct convert;

/* True if folio was built with OpenCC. */
int		 convert_available(void);
/*
 * Opens OpenCC for script s (not SCRIPT_ORIG).  NULL with *cause set
 * (allocated, one line) when it cannot: built without OpenCC, or its
 * data missing.
 */
struct convert	*convert_open(int script, char **cause);
void		 convert_close(struct convert *);
int		 convert_script(const struct convert *);

/*
 * Block text t in the converter's script: a new text with runs to the
 * same source and the same spans, or NULL when nothing changes (or
 * OpenCC failed, or gave a different number of characters: the text is
 * then shown as it is).
 */
struct text	*convert_text(struct convert *, const struct text *t);

#endif
