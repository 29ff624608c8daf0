"""CONTRIBUTING.md stays true: its card template is what `whoswho new card` writes, and
every check message it explains is one the checker really gives."""
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from support import BINARY, ROOT, TODAY

FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")


def contributing():
    with open(os.path.join(ROOT, "CONTRIBUTING.md"), encoding="utf-8") as f:
        return f.read()


class ContributingTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(BINARY):
            raise unittest.SkipTest(f"{BINARY} is missing: run `swift build` first")

    def test_the_template_is_what_new_writes(self):
        match = re.search(r"### The card template\n.*?```markdown\n(.*?)```\n", contributing(), flags=re.S)
        self.assertIsNotNone(match, "CONTRIBUTING.md has a card template")
        with tempfile.TemporaryDirectory(prefix="whoswho-contributing-") as temporary:
            os.mkdir(os.path.join(temporary, "content"))
            subprocess.run([BINARY, "new", "card", "your-card", "--content", os.path.join(temporary, "content"), "--today", TODAY],
                           check=True, capture_output=True)
            with open(os.path.join(temporary, "content", "cards", "your-card.md"), encoding="utf-8") as f:
                written = f.read()
        self.assertEqual(match.group(1), written, "CONTRIBUTING.md's template is out of date: paste in what `whoswho new card` writes")

    def test_every_message_explained_is_one_the_checker_gives(self):
        messages = set()
        for expected in glob.glob(os.path.join(FIXTURES, "invalid", "*", "expected.txt")):
            with open(expected, encoding="utf-8") as f:
                messages |= {line.split(" ", 2)[2] for line in f.read().splitlines() if line}
        # Two more, from a card with a misspelt field and a new card left unfilled.
        with tempfile.TemporaryDirectory(prefix="whoswho-contributing-") as temporary:
            content = os.path.join(temporary, "content")
            shutil.copytree(os.path.join(FIXTURES, "valid"), content)
            with open(os.path.join(content, "cards", "typo.yml"), "w", encoding="utf-8") as f:
                f.write("name: Typo\nkind: group\nsumary: Example.\ntopics: [carers]\nregions: [scotland]\nupdated: 2026-05-01\n")
            subprocess.run([BINARY, "new", "card", "unfilled", "--content", content], check=True, capture_output=True)
            report = subprocess.run([BINARY, "check", "--content", content, "--today", TODAY, "--format", "json"],
                                    capture_output=True, text=True)
            messages |= {d["message"] for d in json.loads(report.stdout)}
        rows = re.findall(r"^\| (?:warning: )?`([^`]+)` \|", contributing(), flags=re.M)
        self.assertGreaterEqual(len(rows), 15)
        for row in rows:
            with self.subTest(row):
                pattern = ".*".join(re.escape(part) for part in row.split("…"))
                self.assertTrue(any(re.fullmatch(pattern, m) for m in messages),
                                f"no checker message looks like {row!r}")

    def test_the_pull_request_template_has_a_checklist(self):
        with open(os.path.join(ROOT, ".github", "pull_request_template.md"), encoding="utf-8") as f:
            text = f.read()
        self.assertGreaterEqual(text.count("- [ ] "), 4)
        self.assertIn("TODO", text)


if __name__ == "__main__":
    unittest.main()
