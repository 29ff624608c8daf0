import Build
import Content
import Foundation
import Render
import Testing

/// Static files are copied to the top of the site, beside the pages and files whoswho
/// and the theme write. `check` must refuse every one in their way, so that whatever
/// `check` accepts, `build` builds.
@Suite struct StaticInTheWayTests {
    /// A static file and the file or folder of static/ that is reported for it.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var reported: String
        var testDescription: String { file }
    }

    static let cases = [
        Case(file: "cards", reported: "static/cards"),                       // a file where the card pages' folder goes
        Case(file: "index.html/notes.txt", reported: "static/index.html"),   // a folder where the home page goes
        Case(file: "cards/index.html", reported: "static/cards"),            // the card list itself
        Case(file: "topics/carers/london/index.html", reported: "static/topics"),
        Case(file: "search/data/manifest.json", reported: "static/search"),
        Case(file: "robots.txt", reported: "static/robots.txt"),
        Case(file: "404.html", reported: "static/404.html"),
        Case(file: "style.css", reported: "static/style.css"),                // the default theme's own file
        Case(file: "search.js/x.js", reported: "static/search.js"),
    ]

    @Test(arguments: cases)
    func checkRefusesWhatBuildCouldNotWrite(_ c: Case) async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        try FixtureBuild.write("in the way", to: content, "static/" + c.file)

        let checked = try await Builder.check(contentDirectory: content.path, themesDirectory: FixtureBuild.themes, today: FixtureBuild.today)
        let errors = checked.diagnostics.filter(\.isError)
        #expect(errors.map(\.file) == [content.path + "/" + c.reported], "\(DiagnosticFormat.text.render(checked.diagnostics))")
        #expect(checked.content == nil)

        // The build refuses it with the same words, as a content error, not a failure to write.
        let output = folder.appendingPathComponent("site")
        let built = try await FixtureBuild.build(content, into: output)
        #expect(!built.published)
        #expect(built.diagnostics == checked.diagnostics)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func staticFilesBesideThePagesAreFine() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        for file in ["files/cards/index.html", "files/style.css", "cards.txt", "index.html.bak", "searching/x.txt"] {
            try FixtureBuild.write(file, to: content, "static/" + file)
        }
        let checked = try await Builder.check(contentDirectory: content.path, themesDirectory: FixtureBuild.themes, today: FixtureBuild.today)
        #expect(checked.diagnostics == [], "\(DiagnosticFormat.text.render(checked.diagnostics))")
        let output = folder.appendingPathComponent("site")
        let built = try await FixtureBuild.build(content, into: output)
        #expect(built.published)
        #expect(try FixtureBuild.text(output, "files/cards/index.html") == "files/cards/index.html")
    }

    /// GeneratedPaths.reserved is what the checker keeps static files out of; a page or
    /// data file written anywhere else (a new feed, say) would go unguarded.
    @Test func everyPageAndDataFileIsUnderAReservedPath() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await FixtureBuild.buildValid(in: folder)
        let theme = try Theme.load(themesDirectory: FixtureBuild.themes, name: "default")
        let ownFiles = Set(theme.assets.map(\.path) + ["images/x.svg", ".whoswho-site"])
        let written = try FolderState(output).files.filter { !ownFiles.contains($0) }
        let reserved = GeneratedPaths.reserved
        for file in written {
            let top = String(file.prefix { $0 != "/" })
            let covered = reserved.contains { $0.isFolder ? $0.path == top : $0.path == file }
            #expect(covered, "\(file) is written by whoswho but not in GeneratedPaths.reserved")
        }
        // And every reserved name is really written: the list holds nothing stale.
        for entry in reserved {
            #expect(written.contains { $0 == entry.path || $0.hasPrefix(entry.path + "/") }, "\(entry.path) is reserved but never written")
        }
    }

    /// The files the site writes only when one would be too large (a sitemap's parts, a
    /// spreadsheet's) are kept free too, whatever the case, though a small site has none.
    @Test func theNumberedPartsOfLargeFilesAreKeptFree() {
        let found = GeneratedPaths.collisions(staticFiles: ["sitemap-2.xml", "Cards-3.CSV", "coverage-1.csv/x.txt",
                                                            "sitemap-notes.xml", "cards-final.csv", "files/sitemap-2.xml"],
                                              with: GeneratedPaths.reserved) { $0 }
        #expect(found.map(\.file) == ["static/sitemap-2.xml", "static/Cards-3.CSV", "static/coverage-1.csv"])
        #expect(found.first?.message.contains("the parts of a sitemap too long for one file") == true)
    }

    /// The build's last wall: a theme file in the way of a page folder (which the
    /// content cannot cause) is an error, not a failed write.
    @Test func aThemeFileWhereAPageFolderGoesIsAnError() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        _ = try FixtureBuild.probeTheme([:], in: folder)
        let themes = folder.appendingPathComponent("themes")
        try FixtureBuild.write("body {}", to: themes, "probe/assets/guides")
        let output = folder.appendingPathComponent("site")
        let report = try await Builder.build(BuildOptions(contentDirectory: content.path, outputDirectory: output.path,
                                                          themesDirectory: themes.path, theme: "probe", today: FixtureBuild.today))
        #expect(!report.published)
        #expect(report.diagnostics.filter(\.isError).map(\.message).contains {
            $0.hasPrefix("this would be written to 'guides/index.html' in the site, inside 'guides', where ") && $0.hasSuffix("probe/assets/guides is written as a file; rename one")
        }, "\(DiagnosticFormat.text.render(report.diagnostics))")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
