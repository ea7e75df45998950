/*
 * encoding.c: encoding detection and decoding to UTF-8.
 *
 * UTF-16 and Latin-1 are decoded here; GB18030, CP950 and any other name a
 * user gives go through iconv(3), with each undecodable byte replaced by
 * U+FFFD so that one bad byte never loses the rest of the file.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "encoding.h"
#include "xmalloc.h"

#define ENCODING_SAMPLE	65536	/* bytes examined at least */
#define ENCODING_HIGH	4096	/* non-ASCII bytes that are enough evidence */

/* Windows-1252 in 0x80-0x9F; 0 where the code page leaves a hole. */
static const unsigned short encoding_cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Length of a valid UTF-8 sequence at s, 0 if invalid, -1 if cut short. */
static int
encoding_utf8_len(const unsigned char *s, size_t n)
{
	unsigned char	c = s[0];
	int		len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	}
	if (c == 0xE0 && s[1] < 0xA0)
		return 0;
	if (c == 0xED && s[1] > 0x9F)
		return 0;
	if (c == 0xF0 && s[1] < 0x90)
		return 0;
	if (c == 0xF4 && s[1] > 0x8F)
		return 0;
	return len;
}

/* Length of a valid GB18030 (gb) or Big5 character at s, 0 if invalid. */
static int
encoding_dbcs_len(const unsigned char *s, size_t n, int gb)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] == 0x80 || s[0] == 0xFF || n < 2)
		return 0;
	if (gb && n >= 4 && s[1] >= 0x30 && s[1] <= 0x39 && s[2] >= 0x81 &&
	    s[2] <= 0xFE && s[3] >= 0x30 && s[3] <= 0x39)
		return 4;
	if ((s[1] >= 0x40 && s[1] <= 0x7E) || (s[1] >= (gb ? 0x80 : 0xA1) &&
	    s[1] <= 0xFE))
		return 2;
	return 0;
}

static size_t
encoding_dbcs_bad(const unsigned char *s, size_t n, int gb)
{
	size_t	i, bad = 0;
	int	len;

	for (i = 0; i < n; i += len ? len : 1) {
		len = encoding_dbcs_len(s + i, n - i, gb);
		bad += len == 0;
	}
	return bad;
}

static void
encoding_count_pair(unsigned char a, unsigned char b,
    struct encoding_stats *st)
{
	st->pairs++;
	if (((a >= 0xB0 && a <= 0xF7) || (a >= 0xA1 && a <= 0xA9)) &&
	    b >= 0xA1 && b <= 0xFE)
		st->gb++;
	if (((a >= 0xA4 && a <= 0xC6) || (a >= 0xA1 && a <= 0xA3)) &&
	    ((b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE)))
		st->big5++;
}

/* Bytes of ASCII at s, at most n: 32 at a time. */
static size_t
encoding_ascii(const unsigned char *s, size_t n)
{
	uint64_t	w[4];
	size_t		i = 0;

	while (n - i >= 32) {
		memcpy(w, s + i, sizeof w);
		if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) != 0)
			break;
		i += 32;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

/* The UTF-8 half of the statistics: high bytes, sequences, bad bytes. */
static void
encoding_scan_utf8(const unsigned char *s, size_t n, struct encoding_stats *st)
{
	size_t	i;
	int	len;

	memset(st, 0, sizeof *st);
	for (i = 0; i < n; i += len > 0 ? len : 1) {
		if (s[i] < 0x80) {
			len = (int)encoding_ascii(s + i, n - i < 1 << 20 ?
			    n - i : 1 << 20);
			continue;
		}
		st->high++;
		len = encoding_utf8_len(s + i, n - i);
		if (len > 1)
			st->utf8_seqs++;
		else if (len == 0)
			st->utf8_bad++;
	}
}

