#!/usr/bin/env python3
"""Writes Tests/Fixtures/relevance/content: the directory the search relevance test
(tests-browser/test_relevance.py) searches.

    scripts/relevance_fixture.py [OUT]      # default: Tests/Fixtures/relevance/content

Every card below was written for the test, after the kind of entries real peer
support directories hold: names in capitals or with the meeting day in brackets,
abbreviations ("Grp", "T1"), summaries pasted from leaflets, bodies with HTML
left-overs (`<br>`, `&amp;`, a whole `<p>` block that the Markdown renderer drops),
phone numbers, opening times written five ways, and topics tagged loosely. The
bodies are put together from the card's own words and from paragraphs shared by
cards of a topic, picked by the card's position, so the same script always writes
the same bytes: there is no randomness. The output is committed; run the script
again after changing the data, and commit both.
"""
import os
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- Topics: what a directory calls them, and what readers call them ----------------

TOPICS = [
    ("mental-health", "Mental health", "Peer support for people living with mental distress, from low mood and anxiety to psychosis.",
     ["mental illness", "depression", "anxiety", "low mood", "panic attacks", "bipolar", "psychosis", "schizophrenia",
      "hearing voices", "OCD", "PTSD", "self-harm", "emotional wellbeing", "nervous breakdown"]),
    ("dementia", "Dementia", "People living with dementia and those close to them.",
     ["alzheimers", "alzheimer's", "alzheimer", "memory loss", "memory problems", "vascular dementia", "memory café", "memory cafe"]),
    ("carers", "Carers", "Unpaid carers of family members and friends supporting each other.",
     ["carer", "caring", "unpaid carer", "caregiver", "caregivers", "looking after someone", "caring for someone"]),
    ("diabetes", "Diabetes", "People with type 1, type 2 and other diabetes.",
     ["diabetic", "T1D = type 1 diabetes", "T2D = type 2 diabetes", "type 1", "type 2", "blood sugar", "insulin", "pre-diabetes"]),
    ("hiv", "HIV", "People living with HIV.", ["HIV positive", "living with HIV", "AIDS", "poz"]),
    ("stroke", "Stroke", "Stroke survivors and their families.", ["aphasia", "stroke survivor", "brain injury", "TIA", "mini stroke"]),
    ("cancer", "Cancer", "People affected by cancer.", ["tumour", "chemotherapy", "chemo", "oncology", "breast cancer", "prostate cancer", "leukaemia"]),
    ("maternity", "Maternity and early parenthood", "Pregnancy, birth and the first years of parenthood.",
     ["pregnancy", "pregnant", "new parents", "new mums", "new dads", "breastfeeding", "baby", "babies", "antenatal", "postnatal"]),
    ("perinatal-mental-health", "Perinatal mental health", "Parents' mental health in pregnancy and after birth.",
     ["postnatal depression", "PND", "postpartum depression", "perinatal anxiety", "birth trauma", "baby blues", "dads mental health"]),
    ("bereavement", "Bereavement", "People who have lost someone close.",
     ["grief", "grieving", "bereaved", "widow", "widowed", "widower", "mourning", "loss", "suicide loss", "death of a child", "died", "death", "passed away"]),
    ("substance-use", "Drugs and alcohol", "Recovery from drug or alcohol use.",
     ["addiction", "alcohol", "alcoholism", "drinking", "drugs", "recovery", "sober", "sobriety", "substance misuse", "AA", "NA"]),
    ("learning-disabilities", "Learning disabilities", "Self-advocacy and peer support led by people with learning disabilities.",
     ["learning disability", "self-advocacy", "Down's syndrome", "Down syndrome"]),
    ("autism", "Autism", "Autistic people and their families.", ["autistic", "ASD", "asperger's", "aspergers", "ADHD", "neurodivergent"]),
    ("young-people", "Young people", "Peer support with and for children and young people.",
     ["youth", "teenagers", "teens", "children", "kids", "students", "young adults", "young carers"]),
    ("older-people", "Older people", "Peer support for older people.", ["elderly", "pensioners", "loneliness", "isolation", "later life"]),
    ("eating-disorders", "Eating disorders", "People affected by eating disorders.", ["anorexia", "bulimia", "binge eating", "ARFID", "ED"]),
    ("hearing-loss", "Hearing loss", "Deaf people and people with hearing loss.", ["deaf", "hard of hearing", "tinnitus", "BSL", "sign language"]),
    ("sight-loss", "Sight loss", "Blind and partially sighted people.", ["blind", "partially sighted", "visually impaired", "macular degeneration", "glaucoma"]),
    ("parkinsons", "Parkinson's", "People living with Parkinson's.", ["parkinsons", "parkinson", "PD"]),
    ("epilepsy", "Epilepsy", "People living with epilepsy.", ["seizures", "fits", "epileptic"]),
    ("sickle-cell", "Sickle cell", "People living with sickle cell disorder and thalassaemia.", ["sickle cell disease", "SCD", "thalassaemia", "thalassemia"]),
    ("veterans", "Veterans", "Ex-forces people and their families.", ["ex-forces", "ex-military", "armed forces", "ex-service", "army", "navy", "RAF"]),
    ("lgbtq", "LGBTQ+", "Lesbian, gay, bisexual, trans and queer people.", ["LGBT", "LGBTQ", "gay", "lesbian", "bisexual", "trans", "transgender", "queer", "non-binary"]),
    ("domestic-abuse", "Domestic abuse", "Survivors of domestic abuse.", ["domestic violence", "abusive relationship", "coercive control", "survivors"]),
    ("long-term-conditions", "Long-term conditions", "Living with long-term conditions.", ["chronic illness", "chronic pain", "long covid", "fibromyalgia", "COPD", "kidney disease", "dialysis", "arthritis"]),
]

# ---- Cards --------------------------------------------------------------------------
# (name, kind, topics, regions, town, summary, own words for the body, formats, status)

def C(name, kind, topics, regions, town, summary, about="", formats="group in-person", status=None):
    return dict(name=name, kind=kind, topics=topics.split(), regions=regions.split(), town=town, summary=summary,
                about=about, formats=formats.split(), status=status)

