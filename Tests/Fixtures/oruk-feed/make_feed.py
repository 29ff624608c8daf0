"""Writes the Open Referral feed fixture of the importer's tests: a 1.x list, a 3.0 list, one 3.0
service and an API root, made up but as messy as real council feeds. Run it to make the files again."""
import json, random, uuid, os
random.seed(15)
out = os.path.dirname(os.path.abspath(__file__))
os.makedirs(out, exist_ok=True)
NS = uuid.UUID("0e3c6b1a-2f4d-4c8e-9a7b-5d1e2f3a4b5c")
def uid(name): return str(uuid.uuid5(NS, name))

orgs = [
  {"id": uid("org/dementia-friends"), "name": "Example Dementia Friends", "description": "", "url": "", "logo": "", "uri": ""},
  {"id": uid("org/carers-centre"), "name": "North Lincs Carers&#39; Centre", "description": "<p>The carers&rsquo; centre for North Lincolnshire, run by carers&nbsp;for carers since 1998.</p>", "url": "www.example.org/carers-centre", "email": "hello@carers.example.org"},
  {"id": uid("org/mind"), "name": "Riverside Mind", "description": "<div><span style=\"font-family:Calibri\">Local mental health charity.</span></div>", "url": "https://mind.example.org"},
  {"id": uid("org/council"), "name": "Example Council Adult Social Care", "description": None, "url": "http:www.example.gov.uk/adults"},
  {"id": uid("org/church"), "name": "St Agnes Community Trust", "description": "", "url": "St Agnes Church Hall"},
  {"id": uid("org/bristol-peer"), "name": "Bristol Peer Network", "description": "<p>A network of peer supporters across Bristol.</p>"},
]
towns = [("Scunthorpe", "DN15 6NL", "North Lincolnshire", 53.5896, -0.6544), ("Brigg", "DN20 8AB", "North Lincolnshire", 53.5527, -0.4866),
         ("Barton-upon-Humber", "DN18 5AA", "North Lincolnshire", 53.6845, -0.4378), ("Bristol", "BS1 5TR", "City of Bristol", 51.4545, -2.5879),
         ("Bristol", "BS5 6XX", "City of Bristol", 51.4620, -2.5560), ("Keynsham", "BS31 1HP", "Bath and North East Somerset", 51.4137, -2.4979)]
audiences = ["Older People>Dementia", "Carers>Young carers", "Carers", "Adults>Mental health", "Mental Health", "Families>Parents",
             "Adults>Learning disability", "Older People>Loneliness", "Long term conditions>Diabetes", "Veterans"]
kinds = ["Memory Café", "Carers Coffee Morning", "Peer Support Group", "Walk and Talk", "Men's Shed", "Hearing Voices Group",
         "Young Carers Club", "Diabetes Peer Group", "Befriending", "Bereavement Circle", "Parent Carers Forum", "Recovery College"]
messy_desc = [
 '<p>A friendly café for people living with dementia&nbsp;and those who care for them.</p><p><br></p><p>Free, every Tuesday 10am&ndash;12pm.</p>',
 '<p><span style="color:#333;font-size:12pt"><strong>Come along!</strong> We meet in the <em>back room</em>.</span></p><ul><li>Tea &amp; cake</li><li>Activities<ul><li>Quizzes</li><li>Music <b>sessions</b></li></ul></li><li>Advice from www.example.org/advice</li></ul>',
 '<div>\u200bSupport for carers. Visit http://carers.example.org/groups. or email info@carers.example.org for details.</div><div><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" alt="logo"></div>',
 '<p>Click <a href="javascript:alert(1)">here</a> to book, or see <a href="https://example.org/book">our booking page</a>.</p><p><img src="file:///C:/Users/admin/Pictures/flyer.jpg"></p>',
 '<h2>About us</h2><p>We are a peer-led group 😊 for people who hear voices.</p><ol><li>Meet others</li><li>Share <i>coping</i> strategies</li></ol><p class="MsoNormal"><o:p></o:p></p>',
 'Plain text description with no HTML at all.\n\nA second paragraph: call 01724 123456.',
 '<p>1. Not a list: a sentence that starts with a number * and a star _ and [brackets].</p><p># not a heading</p>',
 '<table><tr><td>Monday</td><td>10:00 - 12:00</td></tr><tr><td>Thursday</td><td>18:00 - 20:00</td></tr></table><p>Room 2, <a href="/services/123">see our other services</a>.</p>',
 '',
 None,
]
long_para = ("<p>This group has been meeting for many years and has grown from a handful of members to more than forty regular attendees, "
             "with volunteers who have all lived through the same experiences as the people who come along. ") * 3 + "</p>"
