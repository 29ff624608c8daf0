import Support
import Testing

@Suite struct RouteTests {
    static let pages: [Route] = [
        .home, .cardsAZ(page: 3), .card("a"), .guides(page: 2), .guide("b"), .topics, .topic("t", page: 4),
        .topicRegion(topic: "t", region: "r", page: 2), .regions, .region("r", page: 5), .search,
        .coverage(page: 2), .lookingFor(page: 3), .evidence(page: 2),
    ]
    static let files: [Route] = [
        .notFound, .index, .entries(kind: "cards", number: 2), .atomFeed, .jsonFeed, .sitemap, .sitemapPart(3), .robots,
        .searchData("docs/0.json"), .spreadsheet("cards", part: 0), .spreadsheet("cards", part: 2), .spreadsheetMetadata,
        .openReferralRoot, .openReferralList("services", page: 2), .openReferralRecord("services", id: "x"),
        .hostRedirects, .hostHeaders,
    ]

    /// A page is a folder written as its index.html; a data file is written as itself.
    @Test func pagesAreFoldersAndFilesAreFiles() {
        for route in Self.pages {
            #expect(route.path.isEmpty || route.path.hasSuffix("/"), "\(route)")
            #expect(route.file == route.path + "index.html")
        }
        for route in Self.files {
            #expect(!route.path.hasSuffix("/") && route.file == route.path, "\(route)")
        }
    }

    /// A list's first page is the list's own address, so no link to a list breaks when it
    /// grows a second page; later pages are under it.
    @Test func aListsFirstPageKeepsItsAddress() {
        #expect(Route.topic("carers", page: 1) .path == Route.topic("carers").path)
        #expect(Route.topic("carers", page: 1).path == "topics/carers/")
        #expect(Route.topic("carers", page: 3).path == "topics/carers/page/3/")
        #expect(Route.openReferralList("services", page: 1).path == "oruk/services/index.json")
        #expect(Route.openReferralList("services", page: 2).path == "oruk/services/page/2/index.json")
    }

    /// Every route is under a top-level name the table declares, so static files are kept
    /// out of every place the site writes, and no two routes in the examples share a path.
    @Test func everyRouteIsUnderADeclaredTopLevelName() {
        let declared = Set(Route.topLevel.map(\.name))
        for route in Self.pages + Self.files where route != .home {
            let top = String(route.path.split(separator: "/").first ?? "")
            #expect(declared.contains(top) || Route.numberedTopLevel(matching: top) != nil, "\(route.path)")
        }
        #expect(Route.numberedTopLevel(matching: "Sitemap-12.XML") != nil)
        #expect(Route.numberedTopLevel(matching: "sitemap-notes.xml") == nil)
        #expect(Route.numberedTopLevel(matching: "cards-.csv") == nil)
        let paths = (Self.pages + Self.files).map(\.path)
        #expect(Set(paths).count == paths.count)
    }
}
