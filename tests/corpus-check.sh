#!/bin/sh
# corpus-check.sh [DIR]: optional checks of folio on real documents nobody
# here wrote (default ../shared/corpus).  Not part of make check: a user's
# checkout has no corpus.  Run from the build directory after make.
set -u
dir=${1:-../shared/corpus}
FOLIO=${FOLIO:-./folio}
LC=${LAYOUTCHECK:-./tests/layoutcheck}
fails=0
[ -d "$dir" ] || { echo "corpus-check: no directory $dir" >&2; exit 2; }
make -s tests/layoutcheck >/dev/null 2>&1 || true

say() { printf '%-60s %s\n' "$1" "$2"; [ "$2" = ok ] || fails=$((fails + 1)); }

for f in "$dir"/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	case $name in SOURCES.md) continue ;; esac
	for amb in 1 2; do
		if "$LC" -a "$amb" "$f" 2>/tmp/corpus-lc.$$; then
			say "$name: layout guarantees, ambiguous $amb" ok
		else
			say "$name: layout guarantees, ambiguous $amb" "FAIL: $(head -3 /tmp/corpus-lc.$$)"
		fi
	done
	"$FOLIO" --dump --force "$f" >/tmp/corpus-dump.$$ 2>&1
	if LC_ALL=C tr -d '\n' </tmp/corpus-dump.$$ | LC_ALL=C grep -q '[[:cntrl:]]' ||
	    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" /tmp/corpus-dump.$$; then
		say "$name: dump free of control bytes" FAIL
	else
		say "$name: dump free of control bytes" ok
	fi
done

g=$(ls "$dir"/*GBK* 2>/dev/null | head -1)
if [ -n "$g" ]; then
	n=$("$FOLIO" --toc "$g" | grep -c '回')
	[ "$n" -eq 120 ] && say "GBK novel: --toc lists 120 回" ok ||
		say "GBK novel: --toc lists 120 回" "FAIL: $n"
fi
l=$(ls "$dir"/*16215* 2>/dev/null | head -1)
if [ -n "$l" ]; then
	"$FOLIO" --dump "$l" | grep -q 'Ã' && say "Latin-1 book: no mojibake" FAIL ||
		say "Latin-1 book: no mojibake" ok
	"$FOLIO" --toc "$l" >/tmp/corpus-toc.$$
	if grep -q '^EPOCH' /tmp/corpus-toc.$$ && grep -q '^  CHAPTER' /tmp/corpus-toc.$$; then
		say "Latin-1 book: EPOCHs with their CHAPTERs" ok
	else
		say "Latin-1 book: EPOCHs with their CHAPTERs" FAIL
	fi
fi
u=$(ls "$dir"/*UTF-8-test* 2>/dev/null | head -1)
if [ -n "$u" ]; then
	"$FOLIO" --dump "$u" >/tmp/corpus-u.$$ 2>&1
	st=$?
	[ $st -eq 0 ] && grep -q "$(printf '\357\277\275')" /tmp/corpus-u.$$ &&
		say "UTF-8-test: U+FFFD for bad bytes, no crash" ok ||
		say "UTF-8-test: U+FFFD for bad bytes, no crash" "FAIL (status $st)"
fi
# Markdown: the outline is the headings outside code, and nothing breaks.
for md in "$dir"/*.md "$dir"/*commonmark*; do
	[ -f "$md" ] || continue
	case $md in */SOURCES.md) continue ;; esac
	"$FOLIO" --toc --format=markdown "$md" >/tmp/corpus-toc.$$ 2>&1
	st=$?
	n=$(wc -l </tmp/corpus-toc.$$)
	want=$(awk '/^ *(```|~~~)/ { f = !f; next } !f && /^ *#+( |$)/ { n++ } END { print n + 0 }' "$md")
	if [ $st -eq 0 ] && { [ "$n" -eq "$want" ] || case $md in *commonmark*) [ "$n" -ge 40 ];; *) false;; esac; }; then
		say "$(basename "$md"): Markdown outline ($n headings)" ok
	else
		say "$(basename "$md"): Markdown outline" "FAIL: $n headings, status $st, want $want"
	fi
	"$FOLIO" --dump --format=markdown "$md" >/dev/null 2>&1 &&
		say "$(basename "$md"): Markdown dump" ok ||
		say "$(basename "$md"): Markdown dump" FAIL
done
# The outline of each corpus document, as stated here (the expected
# outlines of our own test documents are the .toc files in tests/data).
# outline GLOB "FOLIO ARGS" ENTRIES [ERE every entry matches] [FIRST ENTRY]
outline() {
	f=$(ls "$dir"/$1 2>/dev/null | head -1)
	[ -n "$f" ] || return 0
	# shellcheck disable=SC2086
	"$FOLIO" --toc $2 "$f" >/tmp/corpus-toc.$$ 2>&1
	n=$(wc -l </tmp/corpus-toc.$$)
	what="$(basename "$f")${2:+ $2}: outline of $3 entries"
	if [ "$n" -ne "$3" ]; then
		say "$what" "FAIL: $n entries"
	elif [ -n "${4:-}" ] && grep -Evq "$4" /tmp/corpus-toc.$$; then
		say "$what" "FAIL: $(grep -Ev "$4" /tmp/corpus-toc.$$ | head -1)"
	elif [ -n "${5:-}" ] && [ "$(head -1 /tmp/corpus-toc.$$)" != "$5" ]; then
		say "$what" "FAIL: first $(head -1 /tmp/corpus-toc.$$)"
	else
		say "$what" ok
	fi
}
outline '*GBK*' "" 120 '^第[〇零一二三四五六七八九十百]+回' '第一回 甄士隱夢幻識通靈 賈雨村風塵懷閨秀'
outline '*Linux.md' "" 110 "" "Linux"
outline '*commonmark*' "" 45 "" "Introduction"
outline '*commonmark*' "--format=markdown" 45 "" "Introduction"
outline '*16215*' "" 66 '^( *)(CONTENTS\.|EPOCH THE [A-Z]+\.|  CHAPTER [IVXLC]+\.|[A-Z][A-Z -]+\.)' "    CONTENTS."
outline '*UTF-8-test*' "" 1 "" "UTF-8 decoder capability and stress test"
outline '*alacritty*' "" 0
rm -f /tmp/corpus-*.$$
echo "corpus-check: $fails failed"
[ "$fails" -eq 0 ]
