#!/bin/sh
# passages.sh: what the reader shows is exactly what is selected, searched,
# highlighted, copied and noted: in a traditional-Chinese article whose
# converter glosses (長(zhǎng)) are hidden, and in a Chinese Markdown article.
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

cp "$TESTDATA/zh-glossed.txt" "$TMP/glossed.txt"
cp "$TESTDATA/zh-docker.md" "$TMP/docker.md"
G="$TMP/glossed.txt"
M="$TMP/docker.md"

# run FILE [ENV]: folio on FILE in an 80x24 tmux, a fresh store per run;
# tmux takes OSC 52 into its paste buffer (set-clipboard on).
run() {
	start 80 24 "$2 FOLIO_DATA_DIR=$TMP/data.$(($tmux_n + 1)) TERM=xterm-256color $FOLIO '$1'"
	tm set-option -g set-clipboard on
	STORE="$TMP/data.$tmux_n"
	wait_for "$3"
}
quit() {
	keys q
	wait_for "EXIT="
}
notes() {	# notes FILE: --notes, from the last run's store
	FOLIO_DATA_DIR=$STORE "$FOLIO" --notes "$1" 2>&1
}
exact() {	# exact FILE: the quotes stored, one a line
	FOLIO_DATA_DIR=$STORE "$FOLIO" --export=json "$1" 2>&1 |
		sed -n 's/.*"exact": "\([^"]*\)".*/\1/p'
}
painted_now() {	# the text drawn as a highlight now (yellow background)
	tm capture-pane -p -e -t t: | painted 43
}
plain_lines_painted() {	# the screen lines holding a highlight, as text
	tm capture-pane -p -e -t t: | while IFS= read -r line; do
		case $line in
		*"[43m"*|*";43m"*) printf '%s\n' "$line" |
			sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' ;;
		esac
	done
}
buffer() {	# what the terminal's clipboard (tmux's buffer) got
	tm show-buffer 2>/dev/null
}
buffer_is() {	# buffer_is TEXT
	[ "$(buffer)" = "$1" ]
}

# 1. v and eight l in a glossed paragraph: the nine characters, not the
# paragraph; the stored quote keeps the glosses, --notes shows none.
run "$G" "" "大模型時代"
keys j j j j v l l l l l l l l H
expect_last "1: v l×8 H saves" "highlight saved"
quit
[ "$(exact "$G")" = '近(jìn)兩(liǎng)年(nián),大(dà)模(mó)型(xíng)成(chéng)為' ] &&
	ok "1: the nine characters' source bytes are stored" ||
	not_ok "1: the nine characters' source bytes are stored" "$(exact "$G")"
notes "$G" | grep -qx '> 近兩年,大模型成為' &&
	ok "1: --notes quotes them as shown" ||
	not_ok "1: --notes quotes them as shown" "$(notes "$G")"
# ... and a selection crosses paragraphs: } to the paragraph's end, } to the next's.
run "$G" "" "大模型時代"
keys j j j j v '}' '}' H
expect_last "1: v } } H saves" "highlight saved"
quit
q=$(notes "$G" | grep '^>')
case $q in
*"近兩年"*"日益激烈."*">"*"所謂國產派"*"追求通用.") ok "1: a selection spans two paragraphs" ;;
*) not_ok "1: a selection spans two paragraphs" "$q" ;;
esac

# 2. A search match highlighted: exactly it is painted, not its paragraph.
# (The first 國產派 is in the title, which has no glosses; the second not.)
run "$G" "" "大模型時代"
keys / 國產派 Enter n
expect_last "2: /國產派 finds it" "[2/"
keys H
expect_last "2: H saves it" "highlight saved"
keys Escape
settle
[ "$(painted_now)" = "國產派" ] && ok "2: exactly the match is painted" ||
	not_ok "2: exactly the match is painted" "$(painted_now)"
# 4. ... and y copies it as shown, into tmux's buffer (plain OSC 52).
keys / 國產派 Enter n y
expect_last "4, 11: y says where the copy went" "sent to the terminal's clipboard"
[ "$(buffer)" = "國產派" ] && ok "4, 11: y copies the passage as shown, and tmux takes it" ||
	not_ok "4, 11: y copies the passage as shown" "buffer: $(buffer)"
keys A
expect_screen "4: the notes list shows the passage as shown" "國產派"
screen | grep -q "國(guó)" && not_ok "4: no gloss in the list" "$(screen | head -3)" ||
	ok "4: no gloss in the list"
keys Escape
quit
notes "$G" | grep -qx '> 國產派' && ok "4: --notes quotes it as shown" ||
	not_ok "4: --notes quotes it as shown" "$(notes "$G")"
FOLIO_DATA_DIR=$STORE "$FOLIO" --export "$G" | grep -qx '> 國產派' &&
	ok "4: --export quotes it as shown" || not_ok "4: --export quotes it as shown"
[ "$(exact "$G")" = '國(guó)產(chǎn)派' ] && ok "4: the anchor keeps the source" ||
	not_ok "4: the anchor keeps the source" "$(exact "$G")"

# 3. The second occurrence in a paragraph: it is saved and it is painted.
run "$G" "" "大模型時代"
keys / 理解和生成 Enter
expect_last "3: the first of two" "[1/2]"
keys n
expect_last "3: n, the second" "[2/2]"
keys H Escape
settle
plain_lines_painted | grep -q "在理解和生成兩個方面" &&
	! plain_lines_painted | grep -q "語境的理解和生成" &&
	ok "3: the second occurrence is painted, not the first" ||
	not_ok "3: the second occurrence is painted" "$(plain_lines_painted)"
