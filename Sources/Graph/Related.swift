/// Related items by score: 2 for each topic shared, 1 for each region shared (a region
/// shares with those within it and those it is within); ties by name, then slug.
///
/// Candidates come from inverted indexes (topic → items), so the work is the sum of
/// the squared postings lengths, not every item compared with every other.
enum Related {
    static func compute(
        count: Int, topics: [[Int]], regions: [[Int]], rank: [Int], postings: [[Int]], regionPostings: [[Int]]?,
        tree: RegionTree, explicit: [[Int]], limit: Int
    ) async -> [[Int]] {
        guard count > 0 else { return [] }
        // Split the work over the cores; each chunk has its own scratch arrays.
        let chunks = max(1, min(count / 256, 16))
        let size = (count + chunks - 1) / chunks
        return await withTaskGroup(of: (Int, [[Int]]).self) { group in
            for w in 0..<chunks {
                group.addTask {
                    let start = w * size, end = min(count, start + size)
                    guard start < end else { return (w, []) }
                    var scratch = Scratch(count: count)
                    let part = (start..<end).map { item in
                        scratch.related(
                            item: item, topics: topics, regions: regions, rank: rank, postings: postings,
                            regionPostings: regionPostings, tree: tree, explicit: explicit[item], limit: limit)
                    }
                    return (w, part)
                }
            }
            var parts = [[[Int]]](repeating: [], count: chunks)
            for await (w, part) in group { parts[w] = part }
            return parts.flatMap { $0 }
        }
    }

    /// Per-worker scratch space: a score per item and the list of items touched.
    struct Scratch {
        var score: [UInt16]
        var touched: [Int] = []

        init(count: Int) { score = [UInt16](repeating: 0, count: count) }

        mutating func related(
            item: Int, topics: [[Int]], regions: [[Int]], rank: [Int], postings: [[Int]], regionPostings: [[Int]]?,
            tree: RegionTree, explicit: [Int], limit: Int
        ) -> [Int] {
            var chosen = Array(explicit.prefix(limit))
            guard chosen.count < limit else { return chosen }
            var top = TopK(limit: limit - chosen.count)
            let mine = regions[item]
            // Items sharing at least one topic, with their full scores.
            for t in topics[item] {
                for other in postings[t] where other != item {
                    if score[other] == 0 { touched.append(other) }
                    score[other] &+= 2
                }
            }
            // Full scores only where they can still count: candidates are taken by topic
            // score, highest first, and a lower group is skipped once it cannot reach the
            // list even with every region shared.
            if !touched.isEmpty {
                var maxTopicScore = 0
                for other in touched { maxTopicScore = max(maxTopicScore, Int(score[other])) }
                var topicScore = maxTopicScore
                while topicScore > 0 {
                    if top.isFull && top.worstScore > topicScore + mine.count { break }
                    for other in touched where Int(score[other]) == topicScore {
                        top.offer(item: other, score: topicScore + tree.shared(mine, regions[other]), rank: rank[other])
                    }
                    topicScore -= 2
                }
            }
            // Items sharing only regions score at most one per region of this item; they
            // are needed only when they could still enter the list.
            if let regionPostings, !top.isFull || top.worstScore <= mine.count {
                var seen = Set(touched)
                for r in mine {
                    for region in [r] + tree.ancestors[r] + tree.descendants[r] {
                        for other in regionPostings[region] where other != item && seen.insert(other).inserted {
                            top.offer(item: other, score: tree.shared(mine, regions[other]), rank: rank[other])
                        }
                    }
                }
            }
            for other in touched { score[other] = 0 }
            touched.removeAll(keepingCapacity: true)
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

