#!/usr/bin/python3
"""bench/all.py: every speed measure of folio against its peer, in one run.

    bench/all.py [--reps N] [--size MB] [--dir DIR] [--only NAME,...]

Each measure runs folio and its named peer (grep, less, w3m, or
libunistring's own line-break pass) in the same run, alternating, N times
(5), and prints the medians, the ratio and the issue's target.  With OLD
set to another folio (say, main's build), the measures that must be "no
worse than today" run that one too.  The documents are made by
../shared/bench/mkcorpus.py (MKCORPUS=...) in DIR (/tmp/folio-bench), SIZE
MB each (100); the reader is driven in a pseudo-terminal by
../shared/bench/termdrive.py (TERMDRIVE=...; needs python3-pyte).
The machine may be busy: compare the ratios, not the times.
"""
import argparse
import ctypes
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SHARED = os.path.join(TOP, "..", "shared", "bench")
FOLIO = os.environ.get("FOLIO", os.path.join(TOP, "folio"))
OLD = os.environ.get("OLD")
TD = os.environ.get("TERMDRIVE", os.path.join(SHARED, "termdrive.py"))
MK = os.environ.get("MKCORPUS", os.path.join(SHARED, "mkcorpus.py"))
PY = "/usr/bin/python3"
rows = []


def run_ms(cmd, stdin=None):
    """Milliseconds of wall clock for cmd, its output discarded."""
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   stdin=stdin)
    return (time.perf_counter() - t0) * 1000


def drive(cmd, steps, marks, env=None, cols=80, rows_=24, timeout=60):
    """Runs cmd in termdrive; returns {mark: ms} (None if it timed out)."""
    argv = [PY, TD, "--cols", str(cols), "--rows", str(rows_), "--timeout",
            str(timeout), "--linger", "5"]
    for s in steps:
        argv += ["--step", s]
    e = ["env", "TERM=xterm-256color"]
    if env:
        e += ["%s=%s" % kv for kv in env.items()]
    out = subprocess.run(argv + ["--"] + e + cmd, capture_output=True,
                         text=True).stdout
    try:
        d = json.loads(out)
    except ValueError:
        return None
    if d.get("timed_out"):
        return None
    return {k: d["marks"][k] for k in marks if k in d.get("marks", {})}


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def row(name, folio, peer, peer_name, target, ok, note=""):
    rows.append((name, folio, peer, peer_name, target, ok, note))
    f = "%.1f" % folio if isinstance(folio, float) else str(folio)
    p = "%.1f" % peer if isinstance(peer, float) else str(peer)
    print("%-44s folio %9s  %-10s %9s  %s  %s %s" % (
        name, f, peer_name, p, target, "MET" if ok else "not met", note),
        flush=True)


def ratio(a, b):
    return a / b if a is not None and b else None


def corpus(kind, size, d):
    ext = "md" if kind == "md" else "txt"
    path = os.path.join(d, "%s-%d.%s" % (kind, size, ext))
    if not os.path.exists(path):
        subprocess.run([PY, MK, kind, str(size), path], check=True)
    return path


