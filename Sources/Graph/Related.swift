internal import Support
/// Related items by score: 2 for each topic shared, 1 for each region shared (a region
/// shares with those within it and those it is within); ties by name, then slug.
///
/// Candidates come from inverted indexes in rank order (topic → items, pair of topics
/// → items), and the scan of one-topic candidates stops as soon as no further item
/// could enter the list, so an item looks at a few dozen candidates, not at every
/// item sharing a topic with it.
enum Related {
    static func compute(
        count: Int, topics: [[Int]], regions: [[Int]], rank: [Int], postings: [[Int]], regionPostings: [[Int]]?,
        tree: RegionTree, explicit: [[Int]], limit: Int
    ) async -> [[Int]] {
        guard count > 0 else { return [] }
        let index = Index(count: count, topics: topics, rank: rank, postings: postings)
        // Split the work over the cores; each chunk has its own scratch arrays.
        return await Concurrent.mapChunks(count, minimumChunk: 256) { items in
            var scratch = Scratch(count: count)
            return items.map { item in
                scratch.related(
                    item: item, topics: topics, regions: regions, rank: rank, index: index,
                    regionPostings: regionPostings, tree: tree, explicit: explicit[item], limit: limit)
            }
        }.flatMap { $0 }
    }

    /// Postings in rank order: by topic, by pair and by triple of topics.
    struct Index: Sendable {
        /// Topic → items with it, best rank first.
        let byTopic: [[Int]]
        /// `a * topicCount + b` (a < b) → items with both topics, best rank first.
        let byPair: [Int: [Int]]
        /// `(a * topicCount + b) * topicCount + c` (a < b < c) → items with all three.
        let byTriple: [Int: [Int]]
        let topicCount: Int

        init(count: Int, topics: [[Int]], rank: [Int], postings: [[Int]]) {
            topicCount = postings.count
            byTopic = postings.map { list in
                zip(list, list.dropFirst()).allSatisfy { rank[$0] < rank[$1] } ? list : list.sorted { rank[$0] < rank[$1] }
            }
            var order = [Int](repeating: 0, count: count)
            for item in 0..<count { order[rank[item]] = item }
            let n = postings.count
            var pairs: [Int: [Int]] = [:]
            var triples: [Int: [Int]] = [:]
            for item in order {
                let ts = topics[item]
                for a in ts {
                    for b in ts where a < b {
                        pairs[a * n + b, default: []].append(item)
                        for c in ts where b < c { triples[(a * n + b) * n + c, default: []].append(item) }
                    }
                }
            }
            byPair = pairs
            byTriple = triples
        }
    }

    /// Per-worker scratch space: a stamp per item, to see each candidate once.
    struct Scratch {
        var stamp: [Int32]
        var current: Int32 = 0

        init(count: Int) { stamp = [Int32](repeating: 0, count: count) }

        /// The item's related items: its own `explicit` ones, then the best by score.
        ///
        /// Items sharing three or more topics come from the triple postings, all scored
        /// (there are few). Items sharing exactly two, then exactly one, come from the
        /// pair and topic postings in rank order, and each scan stops once none further
        /// on could enter the list: such an item scores at most 2 × (topics shared) +
        /// (the item's own regions), and among equal scores the better rank wins. Items
        /// sharing only regions are looked at last, only when they could still enter.
        /// The result is the exact best `limit` by score, then rank.
        mutating func related(
            item: Int, topics: [[Int]], regions: [[Int]], rank: [Int], index: Index, regionPostings: [[Int]]?,
            tree: RegionTree, explicit: [Int], limit: Int
        ) -> [Int] {
            var chosen = Array(explicit.prefix(limit))
            guard chosen.count < limit else { return chosen }
            var top = TopK(limit: limit - chosen.count)
            let mine = regions[item]
            let myTopics = topics[item]
            func overlap(_ other: Int) -> Int {
                var n = 0
                for t in topics[other] where myTopics.contains(t) { n += 1 }
                return n
            }
            current &+= 1
            let seen = current
            let n = index.topicCount
            // Three or more topics shared: few items, all scored.
            for a in myTopics {
                for b in myTopics where a < b {
                    for c in myTopics where b < c {
                        for other in index.byTriple[(a * n + b) * n + c] ?? [] where other != item && stamp[other] != seen {
                            stamp[other] = seen
                            top.offer(item: other, score: 2 * overlap(other) + tree.shared(mine, regions[other]), rank: rank[other])
                        }
                    }
                }
            }
            // Exactly two shared, then exactly one: each in rank order, stopping once no
            // further item could enter (it would score at most 2 × shared + this item's regions).
            var pairLists: [[Int]] = []
            for a in myTopics { for b in myTopics where a < b { if let list = index.byPair[a * n + b] { pairLists.append(list) } } }
            for (shared, lists) in [(2, pairLists), (1, myTopics.map { index.byTopic[$0] })] {
                let best = 2 * shared + mine.count
                var heads = lists.map { _ in 0 }
                while true {
                    var pick = -1
                    for k in lists.indices where heads[k] < lists[k].count {
                        if pick < 0 || rank[lists[k][heads[k]]] < rank[lists[pick][heads[pick]]] { pick = k }
                    }
                    guard pick >= 0 else { break }
                    let other = lists[pick][heads[pick]]
                    heads[pick] += 1
                    if top.isFull, let worst = top.entries.last,
                       worst.score > best || (worst.score == best && rank[other] > worst.rank) {
                        break
                    }
                    guard other != item, overlap(other) == shared else { continue }
                    top.offer(item: other, score: 2 * shared + tree.shared(mine, regions[other]), rank: rank[other])
                }
            }
            // Items sharing only regions score at most one per region of this item; they
            // are needed only when they could still enter the list.
            if let regionPostings, !top.isFull || top.worstScore <= mine.count {
                current &+= 1
                let seenRegion = current
                for r in mine {
                    for region in [r] + tree.ancestors[r] + tree.descendants[r] {
                        for other in regionPostings[region] where other != item && stamp[other] != seenRegion {
                            stamp[other] = seenRegion
                            if overlap(other) == 0 {
                                top.offer(item: other, score: tree.shared(mine, regions[other]), rank: rank[other])
                            }
                        }
                    }
                }
            }
            let already = Set(chosen)
            for other in top.sorted() where !already.contains(other) && chosen.count < limit {
                chosen.append(other)
            }
            return chosen
        }
    }

    /// The best `limit` items by score (higher first), then rank (lower first).
    struct TopK {
        let limit: Int
        var entries: [(item: Int, score: Int, rank: Int)] = []

        init(limit: Int) { self.limit = limit }

        var isFull: Bool { entries.count >= limit }
        var worstScore: Int { entries.last?.score ?? 0 }

        static func better(_ a: (item: Int, score: Int, rank: Int), _ b: (item: Int, score: Int, rank: Int)) -> Bool {
            a.score != b.score ? a.score > b.score : a.rank < b.rank
        }

        mutating func offer(item: Int, score: Int, rank: Int) {
            guard score > 0, limit > 0 else { return }
            let entry = (item: item, score: score, rank: rank)
            if entries.count >= limit {
                guard let last = entries.last, Self.better(entry, last) else { return }
                entries.removeLast()
            }
            var i = entries.count
            while i > 0 && Self.better(entry, entries[i - 1]) { i -= 1 }
            entries.insert(entry, at: i)
        }

        func sorted() -> [Int] { entries.map(\.item) }
    }
}

