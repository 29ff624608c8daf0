internal import Foundation
internal import Content
internal import Graph
internal import Markdown

/// Builds the Mustache context of one page. Values are plain dictionaries and arrays:
/// rendering from dictionaries is several times faster than from structs through reflection.
struct PageContext {
    let renderer: SiteRenderer
    let path: String
    /// The relative path back to the site root.
    var root: String

    init(renderer: SiteRenderer, path: String) {
        self.renderer = renderer
        self.path = path
        self.root = SitePath.root(from: path)
    }

    var graph: SiteGraph { renderer.graph }
    var content: Content { renderer.graph.content }
    var base: String? { renderer.options.baseURL }

    /// Page links are paths from the site root; templates put `{{root}}` before them, so
    /// one value serves a page at any depth.
    func url(_ sitePath: String) -> String { sitePath }

    // MARK: Items

    func regionLinks(_ indexes: [Int]) -> [[String: Any]] {
        indexes.map { Self.link(content.regions[$0].name, url(SitePath.region(content.regions[$0].slug))) }
    }

    /// A `name` and `url` pair, as most links in the context are.
    static func link(_ name: String, _ url: String) -> [String: Any] {
        ["name": TemplateText(name), "url": TemplateText(url)]
    }

    /// A card's list entry: its values, and `html`, the entry rendered through the
    /// card-item partial (with the `via` line when `via` names one of its regions).
    func cardItem(_ i: Int, via: Int? = nil) -> [String: Any] {
        renderer.cardEntries.entry(i, via: via, root: root)
            ?? CardEntries.entry(html: cardHTML(i, via: via), card: renderer.cardItems.items[i], via: via.map { content.regions[$0].name })
    }

    /// A card's list entry, built once per card and shared by every page that lists it.
    static func makeCardItem(_ i: Int, graph: SiteGraph) -> [String: Any] {
        let content = graph.content
        let card = content.cards[i]
        return [
            "url": TemplateText(SitePath.card(card.slug)), "name": TemplateText(card.name), "kind": TemplateText(card.kind.rawValue),
            "kind_label": TemplateText(card.kind.label), "summary": TemplateText(card.summary), "status": TemplateText(card.status.rawValue),
            "status_label": TemplateText(card.status.label), "inactive": card.status != .active,
            "topics": graph.cardTopics[i].map { Self.link(content.topics[$0].name, SitePath.topic(content.topics[$0].slug)) },
            "regions": graph.cardRegions[i].map { Self.link(content.regions[$0].name, SitePath.region(content.regions[$0].slug)) },
        ]
    }

    /// List entries with each one's HTML alongside, so that a list's `_html` is joined
    /// from the strings themselves, not taken back out of every entry's values.
    struct EntryList {
        var entries: [[String: Any]] = []
        var html: [String] = []

        mutating func append(_ entry: [String: Any], html: String) {
            entries.append(entry)
            self.html.append(html)
        }
    }

    /// The entries for `cards`, each through the region `via` gives for it, if any.
    func cardList(_ cards: [Int], via: (Int) -> Int? = { _ in nil }) -> EntryList {
        var list = EntryList()
        list.entries.reserveCapacity(cards.count)
        list.html.reserveCapacity(cards.count)
        for c in cards {
            let region = via(c)
            list.append(cardItem(c, via: region), html: cardHTML(c, via: region))
        }
        return list
    }

    func guideList(_ guides: [Int]) -> EntryList {
        EntryList(entries: guides.map(guideItem), html: guides.map { renderer.items.guides[$0].html(root: root) })
    }

    /// The `html` of `cardItem(i, via:)`.
    func cardHTML(_ i: Int, via: Int? = nil) -> String {
        (via.flatMap { renderer.items.cardsVia[i][$0] } ?? renderer.items.cards[i]).html(root: root)
    }

    /// Puts a list of entries under `key`, and under `key_html` every entry's `html`, one
    /// per line: what a loop of `{{{html}}}` lines (`{{#key}}`, `{{{html}}}`, `{{/key}}`
    /// on lines of their own) renders, less its last newline, as one value. Mustache
    /// takes about a microsecond for each entry of a loop, and a topic page lists hundreds.
    static func setList(_ list: EntryList, as key: String, in values: inout [String: Any]) {
        values[key] = list.entries
        values[key + "_html"] = joinedHTML(list.html)
    }

