/*
 * source.c: read a document (map a file, or slurp a stream), inflate gzip
 * data, refuse binary files, and decode to UTF-8.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "buf.h"
#include "encoding.h"
#include "source.h"
#include "xmalloc.h"

#define SOURCE_GZIP_MAX		((size_t)1 << 31)	/* inflated bytes */

/*
 * The mappings of open sources, for source_fault: the documents the
 * reader holds (every FILE given, and the next one while R reloads); a
 * file beyond them is read, not mapped.  Changed only outside the
 * handler; the handler only reads them, and only on a fault the same
 * thread caused by reading one.
 */
#define SOURCE_MAPS	64
static struct {
	char	*addr;
	size_t	 len;
} source_maps[SOURCE_MAPS];
static size_t			source_page;
static volatile sig_atomic_t	source_nfaults;

/* Keeps a mapping for source_fault: 0, or -1 if the table is full. */
static int
source_map_add(void *addr, size_t len)
{
	size_t	i;

	if (source_page == 0)
		source_page = (size_t)sysconf(_SC_PAGESIZE);
	for (i = 0; i < SOURCE_MAPS; i++) {
		if (source_maps[i].addr == NULL) {
			source_maps[i].len = len;
			source_maps[i].addr = addr;
			return 0;
		}
	}
	return -1;
}

static void
source_map_remove(void *addr)
{
	size_t	i;

	for (i = 0; i < SOURCE_MAPS; i++)
		if (source_maps[i].addr == addr)
			source_maps[i].addr = NULL;
}

