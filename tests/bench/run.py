#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""pyplan's benchmark (make bench; never part of make check).

Generates its inputs with tests/gen/gen (bench mode) into WORKDIR:
  - a 5-day, 40-room, ~6,000-event programme, as CSV and as .ics
    (pyplan convert -f ics);
  - a 100,000-row CSV for the loader alone;
and times, as the median wall time of several runs (each run's peak RSS
from wait4):
  - the bundled PyCon 2018 plan, end to end;
  - the bundled team of eight (pyplan team), end to end, by default (a
    proven gap of 1%) and exact (--gap 0);
  - the 6,000-event plan from the CSV and from the .ics;
  - loading the 100,000 rows (pyplan check, pyplan convert -f csv);
  - start-up: pyplan --version against /bin/true;
  - glpsol on the LP pyplan emits for the same model, in the same run,
    with the optimum compared, as a ratio to pyplan: FOSDEM 2025 at the
    default caps and at larger ones, the bundled plan, generated ones;
  - how the solve grows with events per day and with the caps (the
    labelling state), up to 16 talks, 720 minutes, 8 in a row: tables.
Prints the tables and one line per target (met / MISSED), and the load
average at the start and at the end (wall times grow with it; CPU times
much less).

usage: run.py PYPLAN GEN [WORKDIR]
environment: BENCH_RUNS (default 11), BENCH_GLPSOL_LARGE=0 to skip glpsol
on the 6,000-event LP (which it does not solve within the timeout), BENCH_GLPSOL_TIMEOUT (seconds,
default 300), BENCH_GLPSOL_RUNS (default 3).
"""
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(
    os.path.abspath(__file__)), "..", ".."))
PYCON = os.path.join(ROOT, "data", "pycon2018", "schedule.csv")
FOSDEM = os.path.join(ROOT, "tests", "fixtures", "fosdem-2025.xml")
PYCON_PROFILE = os.path.join(ROOT, "data", "pycon2018", "profile.ini")
TEAM = os.path.join(ROOT, "data", "pycon2018", "team.ini")
RUNS = int(os.environ.get("BENCH_RUNS", "11"))
ENV = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
ENV.pop("XDG_CONFIG_HOME", None)


def run_once(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, peak RSS in KiB, CPU seconds)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE,
                         env=ENV)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read()
    p.stderr.close()
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)}: exit {p.returncode}: "
                 f"{err.decode(errors='replace')[:300]}")
    return wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime


CPU = {}  # command -> median CPU seconds, for the tables


def measure(cmd, runs=RUNS):
    """Median wall time (s) and the largest peak RSS (KiB) of runs runs,
    after one warm-up run; the median CPU time goes to CPU."""
    run_once(cmd)
    walls, rss, cpu = [], [], []
    for _ in range(runs):
        w, r, c = run_once(cmd)
        walls.append(w)
        rss.append(r)
        cpu.append(c)
    CPU[tuple(cmd)] = statistics.median(cpu)
    return statistics.median(walls), max(rss)


def plan_json(pyplan, args):
    """Runs pyplan build -f json; returns the parsed plan."""
    r = subprocess.run([pyplan, "build", *args, "-f", "json"],
                       capture_output=True, text=True, env=ENV, check=True)
    return json.loads(r.stdout)


def solve_stats(pyplan, args, runs=5):
    """Median solver seconds (the JSON's solver.seconds) and the stats."""
    secs, plan = [], None
    for _ in range(runs):
        plan = plan_json(pyplan, args)
        secs.append(plan["solver"]["seconds"])
    return statistics.median(secs), plan


def glpsol(lp, workdir, timeout, runs=1):
    """glpsol's median wall time over runs and optimum (in score units)
    on lp."""
    sol = os.path.join(workdir, "glpsol.sol")
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            r = subprocess.run(["glpsol", "--lp", lp, "-o", sol],
                               capture_output=True, text=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, None
        walls.append(time.perf_counter() - t0)
    text = open(sol).read() if r.returncode == 0 else ""
    m = re.search(r"Status:\s+INTEGER OPTIMAL.*?Objective:\s+obj = "
                  r"(-?[0-9.e+-]+)", text, re.S)
    return statistics.median(walls), round(float(m.group(1))) if m else None


def caps(talks, minutes, streak):
    return ["--max-talks", str(talks), "--max-talk-minutes", str(minutes),
            "--max-streak", str(streak)]


def count_csv(path):
    """Events in a CSV programme: its rows after the header."""
    with open(path, newline="", encoding="utf-8-sig") as fp:
        return sum(1 for _ in csv.reader(fp)) - 1


def ms(s):
    return f"{s * 1000:.1f} ms"


def mib(kib):
    return f"{kib / 1024:.1f} MiB"


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__.strip().split("\n\n")[-2])
    pyplan, gen = os.path.abspath(argv[0]), os.path.abspath(argv[1])
    work = os.path.abspath(argv[2] if len(argv) == 3 else
                           os.path.join(os.path.dirname(pyplan), "bench"))
    os.makedirs(work, exist_ok=True)
    big_timeout = int(os.environ.get("BENCH_GLPSOL_TIMEOUT", "300"))
    g6 = os.path.join(work, "g6000")
    big = os.path.join(work, "rows100k.csv")
    mid = os.path.join(work, "g600")

    print(f"pyplan benchmark: {RUNS} runs each (median wall, max peak "
          f"RSS), inputs in {work}")
    print(f"load average at start: {os.getloadavg()[0]:.2f} on "
          f"{os.cpu_count()} CPUs (wall times grow with it; CPU times "
          f"much less)")
    subprocess.run([gen, "-b", "-s", "1", "-d", "5", "-r", "40", "-n",
                    "6000", "-o", g6 + ".csv", "-p", g6 + ".ini"],
                   check=True)
    with open(g6 + ".ics", "w") as fp:
        subprocess.run([pyplan, "convert", "-f", "ics", g6 + ".csv"],
                       stdout=fp, env=ENV, check=True)
    subprocess.run([gen, "-b", "-s", "7", "-d", "20", "-r", "100", "-n",
                    "100000", "-o", big], check=True)
    subprocess.run([gen, "-b", "-s", "3", "-d", "2", "-r", "10", "-n",
                    "600", "-o", mid + ".csv", "-p", mid + ".ini"],
                   check=True)
    nrows = sum(1 for line in open(big) if line.startswith("E"))

    results = []   # (name, median wall, peak rss)
    targets = []   # (description, met)

    w, r = measure(["/bin/true"], runs=max(RUNS, 51))
    results.append(("/bin/true", w, r, CPU[("/bin/true",)]))
    cmd = [pyplan, "--version"]
    w2, r = measure(cmd, runs=max(RUNS, 51))
    results.append(("pyplan --version (start-up)", w2, r, CPU[tuple(cmd)]))
    targets.append((f"start-up: pyplan --version {ms(w2)} against /bin/true "
                    f"{ms(w)}, within 2 ms of it", w2 <= w + 0.002))

    cmd = [pyplan, "build", PYCON, "--profile", PYCON_PROFILE]
    w, r = measure(cmd)
    results.append(("PyCon 2018 plan (bundled CSV)", w, r, CPU[tuple(cmd)]))
    targets.append((f"PyCon 2018 plan <= 20 ms end to end: {ms(w)} "
                    f"(CPU {ms(CPU[tuple(cmd)])})", w <= 0.020))

    # The bundled team (issue 14): eight members, a booth rota and cover
    # talks, one joint model solved by GLPK.  The target is the default
    # (stop at a proven gap of 1%); the proven optimum (--gap 0) is
    # measured too, with no target: it takes seconds.
    for extra, label in (([], "default, gap 1%"), (["--gap", "0"], "exact")):
        cmd = [pyplan, "team", TEAM, PYCON, "--time-limit", "60", *extra]
        w, r = measure(cmd)
        team = json.loads(subprocess.run(cmd + ["-f", "json"],
                                         capture_output=True, text=True,
                                         env=ENV, check=True).stdout)
        results.append((f"PyCon 2018 team of 8 ({label})", w, r,
                        CPU[tuple(cmd)]))
        if extra:
            continue
        how = ("optimal" if team["optimal"] else
               f"gap {100 * team['gap']:.2f}%")
        targets.append((f"PyCon 2018 team of 8 ({label}) <= 1 s end to "
                        f"end, optimal or gap <= 1%: {ms(w)} (CPU "
                        f"{ms(CPU[tuple(cmd)])}), {how}",
                        w <= 1.0 and (team["optimal"] or
                                      team["gap"] <= 0.01)))

    cmd = [pyplan, "check", FOSDEM]
    w, r = measure(cmd)
    results.append(("FOSDEM 2025 load (pyplan check)", w, r,
                    CPU[tuple(cmd)]))

    plan6 = plan_json(pyplan, [g6 + ".csv", "--profile", g6 + ".ini"])
    nev = sum(1 for line in open(g6 + ".csv") if line.startswith("E"))
    cmd = [pyplan, "build", g6 + ".csv", "--profile", g6 + ".ini"]
    w, r = measure(cmd)
    results.append((f"{nev}-event plan (CSV)", w, r, CPU[tuple(cmd)]))
    targets.append((f"{nev}-event plan <= 100 ms: {ms(w)} (CPU "
                    f"{ms(CPU[tuple(cmd)])})", w <= 0.100))
    targets.append((f"{nev}-event plan <= 64 MiB peak RSS: {mib(r)}",
                    r <= 64 * 1024))
    plan6i = plan_json(pyplan, [g6 + ".ics", "--profile", g6 + ".ini"])
    cmd = [pyplan, "build", g6 + ".ics", "--profile", g6 + ".ini"]
    w, r = measure(cmd)
    results.append((f"{nev}-event plan (.ics)", w, r, CPU[tuple(cmd)]))
    targets.append((f"{nev}-event plan from .ics <= 200 ms: {ms(w)}",
                    w <= 0.200))
    targets.append(("the .ics plan has the CSV plan's score "
                    f"({plan6i['score']} vs {plan6['score']})",
                    plan6i["score"] == plan6["score"]))

    cmd = [pyplan, "check", big]
    w, r = measure(cmd, runs=max(3, RUNS // 2))
    results.append((f"load {nrows} CSV rows (pyplan check)", w, r,
                    CPU[tuple(cmd)]))
    targets.append((f"loading {nrows} CSV rows <= 1 s: {w:.3f} s",
                    w <= 1.0))
    cmd = [pyplan, "convert", "-f", "csv", big]
    w, r = measure(cmd, runs=max(3, RUNS // 2))
    results.append((f"load {nrows} CSV rows (convert -f csv)", w, r,
                    CPU[tuple(cmd)]))

    print()
    print(f"{'run':40} {'median wall':>12} {'median CPU':>11} "
          f"{'peak RSS':>10}")
    for name, w, r, c in results:
        print(f"{name:40} {ms(w):>12} {ms(c):>11} {mib(r):>10}")

    # glpsol on the same emitted LP, in this run.
    print()
    print(f"{'model (glpsol on the LP pyplan emits)':38} {'events':>6} "
          f"{'pyplan':>9} {'CPU':>8} {'RSS':>9} {'solve':>8} {'labels':>7} "
          f"{'glpsol':>10} {'ratio':>7}  optimum")
    fos = [FOSDEM, "--no-profile", "--interest", "rust=3", "--interest",
           "databases=2"]
    cases = [("FOSDEM 2025, default caps", fos, 943, 0.050, 32),
             ("FOSDEM 2025, 8/400/3", fos + caps(8, 400, 3), 943, None,
              None),
             ("FOSDEM 2025, 10/480/5", fos + caps(10, 480, 5), 943, 0.100,
              None),
             ("FOSDEM 2025, 12/600/6", fos + caps(12, 600, 6), 943, 0.100,
              None),
             ("FOSDEM 2025, 16/720/8", fos + caps(16, 720, 8), 943, None,
              None),
             ("PyCon 2018 (bundled)", [PYCON, "--profile", PYCON_PROFILE],
              count_csv(PYCON), None, None),
             ("generated 2 days, 10 rooms", [mid + ".csv", "--profile",
                                             mid + ".ini"],
              count_csv(mid + ".csv"), None, None)]
    if os.environ.get("BENCH_GLPSOL_LARGE", "1") != "0":
        cases.append(("generated 5 days, 40 rooms",
                      [g6 + ".csv", "--profile", g6 + ".ini"],
                      count_csv(g6 + ".csv"), None, None))
    gruns = int(os.environ.get("BENCH_GLPSOL_RUNS", "3"))
    for name, args, nev, limit, rss_limit in cases:
        lp = os.path.join(work, "model.lp")
        subprocess.run([pyplan, "build", *args, "--emit-lp", lp, "-o",
                        os.devnull], env=ENV, check=True)
        e2e, rss = measure([pyplan, "build", *args])
        cpu = CPU[(pyplan, "build", *args)]
        solve, plan = solve_stats(pyplan, args)
        ours = round(plan["score"] * 1000)
        big = nev > 3000
        gw, gobj = glpsol(lp, work, big_timeout, 1 if big else gruns)
        if gw is None:
            # glpsol gave up: the ratio is a lower bound, and the optimum
            # is not compared here (make verify compares 200 big ones).
            print(f"{name:38} {nev:>6} {ms(e2e):>9} {ms(cpu):>8} "
                  f"{mib(rss):>9} {ms(solve):>8} "
                  f"{plan['solver']['labels']:>7} "
                  f"{'> ' + str(big_timeout) + ' s':>10} "
                  f"{'> ' + str(round(big_timeout / e2e)) + 'x':>7}  "
                  f"not compared (glpsol gave up)")
            if big:
                targets.append((f"{name}: pyplan >= 100x faster than "
                                f"glpsol end to end (> {big_timeout / e2e:.0f}x:"
                                f" glpsol did not finish in {big_timeout} s)",
                                big_timeout / e2e >= 100))
            continue
        same = gobj == ours
        print(f"{name:38} {nev:>6} {ms(e2e):>9} {ms(cpu):>8} "
              f"{mib(rss):>9} {ms(solve):>8} {plan['solver']['labels']:>7} "
              f"{ms(gw):>10} {gw / e2e:>6.1f}x  "
              f"{'same' if same else 'DIFFERENT'} ({ours} / {gobj})")
        targets.append((f"{name}: same optimum as glpsol", same))
        if limit is not None:
            targets.append((f"{name}: <= {limit * 1000:.0f} ms end to end "
                            f"({ms(e2e)}, CPU {ms(cpu)}) and >= 5x faster "
                            f"than glpsol ({gw / e2e:.1f}x)",
                            e2e <= limit and gw / e2e >= 5))
        if rss_limit is not None:
            targets.append((f"{name}: peak RSS <= {rss_limit} MiB "
                            f"({mib(rss)})", rss <= rss_limit * 1024))
        if big:
            targets.append((f"{name}: pyplan >= 100x faster than glpsol "
                            f"end to end ({gw / e2e:.0f}x)", gw / e2e >= 100))

    # Growth: events per day (rooms) at the bench profile's caps, one day.
    print()
    print("growth with events per day (1 day, 30 sessions per room, "
          "bench profile caps)")
    print(f"{'rooms':>6} {'events':>7} {'solve':>10} {'labels':>9} "
          f"{'max front':>9} {'e2e':>10}")
    for rooms in (5, 10, 20, 40, 80, 160):
        base = os.path.join(work, f"grow{rooms}")
        subprocess.run([gen, "-b", "-s", "5", "-d", "1", "-r", str(rooms),
                        "-n", str(30 * rooms), "-o", base + ".csv", "-p",
                        base + ".ini"], check=True)
        args = [base + ".csv", "--profile", base + ".ini"]
        solve, plan = solve_stats(pyplan, args, runs=3)
        e2e, _ = measure([pyplan, "build", *args], runs=3)
        print(f"{rooms:>6} {30 * rooms + 6:>7} {ms(solve):>10} "
              f"{plan['solver']['labels']:>9} "
              f"{plan['solver']['max_front']:>9} {ms(e2e):>10}")

    # Growth with the caps (the labelling state), on the 6,000-event
    # programme and on FOSDEM 2025.
    for title, base_args in (
            (f"{g6}.csv", [g6 + ".csv", "--profile", g6 + ".ini"]),
            ("FOSDEM 2025", fos)):
        print()
        print(f"growth with the caps (the labelling state), {title}")
        print(f"{'max-talks':>9} {'talk-min':>8} {'streak':>6} "
              f"{'min-net':>7} {'solve':>10} {'labels':>9} "
              f"{'max front':>9} {'searches':>8}")
        for talks, tmin, streak, net in (
                ("2", "90", "1", "30"), ("5", "210", "2", "90"),
                ("8", "400", "3", "90"), ("10", "480", "5", "90"),
                ("12", "600", "6", "120"), ("14", "660", "7", "90"),
                ("16", "720", "8", "90"), ("none", "none", "none", "90"),
                ("none", "none", "none", "0"), ("5", "none", "none", "0"),
                ("none", "210", "none", "0"), ("none", "none", "2", "0")):
            args = base_args + ["--max-talks", talks, "--max-talk-minutes",
                                tmin, "--max-streak", streak,
                                "--min-networking", net]
            solve, plan = solve_stats(pyplan, args, runs=3)
            st = plan["solver"]
            print(f"{talks:>9} {tmin:>8} {streak:>6} {net:>7} "
                  f"{ms(solve):>10} {st['labels']:>9} "
                  f"{st['max_front']:>9} {st.get('searches', ''):>8}")

    print()
    missed = 0
    for desc, ok in targets:
        print(f"target {'met   ' if ok else 'MISSED'}  {desc}")
        missed += not ok
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
