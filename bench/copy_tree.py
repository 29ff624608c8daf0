#!/usr/bin/env python3
"""Copy a built site into a new folder with one `cp -r` per core at a time.

    bench/copy_tree.py SRC DST [--jobs N]

The time this takes is the cost of writing the site's files and folders with no
work done to make them: a floor under the build's wall time on this disk, timed by
bench/build_bench.py beside the builds. The entries at the top of SRC are copied
those with the most files first, each by its own `cp -r`, at most N (default: the number of cores)
at once; whoswho's build writes on every core too. Python 3 standard library only.
"""
import argparse
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def tree_files(path):
    """Files under path (1 for a file): read from the folders' listings alone, no stat."""
    if not os.path.isdir(path) or os.path.islink(path):
        return 1
    return sum(len(files) for _, _, files in os.walk(path))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    if os.path.exists(args.dst):
        sys.exit(f"{args.dst} exists; give a new folder")
    os.makedirs(args.dst)
    entries = sorted(os.listdir(args.src), key=lambda e: -tree_files(os.path.join(args.src, e)))

    def copy(entry):
        return subprocess.run(["cp", "-r", os.path.join(args.src, entry), args.dst]).returncode

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        codes = list(pool.map(copy, entries))
    sys.exit(1 if any(codes) else 0)


if __name__ == "__main__":
    main()
