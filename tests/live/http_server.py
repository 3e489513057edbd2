#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""A small HTTP server on 127.0.0.1 for the tests of programme URLs
(tests/live/fetch.sh).  Nothing here touches any other host.

    http_server.py PORTFILE LOGFILE VERSION1 VERSION2

listens on a free port of 127.0.0.1, writes the port to PORTFILE, and
serves until killed:

  /prog          the file VERSIONn where n is the current version (1 at
                 start), with ETag "vn" and Last-Modified of version n;
                 If-None-Match or If-Modified-Since matching them -> 304
  /set?v=N       makes N the current version (for the --since-cache test)
  /etag          VERSION1 with an ETag only
  /lm            VERSION1 with a Last-Modified only
  /moved         302 to /prog
  /loop          302 to itself (too many redirects)
  /slow          waits 5 s before answering (past --timeout 1)
  /cut           announces 100000 bytes, sends 100 and closes
  /html          200 with an HTML page (a network's login page)
  /empty         200 with an empty body
  /busy          503
  /flaky         like /etag the first time, then cut short as /cut
  /huge          announces 300 MiB (sends a few bytes and closes)
  /ftp           302 to an ftp:// URL
  /nothing       closes the connection without an answer
  /forbidden     403
  /bogus304      304 whatever the request
  anything else  404
A query string is ignored (/prog?x=1 is /prog under another URL).

Each request is logged to LOGFILE as
    PATH if-none-match=X if-modified-since=Y -> STATUS
"""
import http.server
import os
import sys
import time

PORTFILE, LOGFILE = sys.argv[1:3]
VERSIONS = {1: sys.argv[3], 2: sys.argv[4]}
STATE = {"v": 1, "flaky": 0}
MODIFIED = {1: "Sat, 01 Feb 2025 08:00:00 GMT",
            2: "Sat, 01 Feb 2025 12:00:00 GMT"}


def body(v):
    with open(VERSIONS[v], "rb") as f:
        return f.read()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        with open(LOGFILE, "a") as f:
            f.write("%s if-none-match=%s if-modified-since=%s -> %d\n" % (
                self.path, self.headers.get("If-None-Match", "-"),
                self.headers.get("If-Modified-Since", "-"), status))

    def send(self, status, data=b"", headers=(), ctype="application/xml"):
        self.log(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def cached(self, etag, modified):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if etag is not None and inm is not None:
            return inm == etag
        return modified is not None and ims == modified

    def do_GET(self):
        p = self.path.split("?")[0]
        v = STATE["v"]
        if self.path.startswith("/set?v="):
            STATE["v"] = int(self.path[7:])
            self.send(200, b"ok\n", ctype="text/plain")
        elif p == "/prog":
            etag, mod = '"v%d"' % v, MODIFIED[v]
            hdr = (("ETag", etag), ("Last-Modified", mod))
            if self.cached(etag, mod):
                self.send(304, headers=hdr)
            else:
                self.send(200, body(v), hdr)
        elif p == "/etag":
            if self.cached('"e1"', None):
                self.send(304, headers=(("ETag", '"e1"'),))
            else:
                self.send(200, body(1), (("ETag", '"e1"'),))
        elif p == "/lm":
            if self.cached(None, MODIFIED[1]):
                self.send(304, headers=(("Last-Modified", MODIFIED[1]),))
            else:
                self.send(200, body(1), (("Last-Modified", MODIFIED[1]),))
        elif p == "/moved":
            self.send(302, headers=(("Location", "/prog"),))
        elif p == "/loop":
            self.send(302, headers=(("Location", "/loop"),))
        elif p == "/slow":
            time.sleep(5)
            self.send(200, body(1))
        elif p == "/flaky" and STATE["flaky"] == 0:
            STATE["flaky"] = 1
            self.send(200, body(1), (("ETag", '"f1"'),))
        elif p in ("/cut", "/flaky"):
            self.log(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(body(1)[:100])
            self.wfile.flush()
            self.close_connection = True
        elif p == "/huge":
            self.log(200)
            self.send_response(200)
            self.send_header("Content-Length", str(300 << 20))
            self.end_headers()
            self.wfile.write(b"id,title\n")
            self.close_connection = True
        elif p == "/ftp":
            self.send(302, headers=(("Location", "ftp://127.0.0.1:1/x"),))
        elif p == "/nothing":
            self.log(0)
            self.close_connection = True
        elif p == "/forbidden":
            self.send(403, b"no\n", ctype="text/plain")
        elif p == "/bogus304":
            self.send(304)
        elif p == "/html":
            self.send(200, b"<!DOCTYPE html>\n<html><body>Log in to the "
                      b"conference Wi-Fi</body></html>\n", ctype="text/html")
        elif p == "/empty":
            self.send(200, b"")
        elif p == "/busy":
            self.send(503, b"busy\n", ctype="text/plain")
        else:
            self.send(404, b"not found\n", ctype="text/plain")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


srv = Server(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write("%d\n" % srv.server_address[1])
os.rename(PORTFILE + ".tmp", PORTFILE)
srv.serve_forever()