    /// The parts one per line.
    static func joinedHTML(_ parts: [String]) -> TemplateText {
        var joined = ""
        joined.reserveCapacity(parts.reduce(max(0, parts.count - 1)) { $0 + $1.utf8.count })
        for (n, part) in parts.enumerated() {
            if n > 0 { joined += "\n" }
            joined += part
        }
        return TemplateText(joined)
    }

    /// A guide's list entry: its values, and `html` rendered through the guide-item partial.
    func guideItem(_ i: Int) -> [String: Any] {
        ["html": TemplateText(renderer.items.guides[i].html(root: root)), "guide": renderer.guideItems.items[i]]
    }

    static func makeGuideItem(_ i: Int, graph: SiteGraph) -> [String: Any] {
        let content = graph.content
        let guide = content.guides[i]
        return [
            "url": TemplateText(SitePath.guide(guide.slug)), "title": TemplateText(guide.title), "summary": TemplateText(guide.summary),
            "updated": TemplateText(guide.updated.description), "updated_display": TemplateText(DateText.display(guide.updated)),
            "topics": graph.guideTopics[i].map { Self.link(content.topics[$0].name, SitePath.topic(content.topics[$0].slug)) },
        ]
    }

    /// Cards that cover `region` through a wider region, each marked with the region it is through.
    func widerItems(_ cards: [Int], region: Int) -> EntryList {
        cardList(cards) { c in graph.regions.ancestors[region].first { graph.cardRegions[c].contains($0) } }
    }

    // MARK: Common values

    func common(page: Page, path: String) -> [String: Any] {
        var site: [String: Any] = ["title": TemplateText(content.site.title), "language": TemplateText(content.site.language)]
        if let d = content.site.description { site["description"] = TemplateText(d) }
        if let base { site["base_url"] = TemplateText(base) }
        var invitesCards = page == .home || page == .search
        if case .topicRegion = page { invitesCards = true }
        if invitesCards, let add = renderer.addCardURL { site["add_card_url"] = TemplateText(add) }
        if renderer.options.filePreview { site["file_preview"] = true }
        var nav: [String: Any] = [:]
        switch page {
        case .home: nav["home"] = true
        case .cardList, .card: nav["cards"] = true
        case .guideList, .guide: nav["guides"] = true
        case .topicList, .topic, .topicRegion: nav["topics"] = true
        case .regionList, .region: nav["regions"] = true
        case .search: nav["search"] = true
        case .notFound, .moved: break
        }
        return ["site": site, "root": TemplateText(root), "nav": nav, "search_url": TemplateText(SitePath.search), "is_home": page == .home]
    }

    func pageValues(title: String, description: String?, ogType: String = "website", jsonld: JSONValue) -> [String: Any] {
        var page: [String: Any] = ["title": TemplateText(title), "path": TemplateText(path), "og_type": TemplateText(ogType),
                                   "description": TemplateText(description ?? content.site.description ?? title)]
        if let canonical = SitePath.absolute(path, base: base) { page["canonical"] = TemplateText(canonical) }
        return ["page": page, "jsonld": TemplateText(jsonld.serialized(scriptSafe: true))]
    }

    func collectionLD(_ name: String, _ description: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")), ("name", .string(name))]
        if let description { pairs.append(("description", .string(description))) }
        if let u = SitePath.absolute(path, base: base) { pairs.append(("url", .string(u))) }
        pairs.append(("isPartOf", .object([("@type", .string("WebSite")), ("name", .string(content.site.title))])))
        return .object(pairs)
    }

    // MARK: Pages

    /// The template a page is rendered with.
    static func template(for page: Page) -> String {
        switch page {
        case .home: return "home"
        case .cardList: return "cards"
        case .card: return "card"
        case .guideList: return "guides"
        case .guide: return "guide"
        case .topicList: return "topics"
        case .topic: return "topic"
        case .topicRegion: return "topic-region"
        case .regionList: return "regions"
        case .region: return "region"
        case .search: return "search"
        case .notFound: return "404"
        case .moved: return "moved"
        }
    }

