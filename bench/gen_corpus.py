#!/usr/bin/env python3
"""Write a synthetic benchmark corpus in whoswho's content format.

    bench/gen_corpus.py OUT [--cards N] [--guides M] [--seed S] [--force] [--plain]

OUT becomes a content folder like content/: site.yml, topics.yml (40 topics),
regions.yml (the 14 UK regions, nested), cards/card-NNNNN.md (every tenth card
as cards/card-NNNNN.yml with its Markdown body in `about: |`) and
guides/guide-NNNN.md. Defaults: 10,000 cards and 1,000 guides, about 49 MB
(46 MB with --plain).

Each card has 1-4 topics, 1-2 regions, 1-3 formats, a contact website and
email, an `updated` date, and three cards in ten name two `related` cards.
The fields the site gained since carry on top, at rates near those of real
directories (the ORUK feeds of docs/open-data.md): `looking_for` (one card in
four), `links` (one in five), and the directory fields: `locations` with real
postcode districts of the card's region (about half of the cards that are not
people), `meets`, `eligibility`, `cost`, `referral`, `languages`, and an
`organisation` for about one group, person or network in four.
`--plain` leaves them out, for the corpus as it was before them (the shape of
../shared/bench/gen_corpus.py); they come from a random stream of their own, so
the rest of every card is the same bytes either way.
Bodies have 3-8 paragraphs (guides 8-20) with `##` headings, bullet lists,
GFM tables, relative links to `../cards/card-NNNNN.md` and autolinks.

Everything it writes passes `whoswho check`: names and summaries within their
limits, real dates, no repeats in a list, no card related to itself, every
link to a card that exists. (Stale-card and unused-vocabulary warnings are
expected.) Only the standard library is used. The same arguments give the
same bytes: randomness comes from random.Random(seed) through its integer
methods only (randrange, choice), whose sequence Python 3 keeps stable.
"""

import argparse
import datetime
import os
import random
import shutil
import sys

# --- Vocabularies -----------------------------------------------------------

TOPICS = [
    ("mental-health", "Mental health"),
    ("anxiety-and-depression", "Anxiety and depression"),
    ("psychosis", "Psychosis"),
    ("perinatal-mental-health", "Perinatal mental health"),
    ("eating-disorders", "Eating disorders"),
    ("suicide-prevention", "Suicide prevention"),
    ("substance-use", "Substance use"),
    ("dementia", "Dementia"),
    ("carers", "Carers"),
    ("bereavement", "Bereavement"),
    ("diabetes", "Diabetes"),
    ("hiv", "HIV"),
    ("cancer", "Cancer"),
    ("stroke", "Stroke"),
    ("heart-conditions", "Heart conditions"),
    ("respiratory", "Respiratory conditions"),
    ("kidney-disease", "Kidney disease"),
    ("chronic-pain", "Chronic pain"),
    ("arthritis", "Arthritis"),
    ("long-term-conditions", "Long-term conditions"),
    ("long-covid", "Long COVID"),
    ("multiple-sclerosis", "Multiple sclerosis"),
    ("parkinsons", "Parkinson's"),
    ("epilepsy", "Epilepsy"),
    ("sickle-cell", "Sickle cell"),
    ("hearing-loss", "Hearing loss"),
    ("sight-loss", "Sight loss"),
    ("autism", "Autism"),
    ("learning-disabilities", "Learning disabilities"),
    ("maternity", "Maternity"),
    ("menopause", "Menopause"),
    ("young-people", "Young people"),
    ("older-people", "Older people"),
    ("lgbtq", "LGBTQ+"),
    ("refugees", "Refugees and asylum seekers"),
    ("veterans", "Veterans"),
    ("homelessness", "Homelessness"),
    ("domestic-abuse", "Domestic abuse"),
    ("physical-activity", "Physical activity"),
    ("self-management", "Self-management"),
]

