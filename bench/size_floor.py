#!/usr/bin/env python3
"""How much of a built site is text the site has to carry, per card.

    bench/size_floor.py SITE [--budget-kb 20]

Reads a site built by `whoswho build` with the default theme and adds up the text
that its pages and data files carry by design, before any markup:

- each card's text (its About section) on its own page;
- each card's text again as its Open Referral service's `description`
  (oruk/services/ID/index.json), which service finders show as it is;
- each guide's text twice: on its page, and as `body_html` in index.json's files
  (the guide's text as data; guides are not in the Open Referral export);
- each card's and guide's summary and name in every list that shows it (topic,
  region, topic-by-region, A-Z, related and guide lists), since a list entry is how
  a reader chooses.

It prints each part in MB and in KB per card, the whole site's bytes per card, and
what a budget per card (the Scale issue's 20 KB) leaves for everything else: heads,
headers and footers, facts, links, identifiers, the search index, feeds and CSVs.
Python 3 standard library only.
"""
import argparse
import glob
import json
import os
import re

PROSE = re.compile(r'<section class="about">\s*<h2>[^<]*</h2>\s*<div class="prose">(.*?)</div>\n</section>', re.S)
ITEM = re.compile(r'<p class="item-title"><a href="[^"]*">(.*?)</a>.*?<p class="item-summary">(.*?)</p>', re.S)


def size(text):
    return len(text.encode("utf-8"))


def json_size(value):
    """Bytes of a value written as compact JSON, as the site writes it."""
    return size(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def measure(site):
    parts = dict.fromkeys(["card text on card pages", "card text in the Open Referral export",
                           "guide text on guide pages and in index.json",
                           "names and summaries in lists"], 0)
    cards = 0
    for path in glob.glob(os.path.join(site, "cards", "*", "index.html")):
        if os.path.basename(os.path.dirname(path)) == "page":
            continue
        cards += 1
        m = PROSE.search(open(path, encoding="utf-8").read())
        if m:
            parts["card text on card pages"] += size(m.group(1))
    for path in glob.glob(os.path.join(site, "oruk", "services", "*", "index.json")):
        if os.sep + "page" + os.sep in path:
            continue
        parts["card text in the Open Referral export"] += json_size(json.load(open(path, encoding="utf-8"))["description"])
    for path in glob.glob(os.path.join(site, "index", "guides-*.json")):
        for guide in json.load(open(path, encoding="utf-8"))["guides"]:
            # Once in index.json and once, as HTML, on the guide's page.
            parts["guide text on guide pages and in index.json"] += json_size(guide["body_html"]) + size(guide["body_html"])
    entries = 0
    total = 0
    for root, _, files in os.walk(site):
        for name in files:
            path = os.path.join(root, name)
            total += os.path.getsize(path)
            if name.endswith(".html"):
                for m in ITEM.finditer(open(path, encoding="utf-8").read()):
                    entries += 1
                    parts["names and summaries in lists"] += size(m.group(1)) + size(m.group(2))
    return cards, entries, total, parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("site")
    ap.add_argument("--budget-kb", type=float, default=20.0, help="bytes per card allowed for the whole site, in KB")
    args = ap.parse_args()
    cards, entries, total, parts = measure(args.site)
    if not cards:
        raise SystemExit(f"{args.site}: no card pages (cards/*/index.html)")
    text = sum(parts.values())
    kb = lambda n: n / cards / 1000
    print(f"{args.site}: {cards:,} cards, {total / 1e6:.1f} MB, {kb(total):.1f} KB a card; "
          f"{entries:,} list entries")
    print()
    print("| text the site carries | MB | KB a card |")
    print("|---|---:|---:|")
    for name, n in parts.items():
        print(f"| {name} | {n / 1e6:.1f} | {kb(n):.2f} |")
    print(f"| **all of it** | **{text / 1e6:.1f}** | **{kb(text):.2f}** |")
    print()
    left = args.budget_kb - kb(text)
    print(f"A budget of {args.budget_kb:g} KB a card leaves {left:.2f} KB a card for everything else; "
          f"this site spends {kb(total - text):.2f} KB a card on it.")


if __name__ == "__main__":
    main()