/* The double-byte half: pairs, and how GB18030 and Big5 would decode. */
static void
encoding_scan_dbcs(const unsigned char *s, size_t n, struct encoding_stats *st)
{
	size_t	i;

	/* Double-byte pairs, walked separately: a lead and its trail. */
	for (i = 0; i + 1 < n; i++) {
		if (s[i] < 0x81 || s[i] == 0xFF)
			continue;
		if (s[i + 1] >= 0x80) {
			encoding_count_pair(s[i], s[i + 1], st);
			i++;
		} else if (s[i + 1] >= 0x40 && s[i + 1] != 0x7F &&
		    s[i] >= 0xA1 && s[i] <= 0xC6)
			i++;	/* a Big5 or GBK pair with an ASCII trail */
	}
	st->gb_bad = encoding_dbcs_bad(s, n, 1);
	st->big5_bad = encoding_dbcs_bad(s, n, 0);
}

void
encoding_scan(const unsigned char *s, size_t n, struct encoding_stats *st)
{
	encoding_scan_utf8(s, n, st);
	encoding_scan_dbcs(s, n, st);
}

/* How far to look: 64 KiB, or on until enough non-ASCII bytes are seen. */
static size_t
encoding_sample_len(const unsigned char *s, size_t n, size_t *highp)
{
	size_t	i, high = 0;

	*highp = 1;	/* not counted */
	if (n <= ENCODING_SAMPLE)
		return n;
	for (i = 0; i < n; i++) {
		i += encoding_ascii(s + i, n - i);
		if (i >= n)
			break;
		if (s[i] >= 0x80 && ++high >= ENCODING_HIGH && i >= ENCODING_SAMPLE)
			break;
	}
	*highp = high;
	return i < n ? i + 1 : n;
}

/*
 * Japanese: walks the bytes as Shift_JIS (sjis) or EUC-JP and counts the
 * double-byte characters, the kana among them and the bytes that are not
 * valid.  Kana are a third or more of Japanese text and almost never in
 * Chinese, which is what tells Japanese from GB18030 and Big5.
 */
static void
encoding_scan_japanese(const unsigned char *s, size_t n, int sjis,
    size_t *chars, size_t *kana, size_t *bad)
{
	size_t		i = 0;
	unsigned char	a, b;

	*chars = *kana = *bad = 0;
	while (i < n) {
		a = s[i];
		if (a < 0x80 || (sjis && a >= 0xA1 && a <= 0xDF)) {
			i++;	/* ASCII, or a half-width katakana */
			continue;
		}
		if (i + 1 >= n)
			break;
		b = s[i + 1];
		if (sjis ? !(((a >= 0x81 && a <= 0x9F) || (a >= 0xE0 &&
		    a <= 0xFC)) && b >= 0x40 && b <= 0xFC && b != 0x7F) :
		    !((a >= 0xA1 || a == 0x8E) && a != 0xFF && b >= 0xA1 &&
		    b <= 0xFE)) {
			(*bad)++;
			i++;
			continue;
		}
		if (!sjis && a == 0x8F && i + 2 < n)
			i++;	/* JIS X 0212: three bytes */
		(*chars)++;
		if (sjis ? (a == 0x82 && b >= 0x9F && b <= 0xF1) ||
		    (a == 0x83 && b >= 0x40 && b <= 0x96) :
		    (a == 0xA4 && b <= 0xF3) || (a == 0xA5 && b <= 0xF6))
			(*kana)++;
		i += 2;
	}
}

/* "CP932" (Shift_JIS), "EUC-JP", or NULL when the text is not Japanese. */
static const char *
encoding_japanese(const unsigned char *s, size_t n)
{
	size_t	chars[2], kana[2], bad[2];
	int	k, best = -1;

	for (k = 0; k < 2; k++) {
		encoding_scan_japanese(s, n, k == 0, &chars[k], &kana[k],
		    &bad[k]);
		if (chars[k] >= 8 && kana[k] * 5 >= chars[k] &&
		    bad[k] * 100 <= chars[k] &&
		    (best < 0 || kana[k] > kana[best]))
			best = k;
	}
	return best < 0 ? NULL : best == 0 ? "CP932" : "EUC-JP";
}

