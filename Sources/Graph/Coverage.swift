internal import Content

/// How many active cards there are for each topic in each region: the directory's
/// coverage, and its gaps. A card counts in a region when it names the region or one
/// within it (the topic-by-region page lists those that name the region itself, and
/// links to the pages of the regions within it for the rest); cards that cover the
/// region only as part of a wider one are counted apart, in `activeWider`.
public struct Coverage: Sendable {
    /// Topic indexes by name, then slug: the columns of the coverage table.
    public let topics: [Int]
    /// Region indexes in the region tree's order: its rows.
    public let regions: [Int]
    /// `topic * regionCount + region` → the index of its topic-by-region page.
    private let pageIndex: [Int: Int]
    /// Page index → active cards based in the region or within it, and active cards covering it from a wider one.
    private let activeLocal: [Int]
    private let activeWiderCounts: [Int]
    private let regionCount: Int
    /// Topic-and-region pairs with at least one active card based there.
    public let coveredPairs: Int

    /// Counts every topic and region of `graph`.
    public init(_ graph: SiteGraph) {
        let content = graph.content
        topics = content.topics.indices.sorted {
            (content.topics[$0].name, content.topics[$0].slug) < (content.topics[$1].name, content.topics[$1].slug)
        }
        regions = graph.regions.order
        let regionCount = content.regions.count
        var pageIndex: [Int: Int] = [:]
        var local: [Int] = [], wider: [Int] = []
        for (i, page) in graph.topicRegionPages.enumerated() {
            pageIndex[page.topic * regionCount + page.region] = i
            local.append(page.local.count(where: { content.cards[$0].status == .active }))
            wider.append(page.wider.count(where: { content.cards[$0].status == .active }))
        }
        self.pageIndex = pageIndex
        activeLocal = local
        activeWiderCounts = wider
        coveredPairs = local.count(where: { $0 > 0 })
        self.regionCount = regionCount
    }

    /// The index in `SiteGraph.topicRegionPages` of the page for `topic` in `region`,
    /// if there is one (there is wherever a card of the topic reaches the region).
    public func page(topic: Int, region: Int) -> Int? { pageIndex[topic * regionCount + region] }

    /// Active cards of `topic` that name `region` or a region within it.
    public func active(topic: Int, region: Int) -> Int { page(topic: topic, region: region).map { activeLocal[$0] } ?? 0 }

    /// Active cards of `topic` that cover `region` only as part of a wider region.
    public func activeWider(topic: Int, region: Int) -> Int {
        page(topic: topic, region: region).map { activeWiderCounts[$0] } ?? 0
    }
}
