#!/bin/sh
# habits.sh: what people who live in less and vim press by habit: Ctrl-C,
# Esc, u, jumping back, counts, the help, the status line, lists, search
# history, several files, the text width, messages.
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

cp "$TESTDATA/zh-maas.txt" "$TMP/article.txt"
cp "$TESTDATA/zh-docker.md" "$TMP/docker.md"
A="$TMP/article.txt"
M="$TMP/docker.md"
export XDG_STATE_HOME="$TMP/state"

run() {		# run COLS ROWS ARGS...: folio on ARGS, a store of its own
	cols=$1 rows=$2
	shift 2
	start "$cols" "$rows" "XDG_STATE_HOME=$XDG_STATE_HOME TERM=xterm-256color $FOLIO $*"
	STORE="$TMP/data.$tmux_n"
	wait_for "${WAIT:-MaaS}"
}
running() {	# folio has not exited
	[ ! -s "$EXIT_FILE" ]
}

# 1. Ctrl-C at a prompt cancels it; twice at the reader quits.
run 80 24 "'$A'"
keys / 赫爾
keys C-c
settle
running && ! last_has "/赫爾" && ok "1: Ctrl-C cancels the search prompt, folio goes on" ||
	not_ok "1: Ctrl-C cancels the search prompt" "$(screen | tail -1)" "exit: $(cat "$EXIT_FILE" 2>/dev/null)"
keys a
wait_for "note:"
keys C-c
settle
running && ! last_has "note:" && ok "1: Ctrl-C cancels the note prompt" ||
	not_ok "1: Ctrl-C cancels the note prompt" "$(screen | tail -1)"
keys C-c
expect_last "1: one Ctrl-C at the reader says how to quit" "Ctrl-C again quits"
keys C-c
expect_screen "1: a second Ctrl-C quits, status 0" "EXIT=0"

# 2. Esc hides the search's highlights; n still goes on.
run 80 24 "'$A'"
keys / 服務 Enter
expect_last "2: the first match" "[1/"
keys Escape
settle
keys n
expect_last "2: after Esc, n still finds the next" "[2/"
keys '\' n
expect_last "2: after \\, too" "[3/"

# 3. H says what it saved, and u takes it back.
keys H
expect_last "3: H says what it saved and that u undoes it" "(u undoes)"
keys u
expect_last "3: u takes the highlight back" "highlight taken back"
keys q
wait_for "EXIT="
[ -z "$(FOLIO_DATA_DIR=$STORE "$FOLIO" --notes "$A" | grep '^>')" ] &&
	ok "3: nothing is stored" ||
	not_ok "3: nothing is stored" "$(FOLIO_DATA_DIR=$STORE "$FOLIO" --notes "$A")"

# 4. Back after a jump: G, a section, a search, the contents.
run 80 24 "'$A'"
top=$(top_line)
keys G
settle
keys '`'
expect_top "4: \` after G comes back" "$top"
keys '`'
settle
last_has "END" && ok "4: \` again goes forth" || not_ok "4: \` again goes forth" "$(screen | tail -1)"
keys g ']' ']'
settle
keys C-o
expect_top "4: Ctrl-O after ] comes back" "一、MaaS的緣起"
keys g / 結語 Enter
settle
keys C-o
expect_top "4: Ctrl-O after a search comes back" "$top"
keys t j j Enter
settle
keys "'" "'"
expect_top "4: '' (from the bookmarks list) after the contents comes back" "$top"
keys q

# 5. A count shows as it is typed; a key that is none says so.
run 80 24 "'$A'"
keys 5 0
expect_last "5: the count typed shows" "50"
keys '%'
settle
keys x
expect_last "5: an unknown key gives a hint" "x is not a key here (h: keys)"
keys q

# 6. The help: every description whole, wrapped under its key at 40
# columns; b goes back a page in it.
run 40 20 "'$A'"
keys h
expect_screen "6: h shows the help" "folio: keys"
keys / "OSC 52" Enter
settle
h=$(screen | tr -d '\n' | tr -s ' ')
case $h in
*"the terminal's clipboard, through tmux too"*) ok "6: a long description is whole at 40 columns" ;;
*) not_ok "6: a long description is whole at 40 columns" "$(screen)" ;;
esac
keys g ' ' b
expect_top "6: b pages back in the help" "folio: keys"
keys q
expect_top "6: q closes the help" "出行即服務（MaaS）的現況與挑戰"
keys q

# 7. The status line: the title once, a file's base name, the section read.
WAIT=Docker run 80 24 "'$M'"
keys / 制作 Enter
settle
n=$(screen | tail -1 | grep -o "Docker 入门教程" | wc -l)
[ "$n" -eq 1 ] && ok "7: the title is not shown twice" ||
	not_ok "7: the title is not shown twice" "$(screen | tail -1)"