    func values(for page: Page) -> (String, [String: Any]) {
        let values: [String: Any]
        switch page {
        case .home: values = home()
        case .cardList(let n): values = cardList(n)
        case .card(let i): values = card(i)
        case .guideList: values = guideList()
        case .guide(let i): values = guide(i)
        case .topicList: values = topicList()
        case .topic(let i): values = topic(i)
        case .topicRegion(let i): values = topicRegion(i)
        case .regionList: values = regionList()
        case .region(let i): values = region(i)
        case .search: values = search()
        case .notFound: values = notFound()
        case .moved(let i, _): values = moved(i)
        }
        return (Self.template(for: page), values)
    }

    /// Cards newest first by `updated`, then by name.
    func newestCards(_ limit: Int) -> [Int] {
        Array(content.cards.indices.sorted { a, b in
            let ca = content.cards[a], cb = content.cards[b]
            return ca.updated != cb.updated ? ca.updated > cb.updated : graph.cardRank[a] < graph.cardRank[b]
        }.prefix(limit))
    }

    func newestGuides(_ limit: Int) -> [Int] {
        Array(content.guides.indices.sorted { a, b in
            let ga = content.guides[a], gb = content.guides[b]
            return ga.updated != gb.updated ? ga.updated > gb.updated : graph.guideRank[a] < graph.guideRank[b]
        }.prefix(limit))
    }


    func home() -> [String: Any] {
        var v = pageValues(title: content.site.title, description: content.site.description, jsonld: {
            var pairs: [(String, JSONValue)] = [("@context", .string("https://schema.org")), ("@type", .string("WebSite")),
                                                ("name", .string(content.site.title))]
            if let d = content.site.description { pairs.append(("description", .string(d))) }
            if let base { pairs.append(("url", .string(base))) }
            return .object(pairs)
        }())
        v["card_count"] = content.cards.count
        v["guide_count"] = content.guides.count
        v["topics"] = content.topics.indices.sorted { content.topics[$0].name < content.topics[$1].name }.map { t in
            ["name": content.topics[t].name, "url": url(SitePath.topic(content.topics[t].slug)), "count": graph.cardsByTopic[t].count] as [String: Any]
        }
        v["regions"] = regionRows()
        Self.setList(cardList(newestCards(12)), as: "newest_cards", in: &v)
        Self.setList(guideList(newestGuides(6)), as: "newest_guides", in: &v)
        return v
    }

    func regionRows() -> [[String: Any]] {
        graph.regions.order.map { r in
            var row: [String: Any] = ["name": content.regions[r].name, "url": url(SitePath.region(content.regions[r].slug)),
                                      "count": graph.regionCardCount[r], "depth": graph.regions.depth[r], "nested": graph.regions.depth[r] > 0]
            if let d = content.regions[r].description { row["description"] = d }
            return row
        }
    }

    /// The letter a card is filed under in the A–Z: its first letter without accents, or `#`.
    static func letter(of name: String) -> String {
        guard let first = FilingName.of(name).first else { return "#" }
        let folded = String(first).applyingTransformLatin()
        if let c = folded.first, c.isASCII, c.isLetter { return String(c).uppercased() }
        return "#"
    }

    func cardList(_ number: Int) -> [String: Any] {
        let perPage = SiteRenderer.cardsPerPage
        let total = max(1, (content.cards.count + perPage - 1) / perPage)
        let order = graph.cardsByName
        let slice = order[min(order.count, (number - 1) * perPage)..<min(order.count, number * perPage)]
        let firstPage = renderer.alphabet.firstPage
        let alphabet = (UnicodeScalar("A").value...UnicodeScalar("Z").value).map { String(UnicodeScalar($0)!) } + ["#"]
        let letters: [[String: Any]] = alphabet.map { l in
            let id = l == "#" ? "letter-other" : "letter-\(l)"
            var row: [String: Any] = ["letter": l, "present": firstPage[l] != nil]
            if let p = firstPage[l] { row["url"] = url(SitePath.cardsPage(p)) + "#" + id }
            return row
        }
        var groups: [[String: Any]] = []
        var group = EntryList()
        var letter: String?
        func closeGroup() {
            if let letter, !group.entries.isEmpty {
                var row: [String: Any] = ["letter": letter, "id": letter == "#" ? "letter-other" : "letter-\(letter)"]
                Self.setList(group, as: "cards", in: &row)
                groups.append(row)
            }
            group = EntryList()
        }
        for c in slice {
            let l = renderer.alphabet.letter[c]
            if l != letter {
                closeGroup()
                letter = l
            }
            group.append(cardItem(c), html: cardHTML(c))
        }
        closeGroup()
        var pagination: [String: Any] = ["current": number, "total": total, "multiple": total > 1]
        if number > 1 { pagination["previous_url"] = url(SitePath.cardsPage(number - 1)) }
        if number < total { pagination["next_url"] = url(SitePath.cardsPage(number + 1)) }
        pagination["pages"] = PageWindow.numbers(current: number, total: total).map { n -> [String: Any] in
            guard let n else { return ["gap": true] }
            return ["number": n, "url": url(SitePath.cardsPage(n)), "current": n == number]
        }
        let title = number == 1 ? "Who's who A–Z" : "Who's who A–Z, page \(number) of \(total)"
        var v = pageValues(title: title, description: "Every card in \(content.site.title), from A to Z.",
                           jsonld: collectionLD(title, "Every card in \(content.site.title), from A to Z."))
        v["letters"] = letters
        v["groups"] = groups
        v["pagination"] = pagination
        return v
    }

