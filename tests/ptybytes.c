/*
 * ptybytes: how many bytes a full-screen program writes for each key.
 *
 *   ptybytes COLS ROWS KEYS... -- PROGRAM ARGS...
 *
 * Runs PROGRAM in a pseudo-terminal of the given size, waits until it has
 * drawn its first screen (no output for 300 ms), then types each KEYS
 * argument in turn (C escapes: \n \r \e \xNN) and prints, one line each,
 * the bytes written in answer.  The first line is the first screen.
 */
#include <sys/ioctl.h>
#include <sys/wait.h>

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads until the program is quiet for 300 ms; returns the bytes read. */
static long
drain(int fd)
{
	struct pollfd	pfd = { fd, POLLIN, 0 };
	char		buf[65536];
	long		total = 0;
	ssize_t		n;

	while (poll(&pfd, 1, 300) > 0) {
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			break;
		total += n;
	}
	return total;
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
	int		fd, i, sep, status;
	pid_t		pid;
	char		key[256];

	for (sep = 3; sep < argc && strcmp(argv[sep], "--") != 0; sep++)
		;
	if (argc < 4 || sep >= argc - 1) {
		fprintf(stderr, "usage: ptybytes COLS ROWS KEYS... -- PROGRAM\n");
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
	kill(pid, SIGTERM);
	drain(fd);
	waitpid(pid, &status, 0);
	return 0;
}