langs_1x = [[{"language": "English"}], [{"language": "English"}, {"language": "Polish"}], [{"language": "Urdu"}, {"language": "Klingon"}], []]

def sched_1x(i):
    if i % 3 == 0: return [{"id": uid(f"s1/{i}/a"), "weekday": "Tuesday", "opens_at": "10:00:00", "closes_at": "12:00:00"}]
    if i % 3 == 1: return [{"id": uid(f"s1/{i}/a"), "weekday": "Monday", "opens_at": "18:30", "closes_at": "20:00"},
                           {"id": uid(f"s1/{i}/b"), "weekday": "Thursday", "opens_at": "18:30", "closes_at": "20:00"}]
    return [{"id": uid(f"s1/{i}/a"), "description": "Every other Saturday morning in term time; see our website"}]

def loc_1x(i, town):
    t, pc, county, lat, lon = town
    pcs = pc if i % 7 != 3 else "DN15 XXX"
    return [{"id": uid(f"sal/{i}"), "location": {"id": uid(f"loc/{i}"), "name": f"{t} Community Centre", "latitude": lat, "longitude": lon,
             "physical_addresses": [{"id": uid(f"addr/{i}"), "address_1": f"{10+i} High Street", "city": t, "state_province": county, "postal_code": pcs, "country": "GB"}],
             "accessibility_for_disabilities": [{"id": uid(f"acc/{i}"), "accessibility": "Step-free access; hearing loop"}] if i % 2 else []}}]

services_1x = []
for i in range(32):
    town = towns[i % len(towns)]
    org = orgs[i % len(orgs)] if i % 9 != 4 else None
    name = f"{town[0]} {kinds[i % len(kinds)]}"
    desc = messy_desc[i % len(messy_desc)] if i % 11 != 10 else long_para
    rec = {
        "id": uid(f"svc1/{i}"), "name": name, "description": desc,
        "url": ["www.example.org/s%d" % i, "http:www.example.org/x", "https:/example.org/y", "Scunthorpe Library", "", "https://example.org/ok.", "\u200bhttps://example.org/zw"][i % 7],
        "email": ["cafe@example.org ", "", "not an email", "INFO@Example.org.", "x@y"][i % 5],
        "status": ["active", "active", "inactive", "active", "defunct"][i % 5] if i % 6 else "active",
        "fees": ["", "Free", "£2 a session, carers free", "£3.50 per session. Concessions available on request for people on benefits; please ask at the desk.", "free of charge"][i % 5],
        "accreditations": "", "deliverable_type": "Advice", "attending_type": ["Venue", "Online", "Phone"][i % 3],
        "attending_access": ["Drop-in", "Referral", "Appointment", "Self-referral", "Membership"][i % 5],
        "pc_attendingAccess_additionalInfo": ["Just turn up; carers welcome.", "", "Ask your GP or social worker to refer you."][i % 3],
        "assured_date": ["2024-05-02", "", "2026-11-30", "2031-01-01", "2025-02-30"][i % 5],
        "pc_metadata": {"date_created": "2021-01-06", "date_modified": "2024-05-02", "date_assured": "2024-05-02"},
        "pc_targetAudience": [{"id": str(26205 + i), "audienceType": audiences[i % len(audiences)]}],
    }
    if org is not None: rec["organization"] = org
    if i % 4 == 0: rec["regular_schedules"] = sched_1x(i)
    if i % 5 != 2: rec["service_at_locations"] = loc_1x(i, town)
    if i % 4 == 1: rec["service_areas"] = [{"id": uid(f"sa/{i}"), "service_area": town[2]}]
    if i % 3 == 0: rec["eligibilitys"] = [{"id": uid(f"el/{i}"), "eligibility": "Adults", "minimum_age": 18}]
    if i % 4 == 2: rec["languages"] = langs_1x[i % 4]
    if i % 5 == 1: rec["contacts"] = [{"id": uid(f"c/{i}"), "name": "Group lead", "phones": [{"id": uid(f"p/{i}"), "number": "01724 296 000"}]}]
    if i % 8 == 5: rec["service_taxonomys"] = [{"id": uid(f"st/{i}"), "taxonomy": {"id": uid(f"tx/{i}"), "name": "Peer support", "vocabulary": "esd"}}]
    services_1x.append(rec)
