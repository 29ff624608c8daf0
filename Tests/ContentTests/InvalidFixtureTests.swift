import Content
import Foundation
import Testing

/// One test per folder under Tests/Fixtures/invalid: the fixture laid over the valid
/// site must produce exactly the diagnostics in its expected.txt, no more and no fewer.
@Suite struct InvalidFixtureTests {
    @Test(arguments: Fixtures.invalidRules)
    func producesExactlyTheExpectedDiagnostics(rule: String) async throws {
        let folder = Fixtures.folder.appendingPathComponent("invalid").appendingPathComponent(rule)
        let expectedText = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty, "expected.txt lists no diagnostic")

        let overlay = TemporarySite.files(in: folder).filter { $0 != "expected.txt" }
        let generate = Fixtures.generated[rule]
        #expect(!overlay.isEmpty || generate != nil, "the fixture neither holds files nor has generated ones")

        let site = try TemporarySite(overlay: "invalid/" + rule)
        defer { site.remove() }
        try generate?(site.directory)
        let result = try await site.load()

        #expect(result.diagnostics.map(site.line) == expected)
        // The model is only built when there is no error.
        #expect((result.content == nil) == expected.contains { $0.hasPrefix("error ") })
        // `whoswho check` loads for the diagnostics only, and must find every one the build finds.
        let checked = try await site.check()
        #expect(checked.diagnostics == result.diagnostics)
        #expect(checked.content == nil)
    }

    /// A "billion laughs" file is refused at the alias limit, not expanded.
    @Test func aliasBombIsRefusedAtTheLimit() async throws {
        let site = try TemporarySite(overlay: "invalid/alias-bomb")
        defer { site.remove() }
        let result = try await site.load()
        #expect(result.diagnostics.contains { $0.message.contains("expands to more than 100000 values") })
    }

    @Test func aMissingFolderIsALoadFailure() async {
        await #expect(throws: LoadFailure("no content folder at '/no/such/folder'; run whoswho from the project's folder (the one that holds content/), or name the folder with --content DIR")) {
            try await ContentLoader.load("/no/such/folder", today: Fixtures.today)
        }
    }

    /// An unreadable file is an I/O problem (exit 2), not a content error. Root can
    /// read anything, so this only runs for other users.
    @Test(.enabled(if: getuid() != 0, "root can read a file whatever its permissions"),
          arguments: ["cards/memory-cafe.md", "topics.yml"])
    func anUnreadableFileIsALoadFailure(file: String) async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let path = site.directory.appendingPathComponent(file).path
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        await #expect(throws: LoadFailure("cannot read '\(path)'")) {
            try await site.load()
        }
    }
}
