import Support
import Content
import Graph
@testable import Render
import Testing
import TestSupport

/// The looking-for and evidence lists: what they hold, in what order, and how a page break is headed.
@Suite struct OrganiserListsTests {
    static func card(_ slug: String, topics: [String], regions: [String], status: Status = .active, lookingFor: String? = nil,
                     links: [CardLink] = []) -> Card {
        Card(slug: slug, file: "cards/\(slug).md", name: slug, kind: .group, summary: "s", topics: topics, regions: regions,
             updated: ContentDate(year: 2026, month: 1, day: 1)!, status: status, lookingFor: lookingFor, links: links)
    }

    static func renderer(_ cards: [Card], guides: [Guide] = [], pageSize: Int = SiteConfig.defaultPageSize) async throws -> SiteRenderer {
        let content = Content(site: SiteConfig(title: "Test", pageSize: pageSize), topics: [Topic(slug: "carers", name: "Carers"), Topic(slug: "art", name: "Art")],
                              regions: sampleRegions, cards: cards.sorted { $0.slug < $1.slug }, guides: guides)
        let theme = try Theme.load(themesDirectory: FixtureBuild.themes, name: "default")
        return await SiteRenderer.make(graph: await SiteGraph.build(content), theme: theme,
                                       options: RenderOptions(baseURL: nil, today: FixtureBuild.today))
    }

    @Test func lookingForListsOpenCardsByTopicThenRegionThenName() async throws {
        let renderer = try await Self.renderer([
            Self.card("b-group", topics: ["carers", "art"], regions: ["scotland", "london"], lookingFor: "Volunteers"),
            Self.card("a-group", topics: ["carers"], regions: ["london"], lookingFor: "Partners"),
            Self.card("closed-group", topics: ["carers"], regions: ["london"], status: .closed, lookingFor: "Anyone"),
            Self.card("quiet-group", topics: ["carers"], regions: ["london"]),
        ])
        let graph = renderer.graph
        let entries = renderer.organiserLists.lookingFor.map {
            [graph.content.topics[$0.topic].slug, graph.content.regions[$0.region].slug, graph.content.cards[$0.card].slug]
        }
        // Art before Carers; London (within England) before Scotland in the tree; by name within a region.
        #expect(entries == [["art", "london", "b-group"], ["art", "scotland", "b-group"],
                            ["carers", "london", "a-group"], ["carers", "london", "b-group"], ["carers", "scotland", "b-group"]])
    }

    @Test func aTopicCutByAPageBreakIsHeadedAgain() async throws {
        let cards = (0..<150).map { n in
            Self.card("group-\(1000 + n)", topics: ["carers"], regions: ["london", "scotland"], lookingFor: "Volunteers",
                      links: [CardLink(title: "Evaluation \(n)", url: "https://example.org/\(n)")])
        }
        let renderer = try await Self.renderer(cards, pageSize: 200)
        let lists = renderer.organiserLists
        #expect(renderer.listPages.lookingFor(lists).pages == 2)
        var listed = 0
        var firstRegions: [String] = []
        var groups: [[Int]] = []
        for number in 1...2 {
            let values = PageContext(renderer: renderer, path: Route.lookingFor(page: number).path).lookingFor(number)
            let topics = try #require(values["topics"] as? [[String: Any]])
            #expect(topics.count == 1)
            #expect("\(topics[0]["name"] ?? "")" == "Carers")
            let regions = try #require(topics[0]["regions"] as? [[String: Any]])
            firstRegions.append("\(regions[0]["name"] ?? "")")
            groups.append(regions.map { ($0["entries"] as? [[String: Any]])?.count ?? 0 })
            listed += groups[number - 1].reduce(0, +)
        }
        // 300 entries: 150 in London, then 150 in Scotland; page 1 ends 50 into Scotland, and
        // page 2 opens with the topic and Scotland headed again for the other 100.
        #expect(listed == 300)
        #expect(firstRegions == ["London", "Scotland"])
        #expect(groups == [[150, 50], [100]])
        let evidence = PageContext(renderer: renderer, path: "evidence/").evidence(1)
        let topics = try #require(evidence["topics"] as? [[String: Any]])
        #expect((topics.first?["entries"] as? [[String: Any]])?.count == 150)
        #expect(renderer.listPages.evidence(lists).pages == 1)
    }

    @Test func siteYMLsPageSizeCutsTheLookingForAndEvidenceListsLikeTheAToZ() async throws {
        let cards = (0..<150).map { n in
            Self.card("group-\(1000 + n)", topics: ["carers"], regions: ["london", "scotland"], lookingFor: "Volunteers",
                      links: [CardLink(title: "Evaluation \(n)", url: "https://example.org/\(n)")])
        }
        // 150 cards, 300 looking-for entries (two regions each) and 150 links, 40 to a page.
        let renderer = try await Self.renderer(cards, pageSize: 40)
        let pages = renderer.pages()
        #expect(pages.filter { if case .cardList = $0 { true } else { false } } == (1...4).map(Page.cardList))
        #expect(pages.filter { if case .lookingFor = $0 { true } else { false } } == (1...8).map(Page.lookingFor))
        #expect(pages.filter { if case .evidence = $0 { true } else { false } } == (1...4).map(Page.evidence))
        #expect(renderer.path(of: .lookingFor(page: 8)) == "looking-for/page/8/")
        let sitemap = DataFiles(graph: renderer.graph, options: renderer.options).sitemap()
        for path in ["cards/page/4/", "looking-for/page/8/", "evidence/page/4/"] { #expect(sitemap.contains("<loc>/\(path)</loc>"), "\(path)") }
        #expect(!sitemap.contains("looking-for/page/9/"))
        #expect(!sitemap.contains("evidence/page/5/"))
    }
}
