/*
 * history.c: the documents read, as rows (history.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "search.h"

void
history_place(double fraction, char *out, size_t size)
{
	int	pc;

	if (fraction < 0 || fraction > 1) {
		snprintf(out, size, "%s", "");
		return;
	}
	if (fraction >= 1) {
		snprintf(out, size, "END");
		return;
	}
	pc = (int)(fraction * 100.0 + 0.5);
	snprintf(out, size, "%d%%", pc > 99 ? 99 : pc);
}

/* The local date of t as a day number (days since the epoch, locally). */
static long
history_day(time_t t, struct tm *tm)
{
	struct tm	u;

	localtime_r(&t, tm);
	memset(&u, 0, sizeof u);
	u.tm_year = tm->tm_year;
	u.tm_mon = tm->tm_mon;
	u.tm_mday = tm->tm_mday;
	return (long)(timegm(&u) / 86400);
}

void
history_when(const char *iso, time_t now, char *out, size_t size)
{
	static const char *const days[] = { "Sunday", "Monday", "Tuesday",
	    "Wednesday", "Thursday", "Friday", "Saturday" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 u, t, n;
	long		 d;

	memset(&u, 0, sizeof u);
	if (iso == NULL || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &u.tm_year,
	    &u.tm_mon, &u.tm_mday, &u.tm_hour, &u.tm_min, &u.tm_sec) != 6) {
		snprintf(out, size, "%s", "");
		return;
	}
	u.tm_year -= 1900;
	u.tm_mon -= 1;
	d = history_day(now, &n) - history_day(timegm(&u), &t);
	if (d == 0)
		snprintf(out, size, "today %02d:%02d", t.tm_hour, t.tm_min);
	else if (d == 1)
		snprintf(out, size, "yesterday %02d:%02d", t.tm_hour, t.tm_min);
	else if (d > 1 && d < 7)
		snprintf(out, size, "%s", days[t.tm_wday]);
	else if (t.tm_year == n.tm_year && d > 0)
		snprintf(out, size, "%d %s", t.tm_mday, months[t.tm_mon]);
	else
		snprintf(out, size, "%d %s %d", t.tm_mday, months[t.tm_mon],
		    t.tm_year + 1900);
}

long
history_match(const struct store_hist *v, size_t n, const char *pattern)
{
	struct search	*s;
	char		*cause = NULL;
	size_t		 i;
	long		 found = -1;

	if (pattern[strspn(pattern, " \t")] == '\0' ||
	    (s = search_new(pattern, SEARCH_ICASE, &cause)) == NULL) {
		free(cause);
		return -1;
	}
	for (i = 0; i < n && found < 0; i++)
		if ((v[i].title != NULL && search_in(s, v[i].title,
		    strlen(v[i].title))) || search_in(s, v[i].path,
		    strlen(v[i].path)))
			found = (long)i;
	search_free(s);
	return found;
}

size_t
history_drop(struct store_hist *v, size_t n, const char *path)
{
	size_t	i, k = 0;

	for (i = 0; i < n; i++) {
		if (path != NULL && strcmp(v[i].path, path) == 0) {
			free(v[i].title);
			free(v[i].path);
			continue;
		}
		v[k++] = v[i];
	}
	return k;
}
