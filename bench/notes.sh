#!/bin/sh
# bench/notes.sh FILE [N]: a document with N (10,000) notes, one run:
# the first screen with and without the notes, and the time the list of
# notes (A) takes to show, for $FOLIO and, if set, $OLD (another folio
# to compare with, in the same run).  Needs python3-pyte and
# ../shared/bench/termdrive.py (TERMDRIVE=...).
set -eu
f=${1:?usage: bench/notes.sh FILE [N]}
n=${2:-10000}
TD=${TERMDRIVE:-../shared/bench/termdrive.py}
FOLIO=${FOLIO:-./folio}
py=/usr/bin/python3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
$py "$(dirname "$0")/gen-notes.py" "$f" "$n" "$dir/notes.json"
FOLIO_DATA_DIR="$dir/store" "$FOLIO" --import="$dir/notes.json" >/dev/null
first=$(head -1 "$f" | $py -c "import sys; print(sys.stdin.read().strip()[:6])")
marks() { $py -c 'import json,sys; d=json.load(sys.stdin)["marks"]; print(" ".join("%s=%.1f" % (k, v) for k, v in d.items() if not k.startswith("wait")))'; }
one() {	# one PROGRAM STORE
	$py "$TD" --cols 80 --rows 24 --timeout 30 --step "wait:$first" \
		--step mark:first --step idle:500 --step mark:ready --step keys:A \
		--step 'wait:Notes' --step mark:list --step key:esc --step keys:q \
		-- env FOLIO_DATA_DIR="$2" TERM=xterm-256color "$1" "$f" | marks
}
for i in 1 2 3; do
	for prog in "$FOLIO" ${OLD:-}; do
		echo "$prog, $n notes: $(one "$prog" "$dir/store")"
		echo "$prog, no notes:  $(one "$prog" "$dir/none")"
	done
done
