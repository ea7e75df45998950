/*
 * text.h: a block's text: one sanitised UTF-8 string, its style spans, and
 * (computed on first use and cached) its grapheme clusters with their
 * display widths and line-break opportunities.
 *
 * Offsets are bytes into the string.  A position in a document is a block
 * and a byte offset into that block's text (struct pos in doc.h); search
 * matches and annotations use the same offsets.
 */
#ifndef FOLIO_TEXT_H
#define FOLIO_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum style {
	STYLE_NONE,
	STYLE_HIDDEN,		/* not drawn: hidden pinyin glosses */
	STYLE_MARKER,		/* list marker */
	STYLE_EMPH,
	STYLE_STRONG,
	STYLE_CODE,
	STYLE_STRIKE,
	STYLE_LINK,
	STYLE_MATCH,		/* a search match */
	STYLE_CURRENT,		/* the current search match */
	STYLE_HIGHLIGHT,	/* an annotation */
	STYLE_SELECT,		/* the passage being selected (v) */
	STYLE_MARK,		/* a mark folio adds (` around code): shown
				   where styles are not, else hidden */
	STYLE_COUNT
};

/*
 * Where a piece of a block's text came from in the source.  A run whose
 * text and source are the same length maps byte for byte (text copied as
 * it is); any other run is one unit (a tab expanded, an entity decoded, an
 * escape sequence dropped): only its ends map.  Runs are in text order and
 * in source order; text between runs is text folio added (a joining space,
 * a list marker, a link number) and has no source of its own.
 */
struct text_run {
	uint32_t	text;		/* offset in the text */
	uint32_t	tlen;
	uint64_t	src;		/* offset in the document's source */
	uint32_t	slen;
};

struct runs {
	struct text_run	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * Appends a run, merging it into the last one when both map byte for byte
 * and they are contiguous in text and source.
 */
void	runs_add(struct runs *, size_t text, size_t tlen, uint64_t src,
	    size_t slen);
/* Cuts the runs back to text length len (text taken back: backspace). */
void	runs_cut(struct runs *, size_t len);

struct span {
	uint32_t	start;		/* first byte */
	uint32_t	end;		/* byte after the last */
	uint16_t	style;		/* enum style */
	uint16_t	data;		/* style-specific (link number...) */
};

/* Cluster flags. */
#define CL_BREAK	0x01	/* a line may break before this cluster */
#define CL_SPACE	0x02	/* an ASCII space: dropped at a break */
#define CL_NOSTART	0x04	/* must not start a line (，。」…) */
#define CL_NOEND	0x08	/* must not end a line (（「“) */
#define CL_HIDDEN	0x10	/* in a hidden span: width 0, not drawn */
#define CL_NEWLINE	0x20	/* a line end inside preformatted text */

struct clusters {
	size_t		 n;	/* clusters */
	uint32_t	*off;	/* n + 1 byte offsets; off[n] = text length */
	uint8_t		*width;	/* columns of each cluster */
	uint8_t		*flags;	/* CL_* */
	int		 ambiguous; /* the ambiguous width they were made for */
};

struct text {
	char		*s;	/* sanitised UTF-8, NUL-terminated; owned */
	size_t		 len;
	struct span	*spans;	/* sorted by start; owned */
	size_t		 nspans;
	struct text_run	*runs;	/* where the text came from; owned */
	size_t		 nruns;
	uint16_t	 hang;	/* columns of a list marker: continuation indent */
	struct clusters	*cl;	/* cache, NULL until text_clusters() */
	struct text_styles *styles; /* cache, NULL until text_style_at() */
};

/*
 * Fills the tables text analysis otherwise fills the first time it needs
 * them, so that texts may be analysed on several threads at once (the
 * pairs of the fast path are asked as they come, atomically).
 */
void		 text_prepare(int ambiguous);
/* Takes ownership of s (len bytes, NUL-terminated). */
struct text	*text_new(char *s, size_t len);
void		 text_free(struct text *);
void		 text_add_span(struct text *, uint32_t, uint32_t, int style,
		     int data);
/*
 * Returns the clusters for the given ambiguous width, computing them if
 * needed.  Valid until the text is freed.  preformatted: line ends inside
 * the text are hard, and no other break is computed.
 */
const struct clusters *text_clusters(struct text *, int ambiguous,
		     int preformatted);
/*
 * For tests: do the fast path of text_clusters (printable ASCII, CJK
 * ideographs and punctuation, Latin-1, full-width forms) and the library
 * path agree on this text?  1 yes, 0 no, -1 the fast path does not take it.
 */
int		 text_clusters_agree(struct text *, int ambiguous);
/* Removes the spans of a style (search highlights, say). */
void		 text_clear_style(struct text *, int style);
/* The text with hidden spans left out; allocated, caller frees. */
char		*text_visible(const struct text *, size_t *len);
/* Takes the runs (runs.h) as the text's own; r is emptied. */
void		 text_set_runs(struct text *, struct runs *r);

/*
 * Between the text and the source, through the runs (passage.h builds on
 * these).  Offsets in text folio added map to the next run's start (for
 * a start) or the previous run's end (for an end).  -1 without runs.
 */
/* The source byte where the character at text offset k starts. */
int64_t		 text_src_start(const struct text *, size_t k);
/* The source byte after the character that ends at text offset k. */
int64_t		 text_src_end(const struct text *, size_t k);
/* The text offset of the first character whose source starts at or after src. */
size_t		 text_at_src(const struct text *, uint64_t src);
/* The text offset after the last character whose source ends at or before src. */
size_t		 text_at_src_end(const struct text *, uint64_t src);
/* Is byte k inside a hidden span? */
int		 text_hidden_at(const struct text *, size_t k);
/*
 * The style shown at byte k: the highest style of the spans over it, and
 * STYLE_HIDDEN over any other; *next is lowered to where it may change.
 * The first call indexes the spans (cached until they change), so that a
 * call costs log(spans): a paragraph with a span every few bytes is laid
 * out, printed and searched in linear time.
 */
int		 text_style_at(const struct text *, size_t k, size_t *next);
/* Where the run of the style shown at byte k starts. */
size_t		 text_style_start(const struct text *, size_t k);

/*
 * UAX #14 break opportunities of n bytes of UTF-8 (UC_BREAK_* of
 * unilbrk.h, one per byte): a fast path for ASCII, CJK ideographs and
 * common CJK punctuation, else libunistring; _lib: libunistring always
 * (the reference the fast path is tested against).
 */
void	text_line_breaks(const char *, size_t n, char *brk);
void	text_line_breaks_lib(const char *, size_t n, char *brk);

#endif
