#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""`pyplan batch` benchmark (make bench; never part of make check).

Generates 10,000 attendees of the bundled PyCon 2018 programme with
tests/batch/gen_attendees.py (seed 1) and plans them all (--force, so
every run plans everyone) with -j 2 and -j 1, each BENCH_BATCH_RUNS times
(default 3), reporting the median wall time, attendees per second, the CPU
time and the peak RSS of the largest process (the parent or a worker:
wait4's figure covers the workers it waited for), with the load average
before and after, since the machine may be shared.  Then the demand table
(with data/pycon2018/rooms.csv): how many sessions overflow, and the
worst of them.  Targets: 10,000 attendees in <= 60 s on 2 cores, peak RSS
<= 200 MiB.

usage: batch.py PYPLAN [WORKDIR]
"""
import csv
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(
    os.path.abspath(__file__)), "..", ".."))
PYCON = os.path.join(ROOT, "data", "pycon2018", "schedule.csv")
ROOMS = os.path.join(ROOT, "data", "pycon2018", "rooms.csv")
GEN = os.path.join(ROOT, "tests", "batch", "gen_attendees.py")
RUNS = int(os.environ.get("BENCH_BATCH_RUNS", "3"))
N = 10000
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
ENV.pop("XDG_CONFIG_HOME", None)


def run_once(cmd):
    """(wall s, CPU s, peak RSS KiB) of cmd, which must succeed."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, env=ENV)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read()
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(cmd)}: exit "
                 f"{os.waitstatus_to_exitcode(status)}: "
                 f"{err.decode(errors='replace')[:300]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def main(argv):
    if len(argv) not in (1, 2):
        sys.exit(__doc__.strip().split("\n\n")[-1])
    pyplan = os.path.abspath(argv[0])
    work = os.path.abspath(argv[1] if len(argv) == 2 else os.path.join(
        os.path.dirname(pyplan), "bench"))
    os.makedirs(work, exist_ok=True)
    att = os.path.join(work, "attendees10k.csv")
    out = os.path.join(work, "batch-out")
    subprocess.run([sys.executable, GEN, "-n", str(N), "-s", "1", "-o",
                    att], check=True)
    print()
    print(f"pyplan batch: {N} generated attendees of PyCon 2018, "
          f"{RUNS} runs each (median wall, max peak RSS)")
    print(f"load average before: {os.getloadavg()[0]:.2f} on "
          f"{os.cpu_count()} CPUs (nice off)")
    print(f"{'workers':>7} {'median wall':>12} {'attendees/s':>12} "
          f"{'CPU':>9} {'peak RSS':>10}")
    best = {}
    for jobs in (2, 1):
        cmd = [pyplan, "batch", att, PYCON, "--rooms", ROOMS, "-o", out,
               "--force", "-j", str(jobs)]
        res = [run_once(cmd) for _ in range(RUNS)]
        wall = statistics.median(r[0] for r in res)
        cpu = statistics.median(r[1] for r in res)
        rss = max(r[2] for r in res)
        best[jobs] = (wall, rss)
        print(f"{jobs:>7} {wall:>11.2f}s {N / wall:>12.0f} {cpu:>8.2f}s "
              f"{rss / 1024:>8.1f} MiB")
    print(f"load average after: {os.getloadavg()[0]:.2f}")

    rows = list(csv.DictReader(open(os.path.join(out, "demand.csv"),
                                    encoding="utf-8")))
    # Sessions people choose to sit in (the talk load): a break or a
    # lunch "overflowing" its room says nothing about the room.
    talks = [r for r in rows if r["kind"] in ("talk", "keynote", "tutorial",
                                              "workshop", "lightning",
                                              "panel")]
    over = [r for r in talks if r["overflow"] == "yes"]
    print()
    print(f"demand: {len(over)} of {len(talks)} talk-load sessions overflow "
          f"their rooms (data/pycon2018/rooms.csv, illustrative capacities; "
          f"{len(rows)} sessions in demand.csv)")
    over.sort(key=lambda r: -int(r["fill_percent"]))
    for r in over[:10]:
        print(f"  {r['fill_percent']:>4}%  {r['attendees']:>5}/"
              f"{r['capacity']:<5} {r['start'][5:16]}  {r['room'][:28]:28}"
              f"  {r['title'][:48]}")
    empty = sorted((r for r in talks if r["capacity"] and
                    int(r["capacity"]) >= 1000 and
                    int(r["fill_percent"]) < 50),
                   key=lambda r: int(r["fill_percent"]))
    print(f"talks in rooms of 1,000 seats or more that are under half "
          f"full: {len(empty)}")
    for r in empty[:5]:
        print(f"  {r['fill_percent']:>4}%  {r['attendees']:>5}/"
              f"{r['capacity']:<5} {r['start'][5:16]}  {r['room'][:28]:28}"
              f"  {r['title'][:48]}")
    print()
    wall, rss = best[2]
    print(f"target {'met   ' if wall <= 60 else 'MISSED'}  {N} attendees "
          f"<= 60 s on 2 workers: {wall:.2f} s")
    print(f"target {'met   ' if rss <= 200 * 1024 else 'MISSED'}  peak RSS "
          f"<= 200 MiB: {rss / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
