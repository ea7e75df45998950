#!/bin/sh
# hostile.sh: what a hostile or broken input cannot do to folio (issue 11's
# findings): imported numbers, escape sequences in quotes and file names,
# endless inputs, files that change under the reader.
. "${srcdir:-.}/tests/e2e/lib.sh"

# An import whose position selectors are not sound: each such note is
# refused with a reason, the sound one is imported, the status is 1.
printf 'Victim Title\n\nSome paragraph text that is long enough to be a paragraph.\n' >"$TMP/victim.txt"
sha=$(sha256sum <"$TMP/victim.txt" | cut -c1-64)
item() {	# item N START END: one note on "Some paragraph"
	printf '{"id": "urn:uuid:cccccccc-0000-4000-8000-00000000000%s", "type": "Annotation", "motivation": "highlighting", "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "body": {"type": "TextualBody", "value": "note %s"}, "target": {"source": "%s", "folio:document": "9576420f-14dd-4adb-8bd2-6b2bd401a79c", "folio:title": "Victim Title", "state": {"type": "folio:ContentHash", "sha256": "%s"}, "selector": [{"type": "TextQuoteSelector", "exact": "Some paragraph", "prefix": "", "suffix": ""}, {"type": "TextPositionSelector", "start": %s, "end": %s}]}}' \
	    "$1" "$1" "$TMP/victim.txt" "$sha" "$2" "$3"
}
{
	printf '{"type": "AnnotationCollection", "items": [\n'
	item 1 14 28; printf ',\n'
	item 2 101 100; printf ',\n'
	item 3 -4096 0; printf ',\n'
	item 4 1.5 20; printf ',\n'
	item 5 1e300 1e301
	printf '\n]}\n'
} >"$TMP/import.json"
expect_status "an import with unsound positions: status 1" 1 \
	"$FOLIO" --import="$TMP/import.json"
grep -q '^1 imported, 0 already up to date, 4 not imported$' "$TMP/out" &&
	ok "the sound note is imported, the others counted" ||
	not_ok "the sound note is imported, the others counted" "$(cat "$TMP/out")"
grep -q "item 2 not imported: its position starts after it ends" "$TMP/err" &&
	grep -q "item 3 not imported: its position is not a whole number" "$TMP/err" &&
	ok "each refused note is named, with why" ||
	not_ok "each refused note is named, with why" "$(cat "$TMP/err")"
"$FOLIO" --notes "$TMP/victim.txt" >"$TMP/notes.md" 2>&1
grep -q '^> Some paragraph$' "$TMP/notes.md" && grep -q '^note 1$' "$TMP/notes.md" &&
	! grep -q '^note [2-5]$' "$TMP/notes.md" &&
	ok "--notes shows the imported note only" ||
	not_ok "--notes shows the imported note only" "$(cat "$TMP/notes.md")"
"$FOLIO" --dump "$TMP/victim.txt" >"$TMP/dump" 2>&1 &&
	ok "the document still opens" || not_ok "the document still opens" "$(cat "$TMP/dump")"

# clean FILE: no ESC, C0 (but the line end), DEL, C1 or bidi control in it.
clean() {
	! LC_ALL=C tr -d '\n' <"$1" | LC_ALL=C grep -q '[[:cntrl:]]' &&
	! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" &&
	! LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]')" "$1" &&
	! LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$1"
}

