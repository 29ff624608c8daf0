"""The Open Referral UK 3.0 export of the built sample site (`oruk/`) is what the
official schemas and the ORUK validator's rules ask for.

- Every file validates against the official ORUK 3.0 schemas: the root against
  api_details.json, each list against its *_list.json, each services/{id}/index.json
  against service.json (formats checked: uuid, email, date-time, and every address
  absolute). The extensions HSDS names (a service's phones, a language's name and code)
  validate against HSDS 3.0's own schemas.
- The root reports its version as the ORUK validator reads it (3.0, not the 1.0 it falls
  back to), every list of the sample site is the one page of a static export, and there is
  one service file for every listed service.
- A list longer than a page (the 1,001-card benchmark corpus of corpus_site.py) is split
  into pages at fixed addresses (oruk/services/page/2/index.json), every page valid, every
  record on exactly one page, and every service file of that site valid too.
- Every `*_id` resolves: a nested record's points at the record it sits in, the rest at a
  record the export lists, and ids are unique within their type.
- A person's contact details stay out, of the export and of index.json, unless the card
  opts in; their own page still shows them.
- Two builds of the same content give the same files, byte for byte, so the same ids.
- `_redirects` sends every API address to a file that exists; `_headers` allows any site.

The schemas are the official ones, copied unchanged into ../shared/oruk/schema (see its
README.md for where each file comes from); they are not part of this repository.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from corpus_site import corpus_site
from support import BINARY, ROOT, TODAY, site

SCHEMAS = os.path.join(ROOT, "..", "shared", "oruk", "schema")
ORUK_BASE = "https://openreferraluk.org/specifications/3.0/schema/"
HSDS_BASE = "https://openreferral.invalid/hsds-3.0/schema/"
# Files of oruk-3.0/schema/ that are not schemas to validate against (see its README.md).
NOT_SCHEMAS = {"empy_list_response.json", "open_api.json"}
LISTS = {
    "services": "service_list.json",
    "organizations": "organization_list.json",
    "taxonomies": "taxonomy_list.json",
    "taxonomy_terms": "taxonomy_term_list.json",
    "service_at_locations": "service_at_location_list.json",
}
# Where a nested record's key says what type of record it holds.
RECORD_TYPES = {
    "organization": "organization", "schedules": "schedule", "service_areas": "service_area",
    "service_at_locations": "service_at_location", "location": "location", "addresses": "address",
    "accessibility": "accessibility", "languages": "language", "cost_options": "cost_option", "phones": "phone",
    "contacts": "contact", "funding": "funding", "attributes": "attribute", "taxonomy_term": "taxonomy_term",
    "taxonomy_terms": "taxonomy_term", "service": "service",
}
# A `*_id` field and the type of record it points at.
POINTS_AT = {
    "service_id": "service", "organization_id": "organization", "location_id": "location",
    "service_at_location_id": "service_at_location", "taxonomy_term_id": "taxonomy_term", "taxonomy_id": "taxonomy",
    "parent_id": "taxonomy_term", "parent_organization_id": "organization", "contact_id": "contact", "phone_id": "phone",
}
ADDRESS_FIELDS = {"url", "website", "uri", "logo", "term_uri", "schedule_link", "profile", "openapi_url"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def registry():
    resources = []
    for path in sorted(glob.glob(os.path.join(SCHEMAS, "oruk-3.0", "schema", "*.json"))):
        name = os.path.basename(path)
        if name not in NOT_SCHEMAS:
            resources.append((ORUK_BASE + name, Resource.from_contents(load(path), default_specification=DRAFT202012)))
    for path in sorted(glob.glob(os.path.join(SCHEMAS, "hsds-3.0", "schema", "*.json"))):
        name = os.path.basename(path)
        if name != "openapi.json":
            resources.append((HSDS_BASE + name, Resource.from_contents(load(path), default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def oruk_version(root):
    """The version the ORUK validator reads from the root: `HSDS-UK-` and any `v` taken
    off, then a number; 1.0 when there is none (its fallback)."""
    text = str(root.get("version", "")).replace("HSDS-UK-", "").lstrip("vV")
    match = re.match(r"\d+(?:\.\d+)?", text)
    return float(match.group(0)) if match else 1.0


def walk(record, kind, visit, parent=None):
    """Calls visit(kind, record, parent) for the record and every record nested in it."""
    visit(kind, record, parent)
    for key, value in record.items():
        child = RECORD_TYPES.get(key)
        if child is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                walk(item, child, visit, (kind, record))


def index_cards(site_folder):
    """Every card of a built site's index.json, read from the files it lists."""
    index = load(os.path.join(site_folder, "index.json"))
    cards = []
    for entry in index["files"]:
        if entry["kind"] == "cards":
            cards += load(os.path.join(site_folder, entry["url"].removeprefix(index["site"]["base_url"] or "")))["cards"]
    return cards


