import Support
import Content
import Foundation
import Graph
@testable import Render
import Testing

/// The sitemap splits into a sitemap index and parts past the protocol's limits; the
/// limits are injected small here, so the fixture's few pages show it.
@Suite struct SitemapTests {
    /// The `<loc>` and `<lastmod>` of each `<url>` or `<sitemap>` element, in order.
    static func entries(_ xml: String, element: String) -> [(loc: String, lastmod: String?)] {
        xml.components(separatedBy: "<\(element)>").dropFirst().map { chunk in
            func inner(_ tag: String) -> String? {
                guard let open = chunk.range(of: "<\(tag)>"), let close = chunk.range(of: "</\(tag)>") else { return nil }
                return String(chunk[open.upperBound..<close.lowerBound])
            }
            return (inner("loc") ?? "", inner("lastmod"))
        }
    }

    static func text(_ data: DataFiles, _ path: String) -> String { String(decoding: data.bytes(of: path), as: UTF8.self) }

    @Test(arguments: [nil, FixtureBuild.baseURL])
    func pastTheLimitTheSitemapIsAnIndexOfPartsHoldingEveryAddressOnce(base: String?) async throws {
        let whole = try await DataFilesTests.data(base: base)
        let all = Self.entries(Self.text(whole, "sitemap.xml"), element: "url")
        #expect(whole.paths.filter { $0.hasPrefix("sitemap") } == ["sitemap.xml"])
        #expect(all.count > 20)

        let limit = 7
        let split = try await DataFilesTests.data(base: base, limits: DataLimits(entriesPerFile: 1000, bytesPerFile: 1 << 20,
                                                                                   sitemapAddresses: limit, sitemapBytes: 50 << 20))
        let index = Self.text(split, "sitemap.xml")
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let parts = Self.entries(index, element: "sitemap")
        let partPaths = (1...parts.count).map { "sitemap-\($0).xml" }
        #expect(parts.count == (all.count + limit - 1) / limit)
        #expect(parts.map(\.loc) == partPaths.map { (base ?? "/") + $0 })
        #expect(split.paths.filter { $0.hasPrefix("sitemap") } == ["sitemap.xml"] + partPaths)
        var listed: [(loc: String, lastmod: String?)] = []
        for (part, path) in zip(parts, partPaths) {
            let urls = Self.entries(Self.text(split, path), element: "url")
            #expect(!urls.isEmpty && urls.count <= limit)
            // A part's last change is the newest of its addresses'.
            #expect(part.lastmod == urls.compactMap(\.lastmod).max())
            listed += urls
        }
        #expect(listed.map(\.loc) == all.map(\.loc))
        #expect(listed.map(\.lastmod) == all.map(\.lastmod))
        if let base { #expect(Self.text(split, "robots.txt").contains("Sitemap: \(base)sitemap.xml\n")) }
    }

    @Test func theByteLimitSplitsTooAndNoPartIsOverIt() async throws {
        let bytes = 2000
        let data = try await DataFilesTests.data(limits: DataLimits(entriesPerFile: 1000, bytesPerFile: 1 << 20,
                                                                     sitemapAddresses: 50_000, sitemapBytes: bytes))
        let parts = data.paths.filter { $0.hasPrefix("sitemap-") }
        #expect(parts.count > 1)
        for path in parts { #expect(data.bytes(of: path).count <= bytes) }
    }

    /// A topic-by-region page listing only cards that cover the region from a wider one
    /// still has a last change: the newest of the cards it lists.
    @Test func everyPageHasALastChangeButTheSearchPage() async throws {
        let data = try await DataFilesTests.data()
        let graph = data.graph
        #expect(graph.topicRegionPages.contains { $0.local.isEmpty && !$0.wider.isEmpty })
        let urls = Self.entries(Self.text(data, "sitemap.xml"), element: "url")
        #expect(urls.filter { $0.lastmod == nil }.map(\.loc) == ["/" + Route.search.path])
        for page in graph.topicRegionPages where page.local.isEmpty {
            let loc = "/" + Route.topicRegion(topic: graph.content.topics[page.topic].slug, region: graph.content.regions[page.region].slug).path
            let newest = page.wider.map { graph.content.cards[$0].updated.description }.max()
            #expect(urls.first { $0.loc == loc }?.lastmod == newest)
        }
    }

    /// The sitemap is the site's list of pages, not a second list kept beside it: every
    /// page the renderer writes is in it once, in the same order, but the not-found page
    /// and the pages at renamed cards' old addresses.
    @Test func theSitemapListsEveryPageTheSiteWritesButTheNotFoundPageAndOldAddresses() async throws {
        let data = try await DataFilesTests.data { content in content.cards[0].formerSlugs = ["an-old-name"] }
        let pages = data.pages.all()
        #expect(pages.contains(.moved(card: 0, former: 0)) && pages.contains(.notFound))
        let written = pages.filter { page in
            if case .moved = page { return false }
            return page != .notFound
        }.map { "/" + data.pages.route(of: $0).path }
        let listed = Self.entries(Self.text(data, "sitemap.xml"), element: "url").map(\.loc)
        #expect(listed == written)
        #expect(!listed.contains("/" + Route.card("an-old-name").path))
        #expect(listed.contains("/" + Route.coverage().path) && listed.contains("/" + Route.evidence().path))
    }
}
