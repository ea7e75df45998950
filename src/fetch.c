/*
 * fetch.c: web pages with libcurl, loaded on first use (see fetch.h).
 *
 * The transfer runs in a multi handle that is polled every 100 ms, so the
 * progress function (and with it Ctrl-C) is heard even while a name is
 * being resolved or a server is silent.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "config.h"
#include "buf.h"
#include "doc.h"
#include "dynlib.h"
#include "fetch.h"
#include "xmalloc.h"

/* The libcurl functions folio calls, found with dlsym. */
static struct fetch_lib {
	void		*lib;
	CURLcode	(*global_init)(long);
	CURL		*(*easy_init)(void);
	CURLcode	(*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode	(*easy_getinfo)(CURL *, CURLINFO, ...);
	void		(*easy_cleanup)(CURL *);
	const char	*(*easy_strerror)(CURLcode);
	CURLM		*(*multi_init)(void);
	CURLMcode	(*multi_add_handle)(CURLM *, CURL *);
	CURLMcode	(*multi_remove_handle)(CURLM *, CURL *);
	CURLMcode	(*multi_perform)(CURLM *, int *);
	CURLMcode	(*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int,
			    int, int *);
	CURLMsg		*(*multi_info_read)(CURLM *, int *);
	CURLMcode	(*multi_cleanup)(CURLM *);
} fetch_curl;

/* Loads libcurl; 0, or -1 with *cause set. */
static int
fetch_load(char **cause)
{
	static const char *const names[] = {
		"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", NULL
	};
	static const struct dynsym syms[] = {
#define FETCH_SYM(f, s)	{ s, offsetof(struct fetch_lib, f) }
		FETCH_SYM(global_init, "curl_global_init"),
		FETCH_SYM(easy_init, "curl_easy_init"),
		FETCH_SYM(easy_setopt, "curl_easy_setopt"),
		FETCH_SYM(easy_getinfo, "curl_easy_getinfo"),
		FETCH_SYM(easy_cleanup, "curl_easy_cleanup"),
		FETCH_SYM(easy_strerror, "curl_easy_strerror"),
		FETCH_SYM(multi_init, "curl_multi_init"),
		FETCH_SYM(multi_add_handle, "curl_multi_add_handle"),
		FETCH_SYM(multi_remove_handle, "curl_multi_remove_handle"),
		FETCH_SYM(multi_perform, "curl_multi_perform"),
		FETCH_SYM(multi_poll, "curl_multi_poll"),
		FETCH_SYM(multi_info_read, "curl_multi_info_read"),
		FETCH_SYM(multi_cleanup, "curl_multi_cleanup"),
#undef FETCH_SYM
	};
	int	first = fetch_curl.lib == NULL;

	if (dynlib_load(&fetch_curl.lib, names, syms, sizeof syms /
	    sizeof *syms, &fetch_curl, "libcurl4", cause) != 0)
		return -1;
	if (first)
		fetch_curl.global_init(CURL_GLOBAL_DEFAULT);
	return 0;
}

int
fetch_is_url(const char *s)
{
	return s != NULL && (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0);
}

struct fetch_state {
	struct buf	 body;
	size_t		 max;
	int		 too_large;
	char		 reason[128];	/* the status line's reason phrase */
};

static size_t
fetch_write(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_state	*st = arg;

	if (st->body.len + n > st->max) {
		st->too_large = 1;
		return 0;	/* stops the transfer */
	}
	buf_add(&st->body, p, n);
	return n;
}

/* Keeps the reason phrase of each status line ("HTTP/1.1 404 Not Found"). */
static size_t
fetch_header(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_state	*st = arg;
	size_t			 i = 0, k;

	if (n < 12 || strncmp(p, "HTTP/", 5) != 0)
		return n;
	while (i < n && p[i] != ' ')
		i++;
	i++;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	while (i < n && p[i] == ' ')
		i++;
	for (k = 0; i < n && p[i] != '\r' && p[i] != '\n' &&
	    k + 1 < sizeof st->reason; i++)
		st->reason[k++] = (unsigned char)p[i] >= ' ' ? p[i] : '?';
	st->reason[k] = '\0';
	return n;
}

/* The usual reason phrase, for HTTP/2 replies that send none. */
static const char *
fetch_status_name(long status)
{
	switch (status) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 410: return "Gone";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	}
	return "";
}