# (slug, name, within)
REGIONS = [
    ("uk-wide", "UK-wide", None),
    ("england", "England", "uk-wide"),
    ("scotland", "Scotland", "uk-wide"),
    ("wales", "Wales", "uk-wide"),
    ("northern-ireland", "Northern Ireland", "uk-wide"),
    ("north-east", "North East", "england"),
    ("north-west", "North West", "england"),
    ("yorkshire-and-the-humber", "Yorkshire and the Humber", "england"),
    ("east-midlands", "East Midlands", "england"),
    ("west-midlands", "West Midlands", "england"),
    ("east-of-england", "East of England", "england"),
    ("london", "London", "england"),
    ("south-east", "South East", "england"),
    ("south-west", "South West", "england"),
]

KINDS = ["person", "group", "organisation", "network"]
FORMATS = ["one-to-one", "group", "online", "phone", "text", "in-person"]

# Prose vocabulary: 84 words, mean length about 7 letters, so that a body has
# the size and the word variety a search index would meet in real cards.
WORDS = """
peer support shared lived experience wellbeing health care community members
meet monthly weekly listen together recovery confidence volunteers trained
mentors welcome anyone living condition families friends carers local services
referral self-referral nurses clinic hospital surgery evidence evaluation
outcomes measure survey stories participatory research mutual equals
co-produced values principles toolkit training supervision risk boundaries
signposting online forum helpline drop-in session tea walking art music
gardening cooking learning skills managing symptoms medicines appointments
isolation loneliness belonging hope trust funding commissioners network
partners safe space groups quiet
""".split()

FIRST_NAMES = """Amira Ben Chloe Dev Ewan Fatima Grace Harri Isla Jamal Kofi Leah
Mairead Niamh Owen Priya Rhys Sana Tomasz Una Vik Wen Yusuf Zara""".split()
LAST_NAMES = """Adebayo Brennan Campbell Davies Evans Fraser Gill Hughes Iqbal
Jones Kaur Lewis McAllister Nowak Okafor Patel Quinn Reid Shah Thomas""".split()
GROUP_WORDS = ["Peer Network", "Peer Group", "Peer Circle", "Peer Mentors",
               "Support Network", "Peer Collective"]

TABLES = [
    "| Session | When |\n|---|---|\n| Drop-in | Monday |\n| Walk | Saturday |",
    "| Format | Where |\n|---|---|\n| Group | Library |\n| Online | Video call |",
    "| Measure | How often |\n|---|---|\n| Survey | Quarterly |\n| Stories | Monthly |",
]

FIRST_DAY = datetime.date(2017, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)
GUIDE_FIRST_DAY = datetime.date(2018, 1, 1)

SUMMARY_LIMIT = 280
NAME_LIMIT = 120


# --- Random helpers (integer methods only: stable across Python 3) ------------

def distinct(r, items, k, exclude=None):
    """k distinct items of `items` (never `exclude`), in the order drawn."""
    pool = [x for x in items if x != exclude] if exclude is not None else list(items)
    k = min(k, len(pool))
    for i in range(k):  # partial Fisher-Yates
        j = r.randrange(i, len(pool))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


def distinct_slugs(r, n, k, exclude=None):
    """k distinct card indexes below n, never `exclude`, without building a list of n."""
    k = min(k, n - (1 if exclude is not None and 0 <= exclude < n else 0))
    chosen = []
    while len(chosen) < k:
        x = r.randrange(n)
        if x != exclude and x not in chosen:
            chosen.append(x)
    return chosen


def day(r, first, last):
    return first + datetime.timedelta(days=r.randrange((last - first).days + 1))


# --- Text ------------------------------------------------------------------

def words(r, n):
    return [r.choice(WORDS) for _ in range(n)]


def sentence(r, n=None):
    w = words(r, n if n is not None else r.randrange(8, 19))
    return " ".join(w).capitalize() + "."


def summary(r):
    s = sentence(r, 20)
    if len(s) > SUMMARY_LIMIT:  # cannot happen with WORDS, but keep the contract
        s = s[:SUMMARY_LIMIT - 1].rsplit(" ", 1)[0] + "."
    return s


