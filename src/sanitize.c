/*
 * sanitize.c: remove what must never reach a terminal and what it cannot
 * measure (the rules are in sanitize.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unistr.h>
#include <utf8proc.h>

#include "sanitize.h"
#include "utf8.h"
#include "width.h"

struct sanitize {
	struct buf	*out;
	size_t		 start;		/* where this line began in out */
	const uint8_t	*p;		/* next input byte */
	const uint8_t	*end;
	int		*col;
	struct runs	*runs;		/* NULL: no map kept */
	const uint8_t	*s;		/* the line, which starts at src */
	uint64_t	 src;
};

/* Skips the rest of an escape sequence whose introducer was just read. */
static void
sanitize_skip_csi(struct sanitize *z)
{
	while (z->p < z->end && *z->p >= 0x20 && *z->p <= 0x3F)
		z->p++;
	while (z->p < z->end && *z->p >= 0x20 && *z->p <= 0x2F)
		z->p++;
	if (z->p < z->end && *z->p >= 0x40 && *z->p <= 0x7E)
		z->p++;
}

/* Skips a control string up to BEL, ESC \ or the C1 ST (U+009C). */
static void
sanitize_skip_string(struct sanitize *z)
{
	while (z->p < z->end) {
		if (*z->p == 0x07) {
			z->p++;
			return;
		}
		if (*z->p == 0x1B) {
			z->p += (z->p + 1 < z->end && z->p[1] == '\\') ? 2 : 1;
			return;
		}
		if (z->p + 1 < z->end && z->p[0] == 0xC2 && z->p[1] == 0x9C) {
			z->p += 2;
			return;
		}
		z->p++;
	}
}

static void
sanitize_escape(struct sanitize *z)
{
	unsigned char	c;

	if (z->p >= z->end)
		return;
	c = *z->p++;
	if (c == '[')
		sanitize_skip_csi(z);
	else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
		sanitize_skip_string(z);
	else if (c >= 0x20 && c <= 0x2F) {
		while (z->p < z->end && *z->p >= 0x20 && *z->p <= 0x2F)
			z->p++;
		if (z->p < z->end && *z->p >= 0x30 && *z->p <= 0x7E)
			z->p++;
	}
}

static void
sanitize_c1(struct sanitize *z, ucs4_t c)
{
	if (c == 0x9B)
		sanitize_skip_csi(z);
	else if (c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F)
		sanitize_skip_string(z);
}

