internal import Markdown
public import Support
internal import Content
public import Graph

/// The machine-readable files: the JSON index, the feeds, the sitemap and robots.txt.
public struct DataFiles: FileGenerator {
    public let graph: SiteGraph
    public let options: RenderOptions
    public let limits: DataLimits
    /// index.json's files of entries (DataFiles+Index.swift).
    public private(set) var entryFiles: [EntryFile] = []
    /// The sitemap's `<url>` lines, made once (DataFiles+Sitemap.swift).
    private(set) var sitemapLines: [(line: String, date: ContentDate?)] = []
    /// The addresses each sitemap file holds (DataFiles+Sitemap.swift).
    private(set) var sitemapRuns: [Range<Int>] = []
    /// The spreadsheets index.json lists, when planned already (the renderer plans them
    /// for the coverage page); else index.json plans them when it is made.
    public var csvFiles: CSVFiles?
    /// The site's pages, which the sitemap lists.
    let pages: SitePages

    /// Plans the files one entry after another; `make` does it on every core.
    public init(graph: SiteGraph, options: RenderOptions, limits: DataLimits = .standard, csvFiles: CSVFiles? = nil) {
        self.init(unplanned: graph, options: options, limits: limits, pages: nil, csvFiles: csvFiles)
        entryFiles = Self.entryFiles(entryKinds.map { kind in
            let value = entryValue(kind)
            return (kind, (0..<entryCount(kind)).map { value($0).bytes().count })
        }, limits: limits)
    }

    private init(unplanned graph: SiteGraph, options: RenderOptions, limits: DataLimits, pages: SitePages?, csvFiles: CSVFiles?) {
        self.graph = graph
        self.options = options
        self.limits = limits
        self.csvFiles = csvFiles
        self.pages = pages ?? SitePages(graph: graph, coverage: csvFiles?.coverage ?? Coverage(graph))
        sitemapLines = Self.sitemapLines(of: self.pages, base: options.baseURL)
        sitemapRuns = Self.sitemapRuns(sitemapLines, limits: limits)
    }

    /// The data files, with the sizes of index.json's entries worked out on every core;
    /// `pages` and `csvFiles` as the renderer planned them, when it has.
    public static func make(graph: SiteGraph, options: RenderOptions, limits: DataLimits = .standard,
                            pages: SitePages? = nil, csvFiles: CSVFiles? = nil) async -> DataFiles {
        var data = DataFiles(unplanned: graph, options: options, limits: limits, pages: pages, csvFiles: csvFiles)
        let sizes = await entrySizes(of: data)
        data.entryFiles = entryFiles(sizes, limits: limits)
        return data
    }

    var content: Content { graph.content }
    var base: String? { options.baseURL }

    /// A page's URL: absolute with a base URL, else its path from the site root.
    func url(_ path: String) -> String { (base ?? "") + path }

    /// The data files' paths under the output folder: index.json and its files of
    /// entries, the feeds, the sitemap (and its parts, when split) and robots.txt.
    public var paths: [String] {
        [Route.index.path] + entryFiles.map(\.path) + [Route.atomFeed.path, Route.jsonFeed.path, Route.sitemap.path] + sitemapParts
            + [Route.robots.path]
    }

    /// The bytes of one data file (one of `paths`). Made one at a time, so the files of
    /// entries are not held in memory beside each other.
    public func bytes(of path: String) -> [UInt8] {
        switch path {
        case Route.index.path: return index().bytes()
        case Route.atomFeed.path: return Array(atom().utf8)
        case Route.jsonFeed.path: return jsonFeed().bytes(pretty: true)
        case Route.sitemap.path: return Array(sitemap().utf8)
        case Route.robots.path: return Array(robots().utf8)
        default:
            if let file = entryFiles.first(where: { $0.path == path }) { return entryBytes(of: file) }
            if let n = sitemapParts.firstIndex(of: path) { return Array(sitemapPart(number: n + 1).utf8) }
            return []
        }
    }

    /// The number of items the feeds carry.
    public static let feedLimit = 50

    // MARK: index.json

