/*
 * ptybytes: how many bytes a full-screen program writes for each key.
 *
 *   ptybytes [-o FILE] COLS ROWS KEYS... -- PROGRAM ARGS...
 *
 * Runs PROGRAM in a pseudo-terminal of the given size, waits until it has
 * drawn its first screen (no output for 300 ms), then types each KEYS
 * argument in turn (C escapes: \n \r \e \xNN) and prints, one line each,
 * the bytes written in answer.  The first line is the first screen.
 * With -o, every byte the program wrote is also kept in FILE.
 *
 * It never hangs a test: each wait for quiet ends after 10 s, and a
 * program that does not end on SIGTERM within 3 s gets SIGKILL.
 */
#include <sys/ioctl.h>
#include <sys/wait.h>

#include <poll.h>
#include <time.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static FILE	*copy;	/* -o FILE */

/*
 * Reads until the program is quiet for 300 ms (or 10 s have passed);
 * returns the bytes read.
 */
static long
drain(int fd)
{
	struct pollfd	pfd = { fd, POLLIN, 0 };
	char		buf[65536];
	long		total = 0;
	time_t		end = time(NULL) + 10;
	ssize_t		n;

	while (time(NULL) < end && poll(&pfd, 1, 300) > 0) {
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			break;
		if (copy != NULL)
			fwrite(buf, 1, (size_t)n, copy);
		total += n;
	}
	return total;
}

/* Ends the program: SIGTERM, then SIGKILL if it is still there after 3 s. */
static void
finish(int fd, pid_t pid)
{
	struct timespec	pause = { 0, 10 * 1000 * 1000 };
	time_t		end = time(NULL) + 3;
	int		status;

	kill(pid, SIGTERM);
	while (time(NULL) <= end) {
		drain(fd);	/* at once when the program has closed it */
		if (waitpid(pid, &status, WNOHANG) == pid)
			return;
		nanosleep(&pause, NULL);
	}
	fprintf(stderr, "ptybytes: the program ignored SIGTERM\n");
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

static size_t
unescape(const char *s, char *out)
{
	size_t	n = 0;

	while (*s != '\0') {
		if (s[0] == '\\' && s[1] == 'e') {
			out[n++] = 27;
			s += 2;
		} else if (s[0] == '\\' && s[1] == 'r') {
			out[n++] = '\r';
			s += 2;
		} else if (s[0] == '\\' && s[1] == 'x' && s[2] && s[3]) {
			char	hex[3] = { s[2], s[3], 0 };

			out[n++] = (char)strtol(hex, NULL, 16);
			s += 4;
		} else
			out[n++] = *s++;
	}
	return n;
}

int
main(int argc, char **argv)
{
	struct winsize	ws = { 0 };
	int		fd, i, sep;
	pid_t		pid;
	char		key[256];

	if (argc > 2 && strcmp(argv[1], "-o") == 0) {
		if ((copy = fopen(argv[2], "wb")) == NULL) {
			perror(argv[2]);
			return 1;
		}
		argv += 2;
		argc -= 2;
	}
	for (sep = 3; sep < argc && strcmp(argv[sep], "--") != 0; sep++)
		;
	if (argc < 4 || sep >= argc - 1) {
		fprintf(stderr, "usage: ptybytes [-o FILE] COLS ROWS KEYS... -- PROGRAM\n");
		return 2;
	}
	ws.ws_col = (unsigned short)atoi(argv[1]);
	ws.ws_row = (unsigned short)atoi(argv[2]);
	if ((pid = forkpty(&fd, NULL, NULL, &ws)) < 0) {
		perror("ptybytes: forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[sep + 1], argv + sep + 1);
		_exit(127);
	}
	printf("%ld\n", drain(fd));
	for (i = 3; i < sep; i++) {
		size_t	n = unescape(argv[i], key);

		if (write(fd, key, n) != (ssize_t)n)
			break;
		printf("%ld\n", drain(fd));
	}
	finish(fd, pid);
	if (copy != NULL && fclose(copy) != 0) {
		perror("ptybytes: -o");
		return 1;
	}
	return 0;
}
