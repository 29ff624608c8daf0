#!/usr/bin/env python3
"""Time `whoswho import oruk` on large Open Referral feeds, and `check` and `build` of
what it makes.

    bench/import_bench.py [--services 10000] [--runs 3] [--work DIR] [--binary PATH] [--baseline PATH]
    bench/import_bench.py --feed-only OUT [--services N] [--form 1x|3.0]

1. Writes two feeds with a seeded generator (same arguments, same bytes): an ORUK 1.x
   list and an ORUK 3.0 list of SERVICES services each, as messy as council feeds are
   (HTML descriptions, bare `www.` addresses, empty fields, shared ids, organisations
   running many services, target audiences and taxonomy terms, eligibility attributes,
   schedules, places with postcodes across the UK), and the same at a tenth and half
   the size, to see how the time grows.
2. Builds whoswho in release mode (`swift build -c release --product whoswho`), unless
   --binary names one.
3. For each feed, RUNS times: copies the sample content's site.yml, topics.yml and
   regions.yml into an empty content folder and times `whoswho import oruk FEED
   --content C --region england --topic mental-health`; then, on the last copy, times
   `import --update` with nothing changed (every card read, merged and found up to
   date), `whoswho check` and `whoswho build` of the result.
4. Prints medians (wall, CPU = user + sys, peak RSS) and, for each size, the time per
   thousand services, as Markdown for docs/performance.md. With --baseline BINARY (an
   earlier build), each import and update is timed with both, alternately, and the
   table gives the ratio.

Wall time is taken with time.perf_counter; CPU time and peak RSS from GNU time
(`/usr/bin/time -v`, Debian package `time`), or os.wait4 when it is missing (the script
says so). Python 3 standard library only. Run it from the repository root.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from build_bench import Timer, say, tail  # noqa: E402

SEED = 30681
NS = uuid.UUID("5b0c1f7e-8d2a-4e61-9c3b-7a4d2e1f0c9b")

# Towns across the UK with a postcode area of their region (content/regions.yml), a
# county, and a map position.
TOWNS = [
    ("Leeds", "LS", "West Yorkshire", 53.80, -1.55), ("Scunthorpe", "DN", "North Lincolnshire", 53.59, -0.65),
    ("Hull", "HU", "East Riding of Yorkshire", 53.74, -0.33), ("Manchester", "M", "Greater Manchester", 53.48, -2.24),
    ("Bolton", "BL", "Greater Manchester", 53.58, -2.43), ("Liverpool", "L", "Merseyside", 53.41, -2.98),
    ("Newcastle upon Tyne", "NE", "Tyne and Wear", 54.97, -1.61), ("Middlesbrough", "TS", "North Yorkshire", 54.57, -1.23),
    ("Nottingham", "NG", "Nottinghamshire", 52.95, -1.15), ("Leicester", "LE", "Leicestershire", 52.64, -1.13),
    ("Birmingham", "B", "West Midlands", 52.49, -1.89), ("Stoke-on-Trent", "ST", "Staffordshire", 53.00, -2.18),
    ("Norwich", "NR", "Norfolk", 52.63, 1.30), ("Cambridge", "CB", "Cambridgeshire", 52.21, 0.12),
    ("Hackney", "E", "Greater London", 51.55, -0.06), ("Croydon", "CR", "Greater London", 51.37, -0.10),
    ("Brighton", "BN", "East Sussex", 50.82, -0.14), ("Oxford", "OX", "Oxfordshire", 51.75, -1.26),
    ("Bristol", "BS", "City of Bristol", 51.45, -2.59), ("Exeter", "EX", "Devon", 50.72, -3.53),
    ("Truro", "TR", "Cornwall", 50.26, -5.05), ("Cardiff", "CF", "Cardiff", 51.48, -3.18),
    ("Swansea", "SA", "Swansea", 51.62, -3.94), ("Glasgow", "G", "Glasgow City", 55.86, -4.25),
    ("Edinburgh", "EH", "City of Edinburgh", 55.95, -3.19), ("Belfast", "BT", "County Antrim", 54.60, -5.93),
]
AUDIENCES = ["Older People>Dementia", "Carers>Young carers", "Carers", "Adults>Mental health", "Mental Health",
             "Families>Parents", "Adults>Learning disability", "Older People>Loneliness", "Long term conditions>Diabetes",
             "Veterans", "Children and young people", "Bereavement", "Drugs and alcohol", "Cancer support", "Stroke survivors",
             "Pregnancy and new parents", "HIV", "Autism", "Sight loss", "Hearing loss"]
TERMS = ["Peer support", "Befriending", "Advice and information", "Social activities", "Physical activity", "Counselling",
         "Self-help groups", "Wellbeing", "Volunteering", "Community groups"]
KINDS = ["Memory Café", "Carers Coffee Morning", "Peer Support Group", "Walk and Talk", "Men's Shed", "Hearing Voices Group",
         "Young Carers Club", "Diabetes Peer Group", "Befriending", "Bereavement Circle", "Parent Carers Forum",
         "Recovery College", "Stroke Club", "Sight Loss Social", "Autism Family Group", "Recovery Café"]
SENTENCES = [
    "A friendly group for people living with the same condition and those who care for them.",
    "We meet in the back room of the community centre; tea, coffee and cake are provided.",
    "Everyone is welcome, whether you come every week or just once in a while.",
    "Our volunteers have all been through it themselves and know how hard it can be.",
    "There is no need to book: just turn up, or ring us first if you would like a chat.",
    "We also run trips, quizzes and talks from local health professionals through the year.",
    "The venue has step-free access, a hearing loop and an accessible toilet.",
    "Free parking is available behind the building, and the number 5 bus stops outside.",
]


def uid(name):
    return str(uuid.uuid5(NS, name))


def description(rng, i):
    """A description as web editors leave them: paragraphs, spans, lists, entities."""
    paras = [" ".join(rng.sample(SENTENCES, rng.randint(1, 3))) for _ in range(rng.randint(1, 5))]
    style = i % 6
    if style == 0:
        return "".join(f"<p>{p.replace(' and ', ' &amp; ', 1)}</p><p><br></p>" for p in paras)
    if style == 1:
        items = "".join(f"<li>{s}</li>" for s in rng.sample(SENTENCES, 3))
        return f"<div><span style=\"font-family:Calibri\">{paras[0]}</span></div><ul>{items}</ul>"
    if style == 2:
        return "\n\n".join(paras) + "\n\nCall 01234 567890 or visit www.example.org/groups."
    if style == 3:
        return "".join(f"<p class=\"MsoNormal\">{p}&nbsp;<o:p></o:p></p>" for p in paras) + "<p>See <a href=\"https://example.org/book\">our booking page</a>.</p>"
    if style == 4:
        return ""
    return f"<h2>About us</h2><p>{paras[0]}</p>" + "".join(f"<p>{p}</p>" for p in paras[1:])


def place(rng, i, town):
    name, area, county, lat, lon = town
    postcode = f"{area}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    return name, postcode, county, round(lat + rng.uniform(-0.05, 0.05), 4), round(lon + rng.uniform(-0.05, 0.05), 4)


def organisations(rng, count):
    return [{"id": uid(f"org/{n}"), "name": f"{rng.choice(TOWNS)[0]} {rng.choice(['Carers Centre', 'Mind', 'Age UK', 'Community Trust', 'Peer Network', 'Council Adult Services'])} {n}",
             "description": "" if n % 4 == 0 else f"<p>{rng.choice(SENTENCES)}</p>",
             "url": ["", f"www.example.org/org{n}", f"https://org{n}.example.org"][n % 3]} for n in range(count)]


def service_1x(rng, i, orgs):
    town = TOWNS[i % len(TOWNS)]
    t, postcode, county, lat, lon = place(rng, i, town)
    rec = {
        "id": uid(f"1x/{i}") if i % 500 != 7 else uid(f"1x/{i - 1}"),
        "name": f"{t} {KINDS[i % len(KINDS)]}",
        "description": description(rng, i),
        "url": ["www.example.org/s%d" % i, "http:www.example.org/x", "", "https://example.org/ok.", "https://example.org/s%d" % i][i % 5],
        "email": ["group%d@example.org " % i, "", "not an email", "INFO@Example.org."][i % 4],
        "status": "active" if i % 9 else "inactive",
        "fees": ["", "Free", "£2 a session, carers free", "free of charge"][i % 4],
        "accreditations": "", "deliverable_type": "Advice",
        "attending_type": ["Venue", "Online", "Phone", "Online, Venue"][i % 4],
        "attending_access": ["Drop-in", "Referral", "Appointment", "Self-referral"][i % 4],
        "pc_attendingAccess_additionalInfo": ["Just turn up; carers welcome.", "", "Ask your GP to refer you."][i % 3],
        "assured_date": ["2024-05-02", "", "2025-11-30"][i % 3],
        "pc_metadata": {"date_created": "2021-01-06", "date_modified": "2024-05-02", "date_assured": "2024-05-02"},
        "pc_targetAudience": [{"id": str(26205 + i), "audienceType": a} for a in rng.sample(AUDIENCES, rng.randint(1, 3))],
        "organization": orgs[rng.randrange(len(orgs))],
        "service_at_locations": [{"id": uid(f"1x/sal/{i}"), "location": {
            "id": uid(f"1x/loc/{i}"), "name": f"{t} Community Centre", "latitude": lat, "longitude": lon,
            "physical_addresses": [{"id": uid(f"1x/addr/{i}"), "address_1": f"{10 + i % 90} High Street", "city": t,
                                    "state_province": county, "postal_code": postcode, "country": "GB"}]}}],
        "regular_schedules": [{"id": uid(f"1x/s/{i}"), "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][i % 5],
                               "opens_at": "10:00:00", "closes_at": "12:00:00"}] if i % 3 else [],
        "eligibilitys": [{"id": uid(f"1x/el/{i}"), "eligibility": "Adults", "minimum_age": 18}] if i % 4 == 0 else [],
        "languages": [{"language": "English"}] + ([{"language": "Polish"}] if i % 7 == 0 else []),
        "service_taxonomys": [{"id": uid(f"1x/st/{i}"), "taxonomy": {"id": uid(f"tx/{i % 10}"), "name": TERMS[i % len(TERMS)], "vocabulary": "esd"}}],
    }
    return rec


def service_3(rng, i, orgs):
    town = TOWNS[(i * 7) % len(TOWNS)]
    t, postcode, county, lat, lon = place(rng, i, town)
    org = orgs[rng.randrange(len(orgs))]
    attributes = [{"id": uid(f"3/at/{i}/{n}"), "link_type": "topic", "taxonomy_term": {"id": uid(f"tt/{a}"), "name": a, "description": a}}
                  for n, a in enumerate(rng.sample(AUDIENCES, rng.randint(1, 3)))]
    if i % 5 == 1:
        attributes.append({"id": uid(f"3/el/{i}"), "link_type": "eligibility",
                           "taxonomy_term": {"id": uid("el/16"), "name": "Aged 16 and over", "description": "x"}})
    return {
        "id": uid(f"3/{i}"), "name": f"{t} {KINDS[(i * 3) % len(KINDS)]}", "description": description(rng, i + 1) or "<p>A service.</p>",
        "url": "https://example.org/v3/%d" % i, "email": "v3-%d@example.org" % i, "status": "active",
        "organization_id": org["id"], "organization": {"id": org["id"], "name": org["name"], "description": org["description"]},
        "eligibility_description": ["Anyone aged 16 or over", "Carers of people with dementia", ""][i % 3],
        "application_process": ["Self-referral by phone or email", "Drop in, no need to book", "Referral by a health professional"][i % 3],
        "assured_date": "2025-10-01",
        "schedules": [{"id": uid(f"3/sch/{i}"), "freq": "WEEKLY", "interval": 1 + i % 2, "byday": ["TU,TH", "WE", "MO"][i % 3],
                       "opens_at": "10:00", "closes_at": "12:00", "attending_type": ["Venue", "Online, Venue", "Telephone"][i % 3]}],
        "service_areas": [{"id": uid(f"3/sa/{i}"), "name": county, "service_area": county}],
        "service_at_locations": [{"id": uid(f"3/sal/{i}"), "location": {
            "id": uid(f"3/l/{i}"), "location_type": "physical", "name": f"{t} Hub", "latitude": lat, "longitude": lon,
            "addresses": [{"id": uid(f"3/a/{i}"), "address_1": f"Unit {i % 50}", "city": t, "state_province": county,
                           "postal_code": postcode, "country": "GB", "address_type": "physical"}],
            "accessibility": [{"id": uid(f"3/ac/{i}"), "description": "Lift to first floor"}]}}],
        "languages": [{"id": uid(f"3/lang/{i}"), "name": "English", "code": "en"}],
        "cost_options": [[{"id": uid(f"3/co/{i}"), "option": "Free", "amount": 0}],
                         [{"id": uid(f"3/co/{i}"), "option": "Per session", "amount": 2.5, "amount_description": "Pay what you can"}], []][i % 3],
        "phones": [{"id": uid(f"3/ph/{i}"), "number": "0117 496 %04d" % (i % 10000)}],
        "attributes": attributes,
    }


def write_feed(path, form, count):
    """One saved list response of COUNT services, ORUK 1.x or 3.0."""
    rng = random.Random(f"{SEED}/{form}/{count}")
    orgs = organisations(rng, max(3, count // 8))
    if form == "1x":
        data = {"totalElements": count, "content": [service_1x(rng, i, orgs) for i in range(count)]}
    else:
        contents = [service_3(rng, i, orgs) for i in range(count)]
        data = {"total_items": count, "total_pages": 1, "page_number": 1, "size": count, "first_page": True,
                "last_page": True, "empty": count == 0, "contents": contents}
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return os.path.getsize(path)


def fresh_content(folder):
    """An empty directory with the sample content's settings and vocabularies."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "cards"))
    for name in ["site.yml", "topics.yml", "regions.yml"]:
        shutil.copy(os.path.join(ROOT, "content", name), folder)


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--services", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", help="folder for the feeds, content and logs (a new temporary one by default, removed at the end)")
    ap.add_argument("--binary", help="a whoswho binary to time instead of building one in release mode")
    ap.add_argument("--baseline", metavar="BINARY", help="another whoswho binary (an earlier version) whose imports are timed "
                    "alternately with the first, for a ratio taken in one run")
    ap.add_argument("--feed-only", metavar="OUT", help="write one feed to OUT and stop")
    ap.add_argument("--form", choices=["1x", "3.0"], default="3.0", help="the form --feed-only writes")
    args = ap.parse_args()
    if args.feed_only:
        size = write_feed(args.feed_only, args.form, args.services)
        say(f"{args.feed_only}: {args.services} services, {size / 1e6:.1f} MB")
        return 0

    work = args.work or tempfile.mkdtemp(prefix="whoswho-import-bench-")
    os.makedirs(os.path.join(work, "logs"), exist_ok=True)
    binary = args.binary
    if not binary:
        say("building whoswho in release mode…")
        subprocess.run(["swift", "build", "-c", "release", "--product", "whoswho"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        binary = os.path.join(ROOT, ".build", "release", "whoswho")
    timer = Timer(os.path.join(work, "logs"))
    tools = [("whoswho", binary)] + ([("baseline", args.baseline)] if args.baseline else [])
    sizes = sorted({max(1, args.services // 10), max(1, args.services // 2), args.services})
    rows, failed = [], False

    def import_cmd(tool, feed, content, *more):
        return [tool, "import", "oruk", feed, "--content", content, "--region", "england", "--topic", "mental-health", *more]

    for form in ["1x", "3.0"]:
        for count in sizes:
            feed = os.path.join(work, f"feed-{form}-{count}.json")
            row = {"form": form, "services": count, "mb": write_feed(feed, form, count) / 1e6}
            # Alternately, so that both binaries meet the same load on a shared machine.
            for n in range(args.runs):
                for label, tool in tools:
                    content = os.path.join(work, f"content-{label}-{form}-{count}")
                    fresh_content(content)
                    r = timer.run(f"import-{label}-{form}-{count}-{n}", import_cmd(tool, feed, content), cwd=ROOT)
                    if r["rc"] not in (0, 1):
                        say(f"{label}: import of {feed} failed ({r['rc']}):\n" + tail(r.get("stderr", "")))
                        failed = True
                    row.setdefault(("import", label), []).append(r)
            content = os.path.join(work, f"content-whoswho-{form}-{count}")
            row["cards"] = len(os.listdir(os.path.join(content, "cards")))
            if count == args.services:
                for n in range(args.runs):
                    for label, tool in tools:
                        mine = os.path.join(work, f"content-{label}-{form}-{count}")
                        row.setdefault(("update", label), []).append(
                            timer.run(f"update-{label}-{form}-{n}", import_cmd(tool, feed, mine, "--update"), cwd=ROOT))
                row[("check", "whoswho")] = [timer.run(f"check-{form}-{n}", [binary, "check", "--content", content], cwd=ROOT)
                                             for n in range(args.runs)]
                row[("build", "whoswho")] = []
                for n in range(args.runs):
                    site = os.path.join(work, f"site-{form}-{n}")
                    row[("build", "whoswho")].append(timer.run(f"build-{form}-{n}", [binary, "build", "--content", content, "--output", site], cwd=ROOT))
                    shutil.rmtree(site, ignore_errors=True)
            rows.append(row)
            say(f"{form} {count}: import {median(row[('import', 'whoswho')], 'wall'):.2f} s")

    def cells(runs):
        return f"{median(runs, 'wall'):.2f} | {median(runs, 'cpu'):.2f} | {median(runs, 'rss_kb') / 1024:.0f}"

    print(f"Medians of {args.runs} runs; wall and CPU in seconds, peak RSS in MB.\n")
    print("| feed | services | feed MB | cards written | import wall | CPU | peak RSS | wall per 1,000 services |"
          + (" baseline wall | CPU | peak RSS | wall, whoswho / baseline |" if args.baseline else ""))
    print("|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|---:|---:|" if args.baseline else ""))
    for row in rows:
        runs = row[("import", "whoswho")]
        wall = median(runs, "wall")
        line = f"| ORUK {row['form']} | {row['services']:,} | {row['mb']:.1f} | {row['cards']:,} | {cells(runs)} | {wall / row['services'] * 1000:.2f} |"
        if args.baseline:
            base = row[("import", "baseline")]
            line += f" {cells(base)} | {wall / median(base, 'wall'):.2f} |"
        print(line)
    print("\n| feed | step | wall | CPU | peak RSS |" + (" baseline wall | CPU | peak RSS |" if args.baseline else ""))
    print("|---|---|---:|---:|---:|" + ("---:|---:|---:|" if args.baseline else ""))
    names = {"update": "import --update, nothing changed", "check": "check", "build": "build"}
    for row in rows:
        for step in ["update", "check", "build"]:
            if (step, "whoswho") not in row:
                continue
            runs = row[(step, "whoswho")]
            failed = failed or any(r["rc"] not in (0, 1) for r in runs)
            line = f"| ORUK {row['form']}, {row['services']:,} services | {names[step]} | {cells(runs)} |"
            if args.baseline and (step, "baseline") in row:
                line += f" {cells(row[(step, 'baseline')])} |"
            elif args.baseline:
                line += " | | |"
            print(line)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
