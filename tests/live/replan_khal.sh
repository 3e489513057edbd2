#!/bin/sh
# SPDX-License-Identifier: ISC
#
# replan_khal.sh PYPLAN
#
# Replanning from now (issue 15, item 2), as an attendee does it at
# FOSDEM 2025: plan the conference the evening before (JSON and .ics),
# then, at 13:00 on Saturday, the first three talks the plan has that
# afternoon are cancelled (fosdem_v2.py --cancel); replan with --from the
# old JSON and --now 13:00, and import the new .ics into khal over the
# old one.  Checks, from the two JSON plans:
#  - the morning (every item that ended by 13:00) is identical, and
#    marked attended;
#  - Sunday is identical (nothing there was cancelled);
#  - the plan drops exactly the three cancelled talks, and changes only
#    what the cancellations force plus what the penalty allows: every
#    event it adds is worth more than the penalty (its score, which
#    includes -penalty, is positive), the count of changes is what the
#    JSON says, and with a penalty of 100 nothing is added at all while
#    a penalty of 0 never makes fewer changes;
# and from khal: the active events after the re-import are exactly those
# of the new plan, with no overlap, no UID twice and no cancelled talk
# still active.  Then once more at 15:00, from the JSON the first
# replanning wrote (its uids and sequences), after one more planned talk
# is cancelled: the three calendars imported in turn must show exactly
# the last plan.  Prints one line per finding; exits 1 if a check fails.
set -u
pyplan=${1:?usage: replan_khal.sh PYPLAN}
here=$(cd "$(dirname "$0")" && pwd)
interop=$here/../interop
prof="--no-profile --interest rust=3 --interest security=2"
now=2025-02-01T13:00
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-replan.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

$pyplan build tests/fixtures/fosdem-2025.xml $prof -f json \
	-o "$tmp/old.json" || exit 1
$pyplan build tests/fixtures/fosdem-2025.xml $prof -o "$tmp/old.ics" || exit 1
ids=$(/usr/bin/python3 - "$tmp/old.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
talks = [it["id"] for d in plan["days"] for it in d["items"]
         if it["start"] >= "2025-02-01T13:00" and
         it["start"] < "2025-02-02" and it["class"] == "talk"]
print(",".join(talks[:3]))
PY
)
[ "$(echo "$ids" | tr ',' '\n' | grep -c .)" = 3 ] ||
	{ echo "the first plan has no 3 afternoon talks: $ids"; exit 1; }
/usr/bin/python3 "$here/fosdem_v2.py" --cancel "$ids" \
	tests/fixtures/fosdem-2025.xml >"$tmp/v2.xml" || exit 1
for p in 1 0 100; do
	$pyplan build "$tmp/v2.xml" $prof --from "$tmp/old.json" --now $now \
		--change-penalty $p -f json -o "$tmp/new-$p.json" \
		2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
done
$pyplan build "$tmp/v2.xml" $prof --from "$tmp/old.json" --now $now \
	-o "$tmp/new.ics" || exit 1
# The second replanning, at 15:00, from the first one's JSON.
more=$(/usr/bin/python3 - "$tmp/new-1.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
print([it["id"] for d in plan["days"] for it in d["items"]
       if it["start"] >= "2025-02-01T15:00" and it["start"] < "2025-02-02"
       and it["class"] == "talk"][0])
PY
) || exit 1
/usr/bin/python3 "$here/fosdem_v2.py" --cancel "$ids,$more" \
	tests/fixtures/fosdem-2025.xml >"$tmp/v3.xml" || exit 1
$pyplan build "$tmp/v3.xml" $prof --from "$tmp/new-1.json" \
	--now 2025-02-01T15:00 -o "$tmp/new2.ics" 2>"$tmp/err" ||
	{ cat "$tmp/err"; exit 1; }

/usr/bin/python3 - "$tmp" "$ids" <<'PY' || fail=1
import json, sys
tmp, cancelled = sys.argv[1], set(sys.argv[2].split(","))
NOW = "2025-02-01T13:00:00+01:00"
load = lambda n: json.load(open("%s/%s.json" % (tmp, n)))
old, new, free, stiff = load("old"), load("new-1"), load("new-0"), \
    load("new-100")
