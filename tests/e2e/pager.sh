#!/bin/sh
# pager.sh: the reader in a terminal (tmux), as a person uses it.
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

DOC="$TESTDATA/zh-maas.txt"
run() {		# run COLS ROWS [TERM]: folio on the test document
	start "$1" "$2" "TERM=${3:-xterm-256color} $FOLIO '$DOC'"
	wait_for "MaaS" || true
	settle
}

run 80 24
expect_screen "first screen shows the title" "出行即服務（MaaS）的現況與挑戰"
expect_screen "status line shows the position" "%"
keys ']'
expect_top "] from the top lands on 一、" "一、MaaS的緣起"
keys ']'
expect_top "] again lands on 二、" "二、各地的發展"
keys '['
expect_top "[ goes back to 一、" "一、MaaS的緣起"
keys '}' '}'
expect_top "} twice from 一、 lands on 三、" "三、面對的挑戰"
keys g
expect_top "g goes to the start" "出行即服務（MaaS）的現況與挑戰"
screen | grep -q '發(fā)' && not_ok "pinyin debris hidden" || ok "pinyin debris hidden"

keys t
expect_screen "t opens the table of contents" "(4)"
n=$(screen | grep -c '、')
[ "$n" -eq 4 ] && ok "the contents list four sections" ||
	not_ok "the contents list four sections" "$(screen)"
keys j j Enter
expect_top "Enter on the third shows 三、 at the top" "三、面對的挑戰"
screen | tail -1 | grep -qF "三、面對的挑戰" && ok "status line shows the section" ||
	not_ok "status line shows the section" "$(screen | tail -1)"

keys t 挑
expect_screen "typing filters the contents" "(1)  filter: 挑"
keys Escape
expect_top "Esc closes the contents" "三、面對的挑戰"

keys h
expect_screen "h shows the help" "down a line"
keys / "search forward" Enter
expect_screen "help lists the keys from the table, and / searches in it" "search forward as you type"
keys q
expect_top "q closes the help" "三、面對的挑戰"

# Resize keeps the top line: into a paragraph, 80 -> 40 -> 80 columns.
keys g 7 j
settle
before=$(top_line)
resize 40 24
resize 80 24
expect_top "80 -> 40 -> 80 columns keeps the top line" "$before"
i=0
while [ $i -lt 10 ]; do
	resize $((30 + i * 7)) $((10 + i))
	i=$((i + 1))
done
resize 80 24
expect_top "no drift after ten resizes" "$before"

keys G
expect_last "G shows the end" "END"

keys q
expect_screen "q quits with status 0" "EXIT=0"

# N% on a longer document.
i=0
while [ $i -lt 30 ]; do cat "$DOC"; i=$((i + 1)); done >"$TMP/long.txt"
start 80 24 "TERM=xterm-256color $FOLIO '$TMP/long.txt'"
wait_for "MaaS"
keys 5 0 %
eventually last_matches " (4[5-9]|5[0-5])%" && ok "50% goes half way" ||
	not_ok "50% goes half way" "$(screen | tail -1)"
keys q

# Scrolling a line sends a small part of what a full repaint (Ctrl-L) does.
PB=${PTYBYTES:-./tests/ptybytes}
if [ -x "$PB" ]; then
	"$PB" 80 24 j j j k '\x0c' -- env TERM=xterm-256color "$FOLIO" "$TMP/long.txt" >"$TMP/bytes"
	full=$(sed -n 6p "$TMP/bytes")
	worst=$(sed -n 2,5p "$TMP/bytes" | sort -n | tail -1)
	echo "# bytes: first screen $(sed -n 1p "$TMP/bytes"), j/k $(sed -n 2,5p "$TMP/bytes" | tr '\n' ' ')Ctrl-L $full"
	if [ "$full" -gt 0 ] && [ $((worst * 4)) -lt "$full" ]; then
		ok "one line of scrolling costs under a quarter of a repaint ($worst of $full bytes)"
	else
		not_ok "one line of scrolling costs under a quarter of a repaint" "$worst of $full bytes"
	fi
fi

