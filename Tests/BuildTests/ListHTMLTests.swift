import Foundation
@testable import Render
import Testing

/// Every list of entries also comes as `LIST_html`, the entries' `html` one per line,
/// so a theme can put a whole list in with one tag. It must be exactly what looping
/// over the list gives.
@Suite struct ListHTMLTests {
    @Test(arguments: [0, 1, 2, 7])
    func joinedListRendersLikeTheLoop(count: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-lh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("probe/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FixtureBuild.themes + "/default", toPath: folder.appendingPathComponent("default").path)
        // The loop as the default theme wrote it, and the joined value, each inside the
        // usual guard that leaves out an empty list.
        let loop = "<ul>\n{{#first(cards)}}\n<ol>\n{{#cards}}\n{{{html}}}\n{{/cards}}\n</ol>\n{{/first(cards)}}\n</ul>\n"
        let joined = "<ul>\n{{#first(cards)}}\n<ol>\n{{{cards_html}}}\n</ol>\n{{/first(cards)}}\n</ul>\n"
        try loop.write(to: templates.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        try joined.write(to: templates.appendingPathComponent("search.mustache"), atomically: true, encoding: .utf8)
        let theme = try Theme.load(themesDirectory: folder.path, name: "probe")

        // Entries with markup, several lines and characters outside ASCII, as rendered items have.
        let entries: [[String: Any]] = (0..<count).map { n in
            ["html": TemplateText("<li class=\"card\">\n<a href=\"../../cards/c\(n)/\">Café \(n) & co</a>\n</li>"), "card": ["name": TemplateText("c\(n)")]]
        }
        var values: [String: Any] = [:]
        PageContext.setList(entries, as: "cards", in: &values)
        let fromLoop = theme.render("404", values)
        #expect(theme.render("search", values) == fromLoop)
        #expect(fromLoop.components(separatedBy: "<li class=").count == count + 1)
        #expect((values["cards"] as? [[String: Any]])?.count == count)
    }
}