# messy extras: a record with no name, a duplicate id, one with no organization and no area (uses --region)
services_1x.append({"id": uid("svc1/noname"), "description": "<p>Record without a name.</p>", "status": "active",
                    "pc_targetAudience": [{"id": "1", "audienceType": "Carers"}], "service_areas": [{"id": uid("sa/nn"), "service_area": "North Lincolnshire"}]})
dup = dict(services_1x[0]); dup["name"] = "Scunthorpe Memory Café (Friday)"; dup["description"] = "<p>The Friday session of the same café.</p>"
services_1x.append(dup)
services_1x.append({"id": "12345", "name": "Numbered Id Walking Group", "description": "<p>Walks for wellbeing. See <a href='www.example.org/walks'>walks</a>.</p>",
                    "pc_targetAudience": [{"id": "2", "audienceType": "Adults>Mental health"}], "service_areas": [{"id": "x", "service_area": "Bristol"}]})
with open(os.path.join(out, "services-1x.json"), "w", encoding="utf-8") as f:
    json.dump({"totalElements": len(services_1x), "content": services_1x}, f, ensure_ascii=False, indent=1)

def svc3(i, name, single=False):
    town = towns[(i + 2) % len(towns)]
    sid = uid(f"svc3/{i}")
    t, pc, county, lat, lon = town
    org = orgs[(i + 1) % len(orgs)]
    s = {"id": sid, "name": name, "description": messy_desc[(i + 3) % len(messy_desc)] or "<p>A 3.0 service.</p>",
         "url": "https://example.org/v3/%d" % i, "email": "v3-%d@example.org" % i, "status": "active",
         "organization_id": org["id"],
         "organization": {"id": org["id"], "name": org["name"], "description": org.get("description") or "", "website": (org.get("url") or None)},
         "eligibility_description": ["Anyone aged 16 or over", "Carers of people with dementia", ""][i % 3],
         "minimum_age": 16 if i % 3 == 0 else None,
         "application_process": ["Self-referral by phone or email", "Drop in, no need to book", "Referral by a health professional"][i % 3],
         "assured_date": "2025-10-01", "last_modified": "2025-10-01T09:00:00Z",
         "alert": "Closed over Christmas" if i == 4 else None,
         "schedules": [[{"id": uid(f"sch3/{i}"), "freq": "WEEKLY", "interval": 1, "byday": "TU,TH", "opens_at": "10:00", "closes_at": "12:00", "description": "Tuesdays and Thursdays"}],
                       [{"id": uid(f"sch3/{i}"), "freq": "MONTHLY", "byday": "1MO", "opens_at": "18:30:00", "closes_at": "20:30:00"}],
                       [{"id": uid(f"sch3/{i}"), "freq": "WEEKLY", "interval": 2, "byday": "WE", "opens_at": "14:00"}],
                       [{"id": uid(f"sch3/{i}"), "description": "Open most weekday afternoons; ring first"}],
                       [{"id": uid(f"sch3/{i}"), "freq": "MONTHLY", "byday": "1MO,-1FR", "opens_at": "10:00", "closes_at": "11:30"}]][i % 5],
         "service_areas": [{"id": uid(f"sa3/{i}"), "name": county, "service_area": county}],
         "service_at_locations": [{"id": uid(f"sal3/{i}"), "location": {"id": uid(f"l3/{i}"), "location_type": "physical", "name": f"{t} Hub",
              "latitude": lat, "longitude": lon, "description": "Upstairs room",
              "addresses": [{"id": uid(f"a3/{i}"), "address_1": f"Unit {i}", "address_2": "Market Place", "city": t, "state_province": county,
                             "postal_code": pc.replace(" ", "").lower() if i % 2 else pc, "country": "GB", "address_type": "physical"}],
              "accessibility": [{"id": uid(f"ac3/{i}"), "description": "Lift to first floor"}]}}],
         "languages": [{"id": uid(f"lang3/{i}"), "name": "English", "code": "en"}] + ([{"id": uid(f"lang3b/{i}"), "name": "Welsh", "code": "cy"}] if i % 4 == 0 else []),
         "cost_options": [[{"id": uid(f"co3/{i}"), "option": "Free", "amount": 0}], [{"id": uid(f"co3/{i}"), "option": "Per session", "amount": 2.5, "amount_description": "Pay what you can"}], []][i % 3],
         "phones": [{"id": uid(f"ph3/{i}"), "number": "0117 496 0%03d" % i}],
         "attributes": [{"id": uid(f"at3/{i}"), "link_type": "topic", "taxonomy_term": {"id": uid(f"tt3/{i % 4}"), "name": ["Dementia", "Mental health", "Carers", "Bereavement"][i % 4], "description": "x"}}],
         "funding": [{"id": uid(f"f3/{i}"), "source": "National Lottery Community Fund"}] if i % 5 == 0 else [],
         }
    return {k: v for k, v in s.items() if v is not None}

