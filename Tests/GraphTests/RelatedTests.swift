import Content
@testable import Graph
import Testing
import TestSupport

/// The related-items search against the rule itself, scored for every pair.
@Suite struct RelatedTests {
    /// Explicit ones first, then everything else by 2 × topics shared + regions shared
    /// (score above zero), ties by rank; `limit` in all; explicit items already listed
    /// take up room among the best as they always have.
    static func bruteForce(item: Int, topics: [[Int]], regions: [[Int]], rank: [Int], tree: RegionTree,
                           explicit: [Int], limit: Int, regionsCount: Bool) -> [Int] {
        var chosen = Array(explicit.prefix(limit))
        guard chosen.count < limit else { return chosen }
        var scored: [(item: Int, score: Int, rank: Int)] = []
        for other in topics.indices where other != item {
            let shared = topics[other].filter { topics[item].contains($0) }.count
            guard shared > 0 || regionsCount else { continue }
            let score = 2 * shared + tree.shared(regions[item], regions[other])
            if score > 0 { scored.append((other, score, rank[other])) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }
        let best = scored.prefix(limit - chosen.count).map(\.item)
        for other in best where !chosen.contains(other) { chosen.append(other) }
        return chosen
    }

    @Test func findsExactlyTheBestByScoreThenRank() async {
        let regionList = sampleRegions + [Region(slug: "wales", name: "Wales", within: "uk-wide")]
        let tree = RegionTree(regionList)
        var generator = SeededGenerator(seed: 42)
        for round in 0..<40 {
            let count = Int.random(in: 1...400, using: &generator)
            let topicCount = Int.random(in: 1...12, using: &generator)
            let topics = (0..<count).map { _ in
                Array(Set((0..<Int.random(in: 1...4, using: &generator)).map { _ in Int.random(in: 0..<topicCount, using: &generator) })).sorted()
            }
            let regions = (0..<count).map { _ in
                Array(Set((0..<Int.random(in: 1...2, using: &generator)).map { _ in Int.random(in: 0..<regionList.count, using: &generator) })).sorted()
            }
            let rank = Array(0..<count).shuffled(using: &generator)
            var postings = [[Int]](repeating: [], count: topicCount)
            var regionPostings = [[Int]](repeating: [], count: regionList.count)
            for item in (0..<count).sorted(by: { rank[$0] < rank[$1] }) {
                for t in topics[item] { postings[t].append(item) }
                for r in regions[item] { regionPostings[r].append(item) }
            }
            let explicit = (0..<count).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0 ? [Int.random(in: 0..<count, using: &generator)] : []
            }
            for withRegions in [true, false] {
                let found = await Related.compute(count: count, topics: topics, regions: regions, rank: rank, postings: postings,
                                                  regionPostings: withRegions ? regionPostings : nil, tree: tree, explicit: explicit, limit: 6)
                for item in 0..<count {
                    let expected = Self.bruteForce(item: item, topics: topics, regions: regions, rank: rank, tree: tree,
                                                   explicit: explicit[item], limit: 6, regionsCount: withRegions)
                    #expect(found[item] == expected, "round \(round), item \(item)")
                    if found[item] != expected { return }
                }
            }
        }
    }
}
