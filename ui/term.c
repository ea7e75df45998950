/*
 * term.c: taking and giving back the terminal, and signals.
 *
 * Handlers only set flags (shared/docs/house-style.md): SIGHUP (the SSH
 * connection dropped) and SIGTERM ask the loop to quit; SIGINT (Ctrl-C) is
 * given to the mode on top as a key, which cancels it; SIGTSTP asks the
 * loop to suspend.  They are installed before ncurses starts, so that
 * ncurses leaves them alone, and without SA_RESTART, so that a signal
 * wakes the loop from its wait for a key.  ncurses keeps its own SIGWINCH
 * handling and reports a resize as KEY_RESIZE.
 */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "keys.h"
#include "ui.h"

#include <term.h>	/* after ui.h: it defines a macro "lines" */

static void	term_mouse_send(int);

static volatile sig_atomic_t	term_quit_flag;
static volatile sig_atomic_t	term_int_flag;
static volatile sig_atomic_t	term_tstp_flag;
static SCREEN			*term_screen;
static FILE			*term_tty;
static int			 term_started;
static int			 term_colour_on;
static int			 term_mouse_on;	/* reports asked for */

static void
term_on_quit(int sig)
{
	(void)sig;
	term_quit_flag = 1;
}

static void
term_on_int(int sig)
{
	(void)sig;
	term_int_flag = 1;
}

static void
term_on_tstp(int sig)
{
	(void)sig;
	term_tstp_flag = 1;
}

static void
term_handle(int sig, void (*fn)(int))
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: wake the wait for a key */
	sigaction(sig, &sa, NULL);
}

int
term_check(void)
{
	const char	*t = getenv("TERM");
	char		*cup;
	int		 err = 0;

	if (t == NULL || *t == '\0') {
		fprintf(stderr, "folio: TERM is not set, so the terminal cannot "
		    "be driven (try --dump)\n");
		return -1;
	}
	if (setupterm(t, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr, "folio: terminal type '%s' is unknown "
		    "(try TERM=xterm-256color, or --dump)\n", t);
		return -1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		fprintf(stderr, "folio: terminal '%s' cannot move the cursor, "
		    "so it cannot show a full screen (try --dump)\n", t);
		del_curterm(cur_term);
		return -1;
	}
	del_curterm(cur_term);
	return 0;
}

