#!/bin/sh
# config.sh: folio fits the user's environment (issue 16): the
# configuration file and its errors, key bindings and less's keys, the
# help and --list-keys showing the keys in force, colours (NO_COLOR,
# --color, themes, 8 and 256 colours), the mouse wheel.
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

DOC="$TMP/article.txt"
cp "$TESTDATA/zh-maas.txt" "$DOC"
CONF="$TMP/config"
PB=${PTYBYTES:-./tests/ptybytes}

run() {		# run COLS ROWS ARGS...: folio with $CONF as its configuration
	cols=$1 rows=$2
	shift 2
	start "$cols" "$rows" "FOLIO_CONFIG='$CONF' TERM=${RUN_TERM:-xterm-256color} $FOLIO $* 2>&1"
	wait_for "${WAIT:-MaaS}"
	settle
}

# --- The configuration file ------------------------------------------------

# Options as lines, comments, bindings; the command line wins.
cat >"$CONF" <<'EOF'
# my folio
width=30            # a narrow column
  reflow = auto
bind J end
bind # toc
unbind G
EOF
FOLIO_CONFIG="$CONF" "$FOLIO" --dump "$DOC" >"$TMP/out" 2>&1
[ "$(wc -L <"$TMP/out")" -le 30 ] && [ "$(wc -L <"$TMP/out")" -ge 25 ] &&
	ok "width=30 in the configuration sets the width" ||
	not_ok "width=30 in the configuration sets the width" "$(head -3 "$TMP/out")"
FOLIO_CONFIG="$CONF" "$FOLIO" --dump --width=50 "$DOC" >"$TMP/out" 2>&1
[ "$(wc -L <"$TMP/out")" -gt 40 ] && ok "the command line wins over the configuration" ||
	not_ok "the command line wins over the configuration" "$(wc -L <"$TMP/out")"
FOLIO_CONFIG="$CONF" "$FOLIO" --no-config --dump "$DOC" >"$TMP/out" 2>&1
[ "$(wc -L <"$TMP/out")" -gt 40 ] && ok "--no-config reads none" ||
	not_ok "--no-config reads none" "$(wc -L <"$TMP/out")"
mkdir -p "$TMP/xdg/folio"
printf 'width=35\n' >"$TMP/xdg/folio/config"
env -u FOLIO_CONFIG XDG_CONFIG_HOME="$TMP/xdg" "$FOLIO" --dump "$DOC" >"$TMP/out" 2>&1
[ "$(wc -L <"$TMP/out")" -le 35 ] && [ "$(wc -L <"$TMP/out")" -gt 30 ] &&
	ok "\$XDG_CONFIG_HOME/folio/config is read" ||
	not_ok "\$XDG_CONFIG_HOME/folio/config is read" "$(wc -L <"$TMP/out")"
mkdir -p "$TMP/home/.config/folio"
printf 'width=33\n' >"$TMP/home/.config/folio/config"
env -u FOLIO_CONFIG -u XDG_CONFIG_HOME HOME="$TMP/home" "$FOLIO" --dump "$DOC" >"$TMP/out" 2>&1
[ "$(wc -L <"$TMP/out")" -le 33 ] && [ "$(wc -L <"$TMP/out")" -gt 30 ] &&
	ok "else ~/.config/folio/config" ||
	not_ok "else ~/.config/folio/config" "$(wc -L <"$TMP/out")"
env -u FOLIO_CONFIG XDG_CONFIG_HOME="$TMP/xdg" "$FOLIO" --config="$CONF" --dump "$DOC" >"$TMP/out" 2>&1
[ "$(wc -L <"$TMP/out")" -le 30 ] && ok "--config=FILE instead" ||
	not_ok "--config=FILE instead" "$(wc -L <"$TMP/out")"

