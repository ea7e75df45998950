#!/bin/sh
# scripts.sh: a reader who knows one of the two Chinese scripts.  Search
# folds traditional and simplified (the reader's search and count, --grep,
# the contents and notes filters; --script-fold=off); the converted view
# (c, --script) shows simplified or traditional text whose highlights,
# copies and notes are the document's own source bytes; the choice is
# remembered with the place.  Own documents: zh-glossed.txt (traditional,
# converter glosses), zh-scripts.md (traditional Markdown), zh-docker.md
# (simplified Markdown).
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

cp "$TESTDATA/zh-glossed.txt" "$TMP/glossed.txt"
cp "$TESTDATA/zh-scripts.md" "$TMP/cloud.md"
cp "$TESTDATA/zh-docker.md" "$TMP/docker.md"
G="$TMP/glossed.txt"
C="$TMP/cloud.md"
D="$TMP/docker.md"

# How many times 發展 is in the glossed article, its glosses left out.
n_fazhan=$(sed 's/([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*)//g' "$G" | grep -o '發展' | wc -l)
[ "$n_fazhan" -ge 3 ] || not_ok "the glossed article has 發展 3 times" "$n_fazhan"

# run FILE [ARGS] [ENV]: folio on FILE in an 80x24 tmux with its own store
# (the same store as the last run when STORE_KEEP is set).
run() {
	if [ -z "${STORE_KEEP:-}" ]; then
		STORE="$TMP/data.$(($tmux_n + 1))"
	fi
	start 80 24 "FOLIO_DATA_DIR=$STORE $3 TERM=xterm-256color $FOLIO $2 '$1'"
	tm set-option -g set-clipboard on
	settle
}
quit() {
	keys q
	wait_for "EXIT="
}
exact() {	# exact FILE: the quotes stored, one a line
	FOLIO_DATA_DIR=$STORE "$FOLIO" --export=json "$1" 2>&1 |
		sed -n 's/.*"exact": "\([^"]*\)".*/\1/p'
}
painted_now() {	# the text drawn as a highlight (yellow background)
	tm capture-pane -p -e -t t: | painted 43
}
reversed_now() {	# the text drawn in reverse video (search matches)
	tm capture-pane -p -e -t t: | awk '{
		n = split($0, part, "\033\\[")
		on = 0; out = ""
		for (i = 1; i <= n; i++) {
			s = part[i]
			if (i > 1 && match(s, /^[0-9;]*m/)) {
				k = split(substr(s, 1, RLENGTH - 1), p, ";")
				if (k == 0) on = 0
				for (j = 1; j <= k; j++) {
					if (p[j] == "" || p[j] == 0 || p[j] == 27) on = 0
					else if (p[j] == 7) on = 1
				}
				s = substr(s, RLENGTH + 1)
			}
			if (on) out = out s
			else if (out != "" && s != "") { print out; out = "" }
		}
		if (out != "") print out
	}'
}
buffer() {
	tm show-buffer 2>/dev/null
}

if ! "$FOLIO" --dump --script=s "$G" >/dev/null 2>&1; then
	# Built without OpenCC: no view, a clear message; folding still works.
	expect_status "without OpenCC, --script=s fails" 1 "$FOLIO" --dump --script=s "$G"
	grep -q "without OpenCC" "$TMP/err" && ok "and says why" ||
		not_ok "and says why" "$(cat "$TMP/err")"
	"$FOLIO" --grep=发展 "$G" | tail -1 | grep -qx "$n_fazhan matches" &&
		ok "without OpenCC, 发展 still finds 發展" ||
		not_ok "without OpenCC, 发展 still finds 發展"
	run "$G"
	keys / 发展 Enter
	expect_last "without OpenCC, the reader's /发展 counts every 發展" "[1/$n_fazhan]"
	keys c
	expect_last "without OpenCC, c says why" "without OpenCC"
	quit
	done_testing
	exit $?
fi

# --- Search folds the scripts ---------------------------------------------

# 1. /发展 in the traditional article counts every 發展 and paints them.
run "$G"
keys / 发展 Enter
expect_last "/发展 counts every 發展 (glosses hidden)" "[1/$n_fazhan]"
reversed_now | grep -qx '發展' && ok "/发展 paints 發展 as the match" ||
	not_ok "/发展 paints 發展 as the match" "$(reversed_now)"
keys n n
expect_last "n goes on to the last" "[$n_fazhan/$n_fazhan]"
keys / 發展 Enter
expect_last "/發展 finds as many" "/$n_fazhan]"
keys / 国產派 Enter
expect_last "a pattern mixing both scripts finds its words (國產派: 4)" "/4]"
quit

