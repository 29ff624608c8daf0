internal import Support
internal import Content
internal import Graph

extension PageContext {
    /// A page of the cards that say what they are looking for: `topics`, each with its
    /// `regions`, each with its `entries` (the card's name, page, kind and what it is
    /// looking for). A topic or region cut by a page break is headed again on the next page.
    func lookingFor(_ number: Int) -> [String: Any] {
        let lists = renderer.organiserLists
        let pages = renderer.listPages.lookingFor(lists)
        var topics: [[String: Any]] = []
        var regions: [[String: Any]] = [], entries: [[String: Any]] = []
        var current: OrganiserLists.LookingFor?
        func closeRegion() {
            guard let current, !entries.isEmpty else { return }
            let region = content.regions[current.region]
            regions.append(["name": TemplateText(region.name), "url": TemplateText(Route.region(region.slug).path), "entries": entries])
            entries = []
        }
        func closeTopic() {
            closeRegion()
            guard let current, !regions.isEmpty else { return }
            topics.append(topicHeading(current.topic, ["regions": regions]))
            regions = []
        }
        for entry in lists.lookingFor[pages.range(of: number)] {
            if entry.topic != current?.topic { closeTopic() } else if entry.region != current?.region { closeRegion() }
            current = entry
            let card = content.cards[entry.card]
            entries.append(["card_name": TemplateText(card.name), "card_url": TemplateText(Route.card(card.slug).path),
                            "kind_label": TemplateText(words.label(card.kind)), "looking_for": TemplateText(card.lookingFor ?? ""),
                            "paused": card.status == .paused])
        }
        closeTopic()
        let title = pages.title(words(.lookingForTitle), page: number, words: words)
        let description = words(.lookingForDescription, ["site": content.site.title])
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["topics"] = topics
        v["pagination"] = pages.values(current: number) { Route.lookingFor(page: $0).path }
        return v
    }

    /// A page of the evidence: `topics`, each with its `entries`, a guide (`is_guide`)
    /// or a card's link, each labelled with the card it comes from.
    func evidence(_ number: Int) -> [String: Any] {
        let lists = renderer.organiserLists
        let pages = renderer.listPages.evidence(lists)
        var topics: [[String: Any]] = []
        var entries: [[String: Any]] = []
        var topic: Int?
        func closeTopic() {
            guard let topic, !entries.isEmpty else { return }
            topics.append(topicHeading(topic, ["entries": entries]))
            entries = []
        }
        for entry in lists.evidence[pages.range(of: number)] {
            if entry.topic != topic { closeTopic() }
            topic = entry.topic
            switch entry.item {
            case .guide(let g):
                let guide = content.guides[g]
                entries.append(["is_guide": true, "title": TemplateText(guide.title), "entry_url": TemplateText(Route.guide(guide.slug).path),
                                "entry_summary": TemplateText(guide.summary)])
            case .link(let c, let l):
                let card = content.cards[c], link = card.links[l]
                entries.append(["is_guide": false, "title": TemplateText(link.title), "entry_url": TemplateText(link.url),
                                "card_name": TemplateText(card.name), "card_url": TemplateText(Route.card(card.slug).path)])
            }
        }
        closeTopic()
        let title = pages.title(words(.evidenceTitle), page: number, words: words)
        let description = words(.evidenceDescription, ["site": content.site.title])
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["topics"] = topics
        v["pagination"] = pages.values(current: number) { Route.evidence(page: $0).path }
        return v
    }

    /// A topic's heading in a list: its name and page, with the list's own values.
    func topicHeading(_ t: Int, _ values: [String: Any]) -> [String: Any] {
        var heading = values
        heading["name"] = TemplateText(content.topics[t].name)
        heading["url"] = TemplateText(Route.topic(content.topics[t].slug).path)
        return heading
    }
}
