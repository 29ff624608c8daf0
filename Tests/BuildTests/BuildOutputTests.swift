import Build
import Content
import Foundation
import Testing

/// What a build does to the output folder: same bytes every time, nothing written on
/// an error, nothing rewritten that did not change, the swap leaves nothing behind.
@Suite struct BuildOutputTests {
    @Test func twoBuildsOfTheSameContentAreByteIdentical() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        for baseURL in [nil, FixtureBuild.baseURL] {
            let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")
            #expect(try await FixtureBuild.build(content, into: first, baseURL: baseURL).published)
            #expect(try await FixtureBuild.build(content, into: second, baseURL: baseURL).published)
            let a = try FolderState(first), b = try FolderState(second)
            #expect(a.files.count > 50)
            #expect(a.files == b.files)
            let differing = a.files.filter { a.entries[$0]?.bytes != b.entries[$0]?.bytes }
            #expect(differing == [], "files whose bytes differ between two builds (base URL \(baseURL ?? "none"))")
            try FileManager.default.removeItem(at: first)
            try FileManager.default.removeItem(at: second)
        }
    }

    @Test func aBuildWithAnErrorLeavesThePreviousSiteExactlyAsItWas() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try await FixtureBuild.buildValid(in: folder)
        let content = folder.appendingPathComponent("content")
        try FixtureBuild.write("/.whoswho-*\n", to: site, ".gitignore")
        let before = try FolderState(site)
        let siblingsBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()

        try FixtureBuild.edit(content, "cards/memory-cafe.md") { $0.replacingOccurrences(of: "topics: [dementia]", with: "topics: [dementa]") }
        let report = try await FixtureBuild.build(content, into: site)

        #expect(!report.published)
        #expect(report.files == 0)
        let errors = report.diagnostics.filter(\.isError)
        #expect(errors.map(\.file) == [content.path + "/cards/memory-cafe.md"])
        #expect(errors.map(\.line) == [5])
        // What `whoswho build` prints: the compiler's format, pointing at the line.
        let printed = DiagnosticFormat.text.render(report.diagnostics)
        #expect(printed.hasPrefix(content.path + "/cards/memory-cafe.md:5:"), "\(printed)")
        #expect(printed.contains(": error: unknown topic 'dementa'"), "\(printed)")

        let after = try FolderState(site)
        #expect(after == before, "changed by a failed build: \(after.differences(from: before))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == siblingsBefore,
                "a failed build left something beside the site")
    }

    @Test func aSuccessfulBuildLeavesNoStagingFolderBehind() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await FixtureBuild.buildValid(in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["content", "site"])
        // A second build swaps with a published site in place.
        #expect(try await FixtureBuild.build(folder.appendingPathComponent("content"), into: folder.appendingPathComponent("site")).published)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["content", "site"])
    }

    @Test func aRebuildThatChangesNothingRewritesNothing() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try await FixtureBuild.buildValid(in: folder)
        let before = try FolderState(site)
        let report = try await FixtureBuild.build(folder.appendingPathComponent("content"), into: site)
        #expect(report.published)
        #expect(report.written == 0)
        #expect(report.files == before.files.count)
        let after = try FolderState(site)
        #expect(after.files == before.files)
        // Same inode and mtime: each file was linked from the published site, not written.
        let rewritten = before.files.filter { before.entries[$0] != after.entries[$0] }
        #expect(rewritten == [], "rewritten by a build that changed nothing")
    }

    @Test func editingOneCardRewritesItsPageAndLeavesUnrelatedPagesAlone() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try await FixtureBuild.buildValid(in: folder)
        let content = folder.appendingPathComponent("content")
        let before = try FolderState(site)

        try FixtureBuild.edit(content, "cards/memory-cafe.md") {
            $0.replacingOccurrences(of: "This is a fictional example card.", with: "This is a fictional example card, edited.")
        }
        let report = try await FixtureBuild.build(content, into: site)
        #expect(report.published)
        let after = try FolderState(site)
        #expect(after.files == before.files)

        let page = "cards/memory-cafe/index.html"
        #expect(after.entries[page]?.bytes != before.entries[page]?.bytes)
        #expect(after.entries[page]?.inode != before.entries[page]?.inode, "the edited card's page was not written afresh")
        #expect(try FixtureBuild.text(site, page).contains("This is a fictional example card, edited."))

        for unrelated in ["index.html", "cards/index.html", "cards/ada-example/index.html", "guides/setting-up/index.html",
                          "topics/dementia/index.html", "regions/england/index.html", "style.css", "images/x.svg"] {
            #expect(after.entries[unrelated] == before.entries[unrelated], "\(unrelated) was rewritten")
        }
        // The general rule: a file whose bytes did not change keeps its inode and mtime.
        let unchangedBytes = before.files.filter { before.entries[$0]?.bytes == after.entries[$0]?.bytes }
        #expect(unchangedBytes.filter { before.entries[$0] != after.entries[$0] } == [])
        #expect(report.written == before.files.count - unchangedBytes.count)
    }

    @Test func aRemovedCardsPageIsGoneAfterTheNextBuild() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try await FixtureBuild.buildValid(in: folder)
        let content = folder.appendingPathComponent("content")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("cards/memory-cafe/index.html").path))
        // Memory Cafe is the only dementia card in England: the guide keeps the topic in use.
        try FileManager.default.removeItem(at: content.appendingPathComponent("cards/memory-cafe.md"))
        try FixtureBuild.edit(content, "cards/peer-network.md") {
            $0.replacingOccurrences(of: " Members include the [Memory Cafe](../cards/memory-cafe.md).", with: "")
        }
        try FixtureBuild.edit(content, "cards/ada-example.md") { $0.replacingOccurrences(of: "organisation: memory-cafe\n", with: "") }
        let report = try await FixtureBuild.build(content, into: site)
        #expect(report.diagnostics.filter(\.isError) == [], "\(DiagnosticFormat.text.render(report.diagnostics))")
        #expect(report.published)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("cards/memory-cafe").path))
    }

    /// A static file on the path of a generated page or data file; one in a folder of
    /// generated pages is reported at its folder of static/, which is what must move.
    @Test(arguments: [("index.json", "index.json"), ("cards/ada-example/index.html", "cards"), ("feed.xml", "feed.xml"), ("style.css", "style.css")])
    func twoFilesOnOnePathAreAnErrorAndNothingIsWritten(staticFile: String, reported: String) async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        try FixtureBuild.write("{}\n", to: content, "static/" + staticFile)
        let output = folder.appendingPathComponent("site")

        let report = try await FixtureBuild.build(content, into: output)

        #expect(!report.published)
        let errors = report.diagnostics.filter(\.isError)
        #expect(errors.count == 1)
        // The diagnostic names both files and the path they share.
        let error = try #require(errors.first)
        #expect(error.file == content.path + "/static/" + reported, "\(error)")
        #expect(error.message.contains("'\(reported)'"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["content"], "the build wrote something")
    }

    @Test func theOutputFoldersOwnGitignoreSurvivesEveryBuild() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        let site = folder.appendingPathComponent("site")
        // Like the repository's site/: tracked, holding only its .gitignore.
        let ignore = "# Built by `make site`.\n*\n!.gitignore\n"
        try FixtureBuild.write(ignore, to: site, ".gitignore")

        #expect(try await FixtureBuild.build(content, into: site).published)
        #expect(try FixtureBuild.text(site, ".gitignore") == ignore)
        try FixtureBuild.edit(content, "cards/memory-cafe.md") { $0 + "\nMore.\n" }
        #expect(try await FixtureBuild.build(content, into: site).published)
        #expect(try FixtureBuild.text(site, ".gitignore") == ignore)
    }
}
