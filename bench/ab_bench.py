#!/usr/bin/env python3
"""Time two whoswho binaries side by side on the same content, alternating runs.

    bench/ab_bench.py BEFORE AFTER --content DIR [--runs 5] [--work DIR]
                      [--themes-before DIR] [--themes-after DIR]

Builds DIR with BEFORE, then AFTER, then BEFORE again, RUNS times each, every
run into a new, empty folder under --work (nothing is deleted while timing; see
build_bench.py for why). Compares both binaries' first outputs (`diff -rq`) and
lists the files that differ, then prints each binary's median wall, user and system
CPU time and peak RSS, and the ratio AFTER / BEFORE. User time is the steadiest
figure on a shared machine: system time there is mostly the kernel making folders,
which swings with what else was deleted lately. Run it from the repository root
(the binaries find themes/default there), or give each binary its own themes folder
(a binary from another commit with that commit's themes, when the words a theme
must have changed between them). Python 3 standard library only.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(binary, content, output, themes=None):
    start = time.perf_counter()
    command = [binary, "build", "--content", content, "--output", output, "--today", "2026-11-27"]
    if themes:
        command += ["--themes", themes]
    with open(os.devnull, "wb") as quiet:
        child = subprocess.Popen(command, stdout=quiet, stderr=quiet)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        sys.exit(f"{binary} failed on {content}")
    return wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--content", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default=None, help="folder for the outputs (default: a new temporary folder, removed at the end)")
    parser.add_argument("--themes-before", default=None, help="the themes folder BEFORE builds with")
    parser.add_argument("--themes-after", default=None, help="the themes folder AFTER builds with")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="whoswho-ab-")
    os.makedirs(work, exist_ok=True)
    times = {"before": [], "after": []}
    for i in range(args.runs):
        for name in ("before", "after") if i % 2 == 0 else ("after", "before"):
            binary = getattr(args, name)
            out = os.path.join(work, f"{name}-{i}")
            times[name].append(run(os.path.abspath(binary), args.content, out, getattr(args, "themes_" + name)))
    diff = subprocess.run(["diff", "-rq", os.path.join(work, "before-0"), os.path.join(work, "after-0")],
                          stdout=subprocess.PIPE, text=True)
    same = diff.returncode == 0
    print(f"{args.runs} runs each, alternating; outputs {'identical' if same else 'differ'}")
    for line in diff.stdout.splitlines()[:20]:
        print("  " + line.replace(work + "/", ""))
    print("| | wall (s) | user CPU (s) | system CPU (s) | peak RSS (MB) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    medians = {}
    for name in ("before", "after"):
        medians[name] = [statistics.median(t[k] for t in times[name]) for k in range(4)]
        wall, user, system, rss = medians[name]
        print(f"| {name} | {wall:.2f} | {user:.2f} | {system:.2f} | {rss:.0f} |")
    ratios = [a / b for a, b in zip(medians["after"], medians["before"])]
    print("| after / before | " + " | ".join(f"{r:.3f}" for r in ratios) + " |", flush=True)
    if args.work is None:
        shutil.rmtree(work)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
