/*
 * xmalloc.h: allocation that never returns NULL.
 *
 * Running out of memory is fatal: the wrappers call the fatal hook (which the
 * program sets to restore the terminal and exit) and then abort().  The core
 * library itself never exits; only the hook the program registers may.
 */
#ifndef FOLIO_XMALLOC_H
#define FOLIO_XMALLOC_H

#include <stddef.h>
#include <stdlib.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/*
 * Makes room for at least n elements of size bytes in array v of *cap
 * elements (doubling it); returns the array, which may have moved.
 */
void	*xgrow(void *v, size_t *cap, size_t n, size_t size);
/* Returns an allocated string printed like printf; caller frees. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* The program's hook, called before abort() on allocation failure. */
void	 xmalloc_set_fatal(void (*)(const char *));

#endif