# 2. --script-fold=off: only the script typed.
run "$G" --script-fold=off
keys / 发展 Enter
expect_last "--script-fold=off: /发展 finds no 發展" "not found"
keys / 發展 Enter
expect_last "--script-fold=off: /發展 finds 發展" "[1/$n_fazhan]"
quit

# 3. --grep, either script; off: none.
n=$("$FOLIO" --grep=发展 "$G" | tail -1)
[ "$n" = "$n_fazhan matches" ] && ok "--grep=发展 finds every 發展" ||
	not_ok "--grep=发展 finds every 發展" "$n"
n=$("$FOLIO" --grep=发展 --script-fold=off "$G" | tail -1)
[ "$n" = "0 matches" ] && ok "--grep --script-fold=off does not fold" ||
	not_ok "--grep --script-fold=off does not fold" "$n"
n=$("$FOLIO" --grep=干燥的机房 "$C" | tail -1)
[ "$n" = "1 match" ] && ok "--grep=干燥 finds 乾燥, a character with two simplified uses" ||
	not_ok "--grep=干燥 finds 乾燥" "$n"
expect_status "--script-fold=maybe is a usage error" 2 "$FOLIO" --script-fold=maybe "$G"
expect_status "--script=xx is a usage error" 2 "$FOLIO" --script=xx "$G"

# 4. The contents filter: typed in simplified, the traditional heading.
run "$C"
keys t
expect_screen "the contents list" "Contents: "
keys 关键
expect_screen "the filter 关键 keeps 二、關鍵技術" "二、關鍵技術"
screen | grep -q "一、發展歷程" && not_ok "and leaves out the others" "$(screen | head -8)" ||
	ok "and leaves out the others"
keys Enter
expect_top "Enter goes to it" "二、關鍵技術"
quit

# --- The converted view -----------------------------------------------------

# 5. c: simplified, with the same line guarantees (layout.sh checks the
# converted texts at every width), the status line saying so.
run "$G"
keys c
expect_screen "c shows the article in simplified characters" "大模型时代的国产派与国际派"
expect_last "the status line says 简体" "简体"
screen | grep -q "時代" && not_ok "no traditional title left" "$(screen | head -3)" ||
	ok "no traditional title left"
# the simplified screen is what --dump --script=s prints, line for line
"$FOLIO" --dump --width=80 --script=s "$G" | head -12 >"$TMP/dump-s"
screen | head -12 | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' >"$TMP/screen-s"
sed 's/^[[:space:]]*//; s/[[:space:]]*$//' "$TMP/dump-s" >"$TMP/dump-s2"
cmp -s "$TMP/dump-s2" "$TMP/screen-s" && ok "the simplified screen is --dump --script=s" ||
	not_ok "the simplified screen is --dump --script=s" "$(diff "$TMP/dump-s2" "$TMP/screen-s")"
keys c
expect_last "c again: traditional" "繁體"
keys c
expect_screen "c a third time: as written" "大模型時代的國產派與國際派"
last_has "简体" || last_has "繁體" && not_ok "as written, no script on the status line" ||
	ok "as written, no script on the status line"
quit

# 6. A highlight made in the simplified view: stored on the source bytes,
# shown on the same characters as written; the copy is what is shown.
run "$G" --script=s
keys / 国产派 Enter n
expect_last "in simplified, /国产派 finds the second" "[2/"
keys y
eventually sh -c "[ \"\$(tmux -S '$TMUX_SOCK' show-buffer 2>/dev/null)\" = 国产派 ]" &&
	ok "y copies it as shown: 国产派" || not_ok "y copies it as shown" "$(buffer)"
keys H
expect_last "H saves it" "highlight saved"
keys Escape
settle
[ "$(painted_now)" = "国产派" ] && ok "it is painted in the simplified view" ||
	not_ok "it is painted in the simplified view" "$(painted_now)"
keys c c
expect_screen "back as written" "大模型時代的國產派與國際派"
settle
[ "$(painted_now)" = "國產派" ] && ok "as written, the same characters are painted" ||
	not_ok "as written, the same characters are painted" "$(painted_now)"
quit
[ "$(exact "$G")" = '國(guó)產(chǎn)派' ] && ok "the store keeps the source bytes" ||
	not_ok "the store keeps the source bytes" "$(exact "$G")"
FOLIO_DATA_DIR=$STORE "$FOLIO" --export | grep -qx '# 大模型時代的國產派與國際派' &&
	ok "the store knows the document by its title as written" ||
	not_ok "the store knows the title as written" "$(FOLIO_DATA_DIR=$STORE "$FOLIO" --export | head -3)"
