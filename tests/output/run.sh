#!/bin/sh
# SPDX-License-Identifier: ISC
# Nothing lost on failure: pyplan writes through a temporary file and a
# rename, so a failed or interrupted run leaves the previous output as it
# was and no temporary file behind.  Cases that need root (a device node,
# a tmpfs) or a non-sanitized binary (the LD_PRELOAD shim) skip cleanly.
#
# usage: sh tests/output/run.sh path/to/pyplan
set -u
pyplan=${1:?usage: run.sh path/to/pyplan}
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-out.XXXXXX") || exit 1
mnt=
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
prog="tests/fixtures/cli-small.csv --profile tests/fixtures/cli-profile.ini"
pass=0 fail=0 skip=0

ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $1"; sed 's/^/  | /' "$tmp/err" | head -5; }
skipped() { skip=$((skip + 1)); echo "skip: $1"; }
# expect NAME STATUS TEXT: the last run's status and stderr
expect() {
	if [ "$st" != "$2" ]; then no "$1: exit $st, expected $2"
	elif ! grep -qF -- "$3" "$tmp/err"; then no "$1: no '$3' on stderr"
	else ok; fi
}
# clean NAME DIR: no temporary file (.NAME.XXXXXX) left in DIR
clean() {
	if ls -A "$2" | grep -q '^\..*\.......$'; then
		no "$1: temporary file left: $(ls -A "$2" | tr '\n' ' ')"
	else ok; fi
}
# intact NAME FILE: FILE still holds "previous"
intact() {
	if [ "$(cat "$2" 2>/dev/null)" = previous ]; then ok
	else no "$1: previous output lost"; fi
}

# A directory that does not exist.
"$pyplan" build $prog -o "$tmp/none/plan.txt" >/dev/null 2>"$tmp/err"
st=$?; expect "missing directory" 73 "cannot create output"

# A read-only place, even for root.
if [ -d /proc/self ]; then
	"$pyplan" build $prog -o /proc/pyplan-test.txt >/dev/null 2>"$tmp/err"
	st=$?; expect "/proc" 73 "cannot create output"
fi

# A directory without write permission (root ignores permissions).
mkdir "$tmp/ro"; printf 'previous\n' >"$tmp/ro/plan.txt"; chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
	"$pyplan" build $prog -o "$tmp/ro/plan.txt" >/dev/null 2>"$tmp/err"
	st=$?; expect "unwritable directory" 73 "cannot create output"
	intact "unwritable directory" "$tmp/ro/plan.txt"
else
	skipped "unwritable directory (running as root)"
fi
chmod 755 "$tmp/ro"

# The output path is a directory: refused before any work, as the
# shell's ">" would; nothing replaced, nothing left.
mkdir -p "$tmp/d/plan.txt"
"$pyplan" build $prog -o "$tmp/d/plan.txt" >/dev/null 2>"$tmp/err"
st=$?; expect "output is a directory" 73 \
    "$tmp/d/plan.txt: error: cannot create output: Is a directory"
[ -d "$tmp/d/plan.txt" ] && ok || no "output is a directory: replaced"
clean "output is a directory" "$tmp/d"

# An empty name.
"$pyplan" build $prog -o '' >/dev/null 2>"$tmp/err"
st=$?; expect "empty output name" 73 "cannot create output"

# A symbolic link is written through: its target gets the output, the
# link stays a link (a shell's ">" does the same).
mkdir "$tmp/ln"
printf 'previous\n' >"$tmp/ln/target.txt"
ln -s target.txt "$tmp/ln/link.txt"
"$pyplan" build $prog -o "$tmp/ln/link.txt" >/dev/null 2>"$tmp/err"
st=$?
if [ $st = 0 ] && [ -L "$tmp/ln/link.txt" ] &&
    grep -q "^Summary" "$tmp/ln/target.txt"; then ok
else no "symbolic link: exit $st, link or target wrong"; fi
clean "symbolic link" "$tmp/ln"
# A dangling link: its target is created.
ln -s new.txt "$tmp/ln/dangling.txt"
"$pyplan" build $prog -o "$tmp/ln/dangling.txt" >/dev/null 2>"$tmp/err"
st=$?
if [ $st = 0 ] && [ -L "$tmp/ln/dangling.txt" ] && [ -s "$tmp/ln/new.txt" ]
then ok; else no "dangling link: exit $st"; fi
# A loop of links.
ln -s loop-b "$tmp/ln/loop-a"; ln -s loop-a "$tmp/ln/loop-b"
"$pyplan" build $prog -o "$tmp/ln/loop-a" >/dev/null 2>"$tmp/err"
st=$?; expect "link loop" 73 "Too many levels of symbolic links"
clean "link loop" "$tmp/ln"

# /dev/fd/1 is a link to a pipe or to the file the shell opened: it is
# written, and no file named after the link's target appears.  (Not
# /dev/stdout: a binary that replaced links would replace that one.)
mkdir "$tmp/so"
abs=$(cd "$(dirname "$pyplan")" && pwd)/$(basename "$pyplan")
root=$(pwd)
(cd "$tmp/so" && "$abs" build "$root/tests/fixtures/cli-small.csv" \
    --no-profile -o /dev/fd/1 | cat >piped.txt) 2>"$tmp/err"