    func strings(_ xs: [String]) -> JSONValue { .array(xs.map(JSONValue.string)) }

    /// index.json's site, topics and regions.
    func indexHead() -> (site: JSONValue, topics: [JSONValue], regions: [JSONValue]) {
        var site: [(String, JSONValue)] = [("title", .string(content.site.title)), ("description", .optional(content.site.description)),
                                           ("language", .string(content.site.language)), ("base_url", .optional(base)),
                                           ("url", .string(url("")))]
        site.append(("card_count", .int(content.cards.count)))
        site.append(("guide_count", .int(content.guides.count)))
        site.append(("licence", content.site.licence.map { l in
            .object([("id", .optional(l.id)), ("name", .string(l.name)), ("url", .string(l.url))])
        } ?? .null))
        let topics: [JSONValue] = content.topics.enumerated().map { t, topic in
            .object([("slug", .string(topic.slug)), ("name", .string(topic.name)), ("description", .optional(topic.description)),
                     ("url", .string(url(Route.topic(topic.slug).path))), ("card_count", .int(graph.cards.byTopic[t].count)),
                     ("guide_count", .int(graph.guides.byTopic[t].count))])
        }
        let regions: [JSONValue] = content.regions.enumerated().map { r, region in
            return .object([("slug", .string(region.slug)), ("name", .string(region.name)), ("description", .optional(region.description)),
                            ("within", .optional(region.within)), ("url", .string(url(Route.region(region.slug).path))),
                            ("card_count", .int(graph.regionCardCount[r])), ("guide_count", .int(graph.guidesByRegion[r].count))])
        }
        return (.object(site), topics, regions)
    }

    /// One card in index.json.
    func cardValue(_ i: Int) -> JSONValue {
        let card = content.cards[i]
        var contact: JSONValue = .null
        if let c = card.contact, card.sharesContactInData {
            contact = .object([("website", .optional(c.website)), ("email", .optional(c.email)), ("phone", .optional(c.phone))])
        }
        let pairs: [(String, JSONValue)] = [
            ("slug", .string(card.slug)), ("url", .string(url(Route.card(card.slug).path))), ("name", .string(card.name)),
            ("kind", .string(card.kind.rawValue)), ("summary", .string(card.summary)), ("topics", strings(card.topics)),
            ("regions", strings(card.regions)), ("updated", .string(card.updated.description)),
            ("status", .string(card.status.rawValue)), ("formats", strings(card.formats.map(\.rawValue))),
            ("looking_for", .optional(card.lookingFor)), ("contact", contact),
            ("links", .array(card.links.map { .object([("title", .string($0.title)), ("url", .string($0.url))]) })),
            ("related", strings(card.related)),
            ("related_cards", strings(graph.relatedCards[i].map { content.cards[$0].slug })),
            ("mentioned_in", strings(graph.mentionedIn[i].map { content.guides[$0].slug })),
            ("image", .optional(card.image.map { url(URLPath.encode($0)) })),
        ]
        return .object(pairs + directoryPairs(i))
    }

    /// One guide in index.json.
    func guideValue(_ i: Int) -> JSONValue {
        let guide = content.guides[i]
        return .object([
            ("slug", .string(guide.slug)), ("url", .string(url(Route.guide(guide.slug).path))), ("title", .string(guide.title)),
            ("summary", .string(guide.summary)), ("topics", strings(guide.topics)), ("regions", strings(guide.regions)),
            ("cards", strings(guide.cards)),
            ("draws_on", strings(graph.guideCards[i].map { content.cards[$0].slug })),
            ("authors", strings(guide.authors)), ("updated", .string(guide.updated.description)),
            ("related_guides", strings(graph.relatedGuides[i].map { content.guides[$0].slug })),
            ("body_html", .string(guide.body.html)),
        ])
    }

    // MARK: Feeds

    /// A card or guide in a feed.
    struct FeedItem {
        var title: String
        var path: String
        var summary: String
        var updated: ContentDate
        var tags: [String]
        /// The body as plain text: feed readers resolve relative links against the feed, not the page.
        var text: String
    }

