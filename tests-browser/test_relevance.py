"""Search relevance in headless Chromium, through the real search page.

Tests/Fixtures/relevance/content is a directory of over 200 cards written for this
test (scripts/relevance_fixture.py writes it), as messy as real directory entries.
Tests/Fixtures/relevance/queries.json holds readers' queries (topic words, whole
sentences, places and postcodes, misspellings and other names) with the cards a good
answer holds. Each query is typed into /search/ as a URL; the first five results are
read off the page. The test prints success@5 (the share of queries with a good card
among the first five) and MRR (the mean of 1 / the rank of the first good card, 0
when none is in the first ten), and fails when either falls below the floors recorded
in queries.json."""
import json
import os
import sys
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FIXTURE = os.path.join("Tests", "Fixtures", "relevance")
CONTENT = os.path.join(FIXTURE, "content")
WAIT = 30


def load_queries():
    with open(os.path.join(support.ROOT, FIXTURE, "queries.json"), encoding="utf-8") as f:
        return json.load(f)


class RelevanceTests(unittest.TestCase):
    def setUp(self):
        self.driver = support.browser()

    def tearDown(self):
        self.driver.quit()

    def results(self, query):
        """The slugs of the first ten cards the search page lists for `query`."""
        self.driver.get(support.server_url(CONTENT) + "search/?" + urllib.parse.urlencode({"q": query}))

        def settled(d):
            app = d.find_element(By.ID, "search-app")
            return app.get_attribute("data-state") in ("ready", "error") and \
                d.find_element(By.ID, "search-results").get_attribute("aria-busy") != "true"
        try:
            WebDriverWait(self.driver, WAIT, poll_frequency=0.05).until(settled)
        except TimeoutException:
            raise AssertionError(f"the search page did not settle for {query!r}")
        self.assertEqual(self.driver.find_element(By.ID, "search-app").get_attribute("data-state"), "ready")
        links = self.driver.find_elements(By.CSS_SELECTOR, "#search-results > li .item-title a")
        return [link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for link in links[:10]]

    def test_readers_queries_find_good_cards(self):
        spec = load_queries()
        queries = spec["queries"]
        self.assertGreaterEqual(len(queries), 40)
        cards = set(name[:-3] for name in os.listdir(os.path.join(support.ROOT, CONTENT, "cards")))
        self.assertGreaterEqual(len(cards), 200)
        hits, reciprocal, misses, by_kind = 0, 0.0, [], {}
        for q in queries:
            self.assertTrue(set(q["relevant"]) <= cards, q["query"])
            slugs = self.results(q["query"])
            rank = next((i + 1 for i, slug in enumerate(slugs) if slug in q["relevant"]), None)
            hit = rank is not None and rank <= 5
            hits += hit
            reciprocal += 1 / rank if rank else 0
            kind = by_kind.setdefault(q["kind"], [0, 0])
            kind[0] += hit
            kind[1] += 1
            if not hit:
                misses.append(f"  {q['query']!r}: first good card at {rank or 'none in ten'}; the page shows {slugs[:5]}")
        success, mrr = hits / len(queries), reciprocal / len(queries)
        report = [f"relevance: {len(queries)} queries over {len(cards)} cards: success@5 {success:.3f}, MRR {mrr:.3f}"]
        report += [f"  {kind}: {h}/{n}" for kind, (h, n) in sorted(by_kind.items())]
        report += misses
        print("\n" + "\n".join(report), file=sys.stderr)
        floors = spec["floors"]
        self.assertGreaterEqual(success, floors["success_at_5"], "\n".join(report))
        self.assertGreaterEqual(mrr, floors["mrr"], "\n".join(report))


if __name__ == "__main__":
    unittest.main()