quit

# 5. Markdown: a match is highlighted and copied exactly.
run "$M" "" "Docker"
keys / 旷日费时 Enter H
expect_last "5: H on a match in Markdown" "highlight saved"
keys / 抓取到本地 Enter H
expect_last "5: H on another" "highlight saved"
keys y
eventually buffer_is "抓取到本地" && ok "5: y copies the match, not its paragraph" ||
	not_ok "5: y copies the match" "buffer: $(buffer)"
quit
q=$(notes "$M" | grep '^>')
[ "$q" = "$(printf '> 旷日费时\n> 抓取到本地')" ] &&
	ok "5: the matches are saved, not the title or the paragraph" ||
	not_ok "5: the matches are saved" "$q"

# 6. Markdown search from the top: the first match on the screen, counted
# as the text shows them (the dump is what is shown).
total=$("$FOLIO" --dump --width=80 "$M" | grep -o Docker | wc -l | tr -d ' ')
run "$M" "" "Docker"
keys / Docker Enter
expect_last "6: from the top, the first of $total" "[1/$total]"
tm capture-pane -p -e -t t: | head -1 | grep -q "7m" &&
	ok "6: the current match is on the first line" ||
	not_ok "6: the current match is on the first line" "$(tm capture-pane -p -e -t t: | head -2 | cat -v)"
keys n n
expect_last "6: n counts on" "[3/$total]"
quit

# 7. n after scrolling away searches from the screen, as less does.
run "$G" "" "大模型時代"
keys / 大模型 Enter
expect_last "7: the first match" "[1/"
keys G
settle
before=$(top_line)
keys n
settle
[ "$(top_line)" = "$before" ] && ! last_has "[2/" &&
	ok "7: n after G stays on the last screen" ||
	not_ok "7: n after G stays on the last screen" "top: $(top_line)" "$(screen | tail -1)"
# ... and H after scrolling away takes the screen, not the old match.
keys g / 國產派 Enter G H
expect_last "7: H after scrolling away" "highlight saved"
quit
notes "$G" | grep -qx '> 國產派' && not_ok "7: H after scrolling away did not take the old match" ||
	ok "7: H after scrolling away did not take the old match"

# 8. R after the file changed: the highlight is drawn on its passage again.
cp "$TESTDATA/zh-glossed.txt" "$G"
run "$G" "" "大模型時代"
keys / 國產派 Enter H Escape
settle
{ printf '前言:這是後來加上的一段文字,讓後面的位置都移動了.\n\n'; cat "$TESTDATA/zh-glossed.txt"; } >"$G.new"
mv "$G.new" "$G"
keys R
expect_last "8: R reloads" "reloaded"
settle
[ "$(painted_now)" = "國產派" ] && ok "8: after R the highlight is on its passage" ||
	not_ok "8: after R the highlight is on its passage" "$(painted_now)"
quit
cp "$TESTDATA/zh-glossed.txt" "$G"

# 9. A note added to a highlight is shown as a note.
run "$G" "" "大模型時代"
keys / 國產派 Enter H A
expect_screen "9: the highlight is listed" "國產派"
keys e C-u 補充說明 Enter
settle
expect_screen "9: the list shows its note" "補充說明"
keys r
expect_screen "9: r lists the note's earlier texts" "Earlier texts"
keys Escape Escape
quit
n=$(notes "$G")
printf '%s\n' "$n" | grep -qx '補充說明' && printf '%s\n' "$n" | grep -q '^\*note,' &&
	ok "9: --notes shows it as a note with its text" ||
	not_ok "9: --notes shows it as a note" "$n"

# 10. An editor that fails, a missing editor, an empty note: nothing saved.
run "$G" "EDITOR=false VISUAL=" "大模型時代"
keys a C-e
expect_screen "10: an editor exiting with an error is said" "exited with an error"
keys Escape
run "$G" "EDITOR=/nonexistent/editor VISUAL=" "大模型時代"
keys a 打了字 C-e
expect_screen "10: a missing editor is said" "could not be started"
keys Escape
keys a Enter
expect_last "10: a Enter with nothing typed" "empty note is not saved"
quit
[ -z "$(exact "$G")" ] && ok "10: no note was saved" ||
	not_ok "10: no note was saved" "$(exact "$G")"

# 12. Lists in document order, s by date (made in the reverse order).
run "$G" "" "大模型時代"
for w in 結語 雲模結合 模型進步 緣起; do
	keys g / "$w" Enter H
	expect_last "12: $w highlighted" "highlight saved"
done
keys A
expect_screen "12: the list" "Notes"
order=$(screen | head -4 | sed 's/^ *\([^ ]*\).*/\1/' | tr -d '\n')
[ "$order" = "緣起模型進步雲模結合結語" ] && ok "12: in document order" ||
	not_ok "12: in document order" "$(screen | head -4)"
keys s
settle
order=$(screen | head -4 | sed 's/^ *\([^ ]*\).*/\1/' | tr -d '\n')
[ "$order" = "結語雲模結合模型進步緣起" ] && ok "12: s orders by date" ||
	not_ok "12: s orders by date" "$(screen | head -4)"
keys Escape
quit

done_testing
