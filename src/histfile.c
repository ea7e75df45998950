/* histfile.c: the search history kept between runs (see histfile.h). */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "histfile.h"
#include "xmalloc.h"

#define HISTFILE_LINE	4096	/* longer lines are not entries */

/* mkdir -p for the state directory, each made 0700. */
static int
histfile_mkdir(char *dir)
{
	char	*p;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(dir, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

char *
histfile_path(const char *name)
{
	const char	*x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char		*dir, *path;

	if (x != NULL && x[0] == '/')
		dir = xasprintf("%s/folio", x);
	else if (home != NULL && home[0] == '/')
		dir = xasprintf("%s/.local/state/folio", home);
	else
		return NULL;
	if (histfile_mkdir(dir) != 0) {
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/%s", dir, name);
	free(dir);
	return path;
}

/* Can s be an entry (no control character, not empty)? */
static int
histfile_ok(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

void
histfile_add(struct histfile *h, const char *s)
{
	size_t	i;

	if (!histfile_ok(s))
		return;
	for (i = 0; i < h->n; i++)
		if (strcmp(h->v[i], s) == 0) {
			free(h->v[i]);
			memmove(h->v + i, h->v + i + 1,
			    (h->n - i - 1) * sizeof *h->v);
			h->n--;
			break;
		}
	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof *h->v);
	h->v[h->n++] = xstrdup(s);
}

int
histfile_load(const char *path, struct histfile *h)
{
	FILE	*f;
	char	 line[HISTFILE_LINE];
	size_t	 k;

	memset(h, 0, sizeof *h);
	if ((f = fopen(path, "r")) == NULL)
		return errno == ENOENT ? 0 : -1;
	while (fgets(line, sizeof line, f) != NULL) {
		k = strlen(line);
		if (k == 0 || line[k - 1] != '\n') {	/* too long: skip it */
			int c;

			while ((c = getc(f)) != EOF && c != '\n')
				;
			continue;
		}
		line[k - 1] = '\0';
		histfile_add(h, line);
	}
	fclose(f);
	return 0;
}

int
histfile_save(const char *path, const struct histfile *h, size_t max,
    char **cause)
{
	struct histfile	 all;
	char		*tmp;
	size_t		 i, from;
	FILE		*f;
	int		 fd, err;

	if (histfile_load(path, &all) != 0)
		memset(&all, 0, sizeof all);	/* unreadable: ours only */
	for (i = 0; i < h->n; i++)
		histfile_add(&all, h->v[i]);
	from = all.n > max ? all.n - max : 0;
	tmp = xasprintf("%s.%ld", path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	for (i = from; f != NULL && i < all.n; i++)
		fprintf(f, "%s\n", all.v[i]);
	err = f == NULL || fflush(f) != 0 || fsync(fileno(f)) != 0 ||
	    ferror(f);
	if (f != NULL)
		err |= fclose(f) != 0;
	else if (fd >= 0)
		close(fd);
	if (!err && rename(tmp, path) != 0)
		err = 1;
	if (err) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	histfile_free(&all);
	return err ? -1 : 0;
}

void
histfile_free(struct histfile *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	memset(h, 0, sizeof *h);
}