CARDS = [
    # Wales
    C("Forget-Me-Not Memory Café (Cardiff & Vale)", "group", "dementia carers", "wales", "Cardiff",
      "Monthly memory cafe for people living with dementia or memory problems and the family members who support them. Canton Community Hall, CF11.",
      "Tea, cake, singing and a chat with people who understand. Many of our members were diagnosed with Alzheimer's in the last year."),
    C("Cardiff Carers Hub – Peer Support", "organisation", "carers", "wales", "Cardiff",
      "Drop-in peer support and a WhatsApp group for unpaid carers across Cardiff. Run by carers, for carers.",
      "Whether you look after a partner, a parent or a child, you are welcome. Cymraeg a Saesneg."),
    C("Swansea Hearing Voices Group", "group", "mental-health", "wales", "Swansea",
      "Safe, non-judgemental space to talk about voices, visions and unusual experiences. Peer facilitated. Meets Weds.",
      "We follow the Hearing Voices Network charter: voices are real experiences and you are the expert on yours."),
    C("Cwtch Mums Wrexham", "group", "perinatal-mental-health maternity", "wales", "Wrexham",
      "Friendly peer group for mums struggling with anxiety or low mood after having a baby (PND). Babies welcome!!",
      "Started by two mums who met on the maternity ward and wished someone had told them it was ok not to be ok."),
    C("Newport Recovery Café", "group", "substance-use", "wales", "Newport",
      "Alcohol and drug free cafe every Friday night run by people in recovery. Mutual aid, food, music.",
      "Whether you are 2 days or 20 years sober, come and have a brew."),
    C("Sugar Free Swansea - T1 Peer Group", "group", "diabetes young-people", "wales", "Swansea",
      "For young adults 18-30 living with Type 1 diabetes. Pub meet-ups, carb counting tips, pump & Libre chat.",
      "Newly diagnosed? Most of us remember how overwhelming the first months were."),
    C("Caffi Affasia Gwynedd / Aphasia Café", "group", "stroke", "wales", "Bangor",
      "Bilingual (Welsh/English) conversation café for stroke survivors with aphasia and their families.",
      "Speech and language therapy students help out each term."),
    C("Sian Roberts — Bereavement Peer Supporter", "person", "bereavement", "wales", "Carmarthen",
      "Trained volunteer offering one-to-one peer support after the death of a partner; Carmarthenshire & online.",
      "I was widowed at 41 and know how lonely the second year can be.", "one-to-one phone online"),
    C("Valleys Veterans Breakfast Club", "group", "veterans mental-health", "wales", "Pontypridd",
      "Monthly breakfast for ex-forces and their families in RCT. No appointments, just turn up.",
      "Full English, banter and a quiet word if you need one. Army, Navy, RAF - all welcome."),
    C("Pride Cymru Peer Mentors", "network", "lgbtq mental-health young-people", "wales", "Cardiff",
      "LGBTQ+ peer mentoring for young people 16-25 across south Wales.", "", "one-to-one online"),
    C("Powys Parent Carers Forum", "network", "carers learning-disabilities autism", "wales", "Newtown",
      "Peer network for parents of disabled children and young people in Powys. Coffee mornings in Newtown, Brecon, Llandrindod.",
      "Members' children have autism, ADHD, Down's syndrome, complex medical needs and more."),
    C("Kidney Patients Together - North Wales", "group", "long-term-conditions", "wales", "Rhyl",
      "Dialysis and transplant patients sharing experience. Meets at Glan Clwyd hospital.",
      "Renal nurses sometimes drop in but the group is run by patients."),
    C("ABERYSTWYTH UNI EATING DISORDER PEER SUPPORT", "group", "eating-disorders young-people", "wales", "Aberystwyth",
      "Student-run peer support for anyone affected by eating disorders including anorexia, bulimia and binge eating.",
      "We are students, not clinicians."),
    C("Llanelli Parkinson's Friendship Group", "group", "parkinsons", "wales", "Llanelli",
      "Social group, exercise and peer support for people with Parkinson's and their partners.",
      "Seated exercise, then tea. Partners often have their own chat in the next room."),
    C("Ynys Môn Young Carers", "group", "carers young-people", "wales", "Anglesey",
      "Activities & peer support for young carers aged 8-18 on Anglesey.", "Trips, games and time off from caring."),
    C("Cancer Buddies Cymru", "network", "cancer", "wales", "",
      "Telephone buddy scheme matching people with cancer with trained volunteers who have been through it.",
      "Buddies have had breast, bowel, prostate and blood cancers.", "one-to-one phone"),
    # Scotland
    C("Glasgow Hearing Voices Network", "network", "mental-health", "scotland", "Glasgow",
      "Peer-led groups across Glasgow for people who hear voices or have other unusual perceptions.",
      "Groups meet in the Southside, Partick and the East End."),
    C("Leith Carers Peer Support Group (Edinburgh)", "group", "carers", "scotland", "Edinburgh",
      "Fortnightly group for unpaid carers in Leith and north Edinburgh, EH6. Respite sitting can be arranged.",
      "Most of us care for someone with dementia, a stroke or a long-term illness."),
    C("Dundee Memory Café", "group", "dementia", "scotland", "Dundee",
      "Memory café for anyone living with dementia and their carers, run with volunteers from Alzheimer Scotland.",
      "Music, reminiscence and a cuppa."),
    C("Recovery Cafe Aberdeen", "group", "substance-use", "scotland", "Aberdeen",
      "Recovery café open Tues, Thurs & Sat for people in or seeking recovery from alcohol and drugs.",
      "SMART Recovery meetings on Thursdays."),
    C("HIV Peer Navigators Glasgow", "organisation", "hiv", "scotland", "Glasgow",
      "Peer navigators living with HIV support people who are newly diagnosed, from first appointment to living well.",
      "", "one-to-one in-person phone"),
    C("Fife Stroke Survivors Club", "group", "stroke", "scotland", "Kirkcaldy",
      "Weekly club in Kirkcaldy for people who have had a stroke, with exercise, speech practice and friendship.",
      "Transport can be arranged across Fife."),
    C("Highland Parent Carers", "network", "carers autism", "scotland", "Inverness",
      "Peer support for parents and carers of autistic children and young people across the Highlands.",
      "Online groups for families in remote areas."),
    C("Morag MacLeod", "person", "perinatal-mental-health", "scotland", "Stornoway",
      "Peer supporter for mums with postnatal depression, by phone or video across the Western Isles.",
      "I had severe PND after my second baby.", "one-to-one phone online"),
    C("Stirling Veterans Walking Group", "group", "veterans mental-health", "scotland", "Stirling",
      "Weekly walks for veterans and serving personnel, with a brew after. Good for the head.", ""),
    C("Sickle Cell Support Scotland", "network", "sickle-cell", "scotland", "Edinburgh",
      "Peer network for people living with sickle cell disorder and thalassaemia in Scotland, and their families.",
      "Meet-ups in Edinburgh and Glasgow."),
    C("Paisley Widows & Widowers Social", "group", "bereavement", "scotland", "Paisley",
      "Social group for people who have lost a husband, wife or partner. Lunches, outings, friendship.", ""),
    C("Dundee Young Carers Project", "organisation", "carers young-people", "scotland", "Dundee",
      "Young carers aged 5-18 in Dundee get together for activities, breaks and peer support.", ""),
    C("Shetland Mental Health Peer Group", "group", "mental-health", "scotland", "Lerwick",
      "Small peer group in Lerwick for anyone struggling with their mental health. Anxiety, depression, whatever.", ""),
    C("Ayrshire Diabetes Support Group", "group", "diabetes", "scotland", "Kilmarnock",
      "Monthly group for people with type 2 diabetes in East Ayrshire. Talks from dietitians twice a year.", ""),
    C("LGBT Youth Peer Network Scotland", "network", "lgbtq young-people", "scotland", "",
      "Online and in-person peer groups for LGBT young people aged 13-25 across Scotland.", "", "group online in-person"),
    C("Lanarkshire Epilepsy Peer Group", "group", "epilepsy", "scotland", "Hamilton",
      "People with epilepsy and their families meeting to share how they manage seizures, work and driving.", ""),
    C("Dave Kirkwood", "person", "veterans mental-health", "scotland", "Edinburgh",
      "Former Royal Scots soldier, now a peer mentor for veterans with PTSD. One-to-one by phone or in person.",
      "", "one-to-one phone in-person"),
    # Northern Ireland
    C("Belfast Carers Circle", "group", "carers", "northern-ireland", "Belfast",
      "Carers' peer group meeting in south Belfast (BT7). Tea, chat, and info on carer's allowance & respite.", ""),
    C("Dementia Friendly Derry Memory Café", "group", "dementia carers", "northern-ireland", "Derry",
      "Memory café for people with dementia and their families in Derry~Londonderry.", ""),
    C("Mourne Mind Peer Support, Newry", "group", "mental-health", "northern-ireland", "Newry",
      "Peer support group for people with anxiety, depression and other mental health difficulties in Newry & Mourne.", ""),
    C("Positive Life NI – HIV peer support", "organisation", "hiv", "northern-ireland", "Belfast",
      "Peer support for people living with HIV across Northern Ireland: groups, mentoring and a newly diagnosed programme.", ""),
    C("Foyle Addiction Peer Mentors", "organisation", "substance-use", "northern-ireland", "Derry",
      "Peer mentors in recovery meet people leaving detox or prison so nobody walks into recovery alone.", "", "one-to-one in-person"),
    C("Lisburn Stroke Club", "group", "stroke", "northern-ireland", "Lisburn",
      "Weekly club for stroke survivors and carers in Lisburn.", ""),
    C("NI Parents of Autistic Children Network", "network", "autism carers", "northern-ireland", "",
      "Facebook group & monthly meet-ups for parents of autistic kids across NI.", "", "group online in-person"),
    C("Bump, Baby & Me Armagh", "group", "maternity perinatal-mental-health", "northern-ireland", "Armagh",
      "Peer support for pregnant women and new mums in Armagh, including those feeling low or anxious.", ""),
    C("WAVE Bereavement Peer Group", "group", "bereavement", "northern-ireland", "Belfast",
      "Peer support for people bereaved or injured through the Troubles, and for anyone grieving.", ""),
    C("Enniskillen Cancer Support Group", "group", "cancer", "northern-ireland", "Enniskillen",
      "Group for people with cancer and their families in Fermanagh.", ""),
    C("Grace O'Neill", "person", "bereavement", "northern-ireland", "Belfast",
      "Bereaved mum offering peer support to parents who have lost a child, Belfast and by phone.", "", "one-to-one phone"),
    C("Coleraine Young Carers", "group", "carers young-people", "northern-ireland", "Coleraine",
      "Young carers' group in Coleraine and the Causeway coast.", ""),
    C("Omagh Men's Shed", "group", "mental-health older-people", "northern-ireland", "Omagh",
      "Men's Shed in Omagh: woodwork, repairs, tea and talk. Good for loneliness.", ""),
    # North East
    C("Tyneside Memory Café", "group", "dementia", "north-east", "Newcastle upon Tyne",
      "Memory café in Heaton, Newcastle for people living with dementia and their carers.", ""),
    C("Sunderland Carers Peer Group", "group", "carers", "north-east", "Sunderland",
      "Carers peer support group, Sunderland city centre, 1st & 3rd Monday.", ""),
    C("Durham Hearing Voices", "group", "mental-health", "north-east", "Durham",
      "Hearing voices group in Durham City for people who hear voices, see visions or have unusual beliefs.", ""),
    C("Middlesbrough Recovery Community", "organisation", "substance-use", "north-east", "Middlesbrough",
      "Recovery community on Teesside: peer mentors, mutual aid meetings and a recovery café.", ""),
    C("Gateshead Stroke Club", "group", "stroke", "north-east", "Gateshead",
      "Stroke club for survivors & carers. Exercise, games, speech practice.", ""),
    C("Teesside Sickle Cell & Thalassaemia Group", "group", "sickle-cell", "north-east", "Stockton",
      "Peer group for families affected by sickle cell and thalassaemia on Teesside.", ""),
    C("North East Dads Matter", "network", "perinatal-mental-health maternity", "north-east", "",
      "Peer support for new and expectant dads struggling with their mental health. WhatsApp group & monthly walks.",
      "Dads can get postnatal depression too.", "group online in-person"),
    C("Northumberland Parkinson's Peer Support", "group", "parkinsons", "north-east", "Hexham",
      "Parkinson's peer group in Hexham and Tynedale.", ""),
    C("Darlington Diabetes Peer Support (Type 2)", "group", "diabetes", "north-east", "Darlington",
      "Monthly group for people living with type 2 diabetes in Darlington.", ""),
    C("Hartlepool Bereaved Parents Group", "group", "bereavement", "north-east", "Hartlepool",
      "For parents who have lost a child of any age, in any circumstances.", ""),
    C("Newcastle Trans Peer Support", "group", "lgbtq mental-health", "north-east", "Newcastle",
      "Peer support group for trans and non-binary adults in Newcastle.", ""),
    C("Paul Armstrong, recovery coach", "person", "substance-use mental-health", "north-east", "South Shields",
      "Lived experience recovery coach in South Shields, 12 years clean. One-to-one support for anyone starting recovery.",
      "", "one-to-one in-person phone"),
    C("Berwick Area Carers", "group", "carers", "north-east", "Berwick-upon-Tweed",
      "Carers' group for Berwick and north Northumberland (TD15).", ""),
    # North West
    C("Manchester Hearing Voices", "group", "mental-health", "north-west", "Manchester",
      "Hearing voices peer groups in Manchester city centre and Wythenshawe.", ""),
    C("Bolton Sugar Busters - Diabetes Peer Group", "group", "diabetes", "north-west", "Bolton",
      "Peer group for people living with type 2 diabetes in Bolton: food swaps, walks, and honest chat.", ""),
    C("Liverpool Carers Peer Network", "network", "carers", "north-west", "Liverpool",
      "Network of peer groups for unpaid carers across Liverpool.", ""),
    C("Wigan Dementia Friends Café", "group", "dementia", "north-west", "Wigan",
      "Dementia café in Wigan for people living with dementia and their families.", ""),
    C("Blackpool Recovery Walk & Talk", "group", "substance-use", "north-west", "Blackpool",
      "Weekly walk along the prom for people in recovery from addiction, finishing at a café.", ""),
    C("Salford Mums Matter", "group", "perinatal-mental-health", "north-west", "Salford",
      "Peer support for mums with perinatal anxiety, depression or birth trauma in Salford.", ""),
    C("Preston HIV Peer Mentoring", "organisation", "hiv", "north-west", "Preston",
      "Peer mentors living with HIV support others in Lancashire.", "", "one-to-one in-person"),
    C("Cumbria Stroke Survivors Network", "network", "stroke", "north-west", "Carlisle",
      "Stroke survivors' groups in Carlisle, Penrith, Kendal and Workington.", ""),
    C("Stockport Autism Parents Group", "group", "autism carers", "north-west", "Stockport",
      "Parents of autistic children in Stockport supporting each other through diagnosis, school and EHCPs.", ""),
    C("Lancaster Uni Eating Disorders Peer Support", "group", "eating-disorders young-people", "north-west", "Lancaster",
      "Peer support for students affected by eating disorders.", ""),
    C("Merseyside Veterans Peer Support", "network", "veterans", "north-west", "Liverpool",
      "Peer support for veterans across Merseyside.", ""),
    C("Oldham Bereavement Café", "group", "bereavement", "north-west", "Oldham",
      "Bereavement café: a cuppa and a chat with others who are grieving.", ""),
    C("Chester Sight Loss Peer Group", "group", "sight-loss", "north-west", "Chester",
      "For blind and partially sighted people in Chester.", ""),
    C("Rochdale Young Carers", "group", "carers young-people", "north-west", "Rochdale",
      "Young carers project in Rochdale.", ""),
    C("Warrington Long Covid Peer Support", "group", "long-term-conditions", "north-west", "Warrington",
      "Peer support group for people with long covid in Warrington.", ""),
    C("Greater Manchester Sickle Cell Support Group", "group", "sickle-cell", "north-west", "Manchester",
      "Peer support for people with sickle cell in Greater Manchester.", ""),
    # Yorkshire and the Humber
    C("Leeds Carers Peer Support (Headingley)", "group", "carers", "yorkshire-and-the-humber", "Leeds",
      "Carers' peer support group in Headingley, Leeds LS6, every other Tuesday morning.",
      "Carers of people with dementia, mental illness, learning disabilities and more."),
    C("Sheffield Hearing Voices Network", "network", "mental-health", "yorkshire-and-the-humber", "Sheffield",
      "Hearing voices groups across Sheffield.", ""),
    C("Bradford Dementia Café", "group", "dementia", "yorkshire-and-the-humber", "Bradford",
      "Dementia café in Bradford, with Urdu and Punjabi speakers.", ""),
    C("Hull Recovery Café", "group", "substance-use", "yorkshire-and-the-humber", "Hull",
      "Recovery café in Hull run by people in recovery.", ""),
    C("York Stroke Club", "group", "stroke", "yorkshire-and-the-humber", "York",
      "Stroke club in York.", ""),
    C("Huddersfield Parent Carers", "group", "carers learning-disabilities", "yorkshire-and-the-humber", "Huddersfield",
      "Parent carers of children with SEND in Kirklees.", ""),
    C("Leeds Sickle Cell Peer Group", "group", "sickle-cell", "yorkshire-and-the-humber", "Leeds",
      "Peer group for people living with sickle cell in Leeds, based in Chapeltown.", ""),
    C("Doncaster Dads Peer Support", "group", "perinatal-mental-health maternity", "yorkshire-and-the-humber", "Doncaster",
      "Peer group for new dads in Doncaster.", ""),
    C("Wakefield Widowed Friends", "group", "bereavement", "yorkshire-and-the-humber", "Wakefield",
      "Friendship group for widowed people in Wakefield.", ""),
    C("Harrogate Parkinson's Café", "group", "parkinsons", "yorkshire-and-the-humber", "Harrogate",
      "Parkinson's café in Harrogate.", ""),
    C("Sheffield Deaf Peer Support", "group", "hearing-loss", "yorkshire-and-the-humber", "Sheffield",
      "Peer support in BSL for Deaf people in Sheffield.", ""),
    C("Rotherham Young Carers", "group", "carers young-people", "yorkshire-and-the-humber", "Rotherham",
      "Young carers group in Rotherham.", ""),
    C("Leeds Type 1 Adults", "group", "diabetes", "yorkshire-and-the-humber", "Leeds",
      "Peer group for adults with type 1 diabetes in Leeds. Pump, Libre and Dexcom users welcome.", ""),
    C("Barnsley Men's Mental Health Walk", "group", "mental-health", "yorkshire-and-the-humber", "Barnsley",
      "Men's walk and talk group in Barnsley, every Sunday.", ""),
    C("Yorkshire HIV Peer Mentors", "network", "hiv", "yorkshire-and-the-humber", "Leeds",
      "Peer mentors living with HIV across Yorkshire.", "", "one-to-one in-person phone"),
    C("Scarborough Eating Disorder Carers", "group", "eating-disorders carers", "yorkshire-and-the-humber", "Scarborough",
      "For parents and partners caring for someone with an eating disorder.", ""),
    C("New Dads Leeds (closed)", "group", "perinatal-mental-health maternity", "yorkshire-and-the-humber", "Leeds",
      "Peer group for new dads in Leeds. Closed in 2025 when funding ended.", "", "group in-person", "closed"),
    # East Midlands
    C("Nottingham Carers Café", "group", "carers", "east-midlands", "Nottingham",
      "Carers café in Nottingham city centre.", ""),
    C("Derby Hearing Voices", "group", "mental-health", "east-midlands", "Derby",
      "Hearing voices group in Derby.", ""),
    C("Leicester Dementia Support Café", "group", "dementia", "east-midlands", "Leicester",
      "Dementia café in Leicester with Gujarati speakers.", ""),
    C("Lincoln Recovery Community", "group", "substance-use", "east-midlands", "Lincoln",
      "Recovery community in Lincoln.", ""),
    C("Northampton Stroke Survivors", "group", "stroke", "east-midlands", "Northampton",
      "Stroke survivors' group in Northampton.", ""),
    C("Chesterfield Parkinson's Group", "group", "parkinsons", "east-midlands", "Chesterfield",
      "Parkinson's group in Chesterfield (S40).", ""),
    C("South Asian Diabetes Peer Educators Leicester", "organisation", "diabetes", "east-midlands", "Leicester",
      "Peer educators supporting South Asian communities living with type 2 diabetes in Leicester.", ""),
    C("Mansfield Bereavement Support Group", "group", "bereavement", "east-midlands", "Mansfield",
      "Bereavement support group in Mansfield.", ""),
    C("Nottingham Trans Hub Peer Group", "group", "lgbtq", "east-midlands", "Nottingham",
      "Peer group for trans people in Nottingham.", ""),
    C("Loughborough Student Peer Support", "group", "mental-health young-people", "east-midlands", "Loughborough",
      "Student peer support in Loughborough.", ""),
    C("Derbyshire Autistic Adults Peer Group", "group", "autism", "east-midlands", "Derby",
      "Peer group for autistic adults in Derbyshire.", ""),
    C("Kettering Epilepsy Peer Group", "group", "epilepsy", "east-midlands", "Kettering",
      "Epilepsy peer group in Kettering.", ""),
    C("Corby Mums & Tots Peer Support", "group", "maternity", "east-midlands", "Corby",
      "Mums and tots peer support in Corby.", ""),
    C("Lincolnshire Sight Loss Peer Group", "group", "sight-loss", "east-midlands", "Lincoln",
      "Sight loss peer group in Lincolnshire.", ""),
    C("Priya Patel", "person", "perinatal-mental-health", "east-midlands", "Leicester",
      "Peer supporter for South Asian mums with perinatal mental health difficulties in Leicester. Speaks Gujarati and Hindi.",
      "", "one-to-one in-person phone"),
    # West Midlands
    C("Birmingham Carers Hub Peer Groups", "organisation", "carers", "west-midlands", "Birmingham",
      "Peer groups for carers across Birmingham.", ""),
    C("Brum Hearing Voices", "group", "mental-health", "west-midlands", "Birmingham",
      "Hearing voices group in Birmingham.", ""),
    C("Coventry Memory Café", "group", "dementia", "west-midlands", "Coventry",
      "Memory café in Coventry.", ""),
    C("Wolverhampton Recovery Café", "group", "substance-use", "west-midlands", "Wolverhampton",
      "Recovery café in Wolverhampton.", ""),
    C("Stoke Stroke Club", "group", "stroke", "west-midlands", "Stoke-on-Trent",
      "Stroke club in Stoke-on-Trent.", ""),
    C("Birmingham Sickle Cell Peer Support", "organisation", "sickle-cell", "west-midlands", "Birmingham",
      "Peer support for people with sickle cell in Birmingham.", ""),
    C("Black Country Dads Group", "group", "perinatal-mental-health", "west-midlands", "Dudley",
      "Dads group in the Black Country.", ""),
    C("Shrewsbury Bereavement Peer Group", "group", "bereavement", "west-midlands", "Shrewsbury",
      "Bereavement peer group in Shrewsbury (SY1).", ""),
    C("Worcester Diabetes Walking Group", "group", "diabetes", "west-midlands", "Worcester",
      "Walking group for people with type 2 diabetes in Worcester.", ""),
    C("Hereford Parent Carers", "group", "carers", "west-midlands", "Hereford",
      "Parent carers group in Hereford.", ""),
    C("Birmingham HIV Peer Mentors", "organisation", "hiv", "west-midlands", "Birmingham",
      "HIV peer mentors in Birmingham.", ""),
    C("Telford Autism Family Network", "network", "autism carers", "west-midlands", "Telford",
      "Network for families of autistic children in Telford.", ""),
    C("Walsall Young Carers", "group", "carers young-people", "west-midlands", "Walsall",
      "Young carers group in Walsall.", ""),
    C("Solihull Eating Disorder Peer Support", "group", "eating-disorders", "west-midlands", "Solihull",
      "Eating disorder peer support in Solihull.", ""),
    C("Dudley Deaf Social & Peer Support", "group", "hearing-loss", "west-midlands", "Dudley",
      "Deaf social group in Dudley.", ""),
    C("Birmingham Veterans Peer Support", "group", "veterans", "west-midlands", "Birmingham",
      "Veterans peer support in Birmingham.", ""),
    # East of England
    C("Norwich Carers Peer Support", "group", "carers", "east-of-england", "Norwich", "Carers peer support in Norwich.", ""),
    C("Ipswich Hearing Voices", "group", "mental-health", "east-of-england", "Ipswich", "Hearing voices group in Ipswich.", ""),
    C("Cambridge Dementia Café", "group", "dementia", "east-of-england", "Cambridge", "Dementia café in Cambridge.", ""),
    C("Peterborough Recovery Café", "group", "substance-use", "east-of-england", "Peterborough", "Recovery café in Peterborough.", ""),
    C("Colchester Stroke Club", "group", "stroke", "east-of-england", "Colchester", "Stroke club in Colchester.", ""),
    C("Luton Sickle Cell Peer Group", "group", "sickle-cell", "east-of-england", "Luton", "Sickle cell peer group in Luton.", ""),
    C("Chelmsford Bereavement Café", "group", "bereavement", "east-of-england", "Chelmsford", "Bereavement café in Chelmsford.", ""),
    C("Essex Dads Postnatal Peer Support", "network", "perinatal-mental-health", "east-of-england", "",
      "Postnatal peer support for dads across Essex.", "", "group online"),
    C("Southend Parkinson's Group", "group", "parkinsons", "east-of-england", "Southend", "Parkinson's group in Southend.", ""),
    C("Bedford Diabetes Support Group", "group", "diabetes", "east-of-england", "Bedford", "Diabetes support group in Bedford.", ""),
    C("Hertfordshire Young Carers", "organisation", "carers young-people", "east-of-england", "St Albans", "Young carers across Hertfordshire.", ""),
    C("Norfolk Veterans Breakfast Club", "group", "veterans", "east-of-england", "Norwich", "Veterans breakfast club in Norfolk.", ""),
    C("Suffolk Sight Loss Peer Group", "group", "sight-loss", "east-of-england", "Ipswich", "Sight loss peer group in Suffolk.", ""),
    C("Watford Autism Parents", "group", "autism carers", "east-of-england", "Watford", "Autism parents group in Watford.", ""),
    # London
    C("Lewisham Carers Peer Group", "group", "carers", "london", "Lewisham", "Carers peer group in Lewisham, Catford.", ""),
    C("Hackney Hearing Voices", "group", "mental-health", "london", "Hackney", "Hearing voices group in Hackney.", ""),
    C("Camden Memory Café", "group", "dementia", "london", "Camden", "Memory café in Camden Town.", ""),
    C("Brixton Recovery Café", "group", "substance-use", "london", "Brixton", "Recovery café in Brixton.", ""),
    C("Croydon Stroke Survivors", "group", "stroke", "london", "Croydon", "Stroke survivors group in Croydon.", ""),
    C("London Sickle Cell Peer Mentoring", "organisation", "sickle-cell", "london", "", "Sickle cell peer mentoring across London.", "", "one-to-one in-person"),
    C("Tower Hamlets Bengali Diabetes Peer Group", "group", "diabetes", "london", "Tower Hamlets",
      "Diabetes peer group for Bengali families in Tower Hamlets, in Sylheti and English.", ""),
    C("Positive East HIV Peer Support", "organisation", "hiv", "london", "Newham", "HIV peer support in east London.", ""),
    C("Islington Bereaved by Suicide Group", "group", "bereavement", "london", "Islington",
      "Peer support group for people bereaved by suicide in Islington.", ""),
    C("Southwark Mums Peer Support (PND)", "group", "perinatal-mental-health", "london", "Southwark",
      "Postnatal depression peer group for mums in Southwark.", ""),
    C("Newham Young Carers", "group", "carers young-people", "london", "Newham", "Young carers group in Newham.", ""),
    C("London Trans+ Peer Support", "network", "lgbtq", "london", "", "Peer support for trans people in London.", ""),
    C("Ealing Autism Parents", "group", "autism carers", "london", "Ealing", "Parents of autistic children in Ealing.", ""),
    C("Greenwich Veterans Hub", "group", "veterans", "london", "Greenwich", "Veterans hub in Greenwich.", ""),
    C("Barnet Parkinson's Café", "group", "parkinsons", "london", "Barnet", "Parkinson's café in Barnet.", ""),
    C("Haringey Eating Disorder Recovery Group", "group", "eating-disorders", "london", "Haringey", "Eating disorder recovery group in Haringey.", ""),
    C("Westminster Deaf Peer Support", "group", "hearing-loss", "london", "Westminster", "Deaf peer support in Westminster.", ""),
    C("Lambeth Domestic Abuse Survivors Group", "group", "domestic-abuse", "london", "Lambeth", "Peer group for survivors of domestic abuse in Lambeth.", ""),
    C("Peckham Men's Mental Health Circle", "group", "mental-health", "london", "Peckham", "Men's mental health circle in Peckham.", ""),
    C("Enfield Epilepsy Peer Group", "group", "epilepsy", "london", "Enfield", "Epilepsy peer group in Enfield.", ""),
    C("Amir Hussain", "person", "diabetes", "london", "Tower Hamlets",
      "Peer educator for people living with type 2 diabetes, speaks Urdu and Punjabi.", "", "one-to-one in-person"),
    # South East
    C("Brighton Carers Peer Support", "group", "carers", "south-east", "Brighton", "Carers peer support in Brighton.", ""),
    C("Brighton & Hove Hearing Voices", "group", "mental-health", "south-east", "Brighton and Hove", "Hearing voices group in Brighton and Hove.", ""),
    C("Southampton Dementia Café", "group", "dementia", "south-east", "Southampton", "Dementia café in Southampton.", ""),
    C("Portsmouth Recovery Community", "group", "substance-use", "south-east", "Portsmouth", "Recovery community in Portsmouth.", ""),
    C("Oxford Stroke Club", "group", "stroke", "south-east", "Oxford", "Stroke club in Oxford.", ""),
    C("Milton Keynes Sickle Cell Group", "group", "sickle-cell", "south-east", "Milton Keynes", "Sickle cell group in Milton Keynes.", ""),
    C("Kent Dads Peer Support", "network", "perinatal-mental-health", "south-east", "", "Peer support for dads across Kent.", ""),
    C("Canterbury Bereavement Café", "group", "bereavement", "south-east", "Canterbury", "Bereavement café in Canterbury.", ""),
    C("Reading Diabetes Peer Support", "group", "diabetes", "south-east", "Reading", "Diabetes peer support in Reading.", ""),
    C("Guildford Parkinson's Group", "group", "parkinsons", "south-east", "Guildford", "Parkinson's group in Guildford.", ""),
    C("Surrey Young Carers", "organisation", "carers young-people", "south-east", "", "Young carers across Surrey.", ""),
    C("Isle of Wight Veterans Peer Support", "group", "veterans", "south-east", "Isle of Wight", "Veterans peer support on the Isle of Wight.", ""),
    C("Crawley Autism Parents", "group", "autism carers", "south-east", "Crawley", "Autism parents group in Crawley.", ""),
    C("Maidstone Sight Loss Group", "group", "sight-loss", "south-east", "Maidstone", "Sight loss group in Maidstone.", ""),
    C("Slough Domestic Abuse Peer Support", "group", "domestic-abuse", "south-east", "Slough", "Domestic abuse peer support in Slough.", ""),
    C("Medway Eating Disorder Peer Group", "group", "eating-disorders", "south-east", "Medway", "Eating disorder peer group in Medway.", ""),
    # South West
    C("Bristol Carers Peer Support", "group", "carers", "south-west", "Bristol", "Carers peer support in Bristol.", ""),
    C("Plymouth Hearing Voices", "group", "mental-health", "south-west", "Plymouth", "Hearing voices group in Plymouth.", ""),
    C("Exeter Memory Café", "group", "dementia", "south-west", "Exeter", "Memory café in Exeter.", ""),
    C("Bournemouth Recovery Café", "group", "substance-use", "south-west", "Bournemouth", "Recovery café in Bournemouth.", ""),
    C("Swindon Stroke Club", "group", "stroke", "south-west", "Swindon", "Stroke club in Swindon.", ""),
    C("Bristol Sickle Cell Peer Group", "group", "sickle-cell", "south-west", "Bristol", "Sickle cell peer group in Bristol.", ""),
    C("Kernow Mums Peer Support", "group", "perinatal-mental-health maternity", "south-west", "Truro", "Peer support for mums in Cornwall.", ""),
    C("Gloucester Bereavement Group", "group", "bereavement", "south-west", "Gloucester", "Bereavement group in Gloucester.", ""),
    C("Cheltenham Parkinson's Café", "group", "parkinsons", "south-west", "Cheltenham", "Parkinson's café in Cheltenham.", ""),
    C("Taunton Diabetes Peer Group", "group", "diabetes", "south-west", "Taunton", "Diabetes peer group in Taunton.", ""),
    C("Devon Young Carers", "organisation", "carers young-people", "south-west", "Exeter", "Young carers across Devon.", ""),
    C("Dorset Veterans Peer Support", "group", "veterans", "south-west", "Poole", "Veterans peer support in Dorset.", ""),
    C("Torquay Autism Family Group", "group", "autism carers", "south-west", "Torquay", "Autism family group in Torquay.", ""),
    C("Truro Sight Loss Peer Group", "group", "sight-loss", "south-west", "Truro", "Sight loss peer group in Truro.", ""),
    C("Bristol LGBTQ+ Peer Support", "group", "lgbtq", "south-west", "Bristol", "LGBTQ+ peer support in Bristol.", ""),
    C("Wiltshire Epilepsy Peer Group", "group", "epilepsy", "south-west", "Swindon", "Epilepsy peer group in Wiltshire.", ""),
    # England-wide and UK-wide
    C("Dementia Carers Online (UK)", "network", "dementia carers", "uk-wide", "",
      "Online forum and video groups for anyone caring for someone with dementia, anywhere in the UK.", "", "group online"),
    C("Text a Carer", "organisation", "carers", "uk-wide", "",
      "Text-based peer support from trained volunteer carers, evenings and weekends.", "", "one-to-one text"),
    C("Hearing Voices Network UK", "network", "mental-health", "uk-wide", "",
      "National network of hearing voices groups, with online groups for people with no group nearby.", "", "group online"),
    C("Grief Talk Online", "network", "bereavement", "uk-wide", "",
      "Online peer support groups for people who are grieving, by who they lost: partner, parent, child, friend.", "", "group online"),
    C("Recovery Connect UK", "network", "substance-use", "uk-wide", "",
      "Online mutual aid meetings for people in recovery from alcohol and drug addiction, day and night.", "", "group online"),
    C("Type 1 Together (UK)", "network", "diabetes", "uk-wide", "",
      "Online peer support for adults living with type 1 diabetes, including a group for the newly diagnosed.", "", "group online"),
    C("Stroke Buddies Phone Line", "organisation", "stroke", "uk-wide", "",
      "Phone buddies who have had a stroke themselves, for survivors and families anywhere in the UK.", "", "one-to-one phone"),
    C("HIV Peer Phone Line", "organisation", "hiv", "uk-wide", "",
      "Confidential peer support by phone from people living with HIV.", "", "one-to-one phone"),
    C("PND Dads UK", "network", "perinatal-mental-health", "uk-wide", "",
      "Online peer support for dads with postnatal depression or anxiety.", "", "group online"),
    C("Sickle Cell Peer Network UK", "network", "sickle-cell", "uk-wide", "",
      "National online peer network for people living with sickle cell.", "", "group online"),
    C("Autistic Adults Online Peer Group", "network", "autism", "uk-wide", "",
      "Online peer group run by and for autistic adults.", "", "group online"),
    C("Eating Disorder Peer Support Online", "network", "eating-disorders", "uk-wide", "",
      "Online peer support groups for people with eating disorders and their families.", "", "group online"),
    C("Survivors' Network UK", "network", "domestic-abuse", "uk-wide", "",
      "Online peer support for survivors of domestic abuse.", "", "group online"),
    C("Veterans Peer Network UK", "network", "veterans", "uk-wide", "", "National peer network for veterans.", "", "group online phone"),
    C("Parkinson's Peer Mentors UK", "network", "parkinsons", "uk-wide", "", "Peer mentors for people newly diagnosed with Parkinson's.", "", "one-to-one phone online"),
    C("Deaf Peers UK", "network", "hearing-loss", "uk-wide", "", "Online peer support for Deaf people and people with hearing loss.", "", "group online"),
    C("Sight Loss Peer Chat", "network", "sight-loss", "uk-wide", "", "Telephone peer groups for blind and partially sighted people.", "", "group phone"),
    C("Cancer Peer Buddies UK", "network", "cancer", "uk-wide", "", "Online buddies for anyone with cancer.", "", "one-to-one online"),
    C("Young Carers Online Hangout", "network", "carers young-people", "uk-wide", "", "Online hangouts for young carers aged 11-18.", "", "group online"),
    C("Epilepsy Peer Chat UK", "network", "epilepsy", "uk-wide", "", "Online peer chat for people with epilepsy.", "", "group online"),
    C("Peer Support Practitioners England", "network", "mental-health", "england", "",
      "Network for paid and volunteer peer support workers in mental health services in England.", "", "group online"),
    C("England Recovery Peer Coaches", "network", "substance-use", "england", "", "Recovery peer coaches across England.", "", "one-to-one phone"),
    C("Suicide Bereavement Peer Network England", "network", "bereavement", "england", "",
      "Peer support for people bereaved by suicide in England.", "", "group online"),
    C("Long Covid Peer Support England", "network", "long-term-conditions", "england", "", "Online peer groups for people with long covid.", "", "group online"),
    C("LGBTQ+ Peer Support Network UK", "network", "lgbtq", "uk-wide", "", "Online peer groups for LGBTQ+ people.", "", "group online"),
    C("Later Life Peer Calls", "network", "older-people", "uk-wide", "", "Friendly peer phone calls for older people feeling lonely.", "", "one-to-one phone"),
    C("Carers Peer Support Line (paused)", "organisation", "carers", "uk-wide", "",
      "Phone line for carers, staffed by carers. Paused while we recruit volunteers.", "", "one-to-one phone", "paused"),
]

