#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Writes a second version of FOSDEM 2025's frab XML, as the programme
might look on the day, for the `pyplan diff` tests:

    fosdem_v2.py tests/fixtures/fosdem-2025.xml > v2.xml

Exactly these changes, and nothing else (the events are picked by their
frab id, so the result is the same on every run):
  5 talks moved   6210 +60 min, 5987 +30 min, 5044 -30 min,
                  5339 to Sunday same time, 4749 +15 min
  3 cancelled     6544, 5653, 6058 (their titles marked "CANCELLED: ",
                  as FOSDEM's feed marks them)
  2 rooms changed 4176 -> UB5.132, 5462 -> H.1308 (Rolin)
  4 added         9001..9004 (new talks, one per day and room below)
  2 retitled      4848, 6306
Every other byte is copied as it is.

    fosdem_v2.py --cancel ID[,ID...]  (frab ids or guids) tests/fixtures/fosdem-2025.xml

writes a version with only those events cancelled (titles marked
"CANCELLED: "), for the replanning tests.
"""
import datetime
import re
import sys

MOVED = {"6210": 60, "5987": 30, "5044": -30, "5339": 24 * 60, "4749": 15}
CANCELLED = {"6544", "5653", "6058"}
ROOMS = {"4176": "UB5.132", "5462": "H.1308 (Rolin)"}
RETITLED = {
    "4848": "Advancing Java Profiling: Precision and Stability at Scale",
    "6306": "Crystal: a language for humans and for computers",
}
ADDED = [
    # id, date-time, duration, room, title, speaker
    ("9001", "2025-02-01T13:00:00+01:00", "00:25", "K.3.201",
     "Replacing a cancelled talk: LLVM office hours", "Ada Lovelace"),
    ("9002", "2025-02-01T16:00:00+01:00", "00:20", "H.2213",
     "Lightning update: the XWiki editor", "Grace Hopper"),
    ("9003", "2025-02-02T12:00:00+01:00", "00:30", "UB5.132",
     "Graph databases, one year later", "Edsger Dijkstra"),
    ("9004", "2025-02-02T17:00:00+01:00", "00:15", "UA2.114 (Baudoux)",
     "Closing remarks of the devroom", "Barbara Liskov"),
]

EVENT = re.compile(r'( *)<event guid="[^"]*" id="(\d+)">.*?</event>\n', re.S)


def field(block, name, value):
    new, n = re.subn(r"<%s>[^<]*</%s>" % (name, name),
                     "<%s>%s</%s>" % (name, value, name), block, count=1)
    assert n == 1, (name, block[:80])
    return new


def move(block, minutes):
    date = re.search(r"<date>([^<]*)</date>", block).group(1)
    t = datetime.datetime.fromisoformat(date) + datetime.timedelta(
        minutes=minutes)
    block = field(block, "date", t.isoformat())
    return field(block, "start", t.strftime("%H:%M"))


def added(indent, ev):
    i, when, dur, room, title, who = ev
    t = datetime.datetime.fromisoformat(when)
    pad = indent + "  "
    return "".join([
        indent, '<event guid="00000000-0000-4000-8000-00000000%s" id="%s">\n'
        % (i, i),
        pad, "<date>%s</date>\n" % when,
        pad, "<start>%s</start>\n" % t.strftime("%H:%M"),
        pad, "<duration>%s</duration>\n" % dur,
        pad, "<room>%s</room>\n" % room,
        pad, "<slug>fosdem-2025-%s-added</slug>\n" % i,
        pad, "<title>%s</title>\n" % title,
        pad, "<subtitle></subtitle>\n",
        pad, "<track>Added on the day</track>\n",
        pad, "<type>devroom</type>\n",
        pad, "<language>en</language>\n",
        pad, "<abstract>Added to the programme on the day.</abstract>\n",
        pad, "<description></description>\n",
        pad, "<persons>\n",
        pad, '  <person id="9%s">%s</person>\n' % (i, who),
        pad, "</persons>\n",
        indent, "</event>\n"])


def main():
    global MOVED, CANCELLED, ROOMS, RETITLED, ADDED
    args = sys.argv[1:]
    if args[0] == "--cancel":
        CANCELLED = set(args[1].split(","))
        MOVED, ROOMS, RETITLED, ADDED = {}, {}, {}, []
        args = args[2:]
    text = open(args[0], encoding="utf-8").read()
    seen = set()
    indent = [None]

    def edit(m):
        block, eid = m.group(0), m.group(2)
        guid = re.match(r' *<event guid="([^"]*)"', block).group(1)
        indent[0] = indent[0] or m.group(1)
        seen.update((eid, guid))
        if eid in CANCELLED or guid in CANCELLED:
            title = re.search(r"<title>([^<]*)</title>", block).group(1)
            block = field(block, "title", "CANCELLED: " + title)
        if eid in MOVED:
            block = move(block, MOVED[eid])
        if eid in ROOMS:
            block = field(block, "room", ROOMS[eid])
        if eid in RETITLED:
            block = field(block, "title", RETITLED[eid])
        return block

    text = EVENT.sub(edit, text)
    want = set(MOVED) | CANCELLED | set(ROOMS) | set(RETITLED)
    missing = want - seen
    assert not missing, "events not found: %s" % sorted(missing)
    # The new events go at the end of the first room of the first day:
    # frab readers take the room from each event's own <room>.
    at = text.index("    </room>\n") if ADDED else 0
    text = text[:at] + "".join(added(indent[0], e) for e in ADDED) + \
        text[at:]
    sys.stdout.write(text)


main()
