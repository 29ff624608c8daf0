"""The JSON Schemas of `whoswho schema` say what `whoswho check` says.

- Every sample card and guide in content/ passes its schema, and so does the valid fixture.
- Every invalid fixture under Tests/Fixtures/invalid/ that the checker rejects for a reason
  the schema can express is rejected by the schema, file by file, and every file there the
  checker accepts is accepted. Fixtures whose rule needs other files, the file system or the
  YAML reader's limits are listed in EXCLUDED with the reason.
- Dozens of one-field edits of a valid card are given to the checker and the schema side by
  side: they agree on every one.
- The schema's fields are the checker's fields; index.json of the built sample site, and
  every file of cards and guides it lists, pass the index schema (and those of the
  1,001-card corpus of corpus_site.py, whose cards take two files); the schemas in
  schemas/ are what `whoswho schema` prints today.

Front matter is read twice: as the checker reads it (every value is text unless empty,
`~` or null) and as a type-guessing reader such as an editor does (PyYAML's `no` is false,
`2018` a number; dates are left as text, since the schema describes the text written).
"""
import csv
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import yaml
from jsonschema import Draft202012Validator

from corpus_site import corpus_site
from support import BINARY, ROOT, TODAY, site

FIXTURES = os.path.join(ROOT, "Tests", "Fixtures")
VALID = os.path.join(FIXTURES, "valid")
INVALID = os.path.join(FIXTURES, "invalid")

# Invalid fixtures the schemas do not judge, and why. Every other folder under invalid/ is
# checked file by file; a new folder must be added to one list or the other.
EXCLUDED = {
    "alias-bomb": "a limit of the YAML reader (alias expansion), not a field rule",
    "bad-file-name": "the file's name breaks the slug rule; a schema sees only the fields",
    "bom-positions": "its file is written by the Swift tests (a byte-order mark git may strip); wrong-type covers its rule",
    "crlf-positions": "its file is written by the Swift tests (CRLF line ends); its errors are an unknown topic and a broken link",
    "empty-file": "an empty file has no fields to validate",
    "field-twice": "a field given twice is a YAML-level error: a parsed mapping, and so JSON, can hold a key only once",
    "file-too-large": "a limit on the file's size, written by the Swift tests",
    "front-matter-unclosed": "the front matter cannot be found, so there are no fields to validate",
    "guide-cards-missing": "needs the other files: the card named in 'cards' does not exist",
    "organisation-reference": "needs the other files: whether the card named in 'organisation' exists and is an organisation",
    "former-slugs": "needs the other files: a former slug that is another card's or this file's own slug, or that a card names",
    "oruk-id-shared": "needs the other files: each card's oruk_id is fine alone; the error is that two cards share one",
    "licence-unknown": "site.yml is the site's settings, not a card or a guide",
    "hard-link": "a file-system rule",
    "link-missing-anchor": "needs the other files: links in the body",
    "link-missing-file": "needs the other files: links in the body",
    "link-outside": "needs the other files: links in the body",
    "nesting-too-deep": "a limit of the YAML reader (nesting depth), not a field rule",
    "non-utf8": "its file is written by the Swift tests; bytes that are not UTF-8 cannot be parsed at all",
    "region-cycle": "regions.yml is a vocabulary, not a card or a guide",
    "region-places": "regions.yml is a vocabulary, not a card or a guide",
    "region-unknown-parent": "regions.yml is a vocabulary, not a card or a guide",
    "related-missing": "needs the other files: the cards named in 'related' do not exist",
    "related-self": "needs the file's own name: a card naming itself in 'related'",
    "topic-aliases": "topics.yml is a vocabulary, not a card or a guide",
    "symlinked-card": "a file-system rule, written by the Swift tests",
    "symlinked-folder": "a file-system rule, written by the Swift tests",
    "svg-script": "a rule about an SVG file in static/, not a card or a guide",
    "static-in-the-way": "a rule about files in static/ and the site's own paths, not a card or a guide",
    "two-files-one-slug": "each file is fine alone; the error is that both exist",
    "updated-in-the-future": "depends on the day the check runs, which a schema cannot know",
    "unused-vocabulary": "a warning about topics.yml and regions.yml, not a card or a guide",
    "wrong-extension": "the file's extension, which a schema of its fields cannot see",
}
# Single files of otherwise judged fixtures that need other files to be judged.
EXCLUDED_FILES = {
    "image-not-in-static/cards/missing-image.md": "the image path is well formed; the file it names is not in static/",
    "invisible-or-piled-text/cards/invisible.md": "a name with no visible character: the checker counts characters as people see them, a schema counts code points",
    "invisible-or-piled-text/guides/piled-up.md": "combining marks piled on one character: a limit per character a schema cannot count",
}
# Fixtures that are not YAML at all: PyYAML must refuse them too.
NOT_YAML = {"yaml-syntax", "yaml-mistakes"}


