import Content
import Foundation
import Graph
import Markdown
import Testing
import TestSupport
@testable import Search

/// A small directory in memory: uk-wide ⊃ england ⊃ {london, north-west}, scotland.
func makeContent(cards: [Card], guides: [Guide] = []) -> Content {
    Content(
        site: SiteConfig(title: "Test"),
        topics: [Topic(slug: "carers", name: "Carers"), Topic(slug: "diabetes", name: "Diabetes"),
                 Topic(slug: "substance-use", name: "Drugs and alcohol")],
        regions: sampleRegions,
        cards: cards.sorted { $0.slug < $1.slug }, guides: guides.sorted { $0.slug < $1.slug })
}

let day = ContentDate(year: 2026, month: 1, day: 1)!

func card(_ slug: String, _ name: String, summary: String = "A group.", kind: Kind = .group, topics: [String] = ["carers"],
          regions: [String] = ["london"], formats: [Format] = [], status: Status = .active, lookingFor: String? = nil,
          body: String = "") -> Card {
    Card(slug: slug, file: "cards/\(slug).md", name: name, kind: kind, summary: summary, topics: topics, regions: regions,
         updated: day, status: status, formats: formats, lookingFor: lookingFor, body: MarkdownRenderer.render(body))
}

func guide(_ slug: String, _ title: String, topics: [String] = ["carers"], regions: [String] = [], authors: [String] = [],
           body: String = "") -> Guide {
    Guide(slug: slug, file: "guides/\(slug).md", title: title, summary: "How to.", topics: topics, regions: regions,
          authors: authors, updated: day, body: MarkdownRenderer.render(body))
}

/// The sample every test here searches.
func sampleIndex(labels: SearchLabels = .english) async -> SearchIndex {
    let content = makeContent(cards: [
        card("sugar-talk", "Sugar Talk Diabetes Group", summary: "People with type 2 diabetes swap tips.", topics: ["diabetes"],
             regions: ["north-west"], formats: [.group, .inPerson], lookingFor: "A dietitian.",
             body: "We meet **monthly** in [Bolton](https://example.org).\n\n## When\n\nFirst Tuesday."),
        card("carers-uk", "Carers Everywhere", summary: "Online peer support for carers.", kind: .network,
             regions: ["uk-wide"], formats: [.online], status: .paused, body: "Carers talk about diabetes sometimes."),
        card("ada", "Ada Lovelace", kind: .person, topics: ["substance-use"], regions: ["scotland"], formats: [.oneToOne],
             body: "Recovery café in Glasgow."),
    ], guides: [
        guide("setting-up", "Setting up peer support", topics: ["carers", "diabetes"], regions: ["england"],
              authors: ["Sam Writer"], body: "Start small. Diabetes groups often begin with three people."),
    ])
    return await SearchIndex.build(await SiteGraph.build(content), labels: labels)
}

