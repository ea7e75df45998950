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

/*
 * A pipe or a device (or a file that cannot be mapped) is read into memory:
 * at most max_stream bytes, SOURCE_STREAM_MAX unless set, so that an
 * endless stream (/dev/zero, yes |) ends in an error instead of taking all
 * memory.  A regular file is mapped and has no such limit.  Either way the
 * binary check runs on the first SOURCE_BINARY_SCAN bytes as soon as they
 * are there, not after the whole stream.
 */
#define SOURCE_STREAM_MAX	((size_t)256 << 20)
#define SOURCE_BINARY_SCAN	8192

struct source_opts {
	const char	*encoding;	/* NULL: detect */
	int		 force;		/* open binary files too */
	const char	*charset;	/* declared (HTTP), for detection; or NULL */
	size_t		 max_stream;	/* read from a stream; 0: default */
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

/*
 * A mapped file that shrinks while folio reads it (an editor truncates it,
 * a log rotates) makes reading past its new end raise SIGBUS.  The
 * program's SIGBUS handler calls source_fault() with the faulting address:
 * if it lies in the mapping of an open source, the rest of that mapping
 * becomes zero pages, so the read goes on (finding NULs, which the
 * sanitiser shows as ^@), and 1 is returned; otherwise 0, a fault that is
 * not ours.  Async-signal-safe.  source_faults() counts them, for the
 * program to say that the file changed.
 */
int	source_fault(void *addr);
unsigned source_faults(void);

/* True if the bytes look binary (see source.c). */
int	source_is_binary(const unsigned char *, size_t);

#endif