const char *
encoding_detect(const unsigned char *s, size_t n, size_t *bom)
{
	struct encoding_stats	st;
	const char		*jp;
	double			gb, big5;
	size_t			high;

	*bom = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		*bom = 3;
		return "UTF-8";
	}
	if (n >= 4 && memcmp(s, "\x84\x31\x95\x33", 4) == 0) {
		*bom = 4;
		return "GB18030";
	}
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		*bom = 2;
		return "UTF-16LE";
	}
	if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		*bom = 2;
		return "UTF-16BE";
	}
	n = encoding_sample_len(s, n, &high);
	if (high == 0)
		return "UTF-8";		/* ASCII throughout */
	encoding_scan_utf8(s, n, &st);
	if (st.utf8_bad == 0 || st.utf8_seqs >= 8 * st.utf8_bad)
		return "UTF-8";		/* no need to weigh the others */
	if ((jp = encoding_japanese(s, n)) != NULL)
		return jp;
	encoding_scan_dbcs(s, n, &st);
	/*
	 * Legacy CJK text has its high bytes in pairs and decodes cleanly;
	 * otherwise it is UTF-8 with damage (some valid sequences) or Latin-1.
	 */
	if (st.pairs * 2 < st.high / 2 ||
	    (st.gb_bad * 20 > st.high && st.big5_bad * 20 > st.high))
		return st.utf8_seqs * 8 >= st.utf8_bad ? "UTF-8" : "ISO-8859-1";
	gb = (double)st.gb / st.pairs;
	big5 = (double)st.big5 / st.pairs;
	if (big5 >= 0.9 && big5 > gb)
		return "CP950";
	return "GB18030";
}

/* A lasting copy of an encoding's name (a few are ever seen). */
static const char *
encoding_intern(const char *name)
{
	static char	*names[32];
	size_t		 i;

	for (i = 0; i < sizeof names / sizeof *names && names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return names[i];
	if (i == sizeof names / sizeof *names)
		return xstrdup(name);	/* kept for good: there are few */
	names[i] = xstrdup(name);
	return names[i];
}

const char *
encoding_detect_declared(const unsigned char *s, size_t n, const char *hint,
    size_t *bom)
{
	const char	*enc = encoding_detect(s, n, bom), *decl;

	if (*bom > 0 || encoding_is_utf8(enc))
		return enc;
	decl = hint != NULL ? encoding_canonical(hint) : NULL;
	if (decl != NULL)
		return encoding_intern(decl);
	decl = encoding_meta(s, n);
	return decl != NULL ? decl : enc;
}

/* The value of charset= at s (n bytes), copied to out (cap bytes). */
static int
encoding_charset_value(const unsigned char *s, size_t n, char *out,
    size_t cap)
{
	size_t	i = 0, k = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	if (i >= n || s[i] != '=')
		return 0;
	i++;
	while (i < n && (s[i] == ' ' || s[i] == '"' || s[i] == '\''))
		i++;
	while (i < n && k + 1 < cap && (isalnum(s[i]) || s[i] == '-' ||
	    s[i] == '_' || s[i] == '.' || s[i] == ':'))
		out[k++] = (char)s[i++];
	out[k] = '\0';
	return k > 0;
}

#define ENCODING_META_SCAN	8192

const char *
encoding_meta(const unsigned char *s, size_t n)
{
	const unsigned char	*p = s, *end, *gt, *c;
	char			 name[64];

	if (n > ENCODING_META_SCAN)
		n = ENCODING_META_SCAN;
	end = s + n;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (end - p < 5 || strncasecmp((const char *)p, "meta", 4) != 0 ||
		    isalnum(p[4]))
			continue;
		if ((gt = memchr(p, '>', (size_t)(end - p))) == NULL)
			break;
		for (c = p; c + 7 <= gt; c++)
			if (strncasecmp((const char *)c, "charset", 7) == 0 &&
			    encoding_charset_value(c + 7, (size_t)(gt - c - 7),
			    name, sizeof name))
				return encoding_canonical(name) != NULL ?
				    encoding_intern(encoding_canonical(name)) :
				    NULL;
		p = gt;
	}
	return NULL;
}

