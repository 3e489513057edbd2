#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""dst_check.py PYPLAN

The same wall-clock times, around every change of 2018 in five zones, as a
CSV programme, as iCalendar with IANA TZIDs, with VTIMEZONEs of their own
(TZIDs that are no IANA names, so pyplan evaluates their rules), and with
Windows zone names: pyplan must give every event the instants that
Python's zoneinfo gives (issue 18, items 5 and 8).  RFC 5545 3.3.5 reads
a time the clocks skip with the offset before the gap and a repeated time
as its first occurrence, which is zoneinfo's fold=0.  Daily recurrences
across each change are expanded by dateutil.rrule on the wall clock.

Prints one line per input form and exits 1 on any difference.
"""
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from zoneinfo import ZoneInfo

from dateutil import rrule

PYPLAN = sys.argv[1]
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
         "America/Santiago", "Europe/London"]
# VTIMEZONEs of their own for two of them, written as Outlook and libical
# would: the rules in force in 2018.
VTZ = {
    "Europe/Berlin": ("Custom Berlin", "W. Europe Standard Time", """\
BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n\
TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n\
BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n\
TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n"""),
    "America/New_York": ("Custom New York", "Eastern Standard Time", """\
BEGIN:STANDARD\r\nDTSTART:20071104T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n\
TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n\
BEGIN:DAYLIGHT\r\nDTSTART:20070311T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n\
TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\n"""),
}


def transitions(zone, year):
    """The wall-clock times (before the change) of the zone's changes."""
    tz = ZoneInfo(zone)
    t = dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc)
    prev = t.astimezone(tz).utcoffset()
    out = []
    while t.year == year:
        t2 = t + dt.timedelta(minutes=30)
        off = t2.astimezone(tz).utcoffset()
        if off != prev:
            out.append((t2 + prev).replace(tzinfo=None))
            prev = off
        t = t2
    return out


def instant(zone, local):
    """RFC 5545's reading of a wall-clock time: zoneinfo's fold=0."""
    return int(local.replace(tzinfo=ZoneInfo(zone), fold=0).timestamp())


def cases():
    """(id, zone, local start, local end, rrule count) for every case."""
    n = 0
    for zone in ZONES:
        for change in transitions(zone, 2018):
            for m in range(-90, 151, 30):
                start = change + dt.timedelta(minutes=m)
                end = start + dt.timedelta(hours=3)
                n += 1
                yield ("c%d" % n, zone, start, end, 0)
            start = (change - dt.timedelta(days=2)).replace(
                hour=change.hour, minute=30)
            n += 1
            yield ("r%d" % n, zone, start, start + dt.timedelta(hours=1), 5)


def expected():
    """id -> (start, end) instants, recurrences expanded."""
    out = {}
    for cid, zone, start, end, count in cases():
        if not count:
            out[cid] = (instant(zone, start), instant(zone, end))
            continue
        for occ in rrule.rrule(rrule.DAILY, dtstart=start, count=count):
            s = instant(zone, occ)
            e = s + 3600
            stamp = dt.datetime.fromtimestamp(s, dt.timezone.utc)
            out["%s/%s" % (cid, stamp.strftime("%Y%m%dT%H%M%SZ"))] = (s, e)
    return out


def ics(tzid_of, with_vtz):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//pyplan//dst//EN"]
    text = "\r\n".join(lines) + "\r\n"
    if with_vtz:
        for zone, (custom, windows, body) in VTZ.items():
            text += "BEGIN:VTIMEZONE\r\nTZID:%s\r\n%sEND:VTIMEZONE\r\n" % (
                tzid_of(zone), body)
    for cid, zone, start, end, count in cases():
        if with_vtz and zone not in VTZ:
            continue
        fmt = "%Y%m%dT%H%M%S"
        text += "BEGIN:VEVENT\r\nUID:%s\r\nSUMMARY:%s\r\n" % (cid, cid)
        text += "DTSTART;TZID=%s:%s\r\n" % (tzid_of(zone), start.strftime(fmt))
        if count:
            text += "DURATION:PT1H\r\nRRULE:FREQ=DAILY;COUNT=%d\r\n" % count
        else:
            text += "DTEND;TZID=%s:%s\r\n" % (tzid_of(zone),
                                              end.strftime(fmt))
        text += "END:VEVENT\r\n"
    return text + "END:VCALENDAR\r\n"


def csv():
    text = "id,title,date,start,end,timezone\n"
    for cid, zone, start, end, count in cases():
        if count:
            continue
        text += "%s,%s,%s,%s,%s,%s\n" % (
            cid, cid, start.strftime("%Y-%m-%d"), start.strftime("%H:%M"),
            end.strftime("%Y-%m-%dT%H:%M"), zone)
    return text


def run(path):
    r = subprocess.run([PYPLAN, "convert", "-f", "json", path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.stdout.write(r.stderr)
        return None
    got = {}
    for e in json.loads(r.stdout)["events"]:
        got[e["id"]] = (int(dt.datetime.fromisoformat(e["start"]).timestamp()),
                        int(dt.datetime.fromisoformat(e["end"]).timestamp()))
    return got


def main():
    want = expected()
    forms = [
        ("CSV", "dst.csv", csv(), lambda i: not i.startswith("r")),
        ("iCalendar, IANA TZIDs", "dst-iana.ics",
         ics(lambda z: z, False), lambda i: True),
        ("iCalendar, VTIMEZONEs of their own", "dst-custom.ics",
         ics(lambda z: VTZ[z][0], True), None),
        ("iCalendar, Windows names", "dst-windows.ics",
         ics(lambda z: VTZ[z][1], True), None),
    ]
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, fname, text, keep in forms:
            path = os.path.join(tmp, fname)
            with open(path, "w", newline="") as f:
                f.write(text)
            got = run(path)
            if got is None:
                print("%s: pyplan failed" % name)
                bad += 1
                continue
            zones_in = set(VTZ) if keep is None else set(ZONES)
            ids = {i for i, z in
                   ((c[0], c[1]) for c in cases()) if z in zones_in}
            sub = {k: v for k, v in want.items()
                   if k.split("/")[0] in ids and (keep is None or keep(k))}
            diff = [k for k in sorted(sub) if got.get(k) != sub[k]]
            extra = [k for k in sorted(got) if k not in sub]
            for k in (diff + extra)[:10]:
                print("%s: %s: pyplan %s, zoneinfo %s" % (
                    name, k, got.get(k), sub.get(k)))
            bad += len(diff) + len(extra)
            print("%s: %d events, %s" % (
                name, len(sub),
                "same instants as zoneinfo" if not diff and not extra
                else "%d differ" % (len(diff) + len(extra))))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
