/*
 * source.h: a document's bytes, read from a file or a stream and decoded
 * to UTF-8.
 *
 * A regular UTF-8 file is mapped, not copied: the text the rest of folio
 * reads is the mapping itself (after any byte-order mark).  Other encodings
 * are decoded into an allocated buffer.  The bytes may still hold invalid
 * UTF-8 and control characters; sanitize.c deals with those per block.
 */
#ifndef FOLIO_SOURCE_H
#define FOLIO_SOURCE_H

#include <stddef.h>

struct source_opts {
	const char	*encoding;	/* NULL: detect */
	int		 force;		/* open binary files too */
	const char	*charset;	/* declared (HTTP), for detection; or NULL */
};

struct source {
	const char	*data;		/* UTF-8 text, not NUL-terminated */
	size_t		 len;		/* bytes of text */
	const char	*encoding;	/* what it was decoded from (static) */
	void		*map;		/* the mapping, or NULL */
	size_t		 maplen;
	char		*owned;		/* allocated text, or NULL */
};

/*
 * Opens path ("-" or NULL: standard input).  Returns 0, or -1 with *cause
 * set to an allocated one-line reason (caller frees).
 */
int	source_open(struct source *, const char *path,
	    const struct source_opts *, char **cause);
/* Takes a copy of n bytes of memory as the source (for tests and stdin). */
int	source_open_mem(struct source *, const void *, size_t,
	    const struct source_opts *, char **cause);
void	source_close(struct source *);

/* True if the bytes look binary (see source.c). */
int	source_is_binary(const unsigned char *, size_t);

#endif
