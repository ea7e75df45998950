/*
 * cfgfile.c: configuration files as lines (cfgfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfgfile.h"
#include "xmalloc.h"

#define CFG_BLANK(c)	((c) == ' ' || (c) == '\t')

/* Skips blanks. */
static const char *
cfg_skip(const char *s, const char *e)
{
	while (s < e && CFG_BLANK(*s))
		s++;
	return s;
}

/* The end of a token (up to a blank). */
static const char *
cfg_token(const char *s, const char *e)
{
	while (s < e && !CFG_BLANK(*s))
		s++;
	return s;
}

/* Nothing but blanks and a comment left? */
static int
cfg_done(const char *s, const char *e)
{
	s = cfg_skip(s, e);
	return s == e || *s == '#';
}

static void
cfg_add(struct cfgfile *f, int line, int kind, const char *name, size_t nn,
    const char *value, size_t vn)
{
	struct cfg_entry	*c;

	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	c = &f->v[f->n++];
	c->line = line;
	c->kind = kind;
	c->name = xstrndup(name, nn);
	c->value = value != NULL ? xstrndup(value, vn) : NULL;
}

/* bind KEY ACTION, unbind KEY: s is after the word. */
static int
cfg_binding(struct cfgfile *f, int line, int bind, const char *s,
    const char *e, char **why)
{
	const char	*k, *ke, *a = NULL, *ae = NULL;

	k = cfg_skip(s, e);
	ke = cfg_token(k, e);
	if (bind) {
		a = cfg_skip(ke, e);
		ae = cfg_token(a, e);
	}
	if (k == ke || (bind && (a == ae || *a == '#'))) {
		*why = xstrdup(bind ? "bind needs a key and an action "
		    "(bind KEY ACTION)" : "unbind needs a key (unbind KEY)");
		return -1;
	}
	if (!cfg_done(bind ? ae : ke, e)) {
		*why = xstrdup(bind ? "more than a key and an action after "
		    "bind" : "more than a key after unbind");
		return -1;
	}
	cfg_add(f, line, bind ? CFG_BIND : CFG_UNBIND, k, (size_t)(ke - k), a,
	    (size_t)(ae - a));
	return 0;
}

/* name=value, name value, name: s is the line without its blanks. */
static int
cfg_option(struct cfgfile *f, int line, const char *s, const char *e,
    char **why)
{
	const char	*n, *ne, *v, *ve;
	char		 q;

	if (e - s > 2 && s[0] == '-' && s[1] == '-')
		s += 2;
	n = s;
	for (ne = n; ne < e && ((*ne >= 'a' && *ne <= 'z') ||
	    (*ne >= 'A' && *ne <= 'Z') || (*ne >= '0' && *ne <= '9') ||
	    *ne == '-' || *ne == '_'); ne++)
		;
	v = cfg_skip(ne, e);
	if (ne == n || (v < e && *v != '=' && v == ne)) {
		*why = xstrdup("not an option, bind or unbind line (name=value, "
		    "bind KEY ACTION, unbind KEY)");
		return -1;
	}
	if (v < e && *v == '=')
		v = cfg_skip(v + 1, e);
	else if (v == e || *v == '#') {		/* a flag: "force" */
		cfg_add(f, line, CFG_OPTION, n, (size_t)(ne - n), NULL, 0);
		return 0;
	}
	if (v < e && (*v == '"' || *v == '\'')) {
		q = *v++;
		for (ve = v; ve < e && *ve != q; ve++)
			;
		if (ve == e) {
			*why = xasprintf("the quote %c is not closed", q);
			return -1;
		}
		if (!cfg_done(ve + 1, e)) {
			*why = xstrdup("more after the quoted value");
			return -1;
		}
	} else {
		for (ve = v; ve < e && !(ve > v && *ve == '#' &&
		    CFG_BLANK(ve[-1])); ve++)
			;
		while (ve > v && CFG_BLANK(ve[-1]))
			ve--;
	}
	cfg_add(f, line, CFG_OPTION, n, (size_t)(ne - n), v, (size_t)(ve - v));
	return 0;
}

/* One line (without its end); 0, or -1 with *why. */
static int
cfg_line(struct cfgfile *f, int line, const char *s, const char *e,
    char **why)
{
	const char	*w;

	if (memchr(s, '\0', (size_t)(e - s)) != NULL) {
		*why = xstrdup("a NUL byte: this is not a text file");
		return -1;
	}
	s = cfg_skip(s, e);
	while (e > s && (CFG_BLANK(e[-1]) || e[-1] == '\r'))
		e--;
	if (s == e || *s == '#')
		return 0;
	w = cfg_token(s, e);
	if (w - s == 4 && memcmp(s, "bind", 4) == 0)
		return cfg_binding(f, line, 1, w, e, why);
	if (w - s == 6 && memcmp(s, "unbind", 6) == 0)
		return cfg_binding(f, line, 0, w, e, why);
	return cfg_option(f, line, s, e, why);
}

int
cfgfile_parse(const char *text, size_t len, struct cfgfile *f, int *line,
    char **why)
{
	const char	*s = text, *end = text + len, *nl;
	int		 n = 0;

	*why = NULL;
	*line = 0;
	while (s < end) {
		n++;
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		if (cfg_line(f, n, s, nl, why) != 0) {
			*line = n;
			return -1;
		}
		s = nl < end ? nl + 1 : end;
	}
	return 0;
}

int
cfgfile_read(const char *path, struct cfgfile *f, int *line, char **why)
{
	char	*text;
	size_t	 len = 0;
	ssize_t	 r;
	int	 fd, rc;

	*line = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*why = xstrdup(strerror(errno));
		return -1;
	}
	text = xmalloc(CFGFILE_MAX + 1);
	while (len <= CFGFILE_MAX && (r = read(fd, text + len,
	    CFGFILE_MAX + 1 - len)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*why = xstrdup(errno == EISDIR ? "is a directory" :
			    strerror(errno));
			free(text);
			close(fd);
			return -1;
		}
		len += (size_t)r;
	}
	close(fd);
	if (len > CFGFILE_MAX) {
		*why = xstrdup("larger than 1 MiB: not a configuration file");
		free(text);
		return -1;
	}
	rc = cfgfile_parse(text, len, f, line, why);
	free(text);
	return rc;
}

void
cfgfile_free(struct cfgfile *f)
{
	size_t	i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].value);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

size_t
cfgfile_paths(const char *sysconfdir, const char *given,
    struct cfg_path out[2])
{
	const char	*env = getenv("FOLIO_CONFIG");
	const char	*xdg = getenv("XDG_CONFIG_HOME");
	const char	*home = getenv("HOME");
	size_t		 n = 0;

	if (given != NULL || (env != NULL && *env != '\0')) {
		out[0].path = xstrdup(given != NULL ? given : env);
		out[0].required = 1;
		return 1;
	}
	if (sysconfdir != NULL && *sysconfdir != '\0') {
		out[n].path = xasprintf("%s/folio/config", sysconfdir);
		out[n++].required = 0;
	}
	if (xdg != NULL && *xdg == '/')		/* the spec: absolute only */
		out[n].path = xasprintf("%s/folio/config", xdg);
	else if (home != NULL && *home != '\0')
		out[n].path = xasprintf("%s/.config/folio/config", home);
	else
		return n;
	out[n++].required = 0;
	return n;
}
