#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Compares the events of two `pyplan convert -f json` outputs.

Used by the feeds-roundtrip-* CLI cases: a programme converted to .ics and
read back must have the same events, that is the same count and the same
(start, end, title) triples, start and end compared as instants.  Prints
one summary line, or the differences and exits 1.
"""
import datetime
import json
import sys


def events(path):
    with open(path, encoding="utf-8") as f:
        evs = json.load(f)["events"]
    return sorted((datetime.datetime.fromisoformat(e["start"]).timestamp(),
                   datetime.datetime.fromisoformat(e["end"]).timestamp(),
                   e["title"]) for e in evs)


def main():
    a, b = events(sys.argv[1]), events(sys.argv[2])
    if a == b:
        print(f"{len(a)} events, same starts, ends and titles")
        return 0
    print(f"{len(a)} events before, {len(b)} after")
    for x in sorted(set(a) ^ set(b))[:10]:
        print(("lost: " if x in a else "new: ") + repr(x))
    return 1


if __name__ == "__main__":
    sys.exit(main())
