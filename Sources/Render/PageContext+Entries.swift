internal import Markdown
internal import Support
internal import Content
internal import Graph

/// The pages of an entry type beyond cards and guides (`Content.entries`): the list of
/// its entries by title, a page at a time, and each entry's page, with the fields its
/// type labels, in the type's order.
extension PageContext {
    /// Page `number` of the list of entry type `k`.
    func entryList(_ k: Int, page number: Int) -> [String: Any] {
        let type = content.entries[k].type
        let pagination = renderer.listPages.entries(k)
        let title = pagination.title(type.plural, page: number, words: words)
        let description = words(.entriesDescription, ["entries": type.plural, "site": content.site.title])
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        v["entry_type"] = typeValues(type)
        v["entries"] = pagination.slice(graph.entries[k].order, page: number).map { entryItem(k, $0) }
        v["pagination"] = pagination.values(current: number) { Route.entryList(type.folder, page: $0).path }
        return v
    }

    /// An entry's page: its title, summary, labelled fields, topics, regions, body and cards.
    func entry(_ k: Int, _ i: Int) -> [String: Any] {
        let type = content.entries[k].type, entry = content.entries[k].all[i], links = graph.entries[k]
        var e = entryItem(k, i)
        e["facts"] = facts(of: entry, type: type)
        e["topics"] = links.topics[i].map { Self.link(content.topics[$0].name, Route.topic(content.topics[$0].slug).path) }
        e["regions"] = regionLinks(links.regions[i])
        e["body_html"] = TemplateText(entry.body.html)
        contributionLinks(file: entry.file, name: entry.title, into: &e)
        Self.setList(cardList(graph.entryCards[k][i]), as: "cards", in: &e)
        var ld: [(String, JSONValue)] = [("@context", .string("https://schema.org")), ("@type", .string("Thing")),
                                        ("name", .string(entry.title)), ("description", .string(entry.summary))]
        if let u = Route.absolute(path, base: base) { ld.append(("url", .string(u))) }
        var v = pageValues(title: entry.title, description: entry.summary, jsonld: .object(ld))
        v["entry_type"] = typeValues(type)
        v["entry"] = e
        return v
    }

    func entryItem(_ k: Int, _ i: Int) -> [String: Any] {
        let type = content.entries[k].type, entry = content.entries[k].all[i]
        return ["url": TemplateText(Route.entry(type.folder, entry.slug).path), "title": TemplateText(entry.title),
                "summary": TemplateText(entry.summary), "kind_label": TemplateText(type.singular)]
    }

    func typeValues(_ type: EntryType) -> [String: Any] {
        ["singular": TemplateText(type.singular), "plural": TemplateText(type.plural),
         "url": TemplateText(Route.entryList(type.folder).path)]
    }

    /// The labelled fields given, in the type's order, but the title, summary and the
    /// lists of topics, regions and cards, which the page shows by their own.
    func facts(of entry: Entry, type: EntryType) -> [[String: Any]] {
        let own: Set<String> = [type.titleField, type.summaryField, type.vocabularyField(.topics)?.name,
                                type.vocabularyField(.regions)?.name, type.cardsField?.name].reduce(into: []) { set, name in
            if let name { set.insert(name) }
        }
        return type.fields.all.compactMap { field -> [String: Any]? in
            guard !own.contains(field.name), let label = type.labels[field.name], let value = entry.values[field.name] else { return nil }
            // Each of the three flags set on every fact: a name a fact lacks would be
            // looked up in the page around it.
            var fact: [String: Any] = ["label": TemplateText(label), "is_link": false, "is_date": false, "is_plain": true]
            switch value {
            case .text(let text):
                fact["text"] = TemplateText(text)
                if case .webAddress = field.type {
                    fact["link"] = TemplateText(text)
                    fact["is_link"] = true
                    fact["is_plain"] = false
                }
            case .date(let date):
                fact["text"] = TemplateText(words.date(date))
                fact["datetime"] = TemplateText(date.description)
                fact["is_date"] = true
                fact["is_plain"] = false
            case .yesNo(let yes):
                fact["text"] = TemplateText(words(yes ? .yes : .no))
            case .list(let items):
                fact["text"] = TemplateText(items.joined(separator: words(.listComma)))
            }
            return fact
        }
    }
}
