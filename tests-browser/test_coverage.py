"""The coverage table tells the truth: every count on the sample site's coverage pages
is the number of active cards the topic-by-region page it links to lists as based in
the region, with those of the regions within it that the page links to; coverage.csv
says the same, and the looking-for and evidence pages list
every card that says what it is looking for and every link cards carry."""
import csv
import glob
import html.parser
import io
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402


class Cells(html.parser.HTMLParser):
    """The coverage table's cells: (row's region name, count shown, link or None, gap?)."""

    def __init__(self):
        super().__init__()
        self.cells, self.cell, self.region, self.in_row_header, self.text = [], None, None, False, ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "th" and attrs.get("scope") == "row":
            self.in_row_header, self.text = True, ""
        elif tag == "td":
            self.cell = {"href": None, "gap": "gap" in (attrs.get("class") or ""), "shown": ""}
            self.hidden = 0
        elif tag == "a" and self.cell is not None:
            self.cell["href"] = attrs["href"]
        elif tag == "span" and self.cell is not None and "visually-hidden" in (attrs.get("class") or ""):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag == "th" and self.in_row_header:
            self.in_row_header, self.region = False, self.text.strip()
        elif tag == "td" and self.cell is not None:
            self.cells.append((self.region, self.cell))
            self.cell = None
        elif tag == "span" and self.cell is not None and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if self.in_row_header:
            self.text += data
        elif self.cell is not None and not self.hidden:
            self.cell["shown"] += data


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def own_active(path):
    """The active cards a topic-by-region page lists under "In" the region (those that
    name the region itself), as site paths, leaving out those marked paused or closed."""
    page = read(path)
    section = page.split('<section class="local">', 1)[1].split("</section>", 1)[0]
    cards = set()
    for item in section.split('<li class="item card-item')[1:]:
        if not item.startswith(" is-inactive"):
            href = item.split('<a href="', 1)[1].split('"', 1)[0]
            cards.add(os.path.normpath(os.path.join(os.path.dirname(path), href)))
    return cards


def local_active(path):
    """The active cards based in a topic-by-region page's region or in a region within it:
    its own list, with the own lists of the pages it links to for the regions within (a
    card naming both a region and one within it counts once)."""
    cards = own_active(path)
    page = read(path)
    if '<section class="within-groups">' in page:
        section = page.split('<section class="within-groups">', 1)[1].split("</section>", 1)[0]
        for href in section.split('<a href="')[1:]:
            within = os.path.normpath(os.path.join(os.path.dirname(path), href.split('"', 1)[0], "index.html"))
            cards |= own_active(within)
    return len(cards)


def index_cards(site):
    """Every card of the site's index.json, read from the files it lists."""
    with open(os.path.join(site, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    cards = []
    for entry in index["files"]:
        if entry["kind"] == "cards":
            path = entry["url"].removeprefix(index["site"]["base_url"] or "")
            with open(os.path.join(site, path), encoding="utf-8") as f:
                cards += json.load(f)["cards"]
    return cards


class CoverageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = support.site()
        cls.pages = sorted(glob.glob(os.path.join(cls.site, "coverage", "**", "index.html"), recursive=True))

    def test_each_count_is_the_number_of_active_cards_on_the_page_it_links_to(self):
        self.assertGreaterEqual(len(self.pages), 2, "the sample's coverage table runs to two pages")
        checked = gaps = 0
        for path in self.pages:
            parser = Cells()
            parser.feed(read(path))
            self.assertTrue(parser.cells, path)
            for region, cell in parser.cells:
                count = int(cell["shown"].strip())
                self.assertEqual(cell["gap"], count == 0, f"{path}, {region}: a gap is a zero and a zero a gap")
                if cell["href"] is None:
                    self.assertEqual(count, 0, f"{path}, {region}: a count without a page")
                    gaps += 1
                    continue
                target = os.path.normpath(os.path.join(os.path.dirname(path), cell["href"], "index.html"))
                self.assertEqual(count, local_active(target), f"{path}, {region}: {cell['href']}")
                checked += 1
        self.assertGreater(checked, 20)
        self.assertGreater(gaps, 0, "the sample has gaps, and they are shown")

    def test_coverage_csv_agrees_with_the_pages(self):
        with open(os.path.join(self.site, "coverage.csv"), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        with open(os.path.join(self.site, "index.json"), encoding="utf-8") as f:
            index = json.load(f)
        self.assertEqual(len(rows), len(index["topics"]) * len(index["regions"]))
        for row in rows:
            if not row["page"]:
                self.assertEqual(row["active_cards"], "0")
                continue
            page = os.path.join(self.site, row["page"], "index.html")
            self.assertEqual(int(row["active_cards"]), local_active(page), row["page"])

    def test_looking_for_and_evidence_list_every_card_that_has_them(self):
        cards = index_cards(self.site)
        looking = read(os.path.join(self.site, "looking-for", "index.html"))
        evidence = read(os.path.join(self.site, "evidence", "index.html"))
        seeking = [c for c in cards if c.get("looking_for") and c["status"] != "closed"]
        self.assertGreater(len(seeking), 5)
        for card in seeking:
            self.assertIn(f'href="../cards/{card["slug"]}/"', looking, card["slug"])
        links = [(c, link) for c in cards for link in c.get("links", [])]
        self.assertGreater(len(links), 5)
        for card, link in links:
            self.assertIn(f'href="{link["url"]}"', evidence, link["url"])
            self.assertIn(f'From <a href="../cards/{card["slug"]}/">', evidence, card["slug"])


if __name__ == "__main__":
    unittest.main()
