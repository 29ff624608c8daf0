public import Support
internal import Content
public import Graph

/// The directory as spreadsheets (docs/open-data.md): `cards.csv`, a row for every
/// card, and `coverage.csv`, a row for every topic in every region with its count of
/// active cards; each cut into numbered parts when it would be larger than a host takes
/// (`cards-1.csv`, `cards-2.csv`, …), and described, with the data's licence, in
/// `csv-metadata.json` (W3C's metadata for tabular data on the web).
public struct CSVFiles: FileGenerator {
    public let graph: SiteGraph
    public let options: RenderOptions
    /// The theme's words: the tables' titles, the columns' descriptions and the words in
    /// the cells (labels, meeting times, the names of languages).
    public let words: Words
    let coverage: Coverage
    /// The positions in `graph.cards.order` each part of cards.csv holds.
    let cardParts: [Range<Int>]
    /// The positions among the coverage rows (topic by topic, each region in tree order) each part holds.
    let coverageParts: [Range<Int>]
    /// The length of each part of cards.csv, then of coverage.csv, in bytes.
    let cardPartBytes: [Int], coveragePartBytes: [Int]

    /// The most bytes one file may hold: 25 MiB, the most Cloudflare Pages serves.
    public static let partLimit = 25 << 20
    /// The file that describes every table and names the licence.
    public static let metadataPath = Route.spreadsheetMetadata.path

    /// Plans the files, measuring every row to see where the parts must be cut.
    public init(graph: SiteGraph, options: RenderOptions, words: Words = .english, partLimit: Int = CSVFiles.partLimit) {
        self.graph = graph
        self.options = options
        self.words = words
        coverage = Coverage(graph)
        let header = CSVText.byteOrderMark.count
        let rows = CardsCSV(graph: graph, base: options.baseURL, words: words)
        let cardHeader = header + rows.header.utf8.count, cardRows = graph.cards.order.map { rows.row($0).utf8.count }
        cardParts = CSVText.parts(headerBytes: cardHeader, rowBytes: cardRows, limit: partLimit)
        cardPartBytes = cardParts.map { cardHeader + cardRows[$0].reduce(0, +) }
        let cells = CoverageCSV(graph: graph, coverage: coverage, base: options.baseURL)
        let cellHeader = header + cells.header.utf8.count, cellRows = (0..<cells.count).map { cells.row($0).utf8.count }
        coverageParts = CSVText.parts(headerBytes: cellHeader, rowBytes: cellRows, limit: partLimit)
        coveragePartBytes = coverageParts.map { cellHeader + cellRows[$0].reduce(0, +) }
    }

    /// One file as index.json lists it under `spreadsheets` (docs/index-json.md).
    public struct ListedFile: Sendable, Equatable {
        /// `cards-csv`, `coverage-csv` or `csv-metadata`.
        public var kind: String
        public var path: String
        /// Its number among the parts of its table, from 1 (1 for the metadata).
        public var page: Int
        /// The rows of cards or coverage below its header; nil for the metadata.
        public var rows: Int?
        public var bytes: Int
    }

    /// Every file in `paths`' order, with what index.json says of it.
    public var listedFiles: [ListedFile] {
        var out = zip(cardParts, cardPartBytes).enumerated().map { k, part in
            ListedFile(kind: IndexFormat.SpreadsheetKind.cards.rawValue, path: cardPaths[k], page: k + 1, rows: part.0.count, bytes: part.1)
        }
        out += zip(coverageParts, coveragePartBytes).enumerated().map { k, part in
            ListedFile(kind: IndexFormat.SpreadsheetKind.coverage.rawValue, path: coveragePaths[k], page: k + 1, rows: part.0.count, bytes: part.1)
        }
        out.append(ListedFile(kind: IndexFormat.SpreadsheetKind.metadata.rawValue, path: Self.metadataPath, page: 1, rows: nil, bytes: metadata().bytes(pretty: true).count))
        return out
    }