# A CJK document at an odd width: nothing wider than the screen.
start 37 12 "TERM=xterm-256color $FOLIO '$DOC'"
wait_for "MaaS"
settle
w=$(screen | wc -L)
[ "$w" -le 37 ] && ok "37 columns: no line wider than the screen ($w)" ||
	not_ok "37 columns: no line wider than the screen" "$w"
keys Space Space
settle
w=$(screen | wc -L)
[ "$w" -le 37 ] && ok "37 columns after paging: no line wider ($w)" ||
	not_ok "37 columns after paging: no line wider" "$w"
keys q
expect_screen "quits at 37 columns" "EXIT=0"

# SIGHUP (the connection drops): folio leaves, the terminal is restored.
start 80 24 "TERM=xterm-256color $FOLIO '$DOC'"
wait_for "MaaS"
pid=$(folio_pid "$DOC")
kill -HUP "$pid"
expect_screen "SIGHUP: folio exits" "EXIT="
tm send-keys -t t: 'echo typed-back' Enter 2>/dev/null
settle
screen | grep -q 'EXIT=' && ok "SIGHUP: the shell has the screen back" ||
	not_ok "SIGHUP: the shell has the screen back" "$(screen)"
start 80 24 "TERM=xterm-256color $FOLIO '$DOC'"
wait_for "MaaS"
pid=$(folio_pid "$DOC")
kill -TERM "$pid"
expect_screen "SIGTERM: folio exits" "EXIT=0"

# Terminal types.
for term in xterm-256color screen-256color tmux-256color linux vt100; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		ok "TERM=$term # SKIP no terminfo entry"
		continue
	fi
	run 80 24 "$term"
	keys ']'
	if eventually top_is "一、MaaS的緣起"; then
		ok "TERM=$term: first screen and ]"
	else
		not_ok "TERM=$term: first screen and ]" "$(screen | head -5)"
	fi
	keys q
done
start 80 24 "TERM=dumb $FOLIO '$DOC'"
expect_screen "TERM=dumb: a clear message" "cannot move the cursor"
expect_screen "TERM=dumb: exit status 1" "EXIT=1"
start 80 24 "unset TERM; $FOLIO '$DOC'"
expect_screen "TERM unset: a clear message" "TERM is not set"

# Sizes from 1x1 to 500x200 never crash it.
for size in 1x1 2x2 10x3 20x5 200x60 500x200; do
	start "${size%x*}" "${size#*x}" "TERM=xterm-256color $FOLIO '$DOC'"
	sleep 0.3
	keys j ']' G g t Escape
	keys q
	st=$(exit_status)
	[ "$st" = 0 ] && ok "${size}: runs and quits" ||
		not_ok "${size}: runs and quits" "status: $st" "$(screen | head)"
done
start 6 3 "TERM=xterm-256color $FOLIO '$DOC'"
expect_screen "below a usable size: says so" "small"
keys q

# Every key on an empty document and on a blank one: no crash.
: >"$TMP/empty.txt"
printf '\n\n\n' >"$TMP/blank.txt"
for f in empty blank; do
	start 80 24 "TERM=xterm-256color $FOLIO '$TMP/$f.txt'"
	sleep 0.3
	keys j G g / a Enter n N t Escape v l H a x Enter m Enter y "'" Escape
	keys A Escape L Escape R ] [ '}' '{' 5 0 % h q
	keys q
	st=$(exit_status)
	[ "$st" = 0 ] && ok "$f document: every key, then quit" ||
		not_ok "$f document: every key, then quit" "status: $st" "$(screen | head -5)"
done

# A piped document, keys from the terminal.
start 80 24 "cat '$DOC' | TERM=xterm-256color $FOLIO"
expect_screen "reads a piped document" "出行即服務（MaaS）的現況與挑戰"
keys ']'
expect_top "keys work with a piped document" "一、MaaS的緣起"
keys q

# No file and a terminal: the bundled guide.
start 80 24 "TERM=xterm-256color $FOLIO"
expect_screen "no file: the bundled guide" "The folio Guide"
keys q

done_testing