# Escape sequences, C1 controls and bidi overrides in a document, in a
# note's quote, its text, the title and the path: none reaches --notes,
# --export or --grep raw.
ESC=$(printf '\033')
dir="$TMP/$(printf 'dir\342\200\256x\033]0;T\007')"
mkdir -p "$dir"
hostile="$dir/hostile.txt"
printf 'Title \033]0;pwned\007\342\200\256txt\n\nFirst paragraph with payload \033]52;c;UEFZTE9BRA==\007 and \033[4242m and \302\2334242m and \342\200\256EVIL\342\200\254 and tail text here.\n\nSecond paragraph plain.\n' >"$hostile"
hsha=$(sha256sum <"$hostile" | cut -c1-64)
hdoc=$(printf '%s' "First paragraph with payload \\u001b]52;c;UEFZTE9BRA==\\u0007 and \\u001b[4242m")
{
	printf '{"items": [{"id": "urn:uuid:dddddddd-0000-4000-8000-000000000001", "motivation": "commenting", "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", '
	printf '"body": {"value": "my note \\u001b[2J\\u009b31m\\u202eevil"}, "target": {"source": "%s", "folio:document": "1576420f-14dd-4adb-8bd2-6b2bd401a79c", "folio:title": "T\\u001b]0;x\\u0007", ' "$(printf '%s' "$hostile" | sed "s/$ESC/\\\\u001b/g; s/$(printf '\007')/\\\\u0007/g")"
	printf '"state": {"sha256": "%s"}, "selector": [{"exact": "%s", "prefix": "", "suffix": ""}]}, "folio:section": "S\\u001b[31m\\u202e"}]}\n' "$hsha" "$hdoc"
} >"$TMP/hostile.json"
"$FOLIO" --import="$TMP/hostile.json" >"$TMP/out" 2>&1 &&
	ok "a note on a hostile passage is imported" ||
	not_ok "a note on a hostile passage is imported" "$(cat "$TMP/out")"
"$FOLIO" --notes "$hostile" >"$TMP/notes.md" 2>&1
grep -q 'my note' "$TMP/notes.md" && grep -q '^> First paragraph with payload' "$TMP/notes.md" &&
	ok "--notes prints the note and its quote" ||
	not_ok "--notes prints the note and its quote" "$(cat "$TMP/notes.md")"
clean "$TMP/notes.md" && ok "--notes: nothing raw from the document or the import" ||
	not_ok "--notes: nothing raw from the document or the import" "$(od -c "$TMP/notes.md" | head -20)"
"$FOLIO" --export "$hostile" >"$TMP/export.md" 2>&1
clean "$TMP/export.md" && ok "--export (Markdown): nothing raw" ||
	not_ok "--export (Markdown): nothing raw" "$(od -c "$TMP/export.md" | head -20)"
"$FOLIO" --export=json "$hostile" >"$TMP/export.json" 2>&1
clean "$TMP/export.json" && grep -q 'my note \\u001b\[2J\\u009b31m\\u202eevil' "$TMP/export.json" &&
	ok "--export=json: controls and bidi escaped, nothing lost" ||
	not_ok "--export=json: controls and bidi escaped, nothing lost" "$(od -c "$TMP/export.json" | head -20)"
"$FOLIO" --export >"$TMP/all.md" 2>&1
clean "$TMP/all.md" && ok "--export of every document: nothing raw" ||
	not_ok "--export of every document: nothing raw" "$(od -c "$TMP/all.md" | head -20)"
"$FOLIO" --grep=payload "$hostile" >"$TMP/grep" 2>&1
grep -q 'payload' "$TMP/grep" && clean "$TMP/grep" && ok "--grep: nothing raw" ||
	not_ok "--grep: nothing raw" "$(od -c "$TMP/grep" | head -20)"
"$FOLIO" --toc "$hostile" >"$TMP/toc" 2>&1
clean "$TMP/toc" && ok "--toc: nothing raw" || not_ok "--toc: nothing raw" "$(od -c "$TMP/toc" | head)"

# File names and arguments in error messages.
"$FOLIO" --dump "$dir/missing$ESC]0;TITLE$(printf '\007')" >"$TMP/out" 2>"$TMP/err"
grep -q 'missing' "$TMP/err" && clean "$TMP/err" &&
	ok "an error names a file without its escape sequences" ||
	not_ok "an error names a file without its escape sequences" "$(od -c "$TMP/err" | head)"
