/*
 * buf.h: a growable byte buffer, always NUL-terminated for convenience.
 */
#ifndef FOLIO_BUF_H
#define FOLIO_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char	*s;	/* bytes, NUL-terminated; owned */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reserve(struct buf *, size_t);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, char);
void	 buf_adds(struct buf *, const char *);
/* Appends the UTF-8 encoding of a code point. */
void	 buf_add_cp(struct buf *, uint32_t);
/* Takes the bytes out of the buffer; caller frees; the buffer is emptied. */
char	*buf_take(struct buf *, size_t *);

#endif
