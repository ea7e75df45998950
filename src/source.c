/*
 * source.c: read a document (map a file, or slurp a stream), inflate gzip
 * data, refuse binary files, and decode to UTF-8.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "buf.h"
#include "encoding.h"
#include "source.h"
#include "xmalloc.h"

#define SOURCE_BINARY_SCAN	8192
#define SOURCE_GZIP_MAX		((size_t)1 << 31)	/* inflated bytes */

/*
 * Binary: NUL bytes (more than one stray NUL) in the first 8 KiB, or
 * control bytes other than tab, line ends, form feed and ESC making more
 * than 5% of it (compressed data).  Markus Kuhn's UTF-8 test file, with one
 * NUL on purpose, is text.
 */
int
source_is_binary(const unsigned char *s, size_t n)
{
	size_t	i, nul = 0, ctrl = 0;

	if (n > SOURCE_BINARY_SCAN)
		n = SOURCE_BINARY_SCAN;
	for (i = 0; i < n; i++) {
		if (s[i] == 0)
			nul++;
		else if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f' && s[i] != 0x1B)
			ctrl++;
	}
	return nul >= 2 || (n >= 64 && (nul + ctrl) * 20 > n);
}

/*
 * Inflates gzip data (every member, as gzip -d does) into an allocated
 * buffer.  Returns 0, or -1 with *cause set.
 */
static int
source_gunzip(const unsigned char *raw, size_t n, char **out, size_t *outlen,
    char **cause)
{
	const unsigned char *in = raw, *end = raw + n;
	z_stream	z;
	struct buf	b;
	size_t		k;
	int		rc = Z_OK;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		*cause = xstrdup("cannot read gzip data");
		return -1;
	}
	buf_init(&b);
	for (;;) {
		if (z.avail_in == 0 && in < end) {
			k = (size_t)(end - in) > UINT_MAX ? UINT_MAX :
			    (size_t)(end - in);
			z.next_in = (unsigned char *)in;
			z.avail_in = (unsigned)k;
			in += k;
		}
		buf_reserve(&b, 65536);
		z.next_out = (unsigned char *)b.s + b.len;
		z.avail_out = (unsigned)(b.cap - b.len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		b.len = (size_t)((char *)z.next_out - b.s);
		if (b.len > SOURCE_GZIP_MAX) {
			rc = Z_MEM_ERROR;
			break;
		}
		if (rc == Z_STREAM_END) {
			if ((z.avail_in == 0 && in == end) ||
			    (z.avail_in > 0 ? *z.next_in : *in) != 0x1F)
				break;	/* the end, or trailing bytes */
			rc = inflateReset(&z);	/* another member */
			continue;
		}
		if (rc == Z_BUF_ERROR && z.avail_in == 0 && in == end)
			break;	/* cut short */
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			break;
	}
	inflateEnd(&z);
	if (rc != Z_STREAM_END) {
		buf_free(&b);
		*cause = xstrdup(rc == Z_MEM_ERROR ? "gzip data too large" :
		    "damaged or incomplete gzip data");
		return -1;
	}
	*out = buf_take(&b, outlen);
	return 0;
}

/* Decides the encoding and points src->data at UTF-8 text. */
static int
source_decode(struct source *src, const unsigned char *raw, size_t n,
    const struct source_opts *opts, char **cause)
{
	const char	*enc;
	size_t		 bom = 0, len;
	char		*text;

	if (n >= 3 && raw[0] == 0x1F && raw[1] == 0x8B && raw[2] == 8) {
		if (source_gunzip(raw, n, &text, &len, cause) != 0)
			return -1;
		free(src->owned);	/* a stream's compressed bytes */
		src->owned = text;
		raw = (const unsigned char *)text;
		n = len;
	}

	if (opts != NULL && opts->encoding != NULL) {
		enc = encoding_canonical(opts->encoding);
		if (enc == NULL) {
			*cause = xasprintf("unknown encoding %s", opts->encoding);
			return -1;
		}
		if (encoding_is_utf8(enc) && n >= 3 &&
		    memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
			bom = 3;
	} else
		enc = encoding_detect_declared(raw, n, opts != NULL ?
		    opts->charset : NULL, &bom);
	if ((opts == NULL || !opts->force) && strncmp(enc, "UTF-16", 6) != 0 &&
	    source_is_binary(raw + bom, n - bom)) {
		*cause = xstrdup("binary file (--force opens it)");
		return -1;
	}
	src->encoding = enc;
	if (encoding_is_utf8(enc)) {
		src->data = (const char *)raw + bom;
		src->len = n - bom;
		return 0;
	}
	text = encoding_decode(enc, raw + bom, n - bom, &len, cause);
	if (text == NULL)
		return -1;
	free(src->owned);
	src->owned = text;
	src->data = text;
	src->len = len;
	return 0;
}

static int
source_read_fd(int fd, struct buf *b, char **cause)
{
	ssize_t	n;

	for (;;) {
		buf_reserve(b, 65536);
		n = read(fd, b->s + b->len, b->cap - b->len - 1);
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*cause = xstrdup(strerror(errno));
			return -1;
		}
		b->len += n;
	}
}

static int
source_open_stream(struct source *src, int fd,
    const struct source_opts *opts, char **cause)
{
	struct buf	b;

	buf_init(&b);
	if (source_read_fd(fd, &b, cause) != 0) {
		buf_free(&b);
		return -1;
	}
	src->owned = buf_take(&b, &src->maplen);
	return source_decode(src, (unsigned char *)src->owned, src->maplen,
	    opts, cause);
}

static int
source_open_fd(struct source *src, int fd, const struct source_opts *opts,
    char **cause)
{
	struct stat	st;
	void		*map;

	if (fstat(fd, &st) != 0) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xstrdup("is a directory");
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0)
		return source_open_stream(src, fd, opts, cause);
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return source_open_stream(src, fd, opts, cause);
	madvise(map, st.st_size, MADV_SEQUENTIAL);
	src->map = map;
	src->maplen = st.st_size;
	return source_decode(src, map, st.st_size, opts, cause);
}

int
source_open(struct source *src, const char *path,
    const struct source_opts *opts, char **cause)
{
	int	fd, rc;

	memset(src, 0, sizeof *src);
	if (path == NULL || strcmp(path, "-") == 0)
		return source_open_fd(src, STDIN_FILENO, opts, cause);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*cause = xstrdup(strerror(errno));
		return -1;
	}
	rc = source_open_fd(src, fd, opts, cause);
	close(fd);
	if (rc != 0)
		source_close(src);
	return rc;
}

int
source_open_mem(struct source *src, const void *p, size_t n,
    const struct source_opts *opts, char **cause)
{
	int	rc;

	memset(src, 0, sizeof *src);
	src->owned = xmalloc(n + 1);
	memcpy(src->owned, p, n);
	src->maplen = n;
	rc = source_decode(src, (unsigned char *)src->owned, n, opts, cause);
	if (rc != 0)
		source_close(src);
	return rc;
}

void
source_close(struct source *src)
{
	if (src->map != NULL)
		munmap(src->map, src->maplen);
	free(src->owned);
	memset(src, 0, sizeof *src);
}
