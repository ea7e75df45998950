#!/bin/sh
# notes.sh: bookmarks, highlights and notes, as a user makes and keeps them.
. "${srcdir:-.}/tests/e2e/lib.sh"
need_tmux

FOLIO_DATA_DIR="$TMP/data"
export FOLIO_DATA_DIR
cp "$TESTDATA/zh-maas.txt" "$TMP/article.txt"
DOC="$TMP/article.txt"
RUN="FOLIO_DATA_DIR=$FOLIO_DATA_DIR TERM=xterm-256color $FOLIO '$DOC'"

# Search, a, type a note, Enter, quit: the note is in the export.
start 80 24 "$RUN"
wait_for "MaaS"
keys / 赫 爾 辛 基 Enter
settle
keys a
expect_screen "a asks for the note" "note:"
keys 第一個商業化的例子
keys Enter
expect_screen "the note is saved" "note saved"
keys H
expect_screen "H saves a highlight" "highlight saved"
keys q
expect_screen "quits" "EXIT=0"
"$FOLIO" --export=json "$DOC" >"$TMP/export.json" 2>&1
grep -q '"value": "第一個商業化的例子"' "$TMP/export.json" && ok "the note is in --export=json" ||
	not_ok "the note is in --export=json" "$(cat "$TMP/export.json")"
grep -q '"exact": "赫爾辛基"' "$TMP/export.json" && ok "with its quote" ||
	not_ok "with its quote"
grep -q '"folio:state": "anchored"' "$TMP/export.json" && ok "and its state" ||
	not_ok "and its state"
"$FOLIO" --notes "$DOC" >"$TMP/notes.md" 2>&1
grep -q '^> 赫爾辛基$' "$TMP/notes.md" && grep -q '^## 二、各地的發展' "$TMP/notes.md" &&
	ok "--notes: Markdown, quote lines with > , by section" ||
	not_ok "--notes: Markdown by section" "$(cat "$TMP/notes.md")"
"$FOLIO" --export "$DOC" >"$TMP/export.md" 2>&1
grep -q '^第一個商業化的例子$' "$TMP/export.md" && grep -q '^> 赫爾辛基$' "$TMP/export.md" &&
	ok "--export alone: the notes as Markdown" ||
	not_ok "--export alone: the notes as Markdown" "$(cat "$TMP/export.md")"

# The connection drops while a note is typed.
start 80 24 "$RUN"
wait_for "MaaS"
keys g ']' ']' ']'
settle
keys a
wait_for "note:"
keys 打到一半的筆記
settle
pid=$(folio_pid "$DOC")
kill -HUP "$pid"
expect_screen "SIGHUP while typing: folio leaves" "EXIT="
"$FOLIO" --export=json "$DOC" >"$TMP/export.json" 2>&1
grep -q '第一個商業化的例子' "$TMP/export.json" && ok "after SIGHUP the saved notes are all there" ||
	not_ok "after SIGHUP the saved notes are all there"
grep -q '打到一半' "$TMP/export.json" && not_ok "the draft is not taken for a note" ||
	ok "the draft is not taken for a note"
start 80 24 "$RUN"
expect_screen "next time the draft is offered" "unfinished note"
keys a
expect_screen "a brings the draft back" "note: 打到一半的筆記"
keys 完成 Enter
expect_screen "and it is saved" "note saved"
keys q
"$FOLIO" --export=json "$DOC" >"$TMP/export.json" 2>&1
grep -q '打到一半的筆記完成' "$TMP/export.json" && ok "the finished draft is in the export" ||
	not_ok "the finished draft is in the export"

# Reopening returns to where reading stopped.
start 80 24 "$RUN"
wait_for "MaaS"
keys g ']' ']'
settle
keys q
wait_for "EXIT=0"
start 80 24 "$RUN"
wait_for "二、"
expect_top "reopening returns to the place" "二、各地的發展"
keys q
wait_for "EXIT=0"
# ... and draws that place first: the document's opening is never sent.
if [ -x "${PTYBYTES:-./tests/ptybytes}" ]; then
	"${PTYBYTES:-./tests/ptybytes}" -o "$TMP/raw" 80 24 -- env TERM=xterm-256color \
		"$FOLIO" "$DOC" >/dev/null
	grep -aq "二、各地的發展" "$TMP/raw" && ! grep -aq "近年來" "$TMP/raw" &&
		ok "reopening draws the saved place, not the start first" ||
		not_ok "reopening draws the saved place, not the start first" "$(cat -v "$TMP/raw" | head -c 600)"