    func card(_ i: Int) -> [String: Any] {
        let card = content.cards[i]
        var c = renderer.cardItems.items[i]
        c["updated"] = TemplateText(card.updated.description)
        c["updated_display"] = TemplateText(DateText.display(card.updated))
        c["stale"] = card.updated < renderer.options.today.monthsEarlier(24)
        c["formats"] = card.formats.map { ["label": TemplateText($0.label)] }
        if let l = card.lookingFor { c["looking_for"] = TemplateText(l) }
        if let contact = card.contact {
            var d: [String: Any] = [:]
            if let w = contact.website { d["website"] = TemplateText(w) }
            if let e = contact.email { d["email"] = TemplateText(e) }
            if let p = contact.phone {
                d["phone"] = TemplateText(p)
                d["tel"] = TemplateText(p.filter { $0.isNumber || $0 == "+" })
            }
            c["contact"] = d
        }
        c["links"] = card.links.map { ["title": TemplateText($0.title), "url": TemplateText($0.url)] }
        if let image = card.image { c["image_url"] = TemplateText(URLPath.encode(image)) }
        directoryValues(i, into: &c)
        c["body_html"] = TemplateText(card.body.html)
        contributionLinks(file: card.file, name: card.name, into: &c)
        Self.setList(cardList(graph.relatedCards[i]), as: "related", in: &c)
        Self.setList(guideList(graph.mentionedIn[i]), as: "mentioned_in", in: &c)

        var ld: [(String, JSONValue)] = [("@context", .string("https://schema.org")),
                                        ("@type", .string(card.kind == .person ? "Person" : "Organization")),
                                        ("name", .string(card.name)), ("description", .string(card.summary))]
        if let u = SitePath.absolute(path, base: base) { ld.append(("url", .string(u))) }
        ld.append(("areaServed", .array(graph.cardRegions[i].map {
            .object([("@type", .string("AdministrativeArea")), ("name", .string(content.regions[$0].name))])
        })))
        ld.append(("knowsAbout", .array(graph.cardTopics[i].map { .string(content.topics[$0].name) })))
        if let e = card.contact?.email { ld.append(("email", .string(e))) }
        if let p = card.contact?.phone { ld.append(("telephone", .string(p))) }
        if let w = card.contact?.website { ld.append(("sameAs", .string(w))) }
        if let image = card.image, let base { ld.append(("image", .string(base + URLPath.encode(image)))) }
        var v = pageValues(title: card.name, description: card.summary, ogType: "profile", jsonld: .object(ld))
        v["card"] = c
        return v
    }

    /// "Suggest an edit" and "Report a problem" addresses for the page made from `file`.
    func contributionLinks(file: String, name: String, into values: inout [String: Any]) {
        guard let links = renderer.contributions else { return }
        values["edit_url"] = TemplateText(links.edit(file))
        values["report_url"] = TemplateText(links.report(name: name, contentFile: file, address: SitePath.absolute(path, base: base) ?? path))
    }

    func guideList() -> [String: Any] {
        let title = "Guides"
        let description = "How-to guides on setting up, measuring and running peer support, from people who have done it."
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        Self.setList(guideList(graph.guidesByTitle), as: "guides", in: &v)
        return v
    }

