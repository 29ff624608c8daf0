#!/usr/bin/env python3
"""Bytes, files and the largest file per kind of page of a built site.

    python3 bench/page_sizes.py SITE [SITE2]

With two sites (say before and after a change), prints them side by side. Sizes are
file bytes, not disk blocks. Python 3 standard library only.
"""
import collections
import os
import sys


def kind(rel):
    """The kind of page or file at `rel`, a path from the site root."""
    parts = rel.split("/")
    if not rel.endswith(".html"):
        return "data: " + (parts[0] if len(parts) > 1 else rel)
    folders = parts[:-1]
    if "page" in folders:  # …/page/N/: a later page of the list above it
        folders = folders[:folders.index("page")]
    top = folders[0] if folders else ""
    if top == "cards":
        return "A–Z" if len(folders) == 1 else "card"
    if top == "guides":
        return "guides list" if len(folders) == 1 else "guide"
    if top == "topics":
        return {1: "topics list", 2: "topic", 3: "topic by region"}.get(len(folders), "other HTML")
    if top == "regions":
        return {1: "regions list", 2: "region"}.get(len(folders), "other HTML")
    return "other HTML"


def measure(root):
    """Kind → [files, bytes, largest bytes, largest path], and the totals."""
    kinds = collections.defaultdict(lambda: [0, 0, 0, ""])
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            size = os.path.getsize(path)
            for k in (kind(rel), "all HTML" if rel.endswith(".html") else None, "the whole site"):
                if k is None:
                    continue
                entry = kinds[k]
                entry[0] += 1
                entry[1] += size
                if size > entry[2]:
                    entry[2], entry[3] = size, rel
    return kinds


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sites = [measure(root) for root in sys.argv[1:]]
    names = sorted(set().union(*sites), key=lambda k: -sites[-1].get(k, [0, 0])[1])
    header = f"{'kind':18}" + "".join(f"{'files':>9}{'MB':>9}{'largest KB':>12}" for _ in sites)
    print(header)
    for name in names:
        row = f"{name:18}"
        for site in sites:
            files, size, largest, _ = site.get(name, [0, 0, 0, ""])
            row += f"{files:9,}{size / 1e6:9.1f}{largest / 1e3:12.1f}"
        print(row)
    for site in sites:
        html = site.get("all HTML")
        if html:
            print(f"largest HTML page: {html[3]} ({html[2] / 1e3:.1f} KB)")


if __name__ == "__main__":
    main()
