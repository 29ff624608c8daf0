internal import Markdown
internal import Support
internal import Foundation
internal import Content
internal import Graph

/// Builds the Mustache context of one page. Values are plain dictionaries and arrays:
/// rendering from dictionaries is several times faster than from structs through reflection.
struct PageContext {
    let renderer: SiteRenderer
    /// The theme's words, in the site's language.
    var words: Words { renderer.theme.words }
    let path: String
    /// The relative path back to the site root. Links in the context are paths from the
    /// site root; templates put `{{root}}` before them, so one value serves a page at any depth.
    var root: String

    init(renderer: SiteRenderer, path: String) {
        self.renderer = renderer
        self.path = path
        self.root = Route.root(from: path)
    }

    var graph: SiteGraph { renderer.graph }
    var content: Content { renderer.graph.content }
    var base: String? { renderer.options.baseURL }

    // MARK: Items

    func regionLinks(_ indexes: [Int]) -> [[String: Any]] {
        indexes.map { Self.link(content.regions[$0].name, Route.region(content.regions[$0].slug).path) }
    }

    /// A `name` and `url` pair, as most links in the context are.
    static func link(_ name: String, _ url: String) -> [String: Any] {
        ["name": TemplateText(name), "url": TemplateText(url)]
    }

    /// A card's list entry: its values, and `html`, the entry rendered through the
    /// card-item partial.
    func cardItem(_ i: Int) -> Any {
        renderer.cardEntries.entry(i, root: root) ?? CardEntries.entry(html: cardHTML(i), card: renderer.cardItems.items[i])
    }

    /// A card's list entry, built once per card and shared by every page that lists it.
    static func makeCardItem(_ i: Int, graph: SiteGraph, words: Words) -> [String: Any] {
        let content = graph.content
        let card = content.cards[i]
        return [
            "url": TemplateText(Route.card(card.slug).path), "name": TemplateText(card.name), "kind": TemplateText(card.kind.rawValue),
            "kind_label": TemplateText(words.label(card.kind)), "summary": TemplateText(card.summary), "status": TemplateText(card.status.rawValue),
            "status_label": TemplateText(words.label(card.status)), "inactive": card.status != .active,
            "topics": graph.cards.topics[i].map { Self.link(content.topics[$0].name, Route.topic(content.topics[$0].slug).path) },
            "regions": graph.cards.regions[i].map { Self.link(content.regions[$0].name, Route.region(content.regions[$0].slug).path) },
        ].merging(Self.listFacts(card, words: words), uniquingKeysWith: { a, _ in a })
    }

    /// List entries with each one's HTML alongside, so that a list's `_html` is joined
    /// from the strings themselves, not taken back out of every entry's values.
    struct EntryList {
        var entries: [Any] = []
        var html: [String] = []

        mutating func append(_ entry: Any, html: String) {
            entries.append(entry)
            self.html.append(html)
        }
    }

    /// The entries for `cards`.
    func cardList<C: Collection>(_ cards: C) -> EntryList where C.Element == Int {
        var list = EntryList()
        list.entries.reserveCapacity(cards.count)
        list.html.reserveCapacity(cards.count)
        for c in cards { list.append(cardItem(c), html: cardHTML(c)) }
        return list
    }

    func guideList<C: Collection>(_ guides: C) -> EntryList where C.Element == Int {
        EntryList(entries: guides.map(guideItem), html: guides.map { renderer.items.guides[$0].html(root: root) })
    }

    /// The `html` of `cardItem(i)`.
    func cardHTML(_ i: Int) -> String {
        renderer.items.cards[i].html(root: root)
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

    static func makeGuideItem(_ i: Int, graph: SiteGraph, words: Words) -> [String: Any] {
        let content = graph.content
        let guide = content.guides[i]
        return [
            "url": TemplateText(Route.guide(guide.slug).path), "title": TemplateText(guide.title), "summary": TemplateText(guide.summary),
            "updated": TemplateText(guide.updated.description), "updated_display": TemplateText(words.date(guide.updated)),
            "topics": graph.guides.topics[i].map { Self.link(content.topics[$0].name, Route.topic(content.topics[$0].slug).path) },
        ]
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
        case .notFound, .moved, .coverage, .lookingFor, .evidence, .entryList, .entry: break
        }
        return ["site": site, "root": TemplateText(root), "nav": nav, "search_url": TemplateText(Route.search.path), "is_home": page == .home]
    }

    func pageValues(title: String, description: String?, ogType: String = "website", jsonld: JSONValue) -> [String: Any] {
        var page: [String: Any] = ["title": TemplateText(title), "path": TemplateText(path), "og_type": TemplateText(ogType),
                                   "description": TemplateText(description ?? content.site.description ?? title)]
        if let canonical = Route.absolute(path, base: base) { page["canonical"] = TemplateText(canonical) }
        return ["page": page, "jsonld": TemplateText(jsonld.serialized(scriptSafe: true))]
    }

