#!/bin/sh
# SPDX-License-Identifier: ISC
# Resource limits (issue 18; make limits).  Each case makes, at test time,
# an input of a class that once cost quadratic or unbounded time or
# memory, at a size that took seconds or minutes then, and runs pyplan on
# it under `ulimit -v` and `timeout`.  A case passes when pyplan exits
# with the expected status within the bound man/pyplan.1 states under
# LIMITS: BASE seconds plus PER_MB seconds per MB of input, in MEM_MIB of
# address space.  Every case prints its size, its time and its bound.
#
# usage: sh tests/limits/run.sh path/to/pyplan
#
# Adding a case: write a generator gen_NAME that writes the input files
# "$tmp/NAME.1.EXT", "$tmp/NAME.2.EXT", ... (as many as the case needs),
# and add a line to the table at the end:
#     NAME  STATUS  ARGS...
# where %1, %2, ... in ARGS stand for those files and %small for
# tests/fixtures/cli-small.csv.  The bound is the same for every case; a
# class that needs another states it in the man page first.
set -u
pyplan=${1:?usage: run.sh path/to/pyplan}
BASE=${LIMITS_BASE:-1}          # seconds, whatever the size
PER_MB=${LIMITS_PER_MB:-2}      # seconds per MB (10^6 bytes) of input
MEM_MIB=${LIMITS_MEM_MIB:-256}  # address space, MiB
small=tests/fixtures/cli-small.csv
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-limits.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# ---- generators -----------------------------------------------------------

# Issue 18 item 1: one event repeated in as many rooms (one row per room).
dup_csv_rows() {        # N ROOM-PREFIX
	awk -v n="$1" -v p="$2" 'BEGIN {
	    print "title,date,start,duration,room"
	    for (i = 0; i < n; i++)
		printf "Same duplicated talk,2018-05-11,09:00,45,%s %d\n", p, i
	}'
}
dup_ics_events() {      # N ROOM-PREFIX
	awk -v n="$1" -v p="$2" 'BEGIN {
	    printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//limits//EN\r\n"
	    for (i = 0; i < n; i++)
		printf "BEGIN:VEVENT\r\nUID:%s-%d\r\n" \
		    "DTSTART:20180511T090000Z\r\nDURATION:PT45M\r\n" \
		    "SUMMARY:Same duplicated talk\r\nLOCATION:%s %d\r\n" \
		    "END:VEVENT\r\n", p, i, p, i
	    printf "END:VCALENDAR\r\n"
	}'
}
gen_dup_csv() { dup_csv_rows 20000 Room >"$tmp/dup_csv.1.csv"; }
gen_dup_ics() { dup_ics_events 10000 Room >"$tmp/dup_ics.1.ics"; }
gen_dup_two_files() {
	dup_csv_rows 10000 Hall >"$tmp/dup_two_files.1.csv"
	dup_ics_events 10000 Room >"$tmp/dup_two_files.2.ics"
}

# Issue 18 item 3: many VTIMEZONEs with yearly rules from 1800, unused,
# used by one event each, and used at both ends of the years pyplan reads.
vtimezones() {          # N YEARS (comma-separated; "" = no events)
	awk -v n="$1" -v years="$2" 'BEGIN {
	    ny = split(years, y, ",")
	    printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//limits//EN\r\n"
	    for (i = 0; i < n; i++)
		printf "BEGIN:VTIMEZONE\r\nTZID:Zone %d\r\n" \
		    "BEGIN:STANDARD\r\nDTSTART:18001026T030000\r\n" \
		    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" \
		    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n" \
		    "BEGIN:DAYLIGHT\r\nDTSTART:18000330T020000\r\n" \
		    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" \
		    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n" \
		    "END:VTIMEZONE\r\n", i
	    for (i = 0; i < n; i++)
		for (j = 1; j <= ny; j++)
			printf "BEGIN:VEVENT\r\nUID:e%d-%d\r\n" \
			    "DTSTART;TZID=Zone %d:%s0511T090000\r\n" \
			    "DURATION:PT1H\r\nSUMMARY:Talk %d\r\nEND:VEVENT\r\n",
			    i, j, i, y[j], i
	    if (ny == 0)
		printf "BEGIN:VEVENT\r\nUID:one\r\nDTSTART:20180511T090000Z\r\n" \
		    "DURATION:PT1H\r\nSUMMARY:Talk\r\nEND:VEVENT\r\n"
	    printf "END:VCALENDAR\r\n"
	}'
}
gen_vtz_unused() { vtimezones 3000 "" >"$tmp/vtz_unused.1.ics"; }
gen_vtz_used() { vtimezones 3000 2018 >"$tmp/vtz_used.1.ics"; }
gen_vtz_used_wide() { vtimezones 2000 1800,2499 >"$tmp/vtz_used_wide.1.ics"; }

