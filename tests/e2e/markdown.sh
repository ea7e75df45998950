#!/bin/sh
# markdown.sh: Markdown documents read, searched and annotated like text.
. "${srcdir:-.}/tests/e2e/lib.sh"

MD="$TESTDATA/md-inline.md"
"$FOLIO" --dump --format=text "$MD" >"$TMP/out" 2>&1
grep -qF '*emphasis*' "$TMP/out" && ok "--format=text shows the markup" ||
	not_ok "--format=text shows the markup"
"$FOLIO" --dump "$MD" >"$TMP/out" 2>&1
grep -q '^# ' "$TMP/out" && not_ok "a .md file is read as Markdown" ||
	ok "a .md file is read as Markdown"
cat "$TESTDATA/md-headings.md" | "$FOLIO" --toc >"$TMP/out" 2>&1
cmp -s "$TMP/out" "$TESTDATA/md-headings.toc" && ok "standard input that looks like Markdown is Markdown" ||
	not_ok "standard input that looks like Markdown" "$(cat "$TMP/out")"
cp "$MD" "$TMP/inline.txt"
"$FOLIO" --toc --format=markdown "$TMP/inline.txt" >"$TMP/out"
[ "$(cat "$TMP/out")" = "Inline 行內樣式" ] && ok "--format=markdown" || not_ok "--format=markdown" "$(cat "$TMP/out")"
# A file whose name says nothing (spec.txt) is Markdown by its content;
# "# " comments alone (a Unicode test file) do not make Markdown.
"$FOLIO" --toc "$TESTDATA/md-spec-like.txt" >"$TMP/out" 2>&1
[ "$(printf 'Introduction\n  Details\nAppendix')" = "$(cat "$TMP/out")" ] &&
	ok "a .txt file with front matter and fences is Markdown" ||
	not_ok "a .txt file with front matter and fences is Markdown" "$(cat "$TMP/out")"
printf '# A test file\n# Lines: 2\n\n1 *2* 3\n# end\n' >"$TMP/comments.txt"
"$FOLIO" --dump "$TMP/comments.txt" >"$TMP/out" 2>&1
grep -qF '1 *2* 3' "$TMP/out" && ok "# comments in a .txt file stay text" ||
	not_ok "# comments in a .txt file stay text" "$(cat "$TMP/out")"
"$FOLIO" --grep='軟換行切開' "$MD" >"$TMP/out" 2>&1
[ "$(tail -1 "$TMP/out")" = "1 match" ] && ok "--grep across a soft break in Markdown" ||
	not_ok "--grep across a soft break in Markdown" "$(cat "$TMP/out")"
expect_status "--format=bad is a usage error" 2 "$FOLIO" --format=bad "$MD"

