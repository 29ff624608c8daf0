import Build
import Content
import Foundation
@testable import Render
import Testing

/// The words whoswho writes into pages come from the theme, in the site's language, so a
/// translated theme needs no change to whoswho.
@Suite struct ThemeWordsTests {
    /// A theme `cymraeg` whose words/cy.yml gives a few words in Welsh.
    static func welshTheme(in folder: URL) throws -> String {
        let themes = folder.appendingPathComponent("themes")
        try FileManager.default.copyItem(atPath: FixtureBuild.themes + "/default", toPath: themes.appendingPathComponent("default").path)
        let words = themes.appendingPathComponent("cymraeg/words")
        try FileManager.default.createDirectory(at: words, withIntermediateDirectories: true)
        try """
            topics_title: Pynciau
            topics_description: "Cymorth gan gymheiriaid, fesul pwnc."
            not_found_title: Heb ddod o hyd i'r dudalen
            date: "{day} {month} {year}"
            month_3: Mawrth
            month_4: Ebrill
            """.write(to: words.appendingPathComponent("cy.yml"), atomically: true, encoding: .utf8)
        return themes.path
    }

    @Test func aSiteInWelshTakesItsWordsFromTheThemesWelshFile() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let themes = try Self.welshTheme(in: folder)
        let content = try FixtureBuild.copyValid(into: folder)
        try FixtureBuild.edit(content, "site.yml") { $0.replacingOccurrences(of: "language: en-GB", with: "language: cy-GB") }
        let output = folder.appendingPathComponent("site")
        let report = try await Builder.build(BuildOptions(contentDirectory: content.path, outputDirectory: output.path,
                                                          themesDirectory: themes, theme: "cymraeg", today: FixtureBuild.today))
        #expect(report.published, "\(DiagnosticFormat.text.render(report.diagnostics))")
        let topics = try FixtureBuild.text(output, "topics/index.html")
        #expect(topics.contains("<title>Pynciau · "))
        #expect(topics.contains("Cymorth gan gymheiriaid, fesul pwnc."))
        #expect(!topics.contains("Peer support by topic"))
        #expect(try FixtureBuild.text(output, "404.html").contains("Heb ddod o hyd i&#39;r dudalen"))
        // A key the Welsh file leaves out keeps its English.
        #expect(try FixtureBuild.text(output, "regions/index.html").contains("<title>Regions · "))
        // Dates use the Welsh month names the file gives.
        let guides = try FixtureBuild.text(output, "guides/index.html")
        #expect(guides.contains(" Mawrth 2026</time>") || guides.contains(" Ebrill 2026</time>"))
        #expect(!guides.contains(" March 2026") && !guides.contains(" April 2026"))
    }

    @Test func theSameContentInEnglishKeepsTheDefaultWords() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await FixtureBuild.buildValid(in: folder)
        #expect(try FixtureBuild.text(output, "topics/index.html").contains("<title>Topics · "))
    }

    /// A word whoswho does not use is a mistake in the theme, shown at its line.
    @Test func anUnknownWordIsAnErrorAtItsLine() throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let themes = try Self.welshTheme(in: folder)
        let file = themes + "/cymraeg/words/cy.yml"
        try (String(contentsOfFile: file, encoding: .utf8) + "\ntopic_titel: Pwnc\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect { try Theme.load(themesDirectory: themes, name: "cymraeg", language: "cy") } throws: { error in
            let message = (error as? ThemeError)?.message ?? ""
            return message.hasPrefix(file + ":7:1: 'topic_titel' is not a word whoswho uses")
        }
    }

    /// Every word whoswho asks for is in the default theme's English file, and the file
    /// holds no word whoswho no longer asks for.
    @Test func theDefaultWordsFileHoldsExactlyTheWordsAsked() throws {
        let text = try String(contentsOfFile: FixtureBuild.themes + "/default/words/en.yml", encoding: .utf8)
        let keys = Set(text.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first.isLetter, let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        })
        #expect(keys == Set(Words.Key.allCases.map(\.rawValue)))
    }
}
