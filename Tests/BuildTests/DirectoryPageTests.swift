import Build
import Foundation
import Testing

/// What a card page shows of the directory fields, beyond the snapshot of the fixture's
/// richest card: a place's missing values never borrow the card's own.
@Suite struct DirectoryPageTests {
    @Test func aPlaceWithoutANameShowsNoName() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        try FixtureBuild.edit(content, "cards/carers-circle.yml") {
            $0.replacingOccurrences(of: "about: |", with: """
                locations:
                  - address: 2 Example Road
                    town: Edinburgh
                    postcode: EH1 1AA
                about: |
                """)
        }
        let site = folder.appendingPathComponent("site")
        let report = try await FixtureBuild.build(content, into: site)
        #expect(report.published)
        let page = try FixtureBuild.text(site, "cards/carers-circle/index.html")
        #expect(page.contains("<p class=\"place-address\">2 Example Road<br>Edinburgh<br>EH1 1AA</p>"))
        // The card's name is its heading, and nowhere in the place.
        #expect(!page.contains("class=\"place-name\""))
        #expect(!page.contains("class=\"place-access\""))
        #expect(!page.contains("class=\"place-map\""))
        // Nothing runs from Carers Circle, so there is no list of what it runs.
        #expect(!page.contains("class=\"runs\""))
    }

    @Test func aCardWithoutLanguagesOrWaysInShowsNeitherHeading() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        try FixtureBuild.edit(content, "cards/carers-circle.yml") {
            $0.replacingOccurrences(of: "about: |", with: "cost: free\nabout: |")
        }
        let site = folder.appendingPathComponent("site")
        let report = try await FixtureBuild.build(content, into: site)
        #expect(report.published)
        let page = try FixtureBuild.text(site, "cards/carers-circle/index.html")
        #expect(page.contains("<dt>Cost</dt>"))
        #expect(!page.contains("<dt>Languages</dt>"))
        #expect(!page.contains("<dt>How to join</dt>"))
    }
}