def paragraph(r):
    return " ".join(sentence(r) for _ in range(r.randrange(3, 7)))


def card_slug(i):
    return f"card-{i:05d}"


def card_link(r, n_cards):
    s = card_slug(r.randrange(n_cards))
    label = "Card " + s[5:]
    return (f"Read about [{label}](../cards/{s}.md), with *their* **evaluation** "
            f"at <https://example.org/{s}/evidence>.")


def body(r, paragraphs, n_cards):
    """Markdown: a heading every third paragraph, a list after the 2nd of every
    four, a card link after the 3rd of every five, a table after the 4th of
    every seven."""
    blocks = []
    for i in range(paragraphs):
        if i % 3 == 0:
            blocks.append("## " + " ".join(words(r, 4)).capitalize())
        blocks.append(paragraph(r))
        if i % 4 == 1:
            blocks.append("\n".join("- " + sentence(r, 6) for _ in range(r.randrange(3, 6))))
        if i % 5 == 2 and n_cards:
            blocks.append(card_link(r, n_cards))
        if i % 7 == 3:
            blocks.append(r.choice(TABLES))
    return "\n\n".join(blocks) + "\n"


def flow(xs):
    return "[" + ", ".join(xs) + "]"


def card_name(r, i, kind):
    if kind == "person":
        name = f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}, peer mentor {i}"
    else:
        name = f"{r.choice(WORDS).capitalize()} {r.choice(WORDS).capitalize()} {r.choice(GROUP_WORDS)} {i}"
    return name[:NAME_LIMIT]


# --- Directory fields (a random stream of their own) --------------------------