    func collectionLD(_ name: String, _ description: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")), ("name", .string(name))]
        if let description { pairs.append(("description", .string(description))) }
        if let u = Route.absolute(path, base: base) { pairs.append(("url", .string(u))) }
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
        case .coverage: return "coverage"
        case .lookingFor: return "looking-for"
        case .evidence: return "evidence"
        case .entryList: return "entries"
        case .entry: return "entry"
        }
    }

    func values(for page: Page) -> (String, [String: Any]) {
        let values: [String: Any]
        switch page {
        case .home: values = home()
        case .cardList(let n): values = cardList(n)
        case .card(let i): values = card(i)
        case .guideList(let n): values = guideList(n)
        case .guide(let i): values = guide(i)
        case .topicList: values = topicList()
        case .topic(let i, let n): values = topic(i, page: n)
        case .topicRegion(let i, let n): values = topicRegion(i, page: n)
        case .regionList: values = regionList()
        case .region(let i, let n): values = region(i, page: n)
        case .search: values = search()
        case .notFound: values = notFound()
        case .moved(let i, _): values = moved(i)
        case .coverage(let n): values = coverage(n)
        case .lookingFor(let n): values = lookingFor(n)
        case .evidence(let n): values = evidence(n)
        case .entryList(let k, let n): values = entryList(k, page: n)
        case .entry(let k, let i): values = entry(k, i)
        }
        return (Self.template(for: page), values)
    }

    /// Cards newest first by `updated`, then by name.
    func newestCards(_ limit: Int) -> [Int] {
        Array(content.cards.indices.sorted { a, b in
            let ca = content.cards[a], cb = content.cards[b]
            return ca.updated != cb.updated ? ca.updated > cb.updated : graph.cards.rank[a] < graph.cards.rank[b]
        }.prefix(limit))
    }

    func newestGuides(_ limit: Int) -> [Int] {
        Array(content.guides.indices.sorted { a, b in
            let ga = content.guides[a], gb = content.guides[b]
            return ga.updated != gb.updated ? ga.updated > gb.updated : graph.guides.rank[a] < graph.guides.rank[b]
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
            ["name": content.topics[t].name, "url": Route.topic(content.topics[t].slug).path, "count": graph.cards.byTopic[t].count] as [String: Any]
        }
        v["regions"] = regionRows()
        Self.setList(cardList(newestCards(12)), as: "newest_cards", in: &v)
        Self.setList(guideList(newestGuides(6)), as: "newest_guides", in: &v)
        return v
    }

    func regionRows() -> [[String: Any]] {
        graph.regions.order.map { r in
            var row: [String: Any] = ["name": content.regions[r].name, "url": Route.region(content.regions[r].slug).path,
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

    func card(_ i: Int) -> [String: Any] {
        let card = content.cards[i]
        var c = renderer.cardItems.items[i]
        c["updated"] = TemplateText(card.updated.description)
        c["updated_display"] = TemplateText(words.date(card.updated))
        c["stale"] = card.updated < renderer.options.today.monthsEarlier(24)
        c["formats"] = card.formats.map { ["label": TemplateText(words.label($0))] }
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
        relatedValues(i, into: &c)

        var ld: [(String, JSONValue)] = [("@context", .string("https://schema.org")),
                                        ("@type", .string(card.kind == .person ? "Person" : "Organization")),
                                        ("name", .string(card.name)), ("description", .string(card.summary))]
        if let u = Route.absolute(path, base: base) { ld.append(("url", .string(u))) }
        ld.append(("areaServed", .array(graph.cards.regions[i].map {
            .object([("@type", .string("AdministrativeArea")), ("name", .string(content.regions[$0].name))])
        })))
        ld.append(("knowsAbout", .array(graph.cards.topics[i].map { .string(content.topics[$0].name) })))
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
        values["report_url"] = TemplateText(links.report(name: name, contentFile: file, address: Route.absolute(path, base: base) ?? path, words: words))
    }

    func guide(_ i: Int) -> [String: Any] {
        let guide = content.guides[i]
        var g = renderer.guideItems.items[i]
        g["authors"] = guide.authors
        g["regions"] = regionLinks(graph.guides.regions[i])
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
        ld.append(("about", .array(graph.guides.topics[i].map { .string(content.topics[$0].name) })))
        if let u = Route.absolute(path, base: base) { ld.append(("url", .string(u))) }
        var v = pageValues(title: guide.title, description: guide.summary, ogType: "article", jsonld: .object(ld))
        v["guide"] = g
        return v
    }

    func topicList() -> [String: Any] {
        let title = words(.topicsTitle)
        let description = words(.topicsDescription)
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["topics"] = content.topics.indices.sorted { content.topics[$0].name < content.topics[$1].name }.map { t in
            var row: [String: Any] = ["name": content.topics[t].name, "url": Route.topic(content.topics[t].slug).path,
                                      "count": graph.cards.byTopic[t].count, "guide_count": graph.guides.byTopic[t].count]
            if let d = content.topics[t].description { row["description"] = d }
            return row
        }
        return v
    }

    func regionList() -> [String: Any] {
        let title = words(.regionsTitle)
        let description = words(.regionsDescription)
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["regions"] = regionRows()
        return v
    }

    func search() -> [String: Any] {
        let title = words(.searchTitle)
        let description = words(.searchDescription, ["site": content.site.title])
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["topics"] = content.topics.indices.sorted { content.topics[$0].name < content.topics[$1].name }.map { t in
            ["name": content.topics[t].name, "slug": content.topics[t].slug, "url": Route.topic(content.topics[t].slug).path] as [String: Any]
        }
        v["regions"] = zip(regionRows(), graph.regions.order).map { row, r in
            var row = row
            row["slug"] = content.regions[r].slug
            return row
        }
        // The facet values search.js filters by: the card kinds then guides, and the formats.
        v["kinds"] = Kind.allCases.map { ["value": $0.rawValue, "label": words.label($0)] } + [["value": "guide", "label": words(.guideLabel)]]
        v["formats"] = Format.allCases.map { ["value": $0.rawValue, "label": words.label($0)] }
        // Where Search writes the index, from the site root.
        v["index_url"] = Route.searchFolder
        v["card_count"] = content.cards.count
        v["guide_count"] = content.guides.count
        return v
    }

    func notFound() -> [String: Any] {
        var v = pageValues(title: words(.notFoundTitle), description: words(.notFoundDescription),
                           jsonld: collectionLD(words(.notFoundTitle), nil))
        if var page = v["page"] as? [String: Any] {
            page.removeValue(forKey: "canonical")
            v["page"] = page
        }
        return v
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
