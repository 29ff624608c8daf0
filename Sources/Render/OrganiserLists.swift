internal import Support
internal import Content
internal import Graph

/// What the pages for people who organise and commission peer support list, worked out
/// once from the graph: the coverage table, cut into blocks of topics and regions, the
/// cards that say what they are looking for, and the evidence links cards carry with the
/// guides, each by topic. Page counts follow from it, for the pages and the sitemap alike.
struct OrganiserLists: Sendable {
    /// A card that says what it is looking for, under one of its topics and one of its regions.
    struct LookingFor: Sendable, Equatable {
        let topic: Int, region: Int, card: Int
    }

    /// A guide, or one of a card's links (by position in its `links`), under one topic.
    struct Evidence: Sendable, Equatable {
        enum Item: Sendable, Equatable {
            case guide(Int)
            case link(card: Int, link: Int)
        }
        let topic: Int
        let item: Item
    }

    /// Topics (columns) and regions (rows) in one block of the coverage table: a page
    /// of it stays narrow enough to read on a phone and within the page size budget.
    static let coverageTopicsPerPage = 8
    static let coverageRegionsPerPage = 50

    let coverage: Coverage
    /// By topic name, then region in tree order, then card name.
    let lookingFor: [LookingFor]
    /// By topic name; in each topic its guides by title, then its cards' links by card name.
    let evidence: [Evidence]

    init(graph: SiteGraph, coverage: Coverage) {
        self.coverage = coverage
        let content = graph.content
        var treePosition = [Int](repeating: 0, count: content.regions.count)
        for (position, r) in graph.regions.order.enumerated() { treePosition[r] = position }
        var lookingFor: [LookingFor] = [], evidence: [Evidence] = []
        for t in coverage.topics {
            // A closed card is no longer looking for anyone.
            let seeking = graph.cards.byTopic[t].filter { content.cards[$0].lookingFor != nil && content.cards[$0].status != .closed }
            let entries = seeking.flatMap { c in graph.cards.regions[c].map { LookingFor(topic: t, region: $0, card: c) } }
            lookingFor += entries.sorted {
                (treePosition[$0.region], graph.cards.rank[$0.card]) < (treePosition[$1.region], graph.cards.rank[$1.card])
            }
            evidence += graph.guides.byTopic[t].map { Evidence(topic: t, item: .guide($0)) }
            for c in graph.cards.byTopic[t] {
                evidence += content.cards[c].links.indices.map { Evidence(topic: t, item: .link(card: c, link: $0)) }
            }
        }
        self.lookingFor = lookingFor
        self.evidence = evidence
    }

    /// Blocks of the coverage table's columns and rows: page n shows topic block
    /// (n-1) / rows.pages and region block (n-1) % rows.pages.
    var coverageColumns: Pagination { Pagination(count: coverage.topics.count, size: Self.coverageTopicsPerPage) }
    var coverageRows: Pagination { Pagination(count: coverage.regions.count, size: Self.coverageRegionsPerPage) }
    var coveragePageCount: Int { coverageColumns.pages * coverageRows.pages }

    /// The topics and regions (positions in `coverage.topics` and `coverage.regions`) page `number` shows.
    func coverageBlock(_ number: Int) -> (topics: Range<Int>, regions: Range<Int>) {
        let rows = coverageRows.pages
        return (coverageColumns.range(of: (number - 1) / rows + 1), coverageRows.range(of: (number - 1) % rows + 1))
    }
}

extension ListPages {
    /// The looking-for list, in pages of `page_size` like every other list.
    func lookingFor(_ lists: OrganiserLists) -> Pagination { Pagination(count: lists.lookingFor.count, size: size) }
    /// The evidence list, in pages of `page_size`.
    func evidence(_ lists: OrganiserLists) -> Pagination { Pagination(count: lists.evidence.count, size: size) }
}
