#!/bin/sh
# layout.sh: the layout guarantees (layout.h) on generated text at every
# width from 1 to 120 and some wider, and on every test document at the
# widths the issue names.  tests/layoutcheck does the checking.
. "${srcdir:-.}/tests/e2e/lib.sh"

LC=${LAYOUTCHECK:-./tests/layoutcheck}
widths=$(seq -s, 1 120),200,500,1000
for seed in 1 2 3 4 5; do
	for amb in 1 2; do
		check "generated text, seed $seed, ambiguous $amb, widths 1-120,200,500,1000" \
			"$LC" -g "$seed" -a "$amb" -w "$widths"
	done
done
for f in "$TESTDATA"/*.in "$TESTDATA"/*.txt "$TESTDATA"/*.md; do
	[ -f "$f" ] || continue
	check "$(basename "$f") at widths 1,2,7,20,33,40,80,200" "$LC" "$f"
done
# The same guarantees for the text shown in another script (OpenCC).
if "$LC" -s s "$TESTDATA/zh-glossed.txt" >/dev/null 2>&1; then
	for s in s t; do
		check "generated text in script $s, widths 1-120,200,500,1000" \
			"$LC" -s "$s" -g 1 -w "$widths"
		for f in "$TESTDATA"/zh-*.txt "$TESTDATA"/zh-*.md "$TESTDATA"/*.in; do
			[ -f "$f" ] || continue
			LC_ALL=C grep -q "$(printf '[\344-\351]')" "$f" ||
				continue	# no CJK (UTF-8 lead bytes E4-E9)
			check "$(basename "$f") in script $s at widths 1,2,7,20,33,40,80,200" \
				"$LC" -s "$s" "$f"
		done
	done
else
	ok "# SKIP the converted texts: built without OpenCC"
fi

done_testing
