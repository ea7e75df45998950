/*
 * json.h: a small JSON reader, for importing folio's own exports.  Strict
 * enough to refuse garbage with a message, no more.
 */
#ifndef FOLIO_JSON_H
#define FOLIO_JSON_H

#include <stddef.h>

enum json_type {
	JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT
};

struct json {
	int		 type;	/* enum json_type */
	double		 num;	/* number, or bool as 0/1 */
	char		*str;	/* string (UTF-8) */
	size_t		 n;	/* array or object members */
	struct json	*v;
	char		**keys;	/* object keys */
};

/*
 * Parses n bytes (not necessarily terminated); NULL with *cause
 * (allocated) on an error.  Strings are UTF-8 as they came, but for
 * escapes: a \\u0000 or an unpaired surrogate becomes U+FFFD.
 */
struct json	*json_parse(const char *, size_t, char **cause);
struct json	*json_parse_file(const char *path, char **cause);
void		 json_free(struct json *);
/*
 * A member that is a whole number from 0 to 2^53 (a count, an offset):
 * 0 with *out set, or -1 for anything else (negative, fractional, too
 * large, not a number).  A number from a file is never cast unchecked.
 */
int		 json_size(const struct json *, size_t *out);
/* An object's member, or NULL. */
const struct json *json_get(const struct json *, const char *key);

#endif
