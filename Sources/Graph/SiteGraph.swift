public import Content

/// A topic-by-region signposting page: the cards for one topic in one region. There is
/// one for every topic and region that a card of the topic is based in or covers.
public struct TopicRegionPage: Sendable, Equatable {
    /// Topic index.
    public let topic: Int
    /// Region index.
    public let region: Int
    /// Cards in the region or a region within it, by name.
    public let local: [Int]
    /// Cards that cover the region through a wider one (England, UK-wide), by name.
    public let wider: [Int]
}

/// Every cross-link in the content, as indexes into `content`'s sorted arrays.
/// Built once from checked content; immutable and shared by every renderer.
public struct SiteGraph: Sendable {
    /// The content the graph links.
    public private(set) var content: Content
    /// The cards: by slug, by name (then slug), their topics and regions, by topic.
    public let cards: EntryIndex
    /// The guides: by slug, by title (then slug), their topics and regions, by topic.
    public let guides: EntryIndex
    /// Each other entry type's entries, by title, in the order of `content.entries`,
    /// and the cards each lists.
    public let entries: [EntryIndex]
    public let entryCards: [[[Int]]]
    public let topicIndex: [String: Int]
    public let regionIndex: [String: Int]
    public let regions: RegionTree
    /// Region index → cards that name it directly, by name.
    public let cardsByRegion: [[Int]]
    /// Region index → the number of cards that name it or a region within it.
    public let regionCardCount: [Int]
    /// Region index → guides that name it or a region within it, by title.
    public let guidesByRegion: [[Int]]
    /// Card index → related cards: its own `related` first, then by score.
    public private(set) var relatedCards: [[Int]]
    /// Guide index → related guides by score.
    public private(set) var relatedGuides: [[Int]]
    /// Card index → the guides that cite it in `cards` or link to it, by title.
    public let mentionedIn: [[Int]]
    /// Guide index → the cards it draws on: `cards` first, then cards its body links to.
    public let guideCards: [[Int]]
    /// Every topic-by-region page, by topic then region tree order: one wherever a card of
    /// the topic is local or covers the region from a wider one.
    public let topicRegionPages: [TopicRegionPage]
    /// The organisation that runs each card, and what each organisation runs.
    public let organisations: OrganisationLinks
    /// The most related items shown.
    public static let relatedLimit = 6

    /// Builds every index from checked content, scoring related items on every core.
    public static func build(_ content: Content) async -> SiteGraph {
        var graph = SiteGraph(content)
        let cards = graph.cards, guides = graph.guides
        graph.relatedCards = await Related.compute(
            count: content.cards.count, topics: cards.topics, regions: cards.regions, rank: cards.rank,
            postings: cards.byTopic, regionPostings: graph.cardsByRegion, tree: graph.regions,
            explicit: content.cards.indices.map { content.cards[$0].related.compactMap { cards.index[$0] } }, limit: relatedLimit)
        graph.relatedGuides = await Related.compute(
            count: content.guides.count, topics: guides.topics, regions: guides.regions, rank: guides.rank,
            postings: guides.byTopic, regionPostings: nil, tree: graph.regions,
            explicit: content.guides.map { _ in [] }, limit: relatedLimit)
        return graph
    }

