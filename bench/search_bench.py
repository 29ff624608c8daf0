#!/usr/bin/env python3
"""Measure whoswho's in-browser search against Pagefind on the benchmark corpus.

    bench/search_bench.py [--work DIR] [--reuse] [--query diabetes] [--runs 3]

1. Writes the benchmark corpus (bench/gen_corpus.py: 10,000 cards, 1,000 guides)
   into WORK/corpus, unless --reuse and it is there.
2. Builds it with whoswho (.build/release/whoswho, built with
   `swift build -c release --product whoswho` when missing) into WORK/site.
3. Copies the site to WORK/pagefind-site and indexes it with Pagefind
   (`python3 -m pagefind_bin --site DIR`, PyPI package pagefind-bin), adding a
   tiny page that searches through Pagefind's JS API and loads the first ten
   results' data, as a results list would.
4. Serves both folders on loopback and opens each search in a fresh headless
   Chromium (Debian's chromium and chromium-driver, through Selenium), RUNS
   times: whoswho at /search/?q=QUERY, Pagefind at /pagefind-bench.html?q=QUERY.
   Requests and bytes are what the bench's server sent from navigation until
   the results mark (bodies, uncompressed: the server never compresses; the
   browser's own favicon.ico request left out). Pagefind fetches its index from
   a Web Worker, whose requests the page's Resource Timing API does not list, so
   the server's count is the one compared; for whoswho it is checked against
   Resource Timing (performance.getEntriesByType('resource') plus the page),
   which is printed beside it. The server's log is read just after the mark, so
   for whoswho only responses to the requests Resource Timing shows the page
   started before the mark count; what it fetches right after the first results
   (facets.bin, for the facet counts) is printed apart.
   Time is from navigation start to the mark each page sets when its first
   results are in the page: `whoswho-search-results` (search.js) and
   `pagefind-results` (the bench page).
5. Prints index files and bytes, requests, bytes and time to first results
   (medians), checks them against the budget in issue 4 (at most 300 KB in at
   most 20 requests for a first search, at most 1,000 index files), and prints
   a Markdown table for docs/performance.md.

Every query in --query (repeatable) is measured for whoswho; Pagefind is
measured for each as well. This is a benchmark, not a test: it exits 1 only
when something fails to run or the budget is exceeded.
"""

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests-browser"))
import support  # noqa: E402  (headless Chromium set-up shared with the browser tests)

BUDGET_BYTES = 300 * 1000
BUDGET_REQUESTS = 20
BUDGET_FILES = 1000
TODAY = "2026-11-27"

PAGEFIND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind bench</title></head>
<body><main><h1>Pagefind bench</h1><ol id="results"></ol></main>
<script type="module">
const query = new URLSearchParams(location.search).get('q') || 'diabetes';
const pagefind = await import('./pagefind/pagefind.js');
await pagefind.init();
const search = await pagefind.search(query);
const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
const list = document.getElementById('results');
for (const d of data) {
  const li = document.createElement('li');
  li.textContent = d.meta.title + ': ' + d.excerpt.replace(/<[^>]+>/g, '');
  list.appendChild(li);
}
performance.mark('pagefind-results');
document.body.dataset.results = String(search.results.length);
</script>
</body></html>
"""


def say(*args):
    print(*args, file=sys.stderr, flush=True)


def folder_stats(path):
    files = total = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(dirpath, name))
    return files, total


def whoswho_binary():
    binary = os.path.join(ROOT, ".build", "release", "whoswho")
    if not os.path.exists(binary):
        say("building whoswho in release mode ...")
        subprocess.run(["swift", "build", "-c", "release", "--product", "whoswho"], cwd=ROOT, check=True)
    return binary


class Log:
    """What a server sent: (path, bytes of body) per response, in order."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []

    def add(self, path, size):
        with self.lock:
            self.entries.append((path, size))

    def take(self):
        with self.lock:
            entries, self.entries = self.entries, []
        return entries


