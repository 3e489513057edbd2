#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Runs every command of the man page's EXAMPLES section, so the manual
cannot drift from the program: each `$ ...` line of a literal display
(with `\\e` continuations joined) runs under sh in a scratch directory
that sees the repository's data/ and tests/, with `pyplan` meaning the
binary under test.  Fails if any command exits non-zero or prints to
standard error.

usage: man_examples.py MANPAGE PYPLAN
"""
import os
import re
import subprocess
import sys
import tempfile


def examples(text):
    sect = text.split("\n.Sh EXAMPLES\n", 1)[1].split("\n.Sh ", 1)[0]
    for block in re.findall(r"\.Bd -literal[^\n]*\n(.*?)\n\.Ed", sect, re.S):
        cmd = ""
        for line in block.split("\n"):
            line = line.replace("\\e", "\\")
            if line.startswith("$ "):
                cmd = line[2:]
            elif cmd:
                cmd += "\n" + line
            else:
                continue
            if not cmd.endswith("\\"):
                yield cmd
                cmd = ""


def main():
    man, pyplan = sys.argv[1], os.path.abspath(sys.argv[2])
    root = os.path.dirname(os.path.abspath(man)) + "/.."
    cmds = list(examples(open(man, encoding="utf-8").read()))
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for d in ("data", "tests"):
            os.symlink(os.path.join(root, d), os.path.join(tmp, d))
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        os.symlink(pyplan, os.path.join(bindir, "pyplan"))
        env = dict(os.environ, PATH=bindir + ":" + os.environ["PATH"])
        for c in cmds:
            r = subprocess.run(["sh", "-c", c], cwd=tmp, env=env,
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
            if r.returncode != 0 or r.stderr:
                bad += 1
                print(f"example failed (exit {r.returncode}): {c}")
                print(r.stderr[:500])
    print(f"man examples: {len(cmds) - bad} passed, {bad} failed")
    return 1 if bad or not cmds else 0


if __name__ == "__main__":
    sys.exit(main())
