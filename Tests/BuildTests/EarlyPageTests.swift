import Build
import Content
import Foundation
import Testing

/// A saved card's or guide's page made ahead of the rebuild (`SiteSession.earlyPage`) is
/// the page the rebuild writes, byte for byte; where it could not be, none is made.
@Suite struct EarlyPageTests {
    static func options(_ content: URL, _ site: URL) -> BuildOptions {
        BuildOptions(contentDirectory: content.path, outputDirectory: site.path, themesDirectory: FixtureBuild.themes,
                     today: FixtureBuild.today)
    }

    /// A copy of the valid fixture built once with a new session.
    static func built() async throws -> (content: URL, site: URL, session: SiteSession) {
        let folder = try FixtureBuild.temporaryFolder()
        let content = try FixtureBuild.copyValid(into: folder)
        let site = folder.appendingPathComponent("site")
        let session = SiteSession()
        #expect(try await Builder.build(options(content, site), session: session).published)
        return (content, site, session)
    }

    @Test func aNameEditedGivesThePageTheRebuildWrites() async throws {
        let (content, site, session) = try await Self.built()
        try FixtureBuild.edit(content, "cards/memory-cafe.md") { $0.replacingOccurrences(of: "name: Memory Cafe", with: "name: Memory Café Club") }
        let file = content.appendingPathComponent("cards/memory-cafe.md").standardizedFileURL.path
        let early = try #require(await session.earlyPage(for: [file], options: Self.options(content, site)))
        #expect(early.file == "cards/memory-cafe/index.html")
        #expect(String(decoding: early.bytes, as: UTF8.self).contains("<h1>Memory Café Club</h1>"))
        #expect(try await Builder.build(Self.options(content, site), session: session).published)
        #expect([UInt8](try Data(contentsOf: site.appendingPathComponent(early.file))) == early.bytes)
    }

    @Test func aYAMLCardsBodyEditedGivesThePageTheRebuildWrites() async throws {
        let (content, site, session) = try await Self.built()
        try FixtureBuild.edit(content, "cards/carers-circle.yml") { $0.replacingOccurrences(of: "summary: ", with: "summary: Weekly. ") }
        let file = content.appendingPathComponent("cards/carers-circle.yml").standardizedFileURL.path
        let early = try #require(await session.earlyPage(for: [file], options: Self.options(content, site)))
        #expect(try await Builder.build(Self.options(content, site), session: session).published)
        #expect([UInt8](try Data(contentsOf: site.appendingPathComponent(early.file))) == early.bytes)
    }

    /// Text added above a link moves the link, not where it leads: the page is still made early.
    @Test func textAddedAboveALinkGivesThePageTheRebuildWrites() async throws {
        let (content, site, session) = try await Self.built()
        try FixtureBuild.edit(content, "cards/ada-example.md") {
            $0.replacingOccurrences(of: "## How I work\n", with: "## How I work\n\nI started in 2019.\n\nAnd I still do.\n")
        }
        let file = content.appendingPathComponent("cards/ada-example.md").standardizedFileURL.path
        let early = try #require(await session.earlyPage(for: [file], options: Self.options(content, site)))
        #expect(String(decoding: early.bytes, as: UTF8.self).contains("<p>I started in 2019.</p>"))
        #expect(try await Builder.build(Self.options(content, site), session: session).published)
        #expect([UInt8](try Data(contentsOf: site.appendingPathComponent(early.file))) == early.bytes)

        // A link that leads somewhere else is another matter.
        try FixtureBuild.edit(content, "cards/ada-example.md") {
            $0.replacingOccurrences(of: "(../guides/setting-up.md#first-steps)", with: "(../guides/measuring.md)")
        }
        #expect(await session.earlyPage(for: [file], options: Self.options(content, site)) == nil)
    }

