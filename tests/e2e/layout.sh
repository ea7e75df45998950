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

done_testing
