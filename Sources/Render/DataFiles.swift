internal import Markdown
internal import Content
public import Graph

/// The machine-readable files: the JSON index, the feeds, the sitemap and robots.txt.
public struct DataFiles: Sendable {
    public let graph: SiteGraph
    public let options: RenderOptions

    public init(graph: SiteGraph, options: RenderOptions) {
        self.graph = graph
        self.options = options
    }

    var content: Content { graph.content }
    var base: String? { options.baseURL }

    /// A page's URL: absolute with a base URL, else its path from the site root.
    func url(_ path: String) -> String { (base ?? "") + path }

    /// The data files' paths under the output folder.
    public static let paths = ["index.json", "feed.xml", "feed.json", "sitemap.xml", "robots.txt"]

    /// The bytes of one data file (one of `paths`). Made one at a time, so the largest,
    /// index.json, is not held in memory beside the others.
    public func bytes(of path: String) -> [UInt8] {
        switch path {
        case "index.json": return indexBytes()
        case "feed.xml": return Array(atom().utf8)
        case "feed.json": return jsonFeed().bytes(pretty: true)
        case "sitemap.xml": return Array(sitemap().utf8)
        case "robots.txt": return Array(robots().utf8)
        default: return []
        }
    }

    /// The number of items the feeds carry.
    public static let feedLimit = 50

    // MARK: index.json

    func strings(_ xs: [String]) -> JSONValue { .array(xs.map(JSONValue.string)) }

    /// The whole directory as data, documented in docs/index-json.md.
    public func index() -> JSONValue {
        let (site, topics, regions) = indexHead()
        return .object([("version", .int(1)), ("site", site), ("topics", .array(topics)), ("regions", .array(regions)),
                        ("cards", .array(content.cards.indices.map(cardValue))), ("guides", .array(content.guides.indices.map(guideValue)))])
    }

