/* json.c: a recursive-descent JSON reader (see json.h). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "xmalloc.h"

#define JSON_DEPTH	64

struct reader {
	const char	*s;
	size_t		 n;
	size_t		 i;
	const char	*err;
};

static void	json_clear(struct json *);

static void
json_ws(struct reader *r)
{
	while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' ||
	    r->s[r->i] == '\n' || r->s[r->i] == '\r'))
		r->i++;
}

static int
json_hex(struct reader *r, unsigned *out)
{
	unsigned	v = 0;
	int		k;

	for (k = 0; k < 4; k++, r->i++) {
		char c = r->i < r->n ? r->s[r->i] : 0;

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v |= (unsigned)((c | 0x20) - 'a' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static int
json_escape(struct reader *r, struct buf *b)
{
	unsigned	u, lo;
	char		c = r->s[r->i++];

	switch (c) {
	case 'n': buf_addc(b, '\n'); return 0;
	case 't': buf_addc(b, '\t'); return 0;
	case 'r': buf_addc(b, '\r'); return 0;
	case 'b': buf_addc(b, '\b'); return 0;
	case 'f': buf_addc(b, '\f'); return 0;
	case '"': case '\\': case '/': buf_addc(b, c); return 0;
	case 'u':
		if (json_hex(r, &u) != 0)
			return -1;
		if (u >= 0xD800 && u < 0xDC00 && r->i + 6 <= r->n &&
		    r->s[r->i] == '\\' && r->s[r->i + 1] == 'u') {
			r->i += 2;
			if (json_hex(r, &lo) != 0)
				return -1;
			if (lo >= 0xDC00 && lo < 0xE000)
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00);
			else {		/* not a pair: both are kept apart */
				buf_add_cp(b, 0xFFFD);
				u = lo;
			}
		}
		/* A lone surrogate or a NUL: not in a C string of UTF-8. */
		if ((u >= 0xD800 && u < 0xE000) || u == 0)
			u = 0xFFFD;
		buf_add_cp(b, u);
		return 0;
	}
	return -1;
}

static int
json_string(struct reader *r, char **out)
{
	struct buf	b;

	buf_init(&b);
	r->i++;		/* the quote */
	while (r->i < r->n && r->s[r->i] != '"') {
		if ((unsigned char)r->s[r->i] < 0x20) {
			r->err = "control character in a string";
			buf_free(&b);
			return -1;
		}
		if (r->s[r->i] == '\\') {
			r->i++;
			if (r->i >= r->n || json_escape(r, &b) != 0) {
				r->err = "bad escape in a string";
				buf_free(&b);
				return -1;
			}
			continue;
		}
		buf_addc(&b, r->s[r->i++]);
	}
	if (r->i >= r->n) {
		r->err = "unterminated string";
		buf_free(&b);
		return -1;
	}
	r->i++;
	*out = buf_take(&b, NULL);
	return 0;
}

static int	json_value(struct reader *, struct json *, int);

static struct json *
json_push(struct json *j)
{
	j->v = xgrow_one(j->v, j->n, sizeof *j->v);
	memset(&j->v[j->n], 0, sizeof *j->v);
	return &j->v[j->n++];
}

static int
json_members(struct reader *r, struct json *j, int depth, char close)
{
	r->i++;
	json_ws(r);
	if (r->i < r->n && r->s[r->i] == close) {
		r->i++;
		return 0;
	}
	for (;;) {
		char	*key = NULL;

		json_ws(r);
		if (close == '}') {
			if (r->i >= r->n || r->s[r->i] != '"' ||
			    json_string(r, &key) != 0) {
				r->err = r->err ? r->err : "expected a key";
				return -1;
			}
			json_ws(r);
			if (r->i >= r->n || r->s[r->i++] != ':') {
				free(key);
				r->err = "expected ':'";
				return -1;
			}
			j->keys = xgrow_one(j->keys, j->n, sizeof *j->keys);
			j->keys[j->n] = key;
		}
		if (json_value(r, json_push(j), depth + 1) != 0)
			return -1;
		json_ws(r);
		if (r->i < r->n && r->s[r->i] == ',') {
			r->i++;
			continue;
		}
		if (r->i < r->n && r->s[r->i] == close) {
			r->i++;
			return 0;
		}
		r->err = close == '}' ? "expected ',' or '}'" :
		    "expected ',' or ']'";
		return -1;
	}
}

