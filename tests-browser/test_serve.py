"""`whoswho serve` in a real browser: an open page reloads by itself when a card is
edited, turns into the list of problems when the card is broken, and back into the
site when it is fixed; an open page the edit did not change stays as it is; and the
list of problems puts errors first, with the caret under the right character on a
phone."""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from support import BINARY, ROOT, TODAY, browser, run_axe

FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


class Serving:
    """A `whoswho serve` over a fresh copy of the valid fixture for each test class,
    and a browser (`width` × `height`)."""
    width, height = 1280, 900

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(BINARY):
            raise unittest.SkipTest(f"{BINARY} is missing: run `swift build` first")
        cls.folder = tempfile.mkdtemp(prefix="whoswho-serve-browser-")
        cls.content = os.path.join(cls.folder, "content")
        shutil.copytree(os.path.join(FIXTURES, "valid"), cls.content)
        cls.output = open(os.path.join(cls.folder, "stdout"), "w+", encoding="utf-8")
        cls.server = subprocess.Popen(
            [BINARY, "serve", "--content", cls.content, "--themes", os.path.join(ROOT, "themes"), "--port", "0", "--today", TODAY],
            stdout=cls.output, stderr=subprocess.DEVNULL, cwd=ROOT)
        deadline = time.monotonic() + 300
        cls.url = None
        while cls.url is None and time.monotonic() < deadline and cls.server.poll() is None:
            time.sleep(0.05)
            with open(cls.output.name, encoding="utf-8") as f:
                match = re.search(r"at (http://127\.0\.0\.1:\d+/)", f.read())
            cls.url = match and match.group(1)
        if cls.url is None:
            cls.tearDownClass()
            raise RuntimeError("whoswho serve did not start")
        cls.driver = browser(cls.width, cls.height)

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "driver", None):
            cls.driver.quit()
        cls.server.send_signal(signal.SIGINT)
        cls.server.wait(timeout=300)
        cls.output.close()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def edit(self, old, new, card="ada-example.md", atomically=False):
        path = os.path.join(self.content, "cards", card)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        # An atomic save (a new file renamed over the old one, as many editors do) is
        # never seen half-written: no build of an empty card comes in between.
        target = path + ".saving~" if atomically else path
        with open(target, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        if atomically:
            os.rename(target, path)

    def wait_for(self, condition, what):
        # Only a guard against a hang: on a loaded machine a rebuild may take long.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        self.fail(f"the page did not {what}: {self.driver.title!r}")


class ServeInBrowserTests(Serving, unittest.TestCase):
    def test_an_open_page_follows_the_content(self):
        d = self.driver
        d.get(self.url + "cards/ada-example/")
        self.assertTrue(d.title.startswith("Ada Example"))
        # A mark the page keeps until it is reloaded: reloads below are the page's own doing.
        d.execute_script("window.__untouched = true;")

        self.edit("name: Ada Example", "name: Ada Reloaded")
        self.wait_for(lambda: d.title.startswith("Ada Reloaded"), "reload with the new name")
        self.assertIsNone(d.execute_script("return window.__untouched || null;"))

        self.edit("kind: person", "kind: persn")
        self.wait_for(lambda: "The content has" in d.title, "show the problems")
        self.assertIn("'kind' cannot be 'persn'", d.find_element("css selector", "main").text)

        self.edit("kind: persn", "kind: person")
        self.wait_for(lambda: d.title.startswith("Ada Reloaded"), "come back as the site")


class OnlyChangedPagesReloadTests(Serving, unittest.TestCase):
    def test_only_the_page_that_changed_reloads(self):
        d = self.driver
        d.get(self.url + "cards/ada-example/")
        d.execute_script("window.__untouched = true;")
        ada = d.current_window_handle
        d.switch_to.new_window("window")
        d.get(self.url + "cards/carers-circle/")
        self.assertTrue(d.title.startswith("Carers Circle"))
        d.execute_script("window.__untouched = true;")
        carers = d.current_window_handle
        build = self.build_seen()

        # Shown on Ada's own page only (the other page lists Ada by name, not this).
        self.edit("looking_for: Other peer mentors to share ideas with.",
                  "looking_for: Other peer mentors, and a cup of tea.", atomically=True)
        # The page left alone has been told of the new build, and has not reloaded.
        self.wait_for(lambda: self.build_seen() > build, "hear of the new build")
        self.assertTrue(d.execute_script("return window.__untouched || null;"), "the carers page reloaded, though the edit did not change it")
        d.switch_to.window(ada)
        self.wait_for(lambda: "a cup of tea" in d.page_source, "reload with the edit")
        self.assertIsNone(d.execute_script("return window.__untouched || null;"))
        d.switch_to.window(carers)
        self.assertTrue(d.execute_script("return window.__untouched || null;"))

    def build_seen(self):
        """The build the open page's live-reload script has last heard of."""
        return int(self.driver.execute_script(
            "var s = document.querySelector('script[src*=\"/__whoswho/live.js\"]'); return s ? s.dataset.build || 0 : 0;"))


class ErrorPageOnAPhoneTests(Serving, unittest.TestCase):
    width, height = 390, 844

    def test_errors_come_first_and_the_caret_is_under_the_column(self):
        d = self.driver
        d.get(self.url)
        # A stale card, first by name: its warning would sort above the error.
        self.edit("updated: 2026-06-01", "updated: 2020-01-01", atomically=True)
        # An error far along a line too long for a phone's width.
        self.edit("topics: [dementia]", "topics: [dementia, carers, mental-health, memory-and-dementia-peer-support]",
                  card="memory-cafe.md", atomically=True)
        self.wait_for(lambda: "1 error and 1 warning" in d.title, "show the error and the warning")

        items = d.find_elements("css selector", "main li")
        self.assertEqual([i.get_attribute("class") for i in items], ["error", "warning"])
        self.assertIn("memory-cafe.md:5:43: error:", items[0].text)
        details = d.find_element("css selector", "main details.warnings")
        self.assertFalse(details.get_attribute("open"), "the warnings should be folded away")
        self.assertTrue(d.execute_script("return arguments[0].contains(arguments[1]);", details, items[1]))

        box = d.execute_script("""
            var pre = document.querySelector('li.error pre.source');
            var mark = pre.querySelector('mark').getBoundingClientRect();
            var caret = pre.querySelector('.caret').getBoundingClientRect();
            return {markLeft: mark.left, markTop: mark.top, caretLeft: caret.left, caretTop: caret.top,
                    lineHeight: parseFloat(getComputedStyle(pre).lineHeight),
                    scrolls: pre.scrollWidth > pre.clientWidth, mark: pre.querySelector('mark').textContent};""")
        self.assertEqual(box["mark"], "m")
        self.assertTrue(box["scrolls"], "the line should be too long for the screen, or this proves nothing")
        self.assertAlmostEqual(box["caretLeft"], box["markLeft"], delta=1)
        # The caret is on the line right under the marked character: the line did not wrap.
        self.assertAlmostEqual(box["caretTop"] - box["markTop"], box["lineHeight"], delta=2)

        violations = run_axe(d)
        self.assertEqual(violations, [], [v.get("id") for v in violations])


if __name__ == "__main__":
    unittest.main()