# A binding changes what a key does, and the help and --list-keys say so.
printf 'bind J end\nbind # toc  # a key that starts a comment elsewhere\nunbind G\n' >"$CONF"
run 80 24 "'$DOC'"
keys J
expect_last "bind J end: J goes to the end" "END"
keys g
settle
keys G
expect_last "unbind G: G is no key now" "G is not a key here"
keys '#'
expect_screen "bind # toc: # opens the contents" "Contents: Enter jumps"
keys Escape h
expect_screen "the help's first keys are as they were" "j, Down, Enter, Ctrl-N, Ctrl-E down"
keys / '>, J' Enter
expect_screen "the help shows J among the keys of end (G unbound)" "End, >, J end"
keys q q
FOLIO_CONFIG="$CONF" "$FOLIO" --list-keys >"$TMP/keys" 2>&1
grep -q '^  end  *End, >, J$' "$TMP/keys" && grep -q '^  toc  *t, Tab, #$' "$TMP/keys" &&
	ok "--list-keys shows the keys in force" ||
	not_ok "--list-keys shows the keys in force" "$(grep -A1 '^  end' "$TMP/keys")"

# keys=less: less's meanings for the keys that differ.
printf 'keys=less\n' >"$CONF"
run 80 24 "'$DOC'"
top=$(top_line)
keys e
settle
[ "$(top_line)" != "$top" ] && ok "keys=less: e goes down a line" ||
	not_ok "keys=less: e goes down a line" "$(top_line)"
keys y
expect_top "keys=less: y goes up a line" "$top"
keys H
expect_screen "keys=less: H is the help" "folio: keys"
keys q q
wait_for "EXIT="
"$FOLIO" --keys=less --list-keys >"$TMP/keys" 2>&1
grep -q '^  copy  *Y$' "$TMP/keys" && ok "--keys=less: copying moves to Y" ||
	not_ok "--keys=less: copying moves to Y" "$(grep -A1 '^  copy' "$TMP/keys")"

# An error names the file and the line, before the screen opens; status 2.
printf 'width=72\n\n# fine so far\nbind Ctrl-1 quit\n' >"$CONF"
start 80 24 "FOLIO_CONFIG='$CONF' TERM=xterm-256color $FOLIO '$DOC'"
expect_screen "an unknown key: FILE:LINE and the reason" "folio: $CONF:4: unknown key 'Ctrl-1'"
expect_screen "... and exit status 2" "EXIT=2"
screen | grep -q "MaaS" && not_ok "... before the screen opens" "$(screen)" ||
	ok "... before the screen opens"
for bad in 'bind x fly:unknown action' 'widht=3:unknown option' 'width=wide:invalid width' \
    'dump:--dump is for the command line' 'color-heading=purple:invalid colour for heading' \
    'bind x:bind needs a key and an action' 'theme="dark:the quote' \
    'bind 5 end:5 cannot be bound: digits type a count'; do
	printf '%s\n' "${bad%%:*}" >"$CONF"
	expect_status "'${bad%%:*}' in the configuration: status 2" 2 \
		env FOLIO_CONFIG="$CONF" "$FOLIO" --dump "$DOC"
	grep -q "^folio: $CONF:1: ${bad#*:}" "$TMP/err" &&
		ok "... says $CONF:1: ${bad#*:}" ||
		not_ok "... says $CONF:1: ${bad#*:}" "$(cat "$TMP/err")"
done
expect_status "a missing --config: status 2" 2 "$FOLIO" --config="$TMP/none" --dump "$DOC"
expect_err "... says so" "folio: $TMP/none: No such file or directory"
expect_status "--help needs no configuration" 0 env FOLIO_CONFIG="$CONF" "$FOLIO" --help

# --generate-config: every default, commented out, read back as it is.
"$FOLIO" --generate-config >"$TMP/gen" 2>&1
grep -q '^#width=' "$TMP/gen" && grep -q '^#theme=auto$' "$TMP/gen" &&
	grep -q '^#mouse=off$' "$TMP/gen" && grep -q '^#bind j down$' "$TMP/gen" &&
	grep -q '^#bind Ctrl-L redraw$' "$TMP/gen" && grep -q '^#color-match=reverse$' "$TMP/gen" &&
	ok "--generate-config shows every default" ||
	not_ok "--generate-config shows every default" "$(head -20 "$TMP/gen")"
sed -n 's/^#\([a-z][a-z-]*=[^ ]*\)$/\1/p; s/^#\(bind [^ ]* [a-z-]*\)$/\1/p' "$TMP/gen" |
	grep -v '=[A-Z]' | grep -v '|' >"$CONF"
