"""The default theme's lists, A to Z, tables and home page search box, measured in
headless Chromium on a phone (390 by 844 CSS pixels) and on a desktop (1280 by 900), and
the lists also on the narrowest phone the theme is made for (320 by 640).

Each test reads the geometry of the rendered page on the sample site, so it fails when
the layout a reader saw comes back: a kind label that falls onto a line of its own, an
A to Z that leaves a column empty, a table that breaks a word in two, a search box too
narrow for its placeholder."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

NARROW = (320, 640)  # the narrowest screen the theme is made for
PHONE = (390, 844)
DESKTOP = (1280, 900)

# For each card in a list: where the kind label is against the last line of the name.
KIND_PLACES = """
return Array.from(document.querySelectorAll(arguments[0])).map(function (title) {
  var name = title.querySelector('a'), kind = title.querySelector('.kind');
  var range = document.createRange();
  range.selectNodeContents(name);
  var lines = Array.from(range.getClientRects()).filter(function (r) { return r.width > 0; });
  var tops = lines.map(function (r) { return Math.round(r.top); }).filter(function (t, i, all) { return all.indexOf(t) === i; });
  var k = kind.getBoundingClientRect(), last = lines[lines.length - 1];
  return {name: name.textContent, lines: tops.length, lastTop: last.top, lastBottom: last.bottom,
          lastRight: Math.max.apply(null, lines.filter(function (r) { return Math.round(r.top) === tops[tops.length - 1]; }).map(function (r) { return r.right; })),
          kindTop: k.top, kindBottom: k.bottom, kindLeft: k.left};
});
"""

# Every word (a run of letters and digits: a break after a hyphen is no break in a word) in
# every cell of the page's tables that the browser laid out on more than one line.
BROKEN_WORDS = """
var broken = [], words = 0;
document.querySelectorAll('.prose th, .prose td').forEach(function (cell) {
  var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var re = /[\\p{L}\\p{N}'\u2019]+/gu, m;
    while ((m = re.exec(node.data))) {
      var range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      var tops = Array.from(range.getClientRects()).filter(function (r) { return r.width > 0; })
        .map(function (r) { return Math.round(r.top); }).filter(function (t, i, all) { return all.indexOf(t) === i; });
      words++;
      if (tops.length > 1) broken.push(m[0]);
    }
  }
});
return {words: words, broken: broken};
"""

# The width of the field's placeholder in the field's font, and the room inside the field.
PLACEHOLDER = """
var input = document.querySelector(arguments[0]), style = getComputedStyle(input);
var context = document.createElement('canvas').getContext('2d');
context.font = style.font;
return {text: input.placeholder, width: context.measureText(input.placeholder).width,
        room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)};
"""


class LayoutTests(unittest.TestCase):
    def open(self, size, path):
        driver = support.browser(*size)
        self.addCleanup(driver.quit)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size != DESKTOP})
        driver.get(support.server_url() + path)
        self.assertEqual(driver.execute_script("return [innerWidth, innerHeight]"), list(size))
        return driver

    def assert_kind_after_the_name(self, places, where):
        self.assertTrue(places, f"{where}: no card in the list")
        for p in places:
            # The label is within the height of the name's last line, and after its text.
            self.assertGreaterEqual(p["kindTop"], p["lastTop"] - 1, f"{where}: {p}")
            self.assertLessEqual(p["kindBottom"], p["lastBottom"] + 1, f"{where}: {p}")
            self.assertGreaterEqual(p["kindLeft"], p["lastRight"] - 1, f"{where}: {p}")

    def test_a_cards_kind_label_follows_its_name_on_the_same_line(self):
        for size in (NARROW, PHONE, DESKTOP):
            for path in ("cards/", "topics/mental-health/"):
                driver = self.open(size, path)
                places = driver.execute_script(KIND_PLACES, ".card-item .item-title")
                self.assert_kind_after_the_name(places, f"{path} at {size}")
                if size != DESKTOP:
                    # The check means something only if some names wrap.
                    self.assertTrue(any(p["lines"] > 1 for p in places), f"{path}: no name wraps at {size}")
                # Nothing runs past the edge of its card.
                self.assertEqual(driver.execute_script(
                    "return Array.from(document.querySelectorAll('.card-item .item-title'))"
                    ".filter(function (t) { return t.scrollWidth > t.clientWidth; }).length"), 0, f"{path} at {size}")
            driver = self.open(size, "search/?q=peer")
            WebDriverWait(driver, 15, poll_frequency=0.05).until(
                lambda d: d.find_element(By.ID, "search-app").get_attribute("data-state") == "ready")
            self.assert_kind_after_the_name(driver.execute_script(KIND_PLACES, "#search-results .item-title"),
                                            f"search results at {size}")

    def test_the_organisers_lists_keep_the_kind_label_beside_the_name(self):
        for size in (NARROW, PHONE, DESKTOP):
            for path in ("looking-for/", "evidence/"):
                driver = self.open(size, path)
                places = driver.execute_script(KIND_PLACES, "main .item-title:has(.kind)")
                self.assertTrue(places, f"{path}: no entries")
                self.assert_kind_after_the_name(places, f"{path} at {size}")

    def test_the_a_to_z_fills_balanced_columns(self):
        column_tops = "return Array.from(document.querySelectorAll('.card-item')).map(function (i) {" \
                      " var r = i.getBoundingClientRect(); return [Math.round(r.left), r.top + scrollY, r.bottom + scrollY]; })"
        driver = self.open(DESKTOP, "cards/")
        items = driver.execute_script(column_tops)
        columns = {}
        for left, top, bottom in items:
            columns.setdefault(left, []).append((top, bottom))
        self.assertEqual(len(columns), 3, f"the A to Z uses {len(columns)} columns at {DESKTOP}")
        tallest = max(bottom - top for _, top, bottom in items)
        ends = [max(b for _, b in column) for column in columns.values()]
        # Balanced: no column runs on by more than one card (and a letter's heading).
        self.assertLessEqual(max(ends) - min(ends), tallest + 80, f"column ends {ends}")
        # Cards read down each column in A to Z order, then on to the next column.
        order = [name.text for name in driver.find_elements(By.CSS_SELECTOR, ".card-item .item-title a")]
        by_place = sorted(zip(items, order), key=lambda x: (x[0][0], x[0][1]))
        self.assertEqual([name for _, name in by_place], order)
        driver = self.open(PHONE, "cards/")
        self.assertEqual(len({left for left, _, _ in driver.execute_script(column_tops)}), 1)
        self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), PHONE[0])

    def test_a_guides_table_never_breaks_a_word(self):
        checked = 0
        for size in (PHONE, DESKTOP):
            driver = self.open(size, "guides/")
            guides = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".guide-item .item-title a")]
            for url in guides:
                driver.get(url)
                found = driver.execute_script(BROKEN_WORDS)
                checked += found["words"]
                self.assertEqual(found["broken"], [], f"{url} at {size}")
        self.assertGreater(checked, 0, "no guide has a table to check")

    def test_the_home_page_search_box_shows_its_whole_placeholder(self):
        for size in (PHONE, DESKTOP):
            driver = self.open(size, "")
            field = driver.execute_script(PLACEHOLDER, "#search-q")
            self.assertTrue(field["text"], "the home page's search box has no placeholder")
            self.assertLessEqual(field["width"], field["room"], f"at {size}: {field}")
            self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), size[0])


if __name__ == "__main__":
    unittest.main()
