"""Accessibility of the sample site in headless Chromium: axe-core finds no violation on
each kind of page (in light and dark colour schemes), every page has one h1, the skip
link comes first and moves focus to the main content, focus is visible, nothing scrolls
sideways at 320 px, and a card page prints without the site's navigation.

axe-core only judges the contrast of text inside the viewport (the rest comes back
"incomplete"), so each page is checked with a viewport as tall as the page, and any
contrast axe could not decide fails the test too.

The search page is tested in test_search.py."""
import glob
import html.parser
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def richest(pattern, *markers):
    """The path (from the site root, as a URL) of the page matching `pattern` with the
    most on it: holding as many of `markers` as any page does, then the biggest, then
    the first by name."""
    root = support.site()
    files = sorted(glob.glob(os.path.join(root, pattern)))
    if not files:
        raise AssertionError(f"no page matches {pattern} in {root}")

    def score(file):
        with open(file, encoding="utf-8") as f:
            text = f.read()
        return (sum(marker in text for marker in markers), len(text), [-ord(c) for c in file])
    best = max(files, key=score)
    return os.path.relpath(os.path.dirname(best), root).replace(os.sep, "/") + "/"


def pages():
    """One of each kind of page (the richest of each), by name: path from the site root."""
    return {
        "home": "",
        "card": richest("cards/*/index.html", 'class="notice', 'class="contact"', 'class="links"', "mentioned-in",
                        'class="where-when"', 'class="place-map"', 'class="runs"'),
        "guide": richest("guides/*/index.html", "<table", "<h3", 'class="related"'),
        "topic": richest("topics/*/index.html"),
        "region": richest("regions/*/index.html", 'class="within"', 'class="within-groups"', 'class="wider"'),
        "topic-by-region": richest("topics/*/*/index.html", 'class="local"', 'class="wider"'),
        "cards A–Z": "cards/",
        "guides": "guides/",
        "topics": "topics/",
        "regions": "regions/",
        "coverage": "coverage/",
        "coverage, page 2": "coverage/page/2/",
        "looking for": "looking-for/",
        "evidence": "evidence/",
        "404": "404.html",
    }