# OSC 8 hyperlinks where the terminal takes them (forced here).
PB=${PTYBYTES:-./tests/ptybytes}
if [ -x "$PB" ]; then
	"$PB" -o "$TMP/raw" 80 24 -- env FOLIO_HYPERLINKS=1 TERM=xterm-256color \
		"$FOLIO" "$MD" >/dev/null
	grep -aq "$(printf '\033')]8;;https://example.org/folio" "$TMP/raw" &&
		ok "links are OSC 8 hyperlinks" || not_ok "links are OSC 8 hyperlinks"
	"$PB" -o "$TMP/raw" 80 24 -- env TERM=xterm-256color "$FOLIO" "$MD" >/dev/null
	grep -aq "Inline" "$TMP/raw" && ! grep -aq "$(printf '\033')]8;;" "$TMP/raw" &&
		ok "no OSC 8 where the terminal is not known to take it" ||
		not_ok "no OSC 8 where the terminal is not known to take it"
	# A link whose URL carries a title-setting sequence and a C1 CSI.
	printf '# T\n\nA [link](<http://x/\033]0;pwned\007/y>), [c1](http://a/\302\23331m).\n' >"$TMP/evil.md"
	"$PB" -o "$TMP/raw" 80 24 L -- env FOLIO_HYPERLINKS=1 TERM=xterm-256color \
		"$FOLIO" "$TMP/evil.md" >/dev/null
	if grep -aq "$(printf '\033')]8;;http://x" "$TMP/raw" &&
	    ! grep -aq "$(printf '\033')]0;" "$TMP/raw" &&
	    ! grep -aq "$(printf '\007')" "$TMP/raw" &&
	    ! grep -aq "$(printf '\302\233')" "$TMP/raw"; then
		ok "escape sequences in a link's URL reach neither OSC 8 nor the link list"
	else
		not_ok "escape sequences in a link's URL" "$(cat -v "$TMP/raw" | head -c 800)"
	fi
	# Escape sequences in a table cell and in the front matter's title.
	printf -- '---\ntitle: "Evil \033]0;pwned\007 title"\n---\n\n# T\n\n| a\033[31m | b\302\233 |\n|---|---|\n| 1\033]2;x\007 | 2 |\n' >"$TMP/evil2.md"
	"$PB" -o "$TMP/raw" 80 24 -- env TERM=xterm-256color "$FOLIO" "$TMP/evil2.md" >/dev/null
	if grep -aq "Evil" "$TMP/raw" && ! grep -aq "$(printf '\033')]" "$TMP/raw" &&
	    ! grep -aq "$(printf '\007')" "$TMP/raw" && ! grep -aq "$(printf '\033')\[31m" "$TMP/raw"; then
		ok "escape sequences in table cells and the title never reach the terminal"
	else
		not_ok "escape sequences in table cells and the title" "$(cat -v "$TMP/raw" | head -c 800)"
	fi
	"$FOLIO" --dump "$TMP/evil2.md" >"$TMP/out" 2>&1
	grep -q "^a | b" "$TMP/out" &&
	    ! LC_ALL=C grep -aq "$(printf '[\001-\010\013-\037\177]')" "$TMP/out" &&
		ok "--dump of escapes in table cells: no control bytes" ||
		not_ok "--dump of escapes in table cells: no control bytes" "$(cat -v "$TMP/out")"
fi

need_tmux
cp "$MD" "$TMP/doc.md"
RUN="FOLIO_DATA_DIR=$TMP/notes TERM=xterm-256color $FOLIO '$TMP/doc.md'"
start 80 24 "$RUN"
wait_for "Inline"
keys / m a t Enter
expect_last "search in Markdown: 1/1" "[1/1]"
keys H
expect_screen "a highlight in Markdown is saved" "highlight saved"
keys L
expect_screen "L lists the links" "https://example.org/folio"
keys Escape q
wait_for "EXIT=0"
FOLIO_DATA_DIR="$TMP/notes" "$FOLIO" --export=json "$TMP/doc.md" >"$TMP/out"
grep -q '"folio:state": "anchored"' "$TMP/out" && ok "its anchor holds" || not_ok "its anchor holds" "$(cat "$TMP/out")"
# A passage with markup inside: highlighted exactly, exported as shown.
start 80 24 "$RUN"
wait_for "Inline"
keys / e m p h a s i s Enter
expect_last "search for a word in *emphasis*" "[1/1]"
keys v w w w H
expect_screen "the selection is highlighted" "highlight saved"
tm capture-pane -p -e -t t: >"$TMP/esc"
painted 43 <"$TMP/esc" | grep -qx "emphasis, strong," &&
	! painted 43 <"$TMP/esc" | grep -q "code" &&
	ok "exactly the passage, not its whole paragraph" ||
	not_ok "exactly the passage" "$(painted 43 <"$TMP/esc")"
keys q
wait_for "EXIT=0"
FOLIO_DATA_DIR="$TMP/notes" "$FOLIO" --export=json "$TMP/doc.md" >"$TMP/out"
grep -q '"exact": "emphasis\*, \*\*strong\*\*,"' "$TMP/out" &&
	ok "the anchor keeps the source, markup and all" ||
	not_ok "the anchor keeps the source" "$(grep exact "$TMP/out")"
FOLIO_DATA_DIR="$TMP/notes" "$FOLIO" --export "$TMP/doc.md" >"$TMP/out"
grep -q '^> emphasis, strong,$' "$TMP/out" &&
	ok "the Markdown export quotes it as shown" ||
	not_ok "the Markdown export quotes it as shown" "$(cat "$TMP/out")"
start 37 12 "TERM=xterm-256color $FOLIO '$TESTDATA/md-table.md'"
wait_for "Tables"
settle
w=$(screen | wc -L)
[ "$w" -le 37 ] && ok "a wide table fits the screen, cut ($w)" || not_ok "a wide table fits" "$w"
keys Right
expect_screen "→ scrolls a table sideways" "«"
keys q

done_testing