    func guide(_ i: Int) -> [String: Any] {
        let guide = content.guides[i]
        var g = renderer.guideItems.items[i]
        g["authors"] = guide.authors
        g["regions"] = regionLinks(graph.guideRegions[i])
        g["body_html"] = TemplateText(guide.body.html)
        contributionLinks(file: guide.file, name: guide.title, into: &g)
        Self.setList(cardList(graph.guideCards[i]), as: "cards", in: &g)
        Self.setList(guideList(graph.relatedGuides[i]), as: "related", in: &g)
        var ld: [(String, JSONValue)] = [("@context", .string("https://schema.org")), ("@type", .string("Article")),
                                        ("headline", .string(guide.title)), ("description", .string(guide.summary)),
                                        ("dateModified", .string(guide.updated.description))]
        if !guide.authors.isEmpty {
            ld.append(("author", .array(guide.authors.map { .object([("@type", .string("Person")), ("name", .string($0))]) })))
        }
        ld.append(("about", .array(graph.guideTopics[i].map { .string(content.topics[$0].name) })))
        if let u = SitePath.absolute(path, base: base) { ld.append(("url", .string(u))) }
        var v = pageValues(title: guide.title, description: guide.summary, ogType: "article", jsonld: .object(ld))
        v["guide"] = g
        return v
    }

    func topicList() -> [String: Any] {
        let title = "Topics"
        let description = "Peer support by topic: the conditions, experiences and circumstances people share."
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["topics"] = content.topics.indices.sorted { content.topics[$0].name < content.topics[$1].name }.map { t in
            var row: [String: Any] = ["name": content.topics[t].name, "url": url(SitePath.topic(content.topics[t].slug)),
                                      "count": graph.cardsByTopic[t].count, "guide_count": graph.guidesByTopic[t].count]
            if let d = content.topics[t].description { row["description"] = d }
            return row
        }
        return v
    }

    func topic(_ t: Int) -> [String: Any] {
        let topic = content.topics[t]
        let inTopic = graph.cardsByTopic[t]
        var groups: [[String: Any]] = []
        for r in graph.regions.order {
            let cards = inTopic.filter { graph.cardRegions[$0].contains(r) }
            guard !cards.isEmpty else { continue }
            var row: [String: Any] = ["name": content.regions[r].name, "url": url(SitePath.region(content.regions[r].slug))]
            Self.setList(cardList(cards), as: "cards", in: &row)
            groups.append(row)
        }
        let pages = graph.topicRegionPages.filter { $0.topic == t }
        let title = topic.name
        let description = topic.description ?? "Peer support for \(topic.name)."
        var v = pageValues(title: title, description: description, jsonld: collectionLD("Peer support for \(topic.name)", description))
        var tv: [String: Any] = ["name": topic.name, "count": inTopic.count]
        if let d = topic.description { tv["description"] = d }
        v["topic"] = tv
        v["region_groups"] = groups
        Self.setList(guideList(graph.guidesByTopic[t]), as: "guides", in: &v)
        v["topic_regions"] = pages.map { p in
            var row: [String: Any] = ["name": content.regions[p.region].name, "url": url(SitePath.topicRegion(topic.slug, content.regions[p.region].slug)),
                                      "count": p.local.count, "depth": graph.regions.depth[p.region]]
            // Set on every row: inside {{#first(…)}} a missing key would be read from the first row.
            row["only_wider"] = p.local.isEmpty
            return row
        }
        return v
    }

    func topicRegion(_ i: Int) -> [String: Any] {
        let p = graph.topicRegionPages[i]
        let topic = content.topics[p.topic], region = content.regions[p.region]
        let title = "Peer support for \(topic.name) in \(region.name)"
        let description = "\(p.local.count) card\(p.local.count == 1 ? "" : "s") offering peer support for \(topic.name) in \(region.name)."
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["topic"] = ["name": topic.name, "url": url(SitePath.topic(topic.slug))]
        v["region"] = ["name": region.name, "url": url(SitePath.region(region.slug))]
        Self.setList(cardList(p.local), as: "local", in: &v)
        Self.setList(widerItems(p.wider, region: p.region), as: "wider", in: &v)
        let regionGuides = Set(graph.guidesByRegion[p.region])
        Self.setList(guideList(graph.guidesByTopic[p.topic].filter { graph.guideRegions[$0].isEmpty || regionGuides.contains($0) }),
                     as: "guides", in: &v)
        return v
    }

    func regionList() -> [String: Any] {
        let title = "Regions"
        let description = "Peer support by region of the UK."
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["regions"] = regionRows()
        return v
    }