if grep -q "^Summary" "$tmp/so/piped.txt" &&
    [ "$(ls -A "$tmp/so")" = piped.txt ]; then ok
else no "/dev/fd/1 to a pipe: $(ls -A "$tmp/so" | tr '\n' ' ')"; fi
"$pyplan" build $prog -o /dev/fd/1 >"$tmp/so/redirected.txt" 2>"$tmp/err"
st=$?
if [ $st = 0 ] && grep -q "^Summary" "$tmp/so/redirected.txt"; then ok
else no "/dev/fd/1 to a file: exit $st"; fi
clean "/dev/fd/1" "$tmp/so"

# An existing file keeps its mode; a hard link keeps the old content
# (the output is a new file under the name given, as the man page says).
mkdir "$tmp/mode"
printf 'previous\n' >"$tmp/mode/plan.txt"
chmod 640 "$tmp/mode/plan.txt"
ln "$tmp/mode/plan.txt" "$tmp/mode/other-name.txt"
"$pyplan" build $prog -o "$tmp/mode/plan.txt" >/dev/null 2>"$tmp/err"
st=$?
mode=$(ls -l "$tmp/mode/plan.txt" | cut -c1-10)
if [ $st = 0 ] && [ "$mode" = "-rw-r-----" ]; then ok
else no "mode kept: exit $st, mode $mode"; fi
intact "hard link" "$tmp/mode/other-name.txt"

# A read-only file is not replaced (root may write it, as with ">").
printf 'previous\n' >"$tmp/mode/ro.txt"
chmod 444 "$tmp/mode/ro.txt"
if [ "$(id -u)" != 0 ]; then
	"$pyplan" build $prog -o "$tmp/mode/ro.txt" >/dev/null 2>"$tmp/err"
	st=$?; expect "read-only file" 73 \
	    "$tmp/mode/ro.txt: error: cannot create output: Permission denied"
	intact "read-only file" "$tmp/mode/ro.txt"
else
	skipped "read-only file (running as root)"
fi
clean "mode" "$tmp/mode"

# A file size limit (SIGXFSZ): a write error naming the file, exit 74,
# the previous file intact and nothing left.
mkdir "$tmp/fsz"
printf 'previous\n' >"$tmp/fsz/plan.json"
(ulimit -f 4; exec "$pyplan" build data/pycon2018/schedule.csv \
    --profile data/pycon2018/profile.ini -f json \
    -o "$tmp/fsz/plan.json") >/dev/null 2>"$tmp/err"
st=$?; expect "file size limit" 74 "$tmp/fsz/plan.json: error: write error"
intact "file size limit" "$tmp/fsz/plan.json"
clean "file size limit" "$tmp/fsz"

# Killed while working (a CPU time limit: SIGKILL while explain solves):
# the output file is created only when the work is done, so nothing is
# left.  (The shell's "Killed" goes to /dev/null with the rest.)
mkdir "$tmp/kill"
{ (ulimit -t 1; exec "$pyplan" explain Rust tests/fixtures/fosdem-2025.xml \
    --no-profile --max-talks 8 --interest rust=3 \
    -o "$tmp/kill/out.txt") >/dev/null 2>&1; st=$?; } 2>/dev/null
if [ $st -gt 128 ]; then clean "killed mid-explain" "$tmp/kill"
else skipped "killed mid-explain (finished within 1 s of CPU)"; fi

# Disk full: a private /dev/full node (a device is written, not replaced).
if mknod "$tmp/full" c 1 7 2>/dev/null; then
	"$pyplan" build $prog -o "$tmp/full" >/dev/null 2>"$tmp/err"
	st=$?; expect "disk full (device)" 74 \
	    "$tmp/full: error: write error: No space left on device"
	[ -c "$tmp/full" ] && ok || no "disk full: the device was replaced"
	clean "disk full (device)" "$tmp"
else
	skipped "disk full device (mknod needs root)"
fi
# Standard output on a full disk.
if [ -c /dev/full ]; then
	"$pyplan" build $prog >/dev/full 2>"$tmp/err"
	st=$?; expect "stdout on /dev/full" 74 "No space left on device"
fi

# Disk full on a real file system: a 16 kB tmpfs (needs root).
mkdir "$tmp/mnt"
if mount -t tmpfs -o size=16k tmpfs "$tmp/mnt" 2>/dev/null; then
	mnt=$tmp/mnt
	printf 'previous\n' >"$mnt/plan.json"
	"$pyplan" build data/pycon2018/schedule.csv \
	    --profile data/pycon2018/profile.ini -f json \
	    -o "$mnt/plan.json" >/dev/null 2>"$tmp/err"
	st=$?; expect "tmpfs full" 74 \
	    "$mnt/plan.json: error: write error: No space left on device"
	intact "tmpfs full" "$mnt/plan.json"
	clean "tmpfs full" "$mnt"
	umount "$mnt"; mnt=
else
	skipped "tmpfs disk full (mount needs root)"