    /// index.json's bytes, the same as `index().bytes()`, written card by card into a
    /// buffer sized up front, without holding the whole tree of values (at 100,000
    /// cards the file is over 500 MB).
    func indexBytes() -> [UInt8] {
        let (site, topics, regions) = indexHead()
        var estimate = 4096
        for card in content.cards { estimate += card.body.html.utf8.count + card.summary.utf8.count + 1024 }
        for guide in content.guides { estimate += guide.body.html.utf8.count + guide.summary.utf8.count + 1024 }
        var out: [UInt8] = []
        out.reserveCapacity(estimate + estimate / 8)
        out.append(contentsOf: "{\"version\":1,\"site\":".utf8)
        site.write(to: &out)
        out.append(contentsOf: ",\"topics\":".utf8)
        JSONValue.array(topics).write(to: &out)
        out.append(contentsOf: ",\"regions\":".utf8)
        JSONValue.array(regions).write(to: &out)
        func list(_ name: String, _ count: Int, _ value: (Int) -> JSONValue) {
            out.append(contentsOf: ",\"\(name)\":".utf8)
            guard count > 0 else { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for i in 0..<count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                value(i).write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        list("cards", content.cards.count, cardValue)
        list("guides", content.guides.count, guideValue)
        out.append(UInt8(ascii: "}"))
        return out
    }

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
                     ("url", .string(url(SitePath.topic(topic.slug)))), ("card_count", .int(graph.cardsByTopic[t].count)),
                     ("guide_count", .int(graph.guidesByTopic[t].count))])
        }
        let regions: [JSONValue] = content.regions.enumerated().map { r, region in
            return .object([("slug", .string(region.slug)), ("name", .string(region.name)), ("description", .optional(region.description)),
                            ("within", .optional(region.within)), ("url", .string(url(SitePath.region(region.slug)))),
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
            ("slug", .string(card.slug)), ("url", .string(url(SitePath.card(card.slug)))), ("name", .string(card.name)),
            ("kind", .string(card.kind.rawValue)), ("summary", .string(card.summary)), ("topics", strings(card.topics)),
            ("regions", strings(card.regions)), ("updated", .string(card.updated.description)),
            ("status", .string(card.status.rawValue)), ("formats", strings(card.formats.map(\.rawValue))),
            ("looking_for", .optional(card.lookingFor)), ("contact", contact),
            ("links", .array(card.links.map { .object([("title", .string($0.title)), ("url", .string($0.url))]) })),
            ("related", strings(card.related)),
            ("related_cards", strings(graph.relatedCards[i].map { content.cards[$0].slug })),
            ("mentioned_in", strings(graph.mentionedIn[i].map { content.guides[$0].slug })),
            ("image", .optional(card.image.map { url(URLPath.encode($0)) })),
            ("body_html", .string(card.body.html)),
        ]
        return .object(pairs + directoryPairs(i))
    }

    /// One guide in index.json.
    func guideValue(_ i: Int) -> JSONValue {
        let guide = content.guides[i]
        return .object([
            ("slug", .string(guide.slug)), ("url", .string(url(SitePath.guide(guide.slug)))), ("title", .string(guide.title)),
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
            FeedItem(title: c.name, path: SitePath.card(c.slug), summary: c.summary, updated: c.updated,
                     tags: graph.cardTopics[i].map { content.topics[$0].name }, text: c.body.plainText)
        }
        items += content.guides.enumerated().map { i, g in
            FeedItem(title: g.title, path: SitePath.guide(g.slug), summary: g.summary, updated: g.updated,
                     tags: graph.guideTopics[i].map { content.topics[$0].name }, text: g.body.plainText)
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
            feed.append(("feed_url", .string(base + "feed.json")))
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

    /// Every page with its last change: `updated` for cards and guides, the newest
    /// `updated` among their cards for lists. Needs a base URL for absolute locations;
    /// without one, locations are paths from the site root.
    public func sitemap() -> String {
        let renderer = SiteRenderer.PathsOnly(graph: graph)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (path, date) in renderer.sitemapEntries() {
            let location = base.map { $0 + path } ?? "/" + path
            out += "  <url><loc>\(XMLText.escape(location))</loc>"
            if let date { out += "<lastmod>\(date)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    public func robots() -> String {
        var out = "User-agent: *\nAllow: /\n"
        if let base { out += "\nSitemap: \(base)sitemap.xml\n" }
        return out
    }
}

extension SiteRenderer {
    /// Page paths and dates for the sitemap, without a theme.
    struct PathsOnly {
        let graph: SiteGraph

        func sitemapEntries() -> [(String, ContentDate?)] {
            let content = graph.content
            let newest = content.cards.map(\.updated).max()
            var entries: [(String, ContentDate?)] = [("", newest)]
            let lists = ListPages(graph: graph)
            /// Every page of a paginated list, each with the list's date.
            func paged(_ first: String, _ pagination: Pagination, _ date: ContentDate?) {
                entries += (1...pagination.pages).map { (SitePath.page($0, of: first), date) }
            }
            paged(SitePath.cards, lists.cards, newest)
            entries += content.cards.map { (SitePath.card($0.slug), $0.updated) }
            paged(SitePath.guides, lists.guides, content.guides.map(\.updated).max())
            entries += content.guides.map { (SitePath.guide($0.slug), $0.updated) }
            entries.append((SitePath.topics, newest))
            for (t, topic) in content.topics.enumerated() {
                paged(SitePath.topic(topic.slug), lists.topic(t), graph.cardsByTopic[t].map { content.cards[$0].updated }.max())
            }
            for (i, p) in graph.topicRegionPages.enumerated() {
                paged(SitePath.topicRegion(content.topics[p.topic].slug, content.regions[p.region].slug), lists.topicRegion(i),
                      p.local.map { content.cards[$0].updated }.max())
            }
            entries.append((SitePath.regions, newest))
            for (r, region) in content.regions.enumerated() {
                let cards = ([r] + graph.regions.descendants[r]).flatMap { graph.cardsByRegion[$0] }
                paged(SitePath.region(region.slug), lists.region(r), cards.map { content.cards[$0].updated }.max())
            }
            entries.append((SitePath.search, nil))
            return entries
        }
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
