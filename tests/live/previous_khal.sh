#!/bin/sh
# SPDX-License-Identifier: ISC
#
# previous_khal.sh PYPLAN
#
# A calendar update, as a new user does it (issue 15): plan FOSDEM 2025,
# import the .ics into khal, plan again with one talk skipped (the first
# talk the plan has on Saturday from 11:00), import the new .ics over the
# old one.  With --previous OLD.ics the skipped talk and
# the hallway blocks that changed must no longer show as active events,
# and nothing may be duplicated; python3-icalendar checks the same from
# the file.  Without --previous (the old behaviour, run as a control) the
# stale talk stays active and old and new hallway blocks overlap: the
# checks below must see that, or they prove nothing.
# Prints one line per finding; exits 1 if a check fails.
set -u
pyplan=${1:?usage: previous_khal.sh PYPLAN}
here=$(cd "$(dirname "$0")" && pwd)
interop=$here/../interop
prog="tests/fixtures/fosdem-2025.xml --no-profile --interest rust=3 \
--interest security=2"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-prev.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

$pyplan build $prog -o "$tmp/old.ics" || exit 1
$pyplan build $prog -f tsv -o "$tmp/old.tsv" || exit 1
skip=$(awk -F '\t' 'NR > 1 && $1 == "2025-02-01" && $2 >= "11:00" &&
    $5 == "talk" { print $6; exit }' "$tmp/old.tsv")
[ -n "$skip" ] || { echo "the first plan has no talk to skip"; exit 1; }
echo "skipped: $skip"
$pyplan build $prog --skip "$skip" --previous "$tmp/old.ics" \
	-o "$tmp/new.ics" || exit 1
$pyplan build $prog --skip "$skip" -o "$tmp/stale.ics" || exit 1

# python3-icalendar: every old UID is in the new file exactly once, the
# skipped talk cancelled with a higher SEQUENCE, unchanged items as
# they were, and pyplan's RFC 5545 promises kept.
/usr/bin/python3 "$interop/ics_events.py" --check "$tmp/new.ics" ||
	{ echo "FAIL: ics_events.py --check"; fail=1; }
/usr/bin/python3 - "$tmp/old.ics" "$tmp/new.ics" "$skip" <<'PY' || fail=1
import sys
import icalendar

def events(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    return list(cal.walk("VEVENT"))

old, new, skip = events(sys.argv[1]), events(sys.argv[2]), sys.argv[3]
uids = [str(e["UID"]) for e in new]
bad = 0
if len(uids) != len(set(uids)):
    print("FAIL: a UID appears twice in the new calendar"); bad = 1
byuid = {str(e["UID"]): e for e in new}
kept = changed = cancelled = 0
for o in old:
    n = byuid.get(str(o["UID"]))
    if n is None:
        print("FAIL: old event %s is not in the new calendar" % o["SUMMARY"])
        bad = 1
        continue
    seq_o, seq_n = int(o.get("SEQUENCE", 0)), int(n.get("SEQUENCE", 0))
    if str(n.get("STATUS", "")) == "CANCELLED":
        cancelled += 1
        if seq_n <= seq_o:
            print("FAIL: cancelled %s without a higher SEQUENCE"
                  % n["SUMMARY"]); bad = 1
        continue
    same = all(o.get(k) == n.get(k) for k in ("SUMMARY", "LOCATION")) and \
        o["DTSTART"].dt == n["DTSTART"].dt and o["DTEND"].dt == n["DTEND"].dt
    if same and seq_n == seq_o:
        kept += 1
    elif not same and seq_n > seq_o:
        changed += 1
    else:
        print("FAIL: %s: SEQUENCE %d -> %d" % (n["SUMMARY"], seq_o, seq_n))
        bad = 1
st = [str(e.get("STATUS", "")) for e in new if str(e["SUMMARY"]) == skip]
if st != ["CANCELLED"]:
    print("FAIL: '%s' in the new calendar: %s" % (skip, st)); bad = 1
added = len([u for u in uids if u not in {str(o["UID"]) for o in old}])
print("python3-icalendar: %d old events: %d unchanged, %d updated, "
      "%d cancelled; %d new" % (len(old), kept, changed, cancelled, added))
sys.exit(bad)
PY

# khal: import the old calendar, then the new one over it; list what the
# calendar shows.  Active events must not overlap or repeat, and must be
# exactly the new plan's items.
. "$interop/khal_active.sh"
reimport 2025-01-31 2025-02-03 "$tmp" || { echo "FAIL: khal"; exit 1; }
s=$(active "$tmp/khal.txt" | grep -c "|$skip\$")
echo "khal, new over old: $n active events, $o overlapping, $d UIDs twice," \
	"'$skip' active $s times"
[ "$o" = 0 ] && [ "$d" = 0 ] && [ "$s" = 0 ] || fail=1
if active "$tmp/khal.txt" | diff - "$(active "$tmp/fresh.txt" >"$tmp/f" &&
	echo "$tmp/f")" >/dev/null; then
	echo "khal: the active events are exactly those of the new plan"
else
	echo "FAIL: khal shows other active events than the new plan has"
	fail=1
fi

# The control: the same update without --previous leaves stale events.
sh "$interop/khal_reimport.sh" 2025-01-31 2025-02-03 "$tmp/old.ics" \
	"$tmp/stale.ics" >"$tmp/stale.txt" || { echo "FAIL: khal"; exit 1; }
s=$(active "$tmp/stale.txt" | grep -c "|$skip\$")
o=$(overlaps "$tmp/stale.txt")
echo "control, without --previous: '$skip' active $s times, $o overlapping"
[ "$s" -ge 1 ] && [ "$o" -ge 1 ] || { echo "FAIL: the control"; fail=1; }
exit $fail
