# lib.sh: TAP helpers for folio's end-to-end tests.  Sourced, not run.
# The harness sets FOLIO (the program), TESTDATA (tests/data), LC_ALL.

: "${FOLIO:?FOLIO must name the folio program}"
: "${TESTDATA:?TESTDATA must name tests/data}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-test.XXXXXX")
# Never the user's own notes: a store per test file.
FOLIO_DATA_DIR="$TMP/data"
export FOLIO_DATA_DIR
trap 'rm -rf "$TMP"' EXIT
# Never the user's configuration, nor colours turned off by them.
FOLIO_CONFIG=/dev/null
export FOLIO_CONFIG
unset NO_COLOR
tap_n=0
tap_failed=0

ok() {		# ok DESCRIPTION: a passing test
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

not_ok() {	# not_ok DESCRIPTION DETAIL...
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

check() {	# check DESCRIPTION COMMAND...: passes when the command does
	desc=$1
	shift
	if "$@" >"$TMP/check.out" 2>&1; then
		ok "$desc"
	else
		not_ok "$desc" "command failed: $*" "$(head -c 2000 "$TMP/check.out")"
	fi
}

expect_status() {	# expect_status DESCRIPTION STATUS COMMAND...
	desc=$1
	want=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$desc"
	else
		not_ok "$desc" "exit status $got, wanted $want" "$(cat "$TMP/err")"
	fi
}

expect_err() {	# expect_err DESCRIPTION TEXT: stderr of the last command
	if [ "$(cat "$TMP/err")" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1" "stderr was: $(cat "$TMP/err")" "wanted: $2"
	fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# --- Full-screen tests in tmux -------------------------------------------
# Each test file gets its own tmux server (socket in $TMP).

need_tmux() {
	command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"
	tmux_n=0
	TMUX_SOCK="$TMP/tmux.0"
	trap 'for s in "$TMP"/tmux.*; do tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$TMP"' EXIT
}

# Targets are "t:", session t's current window.  A bare "t" is looked up
# as a window name (or its prefix) before a session name, and automatic
# rename can name a new window "tmux" (the forked server before it runs
# the command) until the pane next prints: "-t t" then meant that window,
# not the one select-window chose.
tm() {		# tm ARGS...: tmux on the current test server
	tmux -S "$TMUX_SOCK" "$@"
}

start() {	# start COLS ROWS COMMAND: a fresh server running COMMAND
	tm kill-server 2>/dev/null
	tmux_n=$((tmux_n + 1))
	TMUX_SOCK="$TMP/tmux.$tmux_n"
	EXIT_FILE="$TMP/exit.$tmux_n"
	# Each run its own notes store, unless the command names one.
	tm -f /dev/null new-session -d -s t -x "$1" -y "$2" \
		"export FOLIO_DATA_DIR=$TMP/data.$tmux_n; $3; echo \$? >$EXIT_FILE; echo EXIT=\$(cat $EXIT_FILE); sleep 600"
	tm set-option -t t: status off >/dev/null
}

resize() {	# resize COLS ROWS: and give tmux time to pass it on
	tm resize-window -t t: -x "$1" -y "$2"
	sleep 0.4
}

exit_status() {	# the status folio exited with (5 s at most), or "running"
	i=0
	while [ $i -lt 100 ] && [ ! -s "$EXIT_FILE" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	cat "$EXIT_FILE" 2>/dev/null || echo running
}

screen() {	# the visible screen
	tm capture-pane -p -t t:
}

keys() {	# keys KEY...: tmux key names or strings
	tm send-keys -t t: "$@"
}

wait_for() {	# wait_for TEXT: until TEXT is on the screen (5 s at most)
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

settle() {	# settle: until the screen is still for 200 ms (3 s at most)
	prev=$(screen)
	i=0
	still=0
	while [ $i -lt 60 ] && [ $still -lt 4 ]; do
		sleep 0.05
		cur=$(screen)
		if [ "$cur" = "$prev" ]; then
			still=$((still + 1))
		else
			still=0
		fi
		prev=$cur
		i=$((i + 1))
	done
}

# A loaded machine answers a key late: checks of what a key should bring
# wait for it (5 s at most) instead of looking once.
eventually() {	# eventually COMMAND...: until COMMAND succeeds
	i=0
	while [ $i -lt 100 ]; do
		"$@" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

top_line() {	# the first line of the screen, trailing blanks removed
	screen | head -1 | sed 's/[[:space:]]*$//; s/^[[:space:]]*//'
}

top_is() {	# top_is TEXT: the first line is TEXT
	[ "$(top_line)" = "$1" ]
}

last_has() {	# last_has TEXT: the status line holds TEXT
	screen | tail -1 | grep -qF -- "$1"
}

last_matches() {	# last_matches ERE: the status line matches ERE
	screen | tail -1 | grep -Eq -- "$1"
}

expect_last() {	# expect_last DESCRIPTION TEXT: the status line holds TEXT
	if eventually last_has "$2"; then
		ok "$1"
	else
		not_ok "$1" "status line: '$(screen | tail -1)'" "wanted: '$2'"
	fi
}

expect_top() {	# expect_top DESCRIPTION TEXT
	if eventually top_is "$2"; then
		ok "$1"
	else
		not_ok "$1" "top line: '$(top_line)'" "wanted: '$2'"
	fi
}

expect_screen() {	# expect_screen DESCRIPTION TEXT: TEXT appears
	if wait_for "$2"; then
		ok "$1"
	else
		not_ok "$1" "not on screen: $2" "$(screen | head -30)"
	fi
}

# The parent of process $1 (from /proc; folio's name has no spaces).
ppid_of() {
	sed 's/^.*) [A-Za-z] \([0-9]*\) .*$/\1/' "/proc/$1/stat" 2>/dev/null
}

folio_pid() {	# folio_pid ARG: the folio running in this test's pane (ARG in its command line)
	pane=$(tm display-message -p -t t: '#{pane_pid}' 2>/dev/null)
	found=
	for d in /proc/[0-9]*; do
		[ -r "$d/cmdline" ] || continue
		cmd=$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null)
		case $cmd in
		"$FOLIO "*"$1"*) ;;
		*) continue ;;
		esac
		# Only a descendant of the pane: never a stray folio of another run.
		p=${d#/proc/}
		i=0
		while [ -n "$p" ] && [ "$p" != 1 ] && [ $i -lt 6 ]; do
			p=$(ppid_of "$p")
			if [ "$p" = "$pane" ]; then
				found=${d#/proc/}
				break
			fi
			i=$((i + 1))
		done
	done
	echo "$found"
}

# painted BG: the text of the screen drawn with background colour BG
# (an SGR number: 43 is yellow, the colour of highlights), each run of it
# on a line of its own.  From `tmux capture-pane -e` on standard input.
painted() {
	awk -v want="$1" '{
		n = split($0, part, "\033\\[")
		on = 0; out = ""
		for (i = 1; i <= n; i++) {
			s = part[i]
			if (i > 1) {
				if (match(s, /^[0-9;]*m/)) {
					k = split(substr(s, 1, RLENGTH - 1), p, ";")
					if (k == 0) on = 0
					for (j = 1; j <= k; j++) {
						if (p[j] == "" || p[j] == 0 || p[j] == 49) on = 0
						else if (p[j] == want) on = 1
						else if (p[j] >= 40 && p[j] <= 47) on = 0
					}
					s = substr(s, RLENGTH + 1)
				} else
					sub(/^[0-9;?]*[A-Za-z]/, "", s)
			}
			if (on) out = out s
			else if (out != "" && s != "") { print out; out = "" }
		}
		if (out != "") print out
	}'
}
