"""The search page in headless Chromium, on the sample site built from content/.

Each test opens /search/ in a fresh browser, acts as a reader would (typing, ticking
facets, pressing keys, reloading) and waits explicitly for the page to settle: the
results list stops being aria-busy and the status line says what it should."""
import os
import re
import shutil
import sys
import tempfile
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 15


class SearchPage:
    """A browser on the search page, with the waits and reads the tests share."""

    def __init__(self, driver):
        self.driver = driver

    def open(self, query=""):
        self.driver.get(support.server_url() + "search/" + (("?" + query) if query else ""))
        self.settle()
        return self

    def settle(self, status=None):
        """Waits until the latest search has rendered (and, if given, the status matches)."""
        def ready(d):
            app = d.find_element(By.ID, "search-app")
            if app.get_attribute("data-state") not in ("ready", "error"):
                return False
            if d.find_element(By.ID, "search-results").get_attribute("aria-busy") == "true":
                return False
            return status is None or re.search(status, self.status())
        try:
            WebDriverWait(self.driver, WAIT, poll_frequency=0.05).until(ready)
        except TimeoutException:
            raise AssertionError(f"the search page did not settle on {status!r}; the status says {self.status()!r}")

    def status(self):
        return self.driver.find_element(By.ID, "search-status").text

    def names(self):
        return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, "#search-results > li .item-title a")]

    def total(self):
        match = re.search(r"([\d,]+) results?", self.status())
        return int(match.group(1).replace(",", "")) if match else 0

    def counts(self, facet):
        """Every visible value of a facet: {slug: count}."""
        out = {}
        for box in self.driver.find_elements(By.CSS_SELECTOR, f'#search-filters input[name="{facet}"]'):
            li = box.find_element(By.XPATH, "./ancestor::li[1]")
            if li.is_displayed():
                out[box.get_attribute("value")] = int(li.find_element(By.CSS_SELECTOR, "[data-count]").text.replace(",", ""))
        return out

    def click(self, element):
        """Scrolls `element` into view at once (the theme scrolls smoothly, which a
        WebDriver click does not wait for), then clicks it."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()

    def box(self, facet, value):
        return self.driver.find_element(By.ID, f"facet-{facet}-{value}")

    def type(self, text):
        field = self.driver.find_element(By.ID, "search-q")
        field.clear()
        field.send_keys(text)

    def query_params(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)


class SearchTests(unittest.TestCase):
    def setUp(self):
        self.driver = support.browser()
        self.page = SearchPage(self.driver)

    def tearDown(self):
        self.driver.quit()

    def test_a_query_shows_the_expected_card_first(self):
        page = self.page.open("q=aphasia")
        self.assertEqual(page.names()[0], "South London Aphasia Café")
        page.open("q=sugar+talk")
        self.assertEqual(page.names()[0], "Sugar Talk Diabetes Peer Group, Bolton")
        # Matched words are marked in the name and the excerpt.
        marks = [m.text.lower() for m in self.driver.find_elements(By.CSS_SELECTOR, "#search-results > li:first-child mark")]
        self.assertIn("sugar", marks)
        self.assertIn("talk", marks)
        # Each result shows its kind, topics and regions, linked relatively.
        first = self.driver.find_element(By.CSS_SELECTOR, "#search-results > li:first-child")
        self.assertEqual(first.find_element(By.CSS_SELECTOR, ".kind").text.lower(), "group")
        tags = [a.get_attribute("href") for a in first.find_elements(By.CSS_SELECTOR, ".tags a")]
        self.assertIn(support.server_url() + "topics/diabetes/", tags)
        self.assertIn(support.server_url() + "regions/north-west/", tags)
        link = first.find_element(By.CSS_SELECTOR, ".item-title a")
        self.assertEqual(link.get_attribute("href"), support.server_url() + "cards/north-west-diabetes-peer-group/")
        self.assertFalse(link.get_dom_attribute("href").startswith("/"))

    def test_a_sentence_finds_the_card_it_is_about(self):
        # Stop words and a reader's filler ("I just found out I have") are left out, and
        # the card with the most of the remaining words comes first.
        page = self.page.open("q=" + urllib.parse.quote("I just found out I have type 1 diabetes"))
        self.assertEqual(page.names()[0], "T1 Brum, Young Adults with Type 1 Diabetes")
        # Stop words change nothing.
        carers = page.open("q=carers").names()
        self.assertEqual(page.open("q=" + urllib.parse.quote("the carers with ")).names(), carers)

    def test_items_with_some_of_the_words_follow_those_with_every_word(self):
        # Only a guide has all five words; the cards with some of them are the results,
        # the type 1 group (four words) before the type 2 group (two).
        page = self.page.open("q=" + urllib.parse.quote("diabetes type 1 newly diagnosed"))
        self.assertRegex(page.status(), r"^Nothing has every word of “diabetes type 1 newly diagnosed”; "
                                        r"\d+ results with some of them\.")
        names = page.names()
        self.assertEqual(names[0], "T1 Brum, Young Adults with Type 1 Diabetes")
        self.assertLess(names.index("T1 Brum, Young Adults with Type 1 Diabetes"),
                        names.index("Sugar Talk Diabetes Peer Group, Bolton"))
        # One card has both words: it comes first, and the status says so.
        page.open("q=" + urllib.parse.quote("diabetes walking"))
        self.assertRegex(page.status(), r"^\d+ results for “diabetes walking”: 1 with every word, then \d+ with some of them\.")
        names = page.names()
        self.assertEqual(names[0], "Sugar Talk Diabetes Peer Group, Bolton")
        self.assertIn("T1 Brum, Young Adults with Type 1 Diabetes", names)
        # When nothing has every word, the status says so.
        page.open("q=" + urllib.parse.quote("aphasia fathers"))
        self.assertRegex(page.status(), r"^Nothing has every word of “aphasia fathers”; \d+ results with some of them\.")
        self.assertIn("South London Aphasia Café", page.names())

    def test_a_topics_other_names_find_its_cards(self):
        # topics.yml gives Dementia the alias "alzheimers", and Diabetes "T1D".
        page = self.page.open("q=alzheimers")
        self.assertIn("Memory Café Network Northern Ireland", page.names())
        self.assertIn("Durham Living with Dementia Peer Group", page.names())
        page.open("q=T1D")
        self.assertIn("T1 Brum, Young Adults with Type 1 Diabetes", page.names())

    def corrected(self):
        note = self.driver.find_element(By.ID, "search-corrected")
        return note.text if note.is_displayed() else None

    def result_topics(self):
        return [[a.get_attribute("href") for a in li.find_elements(By.CSS_SELECTOR, ".tags a.tag:not(.tag-region)")]
                for li in self.driver.find_elements(By.CSS_SELECTOR, "#search-results > li")]

    def test_a_short_form_is_searched_as_the_words_it_stands_for(self):
        # topics.yml gives Diabetes the alias "T1D = type 1 diabetes": T1D searches for
        # type 1 diabetes, so the type 1 group comes before the other diabetes group,
        # and the page says how T1D was read.
        page = self.page.open("q=T1D")
        self.assertEqual(page.names()[0], "T1 Brum, Young Adults with Type 1 Diabetes")
        self.assertTrue((self.corrected() or "").startswith("Showing results for “type 1 diabetes”."), self.corrected())
        # As typed, T1D is only another name of Diabetes: both diabetes groups, A to Z.
        page.open("q=T1D&exact=1")
        self.assertEqual(page.names(), ["Sugar Talk Diabetes Peer Group, Bolton", "T1 Brum, Young Adults with Type 1 Diabetes"])
        self.assertIsNone(self.corrected())

    def test_words_written_apart_are_searched_as_one(self):
        # "bi polar" is "bipolar", another name of Mental health; neither "bi" nor
        # "polar" is a word of the sample site.
        page = self.page.open("q=" + urllib.parse.quote("bi polar"))
        names = page.names()
        self.assertTrue(names)
        mental_health = support.server_url() + "topics/mental-health/"
        self.assertTrue(all(mental_health in topics for topics in self.result_topics()), self.result_topics())
        self.assertTrue((self.corrected() or "").startswith("Showing results for “bipolar”."), self.corrected())
        # The second word may be the one being typed.
        self.assertEqual(page.open("q=" + urllib.parse.quote("bi pol")).names(), names)
        # As typed, the two words find nothing.
        self.assertEqual(page.open("q=" + urllib.parse.quote("bi polar") + "&exact=1").names(), [])

    def test_a_longer_form_of_an_indexed_word_finds_it(self):
        # No item has "mentorship", nor a word one typo away; "mentors" is the longest
        # word of the index it begins with.
        page = self.page.open("q=mentorship")
        self.assertIn("Positive Voices HIV Peer Mentors", page.names())
        self.assertTrue((self.corrected() or "").startswith("Showing results for “mentors”."), self.corrected())
        self.assertEqual(page.open("q=mentorship&exact=1").names(), [])

    def test_a_place_searches_its_region_and_the_regions_around_it(self):
        # Cardiff is a place of Wales: the Welsh card first, then cards covering Wales
        # from the whole UK, and the status says how the word was read.
        page = self.page.open("q=Cardiff")
        names = page.names()
        self.assertEqual(names[0], "Cwtch Together Perinatal Peer Network")
        self.assertIn("Peer Leaders Exchange", names)  # UK-wide
        self.assertNotIn("Carers Together Scotland", names)
        self.assertIn("“cardiff” is read as Wales", page.status())
        # Leeds is in Yorkshire and the Humber: it finds the Sheffield worker, and the
        # England-wide network before UK-wide ones.
        page.open("q=Leeds")
        names = page.names()
        self.assertEqual(names[0], "Jo Whitfield")
        self.assertLess(names.index("Peer Practitioners' Network England"), names.index("Peer Leaders Exchange"))
        # "NI" is a name of Northern Ireland, not a piece of a word.
        page.open("q=NI")
        self.assertIn(page.names()[0], ["Belfast Young Carers' Peer Group", "Foyle Recovery Café",
                                        "Memory Café Network Northern Ireland"])
        self.assertNotIn("After Suicide Peer Group, Brighton and Hove", page.names())
        # A place of several words, with stop words inside it.
        page.open("q=" + urllib.parse.quote("stroke newcastle upon tyne"))
        self.assertEqual(page.names()[0], "Tyneside Stroke Survivors' Club")

    def test_a_postcode_searches_its_region_and_stays_in_the_page(self):
        # The longest listed prefix wins: SY16 is in Wales, the rest of SY in the West Midlands.
        page = self.page.open("q=SY16")
        self.assertIn("SY16 is read as Wales", page.status())
        self.assertEqual(page.names()[0], "Cwtch Together Perinatal Peer Network")
        page.open("q=SY1")
        self.assertIn("SY1 is read as West Midlands", page.status())
        # A district shared across a border searches both regions.
        page.open("q=TD15")
        self.assertIn("TD15 is read as North East or Scotland", page.status())
        # A whole postcode typed in: searched by its district, and only the district
        # goes into the address.
        page.open()
        page.type("carers LS6 4AB ")
        page.settle("LS6 is read as Yorkshire and the Humber")
        self.assertIn("Jo Whitfield", page.names())
        self.assertEqual(page.query_params().get("q"), ["carers LS6 "])
        self.assertNotIn("4AB", self.driver.current_url)

    def test_a_misspelt_query_still_finds_it(self):
        page = self.page.open("q=bereavment")
        self.assertIn("Still Here Online Bereavement Peer Network", page.names()[:3])
        page.open("q=lewsham")  # one letter left out of Lewisham
        self.assertEqual(page.names()[0], "South London Aphasia Café")
        page.open("q=aphasya")  # one letter wrong
        self.assertEqual(page.names()[0], "South London Aphasia Café")

    def test_a_corrected_word_is_said_and_the_words_as_typed_are_a_link_away(self):
        page = self.page.open("q=aphasya")
        note = self.driver.find_element(By.ID, "search-corrected")
        self.assertTrue(note.is_displayed())
        self.assertTrue(note.text.startswith("Showing results for “aphasia”."), note.text)
        link = note.find_element(By.TAG_NAME, "a")
        self.assertIn("exact=1", link.get_attribute("href"))
        link.click()
        page.settle()
        self.assertFalse(self.driver.find_element(By.ID, "search-corrected").is_displayed())
        self.assertEqual(page.names(), [])
        self.assertIn("No results", page.status())
        # A word spelt as the index has it is not "corrected".
        page.open("q=aphasia")
        self.assertFalse(self.driver.find_element(By.ID, "search-corrected").is_displayed())

    def test_case_and_accents_are_folded_as_the_index_folds_them(self):
        page = self.page.open("q=CAFES")
        self.assertIn("T1 Brum, Young Adults with Type 1 Diabetes", page.names())
        page.open("q=caf%C3%A9s")
        self.assertIn("T1 Brum, Young Adults with Type 1 Diabetes", page.names())

    def test_a_prefix_finds_it_as_you_type(self):
        page = self.page.open()
        page.type("lewi")
        page.settle("for “lewi”")
        self.assertEqual(page.names()[0], "South London Aphasia Café")
        page.type("diab")
        page.settle("for “diab”")
        self.assertIn("Sugar Talk Diabetes Peer Group, Bolton", page.names())
        # Typing updates the URL in place.
        self.assertEqual(page.query_params().get("q"), ["diab"])

    def test_a_topic_facet_narrows_the_results_and_updates_every_count(self):
        page = self.page.open("q=peer")
        before_total = page.total()
        before = {facet: page.counts(facet) for facet in ("topic", "region", "kind", "format")}
        # Every card has exactly one kind, so the card kinds' counts add up to the results
        # (guides are offered apart and counted under Guide).
        self.assertEqual(sum(n for kind, n in before["kind"].items() if kind != "guide"), before_total)
        carers = before["topic"]["carers"]
        self.assertLess(carers, before_total)

        page.click(page.box("topic", "carers"))
        page.settle("filtered by Carers")
        after = {facet: page.counts(facet) for facet in ("topic", "region", "kind", "format")}
        self.assertEqual(page.total(), carers)
        self.assertEqual(len(page.names()), min(10, carers))
        self.assertEqual(sum(n for kind, n in after["kind"].items() if kind != "guide"), carers)
        for facet in ("region", "kind", "format"):
            self.assertNotEqual(after[facet], before[facet], facet)
            for value, n in after[facet].items():
                self.assertLessEqual(n, before[facet][value], f"{facet} {value}")
        # Values within the topic facet are OR: each still counts what ticking it would add.
        self.assertEqual(after["topic"]["carers"], carers)
        self.assertEqual(page.query_params().get("topic"), ["carers"])

        page.click(page.box("topic", "dementia"))
        page.settle("filtered by Carers, Dementia")
        self.assertGreaterEqual(page.total(), carers)

    def test_a_region_facet_includes_cards_covering_it_through_a_wider_region(self):
        page = self.page.open("region=london")
        names = page.names()
        self.assertIn("South London Aphasia Café", names)           # names London
        self.assertIn("Peer Leaders Exchange", names)                # UK-wide
        self.assertIn("Peer Practitioners' Network England", names)  # England
        more = self.driver.find_element(By.ID, "search-more")
        while more.is_displayed():
            shown = len(page.names())
            page.click(more)
            WebDriverWait(self.driver, WAIT).until(lambda d: len(page.names()) > shown)
        names = page.names()
        self.assertNotIn("Carers Together Scotland", names)       # Scotland only
        self.assertNotIn("Sugar Talk Diabetes Peer Group, Bolton", names)  # North West only
        self.assertEqual(len(names), page.total())

    def test_reloading_the_url_restores_the_query_and_filters(self):
        page = self.page.open()
        page.type("carers")
        page.settle("for “carers”")
        page.click(page.box("region", "scotland"))
        page.settle("filtered by Scotland")
        names = page.names()
        self.assertEqual(page.query_params(), {"q": ["carers"], "region": ["scotland"]})
        self.driver.refresh()
        page.settle("filtered by Scotland")
        self.assertEqual(self.driver.find_element(By.ID, "search-q").get_attribute("value"), "carers")
        self.assertTrue(page.box("region", "scotland").is_selected())
        self.assertEqual(page.names(), names)
        # Back undoes the filter; forward brings it back.
        self.driver.back()
        page.settle(r"for “carers”\.( |$)")
        self.assertFalse(page.box("region", "scotland").is_selected())
        self.driver.forward()
        page.settle("filtered by Scotland")
        self.assertTrue(page.box("region", "scotland").is_selected())
        # A shared link with filters and no words lists everything that matches them.
        page.open("topic=carers&region=scotland")
        self.assertIn("Carers Together Scotland", page.names())
        self.assertRegex(page.status(), r"^\d+ results? filtered by Carers, Scotland\.")

    def test_cards_are_the_results_and_guides_are_offered_apart(self):
        page = self.page.open("q=peer")
        kinds = [e.text.lower() for e in self.driver.find_elements(By.CSS_SELECTOR, "#search-results > li .kind")]
        self.assertTrue(kinds)
        self.assertNotIn("guide", kinds)
        self.assertIn("7 guides for organisers too.", page.status())
        note = self.driver.find_element(By.ID, "search-guides")
        self.assertTrue(note.is_displayed())
        link = note.find_element(By.TAG_NAME, "a")
        self.assertEqual(link.text, "Show the 7 guides")
        page.click(link)
        page.settle("filtered by Guide")
        self.assertEqual(page.query_params().get("kind"), ["guide"])
        self.assertEqual(len(page.names()), 7)
        kinds = {e.text.lower() for e in self.driver.find_elements(By.CSS_SELECTOR, "#search-results > li .kind")}
        self.assertEqual(kinds, {"guide"})
        self.assertFalse(note.is_displayed())

    def test_closed_cards_are_left_out_unless_asked_for_and_always_labelled(self):
        page = self.page.open("q=fathers")
        self.assertEqual(page.names(), [])
        self.assertIn("1 closed card not shown.", page.status())
        box = self.driver.find_element(By.ID, "search-closed")
        self.assertTrue(box.is_displayed())
        label = self.driver.find_element(By.CSS_SELECTOR, "label[for=search-closed]")
        self.assertIn("1", label.text)
        page.click(box)
        page.settle("1 result for “fathers”")
        self.assertEqual(page.query_params().get("closed"), ["show"])
        self.assertEqual(page.names(), ["New Dads Peer Group, Leeds"])
        badge = self.driver.find_element(By.CSS_SELECTOR, "#search-results > li .badge")
        self.assertEqual(badge.text, "Closed")
        # Closed cards come after the running ones, and a paused card is labelled too.
        page.open("q=group&closed=show")
        names = page.names()
        more = self.driver.find_element(By.ID, "search-more")
        while more.is_displayed():
            shown = len(page.names())
            page.click(more)
            WebDriverWait(self.driver, WAIT).until(lambda d: len(page.names()) > shown)
        items = self.driver.find_elements(By.CSS_SELECTOR, "#search-results > li")
        badges = [(i.find_elements(By.CSS_SELECTOR, ".badge") or [None])[0] for i in items]
        labels = [b.text if b else "" for b in badges]
        self.assertIn("Paused", labels)
        self.assertEqual(labels[-1], "Closed")
        self.assertEqual(labels.count("Closed"), 1)
        # Without the box, the closed card is not among the results, and neither is the box ticked.
        page.open("q=group")
        self.assertNotIn("New Dads Peer Group, Leeds", page.names())
        self.assertFalse(self.driver.find_element(By.ID, "search-closed").is_selected())

    def test_the_first_results_need_no_facets_and_the_facets_follow(self):
        # What a first search costs is what it fetches before its results are on the
        # screen: facets.bin, the largest file, comes after them, unless a filter or a
        # place needs it first. (Resource Timing gives the order; nothing is timed.)
        order = """
            const mark = performance.getEntriesByName('whoswho-search-results')[0];
            const facets = performance.getEntriesByType('resource').filter(r => r.name.includes('/facets.bin'));
            return [mark ? mark.startTime : null, facets.length ? facets[0].startTime : null];"""
        page = self.page.open("q=diabetes")
        mark, facets = self.driver.execute_script(order)
        self.assertIsNotNone(mark)
        self.assertIsNotNone(facets, "the facets were never fetched")
        self.assertGreaterEqual(facets, mark)
        # Once they are in, the counts are there too.
        self.assertGreater(sum(page.counts("topic").values()), 0)
        for query in ("q=diabetes&topic=diabetes", "q=" + urllib.parse.quote("dementia cardiff")):
            page.open(query)
            mark, facets = self.driver.execute_script(order)
            self.assertLess(facets, mark, query)

    def test_keyboard_only(self):
        page = self.page.open()
        actions = ActionChains(self.driver)

        def active():
            return self.driver.switch_to.active_element

        def tab_until(predicate, limit=80):
            for _ in range(limit):
                actions.send_keys(Keys.TAB).perform()
                if predicate(active()):
                    return active()
            self.fail("Tab never reached the element")

        def focus_visible(element):
            outline = self.driver.execute_script(
                "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", element)
            return outline[0] != "none" and outline[1] != "0px"

        field = tab_until(lambda e: e.get_attribute("id") == "search-q")
        self.assertTrue(focus_visible(field))
        actions.send_keys("carers").perform()
        page.settle("for “carers”")
        total = page.total()
        box = tab_until(lambda e: e.get_attribute("type") == "checkbox")
        self.assertTrue(focus_visible(box))
        value = box.get_attribute("value")
        actions.send_keys(Keys.SPACE).perform()
        page.settle("filtered by")
        self.assertTrue(page.box(box.get_attribute("name"), value).is_selected())
        self.assertLessEqual(page.total(), total)
        link = tab_until(lambda e: e.tag_name == "a" and self.driver.execute_script(
            "return !!arguments[0].closest('#search-results')", e))
        self.assertTrue(focus_visible(link))
        href = link.get_attribute("href")
        actions.send_keys(Keys.ENTER).perform()
        WebDriverWait(self.driver, WAIT).until(lambda d: d.current_url == href)

    def test_axe_finds_no_violation_with_results_and_facets_showing(self):
        page = self.page.open("q=peer&topic=carers")
        self.assertGreater(len(page.names()), 0)
        self.assertTrue(self.driver.find_element(By.ID, "search-filters").is_displayed())
        violations = support.run_axe(self.driver)
        self.assertEqual([(v["id"], v["help"], [n.get("target") for n in v["nodes"]]) for v in violations], [])


class WayForwardTests(unittest.TestCase):
    """An empty or thin result says what is not listed and offers a way on."""

    def setUp(self):
        self.driver = support.browser()
        self.page = SearchPage(self.driver)

    def tearDown(self):
        self.driver.quit()

    def forward(self):
        panel = self.driver.find_element(By.ID, "search-forward")
        if not panel.is_displayed():
            return None, {}
        lead = panel.find_element(By.CSS_SELECTOR, ".forward-lead").text
        offers = {a.text: a for a in panel.find_elements(By.CSS_SELECTOR, ".forward-offers a")}
        return lead, offers

    def test_nothing_local_says_so_and_offers_the_topic_elsewhere(self):
        page = self.page.open("q=carers&region=wales")
        self.assertEqual(page.names(), [])
        lead, offers = self.forward()
        self.assertEqual(lead, "Nothing listed for Carers in Wales yet. Here is what there is:")
        self.assertIn("Carers online", offers)
        self.assertEqual(offers["The Carers page, region by region"].get_attribute("href"), support.server_url() + "topics/carers/")
        # No card for carers reaches Wales, so there is no page for the pair to offer.
        self.assertFalse(any(name.startswith("The page for") for name in offers))
        # An offer is a search: following it shows its cards, with the filters it names.
        everything = offers["Every card for Carers"]
        self.assertEqual(everything.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, ".count").text, "5 cards")
        page.click(everything)
        page.settle("filtered by Carers")
        self.assertEqual(page.query_params(), {"topic": ["carers"]})
        self.assertEqual(page.total(), 5)
        self.assertEqual(self.forward()[0], None)

    def test_a_place_in_the_query_is_read_as_its_region(self):
        self.page.open("q=" + urllib.parse.quote("dementia cardiff"))
        lead, offers = self.forward()
        self.assertEqual(lead, "Nothing listed for Dementia in Wales yet. Here is what there is:")
        self.assertIn("Every card for Dementia", offers)
        # Mental health has UK-wide cards, which reach Wales: the pair's page exists and
        # is offered, and it says nothing is based there yet.
        self.page.open("q=" + urllib.parse.quote("mental health cardiff"))
        lead, offers = self.forward()
        self.assertEqual(lead, "Nothing listed for Mental health in Wales yet. Here is what there is:")
        self.assertIn("UK-wide support for Mental health", offers)
        link = offers["The page for Mental health in Wales"]
        href = link.get_attribute("href")
        self.assertEqual(href, support.server_url() + "topics/mental-health/wales/")
        self.driver.get(href)
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "h1").text, "Peer support for Mental health in Wales")
        self.assertIn("Nothing listed for Mental health in Wales yet",
                      self.driver.find_element(By.CSS_SELECTOR, ".nothing-local").text)

    def test_words_that_match_nothing_lead_to_the_topics_and_regions(self):
        self.page.open("q=xyzzy")
        lead, offers = self.forward()
        self.assertEqual(lead, "Nothing listed for “xyzzy” yet. Try other words, or browse:")
        self.assertEqual(sorted(offers), ["Every region", "Every topic"])
        # A result with plenty of cards needs no way forward.
        self.page.open("q=peer")
        self.assertEqual(self.forward()[0], None)

    def test_a_site_with_a_repository_invites_a_new_card(self):
        temporary = tempfile.mkdtemp(prefix="whoswho-forward-")
        try:
            content = os.path.join(temporary, "content")
            shutil.copytree(os.path.join(support.ROOT, "content"), content)
            with open(os.path.join(content, "site.yml"), "a", encoding="utf-8") as f:
                f.write("repository: https://github.com/example/whoswho\n")
            self.driver.get(support.server_url(content) + "search/?q=carers&region=wales")
            self.page.settle()
            panel = self.driver.find_element(By.ID, "search-forward")
            add = panel.find_element(By.CSS_SELECTOR, "#search-add a")
            self.assertTrue(add.is_displayed())
            self.assertTrue(add.get_attribute("href").startswith("https://github.com/example/whoswho/new/main/content/cards"))
        finally:
            shutil.rmtree(temporary, ignore_errors=True)


class PhoneLayoutTests(unittest.TestCase):
    """The search page on a phone, 390 by 844 CSS pixels: results first, filters behind a button."""

    def setUp(self):
        self.driver = support.browser(390, 844)
        # Make the viewport exactly a phone's, whatever room the window leaves.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        self.page = SearchPage(self.driver)

    def tearDown(self):
        self.driver.quit()

    def viewport(self):
        return self.driver.execute_script("return [innerWidth, innerHeight]")

    def test_the_first_result_is_on_the_first_screen(self):
        for query in ("q=carers", "q=" + urllib.parse.quote("dementia cardiff"),
                      "q=" + urllib.parse.quote("I just found out I have type 1 diabetes"), "q=peer&topic=carers&region=scotland"):
            page = self.page.open(query)
            self.assertEqual(self.viewport(), [390, 844])
            self.assertEqual(self.driver.execute_script("return scrollY"), 0)
            title = self.driver.find_element(By.CSS_SELECTOR, "#search-results > li:first-child .item-title a")
            bottom = self.driver.execute_script("return arguments[0].getBoundingClientRect().bottom", title)
            self.assertLessEqual(bottom, 844, f"{query}: the first result ends at {bottom}px")
            self.assertFalse(self.driver.find_element(By.ID, "search-filters").is_displayed(), query)
            # Nothing is wider than the screen.
            self.assertLessEqual(self.driver.execute_script("return document.documentElement.scrollWidth"), 390)

    def test_the_filters_open_from_a_button_that_says_how_many_are_on(self):
        page = self.page.open("q=peer")
        toggle = self.driver.find_element(By.ID, "search-filters-toggle")
        self.assertEqual(toggle.text, "Filters")
        self.assertEqual(toggle.get_attribute("aria-expanded"), "false")
        page.click(toggle)
        self.assertEqual(toggle.get_attribute("aria-expanded"), "true")
        self.assertTrue(self.driver.find_element(By.ID, "search-filters").is_displayed())
        # Focus moves to the first filter.
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("name"), "topic")
        page.click(page.box("topic", "carers"))
        page.settle("filtered by Carers")
        page.click(page.box("region", "scotland"))
        page.settle("filtered by Carers, Scotland")
        self.assertEqual(toggle.text, "Filters (2 on)")
        done = self.driver.find_element(By.ID, "search-filters-done")
        page.click(done)
        self.assertFalse(self.driver.find_element(By.ID, "search-filters").is_displayed())
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "search-filters-toggle")
        # A shared link with filters says so on the button.
        page.open("q=peer&topic=carers&closed=show")
        self.assertEqual(self.driver.find_element(By.ID, "search-filters-toggle").text, "Filters (2 on)")

    def test_no_facet_scrolls_inside_itself(self):
        page = self.page.open("q=peer")
        page.click(self.driver.find_element(By.ID, "search-filters-toggle"))
        lists = self.driver.find_elements(By.CSS_SELECTOR, "#search-filters .facet-values")
        self.assertGreater(len(lists), 3)
        for ul in lists:
            overflow, scroll, client = self.driver.execute_script(
                "const s = getComputedStyle(arguments[0]); return [s.overflowY, arguments[0].scrollHeight, arguments[0].clientHeight];", ul)
            self.assertNotIn(overflow, ("auto", "scroll"))
            self.assertLessEqual(scroll, client + 1)
        # Every region with cards shows, Northern Ireland, Scotland and Wales among them.
        for region in ("northern-ireland", "scotland", "wales"):
            self.assertTrue(page.box("region", region).is_displayed(), region)

    def test_the_four_nations_come_first_and_uk_wide_is_explained(self):
        page = self.page.open("q=peer")
        values = [b.get_attribute("value") for b in self.driver.find_elements(By.CSS_SELECTOR, '#search-filters input[name="region"]')]
        self.assertEqual(values[:4], ["england", "northern-ireland", "scotland", "wales"])
        self.assertEqual(values[-1], "uk-wide")
        group = self.driver.find_element(By.CSS_SELECTOR, "#search-filters .facet-group")
        self.assertEqual(group.find_element(By.CSS_SELECTOR, ".facet-group-name").get_attribute("textContent"), "In England")
        note = self.driver.find_element(By.XPATH, '//legend[.="Region"]/following-sibling::p').get_attribute("textContent")
        self.assertIn("UK-wide cards, open to anyone in the UK, count under every region", note)
        # UK-wide counts the cards that name it, not every result.
        page.click(self.driver.find_element(By.ID, "search-filters-toggle"))
        counts = page.counts("region")
        self.assertLess(counts["uk-wide"], page.total())
        page.open("q=peer&region=uk-wide")
        self.assertEqual(page.total(), counts["uk-wide"])
        self.assertNotIn("South London Aphasia Café", page.names())

    def test_axe_finds_no_violation_on_a_phone_with_the_filters_open(self):
        page = self.page.open("q=" + urllib.parse.quote("dementia cardiff"))
        page.click(self.driver.find_element(By.ID, "search-filters-toggle"))
        violations = support.run_axe(self.driver)
        self.assertEqual([(v["id"], v["help"], [n.get("target") for n in v["nodes"]]) for v in violations], [])


class TopicRegionLinkTests(unittest.TestCase):
    def test_every_link_to_a_topic_and_region_page_leads_to_one(self):
        # The graph makes a page wherever a card of the topic reaches the region, and the
        # pages link only to those: no link on the site leads to a missing one.
        site = support.site()
        links = 0
        for folder, _, files in os.walk(site):
            for name in files:
                if not name.endswith(".html"):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    html = f.read()
                for href in re.findall(r'href="([^"#?]*topics/[a-z0-9-]+/[a-z0-9-]+/)"', html):
                    target = os.path.normpath(os.path.join(folder, href, "index.html"))
                    links += 1
                    self.assertTrue(os.path.exists(target), f"{os.path.relpath(os.path.join(folder, name), site)} links to {href}")
        self.assertGreater(links, 100)
        # Pairs with nothing based in the region have pages too.
        self.assertTrue(os.path.exists(os.path.join(site, "topics", "mental-health", "wales", "index.html")))


class NoScriptTests(unittest.TestCase):
    def test_without_javascript_the_page_links_to_topics_and_regions(self):
        driver = support.browser(javascript=False)
        try:
            driver.get(support.server_url() + "search/")
            WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-noscript").is_displayed())
            note = driver.find_element(By.CSS_SELECTOR, ".search-noscript")
            self.assertIn("needs JavaScript", note.text)
            hrefs = [a.get_attribute("href") for a in note.find_elements(By.TAG_NAME, "a")]
            base = support.server_url()
            self.assertIn(base + "topics/", hrefs)
            self.assertIn(base + "regions/", hrefs)
            self.assertIn(base + "topics/carers/", hrefs)
            self.assertIn(base + "regions/london/", hrefs)
            self.assertFalse(driver.find_element(By.ID, "search-app").is_displayed())
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main()