items = lambda p: [it for d in p["days"] for it in d["items"]]
key = lambda it: (it["id"], it["start"], it["end"], it["title"])
bad = 0

def check(ok, what):
    global bad
    print(("ok: " if ok else "FAIL: ") + what)
    bad |= not ok

morning = [key(it) for it in items(old) if it["end"] <= NOW]
attended = [key(it) for it in items(new) if it["status"] == "attended"]
check(morning == attended and len(morning) > 0,
      "the morning is kept as attended (%d items)" % len(morning))
sunday = lambda p: [key(it) for it in items(p)
                    if it["start"] >= "2025-02-02"]
check(sunday(old) == sunday(new), "Sunday is unchanged (%d items)"
      % len(sunday(old)))
ch = new["changes"]
dropped = sorted(x["id"] for x in ch["dropped"]
                 if not x["id"].startswith(("hallway-", "lunch-")))
check(dropped == sorted(cancelled) and
      all(x["why"] == "cancelled" for x in ch["dropped"]
          if x["id"] in cancelled),
      "dropped: exactly the 3 cancelled talks")
added = [it for it in items(new) if it["status"] == "added" and
         it["source"] == "programme"]
check(all(it["score"] > 0 for it in added),
      "%d events added, each worth more than the penalty" % len(added))
check(ch["changes"] == 3 + len(added) and ch["cost"] == ch["changes"],
      "changes: %d (3 forced), cost %g" % (ch["changes"], ch["cost"]))
oldkeys = {it["id"] for it in items(old)}
check(all(it["status"] in ("kept", "moved") for it in items(new)
          if it["id"] in oldkeys and it["status"] != "attended"),
      "every other item of the old plan is kept or moved")
check(stiff["changes"]["changes"] == 3,
      "change-penalty 100: only the 3 forced changes")
check(free["changes"]["changes"] >= ch["changes"],
      "change-penalty 0: %d changes, not fewer"
      % free["changes"]["changes"])
sys.exit(bad)
PY

# python3-icalendar: pyplan's RFC 5545 promises kept in the update.
/usr/bin/python3 "$interop/ics_events.py" --check "$tmp/new.ics" ||
	{ echo "FAIL: ics_events.py --check"; fail=1; }

# khal: the old calendar, then the replanned one over it.
. "$interop/khal_active.sh"
reimport 2025-01-31 2025-02-03 "$tmp" || { echo "FAIL: khal"; exit 1; }
c=$(awk -F '|' '$4 == "CANCELLED"' "$tmp/khal.txt" | wc -l)
echo "khal, new over old: $n active events, $c cancelled, $o overlapping," \
	"$d UIDs twice"
[ "$o" = 0 ] && [ "$d" = 0 ] && [ "$c" -ge 3 ] || fail=1
active "$tmp/fresh.txt" >"$tmp/f"
if active "$tmp/khal.txt" | diff - "$tmp/f" >"$tmp/d"; then
	echo "khal: the active events are exactly those of the new plan"
else
	echo "FAIL: khal shows other active events than the new plan has"
	cat "$tmp/d"
	fail=1
fi

# The second update over the first: the calendar shows the last plan.
sh "$interop/khal_reimport.sh" 2025-01-31 2025-02-03 "$tmp/old.ics" \
	"$tmp/new.ics" "$tmp/new2.ics" >"$tmp/khal2.txt" ||
	{ echo "FAIL: khal"; exit 1; }
sh "$interop/khal_reimport.sh" 2025-01-31 2025-02-03 "$tmp/new2.ics" \
	>"$tmp/fresh2.txt" || { echo "FAIL: khal"; exit 1; }
o=$(overlaps "$tmp/khal2.txt")
d=$(cut -d '|' -f 5 "$tmp/khal2.txt" | sort | uniq -d | wc -l)
echo "khal, second replanning over the first: $o overlapping, $d UIDs twice"
active "$tmp/fresh2.txt" >"$tmp/f2"
active "$tmp/khal2.txt" | diff - "$tmp/f2" >"$tmp/d2"
if [ "$o" = 0 ] && [ "$d" = 0 ] && [ ! -s "$tmp/d2" ]; then
	echo "khal: the active events are exactly those of the second plan"
else
	echo "FAIL: khal after the second replanning"
	cat "$tmp/d2"
	fail=1
fi
exit $fail
