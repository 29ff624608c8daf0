public import Support
internal import Content
internal import Graph

/// Every page of the site in one list, with each page's route and its last change: the
/// renderer renders this list and the sitemap lists it, so neither keeps a second one.
/// It needs no theme.
public struct SitePages: Sendable {
    let graph: SiteGraph
    /// How each list is cut into pages.
    let lists: ListPages
    /// The coverage table, the cards looking for someone and the evidence, by topic.
    let organiserLists: OrganiserLists

    init(graph: SiteGraph, coverage: Coverage) {
        self.graph = graph
        lists = ListPages(graph: graph)
        organiserLists = OrganiserLists(graph: graph, coverage: coverage)
    }

    var content: Content { graph.content }

    /// Every page: the lists' pages in order, then the not-found page and the pages at
    /// renamed cards' old addresses.
    public func all() -> [Page] {
        var pages: [Page] = [.home]
        pages += (1...lists.cards.pages).map { Page.cardList(page: $0) }
        pages += content.cards.indices.map(Page.card)
        pages += (1...lists.guides.pages).map { Page.guideList(page: $0) }
        pages += content.guides.indices.map(Page.guide)
        for k in content.entries.indices {
            pages += (1...lists.entries(k).pages).map { Page.entryList(type: k, page: $0) }
            pages += content.entries[k].all.indices.map { Page.entry(type: k, $0) }
        }
        pages.append(.topicList)
        for t in content.topics.indices { pages += (1...lists.topic(t).pages).map { Page.topic(t, page: $0) } }
        for i in graph.topicRegionPages.indices { pages += (1...lists.topicRegion(i).pages).map { Page.topicRegion(i, page: $0) } }
        pages.append(.regionList)
        for r in content.regions.indices { pages += (1...lists.region(r).pages).map { Page.region(r, page: $0) } }
        pages.append(.search)
        pages += (1...organiserLists.coveragePageCount).map(Page.coverage)
        pages += (1...lists.lookingFor(organiserLists).pages).map(Page.lookingFor)
        pages += (1...lists.evidence(organiserLists).pages).map(Page.evidence)
        pages.append(.notFound)
        for i in content.cards.indices {
            pages += content.cards[i].formerSlugs.indices.map { Page.moved(card: i, former: $0) }
        }
        return pages
    }

    /// The page's address in the route table.
    public func route(of page: Page) -> Route {
        switch page {
        case .home: return .home
        case .cardList(let n): return .cardsAZ(page: n)
        case .card(let i): return .card(content.cards[i].slug)
        case .guideList(let n): return .guides(page: n)
        case .guide(let i): return .guide(content.guides[i].slug)
        case .topicList: return .topics
        case .topic(let i, let n): return .topic(content.topics[i].slug, page: n)
        case .topicRegion(let i, let n):
            let p = graph.topicRegionPages[i]
            return .topicRegion(topic: content.topics[p.topic].slug, region: content.regions[p.region].slug, page: n)
        case .regionList: return .regions
        case .region(let i, let n): return .region(content.regions[i].slug, page: n)
        case .search: return .search
        case .notFound: return .notFound
        case .moved(let i, let n): return .card(content.cards[i].formerSlugs[n])
        case .coverage(let n): return .coverage(page: n)
        case .lookingFor(let n): return .lookingFor(page: n)
        case .evidence(let n): return .evidence(page: n)
        case .entryList(let k, let n): return .entryList(content.entries[k].type.folder, page: n)
        case .entry(let k, let i): return .entry(content.entries[k].type.folder, content.entries[k].all[i].slug)
        }
    }

    /// The pages search engines are told of, with their last changes, in the order of
    /// `all()`: every page but the not-found page and renamed cards' old addresses.
    func sitemapEntries() -> [(path: String, date: ContentDate?)] {
        let changes = LastChanges(graph)
        return all().compactMap { page in
            switch page {
            case .notFound, .moved: return nil
            default: return (route(of: page).path, changes.of(page))
            }
        }
    }
}

/// The day each page last changed: a card's or guide's own date, else the newest of the
/// cards (or guides) it lists; nil for the search page. Each list's date is worked out
/// once, not once for each of its pages.
struct LastChanges {
    let content: Content
    let newest: ContentDate?, newestGuide: ContentDate?
    let topics: [ContentDate?], topicRegions: [ContentDate?], regions: [ContentDate?]
    /// The newest `updated` of each entry type's entries, if its type has one.
    let newestEntries: [ContentDate?]

    init(_ graph: SiteGraph) {
        let content = graph.content
        func newestOf(_ cards: [Int]) -> ContentDate? { cards.map { content.cards[$0].updated }.max() }
        self.content = content
        newest = content.cards.map(\.updated).max()
        newestGuide = content.guides.map(\.updated).max()
        topics = graph.cards.byTopic.map(newestOf)
        // The cards a topic-by-region page lists: those based in the region and those that cover it from wider.
        topicRegions = graph.topicRegionPages.map { newestOf($0.local + $0.wider) }
        regions = content.regions.indices.map { r in newestOf(([r] + graph.regions.descendants[r]).flatMap { graph.cardsByRegion[$0] }) }
        newestEntries = content.entries.map { $0.all.compactMap(\.updated).max() }
    }

    func of(_ page: Page) -> ContentDate? {
        switch page {
        case .card(let i), .moved(let i, _): return content.cards[i].updated
        case .guide(let i): return content.guides[i].updated
        case .guideList: return newestGuide
        case .topic(let t, _): return topics[t]
        case .topicRegion(let i, _): return topicRegions[i]
        case .region(let r, _): return regions[r]
        case .search, .notFound: return nil
        case .entryList(let k, _): return newestEntries[k]
        case .entry(let k, let i): return content.entries[k].all[i].updated
        case .home, .cardList, .topicList, .regionList, .coverage, .lookingFor, .evidence: return newest
        }
    }
}