class TextLoader(yaml.SafeLoader):
    """Reads YAML as the checker does: every scalar is text, except a plain empty value,
    `~` or null, which is nothing."""


TextLoader.yaml_implicit_resolvers = {}
TextLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class GuessingLoader(yaml.SafeLoader):
    """Reads YAML the way a type-guessing reader does (YAML 1.1: `no` is false, `2018` a
    number), except that dates stay text: the schema describes the text written."""


GuessingLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

LOADERS = (TextLoader, GuessingLoader)


def fields_text(path):
    """The YAML text of a card or guide's fields: the front matter of a .md file (between
    the first `---` line and the next `---` or `...` line), or the whole of a .yml file."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8-sig").replace("\r\n", "\n")
    if path.endswith(".yml"):
        return text
    lines = text.split("\n")
    if lines[0].rstrip(" \t") != "---":
        raise ValueError(f"{path}: no front matter")
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip(" \t") in ("---", "..."):
            return "\n".join(lines[1:i]) + "\n"
    raise ValueError(f"{path}: front matter never closed")


def load_fields(path, loader):
    value = yaml.load(fields_text(path), Loader=loader)
    return dates_as_text(value)


def dates_as_text(value):
    if isinstance(value, dict):
        return {k: dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [dates_as_text(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def run(*arguments, check=True):
    return subprocess.run([BINARY, *arguments], cwd=ROOT, capture_output=True, text=True, check=check)


def schema(document, content):
    return json.loads(run("schema", document, "--content", content).stdout)


def validator(document, content):
    s = schema(document, content)
    Draft202012Validator.check_schema(s)
    return Draft202012Validator(s)


def document_of(relative):
    return "guide" if relative.startswith("guides/") else "card"


def errors(v, instance):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in v.iter_errors(instance)]


class SchemaTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(BINARY):
            raise unittest.SkipTest(f"{BINARY} is missing: run `swift build` first")
        cls.content = {d: validator(d, os.path.join(ROOT, "content")) for d in ("card", "guide")}
        cls.fixture = {d: validator(d, VALID) for d in ("card", "guide")}

    def assertAccepted(self, v, path, label):
        for loader in LOADERS:
            problems = errors(v, load_fields(path, loader))
            self.assertEqual(problems, [], f"{label} ({loader.__name__}) should pass its schema")

    def assertRejected(self, v, path, label):
        for loader in LOADERS:
            self.assertFalse(v.is_valid(load_fields(path, loader)), f"{label} ({loader.__name__}) should fail its schema")

    def test_schemas_are_draft_2020_12(self):
        for document in ("card", "guide", "index"):
            s = schema(document, os.path.join(ROOT, "content"))
            self.assertEqual(s["$schema"], "https://json-schema.org/draft/2020-12/schema")
            Draft202012Validator.check_schema(s)

    def test_every_sample_card_and_guide_passes(self):
        files = sorted(glob.glob(os.path.join(ROOT, "content", "cards", "*.md")) + glob.glob(os.path.join(ROOT, "content", "cards", "*.yml"))
                       + glob.glob(os.path.join(ROOT, "content", "guides", "*.md")))
        self.assertGreater(len(files), 10)
        for path in files:
            relative = os.path.relpath(path, os.path.join(ROOT, "content"))
            with self.subTest(relative):
                self.assertAccepted(self.content[document_of(relative)], path, relative)

    def test_the_valid_fixture_passes(self):
        for path in sorted(glob.glob(os.path.join(VALID, "cards", "*")) + glob.glob(os.path.join(VALID, "guides", "*"))):
            relative = os.path.relpath(path, VALID)
            with self.subTest(relative):
                self.assertAccepted(self.fixture[document_of(relative)], path, relative)

    def test_topics_and_regions_come_from_the_content(self):
        card = schema("card", VALID)
        self.assertEqual(card["properties"]["topics"]["items"]["enum"], ["carers", "dementia", "mental-health"])
        self.assertEqual(card["properties"]["regions"]["items"]["enum"], ["england", "london", "scotland", "uk-wide"])
        with open(os.path.join(ROOT, "content", "topics.yml"), encoding="utf-8") as f:
            topics = sorted(yaml.load(f, Loader=TextLoader))
        self.assertEqual(self.content["card"].schema["properties"]["topics"]["items"]["enum"], topics)

    def test_every_invalid_fixture_is_judged_or_excluded(self):
        folders = sorted(n for n in os.listdir(INVALID) if not n.startswith("."))
        unknown = set(EXCLUDED) - set(folders)
        self.assertEqual(unknown, set(), "EXCLUDED names fixtures that do not exist")
        judged = [f for f in folders if f not in EXCLUDED]
        self.assertIn("text-too-long", judged)
        self.assertGreaterEqual(len(judged), 14)

    def test_invalid_fixtures_are_rejected_file_by_file(self):
        for rule in sorted(n for n in os.listdir(INVALID) if not n.startswith(".") and n not in EXCLUDED):
            folder = os.path.join(INVALID, rule)
            with open(os.path.join(folder, "expected.txt"), encoding="utf-8") as f:
                expected = [line.split(" ", 2) for line in f.read().splitlines() if line]
            erring = {location.rsplit(":", 2)[0] for severity, location, _ in expected if severity == "error"}
            files = sorted(os.path.relpath(p, folder) for p in glob.glob(os.path.join(folder, "*", "*"))
                           if os.path.relpath(p, folder).split("/")[0] in ("cards", "guides"))
            self.assertTrue(files, f"{rule}: no card or guide to judge")
            for relative in files:
                label = f"{rule}/{relative}"
                if label in EXCLUDED_FILES:
                    continue
                path = os.path.join(folder, relative)
                with self.subTest(label):
                    if rule in NOT_YAML:
                        with self.assertRaises(yaml.YAMLError, msg=f"{label}: PyYAML should refuse it too"):
                            yaml.load(fields_text(path), Loader=TextLoader)
                    elif relative in erring:
                        self.assertRejected(self.fixture[document_of(relative)], path, label)
                    else:
                        self.assertAccepted(self.fixture[document_of(relative)], path, label)

    def test_the_schema_and_the_checker_agree_on_each_edit(self):
        base_card = {
            "name": "Edge Case", "kind": "group", "summary": "Example card for one edit.",
            "topics": "[carers]", "regions": "[scotland]", "updated": "2026-05-01",
        }
        base_guide = {"title": "Edge guide", "summary": "Example guide for one edit.", "topics": "[carers]", "updated": "2026-05-01"}
        c, g = "card", "guide"
        # (document, field, YAML value or None to remove the field, checker's verdict: True = passes)
        edits = [
            (c, "name", "x" * 120, True), (c, "name", "x" * 121, False), (c, "name", "é" * 120, True),
            (c, "name", '""', False), (c, "name", "", False), (c, "name", '"   "', False), (c, "name", "~", False),
            (c, "name", "no", True), (c, "name", "2018", True), (c, "name", "[A, B]", False), (c, "name", None, False),
            (c, "name", '"a\\u202Eb"', False), (c, "name", '"a\\tb"', False), (c, "name", '"a\\x07b"', False),
            (c, "name", "TODO", False), (c, "name", '"TODO: fill in"', False), (c, "name", "TODOS Juntos", True),
            (c, "name", "todo list", True), (c, "name", '"TODO fill in"', False),
            (c, "summary", "s" * 280, True), (c, "summary", "s" * 281, False),
            (c, "kind", "organisation", True), (c, "kind", "organization", False), (c, "kind", "Group", False),
            (c, "status", "paused", True), (c, "status", "pause", False), (c, "status", "", True),
            (c, "formats", "[group, online]", True), (c, "formats", "[group, group]", False), (c, "formats", "[]", True),
            (c, "formats", "", True), (c, "formats", "[carrier-pigeon]", False), (c, "formats", "group", False),
            (c, "topics", "[]", False), (c, "topics", "carers", False), (c, "topics", "[carers, carers]", False),
            (c, "topics", "[mental-helth]", False), (c, "topics", "[carers, dementia]", True), (c, "topics", "", False),
            (c, "regions", "[london, uk-wide]", True), (c, "regions", "[mars]", False), (c, "regions", "{a: b}", False),
            (c, "updated", "2024-02-29", True), (c, "updated", "2023-02-29", False), (c, "updated", "2000-02-29", True),
            (c, "updated", "1900-02-29", False), (c, "updated", "2026-04-31", False), (c, "updated", "2026-11-28", True),
            (c, "updated", "0000-01-01", False), (c, "updated", "2026-1-01", False), (c, "updated", "01/03/2026", False),
            (c, "updated", "2026-13-01", False), (c, "updated", "2026-00-10", False),
            (c, "looking_for", "l" * 280, True), (c, "looking_for", "l" * 281, False), (c, "looking_for", "", True),
            (c, "looking_for", '""', True), (c, "looking_for", "TODO", False),
            (c, "contact", "{website: 'https://example.org/a'}", True), (c, "contact", "{website: 'HTTP://EXAMPLE.ORG'}", True),
            (c, "contact", "{website: 'ftp://example.org'}", False), (c, "contact", "{website: 'https://'}", False),
            (c, "contact", "{website: 'https://exa mple.org'}", False), (c, "contact", "{website: 'https://example.org/<x>'}", False),
            (c, "contact", "{website: 'https://-/'}", False), (c, "contact", "{website: 'https://example.org/a?b=c#d'}", True),
            (c, "contact", "{website: www.example.org}", False), (c, "contact", "{website: '', email: '', phone: ''}", True),
            (c, "contact", "{email: a@b.co}", True), (c, "contact", "{email: a@b}", False), (c, "contact", "{email: a..b@c.org}", False),
            (c, "contact", "{email: .a@c.org}", False), (c, "contact", "{email: a@-b.org}", False),
            (c, "contact", "{email: é@example.org}", True), (c, "contact", "{email: 'a b@c.org'}", False),
            (c, "contact", "{email: first.last+tag@sub.example.co.uk}", True),
            (c, "contact", "{phone: 0113 496 0123}", True), (c, "contact", "{phone: '12345'}", False),
            (c, "contact", "{phone: '+44 (0)20-7946.0000'}", True), (c, "contact", "{phone: call me}", False),
            (c, "contact", "{fax: '0113 496 0123'}", False), (c, "contact", "{}", True), (c, "contact", "", True),
            (c, "contact", "[a]", False),
            (c, "links", "[{title: T, url: 'https://example.org/t'}]", True), (c, "links", "[{title: T}]", False),
            (c, "links", "[{title: T, url: 'https://example.org/t', extra: x}]", False), (c, "links", "[]", True),
            (c, "links", "[{title: T, url: 'javascript:alert(1)'}]", False), (c, "links", "{title: T}", False),
            (c, "links", "[{title: '" + "t" * 201 + "', url: 'https://example.org'}]", False),
            (c, "image", "images/x.svg", True), (c, "image", "/etc/passwd", False), (c, "image", "../x.svg", False),
            (c, "image", "images/.hidden", False), (c, "image", "images//x.svg", False), (c, "image", "'images\\\\x.svg'", False),
            (c, "image", "", True),
            (c, "favourite_colour", "blue", False), (c, "sumary", "typo", False),
            (c, "locations", "[{name: Hall}]", True), (c, "locations", "[]", True), (c, "locations", "", True),
            (c, "locations", "[{name: Hall, address: 1 Road, town: Leeds, postcode: ls14ap}]", True),
            (c, "locations", "[{name: Hall, address: [1 Road, Headingley], town: Leeds, postcode: LS6 3AA, county: West Yorkshire}]", True),
            (c, "locations", "[{address: 1 Road, town: Leeds}]", False), (c, "locations", "[{town: Leeds}]", False),
            (c, "locations", "[{}]", False), (c, "locations", "{name: Hall}", False), (c, "locations", "Leeds", False),
            (c, "locations", "[{name: Hall, postcode: LS1 OAP}]", False), (c, "locations", "[{name: Hall, postcode: LS1}]", False),
            (c, "locations", "[{name: Hall, postcode: 'gir 0aa'}]", True), (c, "locations", "[{name: Hall, postcode: 12345}]", False),
            (c, "locations", "[{address: ['1 Road', ''], town: Leeds, postcode: LS6 3AA}]", True),
            (c, "locations", "[{name: Hall, latitude: 53.8}]", False), (c, "locations", "[{name: Hall, longitude: -1.5}]", False),
            (c, "locations", "[{name: Hall, latitude: 53.8, longitude: -1.55}]", True),
            (c, "locations", "[{name: Hall, latitude: north, longitude: -1.55}]", False),
            (c, "locations", "[{name: Hall, latitude: 53.8, longitude: 200}]", False),
            (c, "locations", "[{name: Hall, phone: '0113 496 0000'}]", False),
            (c, "locations", "[{name: Hall, accessibility: '" + "a" * 501 + "'}]", False),
            (c, "meets", "Most Tuesday evenings", True), (c, "meets", "m" * 281, False), (c, "meets", "", True),
            (c, "meets", "{days: [tuesday], start: '10:00', end: '12:00'}", True), (c, "meets", "{days: [tuesday], start: 10:00}", True),
            (c, "meets", "{days: [tuesdays]}", False), (c, "meets", "{days: tuesday}", False), (c, "meets", "{start: '10:00'}", False),
            (c, "meets", "{frequency: monthly, days: [monday]}", False), (c, "meets", "{frequency: monthly, week: first, days: [monday]}", True),
            (c, "meets", "{week: [first, third], days: [monday]}", True), (c, "meets", "{week: fifth, days: [monday]}", False),
            (c, "meets", "{frequency: weekly, week: first, days: [monday]}", False),
            (c, "meets", "{frequency: fortnightly, days: [friday], note: term time only}", True),
            (c, "meets", "{days: [monday], end: '12:00'}", False), (c, "meets", "{days: [monday], start: 10am}", False),
            (c, "meets", "{days: [monday], start: '25:00'}", False), (c, "meets", "{frequency: daily, days: [monday]}", False),
            (c, "meets", "[{days: [monday]}, {days: [friday], note: online}]", True), (c, "meets", "[Most Tuesdays]", False),
            (c, "eligibility", "e" * 500, True), (c, "eligibility", "e" * 501, False), (c, "eligibility", "[a, b]", False),
            (c, "cost", "free", True), (c, "cost", "'£2 a session; free for carers'", True), (c, "cost", "TODO", False),
            (c, "cost", "c" * 201, False),
            (c, "referral", "[self-referral, drop-in]", True), (c, "referral", "[walk-in]", False),
            (c, "referral", "[drop-in, drop-in]", False), (c, "referral", "drop-in", False),
            (c, "languages", "[en, cy, bfi, pt-BR]", True), (c, "languages", "[Welsh]", False), (c, "languages", "[EN]", False),
            (c, "languages", "[xx]", False), (c, "languages", "[en, en]", False),
            (c, "organisation", "memory-cafe", True), (c, "organisation", "Memory Cafe", False), (c, "organisation", "", True),
            (c, "oruk_id", "3F2A8C1E-5B7D-4E9F-A1C2-6D8E0F4B2A7C", True), (c, "oruk_id", "12345", False),
            (c, "contact_in_open_data", "yes", True), (c, "contact_in_open_data", "no", True),
            (c, "contact_in_open_data", "maybe", False), (c, "contact_in_open_data", "", True),
            (c, "former_slugs", "[old-name, older-name]", True), (c, "former_slugs", "[Old_Name]", False),
            (c, "former_slugs", "[old-name, old-name]", False), (c, "former_slugs", "old-name", False), (c, "former_slugs", "[]", True),
            (c, "former_slugs", "[" + ", ".join(f"old-{n}" for n in range(11)) + "]", False),
            (g, "title", "t" * 120, True), (g, "title", "t" * 121, False), (g, "title", None, False),
            (g, "regions", "[]", True), (g, "regions", "[scotland, scotland]", False), (g, "regions", "[atlantis]", False),
            (g, "authors", "[Fiona McLeish, Sam]", True), (g, "authors", "[Sam, Sam]", False), (g, "authors", "['']", True),
            (g, "authors", "[TODO]", False), (g, "authors", "[2018, no]", True), (g, "authors", "[[a]]", False),
            (g, "cards", "[]", True), (g, "cards", "[Not_A_Slug]", False), (g, "updated", "2026-02-29", False),
            (g, "kind", "group", False),
        ]
        with tempfile.TemporaryDirectory(prefix="whoswho-schema-") as temporary:
            content = os.path.join(temporary, "content")
            shutil.copytree(VALID, content)
            names = {}
            for number, (document, field, value, _) in enumerate(edits):
                fields = dict(base_card if document == c else base_guide)
                if value is None:
                    fields.pop(field)
                else:
                    fields[field] = value
                text = "---\n" + "".join(f"{k}: {v}\n" if v != "" else f"{k}:\n" for k, v in fields.items()) + "---\n"
                relative = f"{'cards' if document == c else 'guides'}/edit-{number}.md"
                with open(os.path.join(content, relative), "w", encoding="utf-8") as f:
                    f.write(text)
                names[number] = relative
            report = json.loads(run("check", "--content", content, "--today", TODAY, "--format", "json", check=False).stdout)
            failing = {os.path.relpath(d["file"], content) for d in report if d["severity"] == "error"}
            validators = {d: validator(d, content) for d in (c, g)}
            for number, (document, field, value, passes) in enumerate(edits):
                relative = names[number]
                with self.subTest(f"{document} {field}: {value!r}"):
                    self.assertEqual(relative not in failing, passes,
                                     f"the checker's verdict on {field}: {value!r} is not what this test says")
                    for loader in LOADERS:
                        instance = load_fields(os.path.join(content, relative), loader)
                        self.assertEqual(validators[document].is_valid(instance), passes,
                                         f"{loader.__name__}: the schema disagrees with the checker on {field}: {value!r}: "
                                         f"{errors(validators[document], instance)}")

    def test_the_schema_lists_the_checkers_fields(self):
        with tempfile.TemporaryDirectory(prefix="whoswho-schema-") as temporary:
            content = os.path.join(temporary, "content")
            shutil.copytree(VALID, content)
            with open(os.path.join(content, "cards", "zz.yml"), "w", encoding="utf-8") as f:
                f.write("not_a_field: 1\n")
            with open(os.path.join(content, "guides", "zz.md"), "w", encoding="utf-8") as f:
                f.write("---\nnot_a_field: 1\n---\n")
            report = json.loads(run("check", "--content", content, "--format", "json", check=False).stdout)
            notes = {os.path.relpath(d["file"], content): d.get("note") or "" for d in report if "unknown field" in d["message"]}
        listed = {path: note.split(": ", 1)[1].split(", ") for path, note in notes.items()}
        self.assertEqual(sorted(self.fixture["card"].schema["properties"]), sorted(listed["cards/zz.yml"]))
        self.assertEqual(sorted(self.fixture["guide"].schema["properties"]), sorted(listed["guides/zz.md"]))
        self.assertEqual(self.fixture["card"].schema["required"], ["name", "kind", "summary", "topics", "regions", "updated"])
        self.assertEqual(self.fixture["guide"].schema["required"], ["title", "summary", "topics", "updated"])

    def test_a_new_card_fails_until_filled_then_passes(self):
        with tempfile.TemporaryDirectory(prefix="whoswho-schema-") as temporary:
            content = os.path.join(temporary, "content")
            shutil.copytree(VALID, content)
            run("new", "card", "fresh-card", "--content", content, "--today", TODAY)
            run("new", "guide", "fresh-guide", "--content", content, "--today", TODAY)
            card, guide = os.path.join(content, "cards", "fresh-card.md"), os.path.join(content, "guides", "fresh-guide.md")
            validators = {d: validator(d, content) for d in ("card", "guide")}
            self.assertRejected(validators["card"], card, "a new card")
            self.assertRejected(validators["guide"], guide, "a new guide")
            with open(card, encoding="utf-8") as f:
                text = f.read()
            self.assertIn("# yaml-language-server: $schema=../../schemas/card.schema.json\n", text)
            for placeholder, value in [('"TODO: the name of the person, group, organisation or network"', "Fresh Card"),
                                       ('"TODO: person, group, organisation or network"', "group"),
                                       ('"TODO: who this is for and what it offers, in one line"', "Example card, filled in."),
                                       ('"TODO: a topic from topics.yml"', "carers"), ('"TODO: a region from regions.yml"', "scotland")]:
                self.assertIn(placeholder, text)
                text = text.replace(placeholder, value)
            with open(card, "w", encoding="utf-8") as f:
                f.write(text)
            with open(guide, encoding="utf-8") as f:
                text = f.read().replace('"TODO: the guide\'s title"', "Fresh guide").replace(
                    '"TODO: what this guide helps people do, in one line"', "Example guide, filled in.").replace(
                    '"TODO: a topic from topics.yml"', "carers")
            with open(guide, "w", encoding="utf-8") as f:
                f.write(text)
            self.assertAccepted(validators["card"], card, "the filled card")
            self.assertAccepted(validators["guide"], guide, "the filled guide")
            self.assertEqual(run("check", "--content", content, "--today", TODAY, check=False).returncode, 0)

    def assertIndexFilesValid(self, site_folder):
        """index.json and every file of entries it lists pass the schema, each against its
        own kind's definition too; returns the files, parsed, by kind."""
        v = validator("index", os.path.join(ROOT, "content"))
        defs = v.schema["$defs"]

        def of_kind(name):
            return Draft202012Validator(dict(v.schema, oneOf=[{"$ref": f"#/$defs/{name}"}]))

        with open(os.path.join(site_folder, "index.json"), encoding="utf-8") as f:
            index = json.load(f)
        self.assertEqual(errors(v, index), [])
        self.assertEqual(errors(of_kind("index"), index), [])
        files = {"cards": [], "guides": []}
        for entry in index["files"]:
            relative = entry["url"].removeprefix(index["site"]["base_url"] or "")
            path = os.path.join(site_folder, relative)
            self.assertEqual(os.path.getsize(path), entry["bytes"], relative)
            with open(path, encoding="utf-8") as f:
                page = json.load(f)
            with self.subTest(relative):
                self.assertEqual(errors(of_kind(entry["kind"] + "_file"), page), [])
                self.assertEqual((page["kind"], page["page"], len(page[entry["kind"]])), (entry["kind"], entry["page"], entry["count"]))
            files[entry["kind"]].append(page)
        # Every card and guide is in exactly one file, in slug order.
        for kind, count in (("cards", index["site"]["card_count"]), ("guides", index["site"]["guide_count"])):
            slugs = [e["slug"] for page in files[kind] for e in page[kind]]
            self.assertEqual(len(slugs), count)
            self.assertEqual(slugs, sorted(set(slugs)))
        # Every object lists all of its fields, as the schema requires.
        self.assertEqual(sorted(files["cards"][0]["cards"][0]), sorted(defs["card"]["properties"]))
        self.assertEqual(sorted(files["guides"][0]["guides"][0]), sorted(defs["guide"]["properties"]))
        return v, index, files

    def test_the_built_index_json_and_its_files_pass_the_index_schema(self):
        v, index, files = self.assertIndexFilesValid(site())
        self.assertGreater(len(files["cards"][0]["cards"]), 10)
        self.assertFalse(v.is_valid(dict(index, version=1)))
        self.assertFalse(v.is_valid(dict(index, version=2)))
        self.assertFalse(v.is_valid(dict(index, cards=[])), "since version 2, index.json holds no cards itself")
        page = files["cards"][0]
        self.assertNotIn("body_html", page["cards"][0], "since version 3, a card's text is on its page and in the ORUK export")
        self.assertIn("body_html", files["guides"][0]["guides"][0], "guides keep their text")
        self.assertFalse(v.is_valid(dict(page, cards=[dict(page["cards"][0], kind="team")])))
        self.assertFalse(v.is_valid(dict(page, kind="guides")), "a file of cards is not a file of guides")

    def test_index_json_lists_every_spreadsheet_the_site_writes(self):
        for site_folder in (site(), corpus_site()):
            with open(os.path.join(site_folder, "index.json"), encoding="utf-8") as f:
                index = json.load(f)
            written = sorted(os.path.basename(p) for p in glob.glob(os.path.join(site_folder, "*.csv")))
            self.assertIn("coverage.csv", written)
            listed = [e["url"].removeprefix(index["site"]["base_url"] or "") for e in index["spreadsheets"]]
            self.assertEqual(sorted(listed), sorted(written + ["csv-metadata.json"]), site_folder)
            for entry, relative in zip(index["spreadsheets"], listed):
                path = os.path.join(site_folder, relative)
                self.assertEqual(os.path.getsize(path), entry["bytes"], relative)
                if entry["kind"] != "csv-metadata":
                    with open(path, encoding="utf-8-sig", newline="") as f:
                        self.assertEqual(len(list(csv.reader(f))) - 1, entry["rows"], relative)

    def test_a_directory_longer_than_a_file_is_split_and_every_file_passes(self):
        _, index, files = self.assertIndexFilesValid(corpus_site())
        self.assertGreater(len(files["cards"]), 1)
        self.assertEqual([f["page"] for f in index["files"] if f["kind"] == "cards"], list(range(1, len(files["cards"]) + 1)))

    def test_the_committed_schemas_are_current(self):
        for document in ("card", "guide", "index"):
            path = os.path.join(ROOT, "schemas", f"{document}.schema.json")
            with self.subTest(document):
                self.assertTrue(os.path.exists(path), f"{path} is missing: run `make schemas`")
                with open(path, encoding="utf-8") as f:
                    committed = f.read()
                self.assertEqual(committed, run("schema", document, "--content", os.path.join(ROOT, "content")).stdout,
                                 f"schemas/{document}.schema.json is out of date: run `make schemas`")


if __name__ == "__main__":
    unittest.main()
