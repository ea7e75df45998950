/* buf.c: growable byte buffer. */
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

void
buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

void
buf_reserve(struct buf *b, size_t more)
{
	size_t	need = b->len + more + 1;

	if (need <= b->cap)
		return;
	if (b->cap * 2 > need)
		need = b->cap * 2;
	if (need < 64)
		need = 64;
	b->s = xreallocarray(b->s, need, 1);
	b->cap = need;
	b->s[b->len] = '\0';	/* terminated from the first allocation on */
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n != 0)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_addc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_add_cp(struct buf *b, uint32_t c)
{
	unsigned char	u[4];
	size_t		n;

	if (c < 0x80) {
		u[0] = c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = 0xC0 | (c >> 6);
		u[1] = 0x80 | (c & 0x3F);
		n = 2;
	} else if (c < 0x10000) {
		u[0] = 0xE0 | (c >> 12);
		u[1] = 0x80 | ((c >> 6) & 0x3F);
		u[2] = 0x80 | (c & 0x3F);
		n = 3;
	} else {
		u[0] = 0xF0 | (c >> 18);
		u[1] = 0x80 | ((c >> 12) & 0x3F);
		u[2] = 0x80 | ((c >> 6) & 0x3F);
		u[3] = 0x80 | (c & 0x3F);
		n = 4;
	}
	buf_add(b, u, n);
}

char *
buf_take(struct buf *b, size_t *len)
{
	char	*s;

	buf_reserve(b, 0);	/* always a terminated string, even when empty */
	b->s[b->len] = '\0';
	s = b->s;
	if (len != NULL)
		*len = b->len;
	buf_init(b);
	return s;
}