def serve(directory):
    """Serves `directory` on loopback, logging every response's path and body size."""
    log = Log()

    class Handler(support._QuietHandler):
        def send_response(self, code, message=None):
            self._length = 0
            super().send_response(code, message)

        def send_header(self, keyword, value):
            if keyword.lower() == "content-length":
                self._length = int(value)
            super().send_header(keyword, value)

        def end_headers(self):
            log.add(urllib.parse.urlsplit(self.path).path, self._length if self.command != "HEAD" else 0)
            super().end_headers()

    handler = functools.partial(Handler, directory=directory)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/", log


MEASURE = """
const mark = performance.getEntriesByName(arguments[0])[0];
const nav = performance.getEntriesByType('navigation')[0];
const resources = performance.getEntriesByType('resource').filter(r => r.startTime <= mark.startTime);
return {time: mark.startTime, requests: 1 + resources.length,
        bytes: nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0),
        started: [new URL(nav.name).pathname].concat(resources.map(r => new URL(r.name).pathname))};
"""


def measure(url, mark, log, page_requests_only=False):
    """Opens `url` in a fresh browser and waits for `mark`. Returns the time to it, the
    page's own Resource Timing count, and what the server sent by then (favicon.ico,
    which the browser asks for by itself, left out).

    The server's log is read a moment after the mark, so it may hold requests the page
    made just after it. With `page_requests_only` (for a page whose every request
    Resource Timing lists, as whoswho's does), only the responses to requests the page
    started before the mark count; the others are returned as `later`. Pagefind fetches
    from a Web Worker, which Resource Timing does not list, so its log is taken whole."""
    from selenium.webdriver.support.ui import WebDriverWait
    driver = support.browser()
    try:
        driver.set_page_load_timeout(60)
        log.take()
        driver.get(url)
        WebDriverWait(driver, 60, poll_frequency=0.05).until(
            lambda d: d.execute_script("return performance.getEntriesByName(arguments[0]).length > 0", mark))
        timing = driver.execute_script(MEASURE, mark)
        sent = [(p, n) for p, n in log.take() if p != "/favicon.ico"]
        later = []
        if page_requests_only:
            started = list(timing["started"])
            before = []
            for p, n in sent:
                if p in started:
                    started.remove(p)
                    before.append((p, n))
                else:
                    later.append((p, n))
            sent = before
        return {"time": timing["time"], "timing_requests": timing["requests"], "timing_bytes": timing["bytes"],
                "requests": len(sent), "bytes": sum(n for _, n in sent), "files": sent,
                "later_bytes": sum(n for _, n in later), "later": later}
    finally:
        driver.quit()


