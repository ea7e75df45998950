/* sha256.h: SHA-256 of a byte string, as 64 hex digits; or piece by piece. */
#ifndef FOLIO_SHA256_H
#define FOLIO_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t	h[8];
	unsigned char	buf[64];
	size_t		nbuf;
	uint64_t	total;
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *, size_t);
void	sha256_final_hex(struct sha256 *, char out[65]);
void	sha256_hex(const void *, size_t, char out[65]);
/* For tests: 1 hashes without the processor's SHA instructions. */
void	sha256_use_portable(int);

#endif
