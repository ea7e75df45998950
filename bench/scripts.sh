#!/bin/sh
# bench/scripts.sh FILE [PATTERN...]: issue 15's benchmark, one run, on a
# traditional-Chinese FILE (mkcorpus.py zh-novel 100 /tmp/zh100.txt).
#   1. Search folding traditional and simplified against not folding: the
#      time to the full count (k/N on the status line) of each PATTERN in
#      the reader (typed in traditional, so both find the same matches),
#      folding on / off as a ratio; grep -c as the peer.
#   2. Switching view: c (simplified, OpenCC t2s) and c again (traditional,
#      s2t) until the converted first screen shows; less's first screen of
#      the same file as the peer.
#   3. Memory: the reader's anonymous memory (RssAnon) as written, after c,
#      after 300 pages in the simplified view, and at the end (G).
# Needs python3-pyte, tmux, the opencc command and ../shared/bench/termdrive.py
# (TERMDRIVE=...).  Default patterns: 發展 (3 forms of its first character
# with folding), 後 (2; frequent), 面 (5: 面 麪 麫 麵 麺, the most of any
# character in the novel).
set -eu
f=${1:?usage: bench/scripts.sh FILE [PATTERN...]}
shift
[ $# -gt 0 ] || set -- 發展 後 面
TD=${TERMDRIVE:-../shared/bench/termdrive.py}
FOLIO=${FOLIO:-./folio}
py=/usr/bin/python3
first=$(head -1 "$f" | $py -c "import sys; print(sys.stdin.read().strip()[:6])")
second=$(sed -n 2p "$f" | $py -c "import sys; print(sys.stdin.read().strip()[:8])")
simp=$(printf '%s\n' "$second" | opencc -c t2s)
[ "$simp" != "$second" ] || { echo "bench/scripts.sh: line 2 of $f is not traditional" >&2; exit 2; }
delta() { $py -c 'import json,sys; d=json.load(sys.stdin); m=d["marks"]; print("%.1f" % (m[sys.argv[2]] - m[sys.argv[1]]) + (" (timed out)" if d.get("timed_out") else ""))' "$@"; }
ratio() { $py -c 'import sys; a, b = float(sys.argv[1].split()[0]), float(sys.argv[2].split()[0]); print("%.2f" % (a / b))' "$1" "$2"; }
count() {	# count FOLD PATTERN: ms from Enter to the full count
	$py "$TD" --cols 80 --rows 24 --timeout 120 --step "wait:$first" \
		--step idle:200 --step mark:typed --step "keys:/$2" --step key:enter \
		--step "waitre:\[1/[0-9]+\]" --step mark:counted --step keys:q \
		-- env FOLIO_DATA_DIR="$(mktemp -d)" TERM=xterm-256color "$FOLIO" \
		--script-fold="$1" "$f" | delta typed counted
}
# (not to /dev/null: grep stops at the first match when its output is lost)
ms() { s=$(date +%s%N); "$@" >"$out"; e=$(date +%s%N); echo "$(( (e - s) / 1000000 ))"; }
out=$(mktemp)
for i in 1 2 3; do
	for p in "$@"; do
		on=$(count on "$p")
		off=$(count off "$p")
		echo "count of $p: folding on $on ms, off $off ms, on/off $(ratio "$on" "$off"); grep -c $(ms grep -c -- "$p" "$f") ms"
	done
	sw=$($py "$TD" --cols 80 --rows 24 --timeout 60 --step "wait:$first" --step idle:300 \
		--step mark:before --step keys:c --step "wait:$simp" --step mark:simplified \
		--step idle:300 --step mark:again --step keys:c --step "wait:繁體" --step "wait:$second" \
		--step mark:traditional --step keys:q \
		-- env FOLIO_DATA_DIR="$(mktemp -d)" TERM=xterm-256color "$FOLIO" "$f")
	less=$($py "$TD" --cols 80 --rows 24 --timeout 60 --step "wait:$second" --step mark:first \
		--step keys:q -- env TERM=xterm-256color less "$f" | $py -c 'import json,sys; print("%.1f" % json.load(sys.stdin)["marks"]["first"])')
	echo "switch: to simplified $(echo "$sw" | delta before simplified) ms, to traditional $(echo "$sw" | delta again traditional) ms; less's first screen $less ms"
done
# Memory, in tmux (the pane's process is folio).
s=folio-bench-$$
dir=$(mktemp -d)
tmux new-session -d -s "$s" -x 80 -y 24 "env FOLIO_DATA_DIR=$dir TERM=xterm-256color $FOLIO $f"
pid=$(tmux list-panes -t "$s" -F '#{pane_pid}')
anon() { sleep 1; awk '/^RssAnon/ { printf "%.1f MB", $2 / 1024 }' "/proc/$pid/status"; }
echo "memory ($(($(wc -c <"$f") / 1048576)) MB file): as written $(anon)"
tmux send-keys -t "$s" c
echo "memory: simplified $(anon)"
n=0
while [ $n -lt 300 ]; do tmux send-keys -t "$s" ' '; n=$((n + 1)); done
echo "memory: simplified, 300 pages on $(anon)"
tmux send-keys -t "$s" G
echo "memory: simplified, at the end $(anon)"
tmux send-keys -t "$s" q
sleep 1
tmux kill-session -t "$s" 2>/dev/null || true
rm -rf "$dir" "$out"
