"""No SVG a site publishes runs script when a reader opens it on its own.

The hostile SVGs of Tests/Fixtures/invalid/svg-script each set `data-ran` on the
document when their script runs. Served as they are, outside whoswho, each one does
run in Chromium (so the detector works); `whoswho check` refuses every one of them;
and every SVG of every site whoswho does build opens, with each of its links
clicked, without running anything."""
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
import unittest

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

from support import BINARY, ROOT, TODAY, browser, site

FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "invalid", "svg-script", "static", "images")
HOSTILE = sorted(n for n in os.listdir(FIXTURE) if n.endswith(".svg") and n not in ("safe.svg", "drawing.svg"))
HARMLESS = ["safe.svg", "drawing.svg"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(directory):
    handler = functools.partial(_Quiet, directory=directory)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def _marked(driver):
    return driver.execute_script("return document.documentElement.getAttribute('data-ran')") == "1"


def _settled_and_marked(driver, expect):
    """Whether the marker is set once the page has run what a click queued: a
    javascript: link runs as a task of its own, after the click returns. Where script
    is expected (the control), wait for it with a guard of a minute against a hang;
    otherwise let two rounds of queued tasks and a frame pass, then look."""
    if expect:
        try:
            WebDriverWait(driver, 60, poll_frequency=0.05).until(_marked)
        except TimeoutException:
            return False
        return True
    try:
        driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "setTimeout(function () { requestAnimationFrame(function () { setTimeout(done, 0); }); }, 0);")
    except Exception:
        pass  # the link navigated away: nothing of it runs here
    return _marked(driver)


def _script_ran(driver, url, expect=False):
    """Opens `url` and says whether any script in it set the marker, on loading (load
    handlers and frames have run once the load event fires) or when any one of its
    links is clicked, each on a fresh copy of the page."""
    main = driver.current_window_handle
    driver.get(url)
    if _marked(driver):
        return True
    links = len(driver.find_elements("css selector", "a"))
    if expect and links == 0:
        return _settled_and_marked(driver, True)
    for i in range(links):
        driver.get(url)
        try:
            driver.find_elements("css selector", "a")[i].click()
        except Exception:
            pass  # a link that cannot be clicked runs nothing
        for handle in driver.window_handles:
            if handle != main:
                driver.switch_to.window(handle)
                driver.close()
        driver.switch_to.window(main)
        if _settled_and_marked(driver, expect and i == links - 1):
            return True
    return False


class SVGScriptTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def test_every_hostile_sample_runs_script_when_served_as_it_is(self):
        self.assertGreaterEqual(len(HOSTILE), 8)
        httpd, url = _serve(FIXTURE)
        try:
            for name in HOSTILE:
                with self.subTest(svg=name):
                    self.assertTrue(_script_ran(self.driver, url + name, expect=True), f"{name} ran no script in Chromium")
            for name in HARMLESS:
                with self.subTest(svg=name):
                    self.assertFalse(_script_ran(self.driver, url + name))
        finally:
            httpd.shutdown()
            httpd.server_close()

    def test_check_refuses_every_hostile_sample_and_build_publishes_none(self):
        work = tempfile.mkdtemp(prefix="whoswho-svg-")
        try:
            content = os.path.join(work, "content")
            shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "valid"), content)
            for name in HOSTILE + HARMLESS:
                shutil.copy(os.path.join(FIXTURE, name), os.path.join(content, "static", "images", name))
            check = subprocess.run([BINARY, "check", "--content", content, "--today", TODAY],
                                   capture_output=True, text=True, cwd=ROOT)
            self.assertEqual(check.returncode, 1)
            for name in HOSTILE:
                self.assertIn(f"static/images/{name}:", check.stderr + check.stdout)
            for name in HARMLESS:
                self.assertNotIn(f"static/images/{name}:", check.stderr + check.stdout)
            output = os.path.join(work, "site")
            build = subprocess.run([BINARY, "build", "--content", content, "--output", output,
                                    "--themes", os.path.join(ROOT, "themes"), "--today", TODAY],
                                   capture_output=True, text=True, cwd=ROOT)
            self.assertEqual(build.returncode, 1)
            self.assertFalse(os.path.exists(output))
        finally:
            shutil.rmtree(work)

    def test_no_svg_a_built_site_publishes_runs_script(self):
        work = tempfile.mkdtemp(prefix="whoswho-svg-")
        try:
            content = os.path.join(work, "content")
            shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "valid"), content)
            for name in HARMLESS:
                shutil.copy(os.path.join(FIXTURE, name), os.path.join(content, "static", "images", name))
            output = os.path.join(work, "site")
            subprocess.run([BINARY, "build", "--content", content, "--output", output,
                            "--themes", os.path.join(ROOT, "themes"), "--today", TODAY],
                           check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            for built in (output, site()):
                svgs = [os.path.relpath(os.path.join(d, f), built)
                        for d, _, files in os.walk(built) for f in files if f.endswith(".svg")]
                if built == output:
                    self.assertGreaterEqual(len(svgs), len(HARMLESS) + 1)
                httpd, url = _serve(built)
                try:
                    for path in sorted(svgs):
                        with self.subTest(svg=path):
                            self.assertFalse(_script_ran(self.driver, url + path))
                finally:
                    httpd.shutdown()
                    httpd.server_close()
        finally:
            shutil.rmtree(work)


if __name__ == "__main__":
    unittest.main()
