internal import Content
internal import Graph

/// A list cut into pages of at most `size` entries. The first page keeps the list's own
/// address; the others are at `…/page/N/` under it (`Route`).
public struct Pagination: Sendable, Equatable {
    /// How many entries the list has.
    public let count: Int
    /// The most entries on a page.
    public let size: Int

    public init(count: Int, size: Int) {
        self.count = count
        self.size = max(1, size)
    }

    /// How many pages: at least one, so that an empty list still has its page.
    public var pages: Int { max(1, (count + size - 1) / size) }

    /// The positions in the list that page `number` (from 1) shows.
    public func range(of number: Int) -> Range<Int> {
        let start = min(count, (number - 1) * size)
        return start..<min(count, start + size)
    }

    /// The entries of `list` on page `number`.
    func slice<T>(_ list: [T], page number: Int) -> ArraySlice<T> {
        list[range(of: number)]
    }

    /// The values the theme's `pagination` partial and the layout's `rel="prev"` and
    /// `rel="next"` links read: `current`, `total`, `multiple`, `previous_url`,
    /// `next_url` and `pages` (page numbers, with `gap` rows where some are left out).
    /// `path` gives the address of page N, from the site root.
    func values(current: Int, path: (Int) -> String) -> [String: Any] {
        var out: [String: Any] = ["current": current, "total": pages, "multiple": pages > 1]
        if current > 1 { out["previous_url"] = TemplateText(path(current - 1)) }
        if current < pages { out["next_url"] = TemplateText(path(current + 1)) }
        out["pages"] = PageWindow.numbers(current: current, total: pages).map { n -> [String: Any] in
            guard let n else { return ["gap": true] }
            return ["number": n, "url": TemplateText(path(n)), "current": n == current]
        }
        return out
    }

    /// A page's title with its place in the list: "Carers" on the first page of one,
    /// "Carers, page 2 of 5" on the others, so that every page's title differs.
    func title(_ title: String, page number: Int, words: Words) -> String {
        pages > 1 && number > 1 ? words(.pageOf, ["title": title, "number": String(number), "pages": String(pages)]) : title
    }
}

/// The page numbers a pagination bar shows: the first and the last, and the current
/// page with two either side, so the bar stays short however long the list (and a page
/// does not grow with the number of pages). `nil` marks pages left out; a single page
/// is never left out, since showing it takes no more room than the gap, and up to nine
/// pages are all shown.
enum PageWindow {
    static let around = 2

    static func numbers(current: Int, total: Int) -> [Int?] {
        // Up to nine pages fit in the room the first, the last, five around the current and two gaps take.
        guard total > 2 * around + 5 else { return (1...max(1, total)).map(Optional.some) }
        let current = min(max(1, current), total)
        let shown = Set([1, total]).union(max(1, current - around)...min(total, current + around)).sorted()
        var numbers: [Int?] = []
        var previous = 0
        for n in shown {
            if n - previous == 2 { numbers.append(n - 1) } else if n - previous > 2 { numbers.append(nil) }
            numbers.append(n)
            previous = n
        }
        return numbers
    }
}

/// How each list of the site is cut into pages, from the graph and site.yml's `page_size`:
/// one place for the pages, their paths and the sitemap.
struct ListPages: Sendable {
    let graph: SiteGraph
    /// Topic-by-region page → the cards of the topic that name the region itself, by
    /// name. A topic-by-region page lists these; cards of the regions within it are
    /// signposted by count, as on a region's page, and not listed again.
    let own: [[Int]]
    /// `topic * regions + region` → the index of that topic-by-region page.
    private let pageIndex: [Int: Int]

    init(graph: SiteGraph) {
        self.graph = graph
        own = graph.topicRegionPages.map { p in p.local.filter { graph.cards.regions[$0].contains(p.region) } }
        let regions = graph.content.regions.count
        pageIndex = Dictionary(uniqueKeysWithValues: graph.topicRegionPages.enumerated().map { ($1.topic * regions + $1.region, $0) })
    }

    var size: Int { graph.content.site.pageSize }
    /// The A–Z.
    var cards: Pagination { Pagination(count: graph.content.cards.count, size: size) }
    var guides: Pagination { Pagination(count: graph.content.guides.count, size: size) }
    /// The entries of entry type `k`.
    func entries(_ k: Int) -> Pagination { Pagination(count: graph.content.entries[k].all.count, size: size) }
    /// A topic's cards.
    func topic(_ t: Int) -> Pagination { Pagination(count: graph.cards.byTopic[t].count, size: size) }
    /// A region's own cards (those that name it).
    func region(_ r: Int) -> Pagination { Pagination(count: graph.cardsByRegion[r].count, size: size) }
    /// A topic-by-region page's own cards.
    func topicRegion(_ i: Int) -> Pagination { Pagination(count: own[i].count, size: size) }
    /// The topic-by-region page of topic `t` in region `r`, if there is one.
    func topicRegionPage(topic t: Int, region r: Int) -> Int? { pageIndex[t * graph.content.regions.count + r] }
}
