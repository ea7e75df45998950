#!/bin/sh
# bench/reader.sh FILE: issue 3's benchmark, folio against less, one run.
# Needs python3-pyte and ../shared/bench/termdrive.py (TERMDRIVE=...).
# Prints milliseconds: first screen, end after G, table of contents after
# the first screen, and a resize 80x24 -> 40x24 (folio only for the last two).
set -eu
f=${1:?usage: bench/reader.sh FILE}
TD=${TERMDRIVE:-../shared/bench/termdrive.py}
FOLIO=${FOLIO:-./folio}
first=$(head -1 "$f" | python3 -c "import sys; print(sys.stdin.read().strip()[:6])")
last=$(tail -c 300 "$f" | python3 -c "import sys; print(sys.stdin.read().split()[-1][-8:])")
py=/usr/bin/python3
marks() { $py -c 'import json,sys; d=json.load(sys.stdin)["marks"]; print(" ".join("%s=%.1f" % (k, v) for k, v in d.items() if not k.startswith("wait")))'; }
for i in 1 2 3; do
	echo "less:  $($py "$TD" --cols 80 --rows 24 --timeout 30 --step "wait:$first" --step mark:first \
		--step keys:G --step "wait:$last" --step mark:end --step keys:q \
		-- env TERM=xterm-256color less "$f" | marks)"
	echo "folio: $($py "$TD" --cols 80 --rows 24 --timeout 30 --step "wait:$first" --step mark:first \
		--step keys:G --step "wait:$last" --step mark:end --step keys:q \
		-- env FOLIO_DATA_DIR="$(mktemp -d)" TERM=xterm-256color "$FOLIO" "$f" | marks)"
	echo "folio toc: $($py "$TD" --cols 80 --rows 24 --timeout 30 --step "wait:$first" --step mark:first \
		--step keys:t --step 'wait:Contents (' --step mark:toc --step key:esc --step idle:300 \
		--step mark:pre-resize --step resize:40x24 --step 'wait:…' --step mark:resized --step keys:q \
		-- env FOLIO_DATA_DIR="$(mktemp -d)" TERM=xterm-256color "$FOLIO" "$f" | marks)"
done
