/* dynlib.c: libraries opened when first needed (see dynlib.h). */
#include <dlfcn.h>
#include <string.h>

#include "dynlib.h"
#include "xmalloc.h"

int
dynlib_load(void **lib, const char *const *names, const struct dynsym *syms,
    size_t n, void *table, const char *package, char **cause)
{
	size_t	i;
	void	*f;

	if (*lib != NULL)
		return 0;
	for (i = 0; names[i] != NULL && *lib == NULL; i++)
		*lib = dlopen(names[i], RTLD_LAZY | RTLD_LOCAL);
	if (*lib == NULL) {
		*cause = xasprintf("%s is not installed (the Debian package %s)",
		    names[0], package);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if ((f = dlsym(*lib, syms[i].name)) == NULL) {
			*cause = xasprintf("%s is too old (no %s)", names[0],
			    syms[i].name);
			dlclose(*lib);
			*lib = NULL;
			return -1;
		}
		memcpy((char *)table + syms[i].off, &f, sizeof f);
	}
	return 0;
}
