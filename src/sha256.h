/* sha256.h: SHA-256 of a byte string, as 64 hex digits. */
#ifndef FOLIO_SHA256_H
#define FOLIO_SHA256_H

#include <stddef.h>
#include <stdint.h>

void	sha256_hex(const void *, size_t, char out[65]);

#endif
