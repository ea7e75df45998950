#!/bin/sh
# history.sh: the documents read before (issue 16): folio --history, the
# list folio starts with when given no file, O in the reader, folio -N,
# a name that is no file, taking one off, a file that is gone.
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

mkdir -p "$TMP/docs"
A="$TMP/docs/maas.txt"
B="$TMP/docs/docker.md"
C="$TMP/docs/plain.txt"
cp "$TESTDATA/zh-maas.txt" "$A"
cp "$TESTDATA/zh-docker.md" "$B"
i=1
{
	echo "Plain Notes"
	echo
	while [ $i -le 60 ]; do
		echo "Paragraph $i of the plain notes, a line long enough to wrap once at eighty columns or so."
		echo
		i=$((i + 1))
	done
} >"$C"
STORE="$TMP/store"
ENV="FOLIO_DATA_DIR='$STORE' TERM=xterm-256color"

read_doc() {	# read_doc FILE KEYS...: open FILE, press KEYS, quit
	f=$1
	shift
	start 80 24 "$ENV $FOLIO '$f'"
	settle
	[ $# -gt 0 ] && keys "$@"
	settle
	eval "top_$(basename "$f" | tr -c 'a-z\n' '_')=\$(top_line)"
	keys q
	wait_for "EXIT=0"
	sleep 0.05	# the last read is told apart by its time (ms)
}
read_doc "$A" G
read_doc "$B" ']' ']'
read_doc "$C" Space Space
top_a=$top_maas_txt top_b=$top_docker_md top_c=$top_plain_txt

# folio --history: the last read first, each with how far and its path.
FOLIO_DATA_DIR="$STORE" "$FOLIO" --history >"$TMP/h" 2>&1
sed -n 1p "$TMP/h" | grep -q "^  1 .*Plain Notes  ($C)$" &&
	sed -n 2p "$TMP/h" | grep -q "^  2 .*Docker 入门教程  ($B)$" &&
	sed -n 3p "$TMP/h" | grep -q "^  3  END .*出行即服務.*($A)$" &&
	[ "$(wc -l <"$TMP/h")" = 3 ] &&
	ok "--history: the documents read, the last first, with their places" ||
	not_ok "--history: the documents read, the last first" "$(cat "$TMP/h")"
grep -q "today" "$TMP/h" && ok "--history: when each was read" ||
	not_ok "--history: when each was read" "$(cat "$TMP/h")"
grep -q "guide" "$TMP/h" && not_ok "--history: the guide is not among them" ||
	ok "--history: the guide is not among them"

# No file on a terminal: the list, the guide first, the bar on the last read.
start 80 24 "$ENV $FOLIO"
expect_screen "no file: the documents read before" "Read before: Enter opens"
screen >"$TMP/list"
g=$(grep -n "folio's guide" "$TMP/list" | cut -d: -f1)
c=$(grep -n "Plain Notes" "$TMP/list" | cut -d: -f1)
b=$(grep -n "Docker 入门教程" "$TMP/list" | cut -d: -f1)
a=$(grep -n "出行即服務" "$TMP/list" | cut -d: -f1)
[ "$g" = 1 ] && [ "$c" = 2 ] && [ "$b" = 3 ] && [ "$a" = 4 ] &&
	ok "the guide, then the last read first" ||
	not_ok "the guide, then the last read first" "$(head -5 "$TMP/list")"
grep "出行即服務" "$TMP/list" | grep -q "END" && ok "each with how far it was read" ||
	not_ok "each with how far it was read" "$(grep "出行即服務" "$TMP/list")"
keys Enter
expect_top "Enter opens the last read, at its place" "$top_c"
keys q
expect_screen "... and q quits" "EXIT=0"
start 80 24 "$ENV $FOLIO"
wait_for "Read before"
keys Up Enter
expect_screen "the guide is one entry up" "The folio Guide"
keys q
wait_for "EXIT="
start 80 24 "$ENV $FOLIO"
wait_for "Read before"
keys q
expect_screen "q in the first list quits" "EXIT=0"

# folio -1 reopens the last one at its place; -2 the one before.
start 80 24 "$ENV $FOLIO -1"
expect_top "folio -1 reopens the last read, at its place" "$top_c"
keys q
wait_for "EXIT=0"
FOLIO_DATA_DIR="$STORE" "$FOLIO" -2 --dump | head -1 >"$TMP/out"
[ "$(cat "$TMP/out")" = "Docker 入门教程" ] && ok "folio -2 --dump prints the second" ||
	not_ok "folio -2 --dump prints the second" "$(cat "$TMP/out")"
start 80 24 "$ENV $FOLIO -3"
expect_top "folio -3: the third, at its place" "$top_a"
keys q
wait_for "EXIT=0"
FOLIO_DATA_DIR="$STORE" "$FOLIO" --history | head -1 | grep -q "($A)$" &&
	ok "... which is now the last read" ||
	not_ok "... which is now the last read" "$(FOLIO_DATA_DIR="$STORE" "$FOLIO" --history)"
expect_status "folio -9 with three read: status 1" 1 env FOLIO_DATA_DIR="$STORE" "$FOLIO" -9
expect_err "... says how many" "folio: -9: only 3 documents read (folio --history lists them)"
expect_status "folio -1 FILE is a usage error" 2 env FOLIO_DATA_DIR="$STORE" "$FOLIO" -1 "$A"

# O in the reader; d takes one off (its notes stay).
start 80 24 "$ENV $FOLIO '$C'"
settle
keys O
expect_screen "O lists the documents read in the reader" "Read before: Enter opens"
keys Down Down d
expect_screen "d takes one off" "taken off the history"
keys Escape q
wait_for "EXIT=0"
FOLIO_DATA_DIR="$STORE" "$FOLIO" --history >"$TMP/h" 2>&1
grep -q "Docker" "$TMP/h" && not_ok "... and it is not in --history" "$(cat "$TMP/h")" ||
	ok "... and it is not in --history"

# A file that is gone: said, and dimmed in the list.
rm "$A"
FOLIO_DATA_DIR="$STORE" "$FOLIO" --history >"$TMP/h" 2>&1
grep -q "($A: missing)" "$TMP/h" && ok "--history says a file is missing" ||
	not_ok "--history says a file is missing" "$(cat "$TMP/h")"
start 80 24 "$ENV $FOLIO"
wait_for "Read before"
tm capture-pane -p -e -t t: | grep "出行即服務" | grep -q "$(printf '\033')\\[[0-9;]*2[;m]" &&
	ok "a missing file is dimmed in the list" ||
	not_ok "a missing file is dimmed in the list" "$(tm capture-pane -p -e -t t: | grep "出行即服務" | cat -v)"
keys q

# A name that is no file here: the last read document it names.
start 80 24 "cd '$TMP'; $ENV $FOLIO plain"
expect_top "a name that is no file: the document read before that it names" "$top_c"
expect_last "... said on the status line" "reopened from the history"
keys q
wait_for "EXIT="
(cd "$TMP" && FOLIO_DATA_DIR="$STORE" "$FOLIO" --dump plain) >"$TMP/out" 2>&1
grep -q "No such file" "$TMP/out" && ok "... only in the reader (--dump: no such file)" ||
	not_ok "... only in the reader" "$(head -2 "$TMP/out")"

done_testing
