internal import Content

/// The cross-links of one entry type's entries (`Content.entries`), as indexes into its
/// sorted array: the one index per entry type that pages, search and index.json read.
public struct EntryLinks: Sendable {
    /// Entry slug → index.
    public let index: [String: Int]
    /// Entry indexes sorted by title, then slug.
    public let byTitle: [Int]
    /// Entry index → position in `byTitle`.
    public let rank: [Int]
    /// Entry index → topic indexes, region indexes and card indexes.
    public let topics: [[Int]]
    public let regions: [[Int]]
    public let cards: [[Int]]
    /// Topic index → its entries, by title.
    public let byTopic: [[Int]]

    init(_ entries: [Entry], topicIndex: [String: Int], regionIndex: [String: Int], cardIndex: [String: Int], topicCount: Int) {
        index = Dictionary(uniqueKeysWithValues: entries.indices.map { (entries[$0].slug, $0) })
        let keys = entries.indices.map { (entries[$0].title, entries[$0].slug) }
        byTitle = entries.indices.sorted { keys[$0] < keys[$1] }
        var rank = [Int](repeating: 0, count: entries.count)
        for (position, e) in byTitle.enumerated() { rank[e] = position }
        self.rank = rank
        topics = entries.indices.map { entries[$0].topics.compactMap { topicIndex[$0] } }
        regions = entries.indices.map { entries[$0].regions.compactMap { regionIndex[$0] } }
        cards = entries.indices.map { entries[$0].cards.compactMap { cardIndex[$0] } }
        var byTopic = [[Int]](repeating: [], count: topicCount)
        for e in byTitle { for t in topics[e] { byTopic[t].append(e) } }
        self.byTopic = byTopic
    }
}
