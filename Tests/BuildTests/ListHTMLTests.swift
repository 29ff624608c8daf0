import Content
import Foundation
import Graph
@testable import Render
import Testing

/// Every list of entries also comes as `LIST_html`, the entries' `html` one per line,
/// so a theme can put a whole list in with one tag. It must be exactly what looping
/// over the list gives.
@Suite struct ListHTMLTests {
    @Test(arguments: [0, 1, 2, 7])
    func joinedListRendersLikeTheLoop(count: Int) throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The loop as the default theme wrote it, and the joined value, each inside the
        // usual guard that leaves out an empty list.
        let loop = "<ul>\n{{#first(cards)}}\n<ol>\n{{#cards}}\n{{{html}}}\n{{/cards}}\n</ol>\n{{/first(cards)}}\n</ul>\n"
        let joined = "<ul>\n{{#first(cards)}}\n<ol>\n{{{cards_html}}}\n</ol>\n{{/first(cards)}}\n</ul>\n"
        let theme = try FixtureBuild.probeTheme(["404": loop, "search": joined], in: folder)

        // Entries with markup, several lines and characters outside ASCII, as rendered items have.
        var list = PageContext.EntryList()
        for n in 0..<count {
            let html = "<li class=\"card\">\n<a href=\"../../cards/c\(n)/\">Café \(n) & co</a>\n</li>"
            list.append(["html": TemplateText(html), "card": ["name": TemplateText("c\(n)")]], html: html)
        }
        var values: [String: Any] = [:]
        PageContext.setList(list, as: "cards", in: &values)
        let fromLoop = theme.render("404", values)
        #expect(theme.render("search", values) == fromLoop)
        #expect(fromLoop.components(separatedBy: "<li class=").count == count + 1)
        #expect((values["cards"] as? [[String: Any]])?.count == count)
    }

    /// On every page of the fixture site (which has related cards, cards covering a region
    /// through a wider one, guides citing cards), each list's `_html` is exactly its
    /// entries' `html` one per line, at the page's own depth.
    @Test func everyListsHTMLIsItsEntriesHTML() async throws {
        let loaded = try await ContentLoader.load(FixtureBuild.valid.path, today: FixtureBuild.today)
        let graph = await SiteGraph.build(try #require(loaded.content))
        let theme = try Theme.load(themesDirectory: FixtureBuild.themes, name: "default")
        let renderer = await SiteRenderer.make(graph: graph, theme: theme, options: RenderOptions(baseURL: nil, today: FixtureBuild.today))
        var lists = 0, entries = 0
        func check(_ values: [String: Any], page: Page) {
            for (key, value) in values {
                if let list = value as? [[String: Any]], let joined = values[key + "_html"] as? TemplateText {
                    let expected = list.map { ($0["html"] as? TemplateText)?.value ?? "<no html>" }.joined(separator: "\n")
                    #expect(joined.value == expected, "\(page): \(key)_html")
                    lists += 1
                    entries += list.count
                }
                if let nested = value as? [String: Any] { check(nested, page: page) }
                if let rows = value as? [[String: Any]] { for row in rows { check(row, page: page) } }
            }
        }
        for page in renderer.pages() {
            let (_, values) = renderer.context(for: page, path: renderer.path(of: page)).values(for: page)
            check(values, page: page)
        }
        #expect(lists > 20 && entries > 40, "the fixture should have lists to compare (\(lists) lists, \(entries) entries)")
    }
}
