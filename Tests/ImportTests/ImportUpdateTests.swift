import Content
import Foundation
@testable import Import
import Markdown
import Testing
import YAML

/// `--update` re-maps the topics and regions the import wrote, through the mapping and the
/// feed as they are now, and keeps those a maintainer added or took off by hand; it updates
/// `.yml` cards as it does Markdown ones.
@Suite(.serialized) struct ImportUpdateTests {
    static let card = "cards/brigg-carers-coffee-morning.md"

    /// The fixture mapping with the card's audience ("Carers>Young carers") mapped to
    /// mental-health instead of carers, and its postcode district (DN20) to the South West.
    static func changedMapping(_ site: ImportSite) throws -> String {
        var mapping = try String(contentsOfFile: ImportSite.mapping, encoding: .utf8)
        mapping = mapping.replacingOccurrences(of: "Carers>Young carers: carers", with: "Carers>Young carers: mental-health")
        mapping = mapping.replacingOccurrences(of: "  North Lincolnshire: yorkshire-and-the-humber\n", with: "  DN20: south-west\n")
        try site.write("mapping-2.yml", mapping)
        return site.path + "/mapping-2.yml"
    }

    static func list(_ key: String, in text: String) -> [String] {
        guard let start = text.range(of: "\n" + key + ":\n") else { return [] }
        return text[start.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
    }

    @Test func anUpdateRemapsWhatTheImportWroteAndKeepsWhatWasAddedByHand() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        _ = try await site.run()
        var text = try site.read(Self.card)
        #expect(Self.list("topics", in: text) == ["carers"] && Self.list("regions", in: text) == ["yorkshire-and-the-humber"])
        text = text.replacingOccurrences(of: "  - carers\n", with: "  - carers\n  - dementia\n")
        text = text.replacingOccurrences(of: "  - yorkshire-and-the-humber\n", with: "  - uk-wide\n  - yorkshire-and-the-humber\n")
        try site.write(Self.card, text)
        let outcome = try await site.run(update: true, mapping: try Self.changedMapping(site))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.filter(\.isError))")
        let after = try site.read(Self.card)
        #expect(Self.list("topics", in: after) == ["dementia", "mental-health"])
        #expect(Self.list("regions", in: after) == ["uk-wide", "south-west"])
        #expect(after.contains("<!-- whoswho import wrote: topics: mental-health; regions: south-west -->"))
        let line = try #require(outcome.report.updated.first { $0.hasPrefix(Self.card) })
        #expect(line.contains("topics +mental-health −carers") && line.contains("regions +south-west −yorkshire-and-the-humber"))
    }

    @Test func aTopicTheMaintainerTookOffStaysOffWhileTheFeedStillGivesIt() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        _ = try await site.run()
        try site.write(Self.card, try site.read(Self.card).replacingOccurrences(of: "  - carers\n", with: "  - dementia\n"))
        let outcome = try await site.run(update: true)
        #expect(!outcome.diagnostics.hasErrors)
        #expect(Self.list("topics", in: try site.read(Self.card)) == ["dementia"])
        #expect(outcome.report.unchanged.contains { $0.hasPrefix(Self.card) })
    }

    @Test func aCardWithNoRecordOfWhatTheImportWroteKeepsItsTopicsAndRegions() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        _ = try await site.run()
        let record = "<!-- whoswho import wrote: topics: carers; regions: yorkshire-and-the-humber -->\n"
        let text = try site.read(Self.card)
        #expect(text.contains(record))
        try site.write(Self.card, text.replacingOccurrences(of: record, with: ""))
        _ = try await site.run(update: true, mapping: try Self.changedMapping(site))
        let after = try site.read(Self.card)
        #expect(Self.list("topics", in: after) == ["carers"] && Self.list("regions", in: after) == ["yorkshire-and-the-humber"])
        // The record is written now, so the next update re-maps from what the feed gives today.
        #expect(after.contains("<!-- whoswho import wrote: topics: mental-health; regions: south-west -->"))
    }

    /// The imported card as a `.yml` card: the same fields, its text under `about: |`.
    static func yamlCard(_ markdown: String) throws -> String {
        let (front, body) = try #require(CardMerge.frontMatter(markdown))
        let lines = body.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false)
        return front + "about: |\n" + lines.map { $0.isEmpty ? "\n" : "  " + $0 + "\n" }.joined()
    }

    @Test func aYAMLCardIsUpdatedAndKeepsItsOwnFieldsCommentsAndText() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        _ = try await site.run()
        var yaml = try Self.yamlCard(try site.read(Self.card))
        yaml = yaml.replacingOccurrences(of: "name: Brigg Carers Coffee Morning\n", with: "name: A name the feed did not give\n")
        yaml = yaml.replacingOccurrences(of: "kind: group\n", with: "kind: group\n# Checked by phone with the group in May.\nlooking_for: Volunteers to bake cakes.\n")
        yaml = yaml.replacingOccurrences(of: "  - carers\n", with: "  - carers\n  - dementia\n")
        // A comment inside a field the update leaves as it is stays; one inside a field it
        // writes again goes, and the report says so.
        yaml = yaml.replacingOccurrences(of: "locations:\n", with: "locations:\n  # The hall at the back.\n")
        yaml = yaml.replacingOccurrences(of: "topics:\n", with: "topics:\n  # Agreed with the group.\n")
        yaml = yaml.replacingOccurrences(of: "about: |\n", with: "about: |\n  Our own words, above the feed's.\n\n")
        yaml = yaml.replacingOccurrences(of: "**Come along!**", with: "**Come along, changed by hand!**")
        try FileManager.default.removeItem(atPath: site.path + "/" + Self.card)
        let file = "cards/brigg-carers-coffee-morning.yml"
        try site.write(file, yaml)
        let outcome = try await site.run(update: true, mapping: try Self.changedMapping(site))
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.filter(\.isError))")
        #expect(!FileManager.default.fileExists(atPath: site.path + "/" + Self.card), "no second card is made")
        let after = try site.read(file)
        #expect(after.hasPrefix("name: Brigg Carers Coffee Morning\n"), "the feed's name is back")
        #expect(after.contains("kind: group\n# Checked by phone with the group in May.\nlooking_for: Volunteers to bake cakes.\n"))
        #expect(Self.list("topics", in: after) == ["dementia", "mental-health"])
        #expect(after.contains("about: |\n  Our own words, above the feed's.\n\n  <!-- whoswho import begin: service "))
        #expect(after.contains("  **Come along!**") && !after.contains("changed by hand"), "the feed's text is back")
        #expect(after.contains("locations:\n  # The hall at the back.\n  - name: Brigg Community Centre\n"))
        #expect(!after.contains("Agreed with the group"))
        #expect(outcome.report.warnings.contains { $0.hasPrefix(file) && $0.contains("'topics': # Agreed with the group.") })
        #expect(outcome.report.updated.contains { $0.hasPrefix(file) })
        #expect(outcome.report.notUpdated.isEmpty)
        let loaded = try await ContentLoader.load(site.path, today: ImportSite.today)
        let card = try #require(loaded.content?.cards.first { $0.file == file })
        #expect(card.body.plainText.hasPrefix("Our own words, above the feed's."))
        #expect(card.lookingFor == "Volunteers to bake cakes.")
    }

    /// A `.yml` card's text is written back as a literal block that reads as the same text,
    /// whatever its first line starts with; a character a block cannot hold is quoted.
    @Test func aYAMLCardsTextReadsBackAsWritten() throws {
        for text in ["One line.\n", "Two\n\nparagraphs\n", "  - an indented first line\n- then a list\n", "\n\nblank lines first\n",
                     "a tab\there\n", "a control \u{1} character\n", "# a heading, not a comment\n"] {
            let yaml = CardMerge.literal("about", text).joined(separator: "\n") + "\n"
            let root = try YAMLParser.parse(yaml)
            guard case .mapping(let pairs) = root?.value else { Issue.record("\(yaml) is not a mapping"); continue }
            #expect(pairs.first?.value.scalar == text, "\(yaml)")
        }
    }
}
