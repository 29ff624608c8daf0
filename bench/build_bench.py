#!/usr/bin/env python3
"""Time `whoswho build` against Hugo on the same content, in one run.

    bench/build_bench.py [--runs 5] [--work DIR [--reuse]] [--skip-100k] ...

1. Writes the benchmark corpus (bench/gen_corpus.py: 10,000 cards, 1,000
   guides) into a work folder, and from it two equivalent Hugo sites
   (bench/hugo_site.py): with related content and without.
2. Builds whoswho in release mode (`swift build -c release --product whoswho`,
   binary .build/release/whoswho). whoswho runs in the project folder, where
   it finds themes/default.
3. Alternates, RUNS times: `whoswho build --content C --output OUT`,
   `hugo --quiet -s HUGO -d OUT2`, the same without related content, and
   `whoswho check --content C` (check / build is the Scale target's ratio,
   so the two are timed under the same load), and a copy of that run's whoswho
   output into a new folder with one `cp -r` per core (bench/copy_tree.py): the
   time to write the same files with nothing to work out, a floor under the
   build's wall time on this disk. Every build writes into
   a new, empty output folder (OUT/run-N), so every build is a full build.
   No output is deleted while timing: on ext4 without a journal (this
   machine's disk) the kernel skips inodes freed in the last minute or more
   when it allocates new ones, so a run made just after deleting a previous
   output spends seconds more in the kernel, whichever tool it is. Outputs
   from earlier invocations are removed first, then the script syncs and waits
   until --settle seconds (default 330) have passed since outputs were last
   removed before the first timed run; this run's
   outputs are removed at the end. The wait is long because an inode whose
   table block is still dirty counts as recently freed for five minutes.
4. Scaling: whoswho at 1,000, 10,000 and 100,000 cards (guides at one tenth
   of the cards, the same shape as the main corpus), Hugo at 1,000 and
   10,000 only.
5. Prints medians (wall, CPU = user + sys, peak RSS, files and bytes written)
   and the ratios whoswho / Hugo, then the same as Markdown for
   docs/performance.md, with, for each build's last output, its files, bytes
   and largest file by kind of output (bench/output_kinds.py: card pages,
   topic, region, topic x region, guides, A-Z, index files, oruk, search,
   other), so a change can see where the bytes go.

Wall time is taken with time.perf_counter around the command; CPU time and
peak RSS come from GNU time (`/usr/bin/time -v`, Debian package `time`), or
from os.wait4's rusage when /usr/bin/time is missing (the script says so).
If whoswho cannot be built or a run fails, the error is shown and the Hugo
half still runs; the exit status is then 1. Python 3 standard library only.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402
import hugo_site  # noqa: E402
import output_kinds  # noqa: E402

GNU_TIME = "/usr/bin/time"
SCALE_SIZES = [1000, 10000, 100000]

TARGET_WALL_RATIO = 0.10     # whoswho build wall <= 1/10 of Hugo's
TARGET_RSS_RATIO = 0.50      # whoswho build peak RSS <= 1/2 of Hugo's
TARGET_CHECK_S = 1.0         # whoswho check < 1 s
TARGET_CHECK_RATIO = 0.15    # whoswho check wall <= 0.15 of whoswho build's (Scale)
TARGET_100K_S = 60.0         # 100,000 cards < 60 s
TARGET_100K_MB = 4096.0      # ... and < 4 GB


def say(*args):
    print(*args, file=sys.stderr, flush=True)


# --- Measuring ---------------------------------------------------------------

class Timer:
    """Runs a command and returns wall, user, sys, peak RSS and exit status."""

    def __init__(self, logdir):
        self.logdir = logdir
        self.gnu = os.access(GNU_TIME, os.X_OK) and subprocess.run(
            [GNU_TIME, "-v", "true"], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL).returncode == 0
        if not self.gnu:
            say(f"note: {GNU_TIME} (GNU time) not found; install it with "
                "`apt-get install time` (Debian/Ubuntu). Measuring CPU time and peak RSS "
                "through os.wait4 instead (the same kernel counters).")

    def run(self, name, cmd, cwd=None):
        out = os.path.join(self.logdir, name + ".out")
        err = os.path.join(self.logdir, name + ".err")
        tv = os.path.join(self.logdir, name + ".time")
        full = [GNU_TIME, "-v", "-o", tv] + cmd if self.gnu else cmd
        with open(out, "wb") as fo, open(err, "wb") as fe:
            t0 = time.perf_counter()
            try:
                p = subprocess.Popen(full, stdout=fo, stderr=fe, cwd=cwd)
            except OSError as e:
                return {"name": name, "cmd": cmd, "rc": 127, "error": str(e)}
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
        r = {"name": name, "cmd": cmd, "wall": wall, "rc": p.returncode, "stderr": err}
        if self.gnu:
            r.update(parse_gnu_time(tv))
            if "rc" not in r or r["rc"] is None:
                r["rc"] = p.returncode
        else:
            r.update(user=ru.ru_utime, sys=ru.ru_stime, rss_kb=ru.ru_maxrss)
        r["cpu"] = r.get("user", 0.0) + r.get("sys", 0.0)
        return r


def parse_gnu_time(path):
    """user, sys, peak RSS and exit status from `/usr/bin/time -v -o path`."""
    text = open(path, encoding="utf-8", errors="replace").read()
    pick = lambda pat, conv: (conv(m.group(1)) if (m := re.search(pat, text)) else None)
    r = {"user": pick(r"User time \(seconds\): ([\d.]+)", float) or 0.0,
         "sys": pick(r"System time \(seconds\): ([\d.]+)", float) or 0.0,
         "rss_kb": pick(r"Maximum resident set size \(kbytes\): (\d+)", int) or 0}
    status = pick(r"Exit status: (\d+)", int)
    if status is not None:
        r["rc"] = status
    signal = pick(r"Command terminated by signal (\d+)", int)
    if signal is not None:
        r["rc"] = -signal
    return r


def tail(path, n=25):
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        return ""
    return "\n".join(lines[-n:])


def tree_size(path):
    files = total = 0
    for d, _, names in os.walk(path):
        for n in names:
            try:
                total += os.lstat(os.path.join(d, n)).st_size
                files += 1
            except OSError:
                pass
    return files, total


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# --- Tools ---------------------------------------------------------------------

class Tool:
    """One thing to time (whoswho build, Hugo, ...), with its runs and failure."""

    def __init__(self, label, make_cmd, out=None, cwd=None):
        self.label = label
        self.cwd = cwd             # whoswho finds themes/default from the project folder
        self.make_cmd = make_cmd   # (run index, output folder or None) -> argv
        self.out = out             # folder holding one output folder per run, or None
        self.runs = []
        self.failed = None         # message when a run failed
        self.files = self.bytes = None
        self.last_out = None       # the last run's output folder, for its breakdown by kind

    def measure(self, timer, key, i):
        if self.failed:
            return
        out = None
        if self.out:
            # A new folder per run: nothing is deleted while timing (see the top).
            out = os.path.join(self.out, f"{key}-run-{i + 1}")
            os.makedirs(self.out, exist_ok=True)
        r = timer.run(f"{key}-{i}", self.make_cmd(i, out), cwd=self.cwd)
        if r["rc"] != 0:
            why = r.get("error") or f"exit status {r['rc']}"
            self.failed = f"{self.label} failed ({why}): {' '.join(r['cmd'])}"
            say(f"error: {self.failed}")
            if r.get("stderr"):
                t = tail(r["stderr"])
                if t:
                    say("  last lines of its stderr:\n    " + t.replace("\n", "\n    "))
            return
        if out:
            files, size = tree_size(out)
            if self.files is not None and (files, size) != (self.files, self.bytes):
                say(f"note: {self.label} wrote {files} files / {size} bytes this run, "
                    f"{self.files} / {self.bytes} before")
            self.files, self.bytes = files, size
            self.last_out = out
        self.runs.append(r)
        say(f"  {self.label:<28} run {i + 1}: {r['wall']:7.2f} s wall, {r['cpu']:7.2f} s CPU, "
            f"{r['rss_kb'] / 1024:7.0f} MB peak")

    def stat(self, field):
        return median(r.get(field) for r in self.runs)

    def summary(self):
        if not self.runs:
            return {"label": self.label, "failed": self.failed, "runs": 0}
        walls = [r["wall"] for r in self.runs]
        return {"label": self.label, "runs": len(self.runs), "failed": self.failed,
                "wall": self.stat("wall"), "wall_min": min(walls), "wall_max": max(walls),
                "cpu": self.stat("cpu"), "user": self.stat("user"), "sys": self.stat("sys"),
                "rss_mb": self.stat("rss_kb") / 1024, "files": self.files, "bytes": self.bytes,
                "kinds": self.last_out and output_kinds.breakdown(self.last_out),
                "all_runs": [{k: r.get(k) for k in ("wall", "user", "sys", "cpu", "rss_kb")}
                             for r in self.runs]}


def alternate(timer, tools, runs, key):
    for i in range(runs):
        for name, tool in tools:
            tool.measure(timer, f"{key}-{name}", i)


# --- Set-up --------------------------------------------------------------------

def generator_digest():
    h = hashlib.sha256()
    h.update(open(gen_corpus.__file__, "rb").read())
    return h.hexdigest()[:16]


def corpus(work, cards, guides, seed, reuse):
    """Path of a generated corpus, written unless --reuse finds it complete."""
    path = os.path.join(work, f"corpus-{cards}")
    stamp_path = path + ".stamp"
    stamp = f"cards={cards} guides={guides} seed={seed} generator={generator_digest()}\n"
    if reuse and os.path.isdir(path) and os.path.isfile(stamp_path) \
            and open(stamp_path).read() == stamp:
        say(f"reusing corpus {path}")
        return path
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    say(f"writing corpus: {cards} cards, {guides} guides -> {path}")
    t0 = time.perf_counter()
    shutil.rmtree(path, ignore_errors=True)
    gen_corpus.prepare(path, force=True)
    files, size = gen_corpus.generate(path, cards, guides, seed)
    say(f"  {files} files, {size / 1e6:.1f} MB in {time.perf_counter() - t0:.1f} s")
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return path


def remove_outputs(work):
    """Removes the output folders in `work` and notes when, for settle_left."""
    names = [n for n in sorted(os.listdir(work)) if n.startswith("out-")]
    for name in names:
        shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    if names:
        os.sync()
        with open(os.path.join(work, "outputs-removed.stamp"), "w") as f:
            f.write(f"{time.time()}\n")


def settle_left(work, settle):
    """Seconds still to wait after the last removal of outputs in `work`."""
    try:
        with open(os.path.join(work, "outputs-removed.stamp")) as f:
            removed = float(f.read())
    except (OSError, ValueError):
        return 0
    return max(0.0, removed + settle - time.time())


def hugo_sites(work, content, cards):
    rel = os.path.join(work, f"hugo-{cards}")
    norel = os.path.join(work, f"hugo-{cards}-norel")
    hugo_site.make_site(content, rel, related=True)
    hugo_site.make_site(content, norel, related=False)
    return rel, norel


def build_whoswho(binary, build):
    """Path of a runnable whoswho binary, or None after saying why."""
    if build:
        cmd = ["swift", "build", "-c", "release", "--product", "whoswho"]
        say(f"building whoswho: {' '.join(cmd)} (in {ROOT})")
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as e:
            say(f"error: cannot run swift ({e}); is the Swift toolchain on PATH?")
            return None
        if p.returncode != 0:
            lines = p.stdout.decode("utf-8", "replace").splitlines()
            say(f"error: `{' '.join(cmd)}` failed (exit status {p.returncode}); last lines:\n    "
                + "\n    ".join(lines[-30:]))
            return None
        say(f"  built in {time.perf_counter() - t0:.1f} s")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        say(f"error: whoswho binary not found at {binary}")
        return None
    return binary


def hugo_binary():
    path = shutil.which("hugo")
    if not path:
        say("error: hugo not found on PATH (Debian/Ubuntu: apt-get install hugo); "
            "skipping the Hugo half")
        return None, None
    v = subprocess.run([path, "version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    m = re.search(r"v(\d+\.\d+\.\d+)", v.stdout.decode("utf-8", "replace"))
    return path, m.group(1) if m else "?"


def machine(hugo_version):
    info = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cores": os.cpu_count(), "kernel": platform.release(),
            "python": platform.python_version(), "hugo": hugo_version}
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                info["os"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    try:
        v = subprocess.run(["swift", "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT).stdout.decode("utf-8", "replace")
        m = re.search(r"Swift version (\S+)", v)
        info["swift"] = m.group(1) if m else "?"
    except OSError:
        info["swift"] = None
    return info


def loadavg():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


# --- Reporting -----------------------------------------------------------------

def fmt(x, spec=".2f", none="-"):
    return none if x is None else format(x, spec)


def ratio(a, b, field):
    if not a or not b or a.get(field) is None or not b.get(field):
        return None
    return a[field] / b[field]


def verdict(value, limit, less_than=False):
    if value is None:
        return "not measured"
    ok = value < limit if less_than else value <= limit
    return "met" if ok else "NOT met"


def report(res, args):
    m = res["machine"]
    main = res["main"]
    w, h, hn, c, cp = (main.get(k) for k in ("whoswho", "hugo", "hugo_norel", "check", "copy"))
    lines = []
    p = lines.append
    p("")
    p(f"== Build benchmark: {args.cards:,} cards + {args.guides:,} guides "
      f"(corpus {res['corpus_mb']:.1f} MB), median of {args.runs} runs ==")
    p(f"machine: {m.get('cpu', '?')}, {m.get('cores')} cores, {m.get('memory_gb', '?')} GB, "
      f"{m.get('os', '?')}; Hugo {m.get('hugo') or '-'}, Swift {m.get('swift') or '-'}; "
      f"load average {res['load_start']} at start, {res['load_end']} at end")
    p("")
    p(f"{'':28} {'runs':>4} {'wall s':>8} {'(min-max)':>15} {'CPU s':>8} {'peak MB':>8} "
      f"{'files':>7} {'MB out':>8}")
    for t in (w, h, hn, c, cp):
        if not t:
            continue
        if not t["runs"]:
            p(f"{t['label']:28} {'0':>4}  FAILED: {t['failed']}")
            continue
        rng = f"{t['wall_min']:.2f}-{t['wall_max']:.2f}"
        p(f"{t['label']:28} {t['runs']:>4} {t['wall']:8.2f} {rng:>15} {t['cpu']:8.2f} "
          f"{t['rss_mb']:8.0f} {fmt(t['files'], 'd'):>7} "
          f"{fmt(t['bytes'] and t['bytes'] / 1e6, '.1f'):>8}")
    p("")
    p("ratios whoswho build / Hugo (lower is better):")
    for label, ref in (("Hugo", h), ("Hugo without related", hn)):
        p(f"  vs {label:22} wall {fmt(ratio(w, ref, 'wall'), '.3f')}  "
          f"CPU {fmt(ratio(w, ref, 'cpu'), '.3f')}  peak RSS {fmt(ratio(w, ref, 'rss_mb'), '.3f')}")
    p(f"whoswho check / whoswho build: wall {fmt(ratio(c, w, 'wall'), '.3f')}  "
      f"CPU {fmt(ratio(c, w, 'cpu'), '.3f')}  peak RSS {fmt(ratio(c, w, 'rss_mb'), '.3f')}")
    p(f"floors / Hugo (wall): copying whoswho's site {fmt(ratio(cp, h, 'wall'), '.3f')}  "
      f"check {fmt(ratio(c, h, 'wall'), '.3f')}")
    p("")
    p("targets (issue 6):")
    p(f"  build wall <= {TARGET_WALL_RATIO} x Hugo:                 "
      f"{verdict(ratio(w, h, 'wall'), TARGET_WALL_RATIO)}")
    # "the generator must beat that one too": faster than Hugo without related content.
    p(f"  build faster than Hugo without related:  "
      f"{verdict(ratio(w, hn, 'wall'), 1.0, less_than=True)}")
    p(f"  build peak RSS <= {TARGET_RSS_RATIO} x Hugo:             "
      f"{verdict(ratio(w, h, 'rss_mb'), TARGET_RSS_RATIO)}")
    p(f"  check < {TARGET_CHECK_S:.0f} s:                              "
      f"{verdict(c and c.get('wall'), TARGET_CHECK_S, less_than=True)}")
    p(f"  check wall <= {TARGET_CHECK_RATIO} x build (Scale):        "
      f"{verdict(ratio(c, w, 'wall'), TARGET_CHECK_RATIO)}")
    big = next((s for s in res["scaling"] if s["cards"] == 100000), None)
    bw = big and big.get("whoswho") or {}
    p(f"  100,000 cards < {TARGET_100K_S:.0f} s and < 4 GB:          "
      f"{verdict(bw.get('wall'), TARGET_100K_S, True)} / "
      f"{verdict(bw.get('rss_mb'), TARGET_100K_MB, True)}")

    if res["scaling"]:
        p("")
        p("== Scaling (whoswho build; Hugo at 1,000 and 10,000 only) ==")
        p(f"{'cards':>8} {'guides':>7} {'MB in':>7} {'runs':>4} {'wall s':>8} {'CPU s':>8} "
          f"{'peak MB':>8} {'s/1k cards':>10} {'Hugo s':>8} {'Hugo nr s':>9}")
        for s in res["scaling"]:
            sw = s.get("whoswho") or {}
            per = sw.get("wall") and sw["wall"] / s["cards"] * 1000
            p(f"{s['cards']:>8,} {s['guides']:>7,} {s['corpus_mb']:7.1f} {sw.get('runs', 0):>4} "
              f"{fmt(sw.get('wall')):>8} {fmt(sw.get('cpu')):>8} {fmt(sw.get('rss_mb'), '.0f'):>8} "
              f"{fmt(per, '.3f'):>10} {fmt((s.get('hugo') or {}).get('wall')):>8} "
              f"{fmt((s.get('hugo_norel') or {}).get('wall')):>9}")
    p("")
    p(markdown(res, args))
    return "\n".join(lines)


def markdown(res, args):
    m = res["machine"]
    main = res["main"]
    w, h, hn, c, cp = (main.get(k) for k in ("whoswho", "hugo", "hugo_norel", "check", "copy"))
    out = []
    p = out.append
    p(f"### Build: {args.cards:,} cards and {args.guides:,} guides "
      f"(median of {args.runs} runs)")
    p("")
    p(f"Machine: {m.get('cpu', '?')}, {m.get('cores')} cores, {m.get('memory_gb', '?')} GB RAM, "
      f"{m.get('os', '?')} (kernel {m.get('kernel')}); Swift {m.get('swift') or '-'}, "
      f"Hugo {m.get('hugo') or '-'}; {m.get('date')}; load average {res['load_start']} "
      f"before, {res['load_end']} after. Corpus: `bench/gen_corpus.py` "
      f"(seed {args.seed}), {res['corpus_mb']:.1f} MB.")
    p("")
    p("| | wall (s) | wall min–max (s) | CPU user+sys (s) | peak RSS (MB) | files written | MB written |")
    p("|---|---:|---:|---:|---:|---:|---:|")
    for t in (w, h, hn, c, cp):
        if not t:
            continue
        if not t["runs"]:
            p(f"| {t['label']} | failed | | | | | |")
            continue
        p(f"| {t['label']} | {t['wall']:.2f} | {t['wall_min']:.2f}–{t['wall_max']:.2f} | "
          f"{t['cpu']:.2f} | {t['rss_mb']:.0f} | {fmt(t['files'], ',')} | "
          f"{fmt(t['bytes'] and t['bytes'] / 1e6, '.1f')} |")
    for label, ref in (("Hugo", h), ("Hugo without related", hn)):
        if w and ref:
            p(f"| whoswho build / {label} | {fmt(ratio(w, ref, 'wall'), '.3f')} | | "
              f"{fmt(ratio(w, ref, 'cpu'), '.3f')} | {fmt(ratio(w, ref, 'rss_mb'), '.3f')} | | |")
    if w and c:
        p(f"| whoswho check / whoswho build | {fmt(ratio(c, w, 'wall'), '.3f')} | | "
          f"{fmt(ratio(c, w, 'cpu'), '.3f')} | {fmt(ratio(c, w, 'rss_mb'), '.3f')} | | |")
    for t in (cp, c):
        if t and h:
            p(f"| {t['label']} / Hugo | {fmt(ratio(t, h, 'wall'), '.3f')} | | "
              f"{fmt(ratio(t, h, 'cpu'), '.3f')} | | | |")
    p("")
    p(kinds_markdown(res, args))
    if res["scaling"]:
        p("")
        p("### Scaling (whoswho build; guides at one tenth of the cards)")
        p("")
        p("| cards | guides | corpus (MB) | wall (s) | CPU (s) | peak RSS (MB) | "
          "wall per 1,000 cards (s) | Hugo wall (s) | Hugo without related (s) |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for s in res["scaling"]:
            sw = s.get("whoswho") or {}
            per = sw.get("wall") and sw["wall"] / s["cards"] * 1000
            p(f"| {s['cards']:,} | {s['guides']:,} | {s['corpus_mb']:.1f} | "
              f"{fmt(sw.get('wall'))} | {fmt(sw.get('cpu'))} | {fmt(sw.get('rss_mb'), '.0f')} | "
              f"{fmt(per, '.3f')} | {fmt((s.get('hugo') or {}).get('wall'))} | "
              f"{fmt((s.get('hugo_norel') or {}).get('wall'))} |")
    return "\n".join(out)


def kinds_markdown(res, args):
    """Where the bytes go: each build's output by kind (bench/output_kinds.py), for the
    main corpus and for each scaling size above it."""
    out = ["### Output by kind"]
    main = res["main"]
    for key in ("whoswho", "hugo"):
        t = main.get(key)
        if t and t.get("kinds"):
            out += ["", output_kinds.table(f"{t['label']}, {args.cards:,} cards", t["kinds"], args.cards)]
    for s in res["scaling"]:
        t = s.get("whoswho")
        if s["cards"] > args.cards and t and t.get("kinds"):
            out += ["", output_kinds.table(f"{t['label']}, {s['cards']:,} cards", t["kinds"], s["cards"])]
    return "\n".join(out)


# --- Main ----------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(
        description="Time whoswho build/check against Hugo on the benchmark corpus.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each build")
    ap.add_argument("--cards", type=int, default=10000, help="cards in the main corpus")
    ap.add_argument("--guides", type=int, default=1000, help="guides in the main corpus")
    ap.add_argument("--seed", type=int, default=67008, help="corpus seed")
    ap.add_argument("--work", help="work folder for corpora, Hugo sites and outputs "
                    "(default: a new temporary folder, removed at the end); "
                    "bench/out/ is git-ignored")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse corpora already in --work when made with the same arguments")
    ap.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "whoswho"),
                    help="whoswho binary")
    ap.add_argument("--no-swift-build", action="store_true",
                    help="use --binary as it is instead of running swift build first")
    ap.add_argument("--no-whoswho", action="store_true", help="time Hugo only")
    ap.add_argument("--no-hugo", action="store_true", help="time whoswho only")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 1k/10k/100k scaling run")
    ap.add_argument("--skip-100k", action="store_true", help="scaling run at 1k and 10k only")
    ap.add_argument("--scale-runs", type=int, default=3, help="timed runs per scaling size")
    ap.add_argument("--json", help="also write every measurement to this JSON file")
    ap.add_argument("--markdown", help="also write the Markdown tables to this file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is not met")
    ap.add_argument("--settle", type=int, default=330,
                    help="seconds to wait after removing earlier outputs before timing (default 330)")
    args = ap.parse_args()
    if args.runs < 1 or args.scale_runs < 1:
        ap.error("--runs and --scale-runs must be at least 1")

    made_work = not args.work
    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="whoswho-bench-"))
    os.makedirs(work, exist_ok=True)
    logs = os.path.join(work, "logs")
    shutil.rmtree(logs, ignore_errors=True)
    os.makedirs(logs)
    say(f"work folder: {work}")
    timer = Timer(logs)
    problems = []

    hugo, hugo_version = (None, None) if args.no_hugo else hugo_binary()
    if not args.no_hugo and not hugo:
        problems.append("hugo not found")
    whoswho = None
    if not args.no_whoswho:
        whoswho = build_whoswho(os.path.abspath(args.binary), not args.no_swift_build)
        if not whoswho:
            problems.append("whoswho could not be built")
            say("continuing with the Hugo half only")

    # Outputs of earlier invocations go first, then the disk settles (see the top).
    remove_outputs(work)
    wait = settle_left(work, args.settle)
    if wait > 0:
        say(f"outputs were removed recently; waiting {wait:.0f} s for the disk to settle")
        time.sleep(wait)

    res = {"machine": machine(hugo_version), "load_start": loadavg(),
           "main": {}, "scaling": [], "work": work}

    def measure_size(cards, guides, runs, with_hugo, key, with_check):
        content = corpus(work, cards, guides, args.seed, args.reuse)
        mb = tree_size(content)[1] / 1e6
        tools = []
        if whoswho:
            out = os.path.join(work, f"out-whoswho-{cards}")
            tools.append(("whoswho", Tool("whoswho build", lambda i, o: [
                whoswho, "build", "--content", content, "--output", o], out, cwd=ROOT)))
        if hugo and with_hugo:
            rel, norel = hugo_sites(work, content, cards)
            out_h = os.path.join(work, f"out-hugo-{cards}")
            out_n = os.path.join(work, f"out-hugo-{cards}-norel")
            tools.append(("hugo", Tool(f"Hugo {hugo_version}", lambda i, o: [
                hugo, "--quiet", "-s", rel, "-d", o], out_h)))
            tools.append(("hugo_norel", Tool(f"Hugo {hugo_version} without related", lambda i, o: [
                hugo, "--quiet", "-s", norel, "-d", o], out_n)))
        if whoswho and with_check:
            # Timed in turn with the builds, so that check / build compares runs made
            # under the same load.
            tools.append(("check", Tool("whoswho check", lambda i, o: [
                whoswho, "check", "--content", content], cwd=ROOT)))
            # The floor under the build's wall time: writing the same files and folders,
            # with nothing to work out, copied from this run's build on every core.
            builder = tools[0][1]
            tools.append(("copy", Tool("copy of whoswho's site", lambda i, o: [
                sys.executable, os.path.join(HERE, "copy_tree.py"), builder.last_out or "(no build)", o],
                os.path.join(work, f"out-copy-{cards}"))))
        say(f"timing {cards:,} cards, {guides:,} guides: {runs} alternating runs of "
            + ", ".join(t.label for _, t in tools))
        alternate(timer, tools, runs, f"{key}")
        result = {name: t.summary() for name, t in tools}
        for t in result.values():
            if t.get("failed"):
                problems.append(t["failed"])
        return content, mb, result

    _, res["corpus_mb"], res["main"] = measure_size(
        args.cards, args.guides, args.runs, True, f"main-{args.cards}", True)

    if not args.no_scaling:
        sizes = [n for n in SCALE_SIZES if not (args.skip_100k and n == 100000)]
        for n in sizes:
            g = n // 10
            if n == args.cards and g == args.guides:
                m = res["main"]
                entry = {"cards": n, "guides": g, "corpus_mb": res["corpus_mb"],
                         "whoswho": m.get("whoswho"), "hugo": m.get("hugo"),
                         "hugo_norel": m.get("hugo_norel")}
            else:
                _, mb, r = measure_size(n, g, args.scale_runs, n <= 10000, f"scale-{n}", False)
                entry = {"cards": n, "guides": g, "corpus_mb": mb, **r}
            res["scaling"].append(entry)

    res["load_end"] = loadavg()
    text = report(res, args)
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(markdown(res, args) + "\n")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=2, sort_keys=True)
    if made_work and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    elif not args.keep:
        remove_outputs(work)
    else:
        say(f"work folder kept: {work} (logs in {logs})")

    if problems:
        say("\nproblems:\n  " + "\n  ".join(dict.fromkeys(problems)))
        sys.exit(1)
    if args.strict and "NOT met" in text:
        sys.exit(1)


if __name__ == "__main__":
    main()
