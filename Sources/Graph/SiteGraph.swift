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
    public let cardIndex: [String: Int]
    public let guideIndex: [String: Int]
    public let topicIndex: [String: Int]
    public let regionIndex: [String: Int]
    public let regions: RegionTree
    /// Card index → topic indexes and region indexes.
    public let cardTopics: [[Int]]
    public let cardRegions: [[Int]]
    /// Card indexes sorted by name, then slug.
    public let cardsByName: [Int]
    /// Card index → position in `cardsByName`.
    public let cardRank: [Int]
    /// Guide indexes sorted by title, then slug.
    public let guidesByTitle: [Int]
    /// Topic index → its cards, by name.
    public let cardsByTopic: [[Int]]
    /// Region index → cards that name it directly, by name.
    public let cardsByRegion: [[Int]]
    /// Topic index → its guides, by title.
    public let guidesByTopic: [[Int]]
    /// Region index → the number of cards that name it or a region within it.
    public let regionCardCount: [Int]
    /// Region index → guides that name it or a region within it, by title.
    public let guidesByRegion: [[Int]]
    /// Card index → related cards: its own `related` first, then by score.
    public private(set) var relatedCards: [[Int]]
    /// Guide index → related guides by score.
    public private(set) var relatedGuides: [[Int]]
    /// Guide index → topic indexes and region indexes.
    public let guideTopics: [[Int]]
    public let guideRegions: [[Int]]
    /// Guide index → position in `guidesByTitle`.
    public let guideRank: [Int]
    /// Card index → the guides that cite it in `cards` or link to it, by title.
    public let mentionedIn: [[Int]]
    /// Guide index → the cards it draws on: `cards` first, then cards its body links to.
    public let guideCards: [[Int]]
    /// Every topic-by-region page, by topic then region tree order: one wherever a card of
    /// the topic is local or covers the region from a wider one.
    public let topicRegionPages: [TopicRegionPage]
    /// The organisation that runs each card, and what each organisation runs.
    public let organisations: OrganisationLinks
    /// The cross-links of each entry type's entries, in the order of `content.entries`.
    public let entryLinks: [EntryLinks]
    /// The most related items shown.
    public static let relatedLimit = 6

    /// Builds every index from checked content, scoring related items on every core.
    public static func build(_ content: Content) async -> SiteGraph {
        var graph = SiteGraph(content)
        let cardIndex = graph.cardIndex
        graph.relatedCards = await Related.compute(
            count: content.cards.count, topics: graph.cardTopics, regions: graph.cardRegions, rank: graph.cardRank,
            postings: graph.cardsByTopic, regionPostings: graph.cardsByRegion, tree: graph.regions,
            explicit: content.cards.indices.map { content.cards[$0].related.compactMap { cardIndex[$0] } }, limit: relatedLimit)
        graph.relatedGuides = await Related.compute(
            count: content.guides.count, topics: graph.guideTopics, regions: graph.guideRegions, rank: graph.guideRank,
            postings: graph.guidesByTopic, regionPostings: nil, tree: graph.regions,
            explicit: content.guides.map { _ in [] }, limit: relatedLimit)
        return graph
    }

    private init(_ content: Content) {
        self.content = content
        let cards = content.cards, guides = content.guides
        // By index throughout: `cards[i].field` reads one field, where iterating the
        // array copies every card whole (some twenty strings and arrays to retain).
        cardIndex = Dictionary(uniqueKeysWithValues: cards.indices.map { (cards[$0].slug, $0) })
        guideIndex = Dictionary(uniqueKeysWithValues: guides.indices.map { (guides[$0].slug, $0) })
        topicIndex = Dictionary(uniqueKeysWithValues: content.topics.enumerated().map { ($1.slug, $0) })
        regionIndex = Dictionary(uniqueKeysWithValues: content.regions.enumerated().map { ($1.slug, $0) })
        regions = RegionTree(content.regions)
        let topicIndex = self.topicIndex, regionIndex = self.regionIndex
        cardTopics = cards.indices.map { cards[$0].topics.compactMap { topicIndex[$0] } }
        cardRegions = cards.indices.map { cards[$0].regions.compactMap { regionIndex[$0] } }
        let guideTopics: [[Int]] = guides.indices.map { guides[$0].topics.compactMap { topicIndex[$0] } }
        let guideRegions: [[Int]] = guides.indices.map { guides[$0].regions.compactMap { regionIndex[$0] } }

        // Keys taken out first: reading `cards[i]` inside the comparison would copy a whole card each time.
        let cardKeys = cards.indices.map { (String(FilingName.of(cards[$0].name)), cards[$0].slug) }
        cardsByName = cards.indices.sorted { cardKeys[$0] < cardKeys[$1] }
        var rank = [Int](repeating: 0, count: cards.count)
        for (position, card) in cardsByName.enumerated() { rank[card] = position }
        cardRank = rank
        let guideKeys = guides.indices.map { (guides[$0].title, guides[$0].slug) }
        guidesByTitle = guides.indices.sorted { guideKeys[$0] < guideKeys[$1] }
        var guideRank = [Int](repeating: 0, count: guides.count)
        for (position, guide) in guidesByTitle.enumerated() { guideRank[guide] = position }

        // Postings lists, filled in name order so each comes out sorted.
        var byTopic = [[Int]](repeating: [], count: content.topics.count)
        var byRegion = [[Int]](repeating: [], count: content.regions.count)
        for c in cardsByName {
            for t in cardTopics[c] { byTopic[t].append(c) }
            for r in cardRegions[c] { byRegion[r].append(c) }
        }
        cardsByTopic = byTopic
        cardsByRegion = byRegion
        let tree = regions
        regionCardCount = content.regions.indices.map { r in
            Set(([r] + tree.descendants[r]).flatMap { byRegion[$0] }).count
        }
        var guidesTopic = [[Int]](repeating: [], count: content.topics.count)
        var guidesRegion = [[Int]](repeating: [], count: content.regions.count)
        for g in guidesByTitle {
            for t in guideTopics[g] { guidesTopic[t].append(g) }
            var covered = Set<Int>()
            for r in guideRegions[g] { covered.insert(r); covered.formUnion(regions.ancestors[r]) }
            for r in covered.sorted() { guidesRegion[r].append(g) }
        }
        guidesByTopic = guidesTopic
        guidesByRegion = guidesRegion

        self.guideTopics = guideTopics
        self.guideRegions = guideRegions
        self.guideRank = guideRank
        relatedCards = []
        relatedGuides = []

        var mentioned = [[Int]](repeating: [], count: cards.count)
        var drawsOn = [[Int]](repeating: [], count: guides.count)
        let cardIndex = self.cardIndex
        for g in guidesByTitle {
            var seen = Set<Int>()
            for slug in guides[g].cards + guides[g].linkedCards {
                guard let c = cardIndex[slug], seen.insert(c).inserted else { continue }
                drawsOn[g].append(c)
                mentioned[c].append(g)
            }
        }
        mentionedIn = mentioned
        guideCards = drawsOn
        organisations = OrganisationLinks(cards: cards, cardIndex: cardIndex, cardsByName: cardsByName)
        entryLinks = content.entries.map {
            EntryLinks($0.all, topicIndex: topicIndex, regionIndex: regionIndex, cardIndex: cardIndex, topicCount: content.topics.count)
        }

        topicRegionPages = Self.topicRegionPages(cardsByTopic: byTopic, cardRegions: cardRegions, tree: tree)
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

    /// The graph with card `i` replaced by `card`, whose topics, regions, related cards,
    /// kind, organisation and former slugs are the old card's, so that every index stays
    /// as it is. Nothing is worked out again: for a preview of one card's page.
    public func replacingCard(_ i: Int, with card: Card) -> SiteGraph {
        let old = content.cards[i]
        precondition(card.slug == old.slug && card.topics == old.topics && card.regions == old.regions && card.related == old.related
                     && card.kind == old.kind && card.details.organisation == old.details.organisation,
                     "a card whose links differ needs the graph built again")
        var copy = self
        copy.content.cards[i] = card
        return copy
    }

    /// Cards that cover region `r` through a wider region, by name.
    public func widerCards(region r: Int) -> [Int] {
        let direct = Set(([r] + regions.descendants[r]).flatMap { cardsByRegion[$0] })
        let wider = Set(regions.ancestors[r].flatMap { cardsByRegion[$0] }).subtracting(direct)
        return wider.sorted { cardRank[$0] < cardRank[$1] }
    }
}
