#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Checks the hallway-track events of a plan's .ics (read on stdin), with
python3-icalendar: no two of them touch (one block is one event), none
is shorter than MIN minutes, and none has a VALARM unless --alarms is
given (then every event has one).  Prints a one-line summary; exits 1 with
one line per problem.

usage: check_hallway_ics.py MIN [--alarms] < plan.ics
"""
import sys

import icalendar


def main(argv):
    if not argv or not argv[0].isdigit():
        sys.exit(__doc__.strip().splitlines()[-1])
    least, alarms = int(argv[0]), "--alarms" in argv[1:]
    cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
    events = [c for c in cal.walk("VEVENT")]
    hall = sorted((e.decoded("DTSTART"), e.decoded("DTEND"), e)
                  for e in events if str(e.get("SUMMARY")) == "Hallway track")
    errs = []
    for a, b in zip(hall, hall[1:]):
        if a[1] >= b[0]:
            errs.append(f"hallway events touch at {b[0]}")
    for s, e, ev in hall:
        if (e - s).total_seconds() < least * 60:
            errs.append(f"hallway event {s} is {e - s} long")
        has = any(True for _ in ev.walk("VALARM"))
        if has != alarms:
            errs.append(f"hallway event {s}: VALARM {has}")
    if alarms:
        errs.extend(f"{e.get('SUMMARY')}: no VALARM" for e in events
                    if not any(True for _ in e.walk("VALARM")))
    for e in errs:
        print(e)
    if errs:
        return 1
    print(f"{len(events)} events, {len(hall)} hallway blocks: none touch, "
          f"none under {least} min, alarms on them: "
          f"{'yes' if alarms else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