keys q
printf 'no title here, just words that go on.\n\nand more of them.\n' >"$TMP/untitled notes.txt"
WAIT=words run 80 24 "'$TMP/untitled notes.txt'"
last_has "untitled notes.txt" && ! last_has "$TMP" &&
	ok "7: a document without a title shows its file's base name" ||
	not_ok "7: the file's base name" "$(screen | tail -1)"
keys q

# 8. The question about a renamed copy keeps its end on a Chinese title.
# (made as notes.sh does: notes on a document, then a copy with a typo fixed)
long='出行即服務與智慧城市交通整合的現況、挑戰、政策建議以及未來十年的發展方向研究報告'
{ echo "$long"; echo; sed 1d "$TESTDATA/zh-maas.txt"; } >"$TMP/long.txt"
start 80 24 "FOLIO_DATA_DIR=$TMP/sim TERM=xterm-256color $FOLIO '$TMP/long.txt'"
wait_for "MaaS"
keys / 赫爾辛基的 Enter H
wait_for "saved"
keys q
wait_for "EXIT="
sed 's/赫爾辛基的Whim/赫爾辛基市的Whim/' "$TMP/long.txt" >"$TMP/long (1).txt"
start 80 24 "FOLIO_DATA_DIR=$TMP/sim TERM=xterm-256color $FOLIO '$TMP/long (1).txt'"
expect_last "8: the question's end is shown" "found here)? y/n"
keys y
expect_last "8: a bare y answers it" "attached"
keys q

# 9. Lists: a long note is readable in the pane; e edits all its lines; a
# filter may start with k; the footer fits.
run 60 20 "'$A'"
keys a
wait_for "note:"
keys 'first line of a long note that goes on and on past the end of the list line, with the last words here: 結尾'
keys Enter
expect_last "9: the note is saved" "note saved"
keys A
expect_screen "9: the whole note shows in the pane" "結尾"
keys / k i l l
expect_screen "9: a filter starting with k" "filter: kill"
screen | tail -1 | awk '{ if (length($0) > 60) exit 1 }' && ok "9: the footer fits the width" ||
	not_ok "9: the footer fits the width" "$(screen | tail -1)"
keys Escape q

# 10. The search history is kept between runs; Ctrl-R says what it does.
run 80 24 "'$A'"
keys / 票價分配 Enter
expect_last "10: the search" "[1/"
keys q
wait_for "EXIT="
run 80 24 "'$A'"
keys / Up
expect_last "10: Up brings back the search of the last run" "/票價分配"
keys C-r
expect_last "10: Ctrl-R: the prompt says it is a regular expression now" "regex /票價分配"
keys Escape q

# 11. Several files: :n, :p, each keeping its place; :e opens another.
printf 'The second file, short.\n' >"$TMP/second.txt"
run 80 24 "'$A' '$TMP/second.txt'"
last_has "(1/2)" && ok "11: the status line says which file of two" ||
	not_ok "11: which file of two" "$(screen | tail -1)"
keys 5 j
settle
kept=$(top_line)
keys : n Enter
expect_top "11: :n shows the next file" "The second file, short."
keys : p Enter
expect_top "11: :p goes back, at the same place" "$kept"
keys : e ' ' "$M" Enter
expect_screen "11: :e opens another file" "Docker"
keys q

# 12. + and - change the text width; a file changed on disk is said.
cp "$TESTDATA/zh-maas.txt" "$TMP/changing.txt"
run 100 24 "'$TMP/changing.txt'"
keys -
expect_last "12: - narrows the text" "text 76 columns wide"
keys + + +
expect_last "12: + widens it" "text 88 columns wide"
echo "一行新的文字。" >>"$TMP/changing.txt"
touch -d '+1 minute' "$TMP/changing.txt"
expect_last "12: a file changed on disk is said" "changed on disk: R reloads"
keys q

# 13. Messages keep what matters when cut.
: >"$TMP/a-file"
start 60 20 "FOLIO_DATA_DIR=$TMP/a-file/deep/under/a/file/store TERM=xterm-256color $FOLIO '$A'"
expect_last "13: a cut message keeps what went wrong, the path gives way" "cannot make the directory …"
keys q

# One place reads keys: the loop (ui/pager.c); modes are given them.  (The
# bytes of a mouse report after its introducer are read where it is
# decoded, ui/term.c, and say so.)
n=$(cat "${srcdir:-.}"/ui/*.c | grep -v '^ \*' | grep -v "a report's bytes, not keys" |
	grep -cE '(w?get_w?ch|wgetch|[^_]getch) *\(')
[ "$n" -eq 1 ] && ok "one place in ui/ reads keys" ||
	not_ok "one place in ui/ reads keys" "$(grep -nE '(w?get_w?ch|wgetch|[^_]getch) *\(' "${srcdir:-.}"/ui/*.c)"

done_testing