# ---- Body text shared by the cards of a topic ----------------------------------------

INTRO = {
    "mental-health": ["We are a peer-led group: everyone here has lived experience of mental health difficulties.",
                      "A safe space to talk about anxiety, depression, psychosis or whatever you are going through.",
                      "No diagnosis needed. We don't give advice, we share what has helped us."],
    "dementia": ["A friendly memory café for people living with dementia, or worried about their memory, and the people who care for them.",
                 "Come for the company, stay for the cake. Carers can talk to other carers while their loved one joins in the activities.",
                 "Diagnosed with Alzheimer's or another dementia? You are not on your own."],
    "carers": ["Looking after someone can be lonely. Meet other unpaid carers who get it.",
               "For anyone caring for a relative, partner or friend: you don't need to call yourself a carer to come along.",
               "Carers share tips on benefits, respite, and just getting through the week."],
    "diabetes": ["People living with diabetes sharing what works: food, medication, exercise and feelings.",
                 "Whether you are newly diagnosed or have had diabetes for years, come and meet others.",
                 "We talk about blood sugar, hypos, carb counting and the emotional side of diabetes."],
    "hiv": ["Peer support from people living with HIV.", "Confidential, non-judgemental and run by people who know what it's like.",
            "Whether you were diagnosed last week or 30 years ago, we are here."],
    "stroke": ["For stroke survivors and their families.", "Life after a stroke can feel very different. Talking to others who have been there helps.",
               "Aphasia friendly: we take our time and use pictures and writing."],
    "cancer": ["Peer support for people affected by cancer.", "Talk to someone who has been through diagnosis and treatment.",
               "During treatment and after, whenever you need it."],
    "maternity": ["For parents-to-be and parents of babies and toddlers.", "Pregnancy and the first years can be hard; meet other parents.",
                  "Bring the baby! Breastfeeding and bottle feeding both welcome."],
    "perinatal-mental-health": ["Peer support for parents struggling with their mental health during pregnancy or after birth.",
                                "Postnatal depression and anxiety are common, and treatable. You are not a bad parent.",
                                "Facilitated by parents who have recovered from perinatal mental illness."],
    "bereavement": ["For anyone who has lost someone close.", "Grief has no timetable. Come and talk, or just listen.",
                    "A space to remember the people we have lost and to support each other."],
    "substance-use": ["For anyone in recovery or thinking about it, and for the people around them.",
                      "Run by people in recovery from alcohol and drugs.", "Abstinence-based and harm reduction approaches both welcome."],
    "learning-disabilities": ["Self-advocacy group run by people with learning disabilities.", "Easy read information available.",
                              "Speaking up for ourselves and each other."],
    "autism": ["For autistic people and families.", "Sensory-friendly room, low lighting, no pressure to talk.",
               "Diagnosis not needed: self-identifying and waiting list welcome."],
    "young-people": ["For young people, designed with young people.", "Ages vary by group - see below.",
                     "Fun activities as well as peer support."],
    "older-people": ["For older people who would like more company.", "Tea, chat and friendship.", "Loneliness can affect anyone."],
    "eating-disorders": ["Peer support for people affected by eating disorders.", "We never discuss numbers, weights or calories.",
                         "A recovery-focused space, whatever stage you are at."],
    "hearing-loss": ["For Deaf people and people with hearing loss.", "BSL interpreters at every meeting.", "Hearing loop installed."],
    "sight-loss": ["For blind and partially sighted people.", "Guide dogs welcome.", "Large print and audio information available."],
    "parkinsons": ["For people living with Parkinson's and their families.", "Exercise, friendship and information.",
                   "Newly diagnosed? Come along and meet people who have been there."],
    "epilepsy": ["For people living with epilepsy.", "Talk about seizures, medication, work and driving with people who understand.",
                 "Families and carers welcome."],
    "sickle-cell": ["For people living with sickle cell disorder and thalassaemia, and their families.",
                    "Sharing ways to manage pain crises and deal with hospitals.", "Peer support from people who live with it."],
    "veterans": ["For ex-forces, reservists and their families.", "No rank, no judgement.", "Veterans helping veterans."],
    "lgbtq": ["For lesbian, gay, bisexual, trans and queer people.", "A safe and affirming space.", "Allies welcome at some events."],
    "domestic-abuse": ["For survivors of domestic abuse.", "Women-only and mixed groups.", "Your safety comes first: the venue is confidential."],
    "long-term-conditions": ["For people living with long-term conditions.", "Sharing ways to live well with a chronic illness.",
                             "Pacing, fatigue and pain are regular topics."],
}

