/*
 * fetch.h: getting a web page (http, https) with libcurl.
 *
 * libcurl is loaded the first time a URL is fetched (dlopen): linked in,
 * it and the libraries it needs cost every start of folio about 5 ms, more
 * than reading a whole novel's first screen.  Redirects are followed (at
 * most 10, http and https only), compressed bodies decoded, and the body
 * is refused past a size cap; nothing but the URL given is fetched.  The
 * caller's progress function is called about ten times a second and can
 * cancel (Ctrl-C).  Nothing here exits or draws.
 */
#ifndef FOLIO_FETCH_H
#define FOLIO_FETCH_H

#include <stddef.h>

#define FETCH_TIMEOUT	30			/* seconds, the default */
#define FETCH_MAX_SIZE	(64 * 1024 * 1024)	/* bytes, the default */
#define FETCH_REDIRECTS	10

struct fetch_opts {
	long		 timeout;	/* seconds for it all, 0: FETCH_TIMEOUT */
	size_t		 max_size;	/* bytes, 0: FETCH_MAX_SIZE */
	/* bytes so far and in all (0: unknown); nonzero cancels */
	int		(*progress)(void *, size_t got, size_t total);
	void		*arg;
};

/* What came back; strings allocated, NULL when not given. */
struct fetch_result {
	char		*body;
	size_t		 len;
	char		*url;		/* where it came from, after redirects */
	char		*type;		/* media type, lower case ("text/html") */
	char		*charset;	/* Content-Type's charset parameter */
	long		 status;	/* HTTP status */
};

/* Is this an http or https URL (what folio fetches)? */
int	fetch_is_url(const char *);
/*
 * Fetches url.  Returns 0 with *r filled (free it with fetch_free), or -1
 * with *cause set to an allocated one-line reason (HTTP 404 Not Found,
 * cannot resolve host, timed out after 30 s, larger than 64 MiB...).
 */
int	fetch(const char *url, const struct fetch_opts *, struct fetch_result *r,
	    char **cause);
void	fetch_free(struct fetch_result *);
/*
 * The format a media type is read in (DOC_FORMAT_*, doc.h): HTML, text,
 * Markdown, or DOC_FORMAT_AUTO when there is none; -1 for one folio does
 * not read (an image, a PDF...).
 */
int	fetch_format(const char *type);

#endif
