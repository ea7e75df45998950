#!/bin/sh
# pathological.sh: inputs that make parsers slow (md4c's pathological
# tests, and issue 11's): each is dumped, outlined and searched, as plain
# text and as Markdown.  A run must end within 2 s, or within 50 times
# what a megabyte of ordinary prose takes per megabyte of input on this
# machine, in this build (a slow or sanitised build is not a failure; a
# quadratic parser is: 10 to 1000 times over).  A hard limit of 60 s stops
# a runaway.  bench/pathological.sh records the figures.  Nothing may
# reach the output raw either.
. "${srcdir:-.}/tests/e2e/lib.sh"

ms_of() {	# ms_of COMMAND...: milliseconds it took (output dropped)
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1
	echo $(( ($(date +%s%N) - s) / 1000000 ))
}

rep() {		# rep STRING COUNT: STRING COUNT times, no line ends
	yes -- "$1" | head -n "$2" | tr -d '\n'
}

gen() {		# gen NAME: the input, on standard output
	case $1 in
	longline)	rep abcdefghij 1048576 ;;		# 10 MB, one line
	cr)		head -c 1048576 /dev/zero | tr '\0' '\r' ;;
	brackets)	head -c 1048576 /dev/zero | tr '\0' '[' ;;
	staraa)		rep '*a**' 262144 ;;
	combining)	printf e; rep "$(printf '\314\201')" 524287 ;;
	quotes)		rep '> ' 50000; echo a ;;
	lists)		rep '- ' 50000; echo a ;;
	matches)	rep 'ab ' 100000; echo ;;		# one paragraph
	paren)		rep "$(printf '\357\274\210')" 349525 ;;	# 1 MB of （
	esac
}

pattern() {	# pattern NAME: what --grep looks for
	case $1 in
	staraa|matches)	echo a ;;
	paren)		printf '\357\274\210\357\274\210\n' ;;
	*)		echo zz ;;
	esac
}

# The yardstick: a megabyte of ordinary prose, the best of three.
awk 'BEGIN { for (i = 0; i < 9000; i++) { printf "Paragraph %d is ordinary prose, with words of every length in it.\n", i; if (i % 7 == 6) print "" } }' >"$TMP/prose"
base=$(ms_of "$FOLIO" --dump "$TMP/prose")
for i in 1 2; do
	t=$(ms_of "$FOLIO" --dump "$TMP/prose")
	[ "$t" -lt "$base" ] && base=$t
done
[ "$base" -gt 0 ] || base=1
echo "# a megabyte of prose: $base ms"

# run DESCRIPTION MB ARGS...: within the limit, status 0 or 1, clean output.
run() {
	desc=$1
	lim=$((50 * base * $2))
	[ "$lim" -ge 2000 ] || lim=2000
	shift 2
	s=$(date +%s%N)
	timeout -k 5 60 "$FOLIO" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	ms=$(( ($(date +%s%N) - s) / 1000000 ))
	if [ $rc -gt 1 ]; then
		not_ok "$desc: ${ms} ms" "status $rc (124: over 60 s)" "$(head -c 300 "$TMP/err")"
	elif [ "$ms" -gt "$lim" ]; then
		not_ok "$desc: ${ms} ms, over ${lim} ms"
	elif LC_ALL=C tr -d '\n' <"$TMP/out" | LC_ALL=C grep -q '[[:cntrl:]]'; then
		not_ok "$desc: a control byte in the output"
	else
		ok "$desc: ${ms} ms (at most ${lim} ms)"
	fi
}

for name in longline cr brackets staraa combining quotes lists matches paren; do
	gen $name >"$TMP/$name"
	mb=$(( ($(wc -c <"$TMP/$name") + 1048575) / 1048576 ))
	for fmt in text markdown; do
		run "$name ($fmt) --dump" $mb --dump --width=80 --format=$fmt "$TMP/$name"
		run "$name ($fmt) --toc" $mb --toc --format=$fmt "$TMP/$name"
		run "$name ($fmt) --grep" $mb --grep="$(pattern $name)" --format=$fmt "$TMP/$name"
	done
done
# Regular expressions matching all through one paragraph.
run "matches: --grep --regex a. (100,000 matches)" 1 --grep=a. --regex "$TMP/matches"
run "matches: --grep --regex . (300,000 matches)" 1 --grep=. --regex "$TMP/matches"
"$FOLIO" --grep=ab "$TMP/matches" | tail -1 >"$TMP/count"
[ "$(cat "$TMP/count")" = "100000 matches" ] && ok "all 100,000 matches are found" ||
	not_ok "all 100,000 matches are found" "$(cat "$TMP/count")"

done_testing