    /// cards.csv, or its parts in order.
    public var cardPaths: [String] { CSVText.partNames("cards", count: cardParts.count) }
    /// coverage.csv, or its parts in order.
    public var coveragePaths: [String] { CSVText.partNames("coverage", count: coverageParts.count) }
    /// Every file, under the output folder.
    public var paths: [String] { cardPaths + coveragePaths + [Self.metadataPath] }

    /// The bytes of one of `paths`.
    public func bytes(of path: String) -> [UInt8] {
        if let k = cardPaths.firstIndex(of: path) {
            let rows = CardsCSV(graph: graph, base: options.baseURL, words: words)
            return file(header: rows.header, rows: cardParts[k].map { rows.row(graph.cards.order[$0]) })
        }
        if let k = coveragePaths.firstIndex(of: path) {
            let cells = CoverageCSV(graph: graph, coverage: coverage, base: options.baseURL)
            return file(header: cells.header, rows: coverageParts[k].map(cells.row))
        }
        return path == Self.metadataPath ? metadata().bytes(pretty: true) : []
    }

    func file(header: String, rows: [String]) -> [UInt8] {
        var out = CSVText.byteOrderMark
        out.reserveCapacity(rows.reduce(header.utf8.count + 3) { $0 + $1.utf8.count })
        out.append(contentsOf: header.utf8)
        for row in rows { out.append(contentsOf: row.utf8) }
        return out
    }

    /// csv-metadata.json: the tables in the W3C vocabulary for tabular data (CSVW), each
    /// part with its columns, and the licence as `dc:license`.
    func metadata() -> JSONValue {
        let site = graph.content.site
        func table(_ path: String, _ title: String, _ columns: [(String, Words.Key)]) -> JSONValue {
            .object([("url", .string(path)), ("dc:title", .string(title)),
                     ("tableSchema", .object([("columns", .array(columns.map { name, description in
                         .object([("name", .string(name)), ("titles", .string(name)), ("dc:description", .string(words(description)))])
                     }))]))])
        }
        var pairs: [(String, JSONValue)] = [("@context", .string("http://www.w3.org/ns/csvw")), ("dc:title", .string(site.title))]
        if let licence = site.licence {
            pairs.append(("dc:license", .object([("@id", .string(licence.url))])))
            pairs.append(("dc:rights", .string(licence.name)))
        }
        if let base = options.baseURL { pairs.append(("dc:source", .string(base))) }
        let cards = cardPaths, cells = coveragePaths
        func title(_ key: Words.Key, part k: Int, of parts: Int) -> String {
            parts == 1 ? words(key) : words(.downloadPart, ["label": words(key), "number": String(k + 1), "parts": String(parts)])
        }
        var tables = cards.enumerated().map { k, path in table(path, title(.csvCardsTitle, part: k, of: cards.count), CardsCSV.columns) }
        tables += cells.enumerated().map { k, path in table(path, title(.csvCoverageTitle, part: k, of: cells.count), CoverageCSV.columns) }
        pairs.append(("dialect", .object([("encoding", .string("utf-8")), ("header", .bool(true))])))
        pairs.append(("tables", .array(tables)))
        return .object(pairs)
    }
}

/// The rows of cards.csv.
struct CardsCSV {
    let graph: SiteGraph
    let base: String?
    let words: Words

    /// Every column, with what it holds.
    static let columns: [(String, Words.Key)] = [
        ("slug", .csvCardsSlug),
        ("name", .csvCardsName), ("kind", .csvCardsKind),
        ("status", .csvCardsStatus), ("summary", .csvCardsSummary),
        ("topics", .csvCardsTopics), ("regions", .csvCardsRegions),
        ("updated", .csvCardsUpdated), ("page", .csvCardsPage),
        ("formats", .csvCardsFormats), ("looking_for", .csvCardsLookingFor),
        ("website", .csvCardsWebsite),
        ("email", .csvCardsEmail), ("phone", .csvCardsPhone),
        ("organisation", .csvCardsOrganisation), ("organisation_slug", .csvCardsOrganisationSlug),
        ("eligibility", .csvCardsEligibility), ("cost", .csvCardsCost),
        ("referral", .csvCardsReferral), ("languages", .csvCardsLanguages),
        ("meets", .csvCardsMeets),
        ("locations", .csvCardsLocations),
        ("postcodes", .csvCardsPostcodes),
    ]

