internal import Content

/// The indexes of one kind of entry (the cards, the guides, or another entry type's
/// entries), as indexes into its sorted array in `Content`: the one shape every kind of
/// entry has in the graph.
public struct EntryIndex: Sendable {
    /// Slug → index.
    public let index: [String: Int]
    /// Indexes in reading order: by name or title (as the kind files them), then slug.
    public let order: [Int]
    /// Index → position in `order`.
    public let rank: [Int]
    /// Index → topic indexes and region indexes, as the entry lists them.
    public let topics: [[Int]]
    public let regions: [[Int]]
    /// Topic index → its entries, in `order`.
    public let byTopic: [[Int]]

    /// The indexes of entries with these slugs, sort keys (the name or title to file
    /// under, and the slug), topics and regions, against the vocabularies' indexes.
    init(slugs: [String], keys: [(String, String)], topics: [[String]], regions: [[String]],
         topicIndex: [String: Int], regionIndex: [String: Int], topicCount: Int) {
        index = Dictionary(uniqueKeysWithValues: slugs.indices.map { (slugs[$0], $0) })
        order = slugs.indices.sorted { keys[$0] < keys[$1] }
        var rank = [Int](repeating: 0, count: slugs.count)
        for (position, e) in order.enumerated() { rank[e] = position }
        self.rank = rank
        self.topics = topics.map { $0.compactMap { topicIndex[$0] } }
        self.regions = regions.map { $0.compactMap { regionIndex[$0] } }
        var byTopic = [[Int]](repeating: [], count: topicCount)
        for e in order { for t in self.topics[e] { byTopic[t].append(e) } }
        self.byTopic = byTopic
    }

    /// The index of one entry type's entries beyond cards and guides, by title.
    init(_ entries: [Entry], topicIndex: [String: Int], regionIndex: [String: Int], topicCount: Int) {
        self.init(slugs: entries.map(\.slug), keys: entries.map { ($0.title, $0.slug) }, topics: entries.map(\.topics),
                  regions: entries.map(\.regions), topicIndex: topicIndex, regionIndex: regionIndex, topicCount: topicCount)
    }
}
