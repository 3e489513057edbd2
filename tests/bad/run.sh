#!/bin/sh
# SPDX-License-Identifier: ISC
# Bad-input tests: every file named in tests/bad/MANIFEST (or generated
# here when its name starts with "gen:") is fed to pyplan, which must exit
# with the expected status, print the expected "file:line: message"
# (%f in the manifest stands for the file's path) and stay within a time
# limit, without any sanitizer report.
#
# usage: sh tests/bad/run.sh path/to/pyplan
set -u
pyplan=${1:?usage: run.sh path/to/pyplan}
dir=$(dirname "$0")
small=tests/fixtures/cli-small.csv
limit=${BAD_TIMEOUT:-20}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-bad.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# Makes the big inputs at test time rather than keeping megabytes in git.
gen() {
	f=$tmp/$1
	case $1 in
	long-line.csv)          # a 10 MB single line
		{ echo 'title,date,start,duration'
		  head -c 10000000 /dev/zero | tr '\0' A
		  echo ',2018-05-11,09:00,45'; } >"$f" ;;
	million-columns.csv)    # a header of 1,000,000 columns
		awk 'BEGIN { for (i = 1; i < 1000000; i++) printf "c%d,", i
		    print "title" }' >"$f" ;;
	million-fields.csv)     # a row of 1,000,000 fields
		awk 'BEGIN { print "title,date,start,duration"
		    printf "A,2018-05-11,09:00,45"
		    for (i = 4; i < 1000000; i++) printf ","; print "" }' >"$f" ;;
	long-line.ics)          # a 10 MB SUMMARY
		{ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n'
		  printf 'UID:a\r\nDTSTART:20180511T090000Z\r\nSUMMARY:'
		  head -c 10000000 /dev/zero | tr '\0' A
		  printf '\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'; } >"$f" ;;
	deeply-folded.ics)      # one 100 kB line folded 2,000 times
		{ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n'
		  printf 'UID:a\r\nDTSTART:20180511T090000Z\r\n'
		  printf 'DTEND:20180511T100000Z\r\nDESCRIPTION:'
		  awk 'BEGIN { for (i = 0; i < 2000; i++)
		      printf "%050d\r\n ", i; print "end\r" }'
		  printf 'SUMMARY:folded\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
		} >"$f" ;;
	too-many-rows.csv)      # PP_LOAD_MAX_EVENTS + 1 rows
		awk 'BEGIN { print "title,date,start,duration"
		    for (i = 0; i <= 200000; i++)
			printf "T%d,2018-05-11,09:00,45\n", i }' >"$f" ;;
	xml-many-attributes.xml) # 100,000 attributes on one element (1.1 MB)
		awk 'BEGIN { printf "<schedule><day date=\"2025-01-01\">"
		    printf "<event"; for (i = 0; i < 100000; i++)
			printf " a%d=\"1\"", i
		    print "><title>T</title></event></day></schedule>" }' \
		    >"$f" ;;
	many-columns.attendees.csv) # 1,000 columns (the limit is 100)
		awk 'BEGIN { printf "id"; for (i = 1; i < 1000; i++)
		    printf ",c%d", i; print "" }' >"$f" ;;
	million-fields.attendees.csv) # a row of 1,000,000 fields
		awk 'BEGIN { print "id,name"; printf "a1"
		    for (i = 1; i < 1000000; i++) printf ","; print "" }' \
		    >"$f" ;;
	many-rooms.rooms.csv)   # 10,001 rooms (the limit is 10,000)
		awk 'BEGIN { print "room,capacity"
		    for (i = 0; i <= 10000; i++) printf "R%d,10\n", i }' \
		    >"$f" ;;
	too-big.csv)            # over PP_LOAD_MAX_BYTES (sparse)
		truncate -s 300M "$f" ;;
	junk-lines.ics)         # 2,000,000 bad lines: diagnostics are bounded
		awk 'BEGIN { printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
		    for (i = 0; i < 2000000; i++) printf "x\r\n"
		    printf "END:VCALENDAR\r\n" }' >"$f" ;;
	junk-lines.ini)         # 200,000 bad lines in 1,000,000 bytes
		awk 'BEGIN { for (i = 0; i < 200000; i++) print "junk" }' \
		    >"$f" ;;
	huge.ini)               # over PP_PROFILE_MAX_BYTES (sparse)
		truncate -s 2M "$f" ;;
	devzero.ini)            # endless: refused, not read
		ln -s /dev/zero "$f" ;;
	*)
		echo "run.sh: no generator for $1" >&2; return 1 ;;
	esac
}

pass=0 fail=0
while read -r name want expect; do
	case $name in ''|'#'*) continue ;; esac
	case $name in
	gen:*)  name=${name#gen:}; gen "$name" || { fail=$((fail + 1))
			continue; }; f=$tmp/$name ;;
	*)      f=$dir/$name ;;
	esac
	case $name in
	*.busy.ics) set -- build --no-profile --busy "$f" "$small" ;;
	*.plan.*)   set -- build --no-profile --pins "$f" "$small" ;;
	*.prev.ics) set -- build --no-profile -f ics --previous "$f" "$small" ;;
	*.ini)      set -- build --profile "$f" "$small" ;;
	*.attendees.csv) set -- batch "$f" "$small" -o "$tmp/batch-out" ;;
	*.rooms.csv) set -- batch tests/fixtures/batch-attendees.csv "$small" \
			--rooms "$f" -o "$tmp/batch-out" ;;
	*)          set -- check -v "$f" ;;
	esac
	timeout "$limit" "$pyplan" "$@" >/dev/null 2>"$tmp/err"
	got=$?
	msg=$(printf '%s\n' "$expect" | sed "s|%f|$f|g")
	why=
	if [ "$got" = 124 ]; then
		why="took over $limit s"
	elif [ "$got" != "$want" ]; then
		why="exit $got, expected $want"
	elif ! grep -qF -- "$msg" "$tmp/err"; then
		why="no '$msg' on stderr"
	elif grep -qE 'Sanitizer|runtime error:' "$tmp/err"; then
		why="sanitizer report"
	fi
	if [ -n "$why" ]; then
		fail=$((fail + 1))
		echo "FAIL $name: $why"
		sed 's/^/  | /' "$tmp/err" | head -5
	else
		pass=$((pass + 1))
	fi
	rm -f "$tmp/$name"
done <"$dir/MANIFEST"
echo "bad: $pass passed, $fail failed"
[ "$fail" = 0 ]