FOLIO_DATA_DIR=$STORE "$FOLIO" --notes "$G" >"$TMP/notes-s"
FOLIO_DATA_DIR=$STORE "$FOLIO" --export=json "$G" |
	sed 's/"\(id\|created\|modified\|updated\|folio:document\)": "[^"]*"//g' >"$TMP/json-s"

# 7. The same highlight made as written: the exports are the same.
run "$G"
keys / 國產派 Enter n H
expect_last "as written, H saves the same passage" "highlight saved"
keys A
expect_screen "the notes list" "國產派"
keys Escape c A
expect_screen "in simplified, the notes list shows it as shown" "国产派"
keys 国产
expect_screen "its filter takes either script" "国产派"
keys Escape
quit
FOLIO_DATA_DIR=$STORE "$FOLIO" --notes "$G" >"$TMP/notes-o"
FOLIO_DATA_DIR=$STORE "$FOLIO" --export=json "$G" |
	sed 's/"\(id\|created\|modified\|updated\|folio:document\)": "[^"]*"//g' >"$TMP/json-o"
grep -v '^\*' "$TMP/notes-s" >"$TMP/q-s"	# all but the dates
grep -v '^\*' "$TMP/notes-o" >"$TMP/q-o"
cmp -s "$TMP/q-s" "$TMP/q-o" && grep -qx '> 國產派' "$TMP/q-o" &&
	grep -qx '## 一、背景與緣起' "$TMP/q-o" &&
	ok "--notes from either view are the same, section and quote as written" ||
	not_ok "--notes from either view are the same" "$(diff "$TMP/notes-s" "$TMP/notes-o")"
[ -s "$TMP/json-o" ] && cmp -s "$TMP/json-s" "$TMP/json-o" &&
	ok "--export=json from either view is the same" ||
	not_ok "--export=json from either view is the same" "$(diff "$TMP/json-s" "$TMP/json-o")"

# 8. Notes that cannot be saved are printed at exit as written, whatever
# the view.
run "$G" --script=s "FOLIO_DATA_DIR=/dev/null/none"
keys / 国产派 Enter H q
expect_screen "an unsaved highlight is printed at exit" "could not be saved"
screen | grep -qx '> 國產派' && screen | grep -qx '# 大模型時代的國產派與國際派' &&
	ok "as written, not as the view showed it" ||
	not_ok "as written, not as the view showed it" "$(screen)"

# 9. The view is remembered with the place; --script=orig says otherwise.
STORE_KEEP=1
run "$G" --script=t
keys G
quit
run "$G"
expect_last "reopened, the view is the one left: 繁體" "繁體"
quit
run "$G" --script=orig
last_has "繁體" && not_ok "--script=orig shows it as written" "$(screen | tail -1)" ||
	ok "--script=orig shows it as written"
quit
STORE_KEEP=

# 10. Markdown: a simplified article in traditional, code left as written;
# a traditional one in simplified, 二噁英 whose character grows a byte.
run "$D" --script=t
expect_screen "simplified Markdown in traditional" "Docker 入門教程"
quit
"$FOLIO" --dump --width=200 --script=s "$C" >"$TMP/cloud-s"
grep -q '云端运算的发展与挑战' "$TMP/cloud-s" && grep -q '二𫫇英' "$TMP/cloud-s" &&
	grep -q '乾隆年间' "$TMP/cloud-s" && grep -q '干燥的机房' "$TMP/cloud-s" &&
	ok "traditional Markdown in simplified, phrase by phrase" ||
	not_ok "traditional Markdown in simplified" "$(head -12 "$TMP/cloud-s")"
grep -q '這段程式碼的註解不會被轉換' "$TMP/cloud-s" && grep -q '以 `docker run` 启动' "$TMP/cloud-s" &&
	ok "code is left as written" || not_ok "code is left as written" "$(cat "$TMP/cloud-s")"
run "$C" --script=s
keys / 二噁英 Enter H
expect_last "a highlight on 二𫫇英 (a character of four bytes from three)" "highlight saved"
keys Escape
settle
[ "$(painted_now)" = "二𫫇英" ] && ok "it is painted whole" ||
	not_ok "it is painted whole" "$(painted_now)"
quit
[ "$(exact "$C")" = '二噁英' ] && ok "and stored as written" ||
	not_ok "and stored as written" "$(exact "$C")"

# 11. Without folding, a search in the simplified view finds what is shown.
run "$G" "--script=s --script-fold=off"
keys / 发展 Enter
expect_last "fold off, in simplified, /发展 finds what is shown" "[1/$n_fazhan]"
quit

done_testing