extension SearchIndex {
    func file(_ name: String) -> [UInt8]? { files.first { $0.path == SearchIndex.folder + name }?.bytes }
    func json(_ name: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(try #require(file(name)))) }
    func documentID(_ path: String) -> Int? { documents.firstIndex { $0.path == path } }
}

@Suite struct SearchIndexTests {
    @Test func documentsAreCardsByNameThenGuidesByTitle() async {
        let index = await sampleIndex()
        #expect(index.documents.map(\.path) == ["cards/ada/", "cards/carers-uk/", "cards/sugar-talk/", "guides/setting-up/"])
        #expect(index.documents.map(\.kind) == [0, 3, 1, nil])
    }

    @Test func closedCardsComeAfterTheCardsThatAreRunning() async throws {
        let content = makeContent(cards: [
            card("a", "Alder Group", status: .closed), card("b", "Birch Group", status: .paused),
            card("c", "Cedar Group"), card("d", "Aspen Group", status: .closed),
        ], guides: [guide("g", "A Guide")])
        let index = await SearchIndex.build(await SiteGraph.build(content), labels: .english)
        #expect(index.documents.map(\.name) == ["Birch Group", "Cedar Group", "Alder Group", "Aspen Group", "A Guide"])
        let m = try #require(try index.json("manifest.json") as? [String: Any])
        #expect(m["cards"] as? Int == 4)
        // Ids below openCards are running (a paused card among them); from there to cards, closed.
        #expect(m["openCards"] as? Int == 2)
    }

    @Test func eachFieldHoldsWhatItShould() async throws {
        let index = await sampleIndex()
        let sugar = try #require(index.documents.first { $0.path == "cards/sugar-talk/" })
        #expect(sugar.text(.name) == "Sugar Talk Diabetes Group")
        #expect(sugar.text(.summary) == "People with type 2 diabetes swap tips.")
        #expect(sugar.text(.topics) == "Diabetes diabetes")
        #expect(sugar.text(.regions) == "North West north-west")
        #expect(sugar.text(.labels) == "Group Group In person")
        #expect(sugar.text(.lookingFor) == "A dietitian.")
        #expect(sugar.text(.authors) == "")
        // The body as plain text: no Markdown, no URL of a link, headings kept.
        let body = Tokenizer.tokens(sugar.text(.body))
        #expect(body == ["we", "meet", "monthly", "in", "bolton", "when", "first", "tuesday"])
        // Around North West: England and UK-wide, which it is within.
        #expect(sugar.text(.coverage) == "UK-wide England")
        #expect(sugar.formats == [1, 5])
        #expect(sugar.status == nil)
        #expect(sugar.excerpt == "We meet monthly in Bolton. When First Tuesday.")

        let carers = try #require(index.documents.first { $0.path == "cards/carers-uk/" })
        // A UK-wide card covers every region within it.
        #expect(carers.text(.coverage) == "England London North West Scotland")
        #expect(carers.status == "paused")

        let setUp = try #require(index.documents.first { $0.path == "guides/setting-up/" })
        #expect(setUp.text(.labels) == "Guide")
        #expect(setUp.text(.authors) == "Sam Writer")
        #expect(setUp.text(.topics) == "Carers carers Diabetes diabetes")
        #expect(setUp.text(.coverage) == "UK-wide London North West")
    }

    @Test func termsComeFromEveryFieldFolded() async throws {
        let index = await sampleIndex()
        let ada = try #require(index.documentID("cards/ada/"))
        for term in ["ada", "lovelace", "drugs", "alcohol", "substance", "use", "scotland", "person", "one", "to",
                     "recovery", "cafe", "glasgow", "uk", "wide"] {
            #expect(index.postings[term]?.contains { $0.document == ada } == true, "\(term)")
        }
        // Words of a link's URL and of Markdown syntax are not terms.
        #expect(index.postings["example"] == nil)
        #expect(index.postings["https"] == nil)
        // Postings are in document order, one per document, every impact at least 1.
        for (term, list) in index.postings {
            #expect(list.map(\.document) == Array(Set(list.map(\.document))).sorted(), "\(term)")
            #expect(list.allSatisfy { $0.impact >= 1 })
        }
    }

    @Test func aWordInTheNameOrSummaryOutranksTheSameWordInTheBody() async throws {
        let index = await sampleIndex()
        let diabetes = try #require(index.postings["diabetes"])
        func impact(_ path: String) throws -> UInt8 {
            let id = try #require(index.documentID(path))
            return try #require(diabetes.first { $0.document == id }).impact
        }
        let inName = try impact("cards/sugar-talk/"), inBody = try impact("cards/carers-uk/")
        #expect(inName > inBody)
        // The guide has it in its topics and body, which beats the body alone too.
        #expect(try impact("guides/setting-up/") > inBody)
        // A field's score saturates: many repeats in the body cannot reach one match in the name.
        // Long names and summaries are not discounted for their length.
        let long = Array(repeating: "word", count: 30).joined(separator: " ")
        let heavy = makeContent(cards: [
            card("a", "Diabetes " + long, body: "x"),
            card("b", "Other", body: Array(repeating: "diabetes", count: 50).joined(separator: " ")),
            card("c", "Third", summary: long + " diabetes", body: "x"),
        ])
        let heavyIndex = await SearchIndex.build(await SiteGraph.build(heavy), labels: .english)
        let list = try #require(heavyIndex.postings["diabetes"])
        #expect(list.map(\.document) == [0, 1, 2])  // Diabetes…, Other, Third by name
        #expect(list[0].impact > list[1].impact)
        #expect(list[2].impact > list[1].impact)
    }

    @Test func termShardsHoldEveryTermOnceInOrder() async throws {
        let index = await sampleIndex()
        var seen: [String] = []
        var firsts: [String] = []
        for i in index.termShards.indices {
            let bytes = try #require(index.file("terms/\(i).bin"))
            let decoded = try #require(SearchIndex.decodeShard(bytes, documentCount: index.documents.count))
            #expect(decoded.map(\.term) == index.termShards[i])
            for (term, postings) in decoded { #expect(postings == index.postings[term], "\(term)") }
            firsts.append(decoded[0].term)
            seen += decoded.map(\.term)
        }
        #expect(seen == index.terms)
        #expect(seen == seen.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        let manifest = try #require(try index.json("manifest.json") as? [String: Any])
        #expect(manifest["shards"] as? [String] == firsts)
    }

    @Test func aTermInManyDocumentsIsStoredAsABitmap() throws {
        let many = (0..<100).filter { $0 % 3 != 0 }.map { SearchIndex.Posting(document: $0, impact: UInt8($0 % 200 + 1)) }
        var dense: [UInt8] = []
        SearchIndex.encode(term: "peer", postings: many, documentCount: 100, into: &dense)
        // 1 + 4 bytes of term, 1 of df, 2 of size and form, 13 of bitmap, one impact per posting.
        #expect(dense.count == 1 + 4 + 1 + 2 + 13 + many.count)
        let few = [SearchIndex.Posting(document: 7, impact: 9), SearchIndex.Posting(document: 90, impact: 200)]
        var sparse: [UInt8] = []
        SearchIndex.encode(term: "rare", postings: few, documentCount: 100, into: &sparse)
        #expect(sparse == [4] + Array("rare".utf8) + [2, 8, 7, 9, 82, 200])
        let decoded = try #require(SearchIndex.decodeShard([2] + dense + sparse, documentCount: 100))
        #expect(decoded.map(\.term) == ["peer", "rare"])
        #expect(decoded[0].postings == many)
        #expect(decoded[1].postings == few)
    }

    @Test func termsAreOrderedAsJavaScriptComparesStrings() {
        // U+FB01 (ﬁ) sorts after U+1F600 (😀) in UTF-8 and Unicode order but before it in UTF-16.
        #expect(SearchIndex.precedes("\u{1F600}", "\u{FB01}"))
        #expect(!SearchIndex.precedes("\u{FB01}", "\u{1F600}"))
        #expect(SearchIndex.precedes("care", "carers"))
    }

    @Test func bigIndexesSplitIntoShardsOfBoundedSize() async throws {
        // 3,000 distinct words in 300 cards: several shards, none over the target unless one term fills it alone.
        let cards = (0..<300).map { i in card("c\(i)", "Card \(i)", body: (0..<10).map { "w\(i)x\($0)" }.joined(separator: " ")) }
        let index = await SearchIndex.build(await SiteGraph.build(makeContent(cards: cards)), labels: .english)
        let shardFiles = index.files.filter { $0.path.hasPrefix(SearchIndex.folder + "terms/") }
        #expect(shardFiles.count == index.termShards.count)
        #expect(index.termShards.count >= 2)
        for (i, terms) in index.termShards.enumerated() where terms.count > 1 {
            let bytes = try #require(index.file("terms/\(i).bin"))
            #expect(bytes.count <= SearchIndex.termShardBytes + 64)
        }
        // Documents go 16 to a file.
        #expect(index.documentsPerShard == 16)
        #expect(index.files.filter { $0.path.hasPrefix(SearchIndex.folder + "docs/") }.count == 19)
    }

    @Test func vocabularyFilesWordsByFirstAndSecondLetter() async throws {
        let index = await sampleIndex()
        let d = String(decoding: try #require(index.file("vocab/d.txt")), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(d.contains("diabetes"))     // first letter
        #expect(!d.contains("2"))            // digits and short words are left out
        let i = String(decoding: try #require(index.file("vocab/i.txt")), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(i.contains("diabetes"))     // second letter
        #expect(!index.files.contains { $0.path.hasSuffix("vocab/2.txt") })
        #expect(SearchIndex.vocabulary(["école", "ωmega", "été", "ab12c", "xyz"]).map(\.key) == ["_", "c", "m"])
    }

    @Test func facetsFileDecodesToEachDocumentsValues() async throws {
        let index = await sampleIndex()
        var reader = ByteReader(bytes: try #require(index.file("facets.bin")))
        func list() -> [Int] {
            var out: [Int] = []
            while let v = reader.varint(), v != 0 {
                out.append(v / 2 - 1)
                if v & 1 == 1 { break }
            }
            return out
        }
        for d in index.documents {
            var header = 0
            for i in 0..<SearchIndex.headerBytes(entryTypes: 0) { header |= Int(reader.byte() ?? 0) << (8 * i) }
            #expect(header & ((1 << SearchIndex.kindBits(entryTypes: 0)) - 1) == (d.kind ?? 0))
            let formats = (0..<Format.allCases.count).filter { header >> (SearchIndex.kindBits(entryTypes: 0) + $0) & 1 == 1 }
            #expect(formats == d.formats)
            #expect(list() == d.topics)
            #expect(list() == d.regions)
        }
        #expect(reader.offset == reader.bytes.count)
        // Four card kinds and six formats fit one byte per document.
        #expect(SearchIndex.headerBytes(entryTypes: 0) == 1)
    }

    @Test func documentStoreHasWhatAResultShows() async throws {
        let index = await sampleIndex()
        let rows = try #require(try index.json("docs/0.json") as? [[Any]])
        #expect(rows.count == 4)
        // Path, name, summary, excerpt, kind (network), topics (carers), regions (uk-wide), status.
        #expect(rows[1].count == 8)
        #expect(rows[1].prefix(4).compactMap { $0 as? String } == ["cards/carers-uk/", "Carers Everywhere",
                                                                   "Online peer support for carers.", "Carers talk about diabetes sometimes."])
        #expect(rows[1][4] as? Int == 3)
        #expect(rows[1][5] as? [Int] == [0])
        #expect(rows[1][6] as? [Int] == [4])
        #expect(rows[1][7] as? String == "paused")
        // A guide's kind is the one after the card kinds; an active card has no status.
        #expect(rows[3].count == 7)
        #expect(rows[3][4] as? Int == 4)
        #expect(rows[3][5] as? [Int] == [0, 1])
    }

    @Test func manifestNamesFacetValuesAndCounts() async throws {
        let index = await sampleIndex()
        let m = try #require(try index.json("manifest.json") as? [String: Any])
        #expect(m["documents"] as? Int == 4)
        #expect(m["cards"] as? Int == 3)
        #expect(m["documentsPerShard"] as? Int == 16)
        #expect((m["kinds"] as? [[String: String]])?.map { $0["value"] ?? "" } == ["person", "group", "organisation", "network", "guide"])
        #expect((m["formats"] as? [[String: String]])?.count == 6)
        #expect((m["topics"] as? [[String: String]])?.map { $0["slug"] ?? "" } == ["carers", "diabetes", "substance-use"])
        let regions = try #require(m["regions"] as? [[String: Any]])
        #expect(regions.map { $0["slug"] as? String } == ["england", "london", "north-west", "scotland", "uk-wide"])
        #expect(regions.map { $0["parent"] as? Int } == [4, 0, 0, 4, nil])
        #expect((m["build"] as? String)?.count == 16)
    }

    @Test func sameContentSameBytes() async {
        let a = await sampleIndex(), b = await sampleIndex()
        #expect(a.files == b.files)
        #expect(a.files.map(\.path) == a.files.map(\.path).sorted())
    }
}

/// Readers' words: aliases in the index, places and postcodes in words.json.
@Suite struct ReaderWordsTests {
    func content(aliases: [String] = [], places: [String] = [], postcodes: [String] = [], shared: Bool = false) -> Content {
        var content = makeContent(cards: [
            card("memory", "Memory Café", topics: ["carers"], regions: ["london"]),
            card("sugar", "Sugar Group", topics: ["diabetes"], regions: ["north-west"]),
        ])
        content.topics[0].aliases = aliases
        if let london = content.regions.firstIndex(where: { $0.slug == "london" }) {
            content.regions[london].places = places
            content.regions[london].postcodes = postcodes
            if shared { content.regions[london].sharedPostcodes = ["EN"] }
        }
        if shared, let scotland = content.regions.firstIndex(where: { $0.slug == "scotland" }) {
            content.regions[scotland].sharedPostcodes = ["EN"]
        }
        return content
    }

    @Test func aTopicsOtherNamesFindItsCards() async throws {
        let index = await SearchIndex.build(await SiteGraph.build(content(aliases: ["caregiver", "looking after someone"])), labels: .english)
        let memory = try #require(index.documentID("cards/memory/"))
        let sugar = try #require(index.documentID("cards/sugar/"))
        for term in ["caregiver", "looking", "after", "someone"] {
            #expect(index.postings[term]?.map(\.document) == [memory], "\(term)")
        }
        #expect(index.postings["caregiver"]?.contains { $0.document == sugar } != true)
    }

    @Test func placesAndPostcodesAreWrittenForTheBrowser() async throws {
        let index = await SearchIndex.build(await SiteGraph.build(
            content(aliases: ["carer"], places: ["Lewisham", "Tower Hamlets"], postcodes: ["SE", "E1"], shared: true)), labels: .english)
        let words = try #require(try index.json("words.json") as? [String: Any])
        let regions = try #require((try index.json("manifest.json") as? [String: Any])?["regions"] as? [[String: Any]])
        let slugs = regions.map { $0["slug"] as? String ?? "" }
        let london = try #require(slugs.firstIndex(of: "london")), scotland = try #require(slugs.firstIndex(of: "scotland"))
        #expect((words["aliases"] as? [[String]])?.first == ["carer"])
        #expect((words["places"] as? [[String]])?[london] == ["Lewisham", "Tower Hamlets"])
        let postcodes = try #require(words["postcodes"] as? [String: [Int]])
        #expect(postcodes == ["SE": [london], "E1": [london], "EN": [london, scotland]])
        #expect((try index.json("manifest.json") as? [String: Any])?["words"] as? Bool == true)
    }

    @Test func noWordsFileWithoutReadersWords() async throws {
        let index = await SearchIndex.build(await SiteGraph.build(content()), labels: .english)
        #expect(index.file("words.json") == nil)
        #expect((try index.json("manifest.json") as? [String: Any])?["words"] as? Bool == false)
    }
}
