#!/bin/sh
# SPDX-License-Identifier: ISC
# Resource limits of the solver (issue 18 item 4): plans that are hard to
# search finish within a bound of CPU time and memory, or are refused with
# a message that names the day and the caps (exit 1), never run for
# minutes.  Each case runs under `ulimit -v` (virtual memory) and `ulimit
# -t` (CPU seconds, which the machine's load does not inflate), and its
# peak RSS must stay within 256 MiB.  The inputs are made here:
#   - 864 short talks, one starting every minute in 40 rooms (overlapping),
#     with very large caps, with binding caps, and with a networking minimum
#     no plan can meet (infeasible);
#   - 50,000 events on one day in 500 rooms (2.4 MB), with the default
#     caps, no caps, and large caps.
# Every talk of an input is worth the same per minute, so that countless
# plans tie: the ones the solver cannot finish within its budget it must
# refuse within seconds, not minutes.
#
# usage: sh tests/limits/solver.sh path/to/pyplan
set -u
pyplan=${1:?usage: solver.sh path/to/pyplan}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-limits.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mem_kib=$((768 * 1024))   # ulimit -v
rss_kib=$((256 * 1024))   # peak RSS
pass=0
fail=0

awk 'BEGIN { print "id,title,date,start,end,kind,room,timezone"
	for (i = 0; i < 864; i++) { s = 480 + i; e = s + 5 + (i * 7) % 11
		printf "t%d,Talk %d about rust,2025-03-10,%02d:%02d,%02d:%02d,talk,R%d,Europe/Paris\n",
		    i, i, s / 60, s % 60, e / 60, e % 60, i % 40 } }' >"$tmp/o864.csv"
awk 'BEGIN { print "id,title,date,start,end,kind,room,timezone"
	for (i = 0; i < 50000; i++) { s = 480 + (i * 7) % 720
		e = s + 10 + (i * 13) % 50; if (e > 1439) e = 1439
		printf "e%d,Event %d on data,2025-03-10,%02d:%02d,%02d:%02d,talk,R%d,Europe/Paris\n",
		    i, i, s / 60, s % 60, e / 60, e % 60, i % 500 } }' >"$tmp/e50k.csv"

# run NAME CPU_SECONDS WANT_STATUS WANT_STDERR ARGS...: WANT_STDERR is a
# fixed string stderr must hold ("" for none).
run() {
	name=$1 cpu=$2 want=$3 msg=$4
	shift 4
	(
		ulimit -v $mem_kib
		ulimit -t "$cpu"
		if [ -x /usr/bin/time ]; then
			exec /usr/bin/time -f 'rss %M' -o "$tmp/rss" "$pyplan" "$@"
		fi
		exec "$pyplan" "$@"
	) >/dev/null 2>"$tmp/err"
	st=$?
	why=
	rss=$(sed -n 's/^rss //p' "$tmp/rss" 2>/dev/null)
	if [ "$st" != "$want" ]; then
		why="exit $st, expected $want"
	elif [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
		why="no '$msg' on stderr"
	elif [ -n "$rss" ] && [ "$rss" -gt $rss_kib ]; then
		why="peak RSS $rss KiB over $rss_kib"
	fi
	rm -f "$tmp/rss"
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $why"
		head -3 "$tmp/err"
	fi
}

caps() { echo "--max-talks $1 --max-talk-minutes $2 --max-streak $3"; }

run overlap-huge-caps 5 0 "" build "$tmp/o864.csv" --no-profile -q \
	--interest rust=1 $(caps 500 1440 300)
run overlap-large-caps 5 0 "" build "$tmp/o864.csv" --no-profile -q \
	--interest rust=1 $(caps 200 1400 100)
# Every talk worth the same per minute: the plans within the bounds' reach
# of the optimum are too many to tell apart; refused in seconds.
run overlap-binding-caps 8 1 \
	"2025-03-10: too many possible plans (over 4194304 solver states) for 1858 candidates with max-talks-per-day=40, max-talk-minutes-per-day=600, max-consecutive-talks=20" \
	build "$tmp/o864.csv" --no-profile -q \
	--interest rust=1 $(caps 40 600 20) --min-networking 200
run overlap-infeasible 5 1 \
	"2025-03-10: min-networking-minutes=1000 (in blocks of at least 20 min) cannot be met" \
	build "$tmp/o864.csv" --no-profile -q --interest rust=1 \
	$(caps 200 1400 100) --min-networking 1000
run day50k-default 8 1 \
	"2025-03-10: too many possible plans (over 4194304 solver states) for 50846 candidates with max-talks-per-day=5, max-talk-minutes-per-day=240, max-consecutive-talks=3" \
	build "$tmp/e50k.csv" --no-profile -q --interest data=1
run day50k-no-caps 8 1 \
	"2025-03-10: too many possible plans (over 4194304 solver states) for 50846 candidates with max-talks-per-day=none" \
	build "$tmp/e50k.csv" --no-profile -q \
	--interest data=1 $(caps none none none)
run day50k-too-many 12 1 \
	"2025-03-10: too many possible plans (over 4194304 solver states) for 50846 candidates with max-talks-per-day=30, max-talk-minutes-per-day=400, max-consecutive-talks=10" \
	build "$tmp/e50k.csv" --no-profile -q --interest data=1 \
	$(caps 30 400 10) --min-networking 300
echo "limits (solver): $pass passed, $fail failed"
[ $fail = 0 ]