    func region(_ r: Int) -> [String: Any] {
        let region = content.regions[r]
        let title = region.name
        let description = region.description ?? "Peer support in \(region.name)."
        var v = pageValues(title: title, description: description, jsonld: collectionLD("Peer support in \(region.name)", description))
        var rv: [String: Any] = ["name": region.name, "count": graph.regionCardCount[r]]
        if let d = region.description { rv["description"] = d }
        v["region"] = rv
        if let p = graph.regions.parent[r] {
            v["parent"] = ["name": content.regions[p].name, "url": url(SitePath.region(content.regions[p].slug))]
        }
        Self.setList(cardList(graph.cardsByRegion[r]), as: "cards", in: &v)
        // Regions within this one are signposted with their counts rather than listed
        // card by card: on UK-wide that would be every card in the directory.
        let depth = graph.regions.depth[r]
        v["within"] = graph.regions.descendants[r].map { d -> [String: Any] in
            ["name": content.regions[d].name, "url": url(SitePath.region(content.regions[d].slug)),
             "count": graph.regionCardCount[d], "depth": graph.regions.depth[d] - depth - 1]
        }
        Self.setList(widerItems(graph.widerCards(region: r), region: r), as: "wider", in: &v)
        Self.setList(guideList(graph.guidesByRegion[r]), as: "guides", in: &v)
        v["topics"] = graph.topicRegionPages.filter { $0.region == r }
            .sorted { content.topics[$0.topic].name < content.topics[$1.topic].name }
            .map { p in
                var row: [String: Any] = ["name": content.topics[p.topic].name,
                                          "url": url(SitePath.topicRegion(content.topics[p.topic].slug, region.slug)), "count": p.local.count]
                row["only_wider"] = p.local.isEmpty
                return row
            }
        return v
    }

    func search() -> [String: Any] {
        let title = "Search"
        let description = "Search every card and guide in \(content.site.title)."
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["topics"] = content.topics.indices.sorted { content.topics[$0].name < content.topics[$1].name }.map { t in
            ["name": content.topics[t].name, "slug": content.topics[t].slug, "url": url(SitePath.topic(content.topics[t].slug))] as [String: Any]
        }
        v["regions"] = zip(regionRows(), graph.regions.order).map { row, r in
            var row = row
            row["slug"] = content.regions[r].slug
            return row
        }
        // The facet values search.js filters by: the card kinds then guides, and the formats.
        v["kinds"] = Kind.allCases.map { ["value": $0.rawValue, "label": $0.label] } + [["value": "guide", "label": "Guide"]]
        v["formats"] = Format.allCases.map { ["value": $0.rawValue, "label": $0.label] }
        // Where Search writes the index (SearchIndex.folder), from the site root.
        v["index_url"] = "search/data/"
        v["card_count"] = content.cards.count
        v["guide_count"] = content.guides.count
        return v
    }

    func notFound() -> [String: Any] {
        var v = pageValues(title: "Page not found", description: "There is no page at this address.",
                           jsonld: collectionLD("Page not found", nil))
        if var page = v["page"] as? [String: Any] {
            page.removeValue(forKey: "canonical")
            v["page"] = page
        }
        return v
    }
}

/// The page numbers a pagination bar shows: the first and the last, and the current
/// page with two either side, so the bar stays short however long the list (and each
/// page of the A–Z does not grow with the number of pages). `nil` marks pages left out;
/// a single page is never left out, since showing it takes no more room than the gap,
/// and up to nine pages are all shown.
enum PageWindow {
    static let around = 2

    static func numbers(current: Int, total: Int) -> [Int?] {
        // Up to nine pages fit in the room the first, the last, five around the current and two gaps take.
        guard total > 2 * around + 5 else { return (1...max(1, total)).map(Optional.some) }
        let current = min(max(1, current), total)
        let shown = Set([1, total]).union(max(1, current - around)...min(total, current + around)).sorted()
        var numbers: [Int?] = []
        var previous = 0
        for n in shown {
            if n - previous == 2 { numbers.append(n - 1) } else if n - previous > 2 { numbers.append(nil) }
            numbers.append(n)
            previous = n
        }
        return numbers
    }
}

extension String {
    /// Latin letters without accents: `É` → `E`.
    func applyingTransformLatin() -> String {
        var out = ""
        for scalar in self.decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