"$FOLIO" "--width=$ESC[2J" x >"$TMP/out" 2>"$TMP/err"
grep -q 'invalid width' "$TMP/err" && clean "$TMP/err" &&
	ok "a bad option's value is shown safely" ||
	not_ok "a bad option's value is shown safely" "$(od -c "$TMP/err" | head)"
"$FOLIO" "--$ESC]0;x$(printf '\007')" >"$TMP/out" 2>"$TMP/err"
grep -q 'unrecognized option' "$TMP/err" && clean "$TMP/err" &&
	ok "an unknown option is shown safely" ||
	not_ok "an unknown option is shown safely" "$(od -c "$TMP/err" | head)"

# Endless and binary streams: refused from their first bytes, or at the
# limit (--max-size), never read whole first.
expect_status "folio --dump /dev/zero: refused" 1 timeout 20 "$FOLIO" --dump /dev/zero
grep -q '/dev/zero: binary file' "$TMP/err" && ok "as a binary file" ||
	not_ok "as a binary file" "$(cat "$TMP/err")"
{ head -c 9000 /dev/zero; sleep 30; } | timeout 10 "$FOLIO" --dump >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] && grep -q 'binary file' "$TMP/err" &&
	ok "a binary stream is refused from its first 8 KiB, before it ends" ||
	not_ok "a binary stream is refused from its first 8 KiB" "$(cat "$TMP/err")"
{ head -c 1000000 /dev/zero | gzip; sleep 30; } | timeout 10 "$FOLIO" --dump >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] && grep -q 'binary file' "$TMP/err" &&
	ok "gzip data that inflates to binary is refused from its first bytes, before it ends" ||
	not_ok "gzip data that inflates to binary is refused early" "$(cat "$TMP/err")"
printf 'Title\n\nSome text here.\n' | gzip | "$FOLIO" --dump >"$TMP/out" 2>"$TMP/err" &&
	grep -q 'Some text here.' "$TMP/out" && ok "gzip text through a pipe is read" ||
	not_ok "gzip text through a pipe is read" "$(cat "$TMP/err")"
yes 'an endless line of text' | timeout 20 "$FOLIO" --dump --max-size=1M >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] && grep -q 'standard input: more than 1 MiB: --max-size=SIZE reads more' "$TMP/err" &&
	ok "an endless pipe ends at --max-size, with the way to read more" ||
	not_ok "an endless pipe ends at --max-size" "$(cat "$TMP/err")"
yes 'a line of text' | head -c 2000000 >"$TMP/2m.txt"
cat "$TMP/2m.txt" | "$FOLIO" --dump --max-size=1M >"$TMP/out" 2>"$TMP/err"
[ $? = 1 ] && ok "a 2 MB pipe is over --max-size=1M" || not_ok "a 2 MB pipe is over --max-size=1M" "$(cat "$TMP/err")"
cat "$TMP/2m.txt" | "$FOLIO" --dump --max-size=3M >"$TMP/out" 2>"$TMP/err" &&
	grep -q 'a line of text' "$TMP/out" &&
	ok "and within --max-size=3M" || not_ok "and within --max-size=3M" "$(cat "$TMP/err")"
"$FOLIO" --dump --max-size=1K "$TMP/2m.txt" >"$TMP/out" 2>"$TMP/err" &&
	ok "a regular file is mapped, not capped" || not_ok "a regular file is mapped, not capped" "$(cat "$TMP/err")"
expect_status "--max-size=0 is a usage error" 2 "$FOLIO" --dump --max-size=0 "$TMP/2m.txt"

# A file truncated while --dump prints it: no SIGBUS, an error, status 1.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "Paragraph %d of a long text with plenty of words in it.\n\n", i }' >"$TMP/shrinks.txt"
{ "$FOLIO" --dump "$TMP/shrinks.txt" 2>"$TMP/err"; echo $? >"$TMP/status"; } |
	{ head -c 1000 >/dev/null; truncate -s 100 "$TMP/shrinks.txt"; cat >/dev/null; }
