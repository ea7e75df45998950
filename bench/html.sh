#!/bin/sh
# bench/html.sh [PAGES]: web pages, folio against w3m (and less), one run
# (issue 13).  PAGES is a directory of NAME/source.html (default
# ../shared/corpus/readability-test-pages).  Prints:
#   1. the whole set printed, folio --dump against w3m -dump: total
#      milliseconds (each page the best of 3 runs) and the ratio;
#   2. a 2 MB page made of the set's largest pages: milliseconds to the
#      first screen in a pseudo-terminal, folio (article) against w3m
#      (whole page) and less (source), best of 3; needs python3-pyte and
#      ../shared/bench/termdrive.py (TERMDRIVE=...).
# The machine is shared: compare the ratios, not the absolute times.
set -eu
PAGES=${1:-../shared/corpus/readability-test-pages}
TD=${TERMDRIVE:-../shared/bench/termdrive.py}
FOLIO=${FOLIO:-./folio}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
py=/usr/bin/python3

$py - "$PAGES" "$FOLIO" <<'PY'
import glob, os, subprocess, sys, time
pages = sorted(glob.glob(os.path.join(sys.argv[1], "*", "source.html")))
def best(cmd):
    t = 1e9
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t = min(t, time.perf_counter() - t0)
    return t
f = w = 0.0
for p in pages:
    f += best([sys.argv[2], "--dump", "--width=100", p])
    w += best(["w3m", "-dump", p])
print("%d pages: folio --dump %.0f ms, w3m -dump %.0f ms: folio %.2fx faster"
      % (len(pages), f * 1000, w * 1000, w / f))
PY

# A 2 MB page: the largest page's head, then the bodies of the largest
# pages in turn until it is 2 MB.
$py - "$PAGES" "$TMP/big.html" <<'PY'
import glob, os, re, sys
pages = sorted(glob.glob(os.path.join(sys.argv[1], "*", "source.html")),
               key=os.path.getsize, reverse=True)
first = open(pages[0], encoding="utf-8", errors="replace").read()
out = first[:first.lower().rfind("</body>")]
for p in pages[1:]:
    if len(out.encode()) >= 2 * 1024 * 1024:
        break
    s = open(p, encoding="utf-8", errors="replace").read()
    m = re.search(r"<body[^>]*>(.*)</body>", s, re.S | re.I)
    if m:
        out += m.group(1)
open(sys.argv[2], "w", encoding="utf-8").write(out + "</body></html>\n")
PY
echo "2 MB page: $(wc -c <"$TMP/big.html") bytes"
# What each shows first: folio the page's title, w3m and less their first line.
ftitle=$("$FOLIO" --dump --width=80 "$TMP/big.html" | head -1 | cut -c1-12)
wfirst=$(w3m -dump -cols 80 "$TMP/big.html" | grep -m1 '[[:alnum:]]' | sed 's/^ *//' | cut -c1-12)
lfirst=$(grep -m1 '[[:alnum:]]' "$TMP/big.html" | sed 's/^ *//' | cut -c1-12)
first() {	# first TEXT CMD...: ms to TEXT on the screen, best of 3
	text=$1
	shift
	for i in 1 2 3; do
		$py "$TD" --cols 80 --rows 24 --timeout 30 --step "wait:$text" \
		    --step mark:first --step keys:q -- env TERM=xterm-256color \
		    FOLIO_DATA_DIR="$TMP/data" "$@" |
		    $py -c 'import json,sys; m=json.load(sys.stdin).get("marks",{}); print("%.1f" % m["first"] if "first" in m else "never")'
	done | grep -v never | sort -n | head -1 | grep . || echo never
}
if [ -f "$TD" ] && $py -c 'import pyte' 2>/dev/null; then
	echo "first screen: folio $(first "$ftitle" "$FOLIO" "$TMP/big.html") ms," \
	    "w3m $(first "$wfirst" w3m "$TMP/big.html") ms," \
	    "less $(first "$lfirst" less "$TMP/big.html") ms"
else
	echo "first screen: skipped (needs python3-pyte and $TD)"
fi