    /// The newest cards and guides by `updated`, then title and path.
    func feedItems() -> [FeedItem] {
        var items: [FeedItem] = content.cards.enumerated().map { i, c in
            FeedItem(title: c.name, path: Route.card(c.slug).path, summary: c.summary, updated: c.updated,
                     tags: graph.cards.topics[i].map { content.topics[$0].name }, text: c.body.plainText)
        }
        items += content.guides.enumerated().map { i, g in
            FeedItem(title: g.title, path: Route.guide(g.slug).path, summary: g.summary, updated: g.updated,
                     tags: graph.guides.topics[i].map { content.topics[$0].name }, text: g.body.plainText)
        }
        items.sort { a, b in
            if a.updated != b.updated { return a.updated > b.updated }
            if a.title != b.title { return a.title < b.title }
            return a.path < b.path
        }
        return Array(items.prefix(Self.feedLimit))
    }

    func itemID(_ path: String) -> String {
        base.map { $0 + path } ?? "urn:whoswho:\(path.replacingSlashes())"
    }

    /// Atom 1.0.
    public func atom() -> String {
        let items = feedItems()
        let updated = items.map(\.updated).max().map(DateText.rfc3339) ?? "2000-01-01T00:00:00Z"
        let e = XMLText.escape
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(e(content.site.language))\">\n"
        out += "  <title>\(e(content.site.title))</title>\n"
        if let d = content.site.description { out += "  <subtitle>\(e(d))</subtitle>\n" }
        if let base {
            out += "  <link href=\"\(e(base))\"/>\n  <link rel=\"self\" href=\"\(e(base))feed.xml\"/>\n  <id>\(e(base))</id>\n"
        } else {
            // An Atom id must be an IRI: a title's spaces and quotes are percent-encoded.
            out += "  <id>urn:whoswho:\(content.site.title.percentEncodedForURN())</id>\n"
        }
        out += "  <updated>\(updated)</updated>\n  <author><name>\(e(content.site.title))</name></author>\n"
        for item in items {
            out += "  <entry>\n    <title>\(e(item.title))</title>\n"
            out += "    <link href=\"\(e(url(item.path)))\"/>\n    <id>\(e(itemID(item.path)))</id>\n"
            out += "    <updated>\(DateText.rfc3339(item.updated))</updated>\n    <summary>\(e(item.summary))</summary>\n"
            for tag in item.tags { out += "    <category term=\"\(e(tag))\"/>\n" }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// JSON Feed 1.1.
    public func jsonFeed() -> JSONValue {
        var feed: [(String, JSONValue)] = [("version", .string("https://jsonfeed.org/version/1.1")), ("title", .string(content.site.title))]
        if let base {
            feed.append(("home_page_url", .string(base)))
            feed.append(("feed_url", .string(base + Route.jsonFeed.path)))
        }
        if let d = content.site.description { feed.append(("description", .string(d))) }
        feed.append(("language", .string(content.site.language)))
        feed.append(("items", .array(feedItems().map { item in
            .object([("id", .string(itemID(item.path))), ("url", .string(url(item.path))), ("title", .string(item.title)),
                     ("summary", .string(item.summary)), ("content_text", .string(item.text)),
                     ("date_modified", .string(DateText.rfc3339(item.updated))), ("tags", strings(item.tags))])
        })))
        return .object(feed)
    }

    // MARK: Sitemap and robots

    public func robots() -> String {
        var out = "User-agent: *\nAllow: /\n"
        if let base { out += "\nSitemap: \(base)\(Route.sitemap.path)\n" }
        return out
    }
}

extension String {
    /// The text percent-encoded byte by byte, keeping only ASCII letters, digits and `-._~`:
    /// safe as the name part of a URN.
    func percentEncodedForURN() -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var out = String.UnicodeScalarView()
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Unicode.Scalar(byte))
            default:
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(out)
    }

    func replacingSlashes() -> String {
        String(map { $0 == "/" ? ":" : $0 }).trimmingCharacters(in: ":")
    }

    func trimmingCharacters(in character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
