#!/bin/sh
# bench/search.sh FILE PATTERN SHOWN [FREQUENT]: issue 4's benchmark, one run.
# Time from the search being typed (with Enter) to SHOWN on the screen, for
# folio and less (termdrive, 80x24), and grep -c / grep -ci for PATTERN;
# then the time folio takes to show the full count of FREQUENT.
# SHOWN must be text near the match that is not the pattern itself (the
# prompt echoes the pattern): for mkcorpus files, "zh-novel" on the last
# line, e.g. bench/search.sh /tmp/zh100.txt END-OF-CORPUS zh-novel 的
# (The pattern and Enter are typed in two steps: termdrive mangles
# non-ASCII keys that share a step with an escape such as \\r.)
set -eu
f=${1:?usage: bench/search.sh FILE PATTERN SHOWN [FREQUENT]}
pat=$2
shown=$3
freq=${4:-}
TD=${TERMDRIVE:-../shared/bench/termdrive.py}
FOLIO=${FOLIO:-./folio}
py=/usr/bin/python3
first=$(head -1 "$f" | $py -c "import sys; print(sys.stdin.read().strip()[:6])")
delta() { $py -c 'import json,sys; d=json.load(sys.stdin); m=d["marks"]; print("%.1f ms%s" % (m["found"] - m["typed"], " (timed out)" if d.get("timed_out") else ""))'; }
ms() { s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo "$(( (e - s) / 1000000 )) ms"; }
for i in 1 2 3; do
	echo "folio /$pat: $($py "$TD" --cols 80 --rows 24 --timeout 60 --step "wait:$first" \
		--step idle:200 --step mark:typed --step "keys:/$pat" --step key:enter --step "wait:$shown" \
		--step mark:found --step keys:q -- env FOLIO_DATA_DIR="$(mktemp -d)" TERM=xterm-256color "$FOLIO" "$f" | delta)"
	echo "less  /$pat: $($py "$TD" --cols 80 --rows 24 --timeout 60 --step "wait:$first" \
		--step idle:200 --step mark:typed --step "keys:/$pat" --step key:enter --step "wait:$shown" \
		--step mark:found --step keys:q -- env TERM=xterm-256color less "$f" | delta)"
	echo "grep -c $pat: $(ms grep -c -- "$pat" "$f")"
	echo "grep -ci $pat: $(ms grep -ci -- "$pat" "$f")"
	if [ -n "$freq" ]; then
		echo "folio count of $freq: $($py "$TD" --cols 80 --rows 24 --timeout 60 --step "wait:$first" \
			--step idle:200 --step mark:typed --step "keys:/$freq" --step key:enter --step "waitre:\[1/[0-9]+\]" \
			--step mark:found --step keys:q -- env FOLIO_DATA_DIR="$(mktemp -d)" TERM=xterm-256color "$FOLIO" "$f" | delta)"
	fi
done
