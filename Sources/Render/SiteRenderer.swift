internal import Foundation
public import Content
public import Graph

/// Settings that change what is rendered but not what is loaded.
public struct RenderOptions: Sendable {
    /// Absolute base URL ending in `/`, for canonical links, feeds and the sitemap.
    public var baseURL: String?
    /// The day stale-card notes are measured from.
    public var today: ContentDate

    public init(baseURL: String?, today: ContentDate) {
        self.baseURL = baseURL
        self.today = today
    }
}

/// One page of the site, named by what it shows; its path follows from it.
public enum Page: Sendable, Equatable {
    case home
    case cardList(page: Int)
    case card(Int)
    case guideList
    case guide(Int)
    case topicList
    case topic(Int)
    case topicRegion(Int)
    case regionList
    case region(Int)
    case search
    case notFound
}

/// Renders pages from the graph through a theme. Pure: it never touches the disk.
public struct SiteRenderer: Sendable {
    public let graph: SiteGraph
    public let theme: Theme
    public let options: RenderOptions
    /// Cards per page of the A–Z list.
    public static let cardsPerPage = 200

    public init(graph: SiteGraph, theme: Theme, options: RenderOptions) {
        self.graph = graph
        self.theme = theme
        self.options = options
    }

    var content: Content { graph.content }

    /// Every page, in a fixed order.
    public func pages() -> [Page] {
        var pages: [Page] = [.home]
        let listPages = max(1, (content.cards.count + Self.cardsPerPage - 1) / Self.cardsPerPage)
        pages += (1...listPages).map { Page.cardList(page: $0) }
        pages += content.cards.indices.map(Page.card)
        pages.append(.guideList)
        pages += content.guides.indices.map(Page.guide)
        pages.append(.topicList)
        pages += content.topics.indices.map(Page.topic)
        pages += graph.topicRegionPages.indices.map(Page.topicRegion)
        pages.append(.regionList)
        pages += content.regions.indices.map(Page.region)
        pages.append(.notFound)
        return pages
    }

    /// The page's path from the site root (`cards/x/`); `404.html` for the not-found page.
    public func path(of page: Page) -> String {
        switch page {
        case .home: return ""
        case .cardList(let n): return SitePath.cardsPage(n)
        case .card(let i): return SitePath.card(content.cards[i].slug)
        case .guideList: return SitePath.guides
        case .guide(let i): return SitePath.guide(content.guides[i].slug)
        case .topicList: return SitePath.topics
        case .topic(let i): return SitePath.topic(content.topics[i].slug)
        case .topicRegion(let i):
            let p = graph.topicRegionPages[i]
            return SitePath.topicRegion(content.topics[p.topic].slug, content.regions[p.region].slug)
        case .regionList: return SitePath.regions
        case .region(let i): return SitePath.region(content.regions[i].slug)
        case .search: return SitePath.search
        case .notFound: return "404.html"
        }
    }

    /// The file the page is written to, relative to the output folder.
    public func file(of page: Page) -> String {
        page == .notFound ? "404.html" : SitePath.file(for: path(of: page))
    }

    /// Renders one page to HTML.
    public func render(_ page: Page) -> String {
        let path = path(of: page)
        var context = PageContext(renderer: self, path: page == .notFound ? "" : path)
        if page == .notFound {
            // The 404 page is served at any depth, so its links start from the site's root URL.
            context.root = options.baseURL.map(URLParts.path(of:)) ?? "/"
        }
        let (template, values) = context.values(for: page)
        var dictionary = context.common(page: page, path: path)
        for (k, v) in values { dictionary[k] = v }
        return theme.render(template, dictionary)
    }
}

/// Splits URLs without Foundation.
enum URLParts {
    /// `https://host/a/b/` → `/a/b/`.
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
