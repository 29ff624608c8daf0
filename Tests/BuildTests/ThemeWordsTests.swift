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
            kind_person: Unigolyn
            days_tuesday: Dyddiau Mawrth
            day_friday: Dydd Gwener
            week_first: cyntaf
            week_last: olaf
            list_and: "{items} ac {last}"
            meets_from_to: "{when}, o {start} tan {end}"
            meets_monthly: "{day} {weeks} y mis"
            csv_cards_name: Enw y cerdyn
            language_cy: Cymraeg
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
        try Self.expectWelshDirectoryWords(output)
    }

    /// The Welsh theme's labels, day names, meeting phrases (in their own word order),
    /// names of languages and column descriptions, on the card page and in the spreadsheets.
    static func expectWelshDirectoryWords(_ output: URL) throws {
        let ada = try FixtureBuild.text(output, "cards/ada-example/index.html")
        #expect(ada.contains("<span class=\"kind\">Unigolyn</span>"))
        #expect(ada.contains("Dyddiau Mawrth, o 10:00 tan 12:00"))
        #expect(ada.contains("Dydd Gwener cyntaf ac olaf y mis"))
        #expect(!ada.contains("Tuesdays") && !ada.contains("of the month"))
        #expect(ada.contains("<li>Cymraeg</li>") && !ada.contains("<li>Welsh</li>"))
        // A language the file leaves out keeps its English name.
        #expect(ada.contains("<li>British Sign Language</li>"))
        let cards = try FixtureBuild.text(output, "cards.csv")
        #expect(cards.contains("Dyddiau Mawrth, o 10:00 tan 12:00"))
        let metadata = try FixtureBuild.text(output, "csv-metadata.json")
        #expect(metadata.contains("\"Enw y cerdyn\""))
        #expect(!metadata.contains("The card's name"))
        // The Open Referral UK data keeps its English words.
        let oruk = output.appendingPathComponent("oruk/services")
        let records = try FileManager.default.contentsOfDirectory(atPath: oruk.path).map { oruk.appendingPathComponent("\($0)/index.json") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
            .map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        #expect(records.contains("Tuesdays, 10:00 to 12:00") && records.contains("\"Welsh\""))
        #expect(!records.contains("Dyddiau Mawrth") && !records.contains("Cymraeg"))
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
        let words = try String(contentsOfFile: file, encoding: .utf8)
        let line = words.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        try (words + "\ntopic_titel: Pwnc\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect { try Theme.load(themesDirectory: themes, name: "cymraeg", language: "cy") } throws: { error in
            let message = (error as? ThemeError)?.message ?? ""
            return message.hasPrefix(file + ":\(line):1: 'topic_titel' is not a word whoswho uses")
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
        #expect(keys == Words.allKeys)
        #expect(Words.languageKeys.count == LanguageNames.table.count)
    }

    /// Every value a card's field can take has its label in the words, so that a new
    /// value without one fails here, not on a page that shows its code instead.
    @Test func everyValueHasItsWord() {
        let named: [(String, [String])] = [
            ("kind_", Kind.allCases.map(\.rawValue)), ("status_", Status.allCases.map(\.rawValue)),
            ("format_", Format.allCases.map(\.rawValue)), ("referral_", Referral.allCases.map(\.rawValue)),
            ("way_in_", Referral.allCases.map(\.rawValue)), ("day_", Weekday.allCases.map(\.rawValue)),
            ("days_", Weekday.allCases.map(\.rawValue)), ("week_", WeekOfMonth.allCases.map(\.rawValue)),
        ]
        for (prefix, values) in named {
            for value in values {
                let key = prefix + value.replacingOccurrences(of: "-", with: "_")
                #expect(Words.Key(rawValue: key) != nil, "no word \(key)")
            }
        }
        // The English words say what the labels said when they were written in Swift.
        #expect(Words.english.label(Format.inPerson) == "In person")
        #expect(Words.english.label(Referral.dropIn) == "Drop in: just turn up")
        #expect(Words.english.language("pt-BR") == "Portuguese")
        for (tag, name) in LanguageNames.table { #expect(Words.english.language(tag) == name) }
    }
}
