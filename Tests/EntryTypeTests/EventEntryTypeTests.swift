import Build
import Content
import Foundation
@testable import Search
import Support
import Testing

/// A third entry type, defined here and nowhere in Sources/: events, with a date, topics,
/// regions, a cost, a booking address, step-free access and the cards that host them.
/// The build reads, checks, renders, lists, indexes and searches them from this
/// description alone.
extension EntryType {
    static let events = EntryType(
        folder: "events", singular: "Event", plural: "Events",
        fields: FieldList([
            FieldDescription("title", .text(max: 120), required: true, help: "The event's name."),
            FieldDescription("summary", .text(max: 280), required: true, help: "What happens, in a sentence."),
            FieldDescription("date", .date, required: true, help: "The day it happens, YYYY-MM-DD."),
            FieldDescription("topics", .list(.vocabulary(.topics), maxItems: 10), required: true, help: "Topics from topics.yml."),
            FieldDescription("regions", .list(.vocabulary(.regions), maxItems: 10), help: "Regions from regions.yml."),
            FieldDescription("cost", .choice(["free", "donation", "paid"]), help: "What it costs."),
            FieldDescription("booking", .webAddress, help: "Where to book."),
            FieldDescription("accessible", .yesNo, help: "Whether there is step-free access."),
            FieldDescription("hosts", .list(.slug(of: "card"), maxItems: nil), help: "The cards that host it."),
            FieldDescription("checked", .date, required: true, help: "The day it was last checked."),
        ]),
        titleField: "title", summaryField: "summary", updatedField: "checked",
        labels: ["date": "When", "cost": "Cost", "booking": "Book", "accessible": "Step-free access"])
}