int
source_fault(void *addr)
{
	char	*a = addr, *page, *end;
	size_t	 i;

	for (i = 0; i < SOURCE_MAPS; i++) {
		if (source_maps[i].addr == NULL || a < source_maps[i].addr ||
		    a >= source_maps[i].addr + source_maps[i].len)
			continue;
		page = (char *)((uintptr_t)a & ~(uintptr_t)(source_page - 1));
		end = source_maps[i].addr + source_maps[i].len;
		if (mmap(page, (size_t)(end - page), PROT_READ, MAP_PRIVATE |
		    MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
			return 0;
		source_nfaults++;
		return 1;
	}
	return 0;
}

unsigned
source_faults(void)
{
	return (unsigned)source_nfaults;
}

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
 * The encoding of n bytes (asked for, or detected) and the bytes of its
 * byte-order mark; NULL with *cause for an unknown name.
 */
static const char *
source_encoding(const unsigned char *raw, size_t n,
    const struct source_opts *opts, size_t *bom, char **cause)
{
	const char	*enc;

	*bom = 0;
	if (opts == NULL || opts->encoding == NULL)
		return encoding_detect_declared(raw, n, opts != NULL ?
		    opts->charset : NULL, bom);
	if ((enc = encoding_canonical(opts->encoding)) == NULL) {
		*cause = xasprintf("unknown encoding %s", opts->encoding);
		return NULL;
	}
	if (encoding_is_utf8(enc) && n >= 3 &&
	    memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		*bom = 3;
	return enc;
}

/* Refuses binary bytes (unless forced): the first n, or all there are. */
static int
source_refuse(const unsigned char *raw, size_t n,
    const struct source_opts *opts, char **cause)
{
	const char	*enc;
	size_t		 bom;

	if ((enc = source_encoding(raw, n, opts, &bom, cause)) == NULL)
		return -1;
	if ((opts == NULL || !opts->force) && strncmp(enc, "UTF-16", 6) != 0 &&
	    source_is_binary(raw + bom, n - bom)) {
		*cause = xstrdup("binary file (--force opens it)");
		return -1;
	}
	return 0;
}

/* Gzip data: the magic number and the deflate method. */
static int
source_is_gzip(const unsigned char *raw, size_t n)
{
	return n >= 3 && raw[0] == 0x1F && raw[1] == 0x8B && raw[2] == 8;
}

/*
 * Inflates gzip data (every member, as gzip -d does) into an allocated
 * buffer.  Returns 0, or -1 with *cause set.  Binary data inflated is
 * refused from its first 8 KiB, not after all of it.
 */
static int
source_gunzip(const unsigned char *raw, size_t n, char **out, size_t *outlen,
    const struct source_opts *opts, char **cause)
{
	const unsigned char *in = raw, *end = raw + n;
	z_stream	z;
	struct buf	b;
	size_t		k;
	int		rc = Z_OK, checked = 0;

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
		if (!checked && b.len >= SOURCE_BINARY_SCAN) {
			if (source_refuse((unsigned char *)b.s, b.len, opts,
			    cause) != 0) {
				inflateEnd(&z);
				buf_free(&b);
				return -1;
			}
			checked = 1;
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

/*
 * A stream of gzip data, judged from what its first bytes inflate to as
 * soon as they give SOURCE_BINARY_SCAN bytes (or all there will be, at
 * the end): 1 text, -1 refused (*cause set), 0 not known yet.
 */
static int
source_gzip_peek(const unsigned char *raw, size_t n, int all,
    const struct source_opts *opts, char **cause)
{
	unsigned char	 out[SOURCE_BINARY_SCAN];
	z_stream	 z;
	int		 rc;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 1;	/* decoding will say so */
	z.next_in = (unsigned char *)raw;
	z.avail_in = n > UINT_MAX ? UINT_MAX : (unsigned)n;
	z.next_out = out;
	z.avail_out = sizeof out;
	rc = inflate(&z, Z_SYNC_FLUSH);
	n = sizeof out - z.avail_out;
	inflateEnd(&z);
	if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
		return 1;	/* damaged: decoding will say so */
	if (n < sizeof out && rc != Z_STREAM_END && !all)
		return 0;
	return source_refuse(out, n, opts, cause) == 0 ? 1 : -1;
}

/* Decides the encoding and points src->data at UTF-8 text. */
static int
source_decode(struct source *src, const unsigned char *raw, size_t n,
    const struct source_opts *opts, char **cause)
{
	const char	*enc;
	size_t		 bom = 0, len;
	char		*text;

	if (source_is_gzip(raw, n)) {
		if (source_gunzip(raw, n, &text, &len, opts, cause) != 0)
			return -1;
		free(src->owned);	/* a stream's compressed bytes */
		src->owned = text;
		raw = (const unsigned char *)text;
		n = len;
	}
	if (source_refuse(raw, n, opts, cause) != 0 ||
	    (enc = source_encoding(raw, n, opts, &bom, cause)) == NULL)
		return -1;
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

/* "256 MiB": a limit as people write it. */
static char *
source_size_text(size_t n)
{
	if (n >= ((size_t)1 << 30) && n % ((size_t)1 << 30) == 0)
		return xasprintf("%zu GiB", n >> 30);
	if (n >= ((size_t)1 << 20) && n % ((size_t)1 << 20) == 0)
		return xasprintf("%zu MiB", n >> 20);
	if (n >= 1024 && n % 1024 == 0)
		return xasprintf("%zu KiB", n >> 10);
	return xasprintf("%zu bytes", n);
}

/*
 * Reads a stream to its end, refusing it as soon as its first bytes look
 * binary, or when it goes on past the limit.
 */
static int
source_read_fd(int fd, struct buf *b, const struct source_opts *opts,
    char **cause)
{
	size_t	max = opts != NULL && opts->max_stream > 0 ? opts->max_stream :
		    SOURCE_STREAM_MAX;
	ssize_t	n;
	int	checked = 0, r;
	char	*lim;

	for (;;) {
		buf_reserve(b, 65536);
		n = read(fd, b->s + b->len, b->cap - b->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*cause = xstrdup(strerror(errno));
			return -1;
		}
		b->len += (size_t)n;
		/* gzip data: what it inflates to is looked at, at each read */
		if (!checked && b->len >= 3 &&
		    source_is_gzip((unsigned char *)b->s, b->len)) {
			if ((r = source_gzip_peek((unsigned char *)b->s, b->len,
			    n == 0, opts, cause)) < 0)
				return -1;
			checked = r > 0;
		} else if (!checked && (n == 0 ||
		    b->len >= SOURCE_BINARY_SCAN)) {
			if (source_refuse((unsigned char *)b->s, b->len, opts,
			    cause) != 0)
				return -1;
			checked = 1;
		}
		if (n == 0)
			return 0;
		if (b->len > max) {
			lim = source_size_text(max);
			*cause = xasprintf("more than %s: --max-size=SIZE "
			    "reads more", lim);
			free(lim);
			return -1;
		}
	}
}

static int
source_open_stream(struct source *src, int fd,
    const struct source_opts *opts, char **cause)
{
	struct buf	b;

	buf_init(&b);
	if (source_read_fd(fd, &b, opts, cause) != 0) {
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
	if (source_map_add(map, (size_t)st.st_size) != 0) {
		munmap(map, st.st_size);	/* no SIGBUS guard: read it */
		return source_open_stream(src, fd, opts, cause);
	}
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
	if (src->map != NULL) {
		source_map_remove(src->map);
		munmap(src->map, src->maplen);
	}
	free(src->owned);
	memset(src, 0, sizeof *src);
}
