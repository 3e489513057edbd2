#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""A seeded generator of attendee files for `pyplan batch` (SPEC section 11).

The attendees of the bundled PyCon US 2018 programme, with interest mixes
such as a registration form would gather: two to six topics each, drawn
from the topics the programme is about with a popularity that falls off
like a Zipf law (many people pick testing, data science or Django; few
pick music), weights 1 to 3 and now and then a topic to avoid (-1); a
quarter name a favourite speaker or two (keynote speakers more often); one
in ten has a must-see talk and one in twenty a session to skip; most come
every day, some only to the tutorials or only to the main conference; a
few set their own caps.  The same seed and count give the same file on
every machine (Python's random.Random is stable for a given seed).

usage: gen_attendees.py [-n COUNT] [-s SEED] [-o FILE] [SCHEDULE]
SCHEDULE defaults to data/pycon2018/schedule.csv.
"""
import argparse
import csv
import os
import random
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(
    os.path.abspath(__file__)), "..", ".."))

# Topics that the programme's titles, tags and abstracts hold, most
# popular first (the order sets the Zipf ranks).
TOPICS = [
    "testing", "data science", "machine learning", "django", "python 3",
    "web", "performance", "packaging", "async", "security", "api",
    "jupyter", "pandas", "numpy", "deep learning", "visualization",
    "community", "education", "documentation", "database", "docker",
    "kubernetes", "cloud", "open source", "deployment", "debugging",
    "typing", "pytest", "distributed", "statistics", "teaching",
    "functional", "decorators", "generators", "concurrency", "profiling",
    "memory", "code review", "continuous integration", "serverless",
    "flask", "mock", "logging", "cython", "dependencies", "hardware",
    "games", "music", "accessibility", "diversity", "career",
    "blockchain", "unicode", "microservices", "monitoring", "metaclasses",
]

DAYS_ALL = ["2018-05-09", "2018-05-10", "2018-05-11", "2018-05-12",
            "2018-05-13"]
TUTORIAL_DAYS = DAYS_ALL[:2]
MAIN_DAYS = DAYS_ALL[2:]


def zipf_pick(rng, items, k, s=1.0):
    """k distinct items, item i drawn with weight 1 / (i + 1) ** s."""
    weights = [1.0 / (i + 1) ** s for i in range(len(items))]
    chosen = []
    pool = list(range(len(items)))
    for _ in range(min(k, len(items))):
        total = sum(weights[i] for i in pool)
        x = rng.random() * total
        for j, i in enumerate(pool):
            x -= weights[i]
            if x <= 0:
                break
        chosen.append(items[pool.pop(j)])
    return chosen


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("-s", type=int, default=1)
    ap.add_argument("-o", default="-")
    ap.add_argument("schedule", nargs="?",
                    default=os.path.join(ROOT, "data", "pycon2018",
                                         "schedule.csv"))
    a = ap.parse_args(argv)
    rng = random.Random(a.s)
    events = list(csv.DictReader(open(a.schedule, encoding="utf-8")))
    talks = [e for e in events if e["kind"] in ("talk", "tutorial")]
    titles = {}
    for e in events:
        titles[e["title"]] = titles.get(e["title"], 0) + 1
    keynoters, speakers = [], []
    for e in events:
        for s in e["speakers"].split(";"):
            s = s.strip()
            if s and s not in speakers:
                speakers.append(s)
                if e["kind"] == "plenary":
                    keynoters.append(s)
    others = [s for s in speakers if s not in keynoters]
    rng.shuffle(others)
    speaker_rank = keynoters + others

    out = sys.stdout if a.o == "-" else open(a.o, "w", newline="",
                                              encoding="utf-8")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "name", "interests", "speakers", "must", "skip",
                "days", "max-talks-per-day", "min-networking-minutes"])
    for n in range(a.n):
        r = rng.random()
        days = (TUTORIAL_DAYS if r < 0.10 else MAIN_DAYS if r < 0.35
                else sorted(rng.sample(DAYS_ALL, rng.randint(1, 2)))
                if r < 0.40 else DAYS_ALL)
        if rng.random() < 0.01:
            interests = []
        else:
            topics = zipf_pick(rng, TOPICS, rng.randint(2, 6))
            interests = [f"{t}={rng.choice((1, 2, 2, 3, 3, 3))}"
                         for t in topics]
            if rng.random() < 0.05:
                avoid = zipf_pick(rng, [t for t in TOPICS
                                        if t not in topics], 1)[0]
                interests.append(f"{avoid}=-1")
        fav = []
        if rng.random() < 0.25:
            fav = [f"{s}={rng.randint(1, 3)}" for s in
                   zipf_pick(rng, speaker_rank, rng.randint(1, 2), 0.8)]
        must = ""
        if rng.random() < 0.10:
            pool = [t for t in talks if t["date"] in days]
            if pool:
                t = rng.choice(pool)
                # A title that several events share names them all:
                # then the id, as an attendee app would send.
                must = t["title"] if titles[t["title"]] == 1 else t["id"]
        skip = ""
        if rng.random() < 0.05:
            skip = rng.choice([t for t in talks if t["title"] != must and
                               t["id"] != must])["id"]
        caps = rng.random()
        max_talks = str(rng.randint(3, 7)) if caps < 0.3 else ""
        min_net = str(rng.choice((30, 60, 120))) if caps > 0.8 else ""
        w.writerow([f"att-{n:05d}", f"Attendee {n}", "; ".join(interests),
                    "; ".join(fav), must, skip,
                    "" if days is DAYS_ALL else ";".join(days), max_talks,
                    min_net])
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
