#!/bin/sh
# dump.sh: spec by example.  Each tests/data/NAME.in (or NAME.md, read as
# Markdown, or NAME.html, a web page) is dumped with the
# options in NAME.args (default --dump --width=80) and compared with
# NAME.out; a NAME.toc file is compared with --toc.  Every dump must be
# free of ESC, C1 and C0 bytes but the newline.
. "${srcdir:-.}/tests/e2e/lib.sh"

for in in "$TESTDATA"/*.in "$TESTDATA"/*.md "$TESTDATA"/*.html; do
	name=$(basename "$in")
	name=${name%.*}
	args="--dump --width=80"
	[ -f "$TESTDATA/$name.args" ] && args=$(cat "$TESTDATA/$name.args")
	# shellcheck disable=SC2086
	"$FOLIO" $args "$in" >"$TMP/got" 2>"$TMP/err"
	if [ -f "$TESTDATA/$name.out" ]; then
		if cmp -s "$TMP/got" "$TESTDATA/$name.out"; then
			ok "$name: $args"
		else
			not_ok "$name: $args" "$(diff "$TESTDATA/$name.out" "$TMP/got" | head -20)"
		fi
	fi
	if LC_ALL=C tr -d '\n' <"$TMP/got" | LC_ALL=C grep -q '[[:cntrl:]]' ||
	    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$TMP/got"; then
		not_ok "$name: no control bytes in the dump"
	else
		ok "$name: no control bytes in the dump"
	fi
	if [ -f "$TESTDATA/$name.toc" ]; then
		"$FOLIO" --toc "$in" >"$TMP/got" 2>&1
		if cmp -s "$TMP/got" "$TESTDATA/$name.toc"; then
			ok "$name: --toc"
		else
			not_ok "$name: --toc" "$(diff "$TESTDATA/$name.toc" "$TMP/got" | head -20)"
		fi
	fi
done

done_testing
