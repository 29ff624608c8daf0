#!/usr/bin/env python3
"""Which search index files one edit changes, and why: document ids moving, or the
index's statistics.

    bench/search_churn.py [--cards 10000] [--binary PATH] [--work DIR]

Builds a corpus (bench/gen_corpus.py: CARDS cards, a tenth as many guides) once, then
again after each of three edits, each made to a fresh copy of the corpus, and counts
the files under search/data/ whose bytes differ from the first build's:

1. a guide added whose title sorts after every other document, so that no document
   id moves; its words are an existing guide's, so the only words it brings are
   already in the index: what changes is each word's document count and the average
   lengths that every score is normalised by;
2. a card added whose name sorts first, so that every document id moves by one;
3. one word of one card's text replaced by another word, so that no id, count of
   documents or length changes: only the two words' postings.

The first edit shows what stable document ids could not save: a term shard changes
whenever a document with one of its words comes or goes, whatever the ids. Python 3
standard library only; needs the release (or debug) binary.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402
from serve_bench import default_binary  # noqa: E402

TODAY = "2026-11-27"


def build(binary, content, out):
    p = subprocess.run([binary, "build", "--content", content, "--output", out, "--today", TODAY,
                        "--themes", os.path.join(ROOT, "themes")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"build of {content} failed:\n{p.stderr[-2000:]}")


def files(site):
    root = os.path.join(site, "search", "data")
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = f.read()
    return out


def front_matter_field(text, field, value):
    """The document with `field:` in its front matter set to `value`."""
    head_end = text.index("\n---\n", 4)
    head = re.sub(rf"(?m)^{field}: .*$", f'{field}: "{value}"', text[:head_end], count=1)
    return head + text[head_end:]


def add_copy(content, folder, field, value, name):
    """Adds the first .md file of `folder` again as `name`, with `field` set to `value`."""
    files = os.path.join(content, folder)
    first = next(n for n in sorted(os.listdir(files)) if n.endswith(".md"))
    text = open(os.path.join(files, first), encoding="utf-8").read()
    with open(os.path.join(files, name), "w", encoding="utf-8") as f:
        f.write(front_matter_field(text, field, value))


def edit_guide(content):
    add_copy(content, "guides", "title", "Zzzz, the last guide", "zzzz-last-guide.md")


def edit_card(content):
    add_copy(content, "cards", "name", "Aaaa, the first card", "aaaa-first-card.md")


def edit_word(content):
    cards = os.path.join(content, "cards")
    name = next(n for n in sorted(os.listdir(cards)) if n.endswith(".md"))
    path = os.path.join(cards, name)
    text = open(path, encoding="utf-8").read()
    body_start = text.index("\n---\n", 4) + 5
    body = text[body_start:]
    words = re.findall(r"\b[a-z]{5,}\b", body)
    if not words:
        sys.exit(f"{path}: no word to replace")
    old = words[0]
    new = next(w for w in ("gardening", "walking", "cooking", "music") if w != old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text[:body_start] + re.sub(rf"\b{old}\b", new, body, count=1))


EDITS = [
    ("a guide added after every other document (no id moves)", edit_guide),
    ("a card added before every other document (every id moves)", edit_card),
    ("one word of a card's text replaced (same lengths, no id moves)", edit_word),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cards", type=int, default=10000)
    ap.add_argument("--binary", default=None, help="whoswho binary (default: .build/release, else debug)")
    ap.add_argument("--work", default=None, help="folder for the corpus (kept and reused); default: a temporary one")
    args = ap.parse_args()
    binary = args.binary or default_binary()
    work = args.work or tempfile.mkdtemp(prefix="whoswho-churn-")
    os.makedirs(work, exist_ok=True)
    corpus = gen_corpus.corpus_in(work, args.cards)
    scratch = tempfile.mkdtemp(prefix="churn-", dir=work)
    try:
        base_site = os.path.join(scratch, "site-0")
        build(binary, corpus, base_site)
        base = files(base_site)

        def count(prefix, changed):
            total = sum(1 for p in base if p.startswith(prefix))
            return f"{sum(1 for p in changed if p.startswith(prefix))} of {total}"

        print(f"{args.cards:,} cards: {len(base)} search files, {sum(map(len, base.values())):,} bytes")
        print()
        print("| edit | files that differ | term shards | document files | bytes that differ |")
        print("|---|---:|---:|---:|---:|")
        for i, (label, edit) in enumerate(EDITS, 1):
            content = os.path.join(scratch, f"content-{i}")
            shutil.copytree(corpus, content)
            edit(content)
            site = os.path.join(scratch, f"site-{i}")
            build(binary, content, site)
            after = files(site)
            changed = {p for p in set(base) | set(after) if base.get(p) != after.get(p)}
            size = sum(len(after.get(p, b"")) for p in changed)
            print(f"| {label} | {len(changed)} of {len(base)} | {count('terms' + os.sep, changed)} | "
                  f"{count('docs' + os.sep, changed)} | {size:,} |")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