int
term_start(int colour)
{
	FILE	*in = stdin;

	if (!isatty(STDIN_FILENO)) {
		if ((term_tty = fopen("/dev/tty", "r")) == NULL) {
			fprintf(stderr, "folio: no terminal to read keys from\n");
			return -1;
		}
		in = term_tty;
	}
	term_handle(SIGHUP, term_on_quit);
	term_handle(SIGTERM, term_on_quit);
	term_handle(SIGINT, term_on_int);	/* a key: Ctrl-C cancels */
	term_handle(SIGTSTP, term_on_tstp);
	if ((term_screen = newterm(NULL, stdout, in)) == NULL) {
		fprintf(stderr, "folio: cannot start the terminal\n");
		return -1;
	}
	term_started = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	idcok(stdscr, TRUE);
	leaveok(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	/* Mouse reports are read by folio, never taken for keys. */
	define_key("\033[<", KEY_MOUSE_SGR);
	define_key("\033[M", KEY_MOUSE_X10);
	term_colour_on = 0;
	if (colour && has_colors() && start_color() == OK) {
		use_default_colors();	/* the terminal's own background */
		term_colour_on = 1;
	}
	return 0;
}

void
term_stop(void)
{
	if (!term_started)
		return;
	term_started = 0;
	term_mouse_send(0);
	curs_set(1);
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
	if (term_tty != NULL) {
		fclose(term_tty);
		term_tty = NULL;
	}
}

/*
 * Mouse reports on or off: button events (1000), written as SGR (1006),
 * which has no limit to its coordinates.  A terminal without 1006 sends
 * X10 reports instead, read too.  Only where terminfo says the terminal
 * has a mouse (kmous).
 */
static void
term_mouse_send(int on)
{
	static int	sent;

	if (on == sent)
		return;
	fputs(on ? "\033[?1000h\033[?1006h" : "\033[?1006l\033[?1000l",
	    stdout);
	fflush(stdout);
	sent = on;
}

int
term_mouse(int on)
{
	const char	*km = tigetstr("kmous");

	if (on && (km == NULL || km == (char *)-1 || *km == '\0'))
		return -1;
	term_mouse_on = on;
	term_mouse_send(on);
	return 0;
}

/*
 * After an introducer: the rest of the report, from what the terminal
 * has sent (bytes, not characters: X10's coordinates are raw).  The
 * wheel's direction (1 down, -1 up), or 0.
 */
int
term_mouse_read(int intro)
{
	unsigned char		b[24];
	struct keys_mouse	m;
	size_t			n = 0, used;
	int			c, rc;

	timeout(50);
	while (n < sizeof b) {
		if ((c = getch()) == ERR)	/* a report's bytes, not keys */
			break;
		b[n++] = (unsigned char)c;
		rc = intro == KEY_MOUSE_SGR ?
		    keys_mouse_sgr(b, n, &used, &m) :
		    keys_mouse_x10(b, n, &used, &m);
		if (rc == 0)
			return keys_wheel(&m);
		if (intro == KEY_MOUSE_SGR && !(c == ';' || (c >= '0' &&
		    c <= '9')))
			break;	/* not a report after all: dropped */
	}
	return 0;
}

int
term_quit_requested(void)
{
	return term_quit_flag != 0;
}

int
term_take_interrupt(void)
{
	int	f = term_int_flag;

	term_int_flag = 0;
	return f;
}

void
term_catch_interrupt(int on)
{
	if (on)
		term_handle(SIGINT, term_on_int);
	else
		signal(SIGINT, SIG_DFL);
	term_int_flag = 0;
}

/*
 * Is the terminal gone (the pseudo-terminal closed without a SIGHUP
 * reaching us)?  Then every read fails at once, and waiting for keys
 * would spin.
 */
int
term_gone(void)
{
	struct pollfd	pfd;

	pfd.fd = term_tty != NULL ? fileno(term_tty) : STDIN_FILENO;
	pfd.events = POLLIN;
	pfd.revents = 0;
	return poll(&pfd, 1, 0) > 0 &&
	    (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

int
term_take_suspend(void)
{
	int	f = term_tstp_flag;

	term_tstp_flag = 0;
	return f;
}

/* Gives the terminal back, stops, and takes it again on SIGCONT. */
void
term_suspend(void)
{
	sigset_t	set;

	def_prog_mode();
	term_mouse_send(0);
	endwin();
	signal(SIGTSTP, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	kill(getpid(), SIGTSTP);
	/* Running again. */
	term_handle(SIGTSTP, term_on_tstp);
	reset_prog_mode();
	term_mouse_send(term_mouse_on);
	clearok(curscr, TRUE);
}

/* no-color.org: NO_COLOR set and not empty means no colour, unless asked. */
int
term_wants_colour(const struct options *o)
{
	const char	*nc = getenv("NO_COLOR");

	if (o->colour == COLOUR_NEVER)
		return 0;
	return o->colour == COLOUR_ALWAYS || nc == NULL || *nc == '\0';
}

int
term_colour(void)
{
	return term_colour_on;
}

/*
 * OSC 8 hyperlinks, only where the terminal is known to take them (others
 * may print the sequence): FOLIO_HYPERLINKS=1 or 0 decides; else kitty,
 * WezTerm, iTerm2, foot, VTE terminals and Windows Terminal.
 */
int
term_has_hyperlinks(void)
{
	const char	*f = getenv("FOLIO_HYPERLINKS"), *t = getenv("TERM");
	const char	*tp = getenv("TERM_PROGRAM");

	if (f != NULL && *f != '\0')
		return strcmp(f, "1") == 0;
	if (getenv("TMUX") != NULL || getenv("STY") != NULL)
		return 0;
	return getenv("KITTY_WINDOW_ID") != NULL ||
	    getenv("VTE_VERSION") != NULL || getenv("WT_SESSION") != NULL ||
	    (tp != NULL && (strcmp(tp, "WezTerm") == 0 ||
	    strcmp(tp, "iTerm.app") == 0)) ||
	    (t != NULL && (strcmp(t, "foot") == 0 ||
	    strcmp(t, "xterm-kitty") == 0));
}
