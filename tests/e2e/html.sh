#!/bin/sh
# html.sh: web pages built to hurt -- 300,000 nested <div>, 100,000 unclosed
# <span>, a 20 MB text node, a script holding </div> -- are printed whole
# (in 10 s at most, 60 s with AddressSanitizer), and the reader shows the
# first screen of each within 2 s of processor time (10 s with
# AddressSanitizer): the machine the tests run on may be busy, the time
# folio spent is its own.
. "${srcdir:-.}/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
need_tmux

LIMIT=2000
DUMP_LIMIT=10000
if ldd "$FOLIO" 2>/dev/null | grep -q libasan; then
	LIMIT=10000
	DUMP_LIMIT=60000
fi

ms() {		# milliseconds since the epoch
	date +%s%3N
}

python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
with open(d + "/nested.html", "w") as f:
    f.write("<html><body>" + "<div>" * 300000 + "deep text" + "</div>" * 300000 + "</body></html>")
with open(d + "/spans.html", "w") as f:
    f.write("<html><body><p>" + "<span>a " * 100000 + "the end</p></body></html>")
with open(d + "/huge.html", "w") as f:
    f.write("<html><body><p>start " + "word " * 4000000 + "finish</p></body></html>")
with open(d + "/script.html", "w") as f:
    f.write('<html><body><script>var s = "</div></body><p>not text</p>";</script><p>' +
            "real text, " * 100 + "</p></body></html>")
PY

# timed NAME TEXT DESCRIPTION: --dump of NAME.html holds TEXT, in time.
timed() {
	t0=$(ms)
	"$FOLIO" --dump --width=80 "$TMP/$1.html" >"$TMP/$1.out" 2>"$TMP/err"
	rc=$?
	t=$(($(ms) - t0))
	if [ $rc -eq 0 ] && grep -qF -- "$2" "$TMP/$1.out" && [ $t -le $DUMP_LIMIT ]; then
		ok "$3 ($t ms)"
	else
		not_ok "$3" "status $rc, $t ms (limit $DUMP_LIMIT)" "$(head -c 300 "$TMP/$1.out")" \
		    "$(cat "$TMP/err")"
	fi
}

timed nested "deep text" "300,000 nested <div>: printed"
timed spans "the end" "100,000 unclosed <span>: printed"
[ "$(tr -cd 'a' <"$TMP/spans.out" | wc -c)" -ge 100000 ] &&
	ok "every span's text is there" || not_ok "the spans' text" "$(tr -cd 'a' <"$TMP/spans.out" | wc -c)"
timed huge "finish" "a 20 MB text node: printed"
[ "$(tr -s ' \n' '\n\n' <"$TMP/huge.out" | grep -c '^word$')" -eq 4000000 ] &&
	ok "every word of it" || not_ok "the 20 MB node's words" \
	    "$(tr -s ' \n' '\n\n' <"$TMP/huge.out" | grep -c '^word$')"
timed script "real text" "a script holding </div> is not the page's text"
grep -q "not text" "$TMP/script.out" && not_ok "the script's string is hidden" ||
	ok "the script's string is hidden"

# The reader's first screen of each, in time.
for name in nested spans huge; do
	case $name in
	nested) want="deep text" ;;
	spans) want="a a a a" ;;
	huge) want="start word word" ;;
	esac
	t0=$(ms)
	start 80 24 "TERM=xterm-256color $FOLIO '$TMP/$name.html'"
	i=0
	while [ $i -lt 1000 ] && ! screen | grep -qF -- "$want"; do
		sleep 0.02
		i=$((i + 1))
	done
	t=$(($(ms) - t0))
	pid=$(folio_pid "$name.html")
	# processor time so far: utime + stime, in clock ticks
	cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' \
	    "/proc/$pid/stat" 2>/dev/null)
	if screen | grep -qF -- "$want" && [ -n "$cpu" ] && [ "$cpu" -le $LIMIT ]; then
		ok "$name: the reader's first screen ($cpu ms of processor time, $t ms)"
	else
		not_ok "$name: the reader's first screen" "${cpu:-?} ms of processor time," \
		    "$t ms (limit $LIMIT)" "$(screen | head -5)"
	fi
	keys q
	wait_for "EXIT=0" || not_ok "$name: q quits" "$(screen | tail -3)"
done

done_testing
