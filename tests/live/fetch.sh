#!/bin/sh
# SPDX-License-Identifier: ISC
#
# fetch.sh PYPLAN
#
# Programmes by URL against a local HTTP server (tests/live/http_server.py
# on a free port of 127.0.0.1, started and stopped here; no other host is
# ever contacted): 200, 304 by ETag and by Last-Modified, --offline, 404,
# redirects (too many, to ftp), a response slower than --timeout, a body
# cut short (a good cached copy survives it), an HTML page, an empty body,
# 503, 403, 300 MiB announced, no answer, a 304 nobody asked for, a closed
# port, TLS against a plain-HTTP port, an unwritable cache, and
# `diff --since-cache`.  Each run prints its exit
# status and standard error (the port shown as PORT); the checks print
# what they found.  The caller compares the whole transcript with a
# golden file.
set -u
pyplan=${1:?usage: fetch.sh PYPLAN}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-fetch.XXXXXX") || exit 1
srv=
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
# No proxy may send these requests anywhere but to 127.0.0.1.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export XDG_CACHE_HOME="$tmp/cache" HOME="$tmp/home"
cache=$XDG_CACHE_HOME/pyplan
v1=tests/fixtures/live-v1.csv
v2=tests/fixtures/live-v2.csv

/usr/bin/python3 tests/live/http_server.py "$tmp/port" "$tmp/log" "$v1" "$v2" &
srv=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$tmp/port") || exit 1
base=http://127.0.0.1:$port
: >"$tmp/log"

# run NAME ARGS...: runs pyplan; prints its exit status and stderr.
run() {
	name=$1
	shift
	"$pyplan" "$@" >"$tmp/out" 2>"$tmp/err"
	echo "$name: exit $?"
	hide <"$tmp/err" | sed 's/^/  /'
}
# Hides what changes from run to run: the ports and the directory.
hide() {
	sed "s|127\.0\.0\.1:$port|127.0.0.1:PORT|g
	    s|127\.0\.0\.1:$closed|127.0.0.1:CLOSED|g; s|$tmp|TMP|g"
}
# The requests the server saw since the last call.
requests() {
	sed 's/^/  server: /' "$tmp/log"
	: >"$tmp/log"
}
# What the cache holds: files by kind, and any temporary file.
cached() {
	echo "  cache: $(ls "$cache" | sed 's/^[0-9a-f]*\.//' | sort | uniq -c |
		awk '{ printf "%s %s, ", $1, $2 }')temporary files: $(ls -A "$cache" |
		grep -c '^\.')"
}
closed=$(/usr/bin/python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

run "200" list -f csv "$base/prog"
"$pyplan" list -f csv "$v1" | cmp -s - "$tmp/out" &&
	echo "  the listing is that of $v1"
requests
cached
grep -h '^etag\|^last-modified' "$cache"/*.meta | sed 's/^/  meta: /'

run "304 by ETag and Last-Modified" list -f csv "$base/prog"
"$pyplan" list -f csv "$v1" | cmp -s - "$tmp/out" &&
	echo "  the listing is that of $v1"
requests
run "ETag only" list "$base/etag"
run "ETag only, again" list "$base/etag"
requests
run "Last-Modified only" list "$base/lm"
run "Last-Modified only, again" list "$base/lm"
requests

run "--offline, cached" build --no-profile --offline "$base/prog"
requests
run "--offline, not cached" build --no-profile --offline "$base/other"
run "404" build --no-profile "$base/missing"
requests
run "redirect" list "$base/moved"
requests
run "too many redirects" list "$base/loop"
: >"$tmp/log"
start=$(date +%s)
run "slower than --timeout 1" check --timeout 1 "$base/slow"
[ $(($(date +%s) - start)) -le 3 ] && echo "  gave up within 3 s"
run "cut short" check "$base/cut"
run "a good copy" list -f csv "$base/flaky"
run "then cut short" list -f csv "$base/flaky"
run "the good copy is still there" list -f csv --offline "$base/flaky"
"$pyplan" list -f csv "$v1" | cmp -s - "$tmp/out" &&
	echo "  the listing is that of $v1"
run "an HTML page" check "$base/html"
run "an empty body" check "$base/empty"
run "503" check "$base/busy"
run "403" check "$base/forbidden"
run "over 256 MiB" check "$base/huge"
run "a redirect to ftp" check "$base/ftp"
run "no answer at all" check "$base/nothing"
run "304 to a plain request" check "$base/bogus304"
requests
cached
run "closed port" check "http://127.0.0.1:$closed/prog"
run "TLS to a plain HTTP port" check "https://127.0.0.1:$port/prog"
: >"$tmp/log"
run "bad --timeout" check --timeout 0 "$base/prog"
: >"$tmp/file"
XDG_CACHE_HOME=$tmp/file run "a cache that cannot be made" check "$base/prog"

run "diff --since-cache, nothing new" diff --since-cache "$base/prog"
hide <"$tmp/out"
/usr/bin/python3 -c "import urllib.request as u; u.urlopen('$base/set?v=2')"
run "diff --since-cache, version 2" diff --since-cache "$base/prog"
hide <"$tmp/out"
run "diff --since-cache, json" diff -f json --since-cache "$base/prog"
jq -c .summary "$tmp/out"
requests
run "diff --since-cache, never fetched" diff --since-cache "$base/prog?new"
run "diff --since-cache --offline" diff --offline --since-cache "$base/prog"
run "diff --since-cache with files" diff --since-cache "$base/prog" "$v1"
cached
