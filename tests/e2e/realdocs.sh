#!/bin/sh
# realdocs.sh: the reader on text laid out by a program (a man page) and on
# legacy encodings: wrapping, reflow off (S), the = summary.
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

MAN="$TESTDATA/man-page.in"
start 60 24 "TERM=xterm-256color $FOLIO '$MAN'"
wait_for "NAME" || true
settle
expect_screen "a man page keeps its indentation" "       frob - turn widgets into gadgets"
expect_screen "a line wider than the window wraps, marked" "     ↪ default).  The"
screen | grep -q '»' && not_ok "nothing is cut at 60 columns" "$(screen)" ||
	ok "nothing is cut at 60 columns"
keys '='
eventually last_has "UTF-8, man page, byte 0 of" &&
	ok "= shows the file, encoding and format" ||
	not_ok "= shows the file, encoding and format" "$(screen | tail -1)"
last_matches "byte [0-9]+ of [0-9]+" && ok "= shows the byte" ||
	not_ok "= shows the byte" "$(screen | tail -1)"
keys S
eventually last_has "reflow off" && ok "S turns reflow off" ||
	not_ok "S turns reflow off" "$(screen | tail -1)"
settle
screen | grep -q 'Turn each WIDGET into a gadget.*»$' && ! screen | grep -q '↪' &&
	ok "reflow off: long lines cut, as less -S" ||
	not_ok "reflow off: long lines cut, as less -S" "$(screen)"
keys Right
settle
screen | grep -q '«' && ok "Right scrolls the cut lines sideways" ||
	not_ok "Right scrolls the cut lines sideways" "$(screen)"
keys S
settle
expect_screen "S again: wrapped again" "     ↪ default).  The"
keys q

# A Shift_JIS file says how it was read.
printf '%s\n' '［＃５字下げ］一［＃「一」は中見出し］' '' \
	'　吾輩《わがはい》は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。' |
	iconv -f UTF-8 -t SHIFT_JIS >"$TMP/neko.txt"
start 60 24 "TERM=xterm-256color $FOLIO '$TMP/neko.txt'"
wait_for "吾輩" || true
settle
expect_screen "Shift_JIS is read as Japanese" "名前はまだ無い"
expect_last "the status line says the encoding was guessed" "read as Shift_JIS (CP932)"
screen | grep -q 'わがはい' && not_ok "Aozora ruby hidden" "$(screen)" ||
	ok "Aozora ruby hidden"
keys o
settle
expect_screen "o shows the ruby and notes" "吾輩《わがはい》は猫"
expect_screen "o shows the heading note" "［＃５字下げ］一"
keys o
settle
screen | grep -q 'わがはい' && not_ok "o again hides them" "$(screen)" ||
	ok "o again hides them"
keys q

# Markdown code in colour needs no backticks; without colour it keeps them.
start 80 30 "TERM=xterm-256color $FOLIO '$TESTDATA/md-html.md'"
wait_for "容器入门" || true
settle
expect_screen "code in colour: no backticks" ", **not bold**, **code**."
keys q
start 80 30 "TERM=vt100 $FOLIO '$TESTDATA/md-html.md'"
wait_for "容器入门" || true
settle
expect_screen "code without colour: backticks kept" ", **not bold**, \`**code**\`."
keys q

done_testing