    var header: String { CSVText.record(Self.columns.map { CSVText.text($0.0) }) }

    func row(_ i: Int) -> String {
        let content = graph.content
        let card = content.cards[i]
        let details = card.details
        let contact = card.sharesContactInData ? card.contact : nil
        let organisation = graph.organisations.runBy[i].map { content.cards[$0] }
        let list = { (items: [String]) in items.joined(separator: "; ") }
        let directory = DirectoryWords(words)
        let cells: [String] = [
            card.slug, card.name, card.kind.rawValue, card.status.rawValue, card.summary,
            list(graph.cards.topics[i].map { content.topics[$0].name }), list(graph.cards.regions[i].map { content.regions[$0].name }),
            card.updated.description, (base ?? "") + Route.card(card.slug).path, list(card.formats.map(words.label)), card.lookingFor ?? "",
            contact?.website ?? "", contact?.email ?? "", contact?.phone ?? "",
            organisation?.name ?? "", organisation?.slug ?? "", details.eligibility ?? "", details.cost.map(directory.cost) ?? "",
            list(details.referral.map(words.label)), list(details.languages.map { words.language($0) ?? $0 }),
            details.meets.map { list(directory.lines($0)) } ?? "",
            list(details.locations.map(Self.place)), list(details.locations.compactMap(\.postcode)),
        ]
        return CSVText.record(cells.map(CSVText.text))
    }

    /// One place on one line: `St Agnes Church Hall, 12 High Street, Leeds, LS1 4AP`.
    static func place(_ l: CardLocation) -> String {
        ([l.name].compactMap { $0 } + l.address + [l.town, l.county, l.postcode].compactMap { $0 }).joined(separator: ", ")
    }
}

/// The rows of coverage.csv: every topic (by name) in every region (in the tree's order).
struct CoverageCSV {
    let graph: SiteGraph
    let coverage: Coverage
    let base: String?

    static let columns: [(String, Words.Key)] = [
        ("topic", .csvCoverageTopic), ("topic_slug", .csvCoverageTopicSlug),
        ("region", .csvCoverageRegion), ("region_slug", .csvCoverageRegionSlug),
        ("within", .csvCoverageWithin),
        ("active_cards", .csvCoverageActiveCards),
        ("active_covering_from_wider", .csvCoverageActiveCoveringFromWider),
        ("page", .csvCoveragePage),
    ]

    var header: String { CSVText.record(Self.columns.map { CSVText.text($0.0) }) }
    var count: Int { coverage.topics.count * coverage.regions.count }

    func row(_ position: Int) -> String {
        let content = graph.content
        let t = coverage.topics[position / coverage.regions.count], r = coverage.regions[position % coverage.regions.count]
        let topic = content.topics[t], region = content.regions[r]
        let page = coverage.page(topic: t, region: r).map { _ in (base ?? "") + Route.topicRegion(topic: topic.slug, region: region.slug).path }
        return CSVText.record([
            CSVText.text(topic.name), CSVText.text(topic.slug), CSVText.text(region.name), CSVText.text(region.slug),
            CSVText.text(graph.regions.parent[r].map { content.regions[$0].slug } ?? ""),
            CSVText.number(String(coverage.active(topic: t, region: r))),
            CSVText.number(String(coverage.activeWider(topic: t, region: r))), CSVText.text(page ?? ""),
        ])
    }
}
