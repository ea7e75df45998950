#!/bin/sh
# cli.sh: options, errors and exit statuses, as a user meets them.
. "${srcdir:-.}/tests/e2e/lib.sh"

expect_status "--version exits 0" 0 "$FOLIO" --version
grep -q '^folio ' "$TMP/out" && ok "--version names folio" ||
	not_ok "--version names folio" "$(cat "$TMP/out")"
expect_status "--help exits 0" 0 "$FOLIO" --help
grep -q -- '--dump' "$TMP/out" && ok "--help lists --dump" ||
	not_ok "--help lists --dump"

expect_status "unknown option is a usage error" 2 "$FOLIO" --frobnicate x
grep -q "^folio: " "$TMP/err" && ok "usage error says folio:" ||
	not_ok "usage error says folio:" "$(cat "$TMP/err")"
expect_status "bad --width is a usage error" 2 "$FOLIO" --dump --width=0 /dev/null
expect_status "bad --encoding is a usage error" 2 "$FOLIO" --dump --encoding=nonesuch /dev/null
expect_status "two files and --toc is a usage error" 2 "$FOLIO" --toc a b
expect_status "--regex without --grep is a usage error" 2 "$FOLIO" --regex --dump /dev/null
expect_err "--regex without --grep says so" "folio: --regex goes with --grep=PATTERN
Try 'folio --help' for more information."
printf 'first file\n' >"$TMP/one.txt"
printf 'second file\n' >"$TMP/two.txt"
"$FOLIO" --dump "$TMP/one.txt" "$TMP/two.txt" >"$TMP/both" 2>&1
[ "$(cat "$TMP/both")" = "$(printf 'first file\nsecond file')" ] &&
	ok "--dump of two files prints one after the other" ||
	not_ok "--dump of two files" "$(cat "$TMP/both")"
expect_status "a missing file among others: status 1" 1 "$FOLIO" --dump "$TMP/one.txt" "$TMP/nonexistent"
grep -q "second\|first" "$TMP/out" && ok "... and the others are printed" ||
	not_ok "... and the others are printed" "$(cat "$TMP/out")"
FOLIO_DATA_DIR="$TMP/empty-store" "$FOLIO" --export >"$TMP/none.md" 2>"$TMP/none.err"
grep -q "No notes yet" "$TMP/none.md" && grep -q "no notes yet" "$TMP/none.err" &&
	ok "--export with no notes says so" ||
	not_ok "--export with no notes says so" "$(cat "$TMP/none.md" "$TMP/none.err")"
printf 'a file named so\n' >"$TMP/standard input"
(cd "$TMP" && "$FOLIO" --dump "standard input" </dev/null) >"$TMP/si" 2>&1
grep -q "a file named so" "$TMP/si" && ok "a file named 'standard input' is that file" ||
	not_ok "a file named 'standard input' is that file" "$(cat "$TMP/si")"

expect_status "missing file exits 1" 1 "$FOLIO" --dump "$TMP/nonexistent"
expect_err "missing file: one line" "folio: $TMP/nonexistent: No such file or directory"
expect_status "directory exits 1" 1 "$FOLIO" --dump "$TMP"
expect_err "directory: one line" "folio: $TMP: is a directory"

printf 'ELF\0\0\0\0binary\0data' >"$TMP/bin"
expect_status "binary file refused" 1 "$FOLIO" --dump "$TMP/bin"
expect_err "binary file: one line, which says how to open it" "folio: $TMP/bin: binary file (--force opens it)"
expect_status "--force opens a binary file" 0 "$FOLIO" --dump --force "$TMP/bin"
if tr -d '\n' <"$TMP/out" | LC_ALL=C grep -q '[[:cntrl:]]'; then
	not_ok "--force dump holds no control bytes"
else
	ok "--force dump holds no control bytes"
fi

# Root reads anything: then the check runs as nobody, on a copy of folio
# that nobody can reach.
echo secret >"$TMP/noperm"
chmod 000 "$TMP/noperm"
AS=
PROG=$FOLIO
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	chmod 711 "$TMP"
	cp "$FOLIO" "$TMP/folio" && chmod 755 "$TMP/folio"
	AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
	PROG=$TMP/folio
fi
if [ "$(id -u)" != 0 ] || [ -n "$AS" ]; then
	expect_status "unreadable file exits 1" 1 $AS "$PROG" --dump "$TMP/noperm"
	expect_err "unreadable file: one line" "folio: $TMP/noperm: Permission denied"
