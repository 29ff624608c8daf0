#!/usr/bin/env python3
"""Time how soon `whoswho serve` notices a save, told by the system (inotify) against
looking every 200 ms (`--poll`), side by side in one run.

    bench/serve_bench.py [--cards 1000] [--edits 15] [--runs 2] [--binary PATH] [--work DIR]

1. Writes a corpus with bench/gen_corpus.py (CARDS cards, a tenth as many guides)
   into a work folder.
2. Alternates the two ways, RUNS times each: starts `whoswho serve --port 0` (with
   `--poll` for the second) over that folder, waits for the first build, then EDITS
   times saves one card the way many editors do (a new file renamed over the old
   one, never seen half-written), each a second after the last build, and waits for
   the rebuild's `Built … in N ms` line on standard output.
3. For each save, "notice" is the time from the rename to that line, less the N ms
   the rebuild itself took (so what is left is how long the change went unnoticed,
   plus looking at the folders and printing), and "served" is the time from the
   rename until the card's page, fetched over HTTP, shows the edit.
4. Prints medians per way and the ratios inotify / polling.

Times are wall-clock on a machine that may be shared: compare the two ways of one
run, not figures of different runs. Python 3 standard library only; needs the
debug or release binary (default: .build/release/whoswho, else .build/debug).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402


def default_binary():
    for kind in ("release", "debug"):
        path = os.path.join(ROOT, ".build", kind, "whoswho")
        if os.path.exists(path):
            return path
    sys.exit("no whoswho binary: run `swift build -c release --product whoswho` first")


def wait_until(condition, what, limit=600):
    """Polls `condition` every 5 ms; a hang guard, not a measurement."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.005)
    sys.exit(f"gave up waiting for {what}")


def save(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        sys.exit(f"{path} does not hold {old!r}")
    with open(path + ".saving~", "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))
    start = time.perf_counter()
    os.rename(path + ".saving~", path)
    return start


def session(binary, content, poll, edits, card):
    """One `whoswho serve`: EDITS saves; returns [(notice, served)] in seconds."""
    out = tempfile.NamedTemporaryFile("w+", encoding="utf-8", delete=False)
    args = [binary, "serve", "--content", content, "--themes", os.path.join(ROOT, "themes"), "--port", "0", "--today", "2026-11-27"]
    server = subprocess.Popen(args + (["--poll"] if poll else []), stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)

    def text():
        with open(out.name, encoding="utf-8") as f:
            return f.read()
    try:
        url = wait_until(lambda: (re.search(r"at (http://127\.0\.0\.1:\d+/)", text()) or [None, None])[1], "the server")
        page = url + "cards/" + os.path.basename(card)[:-3] + "/"
        results = []
        name = re.search(r"^name: (.*)$", open(card, encoding="utf-8").read(), re.M).group(1)
        for i in range(edits):
            time.sleep(1)
            built = text().count("\nBuilt ") + text().startswith("Built ")
            new = f"{name} {i}"
            start = save(card, f"name: {name}" if i == 0 else f"name: {name} {i - 1}", f"name: {new}")

            def served():
                try:
                    with urllib.request.urlopen(page) as response:
                        return new in response.read().decode("utf-8")
                except OSError:
                    return False
            wait_until(served, "the edit served")
            at_served = time.perf_counter()
            wait_until(lambda: text().count("\nBuilt ") + text().startswith("Built ") > built, "the Built line")
            at_line = time.perf_counter()
            ms = int(re.findall(r"Built \d+ files in (\d+) ms", text())[-1])
            results.append((at_line - start - ms / 1000, at_served - start))
        # Put the card back as it was.
        save(card, f"name: {name} {edits - 1}", f"name: {name}")
        return results
    finally:
        server.send_signal(2)
        server.wait(timeout=600)
        os.unlink(out.name)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--binary", default=None)
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    binary = args.binary or default_binary()
    work = args.work or tempfile.mkdtemp(prefix="whoswho-serve-bench-")
    content = gen_corpus.corpus_in(work, args.cards)
    card = os.path.join(content, "cards", sorted(n for n in os.listdir(os.path.join(content, "cards")) if n.endswith(".md"))[0])
    found = {"inotify": [], "polling": []}
    for run in range(args.runs):
        for way in ("inotify", "polling"):
            found[way] += session(binary, content, way == "polling", args.edits, card)
            print(f"run {run + 1}, {way}: done", file=sys.stderr)
    print(f"{args.cards} cards, {len(found['inotify'])} saves each way, binary {os.path.relpath(binary, ROOT)}")
    print("| median | inotify | polling (200 ms) | inotify / polling |")
    print("|---|---:|---:|---:|")
    for k, label in ((0, "save → noticed (s)"), (1, "save → page served with the edit (s)")):
        a = statistics.median(r[k] for r in found["inotify"])
        b = statistics.median(r[k] for r in found["polling"])
        print(f"| {label} | {a:.3f} | {b:.3f} | {a / b:.2f} |")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
