import Support
@testable import Render
import Build
import Content
import Foundation
import Testing

/// Every list cut into pages of site.yml's `page_size`: each entry on exactly one page,
/// no page over the size, the first page at the list's own address, the others linked
/// in order and in the sitemap; and a topic-by-region page that lists the region's own
/// cards and signposts the rest by count.
@Suite struct ListPaginationTests {
    /// A site of `cards` carers cards: card-00 … in London, then in England, then UK-wide
    /// (a third each), with two cards a page.
    static func makeSite(cards: Int, in folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("content")
        try FixtureBuild.write("title: Pages\npage_size: 2\n", to: content, "site.yml")
        try FixtureBuild.write("carers:\n  name: Carers\n", to: content, "topics.yml")
        try FixtureBuild.write("""
            uk-wide:
              name: UK-wide
            england:
              name: England
              within: uk-wide
            london:
              name: London
              within: england

            """, to: content, "regions.yml")
        let regions = ["london", "england", "uk-wide"]
        for n in 0..<cards {
            let slug = String(format: "card-%02d", n)
            try FixtureBuild.write("""
                name: Card \(String(format: "%02d", n))
                kind: group
                summary: A carers group for the pagination tests.
                topics: [carers]
                regions: [\(regions[n * regions.count / cards])]
                updated: 2026-05-20

                """, to: content, "cards/\(slug).yml")
        }
        return content
    }

    /// The card slugs a page lists in its main card list, in order.
    static func listed(_ page: String) -> [String] {
        guard let start = page.range(of: "<ul class=\"card-list\">"), let end = page.range(of: "</ul>", range: start.upperBound..<page.endIndex)
        else { return [] }
        let list = page[start.upperBound..<end.lowerBound]
        return list.components(separatedBy: "cards/").dropFirst().compactMap { $0.split(separator: "/").first.map(String.init) }
    }

    /// The `href` of the head's `<link rel="…">`, without the page's root.
    static func headLink(_ rel: String, in page: String) -> String? {
        guard let r = page.range(of: "<link rel=\"\(rel)\" href=\"") else { return nil }
        let rest = page[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "../", with: "")
    }