    private init(_ content: Content) {
        self.content = content
        let cards = content.cards, guides = content.guides
        // By index throughout: `cards[i].field` reads one field, where iterating the
        // array copies every card whole (some twenty strings and arrays to retain).
        topicIndex = Dictionary(uniqueKeysWithValues: content.topics.enumerated().map { ($1.slug, $0) })
        regionIndex = Dictionary(uniqueKeysWithValues: content.regions.enumerated().map { ($1.slug, $0) })
        regions = RegionTree(content.regions)
        let topicIndex = self.topicIndex, regionIndex = self.regionIndex, topicCount = content.topics.count
        // Keys taken out first: reading `cards[i]` inside the comparison would copy a whole card each time.
        let cardIndex = EntryIndex(
            slugs: cards.indices.map { cards[$0].slug }, keys: cards.indices.map { (String(FilingName.of(cards[$0].name)), cards[$0].slug) },
            topics: cards.indices.map { cards[$0].topics }, regions: cards.indices.map { cards[$0].regions },
            topicIndex: topicIndex, regionIndex: regionIndex, topicCount: topicCount)
        let guideIndex = EntryIndex(
            slugs: guides.indices.map { guides[$0].slug }, keys: guides.indices.map { (guides[$0].title, guides[$0].slug) },
            topics: guides.indices.map { guides[$0].topics }, regions: guides.indices.map { guides[$0].regions },
            topicIndex: topicIndex, regionIndex: regionIndex, topicCount: topicCount)
        self.cards = cardIndex
        self.guides = guideIndex

        // Postings lists, filled in name order so each comes out sorted.
        var byRegion = [[Int]](repeating: [], count: content.regions.count)
        for c in cardIndex.order {
            for r in cardIndex.regions[c] { byRegion[r].append(c) }
        }
        cardsByRegion = byRegion
        let tree = regions
        regionCardCount = content.regions.indices.map { r in
            Set(([r] + tree.descendants[r]).flatMap { byRegion[$0] }).count
        }
        var guidesRegion = [[Int]](repeating: [], count: content.regions.count)
        for g in guideIndex.order {
            var covered = Set<Int>()
            for r in guideIndex.regions[g] { covered.insert(r); covered.formUnion(regions.ancestors[r]) }
            for r in covered.sorted() { guidesRegion[r].append(g) }
        }
        guidesByRegion = guidesRegion
        relatedCards = []
        relatedGuides = []

        var mentioned = [[Int]](repeating: [], count: cards.count)
        var drawsOn = [[Int]](repeating: [], count: guides.count)
        for g in guideIndex.order {
            var seen = Set<Int>()
            for slug in guides[g].cards + guides[g].linkedCards {
                guard let c = cardIndex.index[slug], seen.insert(c).inserted else { continue }
                drawsOn[g].append(c)
                mentioned[c].append(g)
            }
        }
        mentionedIn = mentioned
        guideCards = drawsOn
        organisations = OrganisationLinks(cards: cards, cardIndex: cardIndex.index, cardsByName: cardIndex.order)
        entries = content.entries.map { EntryIndex($0.all, topicIndex: topicIndex, regionIndex: regionIndex, topicCount: topicCount) }
        entryCards = content.entries.map { $0.all.map { $0.cards.compactMap { cardIndex.index[$0] } } }

        topicRegionPages = Self.topicRegionPages(cardsByTopic: cardIndex.byTopic, cardRegions: cardIndex.regions, tree: tree)
    }

    /// Every topic × region page, topic by topic and in the region tree's order.
    ///
    /// One pass over the topic's cards (in name order) for each region: a card is local
    /// when one of its regions is the region or within it, else wider when one is
    /// around it. Flags by region index, since a card names only a few regions.
    static func topicRegionPages(cardsByTopic: [[Int]], cardRegions: [[Int]], tree: RegionTree) -> [TopicRegionPage] {
        var pages: [TopicRegionPage] = []
        let regionCount = tree.ancestors.count
        let masks = tree.order.map { r -> (region: Int, within: [Bool], around: [Bool]) in
            var within = [Bool](repeating: false, count: regionCount), around = within
            for d in [r] + tree.descendants[r] { within[d] = true }
            for a in tree.ancestors[r] { around[a] = true }
            return (r, within, around)
        }
        for t in cardsByTopic.indices {
            for (r, within, around) in masks {
                var local: [Int] = [], wider: [Int] = []
                for c in cardsByTopic[t] {
                    if cardRegions[c].contains(where: { within[$0] }) {
                        local.append(c)
                    } else if cardRegions[c].contains(where: { around[$0] }) {
                        wider.append(c)
                    }
                }
                // A page wherever a card of the topic reaches the region, even only from a
                // wider one: it says that nothing is based there yet, and what covers it.
                guard !local.isEmpty || !wider.isEmpty else { continue }
                pages.append(TopicRegionPage(topic: t, region: r, local: local, wider: wider))
            }
        }
        return pages
    }

    /// The graph with card `i` replaced by `card`, which links to what the old card
    /// linked to (`Card.linksAlike`), so that every index stays as it is. Nothing is
    /// worked out again: for a preview of one card's page.
    public func replacingCard(_ i: Int, with card: Card) -> SiteGraph {
        let old = content.cards[i]
        precondition(card.slug == old.slug && card.linksAlike(old), "a card whose links differ needs the graph built again")
        var copy = self
        copy.content.cards[i] = card
        return copy
    }

    /// The graph with guide `i` replaced by `guide`, which links to what the old guide
    /// linked to (`Guide.linksAlike`): for a preview of one guide's page, as for a card.
    /// Its place in the guides' order is left as it was, even if its title moved it.
    public func replacingGuide(_ i: Int, with guide: Guide) -> SiteGraph {
        let old = content.guides[i]
        precondition(guide.slug == old.slug && guide.linksAlike(old), "a guide whose links differ needs the graph built again")
        var copy = self
        copy.content.guides[i] = guide
        return copy
    }

    /// Cards that cover region `r` through a wider region, by name.
    public func widerCards(region r: Int) -> [Int] {
        let direct = Set(([r] + regions.descendants[r]).flatMap { cardsByRegion[$0] })
        let wider = Set(regions.ancestors[r].flatMap { cardsByRegion[$0] }).subtracting(direct)
        return wider.sorted { cards.rank[$0] < cards.rank[$1] }
    }
}