static int
json_word(struct reader *r, const char *w)
{
	size_t	n = strlen(w);

	if (r->i + n > r->n || memcmp(r->s + r->i, w, n) != 0)
		return -1;
	r->i += n;
	return 0;
}

/* Length of a JSON number at r->i (RFC 8259's grammar), or 0. */
static size_t
json_number_len(const struct reader *r)
{
	const char	*s = r->s + r->i;
	size_t		 n = r->n - r->i, i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == d || (s[d] == '0' && i - d > 1))
		return 0;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	return i;
}

/* A number, read from a terminated copy: the input may end right here. */
static int
json_number(struct reader *r, struct json *j)
{
	size_t	len = json_number_len(r);
	char	buf[64];

	if (len == 0 || len >= sizeof buf) {
		r->err = len == 0 ? "unexpected character" : "number too long";
		return -1;
	}
	memcpy(buf, r->s + r->i, len);
	buf[len] = '\0';
	j->type = JSON_NUMBER;
	j->num = strtod(buf, NULL);
	r->i += len;
	return 0;
}

static int
json_value(struct reader *r, struct json *j, int depth)
{
	json_ws(r);
	if (r->i >= r->n) {
		r->err = "unexpected end";
		return -1;
	}
	if (depth > JSON_DEPTH) {
		r->err = "nested too deep";
		return -1;
	}
	switch (r->s[r->i]) {
	case '{':
		j->type = JSON_OBJECT;
		return json_members(r, j, depth, '}');
	case '[':
		j->type = JSON_ARRAY;
		return json_members(r, j, depth, ']');
	case '"':
		j->type = JSON_STRING;
		return json_string(r, &j->str);
	case 't':
	case 'f':
		j->type = JSON_BOOL;
		j->num = r->s[r->i] == 't';
		return json_word(r, j->num ? "true" : "false") == 0 ? 0 :
		    (r->err = "bad literal", -1);
	case 'n':
		j->type = JSON_NULL;
		return json_word(r, "null") == 0 ? 0 :
		    (r->err = "bad literal", -1);
	}
	return json_number(r, j);
}

struct json *
json_parse(const char *s, size_t n, char **cause)
{
	struct reader	 r = { s, n, 0, NULL };
	struct json	*j = xcalloc(1, sizeof *j);
	char		 msg[128];

	if (json_value(&r, j, 0) == 0) {
		json_ws(&r);
		if (r.i == n)
			return j;
		r.err = "text after the value";
	}
	snprintf(msg, sizeof msg, "bad JSON at byte %zu: %s", r.i,
	    r.err ? r.err : "error");
	*cause = xstrdup(msg);
	json_free(j);
	return NULL;
}

struct json *
json_parse_file(const char *path, char **cause)
{
	FILE		*f = fopen(path, "r");
	struct buf	 b;
	char		 chunk[65536];
	size_t		 k;
	struct json	*j;

	if (f == NULL) {
		*cause = xstrdup(strerror(errno));
		return NULL;
	}
	buf_init(&b);
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	j = json_parse(b.s ? b.s : "", b.len, cause);
	buf_free(&b);
	return j;
}

static void
json_clear(struct json *j)
{
	size_t	i;

	for (i = 0; i < j->n; i++) {
		json_clear(&j->v[i]);
		if (j->keys != NULL)
			free(j->keys[i]);
	}
	free(j->v);
	free(j->keys);
	free(j->str);
}

void
json_free(struct json *j)
{
	if (j == NULL)
		return;
	json_clear(j);
	free(j);
}

int
json_size(const struct json *j, size_t *out)
{
	if (j == NULL || j->type != JSON_NUMBER || !(j->num >= 0) ||
	    j->num > 9007199254740992.0 || j->num != (double)(uint64_t)j->num)
		return -1;
	*out = (size_t)j->num;
	return 0;
}

const struct json *
json_get(const struct json *j, const char *key)
{
	size_t	i;

	if (j == NULL || j->type != JSON_OBJECT)
		return NULL;
	for (i = 0; i < j->n; i++)
		if (strcmp(j->keys[i], key) == 0)
			return &j->v[i];
	return NULL;
}
