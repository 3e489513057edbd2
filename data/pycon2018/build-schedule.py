#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Build data/pycon2018/schedule.csv, the bundled PyCon US 2018 programme.

Reads the schedule derived from the PyCon archive HTML and enriches it with
the pyvideo.org records (abstract, video link, tags, recorded flag).  Only
the Python standard library is used, and the output is deterministic: the
same inputs give a byte-identical file.  See data/README.md.
"""

import argparse
import csv
import json
import pathlib
import re
import sys
import unicodedata

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_DERIVED = (CORPUS / "pycon-us-2018-derived" /
                   "pycon-us-2018-schedule.derived.csv")
DEFAULT_VIDEOS = CORPUS / "pyvideo-pycon-us-2018" / "pycon-us-2018" / "videos"
DEFAULT_OUT = REPO / "data" / "pycon2018" / "schedule.csv"

HEADER = ["id", "date", "start", "end", "timezone", "kind", "title",
          "speakers", "rooms", "track", "tags", "level", "language",
          "recorded", "url", "video_url", "abstract"]

# Kinds whose rows are presentations: without a video they are "not
# recorded".  For everything else (breaks, meals, plenaries, events) the
# absence of a pyvideo record says nothing, so recorded stays empty.
PRESENTATION_KINDS = {"talk", "tutorial", "charlas"}

# Recordings that neither the presentation id nor the title can place,
# checked by hand against the schedule (speaker, title and time): pyvideo
# file name -> the ids of the rows it records.  Several rows share one
# recording where a video covers a whole plenary session.
BY_HAND = {
    # pid 137 is listed as "Randomness in Python: Controlled Chaos in an
    # Ordered Machine" by the same speaker.
    "amanda-sopkin-randomness-in-python-creating-chaos-in-an-ordered-"
    "machine-controlled-environment.json": ["137"],
    "dan-callahan-keynote-pycon-2018.json":
        ["pycon2018-2018-05-11-0930-keynote-dan-callahan"],
    "josh-lowe-invited-speaker-pycon-2018.json":
        ["pycon2018-2018-05-10-0940-invited-speaker-josh-lowe"],
    "lightning-talks-thursday-pycon-2018.json":
        ["pycon2018-2018-05-10-1150-lightning-talks"],
    "lightning-talks-friday-pycon-2018.json":
        ["pycon2018-2018-05-11-1740-lightning-talks"],
    "lightning-talks-saturday-evening-pycon-2018.json":
        ["pycon2018-2018-05-12-1740-lightning-talks"],
    "saturday-morning-lightning-talks-keynotes-pycon-2018.json":
        ["pycon2018-2018-05-12-0830-lightning-talks",
         "pycon2018-2018-05-12-0900-keynote-ying-li",
         "pycon2018-2018-05-12-0940-keynote-qumisha-goss"],
    "sunday-morning-lightning-talks-keynote-pycon-2018.json":
        ["pycon2018-2018-05-13-0830-lightning-talks",
         "pycon2018-2018-05-13-0920-keynote-brett-cannon"],
    "psf-community-service-awards-catherine-devlin-keynote-final-"
    "remarks-pycon-2018.json":
        ["pycon2018-2018-05-13-1510-python-software-foundation-community-"
         "report-and",
         "pycon2018-2018-05-13-1530-keynote-catherine-devlin",
         "pycon2018-2018-05-13-1610-final-remarks-and-conference-close"],
}

PRESENTATION_URL = re.compile(r"/schedule/presentation/(\d+)/?")


def slug(text, limit=48):
    """Lower-case ASCII words joined by '-', cut at a word boundary."""
    ascii_text = (unicodedata.normalize("NFKD", text)
                  .encode("ascii", "ignore").decode("ascii"))
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0]
    return s or "untitled"


def norm_title(title):
    """Case-, accent-, punctuation- and blank-insensitive title key."""
    t = unicodedata.normalize("NFKD", title).casefold()
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"\W+", " ", t).strip()
    return re.sub(r"\s*\bpycon( us)? 2018$", "", t)


def clean_text(s):
    """Normalises line ends to LF and strips surrounding blanks."""
    return s.replace("\r\n", "\n").replace("\r", "\n").strip()


def read_derived(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def read_videos(directory):
    videos = []
    for p in sorted(pathlib.Path(directory).glob("*.json")):
        with open(p, encoding="utf-8") as f:
            rec = json.load(f)
        pids = set()
        for rel in rec.get("related_urls", []):
            m = PRESENTATION_URL.search(rel.get("url", ""))
            if m:
                pids.add(m.group(1))
        videos.append({"file": p.name, "rec": rec, "pids": sorted(pids)})
    return videos


def sort_key(r):
    return (r["date"], r["start"], r["end"], r["title"], r["rooms"])


def assign_ids(rows):
    """Presentation id where there is one, else a readable synthetic id.

    The synthetic id is pycon2018-DATE-HHMM-TITLE; rows that share it
    (the same meal or break listed per room) get the first room appended,
    and a counter as a last resort, so every id is unique.
    """
    base = {}
    for r in rows:
        if not r["presentation_id"]:
            b = "pycon2018-%s-%s-%s" % (r["date"],
                                        r["start"].replace(":", ""),
                                        slug(r["title"]))
            base.setdefault(b, []).append(r)
    taken = {r["presentation_id"] for r in rows if r["presentation_id"]}
    for r in rows:
        if r["presentation_id"]:
            r["id"] = r["presentation_id"]
    for b, group in base.items():
        for r in group:
            cand = b
            if len(group) > 1:
                first_room = r["rooms"].split(";")[0].strip()
                cand = "%s-%s" % (b, slug(first_room or "noroom", 32))
            final, n = cand, 2
            while final in taken:
                final, n = "%s-%d" % (cand, n), n + 1
            taken.add(final)
            r["id"] = final


def enrich(rows, videos):
    """Joins videos to rows: by presentation id, by title, then BY_HAND."""
    by_pid = {r["presentation_id"]: r for r in rows if r["presentation_id"]}
    stats = {"id": 0, "title": 0, "hand": 0, "problems": 0}
    claimed = set()
    for v in videos:
        for pid in v["pids"]:
            r = by_pid.get(pid)
            if r is None:
                print("build-schedule: %s: presentation %s is not in the "
                      "schedule" % (v["file"], pid), file=sys.stderr)
                continue
            if "video" in r:
                print("build-schedule: %s: presentation %s already has a "
                      "video" % (v["file"], pid), file=sys.stderr)
                continue
            r["video"], r["match"] = v, "id"
            claimed.add(v["file"])
            stats["id"] += 1

    # Second: the normalised title must identify exactly one row and one
    # video.  pyvideo's "recorded" date is often a day or two off, so it
    # only breaks ties between rows that share a title.
    row_keys, vid_keys = {}, {}
    for r in rows:
        if "video" not in r:
            row_keys.setdefault(norm_title(r["title"]), []).append(r)
    for v in videos:
        if v["file"] not in claimed:
            vid_keys.setdefault(norm_title(v["rec"].get("title", "")),
                                []).append(v)
    for k, vs in sorted(vid_keys.items()):
        rs = row_keys.get(k, [])
        if len(vs) == 1 and len(rs) > 1:
            rs = [r for r in rs if r["date"] == vs[0]["rec"].get("recorded")]
        if len(vs) == 1 and len(rs) == 1:
            rs[0]["video"], rs[0]["match"] = vs[0], "title"
            claimed.add(vs[0]["file"])
            stats["title"] += 1

    # Last: the checked table above, for recordings whose title names
    # the session differently or that cover several rows.
    by_id = {r["id"]: r for r in rows}
    for name, ids in sorted(BY_HAND.items()):
        v = next((v for v in videos if v["file"] == name), None)
        if v is None or v["file"] in claimed:
            print("build-schedule: %s: listed by hand but %s" %
                  (name, "missing" if v is None else "already matched"),
                  file=sys.stderr)
            stats["problems"] += 1
            continue
        for rid in ids:
            r = by_id.get(rid)
            if r is None or "video" in r:
                print("build-schedule: %s: row %s %s" %
                      (name, rid, "not found" if r is None else
                       "already has a video"), file=sys.stderr)
                stats["problems"] += 1
                continue
            r["video"], r["match"] = v, "hand"
            claimed.add(v["file"])
            stats["hand"] += 1
    unused = [v["file"] for v in videos if v["file"] not in claimed]
    return stats, unused


def output_row(r):
    v = r.get("video")
    rec = v["rec"] if v else {}
    vlist = rec.get("videos") or []
    video_url = vlist[0].get("url", "") if vlist else ""
    if video_url:
        recorded = "yes"
    elif r["kind"] in PRESENTATION_KINDS:
        recorded = "no"
    else:
        recorded = ""
    speakers = [s.strip() for s in r["speakers"].split(",") if s.strip()]
    tags = [t.strip() for t in rec.get("tags", []) if t.strip()]
    return {
        "id": r["id"],
        "date": r["date"],
        "start": r["start"],
        "end": r["end"],
        "timezone": r["timezone"],
        "kind": r["kind"],
        "title": r["title"],
        "speakers": "; ".join(speakers),
        "rooms": r["rooms"],
        # The Charlas are PyCon US's Spanish-language talk track; every
        # other session of 2018 was held in English.
        "track": "Charlas" if r["kind"] == "charlas" else "",
        "tags": "; ".join(tags),
        "level": "",
        "language": "es" if r["kind"] == "charlas" else "en",
        "recorded": recorded,
        "url": r["url"],
        "video_url": video_url,
        "abstract": clean_text(rec.get("description", "")),
    }


def main():
    ap = argparse.ArgumentParser(
        description="Build the bundled PyCon US 2018 schedule CSV.")
    ap.add_argument("--derived", type=pathlib.Path, default=DEFAULT_DERIVED,
                    help="derived schedule CSV (default: %(default)s)")
    ap.add_argument("--videos", type=pathlib.Path, default=DEFAULT_VIDEOS,
                    help="directory of pyvideo *.json records "
                    "(default: %(default)s)")
    ap.add_argument("-o", "--output", type=pathlib.Path, default=DEFAULT_OUT,
                    help="output CSV (default: %(default)s)")
    args = ap.parse_args()

    for p in (args.derived, args.videos):
        if not p.exists():
            ap.error("%s: not found (pass --derived/--videos)" % p)

    raw = read_derived(args.derived)
    rows = [r for r in raw if r["title"].strip()]
    dropped = len(raw) - len(rows)
    rows.sort(key=sort_key)
    assign_ids(rows)
    videos = read_videos(args.videos)
    stats, unused = enrich(rows, videos)

    tmp = args.output.with_name(args.output.name + ".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(output_row(r))
    tmp.replace(args.output)

    pres = [r for r in rows if r["kind"] in PRESENTATION_KINDS]
    print("build-schedule: %d derived rows, %d dropped (empty title), "
          "%d written" % (len(raw), dropped, len(rows)), file=sys.stderr)
    print("build-schedule: %d pyvideo records; rows enriched by id %d, "
          "by title %d, by hand %d, not at all %d" %
          (len(videos), stats["id"], stats["title"], stats["hand"],
           sum(1 for r in rows if "video" not in r)), file=sys.stderr)
    print("build-schedule: talks/tutorials/charlas: %d, with video %d, "
          "without %d" % (len(pres), sum(1 for r in pres if "video" in r),
                          sum(1 for r in pres if "video" not in r)),
          file=sys.stderr)
    for name in unused:
        print("build-schedule: unmatched pyvideo record: %s" % name,
              file=sys.stderr)
    # A stale BY_HAND table means the inputs changed: fail loudly.
    return 1 if stats["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