names3 = ["Bristol Dementia Café", "Keynsham Carers Group", "Scunthorpe Hearing Voices", "Brigg Bereavement Circle", "Barton Walk and Talk",
          "Bristol Mums Peer Support", "Easton Recovery Group", "Bedminster Carers Lunch", "Knowle Memory Club", "Clifton Men's Shed",
          "Fishponds Befriending", "Southmead Young Carers", "Redland Diabetes Group", "Totterdown Tea and Talk", "Henbury Parent Carers",
          "Brislington Wellbeing Walk", "Filton Peer Mentors", "Horfield Hearing Voices", "Lockleaze Listening Service", "Whitchurch Carers Coffee"]
contents3 = [svc3(i, n) for i, n in enumerate(names3)]
contents3[7]["id"] = contents3[6]["id"]  # a duplicate id within the 3.0 list
contents3[9]["description"] = "<p>" + ("Long description sentence number. " * 2200) + "</p>"
# How people attend (3.0 keeps it on the schedule, in free text): words that name a format, and a sentence that does not.
for i, s in enumerate(contents3):
    how = ["Venue", "Online, Venue", "Telephone", "You can attend in person or join by video call", None][i % 5]
    if how: s["schedules"][0]["attending_type"] = how
# Who may come (HSDS 3.0: an attribute with link_type eligibility, or a term of an eligibility taxonomy) beside
# what the support is for (an intended audience is a topic).
for i, s in enumerate(contents3):
    if i % 5 == 1: s["attributes"].append({"id": uid(f"el3/{i}"), "link_type": "eligibility",
                                           "taxonomy_term": {"id": uid("el3/carers16"), "name": "Carers aged 16 and over", "description": "x", "taxonomy": "Who can use this service"}})
    if i % 5 == 3: s["attributes"].append({"id": uid(f"el3b/{i}"), "link_type": "service",
                                           "taxonomy_term": {"id": uid("el3/bristol"), "name": "Living in Bristol", "description": "x", "taxonomy_detail": {"name": "Eligibility criteria"}}})
    if i % 5 == 2: s["attributes"].append({"id": uid(f"au3/{i}"), "link_type": "audience",
                                           "taxonomy_term": {"id": uid("au3/lonely"), "name": "Older People>Loneliness", "description": "x", "taxonomy": "Target audience"}})
with open(os.path.join(out, "services-3.json"), "w", encoding="utf-8") as f:
    json.dump({"total_items": len(contents3), "total_pages": 1, "page_number": 1, "size": len(contents3), "first_page": True,
               "last_page": True, "empty": False, "contents": contents3}, f, ensure_ascii=False, indent=1)
single = svc3(40, "Avonmouth Peer Support Line")
single["service_at_locations"] = []
single["schedules"] = [{"id": uid("sch3/40"), "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00",
                       "attending_type": "Phone"}]
with open(os.path.join(out, "service-3-avonmouth.json"), "w", encoding="utf-8") as f:
    json.dump(single, f, ensure_ascii=False, indent=1)
with open(os.path.join(out, "index.json"), "w", encoding="utf-8") as f:
    json.dump({"version": "HSDS-UK-3.0", "profile": "https://openreferraluk.org/developers/specifications",
               "openapi_url": "https://openreferraluk.org/specifications/3.0/openapi.json",
               "publisher": {"name": "Example Council Directory"}, "license": {"id": "OGL-UK-3.0", "name": "Open Government Licence v3.0",
               "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"}}, f, indent=1)
print(len(services_1x) + len(contents3) + 1)
