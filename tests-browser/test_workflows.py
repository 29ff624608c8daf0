"""The GitHub workflows parse, use the actions the project relies on, and only call
commands that exist: every `make` target is in the Makefile, and every `whoswho`
subcommand and option is one `whoswho help` lists."""
import os
import re
import shlex
import subprocess
import unittest

import yaml

from support import BINARY, ROOT

WORKFLOWS = os.path.join(ROOT, ".github", "workflows")


def load(name):
    with open(os.path.join(WORKFLOWS, name), encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    # YAML 1.1 reads the key `on` as true.
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def steps(workflow):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def commands(workflow):
    """Every shell command the workflow runs, one per line, `${{ … }}` replaced by a word."""
    for step in steps(workflow):
        for line in step.get("run", "").splitlines():
            line = re.sub(r"\$\{\{[^}]*\}\}", "EXPRESSION", line).strip()
            for part in re.split(r"&&|\|\||;", line):
                if part.strip():
                    yield shlex.split(part.strip())


def uses(workflow):
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


def make_targets():
    with open(os.path.join(ROOT, "Makefile"), encoding="utf-8") as f:
        return set(re.findall(r"^([A-Za-z0-9_.-]+):", f.read(), flags=re.M))


def help_text(*subcommand):
    return subprocess.run([BINARY, "help", *subcommand], capture_output=True, text=True, check=True).stdout


class WorkflowTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(BINARY):
            raise unittest.SkipTest(f"{BINARY} is missing: run `swift build` first")
        cls.check = load("check.yml")
        cls.publish = load("publish.yml")

    def test_check_runs_on_every_pull_request(self):
        self.assertIn("pull_request", self.check["on"])
        self.assertEqual(uses(self.check), ["actions/checkout", "actions/cache", "actions/upload-artifact"])
        lines = [" ".join(c) for c in commands(self.check)]
        self.assertTrue(any(line.startswith(".build/release/whoswho check --format github --changed-files ") for line in lines))
        # The history the changed files are worked out from.
        checkout = [s for s in steps(self.check) if s.get("uses", "").startswith("actions/checkout@")]
        self.assertEqual(checkout[0]["with"]["fetch-depth"], 0)
        self.assertTrue(any(line.startswith(".build/release/whoswho build ") for line in lines))
        # The artifact is a preview opened from the file system: built for it, and the summary says how.
        self.assertTrue(any(line.startswith(".build/release/whoswho build ") and "--file-preview" in line for line in lines))
        summary = [s["run"] for s in steps(self.check) if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
        self.assertEqual(len(summary), 1)
        self.assertIn("index.html", summary[0])

    def test_publish_deploys_main_to_pages_with_its_base_url(self):
        self.assertEqual(self.publish["on"]["push"]["branches"], ["main"])
        self.assertEqual(self.publish["permissions"]["pages"], "write")
        self.assertEqual(self.publish["permissions"]["id-token"], "write")
        self.assertEqual(uses(self.publish), ["actions/checkout", "actions/cache", "actions/configure-pages",
                                              "actions/upload-pages-artifact", "actions/deploy-pages"])
        build = [c for c in commands(self.publish) if c[:2] == [".build/release/whoswho", "build"]]
        self.assertEqual(len(build), 1)
        self.assertIn("--base-url", build[0])
        # configure-pages' base_url has no trailing slash; whoswho wants one.
        with open(os.path.join(WORKFLOWS, "publish.yml"), encoding="utf-8") as f:
            self.assertIn('--base-url "${{ steps.pages.outputs.base_url }}/"', f.read())
        self.assertEqual(self.publish["jobs"]["deploy"]["needs"], "build")
        self.assertEqual(self.publish["jobs"]["deploy"]["environment"]["name"], "github-pages")

    def test_both_cache_the_build_folder_and_use_the_readme_commands(self):
        for name, workflow in (("check", self.check), ("publish", self.publish)):
            with self.subTest(name):
                cache = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/cache@")]
                self.assertEqual(len(cache), 1)
                self.assertEqual(cache[0]["with"]["path"], ".build")
                self.assertIn("hashFiles('Package.swift')", cache[0]["with"]["key"])
                lines = [" ".join(c) for c in commands(workflow)]
                self.assertIn("make deps", lines)
                self.assertIn("make release", lines)
                self.assertTrue(str(next(iter(workflow["jobs"].values()))["container"]).startswith("swift:6"))

    def test_every_command_exists(self):
        targets = make_targets()
        subcommands = set(re.findall(r"^  ([a-z]+) ", help_text().split("SUBCOMMANDS:")[1], flags=re.M))
        self.assertIn("check", subcommands)
        seen = 0
        for name, workflow in (("check", self.check), ("publish", self.publish)):
            for command in commands(workflow):
                program = os.path.basename(command[0])
                with self.subTest(f"{name}: {' '.join(command)}"):
                    if program == "make":
                        for target in command[1:]:
                            if "=" not in target and not target.startswith("-"):
                                self.assertIn(target, targets, f"make {target}: no such target in the Makefile")
                        seen += 1
                    elif program == "whoswho":
                        self.assertEqual(command[0], ".build/release/whoswho", "the binary `make release` builds")
                        subcommand = command[1]
                        self.assertIn(subcommand, subcommands)
                        options = set(re.findall(r"--[a-z][a-z-]*", help_text(subcommand)))
                        for word in command[2:]:
                            if word.startswith("--"):
                                self.assertIn(word.split("=")[0], options, f"whoswho {subcommand} has no {word}")
                        seen += 1
        self.assertGreaterEqual(seen, 8)

    def test_make_targets_named_in_the_readme_exist(self):
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        for target in re.findall(r"`make ([a-z-]+)`", readme):
            self.assertIn(target, make_targets())


if __name__ == "__main__":
    unittest.main()
