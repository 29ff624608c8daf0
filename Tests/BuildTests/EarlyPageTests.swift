import Build
import Content
import Foundation
import Testing

/// A saved card's page made ahead of the rebuild (`SiteSession.earlyPage`) is the page
/// the rebuild writes, byte for byte; where it could not be, none is made.
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
        let guide = content.appendingPathComponent("guides").path
        let guideFile = try #require(try FileManager.default.contentsOfDirectory(atPath: guide).first)
        #expect(await session.earlyPage(for: [guide + "/" + guideFile], options: Self.options(content, site)) == nil)
    }

    @Test func noPageBeforeABuildHasPublished() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        let content = try FixtureBuild.copyValid(into: folder)
        let file = content.appendingPathComponent("cards/memory-cafe.md").standardizedFileURL.path
        let options = Self.options(content, folder.appendingPathComponent("site"))
        #expect(await SiteSession().earlyPage(for: [file], options: options) == nil)
    }
}