else
	ok "unreadable file exits 1 # SKIP running as root without setpriv"
	ok "unreadable file: one line # SKIP running as root without setpriv"
fi

: >"$TMP/empty"
expect_status "empty file opens" 0 "$FOLIO" --dump "$TMP/empty"
[ ! -s "$TMP/out" ] && ok "empty file dumps nothing" || not_ok "empty file dumps nothing"

printf 'piped\ntext\n' | "$FOLIO" --dump >"$TMP/out" 2>&1
[ "$(cat "$TMP/out")" = "piped text" ] && ok "reads standard input" ||
	not_ok "reads standard input" "$(cat "$TMP/out")"
printf 'dash\n' | "$FOLIO" --dump - >"$TMP/out" 2>&1
[ "$(cat "$TMP/out")" = "dash" ] && ok "- is standard input" ||
	not_ok "- is standard input" "$(cat "$TMP/out")"

# Not a terminal: folio prints like --dump at width 80.
"$FOLIO" "$TESTDATA/latin-wrap.in" >"$TMP/out" </dev/null 2>&1
"$FOLIO" --dump --width=80 "$TESTDATA/latin-wrap.in" >"$TMP/want"
cmp -s "$TMP/out" "$TMP/want" && ok "stdout not a terminal: dump at 80" ||
	not_ok "stdout not a terminal: dump at 80"

# A full disk is a runtime failure, not silence.
if [ -w /dev/full ]; then
	expect_status "write error exits 1" 1 sh -c "\"$FOLIO\" --dump \"$TESTDATA/latin-wrap.in\" >/dev/full"
fi

# --reflow=off keeps every line; a bad value is a usage error.
"$FOLIO" --dump --reflow=off --width=80 "$TESTDATA/license.in" >"$TMP/out" 2>&1
grep -q '^  This license is written for the tests of a reader: it has the shape of$' "$TMP/out" &&
	ok "--reflow=off keeps the lines as written" ||
	not_ok "--reflow=off keeps the lines as written" "$(head -12 "$TMP/out")"
expect_status "--reflow=sideways is a usage error" 2 "$FOLIO" --reflow=sideways "$TESTDATA/license.in"

# gzip: a compressed file or stream is read as its text (every member);
# damaged data is a one-line error.
gzip -c "$TESTDATA/man-page.in" >"$TMP/frob.1.gz"
"$FOLIO" --toc "$TMP/frob.1.gz" >"$TMP/out" 2>&1
cmp -s "$TMP/out" "$TESTDATA/man-page.toc" && ok "a .gz file is read as its text" ||
	not_ok "a .gz file is read as its text" "$(cat "$TMP/out")"
{ gzip -c "$TESTDATA/license.in"; gzip -c "$TESTDATA/man-page.in"; } >"$TMP/two.gz"
"$FOLIO" --dump <"$TMP/two.gz" >"$TMP/out" 2>&1
grep -q 'THE EXAMPLE PUBLIC LICENSE' "$TMP/out" && grep -q 'twiddle(1)' "$TMP/out" &&
	ok "gzip on standard input, two members" ||
	not_ok "gzip on standard input, two members" "$(head -5 "$TMP/out")"
head -c 60 "$TMP/frob.1.gz" >"$TMP/cut.gz"
expect_status "cut-short gzip data is an error" 1 "$FOLIO" --dump "$TMP/cut.gz"
grep -q "^folio: $TMP/cut.gz: damaged or incomplete gzip data\$" "$TMP/err" &&
	ok "cut-short gzip: one line saying so" || not_ok "cut-short gzip: one line" "$(cat "$TMP/err")"

# The man page lists exactly the keys of the command table.
if [ -f "$TESTDATA/../../folio.1" ]; then
	sed -n '/^\.\\" keys-begin/,/^\.\\" keys-end/p' "$TESTDATA/../../folio.1" |
		sed '1d;$d' >"$TMP/man-keys"
	"$FOLIO" --list-keys=man >"$TMP/table-keys"
	if [ -s "$TMP/man-keys" ] && cmp -s "$TMP/man-keys" "$TMP/table-keys"; then
		ok "folio.1 lists the keys of the command table"
	else
		not_ok "folio.1 lists the keys of the command table" \
			"run make update-man" "$(diff "$TMP/man-keys" "$TMP/table-keys" | head)"
	fi
fi

done_testing