/* The reason of a failed transfer, in a user's words. */
static char *
fetch_error(CURLcode rc, const char *errbuf, const struct fetch_state *st,
    const struct fetch_opts *o, int cancelled)
{
	if (cancelled)
		return xstrdup("cancelled");
	switch (rc) {
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
		if (st->too_large || rc == CURLE_FILESIZE_EXCEEDED)
			return o->max_size % (1024 * 1024) == 0 ?
			    xasprintf("larger than %zu MiB (see --max-size)",
			    o->max_size >> 20) : xasprintf("larger than %zu "
			    "bytes (see --max-size)", o->max_size);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		return xasprintf("timed out after %ld s (see --timeout)",
		    o->timeout);
	case CURLE_TOO_MANY_REDIRECTS:
		return xasprintf("more than %d redirects", FETCH_REDIRECTS);
	case CURLE_UNSUPPORTED_PROTOCOL:
		return xstrdup("redirected to a URL that is not http or https");
	default:
		break;
	}
	return xstrdup(*errbuf != '\0' ? errbuf :
	    fetch_curl.easy_strerror(rc));
}

static void
fetch_setup(CURL *h, const char *url, const struct fetch_opts *o,
    struct fetch_state *st, char *errbuf)
{
	CURLcode (*set)(CURL *, CURLoption, ...) = fetch_curl.easy_setopt;