expect_status "... and with them all set, folio reads it" 0 env FOLIO_CONFIG="$CONF" "$FOLIO" --dump "$DOC"
[ "$(wc -l <"$CONF")" -gt 80 ] && ok "... (over 80 settings)" || not_ok "... (over 80 settings)" "$(wc -l <"$CONF")"

# --- Colours ------------------------------------------------------------------

: >"$CONF"
colour_sgr() {	# colour_sgr FILE: the colour escapes among the bytes
	grep -aoE "$(printf '\033')\\[[0-9;]*m" "$1" | tr -d '\033' |
		grep -E '\[(.*;)?(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;|m)|38;5|48;5'
}
if [ -x "$PB" ]; then
	"$PB" -o "$TMP/raw-nc" 80 24 '/MaaS\r' -- env NO_COLOR=1 FOLIO_CONFIG="$CONF" \
		TERM=xterm-256color "$FOLIO" "$DOC" >/dev/null
	if colour_sgr "$TMP/raw-nc" >/dev/null; then
		not_ok "NO_COLOR=1: no colour escape is sent" "$(colour_sgr "$TMP/raw-nc" | head -3)"
	else
		ok "NO_COLOR=1: no colour escape is sent"
	fi
	grep -aqE "$(printf '\033')\\[[0-9;]*7[0-9;]*mMaaS" "$TMP/raw-nc" &&
		ok "NO_COLOR=1: the matches are still marked (reverse)" ||
		not_ok "NO_COLOR=1: the matches are still marked" "$(cat -v "$TMP/raw-nc" | grep -o '.\{20\}MaaS' | head -3)"
	"$PB" -o "$TMP/raw-always" 80 24 -- env NO_COLOR=1 FOLIO_CONFIG="$CONF" \
		TERM=xterm-256color "$FOLIO" --color=always "$DOC" >/dev/null
	colour_sgr "$TMP/raw-always" >/dev/null && ok "--color=always wins over NO_COLOR" ||
		not_ok "--color=always wins over NO_COLOR"
	"$PB" -o "$TMP/raw-empty" 80 24 -- env NO_COLOR= FOLIO_CONFIG="$CONF" \
		TERM=xterm-256color "$FOLIO" "$DOC" >/dev/null
	colour_sgr "$TMP/raw-empty" >/dev/null && ok "an empty NO_COLOR counts as unset" ||
		not_ok "an empty NO_COLOR counts as unset"
	printf 'color=never\n' >"$CONF"
	"$PB" -o "$TMP/raw-never" 80 24 -- env FOLIO_CONFIG="$CONF" \
		TERM=xterm-256color "$FOLIO" "$DOC" >/dev/null
	colour_sgr "$TMP/raw-never" >/dev/null && not_ok "color=never in the configuration: no colour" ||
		ok "color=never in the configuration: no colour"
	: >"$CONF"
	# The terminal's own background: default colours kept (no background set for text).
	grep -aq "$(printf '\033')\\[39;49m\\|$(printf '\033')\\[49m" "$TMP/raw-empty" &&
		! grep -aqE "$(printf '\033')\\[(0;)?4[0-7]m[^$(printf '\033')]*出行即服務" "$TMP/raw-empty" &&
		ok "the text keeps the terminal's background" ||
		not_ok "the text keeps the terminal's background"
fi

heading_sgr() {	# the escapes before the title on the first line
	tm capture-pane -p -e -t t: | head -1 | grep -o "$(printf '\033')\\[[0-9;]*m" | tr -d '\033' | tr '\n' ' '
}
run 80 24 "'$DOC'"
dark=$(heading_sgr)
keys q
run 80 24 "--theme=light '$DOC'"
light=$(heading_sgr)
keys q
[ -n "$dark" ] && [ -n "$light" ] && [ "$dark" != "$light" ] && ok "theme=light colours differ from dark ($dark / $light)" ||
	not_ok "theme=light colours differ from dark" "dark: $dark" "light: $light"
printf 'theme=light\n' >"$CONF"
run 80 24 "'$DOC'"
[ "$(heading_sgr)" = "$light" ] && ok "theme=light in the configuration" ||
	not_ok "theme=light in the configuration" "$(heading_sgr)"
