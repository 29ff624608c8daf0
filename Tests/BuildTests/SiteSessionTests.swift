import Build
import Content
import Foundation
import TestSupport
import Testing

/// A build with a session that outlives it gives the same site as a fresh build, and
/// reads again only the files changed since the last.
@Suite struct SiteSessionTests {
    /// Every file under `folder`, hidden ones too, by relative path, with its bytes.
    static func files(_ folder: URL) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        while let relative = walker.nextObject() as? String {
            let path = folder.path + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            out[relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return out
    }

    /// Every folder under `folder`, hidden ones too, by relative path.
    static func folders(_ folder: URL) -> Set<String> {
        var out = Set<String>()
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + relative, isDirectory: &isFolder), isFolder.boolValue {
                out.insert(relative)
            }
        }
        return out
    }

    /// Builds `content` with `session` into `kept` and without one into `fresh`, and
    /// expects the same diagnostics and the same files, byte for byte, and the files the
    /// session's build lists as changed to be those that changed.
    @discardableResult
    static func expectSameSite(_ content: URL, session: SiteSession, kept: URL, fresh: URL, step: String, publishes: Bool = true,
                               sourceLocation: SourceLocation = #_sourceLocation) async throws -> BuildReport {
        func options(_ output: URL) -> BuildOptions {
            BuildOptions(contentDirectory: content.path, outputDirectory: output.path, themesDirectory: FixtureBuild.themes,
                         today: FixtureBuild.today)
        }
        let earlier = try files(kept)
        let withSession = try await Builder.build(options(kept), session: session)
        let without = try await Builder.build(options(fresh))
        #expect(withSession.diagnostics == without.diagnostics, "\(step): diagnostics differ", sourceLocation: sourceLocation)
        #expect(withSession.published == publishes && without.published == publishes, "\(step)", sourceLocation: sourceLocation)
        #expect(withSession.files == without.files && withSession.bytes == without.bytes, "\(step)", sourceLocation: sourceLocation)
        let a = try files(kept), b = try files(fresh)
        #expect(!a.isEmpty, "\(step): nothing was built", sourceLocation: sourceLocation)
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): the session's build differs in \(differing.prefix(10))", sourceLocation: sourceLocation)
        // A folder the new site no longer has is gone too, even from a folder built in before.
        let folderDifference = folders(kept).symmetricDifference(folders(fresh)).sorted()
        #expect(folderDifference.isEmpty, "\(step): the folders differ in \(folderDifference.prefix(10))", sourceLocation: sourceLocation)
        // The files the build says it changed are exactly those whose bytes changed.
        if let changed = withSession.changedFiles {
            let reallyChanged = Set(a.keys).union(earlier.keys).filter { a[$0] != earlier[$0] }
            #expect(Set(changed) == reallyChanged, "\(step): listed \(Set(changed).symmetricDifference(reallyChanged).sorted().prefix(10)) wrongly",
                    sourceLocation: sourceLocation)
        } else {
            #expect(earlier.isEmpty || !publishes, "\(step): the build did not list its changes", sourceLocation: sourceLocation)
        }
        return withSession
    }

    /// Sets the time of every file and folder under `folder` (and of it) to 1 January
    /// 2026, well past any clock tick, so that its stamps are trusted.
    static func backdate(_ folder: URL) throws {
        let past = Date(timeIntervalSince1970: 1_767_225_600)
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder.path + "/" + relative)
        }
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder.path)
    }

    static let words = ["Harbour", "Willow", "Lantern", "Meadow", "Beacon", "Compass", "Orchard", "Kestrel", "Thistle", "Bramble"]

    static func phrase(_ count: Int, _ generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
    }

    static func card(name: String, body: String) -> String {
        """
        ---
        name: \(name)
        kind: group
        summary: Example card. A group made up for a test.
        topics: [mental-health]
        regions: [london]
        updated: 2026-02-03
        contact:
          email: group@example.org
        ---

        \(body)

        """
    }

    /// Replaces a card's `name:` line and adds a paragraph to its text.
    static func rename(card path: URL, to name: String, adding paragraph: String) throws {
        var text = try String(contentsOf: path, encoding: .utf8)
        let line = try #require(text.range(of: #"(?m)^name: .*$"#, options: .regularExpression))
        text.replaceSubrange(line, with: "name: \(name)")
        // A .yml card's text is its `about: |` block, the file's last field.
        text += path.pathExtension == "yml" ? "\n  \(paragraph)\n" : "\n\(paragraph)\n"
        try Data(text.utf8).write(to: path)
    }

    @Test func editsRebuiltWithASessionGiveTheSiteAFreshBuildGives() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        // Stamps that are trusted, so unchanged files are taken without being read.
        try Self.backdate(content)
        let cards = content.appendingPathComponent("cards")
        let kept = folder.appendingPathComponent("kept"), fresh = folder.appendingPathComponent("fresh")
        let session = SiteSession()
        var generator = SeededGenerator(seed: 2026_12_06)
        @discardableResult
        func same(_ step: String) async throws -> BuildReport {
            try await Self.expectSameSite(content, session: session, kept: kept, fresh: fresh, step: step)
        }
        try await same("first build")
        func folderStamp() throws -> FileStamp { try #require(FileStamp.of(kept.path, followingLinks: false)) }
        let first = try folderStamp()

        let existing = try FileManager.default.contentsOfDirectory(atPath: cards.path).sorted()
        let edited = existing.randomElement(using: &generator)!
        try Self.rename(card: cards.appendingPathComponent(edited), to: Self.phrase(2, &generator),
                        adding: Self.phrase(6, &generator) + ".")
        try await same("\(edited)'s name and text edited")
        let second = try folderStamp()

        let added = (0..<2).map { _ in "added-" + Self.phrase(2, &generator).lowercased().replacingOccurrences(of: " ", with: "-") }
        for (k, slug) in added.enumerated() {
            try Data(Self.card(name: Self.phrase(3, &generator), body: Self.phrase(8, &generator)).utf8)
                .write(to: cards.appendingPathComponent("\(slug)-\(k).md"))
        }
        try await same("two cards added")
        // The third site is built in the folder of the first, which the second replaced.
        let third = try folderStamp()
        #expect(!second.isSameFile(as: first) && third.isSameFile(as: first))

        let deleted = Int.random(in: 0..<2, using: &generator)
        try FileManager.default.removeItem(at: cards.appendingPathComponent("\(added[deleted])-\(deleted).md"))
        try await same("a card deleted")

        let other = 1 - deleted
        try FileManager.default.moveItem(at: cards.appendingPathComponent("\(added[other])-\(other).md"),
                                        to: cards.appendingPathComponent("renamed-\(other).md"))
        try await same("a card's file renamed")

        let broken = existing.randomElement(using: &generator)!
        let brokenPath = cards.appendingPathComponent(broken)
        let before = try Data(contentsOf: brokenPath)
        try FixtureBuild.edit(cards, broken) { $0.replacingOccurrences(of: "kind: ", with: "kind: [unclosed ") }
        try await Self.expectSameSite(content, session: session, kept: kept, fresh: fresh, step: "\(broken) made invalid",
                                      publishes: false)
        try before.write(to: brokenPath)
        try await same("\(broken) made valid again")

        let touched = try FileManager.default.contentsOfDirectory(atPath: cards.path).sorted().randomElement(using: &generator)!
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: cards.appendingPathComponent(touched).path)
        let untouched = try await same("\(touched) touched")
        // Nothing changed, so no page was rendered again: each was linked as it was.
        #expect(untouched.pagesRendered == 0 && untouched.changedFiles == [])

        // A page of the published site written over by hand is rendered again.
        let page = kept.appendingPathComponent("cards").appendingPathComponent(URL(fileURLWithPath: touched).deletingPathExtension().lastPathComponent)
            .appendingPathComponent("index.html")
        try Data("written by hand".utf8).write(to: page)
        let mended = try await same("a page of the site written over")
        #expect(mended.pagesRendered == 1)
    }

    @Test func onlyChangedFilesAreReadAgain() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        let themes = folder.appendingPathComponent("themes")
        try FileManager.default.copyItem(atPath: FixtureBuild.themes, toPath: themes.path)
        try Self.backdate(content)
        try Self.backdate(themes)
        let session = SiteSession()
        let options = BuildOptions(contentDirectory: content.path, outputDirectory: folder.appendingPathComponent("site").path,
                                   themesDirectory: themes.path, today: FixtureBuild.today)
        func build() async throws -> SiteSession.Use {
            let report = try await Builder.build(options, session: session)
            #expect(report.published)
            return await session.lastUse
        }
        let documents = 6
        #expect(try await build() == .init(filesRead: documents, filesParsed: documents, themeCompiled: true))
        #expect(try await build() == .init(filesRead: 0, filesParsed: 0, themeCompiled: false))

        try FixtureBuild.edit(content, "cards/memory-cafe.md") { $0.replacingOccurrences(of: "Memory Cafe", with: "Memory Café") }
        #expect(try await build() == .init(filesRead: 1, filesParsed: 1, themeCompiled: false))
        // Written just now, so its stamp is not yet trusted: read again, but not parsed.
        #expect(try await build() == .init(filesRead: 1, filesParsed: 0, themeCompiled: false))

        try FixtureBuild.edit(themes, "default/templates/card.mustache") { $0 + "\n" }
        #expect(try await build().themeCompiled)
    }

    /// A file written twice within one tick of the file system's clock, at the same size,
    /// keeps its stamp: its bytes, kept while its time is recent, show the change.
    @Test func aChangeThatKeepsTheStampIsSeen() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        let session = SiteSession()
        let kept = folder.appendingPathComponent("kept"), fresh = folder.appendingPathComponent("fresh")
        try await Self.expectSameSite(content, session: session, kept: kept, fresh: fresh, step: "first build")

        let path = content.appendingPathComponent("cards/memory-cafe.md").path
        let stamp = try #require(FileStamp.of(path, followingLinks: false))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let offset = try #require(text.utf8.firstRange(of: "Memory Cafe".utf8)).lowerBound
        try handle.seek(toOffset: UInt64(text.utf8.distance(from: text.utf8.startIndex, to: offset)))
        let replacement = Data("Mémory Caf".utf8)
        #expect(replacement.count == "Memory Cafe".utf8.count)
        try handle.write(contentsOf: replacement)
        try handle.close()
        var times = [timespec(tv_sec: Int(stamp.modified / 1_000_000_000), tv_nsec: Int(stamp.modified % 1_000_000_000))]
        times.append(times[0])
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        #expect(FileStamp.of(path, followingLinks: false) == stamp, "the stamp should be as it was")

        try await Self.expectSameSite(content, session: session, kept: kept, fresh: fresh, step: "same stamp, new bytes")
        #expect(await session.lastUse.filesParsed == 1)
    }
}