def first_word(path):
    """What the first screen shows first: the first line, its markup (#)
    left out."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.readline().strip().lstrip("#").strip()[:6]


def folio_env():
    return {"FOLIO_DATA_DIR": tempfile.mkdtemp(prefix="folio-bench-")}


# --- the measures ---------------------------------------------------------

def m_grep(a, zh, en):
    for doc in (zh, en):
        name = os.path.basename(doc)
        f, g, fr, gr = [], [], [], []
        for _ in range(a.reps):
            f.append(run_ms([FOLIO, "--grep=END-OF-CORPUS", doc]))
            g.append(run_ms(["grep", "-c", "END-OF-CORPUS", doc]))
            fr.append(run_ms([FOLIO, "--grep=END-OF-C.RPUS", "--regex", doc]))
            gr.append(run_ms(["grep", "-cP", "END-OF-C.RPUS", doc]))
        r = ratio(med(f), med(g))
        row("--grep literal, match at end (%s)" % name, med(f), med(g),
            "grep -c", "<= 2x: %.2fx" % r, r <= 2)
        r = ratio(med(fr), med(gr))
        row("--grep --regex (%s)" % name, med(fr), med(gr), "grep -cP",
            "<= 3x: %.2fx" % r, r <= 3)


def m_reader_regex(a, zh):
    """/ with Ctrl-R: the time from Enter to the match on the screen."""
    f, g = [], []
    for _ in range(a.reps):
        m = drive([FOLIO, zh], ["wait:" + first_word(zh), "idle:300",
                                "keys:/", "key:ctrl-r", "keys:END-OF-C.RPUS",
                                "mark:typed", "key:enter",
                                "wait:CORPUS zh-novel",
                                "mark:found", "keys:q"],
                  ["typed", "found"], env=folio_env())
        f.append(m["found"] - m["typed"] if m and "found" in m else None)
        g.append(run_ms(["grep", "-cP", "END-OF-C.RPUS", zh]))
    r = ratio(med(f), med(g))
    row("/ Ctrl-R END-OF-C.RPUS, Enter to shown", med(f), med(g), "grep -cP",
        "<= 3x: %s" % ("%.2fx" % r if r else "?"), r is not None and r <= 3)


def reader_marks(prog, doc, last):
    steps = ["wait:" + first_word(doc), "mark:first", "keys:G",
             "wait:" + last, "mark:end", "keys:q"]
    return drive(prog + [doc], steps, ["first", "end"],
                 env=folio_env() if prog[0] != "less" else None)


def no_worse(new, old, slack=1.2):
    """new took at most slack times what old took (True without OLD)."""
    return new is not None and (old is None or new <= slack * old)


def m_first_g(a, doc, label, targets):
    """First screen and G against less (and OLD)."""
    kind = re.sub(r"-\d+\..*", "", os.path.basename(doc))
    f, l, o = {"first": [], "end": []}, {"first": [], "end": []}, \
        {"first": [], "end": []}
    for _ in range(a.reps):
        for prog, acc in (([FOLIO], f), (["less"], l)) + \
                ((([OLD], o),) if OLD else ()):
            m = reader_marks(prog, doc, "CORPUS " + kind)
            for k in acc:
                acc[k].append(m.get(k) if m else None)
    for k, what in (("first", "first screen"), ("end", "G (end shown)")):
        r = ratio(med(f[k]), med(l[k]))
        row("%s: %s" % (label, what), med(f[k]), med(l[k]), "less",
            "%s: %s" % (targets, "%.2fx" % r if r else "?"),
            r is not None and (r <= 2 if targets == "<= 2x" else
                               no_worse(med(f[k]), med(o[k]))),
            "" if not OLD else "(old folio %.1f)" % (med(o[k]) or -1))


def m_search(a, zh):
    """/END-OF-CORPUS in the reader against less, and OLD."""
    res = {"folio": [], "less": [], "old": []}
    for _ in range(a.reps):
        progs = [("folio", [FOLIO]), ("less", ["less"])] + \
            ([("old", [OLD])] if OLD else [])
        for name, prog in progs:
            m = drive(prog + [zh], ["wait:" + first_word(zh), "idle:200",
                                    "mark:typed", "keys:/END-OF-CORPUS",
                                    "key:enter", "wait:CORPUS zh-novel",
                                    "mark:found", "keys:q"],
                      ["typed", "found"],
                      env=folio_env() if name != "less" else None)
            res[name].append(m["found"] - m["typed"] if m and "found" in m
                             else None)
    r = ratio(med(res["folio"]), med(res["less"]))
    row("plain text: /END-OF-CORPUS to shown", med(res["folio"]),
        med(res["less"]), "less", "no worse: %.2fx" % (r or 0),
        no_worse(med(res["folio"]), med(res["old"])),
        "" if not OLD else "(old folio %.1f)" % (med(res["old"]) or -1))


def m_toc_resize(a, zh):
    res = {}
    progs = [("folio", FOLIO)] + ([("old", OLD)] if OLD else [])
    for name, prog in progs:
        t, z = [], []
        for _ in range(a.reps):
            m = drive([prog, zh], ["wait:" + first_word(zh), "mark:first",
                                   "keys:t", "wait:Contents:", "mark:toc",
                                   "key:esc", "idle:300", "mark:pre",
                                   "resize:40x24", "wait:…", "mark:resized",
                                   "keys:q"],
                      ["first", "toc", "pre", "resized"], env=folio_env())
            t.append(m["toc"] - m["first"] if m and "toc" in m else None)
            z.append(m["resized"] - m["pre"] if m and "resized" in m
                     else None)
        res[name] = (med(t), med(z))
    o = res.get("old", (None, None))
    f = res["folio"]
    for k, what in ((0, "table of contents (t)"),
                    (1, "resize 80 -> 40 columns")):
        row("plain text: " + what, f[k], o[k], "old folio" if OLD else "-",
            "no worse", no_worse(f[k], o[k]))


def rss_anon(cmd, doc, steps, env):
    """Peak anonymous memory (KB) of cmd in the reader, polled every 20 ms
    (written as it grows: the reader may be killed at the end)."""
    out = tempfile.NamedTemporaryFile("r", suffix=".kb", delete=False)
    out.close()
    wrap = ["sh", "-c", 'exec 3<&0; "$@" <&3 & p=$!; m=0; '
            'while kill -0 $p 2>/dev/null; do '
            'a=$(awk \'/^RssAnon/ {print $2}\' /proc/$p/status 2>/dev/null); '
            '[ -n "$a" ] && [ "$a" -gt "$m" ] && m=$a && echo $m >' +
            out.name + '; sleep 0.02; done', "sh"] + cmd + [doc]
    drive(wrap, steps, [], env=env, timeout=120)
    try:
        return int(open(out.name).read().strip() or 0)
    except (ValueError, OSError):
        return None
    finally:
        os.unlink(out.name)


def m_md_memory(a, md):
    size = os.path.getsize(md) / 1024
    # G, then idle while the rest is parsed in the background, then g
    steps = ["wait:" + first_word(md), "keys:G", "wait:CORPUS md",
             "idle:15000", "keys:g", "idle:300", "keys:q"]
    kb = med([rss_anon([FOLIO], md, steps, folio_env())
              for _ in range(max(1, a.reps // 2))])
    share = kb / size * 100 if kb else None
    row("Markdown: memory beyond the mapped file", "%.0f MB" % (kb / 1024)
        if kb else "?", "%.0f MB" % (size / 1024), "file",
        "<= 25%%: %.0f%%" % (share or 0), share is not None and share <= 25)


LIB = None


def lib_breaks_ms(path):
    """libunistring's own u8_possible_linebreaks over the file, 1 MiB at a
    time (cut at line ends, else before a character), in milliseconds."""
    global LIB
    if LIB is None:
        LIB = ctypes.CDLL("libunistring.so.2")
        LIB.u8_possible_linebreaks.argtypes = [ctypes.c_char_p,
                                               ctypes.c_size_t,
                                               ctypes.c_char_p,
                                               ctypes.c_char_p]
    data = open(path, "rb").read()
    brk = ctypes.create_string_buffer(2 << 20)
    t0 = time.perf_counter()
    i = 0
    while i < len(data):
        j = data.find(b"\n", i + (1 << 20), i + (2 << 20) - 1)
        if j >= 0:
            j += 1
        else:	# no line end near: 1 MiB, cut before a character
            j = min(len(data), i + (1 << 20))
            while j < len(data) and data[j] & 0xC0 == 0x80:
                j -= 1
        LIB.u8_possible_linebreaks(data[i:j], j - i, b"UTF-8", brk)
        i = j
    return (time.perf_counter() - t0) * 1000


def m_dump(a, docs):
    for doc in docs:
        mb = os.path.getsize(doc) / 1e6
        f, l, o = [], [], []
        for _ in range(max(1, a.reps // 2)):
            f.append(run_ms([FOLIO, "--dump", doc]))
            l.append(lib_breaks_ms(doc))
            if OLD:
                o.append(run_ms([OLD, "--dump", doc]))
        fs, ls = mb / (med(f) / 1000), mb / (med(l) / 1000)
        row("--dump %s (MB/s)" % os.path.basename(doc), fs, ls,
            "libunistring", ">= 150 MB/s or >= 1.5x: %.2fx" % (fs / ls),
            fs >= 150 or fs >= 1.5 * ls,
            "" if not OLD else "(old folio %.1f MB/s)" % (mb / (med(o) / 1000)))


def m_html(a):
    pages = sorted(glob.glob(os.path.join(TOP, "..", "shared", "corpus",
                                          "readability-test-pages", "*",
                                          "source.html")))
    if not pages:
        print("web pages: skipped (no ../shared/corpus)")
        return
    f, w = [], []
    for _ in range(a.reps):
        f.append(sum(run_ms([FOLIO, "--dump", "--width=100", p])
                     for p in pages))
        w.append(sum(run_ms(["w3m", "-dump", p]) for p in pages))
    r = ratio(med(w), med(f))
    row("%d web pages --dump, in total" % len(pages), med(f), med(w),
        "w3m -dump", ">= 5x faster: %.2fx" % r, r >= 5)
    out = subprocess.run(["sh", os.path.join(HERE, "html.sh")],
                         capture_output=True, text=True, cwd=TOP,
                         env=dict(os.environ, FOLIO=FOLIO)).stdout
    for line in out.splitlines():
        if line.startswith("first screen"):
            m = re.search(r"folio ([\d.]+) ms, w3m ([\d.]+) ms", line)
            if m:
                ff, ww = float(m.group(1)), float(m.group(2))
                row("2 MB page: first screen (best of 3)", ff, ww, "w3m",
                    "<= 50 ms", ff <= 50)


def m_notes(a, zh):
    out = subprocess.run(["sh", os.path.join(HERE, "notes.sh"), zh],
                         capture_output=True, text=True, cwd=TOP,
                         env=dict(os.environ, FOLIO=FOLIO,
                                  **({"OLD": OLD} if OLD else {}))).stdout
    res = {}
    for line in out.splitlines():
        m = re.match(r"(.*), (\d+ notes|no notes): +first=([\d.]+) "
                     r"ready=([\d.]+)(?: list=([\d.]+))?", line)
        if m:	# the list: after the key
            res.setdefault((m.group(1), m.group(2)), []).append(
                (float(m.group(3)), float(m.group(5)) - float(m.group(4))
                 if m.group(5) else None))
    first = lambda v: med([x[0] for x in v])
    for (prog, what), v in sorted(res.items()):
        if OLD and prog == OLD:
            continue	# the yardstick of the row below
        o = res.get((OLD, what)) if OLD else None
        row("first screen with %s (the A list)" % what, first(v),
            med([x[1] for x in v if x[1] is not None]), "(A list)",
            "no worse" + (" than %.1f" % first(o) if o else ""),
            no_worse(first(v), first(o) if o else None))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--dir", default="/tmp/folio-bench")
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    only = set(a.only.split(",")) - {""}
    want = lambda n: not only or n in only
    zh = corpus("zh-novel", a.size, a.dir)
    en = corpus("en-book", a.size, a.dir)
    md = corpus("md", a.size, a.dir)
    print("folio: %s%s; %d repetitions, medians in ms" % (
        FOLIO, ", old: %s" % OLD if OLD else "", a.reps))
    if want("grep"):
        m_grep(a, zh, en)
    if want("regex"):
        m_reader_regex(a, zh)
    if want("md"):
        m_first_g(a, md, "Markdown", "<= 2x")
        m_md_memory(a, md)
    if want("plain"):
        m_first_g(a, zh, "plain text", "no worse")
        m_search(a, zh)
    if want("plain") or want("toc"):
        m_toc_resize(a, zh)
    if want("dump"):
        docs = [zh, en]
        for k in ("one-para", "tiny-paras"):
            docs.append(corpus(k, a.size, a.dir))
        m_dump(a, docs)
    if want("html"):
        m_html(a)
    if want("notes"):
        m_notes(a, zh)
    met = sum(1 for r in rows if r[5])
    print("%d of %d targets met" % (met, len(rows)))


if __name__ == "__main__":
    main()