static const struct {
	const char	*alias;
	const char	*name;
} encoding_aliases[] = {
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "utf-16le", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
	{ "utf-16", "UTF-16LE" },
	{ "gb18030", "GB18030" }, { "gbk", "GB18030" }, { "gb2312", "GB18030" },
	{ "cp936", "GB18030" }, { "euc-cn", "GB18030" },
	{ "big5", "CP950" }, { "cp950", "CP950" }, { "big5-hkscs", "BIG5-HKSCS" },
	{ "shift_jis", "CP932" }, { "sjis", "CP932" }, { "cp932", "CP932" },
	{ "windows-31j", "CP932" }, { "euc-jp", "EUC-JP" }, { "eucjp", "EUC-JP" },
	{ "latin1", "ISO-8859-1" }, { "latin-1", "ISO-8859-1" },
	{ "iso-8859-1", "ISO-8859-1" }, { "cp1252", "ISO-8859-1" },
	{ "windows-1252", "ISO-8859-1" }, { "us-ascii", "ISO-8859-1" },
	{ "ascii", "ISO-8859-1" }, { "x-gbk", "GB18030" },
	{ "big5hkscs", "BIG5-HKSCS" }, { "x-big5", "CP950" },
	{ "shift_jis", "SHIFT_JIS" }, { "x-sjis", "SHIFT_JIS" },
	{ "euc-jp", "EUC-JP" }, { "euc-kr", "EUC-KR" },
};

const char *
encoding_canonical(const char *name)
{
	size_t	i;
	iconv_t	cd;

	for (i = 0; i < sizeof encoding_aliases / sizeof *encoding_aliases; i++) {
		if (strcasecmp(name, encoding_aliases[i].alias) == 0)
			return encoding_aliases[i].name;
	}
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	return name;
}

const char *
encoding_label(const char *name)
{
	if (strcmp(name, "CP932") == 0)
		return "Shift_JIS (CP932)";
	if (strcmp(name, "CP950") == 0)
		return "Big5 (CP950)";
	if (strcmp(name, "ISO-8859-1") == 0)
		return "Latin-1 (Windows-1252)";
	return name;
}

int
encoding_is_utf8(const char *name)
{
	return strcmp(name, "UTF-8") == 0;
}

static void
encoding_utf16(const unsigned char *s, size_t n, int be, struct buf *out)
{
	size_t		i;
	unsigned	u, v;

	for (i = 0; i + 1 < n; i += 2) {
		u = be ? (s[i] << 8 | s[i + 1]) : (s[i + 1] << 8 | s[i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
			v = be ? (s[i + 2] << 8 | s[i + 3]) :
			    (s[i + 3] << 8 | s[i + 2]);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				buf_add_cp(out,
				    0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
				i += 2;
				continue;
			}
		}
		buf_add_cp(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
	}
	if (n % 2)
		buf_add_cp(out, 0xFFFD);
}

static void
encoding_latin1(const unsigned char *s, size_t n, struct buf *out)
{
	size_t	i;
	unsigned c;

	buf_reserve(out, n + n / 4);
	for (i = 0; i < n; i++) {
		c = s[i];
		if (c >= 0x80 && c < 0xA0)
			c = encoding_cp1252[c - 0x80] ? encoding_cp1252[c - 0x80] : 0xFFFD;
		buf_add_cp(out, c);
	}
}

static void
encoding_iconv(iconv_t cd, const unsigned char *s, size_t n, struct buf *out)
{
	char	*in = (char *)s, *o;
	size_t	 inleft = n, oleft;

	while (inleft > 0) {
		buf_reserve(out, inleft * 2 + 16);
		o = out->s + out->len;
		oleft = out->cap - out->len - 1;
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1) {
			out->len = o - out->s;
			continue;
		}
		out->len = o - out->s;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL (cut short at the end): one byte is lost. */
		buf_add_cp(out, 0xFFFD);
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
}

char *
encoding_decode(const char *name, const unsigned char *s, size_t n,
    size_t *outlen, char **cause)
{
	struct buf	out;
	iconv_t		cd;

	buf_init(&out);
	if (strcmp(name, "UTF-16LE") == 0 || strcmp(name, "UTF-16BE") == 0)
		encoding_utf16(s, n, name[6] == 'B', &out);
	else if (strcmp(name, "ISO-8859-1") == 0)
		encoding_latin1(s, n, &out);
	else if (strcmp(name, "UTF-8") == 0)
		buf_add(&out, s, n);
	else {
		cd = iconv_open("UTF-8", name);
		if (cd == (iconv_t)-1) {
			*cause = xasprintf("unknown encoding %s", name);
			return NULL;
		}
		encoding_iconv(cd, s, n, &out);
		iconv_close(cd);
	}
	return buf_take(&out, outlen);
}
