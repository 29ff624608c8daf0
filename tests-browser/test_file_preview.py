"""A site built with `whoswho build --file-preview` works opened from the file system:
from the home page a reader reaches a card, the A–Z and a topic by following links, and
search finds a card, all over file:// with no web server. A site built without the
option is shown not to (so the test can fail)."""
import os
import shutil
import subprocess
import tempfile
import unittest

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import support

WAIT = 60  # a guard against a hang, not a measure of speed


def build(output, *extra):
    subprocess.run([support.BINARY, "build", "--content", os.path.join(support.ROOT, "content"), "--output", output,
                    "--themes", os.path.join(support.ROOT, "themes"), "--today", support.TODAY, *extra],
                   check=True, cwd=support.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class FilePreviewTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="whoswho-file-preview-")
        cls.preview = os.path.join(cls.work, "preview")
        cls.plain = os.path.join(cls.work, "plain")
        build(cls.preview, "--file-preview")
        build(cls.plain)
        cls.driver = support.browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.work, ignore_errors=True)

    def home(self, folder):
        self.driver.get("file://" + os.path.join(folder, "index.html"))

    def click(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
        element.click()

    def follow(self, selector):
        """Clicks the first link matching `selector` and returns the page's heading."""
        self.click(self.driver.find_element(By.CSS_SELECTOR, selector))
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def test_links_from_home_reach_a_card_the_a_to_z_and_a_topic(self):
        self.home(self.preview)
        name = self.driver.find_element(By.CSS_SELECTOR, ".card-list .item-title a").text
        self.assertEqual(self.follow(".card-list .item-title a"), name)
        self.assertTrue(self.driver.current_url.endswith("/index.html"), self.driver.current_url)
        self.home(self.preview)
        self.assertIn("A–Z", self.follow('a[href="cards/index.html"]'))
        self.home(self.preview)
        topic = self.driver.find_element(By.CSS_SELECTOR, "#topics-heading ~ .browse-list a").text
        self.assertEqual(self.follow("#topics-heading ~ .browse-list a"), topic)
        # A card linked from the topic page opens too.
        card = self.driver.find_element(By.CSS_SELECTOR, ".card-list .item-title a").text
        self.assertEqual(self.follow(".card-list .item-title a"), card)

    def search(self, folder, query):
        self.driver.get("file://" + os.path.join(folder, "search", "index.html") + "?q=" + query)
        try:
            WebDriverWait(self.driver, WAIT, poll_frequency=0.05).until(
                lambda d: d.find_element(By.ID, "search-app").get_attribute("data-state") in ("ready", "error"))
        except TimeoutException:
            raise AssertionError("the search page never settled")
        return self.driver.find_element(By.ID, "search-app").get_attribute("data-state")

    def test_search_works_from_files_and_its_results_open(self):
        self.assertEqual(self.search(self.preview, "aphasia"), "ready")
        first = self.driver.find_element(By.CSS_SELECTOR, "#search-results > li .item-title a")
        name = first.text
        self.assertIn("Aphasia", name)
        self.assertRegex(first.get_attribute("href"), r"^file:///.*/cards/[a-z0-9-]+/index\.html$")
        self.click(first)
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "h1").text, name)

    def test_a_site_built_without_the_option_does_not_search_from_files(self):
        self.assertEqual(self.search(self.plain, "aphasia"), "error")
        self.home(self.plain)
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, ".card-list .item-title a").get_dom_attribute("href")[-1], "/")

    def test_the_option_costs_the_published_site_nothing(self):
        with open(os.path.join(self.plain, "index.html"), encoding="utf-8") as f:
            self.assertNotIn("index.html\"", f.read().replace('href="./index.html"', ""))
        scripts = [f for _, _, files in os.walk(self.plain) for f in files if f.endswith((".json.js", ".bin.js", ".txt.js"))]
        self.assertEqual(scripts, [])


if __name__ == "__main__":
    unittest.main()