WHEN = ["Meets 2nd Tues of every month, 10.30am-12.30pm.", "EVERY THURSDAY 7pm - 9pm (not bank holidays)",
        "Fortnightly on Weds 1-3pm", "Mondays & Fridays 11am til 1pm", "First Saturday of the month, 2–4",
        "Last Sunday of the month, 3pm", "Weekly, Tuesday evenings 6.30-8.30"]
WHERE = ["the community centre", "St Mary's church hall", "the library (upstairs room)", "the Quaker Meeting House",
         "the leisure centre café", "the Methodist church", "the hospital education centre", "the Salvation Army hall"]
EXTRA = ["No referral needed - just turn up!!", "Free. Donations welcome for tea & biscuits.",
         "Please note: we are NOT a crisis service. If you are in crisis call 999 or Samaritans on 116 123.",
         "Wheelchair accessible venue; hearing loop; accessible toilet.", "Funded by the National Lottery Community Fund.",
         "Facebook & Instagram: search for us by name", "Info correct as of 2024 - please ring before you come."]
NOISE = ["<br>", "&amp;", "&nbsp;", "</p>", "**", "--"]


def slugify(name):
    text = name.lower().replace("&", " and ").replace("'", "").replace("’", "")
    text = re.sub(r"[éè]", "e", text).replace("ô", "o").replace("â", "a")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return re.sub(r"-+", "-", text)[:60].strip("-")


