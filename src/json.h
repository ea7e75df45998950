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

/* Parses n bytes; NULL with *cause (allocated) on an error. */
struct json	*json_parse(const char *, size_t, char **cause);
struct json	*json_parse_file(const char *path, char **cause);
void		 json_free(struct json *);
/* An object's member, or NULL. */
const struct json *json_get(const struct json *, const char *key);

#endif
