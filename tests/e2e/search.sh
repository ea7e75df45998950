#!/bin/sh
# search.sh: searching in the reader and with --grep.
. "${srcdir:-.}/tests/e2e/lib.sh"

DOC="$TESTDATA/zh-maas.txt"

# --grep: one line per match with its section, then the count.
"$FOLIO" --grep=maas "$DOC" >"$TMP/out" 2>&1
st=$?
[ $st -eq 0 ] && ok "--grep: status 0 on a match" || not_ok "--grep: status 0 on a match" "$st"
[ "$(tail -1 "$TMP/out")" = "7 matches" ] && ok "--grep: count line" ||
	not_ok "--grep: count line" "$(tail -1 "$TMP/out")"
grep -q '^.*zh-maas\.txt:[0-9]*: 三、面對的挑戰: .*MaaS發展中' "$TMP/out" && ok "--grep: FILE:LINE: section and context" ||
	not_ok "--grep: FILE:LINE: section and context" "$(cat "$TMP/out")"
first=$(grep -in maas "$DOC" | head -1 | cut -d: -f1)
[ "$(head -1 "$TMP/out" | sed 's/^.*zh-maas\.txt:\([0-9]*\):.*/\1/')" = "$first" ] &&
	ok "--grep: the line number of the source (as grep -n)" ||
	not_ok "--grep: the line number of the source" "grep -n: $first; $(head -1 "$TMP/out")"
[ "$("$FOLIO" --grep=maas --count "$DOC")" = 7 ] && ok "--grep --count prints the count alone" ||
	not_ok "--grep --count" "$("$FOLIO" --grep=maas --count "$DOC" 2>&1)"
expect_status "--count without --grep is a usage error" 2 "$FOLIO" --count "$DOC"
"$FOLIO" --grep=發展 "$DOC" >"$TMP/out" 2>&1
[ "$(tail -1 "$TMP/out")" = "3 matches" ] && ok "--grep: glosses skipped (發(fā)展 is 發展)" ||
	not_ok "--grep: glosses skipped" "$(cat "$TMP/out")"
"$FOLIO" --grep=ＭＡＡＳ "$DOC" >"$TMP/out" 2>&1
[ "$(tail -1 "$TMP/out")" = "0 matches" ] && ok "--grep: smart case (ＭＡＡＳ is upper case)" ||
	not_ok "--grep: smart case" "$(tail -1 "$TMP/out")"
"$FOLIO" --grep='ｍａａｓ' "$DOC" >"$TMP/out" 2>&1
[ "$(tail -1 "$TMP/out")" = "7 matches" ] && ok "--grep: full width = half width" ||
	not_ok "--grep: full width = half width" "$(tail -1 "$TMP/out")"
printf 'Mobility as\na Service and more.\n' >"$TMP/wrap.txt"
"$FOLIO" --grep='as a service' "$TMP/wrap.txt" >"$TMP/out" 2>&1
[ "$(tail -1 "$TMP/out")" = "1 match" ] && ok "--grep: across a line break" ||
	not_ok "--grep: across a line break" "$(cat "$TMP/out")"
# A match of white space alone is on the line of that space (it was the
# paragraph's first line, and --grep counted lines from the start again
# for each such match: 300,000 of them took seconds).
printf 'Title\n\none\ntwo three\nfour five\n' >"$TMP/ws.txt"
"$FOLIO" --regex --grep='[ ]' "$TMP/ws.txt" >"$TMP/out" 2>&1
[ "$(cut -d: -f2 "$TMP/out" | tr '\n' ' ')" = "4 4 5 5 4 matches " ] &&
	ok "--grep: white space alone is on its own line" ||
	not_ok "--grep: white space alone is on its own line" "$(cat "$TMP/out")"
# --count is the number of matches --grep shows: none inside the escape
# sequences the sanitiser takes out (it counted them in the source).
printf 'build \033[32mok\033[0m step 1\nbuild \033[31mfailed\033[0m step 2\n' >"$TMP/esc.txt"
[ "$("$FOLIO" --grep=m --count "$TMP/esc.txt")" = 0 ] &&
	[ "$("$FOLIO" --grep=m "$TMP/esc.txt" | tail -1)" = "0 matches" ] &&
	ok "--count: the matches shown, none in a hidden escape" ||
	not_ok "--count: the matches shown" "$("$FOLIO" --grep=m --count "$TMP/esc.txt")"
# {00} and {00,1} may repeat zero times: the literal every match holds is
# not "ab" (the prefilter lost the match).
printf 'the value is acd here\n' >"$TMP/q.txt"
[ "$("$FOLIO" --regex --grep='ab{00}cd' --count "$TMP/q.txt")" = 1 ] &&
	[ "$("$FOLIO" --regex --grep='ab{00,1}cd' --count "$TMP/q.txt")" = 1 ] &&
	[ "$("$FOLIO" --regex --grep='ab{01}cd' --count "$TMP/q.txt")" = 0 ] &&
	ok "--regex: {00} and {00,1} may be nothing" ||
	not_ok "--regex: {00} and {00,1} may be nothing"
expect_status "--grep: status 1 without a match" 1 "$FOLIO" --grep=nowhere "$DOC"
expect_status "--grep: status 2 on a bad expression" 2 "$FOLIO" --regex --grep='a(' "$DOC"
grep -q "^folio: bad pattern: " "$TMP/err" && ok "--grep: bad expression message" ||
	not_ok "--grep: bad expression message" "$(cat "$TMP/err")"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n' >"$TMP/patho.txt"
"$FOLIO" --regex --grep='(a+)+$' "$TMP/patho.txt" >"$TMP/out" 2>"$TMP/err"
grep -q "match limit" "$TMP/err" && ok "--grep: a pathological expression stops at the limit, and says so" ||
	not_ok "--grep: pathological expression" "$(cat "$TMP/out" "$TMP/err")"