# Issue 18 item 6 and the RRULE budget: huge counts, endless rules, rules
# that walk from 1970, and as many occurrences as the budget allows.
rrules() {              # N RULE [DTSTART]
	awk -v n="$1" -v rule="$2" -v start="${3:-20180511T090000Z}" 'BEGIN {
	    printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//limits//EN\r\n"
	    for (i = 0; i < n; i++)
		printf "BEGIN:VEVENT\r\nUID:r%d\r\nDTSTART:%s\r\n" \
		    "DURATION:PT30M\r\nRRULE:%s\r\nSUMMARY:Recurring %d\r\n" \
		    "END:VEVENT\r\n", i, start, rule, i
	    printf "END:VCALENDAR\r\n"
	}'
}
gen_rrule_count() { rrules 1000 'FREQ=DAILY;COUNT=10001' >"$tmp/rrule_count.1.ics"; }
gen_rrule_forever() { rrules 1000 'FREQ=MINUTELY' >"$tmp/rrule_forever.1.ics"; }
gen_rrule_budget() { rrules 4 'FREQ=DAILY;COUNT=10000' >"$tmp/rrule_budget.1.ics"; }
gen_busy_walk() {
	rrules 200 'FREQ=SECONDLY;COUNT=100000000' 19700101T000000Z \
	    >"$tmp/busy_walk.1.ics"
}

# libical's complaints pinned to lines: a VEVENT of 20,000 junk lines.
gen_junk_lines() {
	awk 'BEGIN {
	    printf "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//limits//EN\r\n"
	    printf "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20180511T090000Z\r\n"
	    printf "DTEND:20180511T100000Z\r\nSUMMARY:Talk\r\n"
	    for (i = 0; i < 20000; i++)
		printf "junk line %d\r\n", i
	    printf "END:VEVENT\r\nEND:VCALENDAR\r\n"
	}' >"$tmp/junk_lines.1.ics"
}

# ---- the runner -----------------------------------------------------------

now() { date +%s%N; }

pass=0 fail=0
while read -r name want args; do
	case $name in ''|'#'*) continue ;; esac
	if ! "gen_$name"; then
		echo "FAIL $name: no generator"
		fail=$((fail + 1))
		continue
	fi
	bytes=0
	set --
	for a in $args; do
		case $a in
		%small) a=$small ;;
		%[0-9]*)
			a=$(ls "$tmp/$name.${a#%}".* 2>/dev/null | head -1)
			bytes=$((bytes + $(wc -c <"$a"))) ;;
		esac
		set -- "$@" "$a"
	done
	# The bound in whole milliseconds, and in seconds for timeout (the
	# run is killed a second after it, so a slow run is still timed).
	bound_ms=$((BASE * 1000 + PER_MB * bytes / 1000))
	t0=$(now)
	(
		ulimit -v $((MEM_MIB * 1024))
		exec timeout $((bound_ms / 1000 + 2)) "$pyplan" "$@"
	) >"$tmp/out" 2>"$tmp/err"
	got=$?
	ms=$(( ($(now) - t0) / 1000000 ))
	size=$(awk -v b="$bytes" 'BEGIN { printf "%.2f MB", b / 1e6 }')
	why=
	if [ "$got" = 124 ]; then
		why="killed after $((bound_ms / 1000 + 2)) s"
	elif [ "$ms" -gt "$bound_ms" ]; then
		why="took $ms ms"
	elif grep -q 'out of memory' "$tmp/err"; then
		why="out of memory under ulimit -v ${MEM_MIB} MiB"
	elif [ "$got" != "$want" ]; then
		why="exit $got, expected $want"
	fi
	if [ -n "$why" ]; then
		fail=$((fail + 1))
		echo "FAIL $name ($size): $why; bound $bound_ms ms, $MEM_MIB MiB"
		sed 's/^/  | /' "$tmp/err" | head -3
	else
		pass=$((pass + 1))
		echo "ok   $name ($size): $ms ms, bound $bound_ms ms"
	fi
	rm -f "$tmp/$name".*
done <<'EOF'
# name            status  arguments
dup_csv           0       convert -f csv %1
dup_ics           0       convert -f csv %1
dup_two_files     0       convert -f csv %1 %2
vtz_unused        0       convert -f csv %1
vtz_used          0       convert -f csv %1
vtz_used_wide     0       convert -f csv %1
rrule_count       65      convert -f csv %1
rrule_forever     65      convert -f csv %1
rrule_budget      0       convert -f csv %1
busy_walk         65      build --no-profile --busy %1 %small
junk_lines        65      convert -f csv %1
EOF
echo "limits: $pass passed, $fail failed"
[ "$fail" = 0 ]