/* Takes back the last code point of this line; returns it (0: none). */
static ucs4_t
sanitize_unemit(struct sanitize *z)
{
	struct buf	*b = z->out;
	size_t		 i = b->len;
	ucs4_t		 c;

	if (i <= z->start)
		return 0;
	while (i > z->start && ((unsigned char)b->s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > z->start)
		i--;
	u8_mbtouc(&c, (uint8_t *)b->s + i, b->len - i);
	*z->col -= width_cp(c, 1);
	b->len = i;
	b->s[i] = '\0';
	if (z->runs != NULL)
		runs_cut(z->runs, i);
	return c;
}

/*
 * Backspace takes back the character before it; a flag (two regional
 * indicators, only ever kept in pairs) goes whole, or half of it would be
 * left alone.
 */
static void
sanitize_backspace(struct sanitize *z)
{
	ucs4_t	c = sanitize_unemit(z);

	if (c >= 0x1F1E6 && c <= 0x1F1FF)
		sanitize_unemit(z);
}

static int
sanitize_removed(ucs4_t c)
{
	return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x180E ||
	    (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF ||
	    c == 0xFE0E || c == 0xFE0F || (c >= 0xFFF9 && c <= 0xFFFB) ||
	    (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0xE0001 ||
	    (c >= 0xE0020 && c <= 0xE007F);
}

static int
sanitize_is_ri(ucs4_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static void
sanitize_emit(struct sanitize *z, ucs4_t c)
{
	buf_add_cp(z->out, c);
	*z->col += width_cp(c, 1);
}

/* A regional indicator: kept in pairs (a flag), alone it is U+FFFD. */
static void
sanitize_ri(struct sanitize *z, ucs4_t c)
{
	ucs4_t	d;
	int	n;

	if (z->p < z->end) {
		n = u8_mbtouc(&d, z->p, z->end - z->p);
		if (sanitize_is_ri(d)) {
			z->p += n;
			sanitize_emit(z, c);
			sanitize_emit(z, d);
			return;
		}
	}
	sanitize_emit(z, 0xFFFD);
}

static void
sanitize_control(struct sanitize *z, ucs4_t c)
{
	if (c == 0x1B)
		sanitize_escape(z);
	else if (c == '\t') {
		do
			buf_addc(z->out, ' ');
		while (++*z->col % 8 != 0);
	} else if (c == 0x08)
		sanitize_backspace(z);
	else if (c < 0x20 || c == 0x7F) {
		buf_addc(z->out, '^');
		buf_addc(z->out, c == 0x7F ? '?' : (char)(c + 0x40));
		*z->col += 2;
	} else
		sanitize_c1(z, c);
}

static void
sanitize_one(struct sanitize *z, ucs4_t c)
{
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		sanitize_control(z, c);
	else if (sanitize_removed(c))
		return;
	else if (sanitize_is_ri(c))
		sanitize_ri(z, c);
	else if (wcwidth((wchar_t)c) < 0)
		sanitize_emit(z, utf8proc_charwidth(c) == 2 ||
		    (c >= 0x20000 && c <= 0x3FFFD) ? 0x3013 : 0xFFFD);
	else
		sanitize_emit(z, c);
}

/* A well-formed U+4E00..U+9FFF (CJK ideograph, two columns) at p? */
static int
sanitize_is_han(const uint8_t *p, const uint8_t *end)
{
	return end - p >= 3 && ((p[0] >= 0xE5 && p[0] <= 0xE9) ||
	    (p[0] == 0xE4 && p[1] >= 0xB8)) && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80;
}

static int	sanitize_known = -1;	/* the locale knows the marks */
static uint8_t	sanitize_cols[0x10000];	/* 0: not one of them */

void
sanitize_prepare(void)
{
	int	k;

	if (sanitize_known >= 0)
		return;
	sanitize_known = wcwidth(0x2014) == 1 && wcwidth(0x3001) == 2 &&
	    wcwidth(0xFF0C) == 2;
	memset(sanitize_cols + 0x4E00, 2, 0x9FFF - 0x4E00 + 1);
	if (sanitize_known) {
		for (k = 0x2010; k <= 0x2027; k++)
			sanitize_cols[k] = (uint8_t)width_cp((uint32_t)k, 1);
		memset(sanitize_cols + 0x3001, 2, 0x3029 - 0x3001 + 1);
		memset(sanitize_cols + 0xFF01, 2, 0xFF5E - 0xFF01 + 1);
	}
}

/*
 * The columns of a well-formed CJK ideograph (U+4E00..U+9FFF), or of
 * U+2010..U+2027 (‐ – — ‘ ’ “ ” …), U+3001..U+3029 (、。「」) or
 * U+FF01..U+FF5E (，！？（）) at p, which sanitising leaves as they are
 * (sanitize_one would emit them): one decoding for all; 0 for any other
 * character, or for the punctuation if the locale does not know it.
 */
static int
sanitize_wide3(const uint8_t *p, const uint8_t *end)
{
	uint32_t	c;

	if (end - p < 3 || (p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 ||
	    (p[2] & 0xC0) != 0x80)
		return 0;
	if (sanitize_known < 0)	/* the locale's widths, asked once */
		sanitize_prepare();
	c = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
	    (p[2] & 0x3F);
	return sanitize_cols[c];	/* one load: ideographs and marks
					   alternate at random */
}

/* Records that out grew from text offset t since input byte p. */
static void
sanitize_map(struct sanitize *z, size_t t, const uint8_t *p)
{
	if (z->runs != NULL && z->out->len > t)
		runs_add(z->runs, t, z->out->len - t,
		    z->src + (uint64_t)(p - z->s), (size_t)(z->p - p));
}

void
sanitize_line_map(struct buf *out, const char *s, size_t n, int *col,
    struct runs *runs, uint64_t src)
{
	struct sanitize	 z;
	const uint8_t	*run;
	ucs4_t		 c;
	int		 cols, k;
	size_t		 t;

	buf_reserve(out, n);
	if (n == 0)
		return;		/* s may be NULL: no arithmetic on it */
	z.out = out;
	z.start = out->len;
	z.p = z.s = (const uint8_t *)s;
	z.end = z.p + n;
	z.col = col;
	z.runs = runs;
	z.src = src;
	while (z.p < z.end) {
		run = z.p;
		cols = 0;
		t = out->len;
		for (;;) {	/* printable ASCII, CJK ideographs, common
				   punctuation: as they are */
			if (z.p < z.end && *z.p >= 0x20 && *z.p < 0x7F) {
				size_t a = utf8_printable(z.p, z.end);

				z.p += a;
				cols += (int)a;
			} else if ((k = sanitize_wide3(z.p, z.end)) > 0) {
				z.p += 3;
				cols += k;
			} else
				break;
		}
		if (z.p > run) {
			buf_add(out, run, z.p - run);
			*col += cols;
			sanitize_map(&z, t, run);
			continue;
		}
		z.p += utf8_decode(z.p, z.end - z.p, &c);
		sanitize_one(&z, c);
		sanitize_map(&z, t, run);
	}
}

void
sanitize_line(struct buf *out, const char *s, size_t n, int *col)
{
	sanitize_line_map(out, s, n, col, NULL, 0);
}

/* U+3001..U+303F (CJK punctuation) or U+FF01..U+FF5E (full-width forms)? */
static int
sanitize_is_cjk_punct(const uint8_t *p, const uint8_t *end)
{
	if (end - p < 3 || (p[2] & 0xC0) != 0x80)
		return 0;
	return (p[0] == 0xE3 && p[1] == 0x80 && p[2] > 0x80) ||
	    (p[0] == 0xEF && (p[1] == 0xBC ? p[2] > 0x80 :
	    p[1] == 0xBD && p[2] <= 0x9E));
}

int
sanitize_unchanged(const char *s, size_t n)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + n;
	ucs4_t		 c;

	while (p < end) {
		if (*p >= 0x20 && *p < 0x7F) {
			p++;
			continue;
		}
		if (sanitize_is_han(p, end) || sanitize_is_cjk_punct(p, end)) {
			p += 3;
			continue;
		}
		p += utf8_decode(p, end - p, &c);
		if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFD ||
		    sanitize_removed(c) || sanitize_is_ri(c) ||
		    wcwidth((wchar_t)c) < 0)
			return 0;
	}
	return 1;
}

char *
sanitize_dup(const char *s, size_t n)
{
	struct buf	b;
	int		col = 0;

	buf_init(&b);
	sanitize_line(&b, s, n, &col);
	return buf_take(&b, NULL);
}

void
sanitize_text(struct buf *out, const char *s, size_t n)
{
	const char	*nl;
	size_t		 k;
	int		 col;

	buf_reserve(out, n);
	while (n > 0) {
		nl = memchr(s, '\n', n);
		k = nl != NULL ? (size_t)(nl - s) : n;
		col = 0;
		sanitize_line(out, s, k > 0 && nl != NULL && s[k - 1] == '\r' ?
		    k - 1 : k, &col);
		if (nl == NULL)
			break;
		buf_addc(out, '\n');
		s += k + 1;
		n -= k + 1;
	}
}

int
sanitize_fputs(const char *s, FILE *f)
{
	struct buf	b;
	int		rc;

	buf_init(&b);
	sanitize_text(&b, s, strlen(s));
	rc = fwrite(b.s, 1, b.len, f) == b.len ? 0 : -1;
	buf_free(&b);
	return rc;
}

int
sanitize_fprintf(FILE *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 rc;

	va_start(ap, fmt);
	rc = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return -1;
	rc = sanitize_fputs(s, f);
	free(s);
	return rc;
}