	set(h, CURLOPT_URL, url);
	set(h, CURLOPT_PROTOCOLS_STR, "http,https");
	set(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	set(h, CURLOPT_FOLLOWLOCATION, 1L);
	set(h, CURLOPT_MAXREDIRS, (long)FETCH_REDIRECTS);
	set(h, CURLOPT_ACCEPT_ENCODING, "");	/* all it can decode */
	set(h, CURLOPT_CONNECTTIMEOUT, o->timeout < 10 ? o->timeout : 10L);
	set(h, CURLOPT_TIMEOUT, o->timeout);
	set(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_size);
	set(h, CURLOPT_NOSIGNAL, 1L);
	set(h, CURLOPT_USERAGENT, "folio/" PACKAGE_VERSION);
	set(h, CURLOPT_HTTPHEADER, NULL);
	set(h, CURLOPT_WRITEFUNCTION, fetch_write);
	set(h, CURLOPT_WRITEDATA, st);
	set(h, CURLOPT_HEADERFUNCTION, fetch_header);
	set(h, CURLOPT_HEADERDATA, st);
	set(h, CURLOPT_ERRORBUFFER, errbuf);
}

/* Runs the transfer, asking the progress function as it goes. */
static CURLcode
fetch_run(CURL *h, const struct fetch_opts *o, struct fetch_state *st,
    int *cancelled)
{
	CURLM		*m = fetch_curl.multi_init();
	CURLMsg		*msg;
	CURLcode	 rc = CURLE_OK;
	curl_off_t	 total;
	int		 running = 1, left;

	*cancelled = 0;
	fetch_curl.multi_add_handle(m, h);
	while (running) {
		if (fetch_curl.multi_perform(m, &running) != CURLM_OK)
			break;
		if (o->progress != NULL) {
			total = -1;
			fetch_curl.easy_getinfo(h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T,
			    &total);
			if (o->progress(o->arg, st->body.len, total > 0 ?
			    (size_t)total : 0) != 0) {
				*cancelled = 1;
				break;
			}
		}
		if (running)
			fetch_curl.multi_poll(m, NULL, 0, 100, NULL);
	}
	while ((msg = fetch_curl.multi_info_read(m, &left)) != NULL)
		if (msg->msg == CURLMSG_DONE)
			rc = msg->data.result;
	fetch_curl.multi_remove_handle(m, h);
	fetch_curl.multi_cleanup(m);
	return rc;
}

/* Splits "text/html; charset=UTF-8" into a lower-case type and a charset. */
static void
fetch_content_type(const char *ct, struct fetch_result *r)
{
	const char	*semi, *cs;
	size_t		 n, i;

	if (ct == NULL || *ct == '\0')
		return;
	semi = strchr(ct, ';');
	n = semi != NULL ? (size_t)(semi - ct) : strlen(ct);
	while (n > 0 && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
		n--;
	r->type = xstrndup(ct, n);
	for (i = 0; i < n; i++)
		if (r->type[i] >= 'A' && r->type[i] <= 'Z')
			r->type[i] |= 0x20;
	if (semi == NULL || (cs = strcasestr(semi, "charset=")) == NULL)
		return;
	cs += 8;
	if (*cs == '"' || *cs == '\'')
		cs++;
	for (n = 0; cs[n] != '\0' && cs[n] != ';' && cs[n] != '"' &&
	    cs[n] != '\'' && cs[n] != ' '; n++)
		;
	if (n > 0 && n < 64)
		r->charset = xstrndup(cs, n);
}

int
fetch(const char *url, const struct fetch_opts *opts, struct fetch_result *r,
    char **cause)
{
	struct fetch_opts	 o = *opts;
	struct fetch_state	 st;
	char			 errbuf[CURL_ERROR_SIZE] = "", *s = NULL;
	CURL			*h;
	CURLcode		 rc;
	int			 cancelled;

	memset(r, 0, sizeof *r);
	if (o.timeout <= 0)
		o.timeout = FETCH_TIMEOUT;
	if (o.max_size == 0)
		o.max_size = FETCH_MAX_SIZE;
	if (fetch_load(cause) != 0)
		return -1;
	if ((h = fetch_curl.easy_init()) == NULL) {
		*cause = xstrdup("libcurl could not start");
		return -1;
	}
	memset(&st, 0, sizeof st);
	buf_init(&st.body);
	st.max = o.max_size;
	fetch_setup(h, url, &o, &st, errbuf);
	rc = fetch_run(h, &o, &st, &cancelled);
	fetch_curl.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
	if (rc != CURLE_OK || cancelled) {
		*cause = fetch_error(rc, errbuf, &st, &o, cancelled);
	} else if (r->status >= 400) {
		*cause = xasprintf("HTTP %ld %s", r->status, st.reason[0] != '\0' ?
		    st.reason : fetch_status_name(r->status));
	} else {
		fetch_curl.easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &s);
		r->url = xstrdup(s != NULL ? s : url);
		s = NULL;
		fetch_curl.easy_getinfo(h, CURLINFO_CONTENT_TYPE, &s);
		fetch_content_type(s, r);
		r->body = buf_take(&st.body, &r->len);
		fetch_curl.easy_cleanup(h);
		return 0;
	}
	fetch_curl.easy_cleanup(h);
	buf_free(&st.body);
	return -1;
}

void
fetch_free(struct fetch_result *r)
{
	free(r->body);
	free(r->url);
	free(r->type);
	free(r->charset);
	memset(r, 0, sizeof *r);
}

int
fetch_format(const char *type)
{
	if (type == NULL)
		return DOC_FORMAT_AUTO;
	if (strcmp(type, "text/html") == 0 ||
	    strcmp(type, "application/xhtml+xml") == 0)
		return DOC_FORMAT_HTML;
	if (strcmp(type, "text/markdown") == 0 ||
	    strcmp(type, "text/x-markdown") == 0)
		return DOC_FORMAT_MARKDOWN;
	if (strcmp(type, "text/plain") == 0)
		return DOC_FORMAT_TEXT;
	return -1;
}
