internal import Support
internal import Content
internal import Graph

/// The list pages: the A–Z, the guides, a topic, a region and a topic in a region. Each
/// lists its own entries a page at a time (`ListPages`), and says what is near by counts
/// and links rather than by listing it again, so that no page grows with the directory.
extension PageContext {
    /// The most entries in a list that is not the page's own (the guides on a topic or
    /// region page, the guides that mention a card); a link leads to the rest.
    static let shortListLimit = 6
    /// The most related cards and mentioning guides on a card's page, where they follow
    /// the card itself and are a tenth of every card page's bytes each.
    static let cardPageListLimit = 4

    /// Page `number` of the A–Z.
    func cardList(_ number: Int) -> [String: Any] {
        let pagination = renderer.listPages.cards
        let firstPage = renderer.alphabet.firstPage
        let alphabet = (UnicodeScalar("A").value...UnicodeScalar("Z").value).map { String(UnicodeScalar($0)!) } + ["#"]
        let letters: [[String: Any]] = alphabet.map { l in
            let id = l == "#" ? "letter-other" : "letter-\(l)"
            var row: [String: Any] = ["letter": l, "present": firstPage[l] != nil]
            if let p = firstPage[l] { row["url"] = Route.cardsAZ(page: p).path + "#" + id }
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
        for c in pagination.slice(graph.cards.order, page: number) {
            let l = renderer.alphabet.letter[c]
            if l != letter {
                closeGroup()
                letter = l
            }
            group.append(cardItem(c), html: cardHTML(c))
        }
        closeGroup()
        let title = pagination.title(words(.azTitle), page: number, words: words)
        let description = words(.azDescription, ["site": content.site.title])
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["letters"] = letters
        v["groups"] = groups
        v["pagination"] = pagination.values(current: number) { Route.cardsAZ(page: $0).path }
        return v
    }

    /// Page `number` of the guides, by title.
    func guideList(_ number: Int) -> [String: Any] {
        let pagination = renderer.listPages.guides
        let title = pagination.title(words(.guidesTitle), page: number, words: words)
        let description = words(.guidesDescription)
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        Self.setList(guideList(pagination.slice(graph.guides.order, page: number)), as: "guides", in: &v)
        v["pagination"] = pagination.values(current: number) { Route.guides(page: $0).path }
        return v
    }

    /// Page `number` of a topic: the regions it reaches with their counts, then its cards
    /// by name, each once; its guides on the first page.
    func topic(_ t: Int, page number: Int) -> [String: Any] {
        let topic = content.topics[t]
        let pagination = renderer.listPages.topic(t)
        let first = Route.topic(topic.slug).path
        let title = pagination.title(topic.name, page: number, words: words)
        let description = topic.description ?? words(.topicDescription, ["topic": topic.name])
        var v = pageValues(title: title, description: description,
                           jsonld: collectionLD(pagination.title(words(.topicHeading, ["topic": topic.name]), page: number, words: words), description))
        var tv: [String: Any] = ["name": topic.name, "count": graph.cards.byTopic[t].count, "url": first]
        if let d = topic.description { tv["description"] = d }
        v["topic"] = tv
        Self.setList(cardList(pagination.slice(graph.cards.byTopic[t], page: number)), as: "cards", in: &v)
        v["pagination"] = pagination.values(current: number) { Route.topic(topic.slug, page: $0).path }
        v["first_page"] = number == 1
        guard number == 1 else { return v }
        shortGuideList(graph.guides.byTopic[t], more: Route.search.path + "?topic=\(topic.slug)&kind=guide", into: &v)
        v["topic_regions"] = graph.topicRegionPages.filter { $0.topic == t }.map { p in
            var row: [String: Any] = ["name": content.regions[p.region].name,
                                      "url": Route.topicRegion(topic: topic.slug, region: content.regions[p.region].slug).path,
                                      "count": p.local.count, "depth": graph.regions.depth[p.region]]
            // Set on every row: inside {{#first(…)}} a missing key would be read from the first row.
            row["only_wider"] = p.local.isEmpty
            return row
        }
        return v
    }

    /// Page `number` of a topic in a region: the cards that name the region; on the
    /// first page, how many there are in each region within it and how many cover it
    /// from each wider region, with a link to the topic's page there.
    func topicRegion(_ i: Int, page number: Int) -> [String: Any] {
        let p = graph.topicRegionPages[i]
        let topic = content.topics[p.topic], region = content.regions[p.region]
        let lists = renderer.listPages
        let pagination = lists.topicRegion(i)
        let names = ["topic": topic.name, "region": region.name, "count": String(p.local.count)]
        let heading = words(.topicRegionHeading, names)
        let title = pagination.title(heading, page: number, words: words)
        let description = words(p.local.count == 1 ? .topicRegionDescriptionOne : .topicRegionDescription, names)
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["heading"] = heading
        v["topic"] = ["name": topic.name, "url": Route.topic(topic.slug).path]
        v["region"] = ["name": region.name, "url": Route.region(region.slug).path]
        Self.setList(cardList(pagination.slice(lists.own[i], page: number)), as: "local", in: &v)
        v["local_count"] = lists.own[i].count
        v["nothing_local"] = p.local.isEmpty
        v["pagination"] = pagination.values(current: number) { Route.topicRegion(topic: topic.slug, region: region.slug, page: $0).path }
        v["first_page"] = number == 1
        guard number == 1 else { return v }
        let depth = graph.regions.depth[p.region]
        v["within"] = graph.regions.descendants[p.region].compactMap { d -> [String: Any]? in
            guard let k = lists.topicRegionPage(topic: p.topic, region: d), !graph.topicRegionPages[k].local.isEmpty else { return nil }
            return ["name": content.regions[d].name, "url": Route.topicRegion(topic: topic.slug, region: content.regions[d].slug).path,
                    "count": graph.topicRegionPages[k].local.count, "depth": graph.regions.depth[d] - depth - 1]
        }
        v["wider"] = widerRows(p.wider, region: p.region) { a in Route.topicRegion(topic: topic.slug, region: content.regions[a].slug).path }
        let regionGuides = Set(graph.guidesByRegion[p.region])
        shortGuideList(graph.guides.byTopic[p.topic].filter { graph.guides.regions[$0].isEmpty || regionGuides.contains($0) },
                       more: Route.search.path + "?topic=\(topic.slug)&region=\(region.slug)&kind=guide", into: &v)
        return v
    }

    /// Page `number` of a region: the cards that name it; on the first page, its topics,
    /// the regions within it and around it with their counts, and its guides.
    func region(_ r: Int, page number: Int) -> [String: Any] {
        let region = content.regions[r]
        let pagination = renderer.listPages.region(r)
        let first = Route.region(region.slug).path
        let title = pagination.title(region.name, page: number, words: words)
        let description = region.description ?? words(.regionDescription, ["region": region.name])
        var v = pageValues(title: title, description: description,
                           jsonld: collectionLD(pagination.title(words(.regionHeading, ["region": region.name]), page: number, words: words), description))
        var rv: [String: Any] = ["name": region.name, "count": graph.regionCardCount[r], "own_count": graph.cardsByRegion[r].count,
                                 "url": first]
        if let d = region.description { rv["description"] = d }
        v["region"] = rv
        if let p = graph.regions.parent[r] {
            v["parent"] = ["name": content.regions[p].name, "url": Route.region(content.regions[p].slug).path, "count": graph.regionCardCount[p]]
        }
        Self.setList(cardList(pagination.slice(graph.cardsByRegion[r], page: number)), as: "cards", in: &v)
        v["pagination"] = pagination.values(current: number) { Route.region(region.slug, page: $0).path }
        v["first_page"] = number == 1
        guard number == 1 else { return v }
        // Regions within this one are signposted with their counts rather than listed
        // card by card: on UK-wide that would be every card in the directory.
        let depth = graph.regions.depth[r]
        v["within"] = graph.regions.descendants[r].map { d -> [String: Any] in
            ["name": content.regions[d].name, "url": Route.region(content.regions[d].slug).path,
             "count": graph.regionCardCount[d], "depth": graph.regions.depth[d] - depth - 1]
        }
        v["wider"] = widerRows(graph.widerCards(region: r), region: r) { a in Route.region(content.regions[a].slug).path }
        shortGuideList(graph.guidesByRegion[r], more: Route.search.path + "?region=\(region.slug)&kind=guide", into: &v)
        v["topics"] = graph.topicRegionPages.filter { $0.region == r }
            .sorted { content.topics[$0.topic].name < content.topics[$1.topic].name }
            .map { p in
                var row: [String: Any] = ["name": content.topics[p.topic].name,
                                          "url": Route.topicRegion(topic: content.topics[p.topic].slug, region: region.slug).path, "count": p.local.count]
                row["only_wider"] = p.local.isEmpty
                return row
            }
        return v
    }

    /// The wider regions that `cards` cover `region` from, nearest first, each with how
    /// many of them it is the nearest of, and `link` to its page.
    func widerRows(_ cards: [Int], region: Int, link: (Int) -> String) -> [[String: Any]] {
        let ancestors = graph.regions.ancestors[region]
        var counts = [Int](repeating: 0, count: ancestors.count)
        for c in cards {
            if let k = ancestors.firstIndex(where: { graph.cards.regions[c].contains($0) }) { counts[k] += 1 }
        }
        return ancestors.indices.filter { counts[$0] > 0 }.map { k in
            ["name": content.regions[ancestors[k]].name, "url": link(ancestors[k]), "count": counts[k], "one": counts[k] == 1]
        }
    }

    /// `guides` under `guides`, at most `shortListLimit` of them; when there are more,
    /// `guides_more` is `more` (a search for the rest) and `guides_count` how many in all.
    func shortGuideList(_ guides: [Int], more: String, into v: inout [String: Any]) {
        Self.setList(guideList(guides.prefix(Self.shortListLimit)), as: "guides", in: &v)
        v["guides_count"] = guides.count
        if guides.count > Self.shortListLimit { v["guides_more"] = more }
    }

    /// A card page's related cards and the guides that mention it, each at most
    /// `cardPageListLimit`, with a link to the card's first topic for more.
    func relatedValues(_ i: Int, into c: inout [String: Any]) {
        Self.setList(cardList(graph.relatedCards[i].prefix(Self.cardPageListLimit)), as: "related", in: &c)
        let mentioned = graph.mentionedIn[i]
        Self.setList(guideList(mentioned.prefix(Self.cardPageListLimit)), as: "mentioned_in", in: &c)
        c["mentioned_in_count"] = mentioned.count
        c["mentioned_in_more"] = mentioned.count > Self.cardPageListLimit
        if let t = graph.cards.topics[i].first {
            let topic = content.topics[t]
            c["more_topic"] = ["name": TemplateText(topic.name), "url": TemplateText(Route.topic(topic.slug).path),
                               "guides_url": TemplateText(Route.search.path + "?topic=\(topic.slug)&kind=guide")]
        }
    }
}
