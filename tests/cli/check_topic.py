#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Checks that a single-topic plan sits where the topic is (issue 11).

usage: check_topic.py PYPLAN PROGRAMME TOPIC...

For each TOPIC, plans PROGRAMME with `build --no-profile --interest
TOPIC=3 -f csv` and reads the events' tracks from `convert -f csv`.  A
talk-load item names the topic when its track or title holds the topic as
a word, singular or plural ("database" names "databases").  The topic's
devroom is the track whose name names the topic; its day is the day its
talks run.  Asserts that at least 90% of the planned talk-load items name
the topic, and that on the devroom's day at least 80% of them are in the
devroom.  Prints one line per topic; exits 1 if a threshold is missed,
with the figures.
"""
import csv
import io
import re
import subprocess
import sys

TALK = {"talk", "keynote", "tutorial", "workshop", "lightning", "panel"}


def run(args):
    return list(csv.DictReader(io.StringIO(subprocess.run(
        args, capture_output=True, text=True, check=True).stdout)))


def check(pyplan, programme, topic, events):
    stem = topic[:-1] if topic.endswith("s") else topic
    names = re.compile(r"\b" + re.escape(stem) + r"s?\b", re.I).search
    plan = run([pyplan, "build", "--no-profile", "-q", "--interest",
                topic + "=3", "-f", "csv", programme])
    talks = [r for r in plan if r["class"] == "talk"]
    named = [r for r in talks if names(events[r["id"]]["track"])
             or names(events[r["id"]]["title"])]
    devroom = {}
    for e in events.values():
        if names(e["track"]) and e["kind"] in TALK:
            devroom.setdefault(e["track"], set()).add(e["date"])
    problems = []
    if not talks:
        problems.append("no talk planned")
    elif 10 * len(named) < 9 * len(talks):
        problems.append(f"{len(named)} of {len(talks)} planned talks "
                        f"name {topic}")
    if len(devroom) != 1:
        problems.append(f"devroom: {sorted(devroom)}")
    for track, days in devroom.items():
        for day in sorted(days):
            on = [r for r in talks if r["date"] == day]
            inside = [r for r in on if events[r["id"]]["track"] == track]
            if not on or 10 * len(inside) < 8 * len(on):
                problems.append(f"{day}: {len(inside)} of {len(on)} "
                                f"planned talks in {track}")
    if problems:
        print(f"{topic}: FAILED: " + "; ".join(problems))
        return False
    print(f"{topic}: at least 90% name it, at least 80% in the "
          f"{' / '.join(sorted(devroom))} devroom on its day")
    return True


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__.strip().split("\n\n")[1])
    pyplan, programme = argv[0], argv[1]
    events = {e["id"]: e for e in run([pyplan, "convert", "-f", "csv",
                                        programme])}
    ok = all([check(pyplan, programme, t, events) for t in argv[2:]])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