def list_pages(site_folder, name):
    """The pages of one list of a built site's export, page 1 first."""
    first = load(os.path.join(site_folder, "oruk", name, "index.json"))
    return [first] + [load(os.path.join(site_folder, "oruk", name, "page", str(n), "index.json"))
                      for n in range(2, first["total_pages"] + 1)]


def build(out, content="content"):
    subprocess.run([BINARY, "build", "--content", os.path.join(ROOT, content), "--output", out, "--themes",
                    os.path.join(ROOT, "themes"), "--today", TODAY], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


class OpenReferralExportTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.isdir(os.path.join(SCHEMAS, "oruk-3.0")):
            raise unittest.SkipTest(f"the official ORUK schemas are not at {os.path.normpath(SCHEMAS)}")
        cls.site = site()
        cls.oruk = os.path.join(cls.site, "oruk")
        cls.registry = registry()
        cls.root = load(os.path.join(cls.oruk, "index.json"))
        cls.lists = {name: load(os.path.join(cls.oruk, name, "index.json")) for name in LISTS}
        folders = sorted(p for p in glob.glob(os.path.join(cls.oruk, "services", "*")) if os.path.isdir(p))
        cls.services = {os.path.basename(p): load(os.path.join(p, "index.json")) for p in folders}

    def validator(self, base, name):
        schema = self.registry.contents(base + name)
        return Draft202012Validator(schema, registry=self.registry, format_checker=FormatChecker())

    def assertValid(self, validator, instance, label):
        problems = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(instance)]
        self.assertEqual(problems, [], f"{label} breaks its schema")

    def test_the_root_says_oruk_3_0_the_way_the_validator_reads_it(self):
        self.assertValid(self.validator(ORUK_BASE, "api_details.json"), self.root, "oruk/index.json")
        self.assertEqual(self.root["version"], "HSDS-UK-3.0")
        self.assertEqual(oruk_version(self.root), 3.0)
        self.assertTrue("openreferraluk" in self.root["profile"] or "uk-profile" in self.root["profile"])

    def test_the_data_licence_is_named_in_the_root_and_in_index_json(self):
        index = load(os.path.join(self.site, "index.json"))
        licence = index["site"]["licence"]
        self.assertIsNotNone(licence, "the sample site.yml names a licence")
        self.assertEqual(self.root["license"], {k: v for k, v in licence.items() if v is not None})

    def test_every_list_is_valid_and_one_page_holding_everything(self):
        for name, schema in LISTS.items():
            with self.subTest(name):
                page = self.lists[name]
                self.assertValid(self.validator(ORUK_BASE, schema), page, f"oruk/{name}/index.json")
                count = len(page["contents"])
                self.assertEqual((page["total_items"], page["size"], page["total_pages"], page["page_number"]), (count, count, 1, 1))
                self.assertEqual((page["first_page"], page["last_page"], page["empty"]), (True, True, count == 0))
                self.assertGreater(count, 0, f"the sample site's {name} list should not be empty")

    def test_every_service_has_its_file_and_every_file_is_a_valid_service(self):
        listed = [s["id"] for s in self.lists["services"]["contents"]]
        self.assertEqual(len(listed), len(set(listed)), "a service is listed twice")
        self.assertEqual(sorted(listed), sorted(self.services), "the list and the services/{id} files disagree")
        self.assertEqual(self.lists["services"]["total_items"], len(self.services))
        self.assertGreater(len(self.services), 10)
        service = self.validator(ORUK_BASE, "service.json")
        phone, language = self.validator(HSDS_BASE, "phone.json"), self.validator(HSDS_BASE, "language.json")
        for folder, record in self.services.items():
            with self.subTest(folder):
                self.assertEqual(record["id"], folder)
                self.assertValid(service, record, f"oruk/services/{folder}/index.json")
                for p in record.get("phones", []):
                    self.assertValid(phone, p, f"a phone of {folder}")
                for lang in record.get("languages", []):
                    self.assertValid(language, lang, f"a language of {folder}")

    def test_the_sample_site_uses_every_kind_of_record(self):
        kinds = set()
        for record in self.services.values():
            walk(record, "service", lambda kind, r, parent: kinds.add(kind))
        self.assertEqual(kinds, {"service", "organization", "schedule", "service_area", "service_at_location", "location", "address",
                                 "accessibility", "language", "cost_option", "phone", "attribute", "taxonomy_term"})

    def test_addresses_are_absolute_and_ids_lower_case(self):
        def check(value, path):
            if isinstance(value, dict):
                for key, child in value.items():
                    if key == "license":
                        continue
                    if key in ADDRESS_FIELDS:
                        self.assertRegex(child, r"^https?://", f"{path}/{key} is not an absolute address")
                    if key == "id" or key.endswith("_id"):
                        self.assertRegex(child, r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", f"{path}/{key}")
                    self.assertIsNotNone(child, f"{path}/{key} is null: a field should be left out instead")
                    check(child, f"{path}/{key}")
            elif isinstance(value, list):
                for n, child in enumerate(value):
                    check(child, f"{path}/{n}")
        for name, page in self.lists.items():
            check(page, name)
        for folder, record in self.services.items():
            check(record, f"services/{folder}")
        check(self.root, "root")

    def test_every_id_resolves_and_is_unique_within_its_type(self):
        known = {
            "service": {s["id"] for s in self.lists["services"]["contents"]},
            "organization": {o["id"] for o in self.lists["organizations"]["contents"]},
            "taxonomy": {t["id"] for t in self.lists["taxonomies"]["contents"]},
            "taxonomy_term": {t["id"] for t in self.lists["taxonomy_terms"]["contents"]},
        }
        seen = {}
        pointers = []

        links = []

        def visit(kind, record, parent):
            seen.setdefault(kind, set()).add(record["id"])
            if kind == "attribute":
                links.append((record["link_id"], parent[1]["id"]))
            for key, value in record.items():
                if key in POINTS_AT:
                    pointers.append((kind, record, parent, key, value))

        for record in self.services.values():
            walk(record, "service", visit)
        for name in ("organizations", "taxonomies", "taxonomy_terms", "service_at_locations"):
            for record in self.lists[name]["contents"]:
                walk(record, RECORD_TYPES[name] if name in RECORD_TYPES else name.rstrip("s"), visit)
        all_ids = seen
        self.assertEqual({key for _, _, _, key, _ in pointers},
                         {"service_id", "organization_id", "location_id", "taxonomy_term_id", "taxonomy_id", "parent_organization_id"}
                         - ({"parent_organization_id"} if not any(o.get("parent_organization_id") for o in self.lists["organizations"]["contents"]) else set()))
        self.assertTrue(links)
        for link, holder in links:
            self.assertEqual(link, holder, "an attribute's link_id should be the id of the record that holds it")
        for kind, target in ((k, POINTS_AT[key]) for k, _, _, key, _ in pointers):
            self.assertIn(target, all_ids.keys() | known.keys(), f"{kind} points at {target}s, of which the export has none")
        for kind, record, parent, key, value in pointers:
            target = POINTS_AT[key]
            with self.subTest(f"{kind} {record['id']} {key}"):
                if parent is not None and parent[0] == target:
                    self.assertEqual(value, parent[1]["id"], f"a {kind}'s {key} should be the id of the {target} it sits in")
                nested = record.get(key[:-3])
                if isinstance(nested, dict):
                    self.assertEqual(value, nested["id"], f"{key} should be the id of the nested {key[:-3]}")
                self.assertIn(value, known.get(target, set()) | all_ids.get(target, set()), f"{key} {value} points at nothing")
        # Unique within its type: each service's records are its own (organizations and
        # taxonomy terms are shared, and nested again wherever they are used).
        for kind in ("schedule", "service_area", "language", "cost_option", "phone", "attribute", "location", "address"):
            per_service = [r["id"] for s in self.services.values() for r in self._records(s, kind)]
            self.assertEqual(len(per_service), len(set(per_service)), f"two {kind} records of the services share an id")
        # The list of service-at-locations holds each service's, once each.
        listed = [r["id"] for r in self.lists["service_at_locations"]["contents"]]
        nested = [r["id"] for s in self.services.values() for r in self._records(s, "service_at_location")]
        self.assertEqual(sorted(listed), sorted(nested))
        self.assertEqual(len(listed), len(set(listed)))

    def _records(self, service, kind):
        out = []
        walk(service, "service", lambda k, r, parent: out.append(r) if k == kind else None)
        return out

    def test_a_persons_contact_details_stay_out_unless_the_card_opts_in(self):
        import yaml
        cards = index_cards(self.site)
        by_name = {s["name"]: s for s in self.services.values()}
        people = [c for c in cards if c["kind"] == "person"]
        self.assertGreater(len(people), 2)
        for card in people:
            with self.subTest(card["slug"]):
                # What the card itself publishes, read from its file.
                path = glob.glob(os.path.join(ROOT, "content", "cards", card["slug"] + ".*"))[0]
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                fields = yaml.safe_load(text.split("\n---\n")[0].lstrip("-\n") if path.endswith(".md") else text)
                contact = fields.get("contact") or {}
                self.assertFalse(fields.get("contact_in_open_data"), "no sample person opts in")
                self.assertTrue(contact, "every sample person publishes some contact on their page")
                service = by_name[card["name"]]
                self.assertNotIn("email", service)
                self.assertEqual(service.get("phones", []), [])
                if contact.get("website"):
                    self.assertNotEqual(service.get("url"), contact["website"])
                # Out of index.json too; their own page still shows what they published.
                self.assertIsNone(card["contact"])
                with open(os.path.join(self.site, "cards", card["slug"], "index.html"), encoding="utf-8") as f:
                    page = f.read()
                if contact.get("email"):
                    self.assertIn(f'href="mailto:{contact["email"]}"', page)
        # Cards of the other kinds share theirs.
        shared = [c for c in cards if c["kind"] != "person" and c["contact"] and c["contact"]["email"]]
        self.assertTrue(shared)
        for card in shared:
            self.assertEqual(by_name[card["name"]].get("email"), card["contact"]["email"])

    def test_two_builds_give_the_same_files_and_ids(self):
        with tempfile.TemporaryDirectory(prefix="whoswho-oruk-") as temporary:
            out = os.path.join(temporary, "site")
            build(out)
            first = sorted(os.path.relpath(p, self.site) for p in glob.glob(os.path.join(self.oruk, "**", "*.json"), recursive=True))
            second = sorted(os.path.relpath(p, out) for p in glob.glob(os.path.join(out, "oruk", "**", "*.json"), recursive=True))
            self.assertEqual(first, second)
            for relative in first:
                with open(os.path.join(self.site, relative), "rb") as a, open(os.path.join(out, relative), "rb") as b:
                    self.assertEqual(a.read(), b.read(), f"{relative} differs between two builds")

    def test_the_host_files_reach_every_file_of_the_api(self):
        with open(os.path.join(self.site, "_redirects"), encoding="utf-8") as f:
            rules = [line.split() for line in f.read().splitlines() if line and not line.startswith("#")]
        self.assertTrue(all(len(rule) == 3 and rule[2] == "200" for rule in rules), "every rule serves a file (status 200)")
        sources = {rule[0] for rule in rules}
        for path in ["/oruk", "/oruk/services", "/oruk/services/:id"] + [f"/oruk/{name}" for name in LISTS]:
            self.assertIn(path, sources)
        for source, destination, _ in rules:
            targets = [destination.replace(":id", i) for i in self.services] if ":id" in destination else [destination]
            if ":n" in destination:
                # A later page's rule: the sample's lists have none; the corpus's services do.
                self.assertTrue(source.endswith("/page/:n") or source.endswith("/page/:n/"), source)
                targets = [destination.replace(":n", str(n)) for n in range(2, self.lists[destination.split("/")[2]]["total_pages"] + 1)]
            for target in targets:
                self.assertTrue(os.path.isfile(os.path.join(self.site, target.lstrip("/"))), f"{source} leads to {target}, which is missing")
        # The :id rule comes after the rule that keeps /oruk/services/index.json itself.
        order = [rule[0] for rule in rules]
        self.assertLess(order.index("/oruk/services/index.json"), order.index("/oruk/services/:id"))
        with open(os.path.join(self.site, "_headers"), encoding="utf-8") as f:
            headers = f.read()
        self.assertIn("/oruk/*\n  Access-Control-Allow-Origin: *\n  Content-Type: application/json; charset=utf-8\n", headers)


class PagedListsTests(unittest.TestCase):
    """The export of a site whose lists are longer than a page."""
    validator = OpenReferralExportTests.validator
    assertValid = OpenReferralExportTests.assertValid
    @classmethod
    def setUpClass(cls):
        if not os.path.isdir(os.path.join(SCHEMAS, "oruk-3.0")):
            raise unittest.SkipTest(f"the official ORUK schemas are not at {os.path.normpath(SCHEMAS)}")
        cls.site = corpus_site()
        cls.oruk = os.path.join(cls.site, "oruk")
        cls.registry = registry()

    def test_every_page_of_every_list_is_valid_and_every_record_on_exactly_one(self):
        paged = 0
        for name, schema in LISTS.items():
            with self.subTest(name):
                validator = self.validator(ORUK_BASE, schema)
                pages = list_pages(self.site, name)
                paged += len(pages) > 1
                ids = []
                for n, page in enumerate(pages, start=1):
                    self.assertValid(validator, page, f"page {n} of oruk/{name}")
                    self.assertEqual((page["page_number"], page["total_pages"], page["size"]), (n, len(pages), len(page["contents"])))
                    self.assertEqual((page["first_page"], page["last_page"], page["empty"]), (n == 1, n == len(pages), not page["contents"]))
                    self.assertEqual(page["total_items"], pages[0]["total_items"])
                    if n < len(pages):
                        self.assertEqual(page["size"], pages[0]["size"], "every page but the last is full")
                    ids += [record["id"] for record in page["contents"]]
                self.assertEqual(len(ids), pages[0]["total_items"])
                self.assertEqual(len(ids), len(set(ids)), f"a record of {name} is on two pages")
        self.assertGreater(paged, 0, "the corpus should have a list longer than a page")
        # No other page files than those the lists count.
        written = glob.glob(os.path.join(self.oruk, "*", "page", "*", "index.json"))
        self.assertEqual(len(written), sum(len(list_pages(self.site, name)) - 1 for name in LISTS))

    def test_every_service_file_is_valid_and_listed_once(self):
        listed = [s["id"] for page in list_pages(self.site, "services") for s in page["contents"]]
        folders = sorted(p for p in glob.glob(os.path.join(self.oruk, "services", "*")) if os.path.isdir(p)
                         and os.path.basename(p) != "page")
        self.assertEqual(sorted(listed), sorted(os.path.basename(p) for p in folders))
        service = self.validator(ORUK_BASE, "service.json")
        for folder in folders:
            self.assertValid(service, load(os.path.join(folder, "index.json")), os.path.relpath(folder, self.site))

    def test_the_later_pages_are_reached_without_index_json(self):
        with open(os.path.join(self.site, "_redirects"), encoding="utf-8") as f:
            rules = [line.split() for line in f.read().splitlines() if line and not line.startswith("#")]
        pages = list_pages(self.site, "services")
        self.assertGreater(len(pages), 1)
        for source, destination, _ in rules:
            if source == "/oruk/services/page/:n":
                for n in range(2, len(pages) + 1):
                    self.assertTrue(os.path.isfile(os.path.join(self.site, destination.replace(":n", str(n)).lstrip("/"))))
                break
        else:
            self.fail("no rule for the later pages of the services")


if __name__ == "__main__":
    unittest.main()
