#!/bin/sh
# completion.sh: shell completions made from the option table at build
# time, installed by make install where bash-completion and zsh look.
. "${srcdir:-.}/tests/e2e/lib.sh"

build=$(dirname "$FOLIO")
[ -f "$build/Makefile" ] || skip_all "no build directory beside $FOLIO"
command -v bash >/dev/null 2>&1 || skip_all "bash is not installed"

# make install DESTDIR=...: the two files, under folio's own prefix.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL ${MAKE:-make} -s -C "$build" install \
	DESTDIR="$TMP/inst" >"$TMP/install.log" 2>&1
check "make install DESTDIR=... succeeds" test -x "$(find "$TMP/inst" -type f -name folio -path '*/bin/*' | head -1)"
BASHC=$(find "$TMP/inst" -type f -name folio -path '*/bash-completion/completions/*' | head -1)
ZSHC=$(find "$TMP/inst" -type f -name _folio -path '*/zsh/vendor-completions/*' | head -1)
[ -n "$BASHC" ] && ok "bash: installed in bash-completion's completions" ||
	not_ok "bash: installed in bash-completion's completions" "$(find "$TMP/inst" -type f)"
[ -n "$ZSHC" ] && ok "zsh: installed in \$(datadir)/zsh/vendor-completions" ||
	not_ok "zsh: installed in vendor-completions" "$(find "$TMP/inst" -type f)"
prefix=$(sed -n 's/^prefix = //p' "$build/Makefile")
case $BASHC in
"$TMP/inst$prefix"/*) ok "... under folio's prefix ($prefix)" ;;
*) not_ok "... under folio's prefix" "$BASHC" "prefix: $prefix" ;;
esac

[ -n "$BASHC" ] || BASHC=/nonexistent
out=$(bash -c ". '$BASHC'; complete -p folio" 2>&1)
[ "$out" = "complete -F _folio folio" ] && ok "bash: complete -p folio finds it" ||
	not_ok "bash: complete -p folio finds it" "$out"

complete_words() {	# complete_words WORD...: what bash offers for the last one
	bash -c ". '$BASHC'; COMP_WORDS=(\"\$@\"); COMP_CWORD=\$((\$# - 1)); _folio; echo \"\${COMPREPLY[*]}\"" folio "$@"
}
[ "$(complete_words folio --col)" != "" ] &&
	complete_words folio --col | grep -q -- '--color=' &&
	ok "bash: --col completes to --color= ..." ||
	not_ok "bash: --col completes" "$(complete_words folio --col)"
[ "$(complete_words folio --color=al)" = "--color=always" ] &&
	ok "bash: --color=al completes to always" ||
	not_ok "bash: --color=al completes to always" "$(complete_words folio --color=al)"
[ "$(complete_words folio --theme = l)" = "light" ] &&
	ok "bash: --theme = l (split at =) completes to light" ||
	not_ok "bash: --theme = l completes to light" "$(complete_words folio --theme = l)"
mkdir -p "$TMP/dir"
: >"$TMP/dir/some-book.txt"
[ "$(complete_words folio "$TMP/dir/some")" = "$TMP/dir/some-book.txt" ] &&
	ok "bash: a file name completes" ||
	not_ok "bash: a file name completes" "$(complete_words folio "$TMP/dir/some")"

# Made from the table: every option of --help is there.
"$FOLIO" --help | grep -o -- '--[a-z][a-z-]*' | sort -u | grep -v -- '--color-ELEMENT' >"$TMP/opts"
missing=
while read -r o; do
	grep -q -- "$o" "$BASHC" || missing="$missing $o"
	[ -n "$ZSHC" ] && { grep -q -- "'$o" "$ZSHC" || grep -q -- "{-h,$o}" "$ZSHC" || missing="$missing zsh:$o"; }
done <"$TMP/opts"
[ -z "$missing" ] && [ "$(wc -l <"$TMP/opts")" -gt 30 ] &&
	ok "every option of --help is completed ($(wc -l <"$TMP/opts"))" ||
	not_ok "every option of --help is completed" "missing:$missing"

if [ -n "$ZSHC" ]; then
	[ "$(head -1 "$ZSHC")" = "#compdef folio" ] && ok "zsh: #compdef folio" ||
		not_ok "zsh: #compdef folio" "$(head -1 "$ZSHC")"
	if command -v zsh >/dev/null 2>&1; then
		check "zsh: the script parses" zsh -n "$ZSHC"
	else
		ok "zsh: the script parses # SKIP zsh is not installed"
	fi
fi

done_testing
