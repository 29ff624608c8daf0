"""Shared set-up for the browser and HTML tests: build the sample site once with the
debug binary, serve it on loopback, and drive headless Chromium through Selenium.

Every test module calls `site()` for the built folder and `server_url()` for the
address it is served at; `browser()` gives a fresh headless Chromium."""
import functools
import http.server
import os
import shutil
import socket
import subprocess
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "whoswho")
TODAY = "2026-11-27"


def site(content="content"):
    """Builds `content` (relative to the repository) into a temporary folder, once."""
    # One cache key whether `content` is given or left to its default.
    return _built(content)


@functools.lru_cache(maxsize=None)
def _built(content):
    if not os.path.exists(BINARY):
        raise RuntimeError(f"{BINARY} is missing: run `swift build` first")
    out = os.path.join(tempfile.mkdtemp(prefix="whoswho-browser-"), "site")
    subprocess.run([BINARY, "build", "--content", os.path.join(ROOT, content), "--output", out,
                    "--themes", os.path.join(ROOT, "themes"), "--today", TODAY],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@functools.lru_cache(maxsize=None)
def server_url(content="content"):
    """Serves the built site on 127.0.0.1 on a free port for the rest of the run."""
    directory = site(content)
    handler = functools.partial(_QuietHandler, directory=directory)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/"


def chromium_paths():
    for binary in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.path.exists(binary):
            break
    else:
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return binary, driver


def browser(width=1280, height=900, javascript=True):
    """A headless Chromium driven by Selenium, using Debian's chromium-driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, driver = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def axe_source():
    """The text of axe-core's axe.min.js, as shipped by the axe-selenium-python package."""
    import axe_selenium_python
    path = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


def run_axe(driver):
    """Runs axe-core on the current page; returns its list of violations."""
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done([{id: 'axe-error', help: String(e), nodes: []}]));")
    return result
