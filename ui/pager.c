/* pager.c: placeholder while the core is built (replaced below). */
#include <sys/ioctl.h>
#include <stdio.h>
#include <unistd.h>

#include "pager.h"
#include "print.h"

int
pager_terminal_width(int fallback)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return fallback;
}

void
pager_emergency_stop(void)
{
}

int
pager_run(struct doc *d, const struct options *o, const char *name)
{
	(void)name;
	return print_dump(d, pager_terminal_width(80), o->ambiguous, stdout);
}