"$FOLIO" --regex --grep='m[a]+s' "$DOC" >"$TMP/out" 2>&1
[ "$(tail -1 "$TMP/out")" = "7 matches" ] && ok "--grep --regex" ||
	not_ok "--grep --regex" "$(tail -1 "$TMP/out")"

# A document of 3 MB: matches far on are shown from a window of it (not
# segmented up to them), with the section and line the whole would give.
awk 'BEGIN { for (c = 1; c <= 60; c++) { printf "CHAPTER %d\n\n", c;
	for (p = 1; p <= 120; p++) { printf "Paragraph %d of chapter %d, with words\nthat wrap onto a second line and go on for a while.\n", p, c;
	if (p % 50 == 0) printf "MARK%dX sits here.\n", c * 1000 + p; printf "\n" }
	for (p = 1; p <= 120; p++) printf "Filler line %d so that the document grows past several pieces of it.\n\n", p } }' >"$TMP/big.txt"
"$FOLIO" --grep=MARK60100X "$TMP/big.txt" >"$TMP/out" 2>&1
want="$TMP/big.txt:$(grep -n MARK60100X "$TMP/big.txt" | cut -d: -f1): CHAPTER 60: "
case "$(head -1 "$TMP/out")" in
"$want"*) ok "--grep far into a large file: its line and section" ;;
*) not_ok "--grep far into a large file: its line and section" "want $want; $(cat "$TMP/out")" ;;
esac
"$FOLIO" --grep='MARK[0-9]+X' --regex "$TMP/big.txt" >"$TMP/out" 2>&1
[ "$(tail -1 "$TMP/out")" = "$(grep -cE 'MARK[0-9]+X' "$TMP/big.txt") matches" ] &&
	ok "--grep --regex with a literal: every match, through the source" ||
	not_ok "--grep --regex with a literal" "$(tail -1 "$TMP/out")"
grep -nE 'MARK[0-9]+X' "$TMP/big.txt" | cut -d: -f1 >"$TMP/lines.grep"
sed 's/^[^:]*:\([0-9]*\):.*/\1/' "$TMP/out" | sed '$d' >"$TMP/lines.folio"
cmp -s "$TMP/lines.grep" "$TMP/lines.folio" && ok "--grep --regex: the lines grep -n gives" ||
	not_ok "--grep --regex: the lines grep -n gives" "$(diff "$TMP/lines.grep" "$TMP/lines.folio" | head -5)"
"$FOLIO" --grep='with words that wr.p' --regex --count "$TMP/big.txt" >"$TMP/out" 2>&1
[ "$(cat "$TMP/out")" = 7200 ] && ok "--grep --regex --count: matches across joined lines" ||
	not_ok "--grep --regex --count: matches across joined lines" "$(cat "$TMP/out")"
"$FOLIO" --grep='(?i)mark6010[0]x' --regex "$TMP/big.txt" >"$TMP/out" 2>&1
grep -q "CHAPTER 60: .*MARK60100X" "$TMP/out" && ok "--grep --regex with no literal read (block texts): same match" ||
	not_ok "--grep --regex with no literal read" "$(cat "$TMP/out")"

# In the reader.
need_tmux
status_line() { screen | tail -1; }
start 80 24 "TERM=xterm-256color $FOLIO '$DOC'"
wait_for "MaaS"
settle
keys / m a a s
expect_screen "incremental: the prompt shows the pattern" "/maas"
highlighted() {	# a reverse-video MaaS on the screen
	tm capture-pane -p -e -t t: >"$TMP/esc"
	grep -Eq "$(printf '\033')\\[([0-9;]*;)?7m$(printf '\033')?.*MaaS" "$TMP/esc"
}
eventually highlighted && ok "matches are highlighted" ||
	not_ok "matches are highlighted" "$(head -5 "$TMP/esc" | cat -v)"
keys Enter
expect_last "the status line shows 1/7" "[1/7]"
keys n
expect_last "n goes to 2/7" "[2/7]"
keys N N
expect_last "N N wraps round to 7/7" "[7/7]"
status_line | grep -qF "wrapped" && ok "wrapping is announced" || not_ok "wrapping is announced" "$(status_line)"
keys g / 長 期
settle
keys Enter
expect_last "長期 finds 長(zhǎng)期 with the gloss hidden" "[1/1]"
keys / C-r 'a('
expect_screen "regex: a bad expression gets a message" "missing closing parenthesis"
keys Escape
settle
keys '\'
settle
tm capture-pane -p -e -t t: >"$TMP/esc"
grep -Eq "$(printf '\033')\\[([0-9;]*;)?7m" "$TMP/esc" && not_ok "\\ clears the highlights" ||
	ok "\\ clears the highlights"
keys g ? 挑 戰 Escape
settle
expect_top "Esc returns to where the search started" "出行即服務（MaaS）的現況與挑戰"
keys q
expect_screen "quits" "EXIT=0"

# A search typed at once (a paste) whose match is at the end of a large
# file, shown from a tail document: Enter leaves the view on the match.
awk 'BEGIN { for (i = 0; i < 250000; i++) printf "line %d of a large file, nothing to see here.\n\n", i; print "THE-VERY-END marker line" }' >"$TMP/large.txt"
start 80 24 "FOLIO_DATA_DIR=$TMP/d2 TERM=xterm-256color $FOLIO '$TMP/large.txt'"
wait_for "line 0 of"
keys "/THE-VERY-END" Enter
expect_screen "a pasted search shows its match at the end of a large file" "THE-VERY-END marker line"
expect_last "and counts it" "[1/1]"
keys '`'
expect_screen "\` goes back to where the search started" "line 0 of"
keys q

done_testing
