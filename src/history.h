/*
 * history.h: the documents read, as the reader lists them and folio
 * --history prints them (the store keeps them: store_history).
 *
 * What a row says: how far the place is ("42%", "END"), when it was last
 * read ("today 14:03", "yesterday 09:12", "Tuesday", "3 Nov", "3 Nov
 * 2025", in local time), and which entry a pattern names.
 */
#ifndef FOLIO_HISTORY_H
#define FOLIO_HISTORY_H

#include <stddef.h>
#include <time.h>

#include "store.h"

#define HISTORY_SHOWN	100	/* documents listed at most */

/* "42%", "END" (read to the end), or "" when not known. */
void	history_place(double fraction, char *out, size_t size);
/* When an ISO 8601 UTC time was, said from now (local time). */
void	history_when(const char *iso, time_t now, char *out, size_t size);
/*
 * The first (last read) entry whose title or path holds pattern, in any
 * case and either Chinese script; -1 if none does.
 */
long	history_match(const struct store_hist *, size_t n, const char *pattern);
/* Takes entries whose path is path out (the bundled guide); the new n. */
size_t	history_drop(struct store_hist *, size_t n, const char *path);

#endif