    /// Follows `rel="next"` from `first`, checking each page's `rel="prev"` points back and
    /// its title says where it is; returns the pages' paths and what each lists.
    static func walk(_ site: URL, from first: String) throws -> [(path: String, cards: [String])] {
        var pages: [(path: String, cards: [String])] = []
        var path: String? = first
        while let current = path {
            let page = try FixtureBuild.text(site, current + "index.html")
            pages.append((current, listed(page)))
            #expect(headLink("prev", in: page) == (pages.count == 1 ? nil : pages[pages.count - 2].path), "\(current)")
            path = headLink("next", in: page)
            #expect(pages.count < 100, "rel=next goes round in a circle at \(current)")
            if pages.count >= 100 { break }
        }
        for (n, p) in pages.enumerated() where pages.count > 1 {
            let page = try FixtureBuild.text(site, p.path + "index.html")
            let title = page.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first ?? ""
            let says = n == 0 ? !title.contains(", page ") : title.contains(", page \(n + 1) of \(pages.count) ·")
            #expect(says, "the title of \(p.path) says which page of \(pages.count) it is")
            if n > 0 { #expect(p.path == first + "page/\(n + 1)/") }
        }
        return pages
    }

    @Test func everyListCoversEveryEntryOnceWithinThePageSize() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.makeSite(cards: 9, in: folder)
        let site = folder.appendingPathComponent("site")
        let report = try await FixtureBuild.build(content, into: site)
        #expect(report.published)
        let all = (0..<9).map { String(format: "card-%02d", $0) }
        let sitemap = try FixtureBuild.text(site, "sitemap.xml")
        // The topic lists every card of it; London, England and UK-wide list the cards that name them.
        let expected: [(String, [String])] = [
            ("topics/carers/", all), ("regions/london/", Array(all[0..<3])), ("regions/england/", Array(all[3..<6])),
            ("regions/uk-wide/", Array(all[6..<9])), ("topics/carers/uk-wide/", Array(all[6..<9])),
        ]
        for (first, cards) in expected {
            let pages = try Self.walk(site, from: first)
            #expect(pages.flatMap(\.cards) == cards, "\(first) lists each of its cards once, in order")
            #expect(pages.allSatisfy { $0.cards.count <= 2 }, "\(first): no page over page_size")
            #expect(pages.count == (cards.count + 1) / 2, "\(first): no empty page")
            for p in pages { #expect(sitemap.contains("<loc>/\(p.path)</loc>"), "\(p.path) in the sitemap") }
        }
        // The A–Z too: every card once, over pages of two.
        let azPages = try Self.walk(site, from: "cards/")
        #expect(azPages.flatMap(\.cards).sorted() == all)
        #expect(azPages.allSatisfy { $0.cards.count <= 2 })
        // No page after the last.
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("topics/carers/page/6/index.html").path))
    }

    @Test func slicesCoverTheListOnceAndNoneIsOverTheSize() {
        for count in 0...23 {
            for size in 1...7 {
                let pagination = Pagination(count: count, size: size)
                let pages = (1...pagination.pages).map { pagination.range(of: $0) }
                #expect(pages.flatMap { Array($0) } == Array(0..<count), "\(count) entries, \(size) a page")
                #expect(pages.allSatisfy { $0.count <= size })
                // No empty page, except the one page of an empty list.
                #expect(pages.allSatisfy { !$0.isEmpty } || count == 0)
                #expect(pagination.pages == 1 || pages.last?.isEmpty == false)
            }
        }
        let links = Pagination(count: 5, size: 2).values(current: 2) { Route.topic("x", page: $0).path }
        #expect("\(links["previous_url"] ?? "")" == "topics/x/")
        #expect("\(links["next_url"] ?? "")" == "topics/x/page/3/")
        let first = Pagination(count: 5, size: 2).values(current: 1) { Route.topic("x", page: $0).path }
        #expect(first["previous_url"] == nil)
        #expect(Route.region("wales", page: 1).path == "regions/wales/")
        #expect(Route.region("wales", page: 4).path == "regions/wales/page/4/")
    }

    @Test func aTopicInARegionListsItsOwnCardsAndNamesTheWiderAndNarrower() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.makeSite(cards: 6, in: folder)
        let site = folder.appendingPathComponent("site")
        #expect(try await FixtureBuild.build(content, into: site).published)
        let england = try FixtureBuild.text(site, "topics/carers/england/index.html")
        // Its own cards (card-02, card-03 name England) are listed, and no other card.
        #expect(Self.listed(england) == ["card-02", "card-03"])
        #expect(!england.contains("cards/card-00/") && !england.contains("cards/card-04/"))
        // London, within it, and UK-wide, around it, are named with their counts and linked.
        let within = try #require(england.range(of: "<section class=\"within-groups\">"))
        let wider = try #require(england.range(of: "<section class=\"wider\">"))
        let withinPart = String(england[within.upperBound..<wider.lowerBound])
        let widerPart = String(england[wider.upperBound...])
        #expect(withinPart.contains("topics/carers/london/\">London</a> <span class=\"count\"><span class=\"visually-hidden\">cards: </span>2</span>"))
        #expect(widerPart.contains("topics/carers/uk-wide/\">UK-wide</a> <span class=\"count\"><span class=\"visually-hidden\">cards: </span>2</span>"))
        // A region with no card of its own still has its page, saying so and pointing wider.
        let london = try FixtureBuild.text(site, "topics/carers/london/index.html")
        #expect(!london.contains("class=\"nothing-local\""))
        #expect(london.contains("topics/carers/england/\">England</a> <span class=\"count\"><span class=\"visually-hidden\">cards: </span>2</span>"))
    }

    @Test func aRegionNamesItsParentWithinAndWiderWithCounts() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.makeSite(cards: 6, in: folder)
        let site = folder.appendingPathComponent("site")
        #expect(try await FixtureBuild.build(content, into: site).published)
        func count(_ n: Int) -> String { " <span class=\"count\"><span class=\"visually-hidden\">cards: </span>\(n)</span>" }
        let london = try FixtureBuild.text(site, "regions/london/index.html")
        #expect(Self.listed(london) == ["card-00", "card-01"])
        // Its parent, England, with the four cards in England and London.
        #expect(london.contains("<span class=\"within\">within <a href=\"../../regions/england/\">England</a>" + count(4)))
        // The wider regions' cards by link and count, nearest first, not listed again.
        let wider = String(london[try #require(london.range(of: "<section class=\"wider\">")).upperBound...])
        let england = try #require(wider.range(of: "regions/england/\">England</a>" + count(2)))
        let ukWide = try #require(wider.range(of: "regions/uk-wide/\">UK-wide</a>" + count(2)))
        #expect(england.lowerBound < ukWide.lowerBound)
        #expect(!london.contains("cards/card-02/") && !london.contains("cards/card-04/"))
        let englandPage = try FixtureBuild.text(site, "regions/england/index.html")
        #expect(englandPage.contains("regions/london/\">London</a>" + count(2)))
    }

    @Test func aPageSizeOutOfRangeIsAnErrorAtItsPlace() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.makeSite(cards: 1, in: folder)
        try FixtureBuild.write("title: Pages\npage_size: lots\n", to: content, "site.yml")
        let report = try await FixtureBuild.build(content, into: folder.appendingPathComponent("site"))
        #expect(!report.published)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.file.hasSuffix("site.yml") == true)
        #expect(errors.first?.line == 2 && errors.first?.column == 12)
        #expect(errors.first?.message == "'page_size' should be a whole number from 1 to 500, the most cards or guides on one page of a list, not 'lots'")
    }
}