fi

# Bookmarks: m, then ' lists them.
start 80 24 "$RUN"
wait_for "二、"
keys m
wait_for "bookmark name"
keys 回來看 Enter
expect_screen "m saves a bookmark" "bookmark saved"
keys g "'"
expect_screen "' lists the bookmark" "回來看"
keys Enter
expect_top "Enter jumps to it" "二、各地的發展"
keys A
expect_screen "A lists notes and highlights" "第一個商業化的例子"
keys q q

# v: select a passage with the keyboard, then H.
start 80 24 "$RUN"
wait_for "MaaS"
keys g ']' ']' ']'
settle
keys v
expect_screen "v starts a selection" "-- SELECT --"
keys l l l l l l
keys H
expect_screen "H on the selection saves it" "highlight saved"
keys q
"$FOLIO" --export=json "$DOC" >"$TMP/export.json" 2>&1
grep -q '"exact": "三、面對的挑戰"' "$TMP/export.json" && ok "the selected passage is the quote" ||
	not_ok "the selected passage is the quote" "$(grep -o '"exact": "[^"]*"' "$TMP/export.json")"

# Two sessions on one document: each sees the other's notes.
start 80 24 "$RUN"
wait_for "MaaS"
tm new-window -t t: "$RUN; sleep 600"
sleep 0.5
tm send-keys -t t:1 g / 挑 戰 Enter
sleep 0.3
tm send-keys -t t:1 H
sleep 1.5
tm select-window -t t:0
keys A
expect_screen "the other session's highlight shows within a second or so" "挑戰"
keys q q
tm send-keys -t t:1 q

# The document is edited: a typo fixed inside the quote, text added before.
sed -e 's/赫爾辛基的Whim/赫爾辛基市的Whim/' -e 's/^近年來/前言補充一句。近年來/' "$DOC" >"$TMP/new.txt"
mv "$TMP/new.txt" "$DOC"
"$FOLIO" --export=json "$DOC" >"$TMP/export.json" 2>&1
grep -q '"folio:state": "moved"' "$TMP/export.json" && ok "after an edit: notes re-attached (moved)" ||
	not_ok "after an edit: notes re-attached" "$(grep -o '"folio:state": "[a-z]*"' "$TMP/export.json")"
grep -q '"folio:state": "orphaned"' "$TMP/export.json" && not_ok "nothing orphaned by a small edit" ||
	ok "nothing orphaned by a small edit"

# Import into another store: once, twice.
"$FOLIO" --export=json >"$TMP/all.json"
FOLIO_DATA_DIR="$TMP/other" "$FOLIO" --import="$TMP/all.json" >"$TMP/out"
FOLIO_DATA_DIR="$TMP/other" "$FOLIO" --import="$TMP/all.json" >"$TMP/out2"
grep -q '^0 imported' "$TMP/out2" && ok "importing twice changes nothing" ||
	not_ok "importing twice changes nothing" "$(cat "$TMP/out" "$TMP/out2")"
FOLIO_DATA_DIR="$TMP/other" "$FOLIO" --export=json >"$TMP/all2.json"
[ "$(grep -c '"id"' "$TMP/all.json")" = "$(grep -c '"id"' "$TMP/all2.json")" ] &&
	ok "the import holds every note" || not_ok "the import holds every note"
printf '{"items": [' >"$TMP/bad.json"
expect_status "a broken import file: status 1" 1 "$FOLIO" --import="$TMP/bad.json"
grep -q "bad JSON" "$TMP/err" && ok "with a clear message" || not_ok "with a clear message" "$(cat "$TMP/err")"

# Two sessions edit the same note: neither text is lost.
{ cat "$TESTDATA/zh-maas.txt"; echo; echo "A document of its own."; } >"$TMP/conflict.txt"
# (a store of its own: in the main one, article.txt's notes would make
# folio ask whether this is a new version of it)
RUN2="FOLIO_DATA_DIR=$TMP/conflict-store TERM=xterm-256color $FOLIO '$TMP/conflict.txt'"
start 100 24 "$RUN2"
wait_for "MaaS"
keys a
wait_for "note:"
keys original Enter
wait_for "note saved"
tm new-window -t t: "$RUN2; sleep 600"
eventually sh -c "tmux -S '$TMUX_SOCK' capture-pane -p -t t:1 | grep -q MaaS"
keys A		# the second session lists the note as it is now
wait_for "original"
tm select-window -t t:0
keys A
wait_for "original"
keys e C-u 'from one' Enter
wait_for "from one"
keys Escape
tm select-window -t t:1
wait_for "original"	# the second session's list, as it was before
keys e
wait_for "note:"
keys C-u 'from two' Enter
settle
keys Escape
expect_screen "an edit of a note changed elsewhere says so" "changed in another session"
FOLIO_DATA_DIR="$TMP/conflict-store" "$FOLIO" --export=json "$TMP/conflict.txt" >"$TMP/conflict.json" 2>&1
grep -q '"value": "from one"' "$TMP/conflict.json" && grep -q '"value": "from two"' "$TMP/conflict.json" &&
	ok "both sessions' texts are kept" ||
	not_ok "both sessions' texts are kept" "$(grep -o '"value": "[^"]*"' "$TMP/conflict.json")"
keys q
tm select-window -t t:0
keys q

# r in the list: the earlier texts of a note, and one brought back.
{ cat "$TESTDATA/zh-maas.txt"; echo; echo "Revisions here."; } >"$TMP/rev.txt"
start 100 24 "FOLIO_DATA_DIR=$TMP/rev-store TERM=xterm-256color $FOLIO '$TMP/rev.txt'"
wait_for "MaaS"
keys a
wait_for "note:"
keys 'first text' Enter
wait_for "note saved"
keys A
wait_for "first text"
keys e C-u 'second text' Enter
wait_for "second text"
keys r
expect_screen "r lists the note's earlier texts" "Earlier texts"
expect_screen "with the first text" "first text"
keys Enter
expect_screen "Enter brings it back into the list" "— first text"
keys Escape
expect_screen "and says so" "the earlier text is back"
keys q
FOLIO_DATA_DIR="$TMP/rev-store" "$FOLIO" --export=json "$TMP/rev.txt" >"$TMP/rev.json" 2>&1
grep -q '"value": "first text"' "$TMP/rev.json" && ok "the note has its first text again" ||
	not_ok "the note has its first text again" "$(grep -o '"value": "[^"]*"' "$TMP/rev.json")"

# A renamed copy with a typo fixed (a re-downloaded article): folio asks
# whether it is the known document, and y brings its notes along.
{ cat "$TESTDATA/zh-maas.txt"; echo; echo "Downloaded once."; } >"$TMP/first.txt"
SIM="FOLIO_DATA_DIR=$TMP/sim-store TERM=xterm-256color $FOLIO"
start 100 24 "$SIM '$TMP/first.txt'"
wait_for "MaaS"
keys / 赫 爾 辛 基 Enter
wait_for "[1/1]"
keys v ')' H
wait_for "highlight saved"
keys q
wait_for "EXIT=0"
sed 's/赫爾辛基的Whim/赫爾辛基市的Whim/' "$TMP/first.txt" >"$TMP/first (1).txt"
sed 's/赫爾辛基的Whim/赫爾辛基的Whim App/' "$TMP/first.txt" >"$TMP/first (2).txt"
start 100 24 "$SIM '$TMP/first (1).txt'"
expect_screen "a renamed, edited copy: folio asks" "attach the notes of"
keys y
expect_screen "y attaches them (one key, no Enter)" "its notes are attached"
keys q
wait_for "EXIT=0"
FOLIO_DATA_DIR="$TMP/sim-store" "$FOLIO" --export=json "$TMP/first (1).txt" >"$TMP/copy.json" 2>&1
grep -q '"folio:state": "moved"' "$TMP/copy.json" &&
	ok "the highlight is on the copy, re-attached" ||
	not_ok "the highlight is on the copy" "$(cat "$TMP/copy.json")"
start 100 24 "$SIM '$TMP/first (2).txt'"
expect_screen "another copy: folio asks again" "attach the notes of"
keys n
keys q
wait_for "EXIT=0"
FOLIO_DATA_DIR="$TMP/sim-store" "$FOLIO" --notes "$TMP/first (2).txt" >"$TMP/other.md" 2>&1
grep -q '^File: ' "$TMP/other.md" && ! grep -q '^> ' "$TMP/other.md" &&
	ok "n leaves the copy a document of its own" ||
	not_ok "n leaves the copy a document of its own" "$(cat "$TMP/other.md")"

# No store can be made (its directory would be under a file): folio reads,
# says why, keeps the note on screen and prints it at exit.
: >"$TMP/a-file"
start 100 30 "FOLIO_DATA_DIR=$TMP/a-file/store TERM=xterm-256color $FOLIO '$DOC'"
expect_screen "no store: the reader still opens and says so" "notes cannot be saved"
keys a
wait_for "note:"
keys 'kept in memory' Enter
expect_screen "no store: the note is NOT SAVED, with the reason" "NOT SAVED (cannot make the directory"
keys A
expect_screen "no store: the note is listed as not saved" "[NOT SAVED]"
keys Escape q
expect_screen "no store: the note is printed at exit" "kept in memory"
expect_screen "no store: exit status 0" "EXIT=0"

# The disk fills while folio runs (a 400 KiB file system of its own, in a
# mount namespace; root or user namespaces needed).  Saved notes stay, the
# new one is kept and printed, the store is not taken for damaged.
mkdir "$TMP/small"
# In a chroot (as CI may be) / is no mount point, so the namespace keeps
# the propagation it has; full.sh unmounts at the end either way.
UNSHARE=
for u in "unshare -m" "unshare -m --propagation unchanged"; do
	if $u sh -c "mount -t tmpfs -o size=400k tmpfs '$TMP/small' && umount '$TMP/small'" 2>/dev/null; then
		UNSHARE=$u
		break
	fi
done
if [ -n "$UNSHARE" ]; then
	# Inside the namespace, a helper fills the disk when the test asks
	# (the file fill-now); 1 MiB at most, so never a real disk.
	cat >"$TMP/full.sh" <<EOF
mount -t tmpfs -o size=400k tmpfs '$TMP/small' || exit 1
export FOLIO_DATA_DIR='$TMP/small/store' TERM=xterm-256color
( while [ ! -e '$TMP/fill-now' ]; do sleep 0.05; done
  dd if=/dev/zero of='$TMP/small/filler' bs=4k count=256 2>/dev/null
  : >'$TMP/filled' ) &
'$FOLIO' '$DOC'
echo EXIT=\$?
rm -f '$TMP/small/filler'
'$FOLIO' --notes '$DOC' >/dev/null 2>&1
dd if=/dev/zero of='$TMP/small/filler' bs=4k count=256 2>/dev/null
'$FOLIO' --notes '$DOC' >'$TMP/full1.md' 2>&1
rm -f '$TMP/small/filler'
'$FOLIO' --notes '$DOC' >'$TMP/full2.md' 2>&1
ls '$TMP/small/store' >'$TMP/full.ls'
umount '$TMP/small'
EOF
	start 100 30 "$UNSHARE sh '$TMP/full.sh'"
	wait_for "MaaS"
	keys a
	wait_for "note:"
	keys 'saved before' Enter
	wait_for "note saved"
	: >"$TMP/fill-now"
	eventually test -e "$TMP/filled"
	keys ']' a
	wait_for "note:"
	keys 'after the disk filled' Enter
	expect_screen "disk full: NOT SAVED, and why" "NOT SAVED (the disk is full)"
	keys q
	expect_screen "disk full: the unsaved note is printed at exit" "after the disk filled"
	eventually test -s "$TMP/full.ls"
	grep -q "saved before" "$TMP/full1.md" && ok "opened on a full disk: the saved note is listed" ||
		not_ok "opened on a full disk: the saved note is listed" "$(cat "$TMP/full1.md")"
	grep -q "saved before" "$TMP/full2.md" && ok "space again: the saved note is there" ||
		not_ok "space again: the saved note is there" "$(cat "$TMP/full2.md")"
	grep -q damaged "$TMP/full.ls" && not_ok "a full disk is not taken for damage" "$(cat "$TMP/full.ls")" ||
		ok "a full disk is not taken for damage"
else
	ok "disk full # SKIP cannot mount a small file system here"
fi

done_testing