fi

# pyplan batch on a full disk: the plans that fit are written, the others
# reported; nothing half-written, no temporary file (a 64 kB tmpfs).
if mount -t tmpfs -o size=64k tmpfs "$tmp/mnt" 2>/dev/null; then
	mnt=$tmp/mnt
	"$pyplan" batch data/pycon2018/attendees.csv \
	    data/pycon2018/schedule.csv -o "$mnt/plans" >/dev/null \
	    2>"$tmp/err"
	st=$?; expect "batch, tmpfs full" 74 "No space left on device"
	clean "batch, tmpfs full" "$mnt/plans"
	bad=0
	for f in "$mnt"/plans/att-*.json; do
		[ -e "$f" ] || continue
		python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
		    "$f" 2>/dev/null || bad=$((bad + 1))
	done
	if [ $bad = 0 ]; then ok; else no "batch, tmpfs full: $bad cut plans"; fi
	umount "$mnt"; mnt=
else
	skipped "batch on a full tmpfs (mount needs root)"
fi

# ^C in the middle of pyplan batch (SIGINT to its process group, the
# parent and its workers): exit 130, no temporary file, every plan whole,
# and a rerun plans the rest.
python3 tests/batch/gen_attendees.py -n 3000 -s 4 -o "$tmp/att.csv"
if command -v setsid >/dev/null; then
	setsid "$pyplan" batch "$tmp/att.csv" data/pycon2018/schedule.csv \
	    -o "$tmp/sig" -j 2 >/dev/null 2>"$tmp/err" &
	pid=$!
	sleep 0.3
	python3 -c "import os, signal, sys; os.killpg(int(sys.argv[1]), signal.SIGINT)" $pid
	wait $pid
	st=$?
	# The workers end with the parent: wait for the whole process group
	# to be gone (at most 10 s) before looking for temporary files.
	i=0
	while kill -0 -$pid 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if [ $st = 130 ]; then ok
	elif [ $st = 0 ]; then skipped "batch ^C (done before the signal)"
	else no "batch ^C: exit $st, expected 130"; fi
	clean "batch ^C" "$tmp/sig"
	bad=0 n=0
	for f in "$tmp"/sig/att-*.json; do
		[ -e "$f" ] || continue
		n=$((n + 1))
		python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
		    "$f" 2>/dev/null || bad=$((bad + 1))
	done
	if [ $bad = 0 ]; then ok; else no "batch ^C: $bad cut plans"; fi
	"$pyplan" batch "$tmp/att.csv" data/pycon2018/schedule.csv \
	    -o "$tmp/sig" -v >/dev/null 2>"$tmp/err"
	st=$?; expect "batch after ^C" 0 "3000 attendees: $((3000 - n)) planned, $n up to date"
else
	skipped "batch ^C (no setsid)"
fi

# A FIFO nobody reads: pyplan blocks opening it; ^C leaves it as it was.
if mkfifo "$tmp/fifo" 2>/dev/null; then
	"$pyplan" build $prog -o "$tmp/fifo" >/dev/null 2>"$tmp/err" &
	pid=$!
	sleep 1
	kill -INT $pid
	wait $pid
	st=$?
	if [ $st = 130 ]; then ok; else no "fifo: exit $st, expected 130"; fi
	[ -p "$tmp/fifo" ] && ok || no "fifo: replaced"
	clean "fifo" "$tmp"
fi

# A signal mid-write (fsync of the temporary file, via an LD_PRELOAD shim):
# the previous file is intact and the temporary file gone.
if ldd "$pyplan" 2>/dev/null | grep -q 'libasan\|libubsan'; then
	skipped "signal mid-write (sanitized binary)"
elif ${CC:-cc} -shared -fPIC -o "$tmp/shim.so" "$here/sigshim.c" -ldl \
    2>"$tmp/err"; then
	for sig in INT:2 TERM:15 HUP:1; do
		num=${sig#*:} sig=${sig%:*}
		printf 'previous\n' >"$tmp/plan.txt"
		PYPLAN_TEST_SIGNAL=$num LD_PRELOAD=$tmp/shim.so \
		    "$pyplan" build $prog -o "$tmp/plan.txt" >/dev/null \
		    2>"$tmp/err"
		st=$?
		if [ $st = $((128 + num)) ]; then ok
		else no "SIG$sig mid-write: exit $st, expected $((128 + num))"
		fi
		intact "SIG$sig mid-write" "$tmp/plan.txt"
		clean "SIG$sig mid-write" "$tmp"
	done
	# Without a signal the same run replaces the file.
	PYPLAN_TEST_SIGNAL= LD_PRELOAD=$tmp/shim.so "$pyplan" build $prog \
	    -o "$tmp/plan.txt" >/dev/null 2>"$tmp/err"
	st=$?
	if [ $st = 0 ] && [ -s "$tmp/plan.txt" ] &&
	    [ "$(cat "$tmp/plan.txt")" != previous ]; then ok
	else no "shim without signal: exit $st"; fi
else
	skipped "signal mid-write (cannot build the shim)"
fi

echo "output: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
