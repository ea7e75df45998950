# lib.sh: TAP helpers for folio's end-to-end tests.  Sourced, not run.
# The harness sets FOLIO (the program), TESTDATA (tests/data), LC_ALL.

: "${FOLIO:?FOLIO must name the folio program}"
: "${TESTDATA:?TESTDATA must name tests/data}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
tap_n=0
tap_failed=0

ok() {		# ok DESCRIPTION: a passing test
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

not_ok() {	# not_ok DESCRIPTION DETAIL...
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

check() {	# check DESCRIPTION COMMAND...: passes when the command does
	desc=$1
	shift
	if "$@" >"$TMP/check.out" 2>&1; then
		ok "$desc"
	else
		not_ok "$desc" "command failed: $*" "$(head -c 2000 "$TMP/check.out")"
	fi
}

expect_status() {	# expect_status DESCRIPTION STATUS COMMAND...
	desc=$1
	want=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$desc"
	else
		not_ok "$desc" "exit status $got, wanted $want" "$(cat "$TMP/err")"
	fi
}

expect_err() {	# expect_err DESCRIPTION TEXT: stderr of the last command
	if [ "$(cat "$TMP/err")" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1" "stderr was: $(cat "$TMP/err")" "wanted: $2"
	fi
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}
