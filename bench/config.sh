#!/bin/sh
# bench/config.sh FILE: what reading the configuration costs at start.
# Needs python3-pyte and ../shared/bench/termdrive.py (TERMDRIVE=...).
#
# 1. The first screen of FILE, in one run and alternating: less, folio
#    without a configuration, folio with a full one (every setting of
#    --generate-config, every default key bound again, keys=less).
# 2. The cost per start, without the screen: 300 runs of folio --dump on a
#    small file with and without that configuration, and the difference.
set -eu
f=${1:?usage: bench/config.sh FILE}
TD=${TERMDRIVE:-../shared/bench/termdrive.py}
FOLIO=${FOLIO:-./folio}
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A full configuration: every default, uncommented, and keys=less.
"$FOLIO" --generate-config |
	sed -n 's/^#\([a-z][a-z-]*=[^ ]*\)$/\1/p; s/^#\(bind [^ ]* [a-z-]*\)$/\1/p' |
	grep -v '=[A-Z]' | grep -v '|' >"$tmp/config"
echo "keys=less" >>"$tmp/config"
echo "# $(wc -l <"$tmp/config") lines of configuration"

first=$(head -1 "$f" | $py -c "import sys; print(sys.stdin.read().strip()[:6])")
mark() { $py -c 'import json,sys; print("%.1f" % json.load(sys.stdin)["marks"]["first"])'; }
screen() {	# screen CMD...: ms to the first screen
	$py "$TD" --cols 80 --rows 24 --timeout 30 --step "wait:$first" \
		--step mark:first --step keys:q -- "$@" | mark
}
for i in 1 2 3 4 5; do
	l=$(screen env TERM=xterm-256color less "$f")
	n=$(screen env FOLIO_DATA_DIR="$tmp/d$i" FOLIO_CONFIG=/dev/null \
		TERM=xterm-256color "$FOLIO" "$f")
	c=$(screen env FOLIO_DATA_DIR="$tmp/e$i" FOLIO_CONFIG="$tmp/config" \
		TERM=xterm-256color "$FOLIO" "$f")
	echo "first screen ms: less $l  folio $n  folio+config $c"
done

# The cost per start: 300 starts each, interleaved in blocks of 50; CPU
# time (user + system, getrusage: steadier than the clock on a shared
# machine) and wall time.
printf 'a small file\n' >"$tmp/small.txt"
$py - "$FOLIO" "$tmp/config" "$tmp/small.txt" <<'EOF'
import os, resource, subprocess, sys, time
folio, conf, small = sys.argv[1:]
total = {"/dev/null": [0.0, 0.0], conf: [0.0, 0.0]}
def block(c):
    env = dict(os.environ, FOLIO_CONFIG=c)
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    for _ in range(50):
        subprocess.run([folio, "--dump", small], env=env,
                       stdout=subprocess.DEVNULL, check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    total[c][0] += (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    total[c][1] += time.perf_counter() - t
for _ in range(6):
    block("/dev/null")
    block(conf)
a, b = total["/dev/null"], total[conf]
print("a start, ms of CPU: no configuration %.3f, full configuration %.3f:"
      " cost %.3f" % (a[0] / 0.3, b[0] / 0.3, (b[0] - a[0]) / 0.3))
print("a start, ms of wall time: %.3f, %.3f: cost %.3f" % (
      a[1] / 0.3, b[1] / 0.3, (b[1] - a[1]) / 0.3))
EOF
