/* xmalloc.c: allocation wrappers; failure calls the program's fatal hook. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static void (*xmalloc_fatal)(const char *);

void
xmalloc_set_fatal(void (*fn)(const char *))
{
	xmalloc_fatal = fn;
}

static void
xmalloc_fail(void)
{
	if (xmalloc_fatal != NULL)
		xmalloc_fatal("out of memory");
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		xmalloc_fail();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		xmalloc_fail();
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > (size_t)-1 / size)
		xmalloc_fail();
	p = realloc(old, n * size != 0 ? n * size : 1);
	if (p == NULL)
		xmalloc_fail();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		xmalloc_fail();
	return s;
}

void *
xgrow(void *v, size_t *cap, size_t n, size_t size)
{
	size_t	c = *cap;

	if (n <= c)
		return v;
	if (c < 8)
		c = 8;
	while (c < n)
		c *= 2;
	v = xreallocarray(v, c, size);
	*cap = c;
	return v;
}
