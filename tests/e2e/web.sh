#!/bin/sh
# web.sh: folio URL against a web server on 127.0.0.1 that this test starts
# and stops (tests/e2e/server.py): pages, redirects, compression, errors,
# timeouts, sizes, types, charsets, reader mode, links followed and back,
# and R after the page changed.
. "${srcdir:-.}/tests/e2e/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
need_tmux

mkdir "$TMP/www"
cp "$TESTDATA"/web/* "$TMP/www/"
cp "$TMP/www/article.html" "$TMP/www/changing.html"
python3 "${srcdir:-.}/tests/e2e/server.py" "$TMP/www" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; for s in "$TMP"/tmux.*; do tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
[ -s "$TMP/port" ] || skip_all "the test server did not start"
URL="http://127.0.0.1:$(cat "$TMP/port")"
D="$FOLIO --dump --width=80"

has() {		# has FILE TEXT
	grep -qF -- "$2" "$1"
}

# A page: the article alone, its title first, no menus, nothing fetched
# but the page itself.
: >"$TMP/port.log"
A="$TMP/article.txt"
$D "$URL/article.html" >"$A" 2>"$TMP/err"
if [ "$(head -1 "$A")" = "The mills of Alderbrook" ] &&
    has "$A" "The river that gives Alderbrook its name" &&
    has "$A" "Wren Holloway · Valley Gazette · 2024-05-06" &&
    ! has "$A" "Most read" && ! has "$A" "Copyright" &&
    ! has "$A" "never shown"; then
	ok "folio URL: the article, under its title and byline"
else
	not_ok "folio URL: the article" "$(head -20 "$A")" "$(cat "$TMP/err")"
fi
[ "$(cat "$TMP/port.log")" = "/article.html" ] && ok "only the page is fetched (no images)" ||
	not_ok "only the page is fetched" "$(cat "$TMP/port.log")"
$D --reader=off "$URL/article.html" >"$TMP/whole" 2>&1
has "$TMP/whole" "Most read" && has "$TMP/whole" "Copyright" &&
	has "$TMP/whole" "The river that gives" &&
	ok "--reader=off: the whole page" || not_ok "--reader=off" "$(cat "$TMP/whole")"

$D "$URL/redirect/3" >"$TMP/got" 2>&1
cmp -s "$A" "$TMP/got" && ok "a chain of redirects" ||
	not_ok "a chain of redirects" "$(head -5 "$TMP/got")"
expect_status "endless redirects fail" 1 $D "$URL/loop"
expect_err "endless redirects: one line" "folio: $URL/loop: more than 10 redirects"
$D "$URL/gzip.html" >"$TMP/got" 2>&1
cmp -s "$A" "$TMP/got" && ok "a gzip-compressed page" ||
	not_ok "a gzip-compressed page" "$(head -5 "$TMP/got")"
expect_status "404 fails" 1 $D "$URL/missing.html"
expect_err "404: one line" "folio: $URL/missing.html: HTTP 404 Not Found"
expect_status "500 fails" 1 $D "$URL/error.html"
expect_err "500: one line" "folio: $URL/error.html: HTTP 500 Internal Server Error"
t0=$(date +%s)
expect_status "a slow server times out" 1 $D --timeout=1 "$URL/slow.html"
t1=$(date +%s)
expect_err "timeout: one line" "folio: $URL/slow.html: timed out after 1 s (see --timeout)"
[ $((t1 - t0)) -le 5 ] && ok "and in time" || not_ok "the timeout took $((t1 - t0)) s"
expect_status "a body over the size cap fails" 1 $D --max-size=1M "$URL/big.html"
expect_err "too large: one line" "folio: $URL/big.html: larger than 1 MiB (see --max-size)"
expect_status "an image is refused" 1 $D "$URL/image.png"
expect_err "an image: one line" "folio: $URL/image.png: not a document folio reads (image/png)"
expect_status "no server there" 1 $D "http://127.0.0.1:1/"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q "^folio: http://127.0.0.1:1/: " "$TMP/err" &&
	ok "no server: one line" || not_ok "no server: one line" "$(cat "$TMP/err")"

$D "$URL/notes.txt" >"$TMP/got" 2>&1
[ "$(head -1 "$TMP/got")" = "WALK NOTES" ] && has "$TMP/got" "Bring water." &&
	ok "text/plain is read as text" || not_ok "text/plain" "$(cat "$TMP/got")"
"$FOLIO" --toc "$URL/readme.md" >"$TMP/got" 2>&1
[ "$(cat "$TMP/got")" = "$(printf "The walkers' guide\n  Before you go\n  On the day")" ] &&
	ok "text/markdown is read as Markdown" || not_ok "text/markdown" "$(cat "$TMP/got")"
$D "$URL/gbk.html" >"$TMP/got" 2>&1
has "$TMP/got" "河水涨了，城里的人把市场、学校和钟都搬到了山上。" &&
	ok "the charset of Content-Type decodes the page" || not_ok "Content-Type charset" "$(cat "$TMP/got")"
cat "$TMP/www/article.html" | $D >"$TMP/got" 2>&1
has "$TMP/got" "The river that gives" && ! has "$TMP/got" "Most read" &&
	ok "a page on standard input is read as HTML" || not_ok "stdin HTML" "$(head "$TMP/got")"

expect_status "--reader=bad is a usage error" 2 "$FOLIO" --reader=bad "$URL/article.html"
expect_status "--timeout=0 is a usage error" 2 "$FOLIO" --timeout=0 "$URL/article.html"
expect_status "--max-size=1X is a usage error" 2 "$FOLIO" --max-size=1X "$URL/article.html"
$D --format=text "$URL/article.html" >"$TMP/got" 2>&1
has "$TMP/got" "<title>" && ok "--format=text shows a page's markup" ||
	not_ok "--format=text on a URL" "$(head -3 "$TMP/got")"

# Ctrl-C while the first page is fetched.
start 80 24 "TERM=xterm-256color $FOLIO '$URL/slow.html'"
expect_screen "a slow fetch shows its progress" "fetching $URL/slow.html"
keys C-c
expect_screen "Ctrl-C cancels it" "folio: $URL/slow.html: cancelled"
[ "$(exit_status)" = 1 ] && ok "and folio exits 1" || not_ok "Ctrl-C exit status" "$(exit_status)"

# The reader: the article, w for the whole page and back.
start 80 24 "TERM=xterm-256color $FOLIO '$URL/article.html'"
expect_screen "the reader shows the article" "The mills of Alderbrook"
expect_last "the status line says how much of the page it is" "article: "
keys w
expect_last "w shows the whole page" "the whole page"
keys g
expect_screen "with what the article left out" "Most read"
keys w
eventually sh -c "! tmux -S '$TMUX_SOCK' capture-pane -p -t t: | grep -q 'Most read'" &&
	ok "w again: the article" || not_ok "w again: the article" "$(screen)"
keys q
expect_screen "quits" "EXIT=0"

# Links: L lists them, Enter opens one, B comes back to the same line.
start 80 24 "TERM=xterm-256color $FOLIO '$URL/links.html'"
expect_screen "a page of links" "The sluice path"
keys j j j j j
settle
TOP=$(top_line)
keys L
expect_screen "L lists the links" "$URL/article.html"
keys a r t i c l e Enter
expect_screen "Enter opens the link" "The mills of Alderbrook"
keys B
expect_top "B comes back to the same line" "$TOP"
keys L
expect_screen "the list again" "$URL/slow.html"
keys s l o w Enter
expect_screen "a link being fetched shows its progress" "fetching $URL/slow.html"
keys C-c
expect_screen "Ctrl-C cancels the fetch" "cancelled"
keys j
settle
eventually sh -c "tmux -S '$TMUX_SOCK' capture-pane -p -t t: | grep -q 'Stop'" &&
	[ "$(cat "$EXIT_FILE" 2>/dev/null)" = "" ] && ok "and the reader goes on" ||
	not_ok "the reader after a cancelled fetch" "$(screen)"
keys q
expect_screen "quits" "EXIT=0"

# A file's links open files next to it.
start 80 24 "TERM=xterm-256color $FOLIO '$TMP/www/links.html'"
expect_screen "a local page" "The sluice path"
keys L n o t e s Enter
expect_screen "its link to a file opens the file" "WALK NOTES"
keys B
expect_screen "and B comes back" "The sluice path"
keys q
expect_screen "quits" "EXIT=0"

# R after the page changed: the highlight follows its words.
start 80 24 "FOLIO_DATA_DIR=$TMP/data TERM=xterm-256color $FOLIO '$URL/changing.html'"
expect_screen "a page to annotate" "The mills of Alderbrook"
keys / "salmon, which had not been seen" Enter
settle
keys H
expect_screen "H highlights the match" "highlight saved"
sed -i 's|<h2>Moving up the hill</h2>|<h2>Moving up the hill</h2><p>A paragraph added after the first reading, long enough to move everything that follows it further down the page.</p>|; s|A weir built in 1974|A weir, built in 1974,|' "$TMP/www/changing.html"
keys R
expect_screen "R fetches the page again" "reloaded"
keys A
expect_screen "the highlight is still listed, re-attached" "[moved] salmon, which had not been seen"
keys Enter
expect_top "and leads to its words" "The river itself is quieter. A weir, built in 1974, holds back the worst of the"
keys q
expect_screen "quits" "EXIT=0"
FOLIO_DATA_DIR="$TMP/data" "$FOLIO" --export=json "$URL/changing.html" >"$TMP/notes.json" 2>&1
grep -q '"exact": "salmon, which had not been seen"' "$TMP/notes.json" &&
    grep -Eq '"folio:state": "moved"' "$TMP/notes.json" &&
	ok "the note belongs to the URL and re-attached" ||
	not_ok "the note after the change" "$(cat "$TMP/notes.json")"

done_testing
