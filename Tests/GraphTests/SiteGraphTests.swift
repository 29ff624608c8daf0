import Testing
import TestSupport
import Content
@testable import Graph

/// A small directory built in memory: regions uk-wide ⊃ england ⊃ {london, north-west}, scotland.
func makeContent(cards: [Card], guides: [Guide] = []) -> Content {
    Content(
        site: SiteConfig(title: "Test"),
        topics: ["carers", "dementia", "diabetes", "hiv"].map { Topic(slug: $0, name: $0.uppercased()) },
        regions: sampleRegions,
        cards: cards.sorted { $0.slug < $1.slug }, guides: guides.sorted { $0.slug < $1.slug })
}

func card(_ slug: String, _ name: String? = nil, topics: [String], regions: [String], related: [String] = []) -> Card {
    Card(slug: slug, file: "cards/\(slug).md", name: name ?? slug, kind: .group, summary: "s", topics: topics, regions: regions,
         updated: ContentDate(year: 2026, month: 1, day: 1)!, related: related)
}

func guide(_ slug: String, topics: [String], regions: [String] = [], cards: [String] = [], linked: [String] = []) -> Guide {
    Guide(slug: slug, file: "guides/\(slug).md", title: slug, summary: "s", topics: topics, regions: regions, cards: cards,
          updated: ContentDate(year: 2026, month: 1, day: 1)!, linkedCards: linked)
}

@Suite struct SiteGraphTests {
    func slugs(_ graph: SiteGraph, _ indexes: [Int]) -> [String] { indexes.map { graph.content.cards[$0].slug } }

    @Test func relatedPutsOwnRelatedFirstThenScoreThenNameThenSlug() async {
        let content = makeContent(cards: [
            card("a", topics: ["carers", "dementia"], regions: ["london"], related: ["z"]),
            card("b", "Bravo", topics: ["carers", "dementia"], regions: ["scotland"]),      // 4 + 0
            card("c", "Alpha", topics: ["carers"], regions: ["london"]),                   // 2 + 1
            card("d", "Alpha", topics: ["carers"], regions: ["england"]),                  // 2 + 1 (england contains london)
            card("e", "Echo", topics: ["dementia", "carers"], regions: ["north-west"]),    // 4 + 0
            card("f", topics: ["hiv"], regions: ["uk-wide"]),                              // 0 + 1
            card("g", topics: ["diabetes"], regions: ["scotland"]),                        // 0
            card("z", "Zulu", topics: ["hiv"], regions: ["scotland"]),                     // declared
        ])
        let graph = await SiteGraph.build(content)
        let a = graph.cards.index["a"]!
        // Declared first; then 4-point ties by name (Bravo, Echo); then 3-point ties by name then slug (c, d); then f.
        #expect(slugs(graph, graph.relatedCards[a]) == ["z", "b", "e", "c", "d", "f"])
    }

    @Test func relatedStopsAtSixAndNeverIncludesItself() async {
        let cards = (0..<20).map { card("c\($0)", topics: ["carers"], regions: ["london"]) }
        let graph = await SiteGraph.build(makeContent(cards: cards))
        for i in graph.content.cards.indices {
            #expect(graph.relatedCards[i].count == 6)
            #expect(!graph.relatedCards[i].contains(i))
        }
    }

    @Test func regionNesting() async {
        let graph = await SiteGraph.build(makeContent(cards: [card("a", topics: ["carers"], regions: ["london"])]))
        let london = graph.regionIndex["london"]!, england = graph.regionIndex["england"]!, uk = graph.regionIndex["uk-wide"]!
        #expect(graph.regions.ancestors[london] == [england, uk])
        #expect(graph.regions.descendants[uk].map { graph.content.regions[$0].slug } == ["england", "london", "north-west", "scotland"])
        #expect(graph.regions.order.map { graph.content.regions[$0].slug } == ["uk-wide", "england", "london", "north-west", "scotland"])
        #expect(graph.regions.related(london, uk))
        #expect(!graph.regions.related(london, graph.regionIndex["scotland"]!))
    }

    @Test func topicRegionPagesListLocalThenWider() async {
        let content = makeContent(cards: [
            card("local", topics: ["carers"], regions: ["london"]),
            card("england-wide", topics: ["carers"], regions: ["england"]),
            card("uk", topics: ["carers"], regions: ["uk-wide"]),
            card("other-topic", topics: ["hiv"], regions: ["uk-wide"]),
            card("scottish", topics: ["carers"], regions: ["scotland"]),
        ])
        let graph = await SiteGraph.build(content)
        let carers = graph.topicIndex["carers"]!
        func page(_ region: String) -> TopicRegionPage? {
            graph.topicRegionPages.first { $0.topic == carers && $0.region == graph.regionIndex[region]! }
        }
        let london = page("london")
        #expect(london.map { slugs(graph, $0.local) } == ["local"])
        #expect(london.map { slugs(graph, $0.wider) } == ["england-wide", "uk"])
        // England's own page holds the London card (within it) and its own.
        #expect(page("england").map { slugs(graph, $0.local) } == ["england-wide", "local"])
        // A page where no card is local too: North West has only wider cards, and its
        // page says so and lists them.
        #expect(page("north-west").map { slugs(graph, $0.local) } == [])
        #expect(page("north-west").map { slugs(graph, $0.wider) } == ["england-wide", "uk"])
        // No page for a topic with no card in the region.
        #expect(!graph.topicRegionPages.contains { $0.topic == graph.topicIndex["dementia"]! })
    }

    @Test func mentionedInComesFromCardsFieldAndBodyLinks() async {
        let content = makeContent(
            cards: [card("a", topics: ["carers"], regions: ["london"]), card("b", topics: ["carers"], regions: ["london"])],
            guides: [guide("cites", topics: ["carers"], cards: ["a"]), guide("links", topics: ["carers"], linked: ["a", "b"]),
                     guide("none", topics: ["hiv"])])
        let graph = await SiteGraph.build(content)
        let a = graph.cards.index["a"]!, b = graph.cards.index["b"]!
        #expect(graph.mentionedIn[a].map { graph.content.guides[$0].slug } == ["cites", "links"])
        #expect(graph.mentionedIn[b].map { graph.content.guides[$0].slug } == ["links"])
        let links = graph.guides.index["links"]!
        #expect(slugs(graph, graph.guideCards[links]) == ["a", "b"])
    }

    @Test func relatedGuidesByTopicsAndRegions() async {
        let content = makeContent(cards: [], guides: [
            guide("g1", topics: ["carers", "dementia"]), guide("g2", topics: ["carers", "dementia"]),
            guide("g3", topics: ["carers"]), guide("g4", topics: ["hiv"]),
        ])
        let graph = await SiteGraph.build(content)
        let g1 = graph.guides.index["g1"]!
        #expect(graph.relatedGuides[g1].map { graph.content.guides[$0].slug } == ["g2", "g3"])
    }

    @Test func widerAndWithinCardsOfARegion() async {
        let content = makeContent(cards: [
            card("in-london", topics: ["carers"], regions: ["london"]),
            card("in-england", topics: ["carers"], regions: ["england"]),
            card("uk", topics: ["carers"], regions: ["uk-wide"]),
        ])
        let graph = await SiteGraph.build(content)
        #expect(slugs(graph, graph.widerCards(region: graph.regionIndex["london"]!)) == ["in-england", "uk"])
        // A card counts once in every region it names or is within.
        func count(_ r: String) -> Int { graph.regionCardCount[graph.regionIndex[r]!] }
        #expect([count("london"), count("england"), count("uk-wide"), count("scotland")] == [1, 2, 3, 0])
    }
}
