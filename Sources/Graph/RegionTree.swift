public import Content

/// The regions as a tree: parents, ancestors, descendants and a display order.
public struct RegionTree: Sendable {
    /// Region index → parent region index.
    public let parent: [Int?]
    /// Region index → ancestors, nearest first.
    public let ancestors: [[Int]]
    /// Region index → every region within it, at any depth, in display order.
    public let descendants: [[Int]]
    /// Region index → depth (0 for a region within no other).
    public let depth: [Int]
    /// Region indexes in tree order: each region, then those within it, siblings by name.
    public let order: [Int]
    /// Region index → bit mask of the regions it shares with (itself, its ancestors and
    /// descendants), when there are at most 64 regions.
    let relatedMasks: [UInt64]?

    /// Builds the tree from regions whose `within` has been checked (known, no cycles).
    public init(_ regions: [Region]) {
        let index = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.slug, $0) })
        let parent = regions.map { $0.within.flatMap { index[$0] } }
        var children = [[Int]](repeating: [], count: regions.count)
        for (i, p) in parent.enumerated() { if let p { children[p].append(i) } }
        let byName: (Int, Int) -> Bool = { (regions[$0].name, regions[$0].slug) < (regions[$1].name, regions[$1].slug) }
        for i in children.indices { children[i].sort(by: byName) }
        var order: [Int] = []
        var depth = [Int](repeating: 0, count: regions.count)
        func visit(_ i: Int, _ d: Int) {
            order.append(i)
            depth[i] = d
            for c in children[i] { visit(c, d + 1) }
        }
        // Regions within no other come first, by name; each is followed by its tree.
        for root in regions.indices.filter({ parent[$0] == nil }).sorted(by: byName) { visit(root, 0) }
        var ancestors = [[Int]](repeating: [], count: regions.count)
        for i in regions.indices {
            var current = parent[i]
            while let c = current, ancestors[i].count < regions.count {
                ancestors[i].append(c)
                current = parent[c]
            }
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var descendants = [[Int]](repeating: [], count: regions.count)
        for i in regions.indices {
            for a in ancestors[i] { descendants[a].append(i) }
        }
        for i in descendants.indices { descendants[i].sort { position[$0, default: 0] < position[$1, default: 0] } }
        self.parent = parent
        self.ancestors = ancestors
        self.descendants = descendants
        self.depth = depth
        self.order = order
        if regions.count <= 64 {
            relatedMasks = regions.indices.map { i in
                ([i] + ancestors[i] + descendants[i]).reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
            }
        } else {
            relatedMasks = nil
        }
    }

    /// True when two regions share: the same, or one within the other.
    public func related(_ a: Int, _ b: Int) -> Bool {
        if let relatedMasks { return relatedMasks[a] & (1 << UInt64(b)) != 0 }
        return a == b || ancestors[a].contains(b) || ancestors[b].contains(a)
    }

    /// How many of `mine` share with at least one of `theirs`.
    public func shared(_ mine: [Int], _ theirs: [Int]) -> Int {
        if let relatedMasks {
            let theirMask = theirs.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
            return mine.reduce(0) { $0 + (relatedMasks[$1] & theirMask != 0 ? 1 : 0) }
        }
        return mine.reduce(0) { count, m in count + (theirs.contains { related(m, $0) } ? 1 : 0) }
    }
}
