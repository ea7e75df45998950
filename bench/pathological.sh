#!/bin/sh
# bench/pathological.sh: the inputs of tests/e2e/pathological.sh, timed
# (best of three, milliseconds) for folio --dump, --toc and --grep, as
# plain text and as Markdown, beside peers on the same input in the same
# run: w3m -dump (as plain text) for the dump, grep -c for the search.
# Then the reader's first screen of a file of CRs (issue 11: 4.3 s), with
# less beside it (needs python3-pyte and ../shared/bench/termdrive.py).
# Figures from a run are kept in bench/pathological.txt.
set -u
FOLIO=${FOLIO:-./folio}
TD=${TERMDRIVE:-../shared/bench/termdrive.py}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

rep() { yes -- "$1" | head -n "$2" | tr -d '\n'; }
gen() {
	case $1 in
	longline)	rep abcdefghij 1048576 ;;
	cr)		head -c 1048576 /dev/zero | tr '\0' '\r' ;;
	brackets)	head -c 1048576 /dev/zero | tr '\0' '[' ;;
	staraa)		rep '*a**' 262144 ;;
	combining)	printf e; rep "$(printf '\314\201')" 524287 ;;
	quotes)		rep '> ' 50000; echo a ;;
	lists)		rep '- ' 50000; echo a ;;
	matches)	rep 'ab ' 100000; echo ;;
	paren)		rep "$(printf '\357\274\210')" 349525 ;;
	esac
}
pattern() {
	case $1 in
	staraa|matches)	echo a ;;
	paren)		printf '\357\274\210\357\274\210\n' ;;
	*)		echo zz ;;
	esac
}
best() {	# best COMMAND...: the best of three runs, in ms
	b=
	for i in 1 2 3; do
		s=$(date +%s%N)
		timeout 120 "$@" >/dev/null 2>&1
		t=$(( ($(date +%s%N) - s) / 1000000 ))
		[ -z "$b" ] || [ "$t" -lt "$b" ] && b=$t
	done
	echo "$b"
}

printf '%-10s %-8s %7s %7s %7s %9s %9s\n' input format dump toc grep "w3m-dump" "grep -c"
for name in longline cr brackets staraa combining quotes lists matches paren; do
	gen $name >"$T/$name"
	pat=$(pattern $name)
	w3m=$(best w3m -dump -T text/plain -cols 80 "$T/$name")
	gc=$(best grep -c -- "$pat" "$T/$name")
	for fmt in text markdown; do
		printf '%-10s %-8s %7s %7s %7s %9s %9s\n' $name $fmt \
		    "$(best "$FOLIO" --dump --width=80 --format=$fmt "$T/$name")" \
		    "$(best "$FOLIO" --toc --format=$fmt "$T/$name")" \
		    "$(best "$FOLIO" --grep="$pat" --format=$fmt "$T/$name")" \
		    "$w3m" "$gc"
	done
done
printf '%-10s %-8s %7s\n' matches regex "$(best "$FOLIO" --grep=a. --regex "$T/matches")"

if [ -f "$TD" ] && /usr/bin/python3 -c 'import pyte' 2>/dev/null; then
	ms() { /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); m=d.get("marks",{}); print("%.0f" % m["shown"] if "shown" in m else "never (timed out)")'; }
	for i in 1 2 3; do
		echo "first screen of 1 MiB of CR: folio $(/usr/bin/python3 "$TD" --cols 80 --rows 24 --timeout 30 \
		    --step 'waitre:END|[0-9]+%' --step mark:shown --step keys:q -- \
		    env FOLIO_DATA_DIR="$T/data" TERM=xterm-256color "$FOLIO" "$T/cr" | ms) ms," \
		    "less $(/usr/bin/python3 "$TD" --cols 80 --rows 24 --timeout 30 \
		    --step 'waitre:\^M|\(END\)|:' --step mark:shown --step keys:q -- \
		    env TERM=xterm-256color less "$T/cr" | ms) ms"
	done
fi
