/*
 * main.c: runs a fuzz target without libFuzzer, on each file named (a
 * directory: each file in it), as LLVM's StandaloneFuzzTargetMain.c and
 * libxml2's testFuzzer do.  make check replays the seed corpus with it, so
 * every input that once broke folio keeps being tried.  A finding aborts.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Reads a whole file into an allocated buffer of exactly its size. */
static uint8_t *
main_read(const char *path, size_t *n)
{
	FILE	*f = fopen(path, "rb");
	uint8_t	*p = NULL, *q;
	size_t	 cap = 0, k;

	*n = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((q = realloc(p, cap)) == NULL)
				break;
			p = q;
		}
		if ((k = fread(p + *n, 1, cap - *n, f)) == 0)
			break;
		*n += k;
	}
	fclose(f);
	/* An exact-size copy, so that ASan sees reads past the input. */
	q = malloc(*n > 0 ? *n : 1);
	if (q != NULL && *n > 0)
		memcpy(q, p, *n);
	free(p);
	return q;
}

static int
main_file(const char *path)
{
	uint8_t	*p;
	size_t	 n;

	if ((p = main_read(path, &n)) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	/* An empty input is passed as no bytes at all, as libFuzzer does. */
	LLVMFuzzerTestOneInput(n > 0 ? p : (const uint8_t *)"", n);
	free(p);
	return 0;
}

static int
main_dir(const char *path)
{
	struct dirent	**names;
	char		 *f;
	int		  n, i, rc = 0;

	if ((n = scandir(path, &names, NULL, alphasort)) < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' && (f = malloc(strlen(path) +
		    strlen(names[i]->d_name) + 2)) != NULL) {
			sprintf(f, "%s/%s", path, names[i]->d_name);
			if (main_file(f) != 0)
				rc = -1;
			free(f);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	struct stat	sb;
	int		i, rc = 0;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			rc |= main_dir(argv[i]);
		else
			rc |= main_file(argv[i]);
	}
	return rc != 0;
}
