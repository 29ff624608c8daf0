#!/usr/bin/env python3
"""Time a rebuild after one card is saved: by `whoswho serve`, which keeps what it read
from one build to the next (a site session), against a fresh `whoswho build`, side by
side in one run.

    bench/session_bench.py [--cards 10000] [--edits 6] [--binary PATH] [--work DIR]

1. Writes a corpus with bench/gen_corpus.py (CARDS cards, a tenth as many guides) into
   a work folder (kept there, and reused, when --work is given), and copies it twice:
   one copy for the server, one for the fresh builds, so neither sees the other's saves.
2. Starts `whoswho serve --port 0` over the first copy and waits for its first build;
   builds the second copy once with `whoswho build`, so that each later build, like
   each rebuild of the server, replaces a site already there.
3. EDITS times, three things in turn (which goes first rotates): saves the first
   card's new name in the server's copy the way many editors do (a new file renamed
   over the old) and waits until the card's page, fetched over HTTP, shows it; adds a
   comment line to the server's regions.yml, which makes the server drop everything
   its session kept, so its rebuild reads and parses every file as a fresh build
   does, and waits for that rebuild; saves the card's edit in the other copy and runs
   `whoswho build` on it.
4. Prints medians: the server's rebuild after the card's save (its own `Built … in
   N ms`), the time from that save until the page showed the edit, the server's
   rebuild that read every file, and the fresh build (the whole process, as a
   contributor runs it); and the ratios to the fresh build.

Times are wall-clock on a machine that may be shared: compare the two ways of one run,
not figures of different runs. Python 3 standard library only; needs the release (or
debug) binary: `swift build -c release --product whoswho`.
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
from serve_bench import default_binary, save, wait_until  # noqa: E402

TODAY = "2026-11-27"
THEMES = os.path.join(ROOT, "themes")


def built_lines(path):
    with open(path, encoding="utf-8") as f:
        return [int(ms) for ms in re.findall(r"Built \d+ files in (\d+) ms", f.read())]


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument("--binary", default=None)
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    binary = args.binary or default_binary()
    work = args.work or tempfile.mkdtemp(prefix="whoswho-session-bench-")
    corpus = gen_corpus.corpus_in(work, args.cards)
    copies = {way: os.path.join(work, f"{way}-content") for way in ("serve", "build")}
    for copy in copies.values():
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(corpus, copy)
    site = os.path.join(work, "build-site")
    build = [binary, "build", "--content", copies["build"], "--output", site, "--themes", THEMES, "--today", TODAY, "--force"]
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)

    card_name = sorted(n for n in os.listdir(os.path.join(corpus, "cards")) if n.endswith(".md"))[0]
    cards = {way: os.path.join(copy, "cards", card_name) for way, copy in copies.items()}
    name = re.search(r"^name: (.*)$", open(cards["serve"], encoding="utf-8").read(), re.M).group(1)

    out = tempfile.NamedTemporaryFile("w+", encoding="utf-8", delete=False)
    server = subprocess.Popen([binary, "serve", "--content", copies["serve"], "--themes", THEMES, "--port", "0", "--today", TODAY],
                              stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
    found = {"rebuild": [], "served": [], "reread": [], "fresh": []}
    regions = os.path.join(copies["serve"], "regions.yml")
    try:
        def text():
            with open(out.name, encoding="utf-8") as f:
                return f.read()
        url = wait_until(lambda: (re.search(r"at (http://127\.0\.0\.1:\d+/)", text()) or [None, None])[1], "the server")
        wait_until(lambda: built_lines(out.name), "the first build")
        page = url + "cards/" + card_name[:-3] + "/"
        for i in range(args.edits):
            old = f"name: {name}" if i == 0 else f"name: {name} {i - 1}"
            new = f"{name} {i}"
            ways = ("serve", "reread", "build")
            for way in ways[i % 3:] + ways[:i % 3]:
                time.sleep(1)
                if way == "reread":
                    count = len(built_lines(out.name))
                    with open(regions, "a", encoding="utf-8") as f:
                        f.write(f"# bench {i}\n")
                    wait_until(lambda: len(built_lines(out.name)) > count, "the Built line")
                    found["reread"].append(built_lines(out.name)[-1] / 1000)
                elif way == "serve":
                    count = len(built_lines(out.name))
                    start = save(cards["serve"], old, f"name: {new}")
                    wait_until(lambda: new in fetch(page), "the edit served")
                    found["served"].append(time.perf_counter() - start)
                    wait_until(lambda: len(built_lines(out.name)) > count, "the Built line")
                    found["rebuild"].append(built_lines(out.name)[-1] / 1000)
                else:
                    save(cards["build"], old, f"name: {new}")
                    start = time.perf_counter()
                    subprocess.run(build, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
                    found["fresh"].append(time.perf_counter() - start)
            print(f"edit {i + 1} of {args.edits}: done", file=sys.stderr)
    finally:
        server.send_signal(2)
        server.wait(timeout=600)
        os.unlink(out.name)

    fresh = statistics.median(found["fresh"])
    print(f"{args.cards} cards, {args.edits} saves each way, binary {os.path.relpath(binary, ROOT)}")
    print("| median | seconds | / fresh build |")
    print("|---|---:|---:|")
    print(f"| fresh `whoswho build` (whole process) | {fresh:.3f} | 1.00 |")
    for key, label in (("rebuild", "`serve` rebuild after a card's save"), ("served", "`serve`: save → page shows the edit"),
                       ("reread", "`serve` rebuild reading every file (regions.yml touched)")):
        value = statistics.median(found[key])
        print(f"| {label} | {value:.3f} | {value / fresh:.2f} |")
    for copy in copies.values():
        shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