def median_run(url, mark, log, runs, page_requests_only=False):
    results = [measure(url, mark, log, page_requests_only) for _ in range(runs)]
    out = {k: statistics.median(r[k] for r in results)
           for k in ("time", "timing_requests", "timing_bytes", "requests", "bytes", "later_bytes")}
    out["files"] = results[0]["files"]
    out["later"] = results[0]["later"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", default=os.path.join(ROOT, "bench", "out", "search"), help="work folder")
    ap.add_argument("--reuse", action="store_true", help="reuse the corpus and sites already in --work")
    ap.add_argument("--query", action="append", help="query to measure (repeatable; default: diabetes)")
    ap.add_argument("--runs", type=int, default=3, help="browser runs per measurement (median)")
    ap.add_argument("--verbose", action="store_true", help="list every file fetched")
    a = ap.parse_args()
    queries = a.query or ["diabetes"]
    os.makedirs(a.work, exist_ok=True)
    corpus = os.path.join(a.work, "corpus")
    site = os.path.join(a.work, "site")
    pf_site = os.path.join(a.work, "pagefind-site")

    if not (a.reuse and os.path.isdir(os.path.join(corpus, "cards"))):
        say("writing the benchmark corpus ...")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), corpus, "--force", "--quiet"], check=True)
    if not (a.reuse and os.path.isdir(os.path.join(site, "search"))):
        say("building the site with whoswho ...")
        subprocess.run([whoswho_binary(), "build", "--content", corpus, "--output", site,
                        "--themes", os.path.join(ROOT, "themes"), "--today", TODAY],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not (a.reuse and os.path.isdir(os.path.join(pf_site, "pagefind"))):
        say("indexing a copy of the site with Pagefind ...")
        shutil.rmtree(pf_site, ignore_errors=True)
        shutil.copytree(site, pf_site)
        subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", pf_site],
                       check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(pf_site, "pagefind-bench.html"), "w", encoding="utf-8") as f:
        f.write(PAGEFIND_PAGE)

    ours_files, ours_bytes = folder_stats(os.path.join(site, "search", "data"))
    pf_files, pf_bytes = folder_stats(os.path.join(pf_site, "pagefind"))
    version = subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"],
                             capture_output=True, text=True).stdout.strip()

    ours_server, ours_url, ours_log = serve(site)
    pf_server, pf_url, pf_log = serve(pf_site)
    rows = []
    failed = False
    try:
        for q in queries:
            qs = urllib.parse.urlencode({"q": q})
            say(f"measuring '{q}' ...")
            ours = median_run(ours_url + "search/?" + qs, "whoswho-search-results", ours_log, a.runs, page_requests_only=True)
            pf = median_run(pf_url + "pagefind-bench.html?" + qs, "pagefind-results", pf_log, a.runs)
            rows.append((q, ours, pf))
            if a.verbose:
                for name, size in ours["files"]:
                    say(f"  whoswho  {size:>8} {name}")
                for name, size in ours["later"]:
                    say(f"  whoswho  {size:>8} {name}  (after the first results)")
                for name, size in pf["files"]:
                    say(f"  pagefind {size:>8} {name}")
    finally:
        ours_server.shutdown()
        pf_server.shutdown()

    print(f"Index: whoswho {ours_files} files, {ours_bytes:,} bytes; "
          f"Pagefind ({version}) {pf_files} files, {pf_bytes:,} bytes")
    for q, ours, pf in rows:
        ok = ours["bytes"] <= BUDGET_BYTES and ours["requests"] <= BUDGET_REQUESTS
        failed |= not ok
        print(f"First search '{q}': whoswho {ours['requests']:.0f} requests, {ours['bytes']:,.0f} bytes "
              f"(Resource Timing: {ours['timing_requests']:.0f}, {ours['timing_bytes']:,.0f}), "
              f"{ours['time']:.0f} ms{'' if ok else '  OVER BUDGET'}, then {ours['later_bytes']:,.0f} bytes after the first results; "
              f"Pagefind {pf['requests']:.0f} requests, {pf['bytes']:,.0f} bytes "
              f"(Resource Timing of the page alone: {pf['timing_requests']:.0f}, {pf['timing_bytes']:,.0f}), "
              f"{pf['time']:.0f} ms")
    if ours_files > BUDGET_FILES:
        failed = True
        print(f"whoswho's index has {ours_files} files, over the budget of {BUDGET_FILES}")

    print()
    print(f"| Benchmark corpus (10,000 cards, 1,000 guides) | whoswho | Pagefind {version.split()[-1]} |")
    print("|---|---:|---:|")
    print(f"| Index files | {ours_files:,} | {pf_files:,} |")
    print(f"| Index bytes | {ours_bytes:,} | {pf_bytes:,} |")
    for q, ours, pf in rows:
        print(f"| “{q}”: requests for a first search | {ours['requests']:.0f} | {pf['requests']:.0f} |")
        print(f"| “{q}”: bytes for a first search (uncompressed) | {ours['bytes']:,.0f} | {pf['bytes']:,.0f} |")
        print(f"| “{q}”: bytes fetched just after the first results | {ours['later_bytes']:,.0f} | — |")
        print(f"| “{q}”: navigation to first results (median of {a.runs}) | {ours['time']:.0f} ms | {pf['time']:.0f} ms |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