[ "$(cat "$TMP/status")" = 1 ] && grep -q 'shrinks.txt: the file changed while it was read' "$TMP/err" &&
	ok "a file that shrinks while it is dumped: an error, no SIGBUS" ||
	not_ok "a file that shrinks while it is dumped" "status $(cat "$TMP/status")" "$(cat "$TMP/err")"

# The reader's status line shows a file name without what it hides.
if command -v tmux >/dev/null 2>&1; then
	need_tmux
	awk 'BEGIN { for (i = 0; i < 30; i++) print "this is just a long paragraph of ordinary text that goes on and on.\n" }' \
	    >"$dir/report$(printf '\342\200\256')txt.exe"
	start 80 24 "TERM=xterm-256color $FOLIO '$dir/report$(printf '\342\200\256')txt.exe'"
	if wait_for "txt.exe"; then
		screen | tail -1 >"$TMP/status"
		clean "$TMP/status" && ok "the status line shows the name without its bidi override" ||
			not_ok "the status line shows the name without its bidi override" "$(od -c "$TMP/status" | head)"
	else
		not_ok "the status line shows the name" "$(screen)"
	fi
	keys q

	# The notes list shows an imported note's text without what it hides.
	start 100 24 "FOLIO_DATA_DIR=$TMP/data TERM=xterm-256color $FOLIO '$hostile'"
	wait_for "First paragraph"
	keys A
	if wait_for "my note"; then
		screen >"$TMP/list"
		clean "$TMP/list" && ok "the notes list shows a note's text safely" ||
			not_ok "the notes list shows a note's text safely" "$(grep 'my note' "$TMP/list" | od -c | head)"
	else
		not_ok "the notes list shows the imported note" "$(screen)"
	fi
	keys Escape q

	# The file shrinks under the reader: no SIGBUS, the reader says so,
	# and quitting gives the terminal back (off the alternate screen).
	awk 'BEGIN { for (i = 0; i < 3000; i++) printf "Paragraph %d of a long text with plenty of words in it.\n\n", i }' >"$TMP/shrinks.txt"
	start 80 24 "TERM=xterm-256color $FOLIO '$TMP/shrinks.txt'"
	wait_for "Paragraph 2"
	truncate -s 100 "$TMP/shrinks.txt"
	expect_last "the reader tells that the file changed" "the file changed"
	keys G
	expect_last "reading past the new end: no SIGBUS" "END"
	keys R
	expect_last "R reloads it" "reloaded"
	keys q
	[ "$(exit_status)" = 0 ] && ok "quits normally" || not_ok "quits normally" "$(screen)"
	[ "$(tm display-message -p -t t: '#{alternate_on}')" = 0 ] &&
		ok "the terminal is off the alternate screen" ||
		not_ok "the terminal is off the alternate screen"
	start 80 24 "TERM=xterm-256color $FOLIO '$TMP/victim.txt'"
	wait_for "Some paragraph"
	rm "$TMP/victim.txt"
	expect_last "a file removed under the reader is told" "the file is gone"
	keys q
	# A crash (here a SIGSEGV from outside) still gives the terminal back.
	start 80 24 "TERM=xterm-256color $FOLIO '$TMP/2m.txt'"
	wait_for "a line of text"
	pid=$(folio_pid 2m.txt)
	[ -n "$pid" ] && kill -SEGV "$pid"
	if grep -q __asan_init "$FOLIO"; then	# the sanitizer takes SIGSEGV
		ok "a crash leaves the terminal off the alternate screen # SKIP AddressSanitizer build"
	elif [ "$(exit_status)" = 139 ] && [ "$(tm display-message -p -t t: '#{alternate_on}')" = 0 ]; then
		ok "a crash leaves the terminal off the alternate screen"
	else
		not_ok "a crash leaves the terminal off the alternate screen" "status $(exit_status)"
	fi
fi

done_testing