    @Test func noPageWhenTheSaveChangesWhatOtherFilesDependOn() async throws {
        let (content, site, session) = try await Self.built()
        let file = content.appendingPathComponent("cards/memory-cafe.md").standardizedFileURL.path
        let original = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
        for (change, why) in [("topics: [dementia]", "topics: [dementia, carers]"), ("updated: 2026-01-15", "updated: 2027-01-15"),
                              ("kind: organisation", "kind: orgnisation")] {
            try Data(original.replacingOccurrences(of: change, with: why).utf8).write(to: URL(fileURLWithPath: file))
            #expect(await session.earlyPage(for: [file], options: Self.options(content, site)) == nil, "\(why)")
        }
        // Two files saved, a guide, or other options: the rebuild alone.
        try Data(original.replacingOccurrences(of: "name: Memory Cafe", with: "name: Memory").utf8).write(to: URL(fileURLWithPath: file))
        #expect(await session.earlyPage(for: [file], options: Self.options(content, site)) != nil)
        #expect(await session.earlyPage(for: [file, file], options: Self.options(content, site)) == nil)
        var other = Self.options(content, site)
        other.baseURL = "https://example.org/"
        #expect(await session.earlyPage(for: [file], options: other) == nil)
        // A file that is neither a card nor a guide the last build read.
        let topics = content.appendingPathComponent("topics.yml").standardizedFileURL.path
        #expect(await session.earlyPage(for: [topics], options: Self.options(content, site)) == nil)
    }

    @Test func aGuidesTitleAndTextEditedGiveThePageTheRebuildWrites() async throws {
        let (content, site, session) = try await Self.built()
        try FixtureBuild.edit(content, "guides/setting-up.md") {
            $0.replacingOccurrences(of: "title: Setting up peer support", with: "title: Starting peer support")
                .replacingOccurrences(of: "## First steps\n", with: "## First steps\n\nAsk who else would come.\n")
                .replacingOccurrences(of: "authors: [Sam Writer]", with: "authors: [Sam Writer, Jo Editor]")
        }
        let file = content.appendingPathComponent("guides/setting-up.md").standardizedFileURL.path
        let early = try #require(await session.earlyPage(for: [file], options: Self.options(content, site)))
        #expect(early.file == "guides/setting-up/index.html")
        let html = String(decoding: early.bytes, as: UTF8.self)
        #expect(html.contains("<h1>Starting peer support</h1>") && html.contains("Ask who else would come.") && html.contains("Jo Editor"))
        #expect(try await Builder.build(Self.options(content, site), session: session).published)
        #expect([UInt8](try Data(contentsOf: site.appendingPathComponent(early.file))) == early.bytes)
    }

    @Test func noGuidePageWhenTheSaveChangesWhatOtherFilesDependOn() async throws {
        let (content, site, session) = try await Self.built()
        let file = content.appendingPathComponent("guides/setting-up.md").standardizedFileURL.path
        let original = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
        for (change, why) in [("topics: [mental-health, carers, dementia]", "topics: [mental-health, carers]"),
                              ("regions: [london, scotland]", "regions: [london]"),
                              ("cards: [ada-example, carers-circle]", "cards: [ada-example]"),
                              ("## First steps", "## The first steps"),
                              ("updated: 2026-03-10", "updated: 2027-03-10"),
                              ("title: Setting up peer support", "title: [Setting up")] {
            #expect(original.contains(change), "the fixture has \(change)")
            try Data(original.replacingOccurrences(of: change, with: why).utf8).write(to: URL(fileURLWithPath: file))
            #expect(await session.earlyPage(for: [file], options: Self.options(content, site)) == nil, "\(why)")
        }
        try Data(original.utf8).write(to: URL(fileURLWithPath: file))
        #expect(await session.earlyPage(for: [file], options: Self.options(content, site)) != nil, "the file as it was")
    }

    @Test func noPageBeforeABuildHasPublished() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        let content = try FixtureBuild.copyValid(into: folder)
        let file = content.appendingPathComponent("cards/memory-cafe.md").standardizedFileURL.path
        let options = Self.options(content, folder.appendingPathComponent("site"))
        #expect(await SiteSession().earlyPage(for: [file], options: options) == nil)
    }
}
