/*
 * encoding.h: detect a document's character encoding and decode it to UTF-8.
 *
 * Detection order (shared/docs/unicode-text.md §5.2): a byte-order mark;
 * then UTF-8 if the sample is (almost all) valid UTF-8; then, when the
 * non-ASCII bytes come in pairs, Japanese (CP932, the Windows Shift_JIS, or
 * EUC-JP) when kana are a fifth or more of its characters and nearly every
 * byte decodes, else GB18030 or CP950 chosen by which code area
 * the pairs fall into; otherwise Latin-1 (with the Windows-1252 characters
 * in 0x80-0x9F).  Decoding never fails on bad bytes: each becomes U+FFFD.
 */
#ifndef FOLIO_ENCODING_H
#define FOLIO_ENCODING_H

#include <stddef.h>

/*
 * Returns the name of the detected encoding ("UTF-8", "UTF-16LE",
 * "UTF-16BE", "GB18030", "CP950", "CP932", "EUC-JP" or "ISO-8859-1",
 * static strings) and sets
 * *bom to the length of a byte-order mark to skip.
 */
const char	*encoding_detect(const unsigned char *, size_t, size_t *bom);

/*
 * Detection for a page that may declare its charset (a web page): a
 * byte-order mark; then valid UTF-8, whatever the page declares (pages
 * that say gb2312 are often UTF-8); then the declared charset as its
 * canonical superset (gb2312 and gbk: GB18030, big5: CP950, iso-8859-1:
 * windows-1252) -- hint (HTTP's Content-Type) if given, else a <meta>
 * charset near the start; then encoding_detect's statistics.
 */
const char	*encoding_detect_declared(const unsigned char *, size_t,
		     const char *hint, size_t *bom);
/* The canonical charset a <meta> near the start declares, or NULL. */
const char	*encoding_meta(const unsigned char *, size_t);

/* Returns the canonical name for a user's encoding name, or NULL. */
const char	*encoding_canonical(const char *);

/* The name to show a reader: "Shift_JIS (CP932)" for "CP932". */
const char	*encoding_label(const char *);

/* True for the names that need no decoding (UTF-8). */
int		 encoding_is_utf8(const char *);

/*
 * Decodes n bytes in the named encoding to UTF-8.  Returns an allocated
 * buffer (caller frees) and its length in *outlen, or NULL with *cause set
 * (allocated) when the encoding is unknown.  Invalid input becomes U+FFFD.
 */
char		*encoding_decode(const char *, const unsigned char *, size_t,
		     size_t *outlen, char **cause);

/* Statistics used by detection; exposed for tests. */
struct encoding_stats {
	size_t	high;		/* bytes >= 0x80 */
	size_t	utf8_seqs;	/* valid multi-byte UTF-8 sequences */
	size_t	utf8_bad;	/* bytes that are not valid UTF-8 */
	size_t	pairs;		/* lead byte followed by a high trail byte */
	size_t	gb;		/* pairs in the frequent GB2312 area */
	size_t	big5;		/* pairs in the frequent Big5 area */
	size_t	gb_bad;		/* bytes that are not valid GB18030 */
	size_t	big5_bad;	/* bytes that are not valid Big5 */
};
void		 encoding_scan(const unsigned char *, size_t,
		     struct encoding_stats *);

#endif
