import Content
import Foundation
@testable import Import
import Testing

/// What the import makes of a feed comes back the same when the site's own export is
/// imported again: import → build → export → import.
@Suite(.serialized) struct ExportReimportTests {
    /// The export's services as one saved ORUK 3.0 list.
    static func saveAsFeed(_ services: [[String: Any]], in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let list: [String: Any] = ["total_items": services.count, "total_pages": 1, "page_number": 1, "size": services.count,
                                   "first_page": true, "last_page": true, "empty": services.isEmpty, "contents": services]
        try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]).write(to: URL(fileURLWithPath: folder + "/services.json"))
        return folder
    }

    @Test func formatsNamesEligibilityAndWaysInSurviveTheExport() async throws {
        let first = try ImportSite(), second = try ImportSite()
        defer { first.remove(); second.remove() }
        _ = try await first.run()
        let exported = try await first.exportedServices()
        let feed = try Self.saveAsFeed(exported.keys.sorted().compactMap { exported[$0] }, in: second.path + "-feed")
        defer { try? FileManager.default.removeItem(atPath: feed) }
        let outcome = try await second.run(feed: feed, mapping: nil)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.filter(\.isError))")
        let before = try #require(try await ContentLoader.load(first.path, today: ImportSite.today).content)
        let after = try #require(try await ContentLoader.load(second.path, today: ImportSite.today).content)
        var withFormats = 0, compared = 0
        for card in before.cards where card.kind != .organisation {
            let id = try #require(card.details.orukID.map { $0 } ?? exported.values.first { $0["name"] as? String == card.name }?["id"] as? String)
            let again = try #require(after.cards.first { $0.details.orukID == id && $0.kind != .organisation }, "\(card.slug) is imported again")
            #expect(again.formats == card.formats, "\(card.slug)'s formats")
            #expect(again.name == card.name)
            #expect(again.details.eligibility == card.details.eligibility, "\(card.slug)'s eligibility")
            #expect(Set(again.details.referral) == Set(card.details.referral), "\(card.slug)'s ways in")
            if !card.formats.isEmpty { withFormats += 1 }
            compared += 1
        }
        #expect(compared >= 50 && withFormats >= 30)
    }
}
