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

done_testing