def yaml_text(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def body(i, card):
    topic = card["topics"][0]
    intros = INTRO[topic]
    lines = []
    if i % 11 == 3:
        # A description pasted as an HTML block: the Markdown renderer leaves it out.
        lines.append("<p>" + intros[i % len(intros)] + "<br>" + WHEN[i % len(WHEN)] + "</p>")
        lines.append("")
    lines.append(intros[i % len(intros)] + (" " + card["about"] if card["about"] else ""))
    lines.append("")
    for extra_topic in card["topics"][1:2]:
        lines.append(INTRO[extra_topic][(i + 1) % len(INTRO[extra_topic])])
        lines.append("")
    if card["town"] and "in-person" in card["formats"]:
        when, where = WHEN[(i * 3) % len(WHEN)], WHERE[(i * 5) % len(WHERE)]
        if i % 4 == 0:
            lines.append("## When and where")
            lines.append("")
            lines.append(f"{when} at {where}, {card['town']}.")
        elif i % 4 == 1:
            lines.append(f"WHEN: {when}  {NOISE[i % len(NOISE)]} WHERE: {where.title()}, {card['town']}")
        else:
            lines.append(f"We meet at {where} in {card['town']}. {when}")
        lines.append("")
    elif "online" in card["formats"]:
        lines.append("Online via Zoom - email us for the link. " + ("Also on WhatsApp." if i % 2 else ""))
        lines.append("")
    if "phone" in card["formats"]:
        lines.append(f"Call or text 07700 900{i % 1000:03d} (answerphone out of hours).")
        lines.append("")
    lines.append(EXTRA[i % len(EXTRA)] + ("  " + EXTRA[(i + 2) % len(EXTRA)] if i % 3 == 0 else ""))
    lines.append("")
    if i % 5 == 2:
        lines.append("* Friendly\n* Confidential\n* Run by volunteers with lived experience")
        lines.append("")
    return "\n".join(lines)


def write(out):
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "cards"))
    with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
        f.write("# The search relevance fixture: written by scripts/relevance_fixture.py.\n"
                "title: Peer Support Finder (relevance test)\nlanguage: en-GB\n")
    with open(os.path.join(out, "topics.yml"), "w", encoding="utf-8") as f:
        f.write("# Written by scripts/relevance_fixture.py.\n")
        for slug, name, description, aliases in TOPICS:
            f.write(f"\n{slug}:\n  name: {yaml_text(name)}\n  description: {yaml_text(description)}\n")
            f.write("  aliases: [" + ", ".join(yaml_text(a) for a in aliases) + "]\n")
    # The regions are the sample site's, with its places and postcodes.
    shutil.copyfile(os.path.join(ROOT, "content", "regions.yml"), os.path.join(out, "regions.yml"))
    seen = set()
    for i, card in enumerate(CARDS):
        slug = slugify(card["name"])
        assert slug not in seen, slug
        seen.add(slug)
        front = [f"name: {yaml_text(card['name'])}", f"kind: {card['kind']}", f"summary: {yaml_text(card['summary'])}",
                 "topics: [" + ", ".join(card["topics"]) + "]", "regions: [" + ", ".join(card["regions"]) + "]",
                 f"updated: 2026-0{1 + i % 9}-{10 + i % 18}"]
        if card["status"]:
            front.append(f"status: {card['status']}")
        front.append("formats: [" + ", ".join(card["formats"]) + "]")
        with open(os.path.join(out, "cards", slug + ".md"), "w", encoding="utf-8") as f:
            f.write("---\n" + "\n".join(front) + "\n---\n\n" + body(i, card))


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests", "Fixtures", "relevance", "content")
    write(target)
    print(f"{len(CARDS)} cards written to {target}")
