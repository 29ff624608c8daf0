#!/usr/bin/env python3
"""Time the preview: `whoswho serve` against `hugo server` on the same corpus, side by
side in one run, for the edits a contributor makes while previewing.

    bench/preview_bench.py [--cards 10000] [--edits 5] [--long-edits 200] [--binary PATH] [--work DIR] [--no-hugo]

1. Writes a corpus with bench/gen_corpus.py (CARDS cards, a tenth as many guides) into
   a work folder (kept there, and reused, when --work is given) and copies it twice:
   one copy for whoswho, one turned into a Hugo site by bench/hugo_site.py (with
   related content, Hugo's first figure), so neither server sees the other's saves.
2. Starts `whoswho serve --port 0` and `hugo server` (on a free port, bound to
   127.0.0.1), one after the other, and times each from its start until its home page
   is served. Hugo keeps its defaults: it renders to memory and in fast render mode
   (after a change it renders again only the pages a browser has visited, and renders
   any other page when it is asked for), which is how its users preview.
3. EDITS times, six actions in turn; for each, the same edit is saved in both copies,
   one server after the other (which goes first alternates), a second after the last
   rebuild, and the time is taken from the save until the page, fetched over HTTP,
   shows the change:
   - name: a card's name is edited (a new file renamed over the old, as many editors
     save); its page (/cards/SLUG/ on both) shows the new name;
   - text: a paragraph is added first in that card's text, above its links; its page
     shows it;
   - guide: the same for the first guide (/guides/SLUG/ on both);
   - add: a new card (another card's text under a new name and file name) is saved in
     cards/; its page is served (HTTP 200 with the name);
   - delete: that card is deleted; its page answers 404;
   - topic: one of a card's topics is replaced by another topic of topics.yml; the new
     topic's page (/topics/TOPIC/ on both) links to the card. Hugo's topic pages list
     every card, whoswho's list them A-Z a page at a time, so the card edited is the
     one whose name comes first A-Z: it is on the first page of any topic.
   A server that has not shown the change five seconds after its rebuild line (or
   after --give-up seconds) is counted as not showing it ("never" in the table); a
   card whose addition was not shown is not timed for its deletion.
4. Prints, per action, the median seconds for whoswho and for Hugo and the ratio
   whoswho / Hugo, the medians of the servers' own rebuild times (whoswho's `Built
   ... in N ms`, Hugo's `Total in N ms`), and each server's first build.
5. Long session: LONG_EDITS saves of the card's name to whoswho alone, one after the
   other, each waiting for its `Built` line; prints whoswho's resident memory (VmRSS
   from /proc/PID/status) after the first ten and after the last, and their ratio,
   and after every fiftieth;
   Hugo's after its first build and after the actions of step 3.
6. Stops both servers with Ctrl-C (SIGINT) and waits for them, on failure too. Each
   server runs in a session of its own: with one process group for all, `whoswho
   serve` was stopped by a signal partway through a run with Hugo beside it.

Hugo's in-memory server does not drop a deleted page: it keeps answering for it (the
table says "never", and the status it still gave) until it is restarted.

Times are wall-clock on a machine that may be shared: compare the two servers of one
run, not figures of different runs. Python 3 standard library only; needs whoswho's
release (or debug) binary, `swift build -c release --product whoswho`, and `hugo`
(measured with 0.111.3) unless --no-hugo. Linux only (/proc).
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402
import hugo_site  # noqa: E402
from serve_bench import default_binary, save, wait_until  # noqa: E402

TODAY = "2026-11-27"
THEMES = os.path.join(ROOT, "themes")
ACTIONS = ("name", "text", "guide", "add", "delete", "topic")
LABELS = {"name": "card's name edited → its page shows it",
          "text": "paragraph added above a card's text → its page shows it",
          "guide": "paragraph added above a guide's text → its page shows it",
          "add": "card added → its page served",
          "delete": "card deleted → its page 404",
          "topic": "topic replaced in a card → new topic's page lists it"}


def get(url):
    """(HTTP status, body); (0, "") when nothing answers."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(condition, limit):
    """Polls `condition` every 5 ms; the perf_counter when it held, None after `limit` s."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return time.perf_counter()
        time.sleep(0.005)
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid):
    with open(f"/proc/{pid}/status", encoding="utf-8") as f:
        return int(re.search(r"^VmRSS:\s+(\d+) kB", f.read(), re.M).group(1))


class Server:
    """One preview server, its standard output in a file, and how to find its pages."""

    def __init__(self, label, command, cards, topics, url, rebuilt):
        self.label, self.cards, self.topics, self.rebuilt_pattern = label, cards, topics, rebuilt
        self.out = tempfile.NamedTemporaryFile("w+", encoding="utf-8", delete=False)
        self.start = time.perf_counter()
        # A session of its own: a signal one server sends its process group reaches
        # neither the other server nor this script.
        self.process = subprocess.Popen(command, stdout=self.out, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
        self.url = url if url else wait_until(
            lambda: (re.search(r"at (http://127\.0\.0\.1:\d+/)", self.text()) or [None, None])[1], f"{label}'s address")
        wait_until(lambda: get(self.url)[0] == 200 or self.process.poll() is not None, f"{label}'s home page")
        if self.process.poll() is not None:
            sys.exit(f"{label} stopped:\n{self.text()[-3000:]}")
        self.first_build = time.perf_counter() - self.start

    def text(self):
        with open(self.out.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def rebuilds(self):
        return [int(ms) for ms in re.findall(self.rebuilt_pattern, self.text())]

    def card_url(self, slug):
        return f"{self.url}cards/{slug}/"

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.unlink(self.out.name)


def first_card_by_name(cards):
    """The .md card whose name comes first A-Z (and its name)."""
    names = []
    for file in os.listdir(cards):
        if file.endswith(".md"):
            with open(os.path.join(cards, file), encoding="utf-8") as f:
                names.append((re.search(r"^name: (.*)$", f.read(), re.M).group(1), file))
    return min(names, key=lambda pair: (pair[0].casefold(), pair[0]))


def measure(server, change, shown, give_up):
    """Makes `change` (which returns the perf_counter of the save) and waits until
    `shown()` holds; returns (seconds or None, the server's rebuild in s or None). The
    change counts as never shown when it is not, five seconds after the server's
    rebuild line, or after `give_up` seconds."""
    time.sleep(1)
    count = len(server.rebuilds())
    start = change()
    end, rebuilt_at, at = time.monotonic() + give_up, None, None
    while time.monotonic() < end:
        if shown():
            at = time.perf_counter()
            break
        if rebuilt_at is None and len(server.rebuilds()) > count:
            rebuilt_at = time.monotonic()
        if rebuilt_at is not None and time.monotonic() > rebuilt_at + 5:
            break
        time.sleep(0.005)
    # Let the rebuild finish (its line may come after the page is served).
    wait_for(lambda: len(server.rebuilds()) > count, give_up)
    built = server.rebuilds()
    return (None if at is None else at - start), (built[-1] / 1000 if len(built) > count else None)


def add_paragraph(path, paragraph):
    """Saves `path` with `paragraph` first in the text after its front matter (a new file
    renamed over the old, as `save` does); returns the perf_counter of the save."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    end = text.find("\n---\n", 3)
    if not text.startswith("---\n") or end < 0:
        sys.exit(f"{path} has no front matter")
    end += len("\n---\n")
    with open(path + ".saving~", "w", encoding="utf-8") as f:
        f.write(text[:end] + "\n" + paragraph + "\n" + text[end:])
    start = time.perf_counter()
    os.rename(path + ".saving~", path)
    return start


def write_new(path, text):
    with open(path + ".saving~", "w", encoding="utf-8") as f:
        f.write(text)
    start = time.perf_counter()
    os.rename(path + ".saving~", path)
    return start


def remove(path):
    start = time.perf_counter()
    os.unlink(path)
    return start


def topics_line(text):
    return re.search(r"^topics: \[(.*)\]$", text, re.M)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--long-edits", type=int, default=200)
    parser.add_argument("--binary", default=None)
    parser.add_argument("--work", default=None)
    parser.add_argument("--no-hugo", action="store_true", help="time whoswho alone")
    parser.add_argument("--give-up", type=float, default=300, help="seconds to wait for a change to show (default 300)")
    args = parser.parse_args()
    binary = args.binary or default_binary()
    if not args.no_hugo and not shutil.which("hugo"):
        sys.exit("no hugo: install it (Debian: apt-get install hugo) or pass --no-hugo")
    work = args.work or tempfile.mkdtemp(prefix="whoswho-preview-bench-")
    corpus = gen_corpus.corpus_in(work, args.cards)
    content = os.path.join(work, "preview-content")
    hugo_dir = os.path.join(work, "preview-hugo")
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(corpus, content)
    if not args.no_hugo:
        hugo_site.make_site(corpus, hugo_dir)

    cards = os.path.join(corpus, "cards")
    name_file = sorted(n for n in os.listdir(cards) if n.endswith(".md"))[1]
    source_file = sorted(n for n in os.listdir(cards) if n.endswith(".md"))[2]
    first_name, topic_file = first_card_by_name(cards)
    if topic_file in (name_file, source_file):
        sys.exit("the card first A-Z is one of the cards edited by name: use another corpus")
    name = re.search(r"^name: (.*)$", open(os.path.join(cards, name_file), encoding="utf-8").read(), re.M).group(1)
    guide_file = sorted(n for n in os.listdir(os.path.join(corpus, "guides")) if n.endswith(".md"))[0]
    all_topics = [slug for slug, _ in hugo_site.vocabulary(open(os.path.join(corpus, "topics.yml"), encoding="utf-8").read())]

    servers = []
    try:
        servers.append(Server("whoswho", [binary, "serve", "--content", content, "--themes", THEMES, "--port", "0", "--today", TODAY],
                              os.path.join(content, "cards"), content, None, r"Built \d+ files in (\d+) ms"))
        if not args.no_hugo:
            port = free_port()
            servers.append(Server("Hugo", ["hugo", "server", "-s", hugo_dir, "--port", str(port), "--bind", "127.0.0.1"],
                                  os.path.join(hugo_dir, "content", "cards"), None, f"http://127.0.0.1:{port}/",
                                  r"Total in (\d+) ms"))
        hugo_rss_first = rss_kb(servers[1].process.pid) if len(servers) > 1 else None
        for server in servers:
            status, body = get(server.card_url(name_file[:-3]))
            if status != 200 or name not in body:
                sys.exit(f"{server.label} does not serve {name_file} at {server.card_url(name_file[:-3])}")
            status, body = get(f"{server.url}topics/{all_topics[0]}/")
            if status != 200:
                sys.exit(f"{server.label} does not serve the topic page {server.url}topics/{all_topics[0]}/")
        print(f"first builds: " + ", ".join(f"{s.label} {s.first_build:.1f} s" for s in servers), file=sys.stderr)

        found = {(s.label, a): [] for s in servers for a in ACTIONS}
        rebuilt = {(s.label, a): [] for s in servers for a in ACTIONS}
        never = {}
        stale = {}
        shown_added = {}

        def record(server, action, result):
            seconds, built = result
            if seconds is None:
                never[(server.label, action)] = never.get((server.label, action), 0) + 1
            else:
                found[(server.label, action)].append(seconds)
            if built is not None:
                rebuilt[(server.label, action)].append(built)

        current = {s.label: name for s in servers}
        topic_slug = topic_file[:-3]
        for i in range(args.edits):
            order = servers if i % 2 == 0 else servers[::-1]
            # name: the card's page shows its new name (a marker without characters
            # that either server escapes).
            new = f"{name} edit{i}x"
            for s in order:
                path = os.path.join(s.cards, name_file)
                old = current[s.label]
                page = s.card_url(name_file[:-3])
                record(s, "name", measure(s, lambda: save(path, f": {old}\n", f": {new}\n"),
                                          lambda: f"edit{i}x" in get(page)[1], args.give_up))
                current[s.label] = new
            # text and guide: a paragraph added first in a card's text, above its links,
            # and in a guide's.
            for action, folder, file in (("text", "cards", name_file), ("guide", "guides", guide_file)):
                marker = f"Bench {action} edit {i}x."
                for s in order:
                    path = os.path.join(os.path.dirname(s.cards), folder, file)
                    page = f"{s.url}{folder}/{file[:-3]}/"
                    record(s, action, measure(s, lambda: add_paragraph(path, marker),
                                              lambda: marker in get(page)[1], args.give_up))
            # add and delete: a copy of another card under a new name and file name.
            added = f"bench-added-{i}"
            added_name = f"Bench added card {i}"
            for action in ("add", "delete"):
                for s in order:
                    path = os.path.join(s.cards, added + ".md")
                    page = s.card_url(added)
                    if action == "add":
                        with open(os.path.join(s.cards, source_file), encoding="utf-8") as f:
                            text = re.sub(r"^(name|title): .*$", lambda m: f"{m.group(1)}: {added_name}", f.read(), count=2, flags=re.M)
                        shown = lambda: (lambda r: r[0] == 200 and added_name in r[1])(get(page))
                        result = measure(s, lambda: write_new(path, text), shown, args.give_up)
                        record(s, "add", result)
                        shown_added[s.label] = result[0] is not None
                    elif shown_added.get(s.label):
                        record(s, "delete", measure(s, lambda: remove(path), lambda: get(page)[0] == 404, args.give_up))
                        if (s.label, "delete") in never:
                            stale[s.label] = get(page)[0]
            # topic: the first card A-Z swaps one of its topics for one it lacks.
            for s in order:
                path = os.path.join(s.cards, topic_file)
                line = topics_line(open(path, encoding="utf-8").read())
                have = [t.strip() for t in line.group(1).split(",")]
                target = next(t for t in all_topics[i % len(all_topics):] + all_topics if t not in have)
                page = f"{s.url}topics/{target}/"
                link = f"cards/{topic_slug}/"
                if link in get(page)[1]:
                    sys.exit(f"{s.label}: {page} lists {topic_slug} before the edit")
                new_line = "topics: [" + ", ".join([target] + have[1:]) + "]"
                record(s, "topic", measure(s, lambda: save(path, line.group(0), new_line),
                                           lambda: link in get(page)[1], args.give_up))
            print(f"round {i + 1} of {args.edits}: done", file=sys.stderr)
        hugo_rss_after = rss_kb(servers[1].process.pid) if len(servers) > 1 else None

        # Long session: whoswho alone, one name save after another.
        whoswho = servers[0]
        path = os.path.join(whoswho.cards, name_file)
        rss = {}
        for j in range(args.long_edits):
            count = len(whoswho.rebuilds())
            old, new = current["whoswho"], f"{name} long{j}x"
            save(path, f": {old}\n", f": {new}\n")
            current["whoswho"] = new
            wait_until(lambda: len(whoswho.rebuilds()) > count, "the Built line")
            if j + 1 == min(10, args.long_edits):
                rss["first"] = rss_kb(whoswho.process.pid)
            if (j + 1) % 50 == 0 or j + 1 in (10, args.long_edits):
                rss[j + 1] = rss_kb(whoswho.process.pid)
            time.sleep(0.3)
        if args.long_edits:
            rss["last"] = rss_kb(whoswho.process.pid)
            long_built = statistics.median(whoswho.rebuilds()[-args.long_edits:]) / 1000
    finally:
        for server in servers:
            server.stop()

    def median(values):
        return f"{statistics.median(values):.3f}" if values else "–"

    print(f"{args.cards} cards, {args.edits} edits per action, binary {os.path.relpath(binary, ROOT)}"
          + ("" if args.no_hugo else f", {subprocess.run(['hugo', 'version'], capture_output=True, text=True).stdout.split()[1]}"))
    print("| first build (start → home page served) | " + " | ".join(f"{s.label} {s.first_build:.2f} s" for s in servers) + " |")
    print()
    if args.no_hugo:
        print("| median, seconds | whoswho: save → served | whoswho `Built` |")
        print("|---|---:|---:|")
    else:
        print("| median, seconds | whoswho: save → served | Hugo: save → served | whoswho / Hugo | whoswho `Built` | Hugo `Total` |")
        print("|---|---:|---:|---:|---:|---:|")
    for action in ACTIONS:
        cells = []
        for s in servers:
            values = found[(s.label, action)]
            cells.append(median(values) + (f" ({never[(s.label, action)]}× never)" if (s.label, action) in never else ""))
        if not args.no_hugo:
            a, b = found[("whoswho", action)], found[("Hugo", action)]
            cells.append(f"{statistics.median(a) / statistics.median(b):.2f}" if a and b else "–")
        cells += [median(rebuilt[(s.label, action)]) for s in servers]
        print(f"| {LABELS[action]} | " + " | ".join(cells) + " |")
    for label, status in stale.items():
        print(f"{label} still answered HTTP {status} for a deleted card's page 5 s after its rebuild")
    if args.long_edits:
        print()
        print(f"long session, {args.long_edits} name saves to whoswho: median `Built` {long_built:.3f} s; "
              f"VmRSS after {min(10, args.long_edits)}: {rss['first'] / 1024:.1f} MiB, after {args.long_edits}: "
              f"{rss['last'] / 1024:.1f} MiB, ratio {rss['last'] / rss['first']:.2f}")
        series = sorted(k for k in rss if isinstance(k, int))
        print("VmRSS (MiB) after " + ", ".join(f"{k}: {rss[k] / 1024:.0f}" for k in series))
    if hugo_rss_first:
        print(f"Hugo VmRSS after its first build: {hugo_rss_first / 1024:.1f} MiB, after the "
              f"{args.edits * len(ACTIONS)} edits above: {hugo_rss_after / 1024:.1f} MiB")

    shutil.rmtree(content, ignore_errors=True)
    shutil.rmtree(hugo_dir, ignore_errors=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
