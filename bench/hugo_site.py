#!/usr/bin/env python3
"""Turn a whoswho content folder into an equivalent Hugo site, for benchmarks.

    bench/hugo_site.py CONTENT HUGO_DIR [--no-related]
    hugo --quiet -s HUGO_DIR -d OUT     (a relative OUT is taken from HUGO_DIR)

HUGO_DIR is replaced by a copy of bench/hugo/ (config.yaml and layouts) with
content/ filled from CONTENT, so Hugo renders what `whoswho build` renders:
a page per card and guide, the who's-who and guide lists A-Z (200 a page),
a page per topic and region (named and described from topics.yml and
regions.yml), the topic and region indexes, a home page with counts and the
newest cards and guides, /index.json with every card and guide, an RSS feed
of the 50 newest, a sitemap, robots.txt and a 404 page. Card pages list
related cards scored by shared topics (weight 2) and regions (weight 1), six
at most, their own `related` cards and the guides that cite them; guide pages
list related guides and the cards they draw on. Relative links to content
files (../cards/SLUG.md) become page links through a render-link hook.

--no-related writes the same site without the related-content blocks (no
`related:` configuration, params.related false): Hugo's second figure.

Cards get a Hugo title (their name) and, through config.yaml, a date (their
`updated`), so Hugo orders related ties by date then title, as whoswho orders
them by name. (A site without card titles builds related content much
faster in Hugo, but leaves the A-Z lists and page titles without names.)

Not reproduced (Hugo has no cheap way): region nesting in related scores and
region pages, topic-by-region pages. Parsing is minimal and stdlib-only: it
reads the simple YAML that bench/gen_corpus.py writes (and the usual
hand-written content), not every YAML form.
"""

import argparse
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "hugo")


def scalar(value):
    """A plain or quoted one-line YAML scalar, unquoted."""
    v = value.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        inner = v[1:-1]
        return inner.replace("''", "'") if v[0] == "'" else inner.replace('\\"', '"')
    return v


def top_level(text):
    """{key: raw value} of a flat YAML mapping (one line per key)."""
    out = {}
    for line in text.splitlines():
        if line and not line[0].isspace() and not line.startswith("#") and ":" in line:
            k, _, v = line.partition(":")
            out[k.strip()] = v.strip()
    return out


def vocabulary(text):
    """[(slug, {field: value})] from topics.yml / regions.yml (slug: {name, description, within})."""
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            slug = line.split(":", 1)[0].strip()
            entries.append((slug, {}))
        elif entries and ":" in line:
            k, _, v = line.strip().partition(":")
            entries[-1][1][k.strip()] = v.strip()
    return entries


def split_front_matter(text):
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[4:end + 1], text[end + 5:]
        if text.endswith("\n---"):
            return text[4:-3], ""
    return "", text


def yml_card(text):
    """cards/SLUG.yml -> (front matter, Markdown body): `about: |` holds the body."""
    head, sep, rest = text.partition("\nabout: |")
    if not sep:
        return text, ""
    rest = rest.split("\n", 1)[1] if "\n" in rest else ""
    body_lines, tail = [], []
    lines = rest.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("  ") or not line.strip():
            body_lines.append(line[2:])
        else:  # another top-level key after about
            tail = lines[n:]
            break
    head = head + "\n" + "".join(l + "\n" for l in tail)
    return head, "\n".join(body_lines).strip("\n") + "\n"


def hugo_front_matter(head, section):
    lines = []
    title = None
    for line in head.splitlines():
        if line.startswith("related:"):
            line = "related_cards:" + line[len("related:"):]  # keep clear of Hugo's own `related`
        if section == "cards" and line.startswith("name:"):
            title = line[len("name:"):].strip()
        lines.append(line)
    if title is not None:
        lines.insert(0, "title: " + title)
    return "---\n" + "\n".join(lines) + "\n---\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def config(src_site, related):
    text = open(os.path.join(TEMPLATE, "config.yaml"), encoding="utf-8").read()
    site = top_level(src_site)
    out, skipping = [], False
    for line in text.splitlines():
        if skipping and line and not line[0].isspace():
            skipping = False
        if line.startswith("related:") and not related:
            skipping = True
        if skipping:
            continue
        if line.startswith("baseURL:") and site.get("base_url"):
            line = "baseURL: " + quote(scalar(site["base_url"]))
        elif line.startswith("title:") and site.get("title"):
            line = "title: " + quote(scalar(site["title"]))
        elif line.startswith("languageCode:") and site.get("language"):
            line = "languageCode: " + quote(scalar(site["language"]))
        elif line.startswith("  description:") and site.get("description"):
            line = "  description: " + quote(scalar(site["description"]))
        elif line.startswith("  related:"):
            line = "  related: " + ("true" if related else "false")
        out.append(line)
    return "\n".join(out) + "\n"


def make_site(src, dst, related=True):
    """Write the Hugo site for content folder src into dst; returns the number of pages."""
    if not os.path.isfile(os.path.join(src, "site.yml")):
        sys.exit(f"hugo_site: {src} is not a content folder (no site.yml)")
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(TEMPLATE, dst)
    read = lambda *p: open(os.path.join(src, *p), encoding="utf-8").read()
    write(os.path.join(dst, "config.yaml"), config(read("site.yml"), related))

    content = os.path.join(dst, "content")
    write(os.path.join(content, "cards", "_index.md"), "---\ntitle: Who's who A-Z\n---\n")
    write(os.path.join(content, "guides", "_index.md"), "---\ntitle: Guides\n---\n")
    write(os.path.join(content, "topics", "_index.md"), "---\ntitle: Topics\n---\n")
    write(os.path.join(content, "regions", "_index.md"), "---\ntitle: Regions\n---\n")
    for taxonomy in ("topics", "regions"):
        path = os.path.join(src, taxonomy + ".yml")
        if not os.path.isfile(path):
            continue
        for slug, fields in vocabulary(read(taxonomy + ".yml")):
            fm = "".join(f"{k}: {quote(scalar(fields[k]))}\n"
                         for k in ("description", "within") if fields.get(k))
            title = quote(scalar(fields.get("name", slug)))
            write(os.path.join(content, taxonomy, slug, "_index.md"),
                  f"---\ntitle: {title}\n{fm}---\n")

    pages = 0
    for section in ("cards", "guides"):
        folder = os.path.join(src, section)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            slug, ext = os.path.splitext(name)
            if ext not in (".md", ".yml"):
                continue
            text = read(section, name)
            head, body = yml_card(text) if ext == ".yml" else split_front_matter(text)
            write(os.path.join(content, section, slug + ".md"),
                  hugo_front_matter(head, section) + body)
            pages += 1

    static = os.path.join(src, "static")
    if os.path.isdir(static):
        shutil.copytree(static, os.path.join(dst, "static"), dirs_exist_ok=True)
    return pages


def main():
    ap = argparse.ArgumentParser(description="Turn a whoswho content folder into an equivalent Hugo site.")
    ap.add_argument("content", help="whoswho content folder (site.yml, cards/, guides/ ...)")
    ap.add_argument("hugo_dir", help="Hugo site folder to write (replaced)")
    ap.add_argument("--no-related", action="store_true",
                    help="leave out related content (Hugo's second benchmark figure)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    pages = make_site(a.content, a.hugo_dir, related=not a.no_related)
    if not a.quiet:
        print(f"hugo_site: {pages} pages in {a.hugo_dir}"
              f"{' (no related content)' if a.no_related else ''}; "
              f"build with: hugo --quiet -s {a.hugo_dir} -d OUT")


if __name__ == "__main__":
    main()
