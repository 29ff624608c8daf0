#!/usr/bin/env python3
"""Where the bytes of a built site go: files, bytes and the largest file for
each kind of output.

    python3 bench/output_kinds.py SITE [SITE ...]

Kinds, by path: card pages (cards/SLUG/), the A-Z (cards/index.html and its
pages), topic, topic x region (topics/T/R/), region, guides, index files
(index.json and index/), oruk (the Open Referral export), search, and other
(home, feeds, sitemaps, 404, styles and anything a later change adds). It
reads any folder, so it also splits a Hugo build of the same corpus, whose
paths follow the same pattern. build_bench.py prints this for each build it
times. Python 3 standard library only.
"""
import os
import sys

KINDS = ["card pages", "A-Z", "topic", "topic x region", "region", "guides",
         "index files", "oruk", "search", "other"]


def kind_of(path):
    """The kind of the file at `path`, relative to the site's top."""
    parts = path.split("/")
    top = parts[0]
    if top == "cards":
        return "A-Z" if len(parts) == 2 or parts[1] == "page" else "card pages"
    if top == "topics":
        # topics/index.html, topics/T/..., topics/T/page/N/..., topics/T/R/...
        return "topic x region" if len(parts) >= 4 and parts[2] != "page" else "topic"
    if top in ("regions", "guides", "oruk", "search"):
        return {"regions": "region"}.get(top, top)
    if top in ("index.json", "index"):
        return "index files"
    return "other"


def breakdown(site):
    """{kind: {"files", "bytes", "largest", "largest_bytes"}} for the folder `site`."""
    out = {k: {"files": 0, "bytes": 0, "largest": None, "largest_bytes": 0} for k in KINDS}
    for folder, _, names in os.walk(site):
        for name in names:
            full = os.path.join(folder, name)
            try:
                size = os.lstat(full).st_size
            except OSError:
                continue
            rel = os.path.relpath(full, site).replace(os.sep, "/")
            k = out[kind_of(rel)]
            k["files"] += 1
            k["bytes"] += size
            if size > k["largest_bytes"]:
                k["largest"], k["largest_bytes"] = rel, size
    return out


def table(label, kinds, cards=None):
    """The breakdown as a Markdown table; with `cards`, the bytes per card too."""
    total = sum(k["bytes"] for k in kinds.values())
    files = sum(k["files"] for k in kinds.values())
    largest = max(kinds.values(), key=lambda k: k["largest_bytes"])
    lines = [f"{label}: {files:,} files, {total / 1e6:,.1f} MB"
             + (f", {total / cards / 1000:.1f} KB a card" if cards else "")
             + f"; largest file {largest['largest']} ({largest['largest_bytes'] / 1e6:,.2f} MB)",
             "",
             "| kind | files | MB | largest file | its KB |",
             "|---|---:|---:|---|---:|"]
    for name in KINDS:
        k = kinds[name]
        if k["files"]:
            lines.append(f"| {name} | {k['files']:,} | {k['bytes'] / 1e6:,.1f} | {k['largest']} | "
                         f"{k['largest_bytes'] / 1024:,.0f} |")
    return "\n".join(lines)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().split("\n\n")[1])
    for site in sys.argv[1:]:
        print(table(site, breakdown(site)))
        print()


if __name__ == "__main__":
    main()
