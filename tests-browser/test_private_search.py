"""A postcode typed in the home page's search box never reaches the web server: the
home page sends the reader to the search page with the words after '#', which a browser
keeps to itself, and the search page reads them from there. The server's own log of
requests is checked; a plain form submission (the same page without its script) is
shown to send the words, so the check can fail."""
import functools
import http.server
import threading
import unittest

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import support

WAIT = 60  # a guard against a hang, not a measure of speed


class _Recording(http.server.SimpleHTTPRequestHandler):
    paths = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        _Recording.paths.append(self.path)
        super().do_GET()


class PrivateSearchTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        handler = functools.partial(_Recording, directory=support.site())
        cls.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.httpd.serve_forever, daemon=True).start()
        cls.url = f"http://127.0.0.1:{cls.httpd.server_address[1]}/"

    @classmethod
    def tearDownClass(cls):
        cls.httpd.shutdown()
        cls.httpd.server_close()

    def search_from_home(self, javascript):
        _Recording.paths.clear()
        driver = support.browser(javascript=javascript)
        try:
            driver.get(self.url)
            box = driver.find_element(By.ID, "search-q")
            box.send_keys("carers LS6 3QW")
            box.submit()
            if javascript:
                try:
                    WebDriverWait(driver, WAIT, poll_frequency=0.05).until(
                        lambda d: d.find_element(By.ID, "search-app").get_attribute("data-state") in ("ready", "error"))
                except TimeoutException:
                    raise AssertionError("the search page never settled")
                return driver.find_element(By.ID, "search-status").text, list(_Recording.paths)
            WebDriverWait(driver, WAIT).until(lambda d: "/search/" in d.current_url)
            return "", list(_Recording.paths)
        finally:
            driver.quit()

    def test_a_postcode_from_the_home_page_stays_in_the_browser(self):
        status, paths = self.search_from_home(javascript=True)
        self.assertTrue(any(p.startswith("/search/") for p in paths), paths)
        self.assertFalse([p for p in paths if "3qw" in p.lower() or "ls6" in p.lower()], paths)
        self.assertIn("carers", status.lower())
        self.assertIn("LS6", status)  # read as a place: "LS6 … is read as Yorkshire …"

    def test_without_the_script_the_form_sends_the_words(self):
        _, paths = self.search_from_home(javascript=False)
        self.assertTrue([p for p in paths if "LS6" in p.upper()], paths)


if __name__ == "__main__":
    unittest.main()