def describe(violations):
    """axe's violations, one a line: rule, help, and the first nodes' targets."""
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])[:5]]
        more = len(v.get("nodes", [])) - len(targets)
        lines.append(f"  {v.get('id')} ({v.get('impact')}): {v.get('help')}\n      at {targets}" + (f" and {more} more" if more > 0 else ""))
        for n in v.get("nodes", [])[:1]:
            if n.get("failureSummary"):
                lines.append("      " + n["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations', 'incomplete']}).then(
    r => done({violations: r.violations, incomplete: r.incomplete.filter(v => v.id === 'color-contrast')}),
    e => done({violations: [{id: 'axe-error', help: String(e), nodes: []}], incomplete: []}));
"""


class _HeadingCounter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.h1 += 1


# A sample card's former slug, and the card it leads to.
MOVED = "cards/dundee-carers-thursday-group/"
MOVED_TO = "cards/carers-together-dundee/"


def still_copy(path):
    """Writes a copy of the page at `path` without its meta refresh beside it; returns its path."""
    root = support.site()
    with open(os.path.join(root, path, "index.html"), encoding="utf-8") as f:
        text = f.read()
    still = "\n".join(line for line in text.split("\n") if 'http-equiv="refresh"' not in line)
    assert still != text, f"{path} has no meta refresh"
    with open(os.path.join(root, path, "without-refresh.html"), "w", encoding="utf-8") as f:
        f.write(still)
    return path + "without-refresh.html"


def paged_fixture():
    """A copy of the fixture content with one card or guide a page, so that every list with
    more than one entry runs over pages; its path."""
    content = os.path.join(tempfile.mkdtemp(prefix="whoswho-a11y-paged-"), "content")
    shutil.copytree(os.path.join(support.ROOT, "Tests", "Fixtures", "valid"), content)
    with open(os.path.join(content, "site.yml"), "a", encoding="utf-8") as f:
        f.write("\npage_size: 1\n")
    return content


class AccessibilityTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        base = support.server_url()
        # Page name → address. The fixture's Ada Example card has what no sample card has:
        # an image, a paused status and every optional field.
        cls.pages = {name: base + path for name, path in pages().items()}
        cls.pages["fixture card with every field"] = support.server_url("Tests/Fixtures/valid") + "cards/ada-example/"
        # Lists in pages: the first page of a topic with its pagination bar, and a later one.
        paged = support.server_url(paged_fixture())
        cls.pages["a topic's first page of several"] = paged + "topics/mental-health/"
        cls.pages["a later page of a topic"] = paged + "topics/mental-health/page/2/"
        # A renamed card's old address sends the browser on at once, so axe would judge the
        # card instead: it judges a copy of that page without its refresh, beside it.
        cls.pages["a renamed card's old address"] = base + still_copy(MOVED)
        cls.driver = support.browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def setUp(self):
        self.reset()

    def reset(self):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def open(self, url):
        self.driver.get(url)
        WebDriverWait(self.driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def axe_whole_page(self, width=1280):
        """axe's violations on the open page, with a viewport as tall as the page so that
        every text's contrast is judged; contrast it could not decide counts as a violation."""
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": min(height, 20000), "deviceScaleFactor": 1, "mobile": False})
        try:
            self.driver.execute_script(support.axe_source())
            result = self.driver.execute_async_script(AXE_RUN)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        undecided = [dict(v, id="color-contrast (undecided)") for v in result["incomplete"]]
        return result["violations"] + undecided

    def dark(self):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})

    def test_axe_finds_no_violation(self):
        for name, url in self.pages.items():
            with self.subTest(page=name, url=url):
                self.open(url)
                violations = self.axe_whole_page()
                self.assertEqual(violations, [], f"axe on {name} ({url}):\n{describe(violations)}")

    def test_axe_finds_no_violation_in_dark_mode(self):
        self.dark()
        for name, url in self.pages.items():
            with self.subTest(page=name, url=url):
                self.open(url)
                self.assertTrue(self.driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches"))
                violations = self.axe_whole_page()
                self.assertEqual(violations, [], f"axe on {name} ({url}) in dark mode:\n{describe(violations)}")

    def test_axe_reports_what_it_should(self):
        """The check can fail: an image without alt text and grey-on-grey text at the foot
        of a long page (below the first screen) are reported."""
        self.open(self.pages["cards A–Z"])
        self.driver.execute_script("""
            const main = document.querySelector('main');
            main.insertAdjacentHTML('beforeend', '<img src="x.png"><p style="color:#777;background:#888">faint</p>');
        """)
        ids = {v["id"] for v in self.axe_whole_page()}
        self.assertIn("image-alt", ids)
        self.assertIn("color-contrast", ids)

    def test_dark_mode_changes_the_colours(self):
        background = "return getComputedStyle(document.body).backgroundColor"
        self.open(self.pages["home"])
        light = self.driver.execute_script(background)
        self.dark()
        self.open(self.pages["home"])
        self.assertNotEqual(self.driver.execute_script(background), light)

    def test_every_page_has_exactly_one_h1(self):
        root = support.site()
        files = sorted(glob.glob(os.path.join(root, "**", "*.html"), recursive=True))
        self.assertGreater(len(files), 20)
        wrong = []
        for file in files:
            counter = _HeadingCounter()
            with open(file, encoding="utf-8") as f:
                counter.feed(f.read())
            if counter.h1 != 1:
                wrong.append(f"{os.path.relpath(file, root)}: {counter.h1} h1 elements")
        self.assertEqual(wrong, [])

    def test_the_skip_link_comes_first_and_moves_focus_to_main(self):
        for name, url in self.pages.items():
            with self.subTest(page=name, url=url):
                self.open(url)
                ActionChains(self.driver).send_keys(Keys.TAB).perform()
                link = self.driver.switch_to.active_element
                self.assertEqual(link.get_attribute("class"), "skip-link", f"the first focusable element on {name} is {link.get_attribute('outerHTML')[:120]}")
                self.assertTrue(link.is_displayed())
                top = self.driver.execute_script("return arguments[0].getBoundingClientRect().top", link)
                self.assertGreaterEqual(top, 0, "the focused skip link is off the screen")
                ActionChains(self.driver).send_keys(Keys.ENTER).perform()
                WebDriverWait(self.driver, 5).until(
                    lambda d: d.execute_script("return document.activeElement === document.querySelector('main')"),
                    f"focus did not move to main on {name}")

    def test_focus_is_visible(self):
        """Each of the first focusable elements, reached with Tab, shows a focus ring."""
        for name in ("home", "card"):
            with self.subTest(page=name):
                self.open(self.pages[name])
                for _ in range(12):
                    ActionChains(self.driver).send_keys(Keys.TAB).perform()
                    focused = self.driver.switch_to.active_element
                    style = self.driver.execute_script(
                        "const s = getComputedStyle(arguments[0]);"
                        "return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow, arguments[0].outerHTML.slice(0, 100)]",
                        focused)
                    self.assertTrue((style[0] != "none" and style[1] >= 2) or style[2] != "none",
                                    f"no visible focus on {style[3]}")

    def test_no_page_scrolls_sideways_at_320_pixels(self):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 320, "height": 720, "deviceScaleFactor": 1, "mobile": False})
        overflow = """
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right));
            return [document.documentElement.scrollWidth, width, window.innerWidth, wide];
        """
        for name, url in self.pages.items():
            with self.subTest(page=name, url=url):
                self.open(url)
                scroll, client, inner, wide = self.driver.execute_script(overflow)
                self.assertEqual(inner, 320)
                self.assertLessEqual(scroll, client, f"{name} ({url}) is {scroll} px wide at 320 px; too wide: {wide}")

    def test_a_renamed_cards_old_address_leads_to_the_card(self):
        self.open(support.server_url() + MOVED)
        WebDriverWait(self.driver, 10).until(lambda d: d.current_url.endswith(MOVED_TO))
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "main h1").text, "Carers Together Dundee, Thursday Group")

    def test_a_card_page_prints_without_the_site_navigation(self):
        self.open(self.pages["card"])
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        self.assertTrue(self.driver.execute_script("return matchMedia('print').matches"))
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed())
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".skip-link").is_displayed())
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, "main h1").is_displayed())
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed())


if __name__ == "__main__":
    unittest.main()