# Postcode districts and towns for each region that has places of its own; a card
# of a wider region (uk-wide, england) takes one from a region within it.
PLACES = {
    "north-east": [("Newcastle upon Tyne", "NE1"), ("Sunderland", "SR1"), ("Durham", "DH1")],
    "north-west": [("Manchester", "M1"), ("Liverpool", "L1"), ("Preston", "PR1")],
    "yorkshire-and-the-humber": [("Leeds", "LS1"), ("Sheffield", "S1"), ("Hull", "HU1")],
    "east-midlands": [("Nottingham", "NG1"), ("Leicester", "LE1"), ("Derby", "DE1")],
    "west-midlands": [("Birmingham", "B1"), ("Coventry", "CV1"), ("Stoke-on-Trent", "ST1")],
    "east-of-england": [("Norwich", "NR1"), ("Cambridge", "CB1"), ("Ipswich", "IP1")],
    "london": [("London", "E1"), ("London", "SE1"), ("London", "N1")],
    "south-east": [("Brighton", "BN1"), ("Oxford", "OX1"), ("Reading", "RG1")],
    "south-west": [("Bristol", "BS1"), ("Exeter", "EX1"), ("Plymouth", "PL1")],
    "scotland": [("Glasgow", "G1"), ("Edinburgh", "EH1"), ("Dundee", "DD1")],
    "wales": [("Cardiff", "CF10"), ("Swansea", "SA1"), ("Wrexham", "LL11")],
    "northern-ireland": [("Belfast", "BT1"), ("Derry", "BT48"), ("Newry", "BT34")],
}
VENUES = ["Community Centre", "Library", "Health Centre", "Church Hall", "Hub", "Wellbeing Centre"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
WEEKS = ["first", "second", "third", "last"]
REFERRALS = ["self-referral", "drop-in", "appointment", "professional-referral"]
LANGUAGES = ["cy", "gd", "pl", "ur", "pa", "ar", "so", "bn", "ro"]


def places_of(region):
    if region in PLACES:
        return PLACES[region]
    within = [s for s, _, parent in REGIONS if parent == region]
    return [p for w in within for p in places_of(w)]


def yaml_text(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def directory_fields(x, slug, kind, regions, organisations):
    """The fields of a card beyond the original corpus, from stream x."""
    out = ""
    if x.randrange(4) == 0:
        out += f"looking_for: {sentence(x, 14)}\n"
    if x.randrange(5) == 0:
        out += "links:\n" + "".join(f"  - title: {sentence(x, 5)[:-1]}\n    url: https://example.org/{slug}/report-{n}\n"
                                     for n in range(1, x.randrange(2, 4)))
    places = [p for region in regions for p in places_of(region)]
    if kind != "person" and places and x.randrange(2) == 0:
        out += "locations:\n"
        for _ in range(1 if x.randrange(4) else 2):
            town, district = x.choice(places)
            out += (f"  - name: {x.choice(WORDS).capitalize()} {x.choice(VENUES)}\n"
                    f"    address: {x.randrange(1, 200)} {x.choice(WORDS).capitalize()} Street\n"
                    f"    town: {town}\n"
                    f"    postcode: {district} {x.randrange(1, 10)}{x.choice('ABDEFGHJLNPQRSTUWXYZ')}{x.choice('ABDEFGHJLNPQRSTUWXYZ')}\n")
            if x.randrange(3) == 0:
                out += f"    accessibility: {sentence(x, 9)}\n"
    if kind in ("group", "network") and x.randrange(5) < 3:
        start = 9 + x.randrange(10)
        frequency = ["weekly", "fortnightly", "monthly"][x.randrange(3)]
        out += f"meets:\n  frequency: {frequency}\n  days: [{x.choice(DAYS)}]\n"
        if frequency == "monthly":
            out += f"  week: {x.choice(WEEKS)}\n"
        out += f'  start: "{start:02d}:00"\n  end: "{start + 2:02d}:00"\n'
    if x.randrange(5) < 2:
        out += f"eligibility: {sentence(x, 12)}\n"
    if x.randrange(2) == 0:
        out += "cost: free\n" if x.randrange(5) else f"cost: {yaml_text('£' + str(x.randrange(2, 10)) + ' a session, or free for anyone who asks')}\n"
    if x.randrange(2) == 0:
        out += f"referral: {flow(sorted(distinct(x, REFERRALS, x.randrange(1, 3))))}\n"
    if x.randrange(7) == 0:
        out += f"languages: {flow(['en'] + sorted(distinct(x, LANGUAGES, x.randrange(1, 3))))}\n"
    if kind != "organisation" and organisations and x.randrange(4) == 0:
        out += f"organisation: {organisations[x.randrange(len(organisations))]}\n"
    return out


# --- Files -------------------------------------------------------------------

def site_yml():
    return ("title: Peer Support Who's Who (benchmark)\n"
            "description: Synthetic content for timing builds; every card is fictional.\n"
            "base_url: https://example.org/\n"
            "language: en-GB\n")


def topics_yml(r):
    return "".join(f"{slug}:\n  name: {name}\n  description: {sentence(r)}\n"
                   for slug, name in TOPICS)


def regions_yml():
    return "".join(f"{slug}:\n  name: {name}\n" + (f"  within: {parent}\n" if parent else "")
                   for slug, name, parent in REGIONS)


def card(r, i, n_cards, x=None, organisations=()):
    """(file name, text) of card i; with stream x, with the directory fields, naming
    one of `organisations` (earlier organisation cards) as its organisation at times."""
    slug = card_slug(i)
    kind = r.choice(KINDS)
    topics = sorted(distinct(r, [t for t, _ in TOPICS], r.randrange(1, 5)))
    regions = sorted(distinct(r, [s for s, _, _ in REGIONS], r.randrange(1, 3)))
    formats = sorted(distinct(r, FORMATS, r.randrange(1, 4)))
    head = (f"name: {card_name(r, i, kind)}\n"
            f"kind: {kind}\n"
            f"summary: {summary(r)}\n"
            f"topics: {flow(topics)}\n"
            f"regions: {flow(regions)}\n"
            f"formats: {flow(formats)}\n"
            f"updated: {day(r, FIRST_DAY, LAST_DAY).isoformat()}\n"
            f"contact:\n"
            f"  website: https://example.org/{slug}\n"
            f"  email: hello@{slug}.example.org\n")
    if r.random() < 0.3 and n_cards > 2:
        head += f"related: {flow(card_slug(j) for j in distinct_slugs(r, n_cards, 2, exclude=i))}\n"
    if x is not None:
        head += directory_fields(x, slug, kind, regions, organisations)
    text = body(r, r.randrange(3, 9), n_cards)
    if i % 10 == 9:
        about = "".join(("  " + line if line else "") + "\n" for line in text.splitlines())
        return slug + ".yml", head + "about: |\n" + about
    return slug + ".md", "---\n" + head + "---\n\n" + text


def guide(r, j, n_cards):
    slug = f"guide-{j:04d}"
    topics = sorted(distinct(r, [t for t, _ in TOPICS], r.randrange(1, 4)))
    head = (f"title: How to {' '.join(words(r, 5))}\n"
            f"summary: {summary(r)}\n"
            f"topics: {flow(topics)}\n")
    if n_cards:
        head += f"cards: {flow(card_slug(k) for k in distinct_slugs(r, n_cards, 3))}\n"
    head += f"updated: {day(r, GUIDE_FIRST_DAY, LAST_DAY).isoformat()}\n"
    return slug + ".md", "---\n" + head + "---\n\n" + body(r, r.randrange(8, 21), n_cards)


def prepare(out, force):
    if os.path.isdir(out) and os.listdir(out):
        if not force:
            sys.exit(f"gen_corpus: {out} exists and is not empty; pass --force to replace it")
        for sub in ("cards", "guides"):
            shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
        for name in ("site.yml", "topics.yml", "regions.yml"):
            if os.path.exists(os.path.join(out, name)):
                os.remove(os.path.join(out, name))
    os.makedirs(os.path.join(out, "cards"), exist_ok=True)
    os.makedirs(os.path.join(out, "guides"), exist_ok=True)


def write(out, rel, text):
    with open(os.path.join(out, rel), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(out, n_cards, n_guides, seed, plain=False):
    """Write the corpus; returns (files, bytes) written."""
    r = random.Random(seed)
    x = None if plain else random.Random(seed + 1)
    organisations = []
    files = total = 0

    def emit(rel, text):
        nonlocal files, total
        write(out, rel, text)
        files += 1
        total += len(text.encode("utf-8"))

    emit("site.yml", site_yml())
    emit("topics.yml", topics_yml(r))
    emit("regions.yml", regions_yml())
    for i in range(n_cards):
        name, text = card(r, i, n_cards, x, organisations)
        emit(os.path.join("cards", name), text)
        if "\nkind: organisation\n" in text:
            organisations.append(card_slug(i))
    for j in range(n_guides):
        name, text = guide(r, j, n_cards)
        emit(os.path.join("guides", name), text)
    return files, total


DEFAULT_SEED = 67008


def corpus_in(work, n_cards):
    """The folder `content-N` in `work` holding N cards and a tenth as many guides with
    the default seed: written the first time, taken as it is after (the timing scripts'
    --work)."""
    out = os.path.join(work, f"content-{n_cards}")
    if not os.path.exists(out):
        prepare(out, force=True)
        generate(out, n_cards, max(1, n_cards // 10), DEFAULT_SEED)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="content folder to write")
    ap.add_argument("--cards", type=int, default=10000, help="number of cards (default 10000)")
    ap.add_argument("--guides", type=int, default=1000, help="number of guides (default 1000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    ap.add_argument("--force", action="store_true", help="replace an existing corpus in OUT")
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    ap.add_argument("--plain", action="store_true",
                    help="leave out looking_for, links and the directory fields (the corpus before them)")
    a = ap.parse_args()
    if a.cards < 0 or a.guides < 0:
        ap.error("--cards and --guides must not be negative")
    prepare(a.out, a.force)
    files, total = generate(a.out, a.cards, a.guides, a.seed, a.plain)
    if not a.quiet:
        print(f"gen_corpus: wrote {files} files, {total} bytes to {a.out}")


if __name__ == "__main__":
    main()