@Suite struct EventEntryTypeTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let themes = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path
    static let today = ContentDate(year: 2026, month: 11, day: 27)!

    /// A copy of the valid fixture with the events in content/events/, in a new folder.
    static func content(extra: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-entry-type-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("valid"), to: content)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("events"), to: content.appendingPathComponent("events"))
        for (path, text) in extra { try Data(text.utf8).write(to: content.appendingPathComponent(path)) }
        return content
    }

    static func build(_ content: URL, types: [EntryType] = [.events]) async throws -> (BuildReport, URL) {
        let site = content.deletingLastPathComponent().appendingPathComponent("site")
        var options = BuildOptions(contentDirectory: content.path, outputDirectory: site.path, themesDirectory: themes, today: today)
        options.entryTypes = types
        return (try await Builder.build(options), site)
    }

    static func text(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    static func json(_ site: URL, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent(path)))
    }

    @Test func eachEventHasItsPageWithItsLabelledFieldsTopicsRegionsBodyAndHosts() async throws {
        let (report, site) = try await Self.build(try Self.content())
        #expect(report.published, "\(report.diagnostics)")
        let page = try Self.text(site, "events/memory-walk/index.html")
        #expect(page.contains("<h1>Memory walk in the park</h1>"))
        #expect(page.contains(">Event</a>"))
        #expect(page.contains("<dt>When</dt><dd><time datetime=\"2027-03-14\">14 March 2027</time></dd>"))
        #expect(page.contains("<dt>Cost</dt><dd>free</dd>"))
        #expect(page.contains("<dt>Book</dt><dd><a href=\"https://example.org/events/memory-walk\">"))
        #expect(page.contains("<dt>Step-free access</dt><dd>Yes</dd>"))
        #expect(page.contains("href=\"../../topics/dementia/\""))
        #expect(page.contains("href=\"../../regions/london/\""))
        #expect(page.contains("<strong>park gates</strong>"))
        #expect(page.contains("href=\"../../cards/memory-cafe/\""), "the hosting card is listed")
        // A field without a label (`checked`) is not shown.
        #expect(!page.contains("2026-11-01"))
        let other = try Self.text(site, "events/carers-coffee/index.html")
        #expect(!other.contains("Step-free access"), "a field not given is not shown")
    }

    @Test func theEventsAreListedByTitleAndInTheSitemap() async throws {
        let (_, site) = try await Self.build(try Self.content())
        let list = try Self.text(site, "events/index.html")
        #expect(list.contains("<h1>Events</h1>"))
        let coffee = try #require(list.range(of: "Carers&#39; coffee morning")), walk = try #require(list.range(of: "Memory walk in the park"))
        #expect(coffee.lowerBound < walk.lowerBound)
        #expect(list.contains("href=\"../events/memory-walk/\""))
        let sitemap = try Self.text(site, "sitemap.xml")
        #expect(sitemap.contains("events/memory-walk/</loc><lastmod>2026-11-01</lastmod>"))
        #expect(sitemap.contains("events/</loc><lastmod>2026-11-01</lastmod>"))
    }

    @Test func theEventsHaveTheirFilesInIndexJSON() async throws {
        let (_, site) = try await Self.build(try Self.content())
        let index = try #require(try Self.json(site, "index.json") as? [String: Any])
        let files = try #require(index["files"] as? [[String: Any]])
        let events = try #require(files.first { $0["kind"] as? String == "events" })
        #expect(events["count"] as? Int == 2)
        #expect(events["first"] as? String == "carers-coffee")
        let base = "https://example.org/whoswho/"
        #expect(events["url"] as? String == base + "index/events-1.json")
        let file = try #require(try Self.json(site, "index/events-1.json") as? [String: Any])
        let entries = try #require(file["events"] as? [[String: Any]])
        #expect(entries.map { $0["slug"] as? String } == ["carers-coffee", "memory-walk"])
        let walk = entries[1]
        #expect(walk["date"] as? String == "2027-03-14")
        #expect(walk["accessible"] as? Bool == true)
        #expect(walk["hosts"] as? [String] == ["memory-cafe"])
        #expect(walk["url"] as? String == base + "events/memory-walk/")
        #expect((walk["body_html"] as? String)?.contains("<strong>park gates</strong>") == true)
    }

    @Test func searchFindsAnEventUnderItsOwnKind() async throws {
        let (_, site) = try await Self.build(try Self.content())
        let manifest = try #require(try Self.json(site, "search/data/manifest.json") as? [String: Any])
        let kinds = try #require(manifest["kinds"] as? [[String: Any]])
        let eventKind = try #require(kinds.firstIndex { $0["value"] as? String == "events" })
        #expect(kinds[eventKind]["label"] as? String == "Event")
        let count = try #require(manifest["documents"] as? Int), perShard = try #require(manifest["documentsPerShard"] as? Int)
        var rows: [[Any]] = []
        for shard in 0..<((count + perShard - 1) / perShard) {
            rows += try #require(try Self.json(site, "search/data/docs/\(shard).json") as? [[Any]])
        }
        let id = try #require(rows.firstIndex { $0[0] as? String == "events/memory-walk/" })
        #expect(rows[id][4] as? Int == eventKind)
        // The body's word "gates" is posted to the event.
        var posted: [Int] = []
        let shards = try #require(manifest["shards"] as? [String])
        for n in shards.indices {
            let bytes = [UInt8](try Data(contentsOf: site.appendingPathComponent("search/data/terms/\(n).bin")))
            let terms = try #require(SearchIndex.decodeShard(bytes, documentCount: count))
            posted += terms.filter { $0.term == "gates" }.flatMap { $0.postings.map(\.document) }
        }
        #expect(posted == [id])
    }

    @Test func aMistakeInAnEventIsReportedAtItsLineAndNothingIsPublished() async throws {
        let broken = """
        ---
        title: Walk
        summary: A walk.
        date: 2027-02-30
        topics: [dementa]
        cost: expensive
        hosts: [nobody]
        checked: 2026-12-25
        ---

        Text.
        """
        let (report, site) = try await Self.build(try Self.content(extra: ["events/broken.md": broken]))
        #expect(!report.published)
        #expect(!FileManager.default.fileExists(atPath: site.path))
        let errors = report.diagnostics.filter(\.isError).map { "\($0.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.line):\($0.column) \($0.message)" }
        #expect(errors == [
            "events/broken.md:4:7 'date' is not a real date: 2027-02-30 does not exist",
            "events/broken.md:5:10 unknown topic 'dementa'; did you mean 'dementia'?",
            "events/broken.md:6:7 'cost' cannot be 'expensive'",
            "events/broken.md:7:9 'hosts' names the card 'nobody', which does not exist",
            "events/broken.md:8:10 'checked' is 2026-12-25, which is after today (2026-11-27); it says when this event was last checked",
        ].map { $0 })
    }

    @Test func withoutTheTypeTheFolderIsNotRead() async throws {
        let (report, site) = try await Self.build(try Self.content(), types: [])
        #expect(report.published)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("events").path))
    }
}
