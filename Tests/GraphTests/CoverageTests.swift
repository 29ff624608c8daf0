import Testing
import TestSupport
import Content
@testable import Graph

/// The coverage counts: active cards of a topic that name a region or one within it.
@Suite struct CoverageTests {
    @Test func countsActiveCardsInTheRegionAndWithinIt() async {
        var paused = card("paused-london", topics: ["carers"], regions: ["london"])
        paused.status = .paused
        var closed = card("closed-scotland", topics: ["carers"], regions: ["scotland"])
        closed.status = .closed
        let cards = [
            card("london-carers", topics: ["carers", "dementia"], regions: ["london"]),
            card("north-west-carers", topics: ["carers"], regions: ["north-west", "scotland"]),
            card("england-carers", topics: ["carers"], regions: ["england"]),
            card("uk-dementia", topics: ["dementia"], regions: ["uk-wide"]),
            paused, closed,
        ]
        let graph = await SiteGraph.build(makeContent(cards: cards))
        let coverage = Coverage(graph)
        let content = graph.content
        func count(_ topic: String, _ region: String) -> Int {
            coverage.active(topic: graph.topicIndex[topic]!, region: graph.regionIndex[region]!)
        }
        // By hand: london-carers in London; north-west-carers in the North West and Scotland; england-carers in England.
        #expect(count("carers", "london") == 1)
        #expect(count("carers", "north-west") == 1)
        #expect(count("carers", "england") == 3)
        #expect(count("carers", "scotland") == 1)
        #expect(count("carers", "uk-wide") == 3)
        #expect(count("dementia", "london") == 1)
        #expect(count("dementia", "scotland") == 0)
        #expect(count("hiv", "uk-wide") == 0)
        #expect(coverage.activeWider(topic: graph.topicIndex["dementia"]!, region: graph.regionIndex["scotland"]!) == 1)
        #expect(coverage.activeWider(topic: graph.topicIndex["carers"]!, region: graph.regionIndex["london"]!) == 1)

        // Every pair agrees with a count straight from the cards, and a count above zero always has a page.
        var covered = 0
        for t in content.topics.indices {
            for r in content.regions.indices {
                let within = Set([r] + graph.regions.descendants[r])
                let expected = content.cards.indices.filter { c in
                    content.cards[c].status == .active && graph.cards.topics[c].contains(t) && graph.cards.regions[c].contains(where: within.contains)
                }.count
                #expect(coverage.active(topic: t, region: r) == expected, "\(content.topics[t].slug) in \(content.regions[r].slug)")
                if expected > 0 {
                    covered += 1
                    #expect(coverage.page(topic: t, region: r) != nil)
                }
            }
        }
        #expect(coverage.coveredPairs == covered)
        #expect(coverage.topics.map { content.topics[$0].name } == content.topics.map(\.name).sorted())
        #expect(coverage.regions == graph.regions.order)
    }
}