keys q
printf 'color-title=bold red on default\n' >"$CONF"
run 80 24 "'$DOC'"
case $(heading_sgr) in
*31m*) ok "color-title=bold red: the title is red" ;;
*) not_ok "color-title=bold red: the title is red" "$(heading_sgr)" ;;
esac
keys q
: >"$CONF"
RUN_TERM=xterm run 80 24 "'$DOC'"
eight=$(tm capture-pane -p -e -t t: | grep -o "$(printf '\033')\\[[0-9;]*m" | tr -d '\033' | sort -u | tr '\n' ' ')
keys q
case $eight in
*38\;5*|*48\;5*) not_ok "8 colours (TERM=xterm): only the 8 are used" "$eight" ;;
*3[1-7]m*) ok "8 colours (TERM=xterm): only the 8 are used" ;;
*) not_ok "8 colours (TERM=xterm): colours are used" "$eight" ;;
esac

# --- The mouse -------------------------------------------------------------------

wheel() {	# wheel down|up [COLUMN]: an SGR 1006 report of the wheel
	b=65
	[ "$1" = up ] && b=64
	tm send-keys -t t: -l "$(printf '\033[<%d;%d;5M' "$b" "${2:-10}")"
}
run 80 24 "'$DOC'"
top=$(top_line)
wheel down
settle
[ "$(top_line)" = "$top" ] && ! last_has "not a key" &&
	ok "mouse off (the default): the wheel's report does nothing, and is no key" ||
	not_ok "mouse off: the wheel's report does nothing" "$(top_line)" "$(screen | tail -1)"
keys M
expect_last "M turns the mouse on" "mouse on"
wheel down
settle
[ "$(top_line)" != "$top" ] && ok "... then the wheel scrolls" ||
	not_ok "... then the wheel scrolls" "$(top_line)"
wheel up
expect_top "... back up" "$top"
keys q
printf 'mouse=scroll\nwheel-lines=1\n' >"$CONF"
run 80 24 "'$DOC'"
wheel down
settle
one=$(top_line)
keys g j
expect_top "mouse=scroll, wheel-lines=1: a turn is one line" "$one"
keys q
# X10 terminfo (tmux-256color): reports past column 223 still scroll.
RUN_TERM=tmux-256color run 260 24 "'$DOC'"
top=$(top_line)
wheel down 250
settle
[ "$(top_line)" != "$top" ] && ok "the wheel at column 250 scrolls (SGR asked for)" ||
	not_ok "the wheel at column 250 scrolls" "$(top_line)"
down1=$(top_line)
tm send-keys -t t: -l "$(printf '\033[Ma\304\240%%')"	# X10, down, a UTF-8 column
settle
[ "$(top_line)" != "$down1" ] && [ "$(top_line)" != "$top" ] &&
	ok "an X10 report with a coordinate past 223 scrolls" ||
	not_ok "an X10 report with a coordinate past 223 scrolls" "$(top_line)"
last_has "not a key" && not_ok "... no keys left over" "$(screen | tail -1)" || ok "... no keys left over"
keys q
if [ -x "$PB" ]; then
	"$PB" -o "$TMP/raw-mouse" 80 24 M -- env FOLIO_CONFIG="$CONF" TERM=xterm-256color \
		"$FOLIO" "$DOC" >/dev/null
	grep -aq "$(printf '\033')\\[?1006h" "$TMP/raw-mouse" &&
		grep -aq "$(printf '\033')\\[?1006l" "$TMP/raw-mouse" &&
		ok "mouse on: SGR 1006 reports asked for, and off again at the end" ||
		not_ok "mouse on: SGR 1006 reports asked for" "$(cat -v "$TMP/raw-mouse" | grep -o '.\[?100[0-9][hl]' | head)"
	: >"$CONF"
	"$PB" -o "$TMP/raw-nomouse" 80 24 -- env FOLIO_CONFIG="$CONF" TERM=xterm-256color \
		"$FOLIO" "$DOC" >/dev/null
	grep -aq "$(printf '\033')\\[?100[0-6]h" "$TMP/raw-nomouse" &&
		not_ok "mouse off: no reports asked for (the terminal selects)" ||
		ok "mouse off: no reports asked for (the terminal selects)"
fi

done_testing
