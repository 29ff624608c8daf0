"""`whoswho serve` in a real browser: an open page reloads by itself when a card is
edited, turns into the list of problems when the card is broken, and back into the
site when it is fixed."""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from support import BINARY, ROOT, TODAY, browser

FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


class ServeInBrowserTests(unittest.TestCase):
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
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "driver", None):
            cls.driver.quit()
        cls.server.send_signal(signal.SIGINT)
        cls.server.wait(timeout=300)
        cls.output.close()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def edit(self, old, new):
        path = os.path.join(self.content, "cards", "ada-example.md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def wait_for(self, condition, what):
        # Only a guard against a hang: on a loaded machine a rebuild may take long.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        self.fail(f"the page did not {what}: {self.driver.title!r}")

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


if __name__ == "__main__":
    unittest.main()
