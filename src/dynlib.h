/*
 * dynlib.h: libraries loaded when first needed, not at every start.
 *
 * Linking libxml2 (and with it ICU), OpenCC (and libstdc++) and libcurl
 * costs every start of folio a few milliseconds of symbol relocation,
 * also when it reads plain text.  They are opened with dlopen the first
 * time a web page, a converted view or a URL asks for them; their
 * functions are reached through tables filled with dlsym.
 */
#ifndef FOLIO_DYNLIB_H
#define FOLIO_DYNLIB_H

#include <stddef.h>

/* A function (or variable) to find, and where its pointer goes. */
struct dynsym {
	const char	*name;
	size_t		 off;		/* in the table */
};

/*
 * Opens the first of names (NULL-terminated) that can be opened and fills
 * table with the n symbols.  *lib is set, and kept: a second call does
 * nothing.  0, or -1 with *cause set (allocated; it names the Debian
 * package to install).
 */
int	dynlib_load(void **lib, const char *const *names,
	    const struct dynsym *syms, size_t n, void *table,
	    const char *package, char **cause);

#endif
