#!/usr/bin/python3
"""server.py ROOT PORTFILE: a small web server for folio's tests.

Listens on 127.0.0.1 on a free port, which it writes to PORTFILE, and
serves the files in ROOT, plus a few paths that behave badly on purpose:
/redirect/N (N redirects, then /article.html), /loop (redirects forever),
/gzip.html (article.html, gzip-encoded), /slow.html (answers after 20 s),
/big.html (3 MiB with no length given), /image.png, /error.html (500),
/gbk.html (charset given only by the Content-Type header).  Every other
path is a file of ROOT, or a 404.  Each path asked for is appended to
PORTFILE.log.  The test that starts it kills it.
"""
import gzip
import http.server
import os
import socketserver
import sys
import time

ROOT, PORTFILE = sys.argv[1], sys.argv[2]
TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8",
         ".md": "text/markdown; charset=utf-8"}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def read(self, name):
        with open(os.path.join(ROOT, name), "rb") as f:
            return f.read()

    def do_GET(self):
        path = self.path.split("?")[0]
        with open(PORTFILE + ".log", "a") as f:     # what was asked for
            f.write(path + "\n")
        if path.startswith("/redirect/"):
            n = int(path.split("/")[2])
            return self.redirect("/article.html" if n == 0 else "/redirect/%d" % (n - 1))
        if path == "/loop":
            return self.redirect("/loop")
        if path == "/gzip.html":
            body = gzip.compress(self.read("article.html"))
            return self.reply(200, body, extra=[("Content-Encoding", "gzip")])
        if path == "/slow.html":
            time.sleep(20)
            return self.reply(200, self.read("article.html"))
        if path == "/big.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>\n"
            try:
                for _ in range(48):
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        if path == "/image.png":
            return self.reply(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        if path == "/error.html":
            return self.reply(500, b"<p>oops</p>")
        if path == "/gbk.html":
            return self.reply(200, self.read("gbk.html"), "text/html; charset=gbk")
        name = path.lstrip("/")
        full = os.path.join(ROOT, name)
        if name and ".." not in name and os.path.isfile(full):
            ext = os.path.splitext(name)[1]
            return self.reply(200, self.read(name), TYPES.get(ext, "application/octet-stream"))
        self.reply(404, b"<p>not here</p>")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
