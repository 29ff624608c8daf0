internal import Support
internal import Foundation
internal import Content
internal import Graph

extension PageContext {
    /// A card page's directory values: where and when (`locations`, `meets`), who it is
    /// for, cost, how to get in, languages, the organisation that runs it (`run_by`) and,
    /// on an organisation's page, what it runs (`runs`). `where_when` is set when the card
    /// says where or when it meets, `directory_facts` when it says any of the rest.
    func directoryValues(_ i: Int, into c: inout [String: Any]) {
        let details = content.cards[i].details
        // Always lists, so that a section on one never falls through to a value outside the card.
        c["locations"] = details.locations.map { Self.locationValues($0, words: words) }
        c["meets"] = details.meets.map { DirectoryWords(words).lines($0).map { ["text": TemplateText($0)] } } ?? []
        c["where_when"] = !details.locations.isEmpty || details.meets != nil
        var facts = false
        if let e = details.eligibility { c["eligibility"] = TemplateText(e); facts = true }
        if let cost = details.cost { c["cost"] = TemplateText(DirectoryWords(words).cost(cost)); facts = true }
        // Always set, even empty: a list left out would be looked up in the page around it.
        c["referral"] = details.referral.map { ["label": TemplateText(words.label($0))] }
        c["languages"] = details.languages.map { tag in
            ["name": TemplateText(words.language(tag) ?? tag), "tag": TemplateText(tag)]
        }
        if !details.referral.isEmpty || !details.languages.isEmpty { facts = true }
        if let o = graph.organisations.runBy[i] {
            c["run_by"] = Self.link(content.cards[o].name, Route.card(content.cards[o].slug).path)
            facts = true
        }
        c["directory_facts"] = facts
        Self.setList(cardList(graph.organisations.runs[i]), as: "runs", in: &c)
    }

    /// One place: its name, the lines of its address with the town and postcode, its
    /// access notes, and a map link when it has a position. The keys are the place's own
    /// (`place_name`, not `name`), so that a place without a name does not show the card's.
    static func locationValues(_ location: CardLocation, words: Words) -> [String: Any] {
        var values: [String: Any] = [:]
        if let name = location.name { values["place_name"] = TemplateText(name) }
        let lines = location.address + [location.town, location.county, location.postcode].compactMap { $0 }
        values["place_lines"] = lines.indices.map { ["line": TemplateText(lines[$0]), "more": $0 < lines.count - 1] as [String: Any] }
        if let a = location.accessibility { values["place_access"] = TemplateText(a) }
        if let lat = location.latitude, let lon = location.longitude {
            values["map_url"] = TemplateText("https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=17/\(lat)/\(lon)")
            values["map_label"] = TemplateText(words(.mapOf, ["place": location.name ?? location.address.first ?? location.postcode ?? words(.thisPlace)]))
        }
        return values
    }

    /// What a list entry says of where, when and how to get in, beside the name, kind,
    /// summary and status: `where` (the towns of its places, and "Online" for an online
    /// card), `when` (its meetings in plain words) and `join` (its ways in). Each is
    /// false when the card does not say, and `facts` is whether any is set.
    static func listFacts(_ card: Card, words: Words) -> [String: Any] {
        let details = card.details
        var places: [String] = []
        func add(_ place: String) {
            if !places.contains(where: { $0.caseInsensitiveCompare(place) == .orderedSame }) { places.append(place) }
        }
        for location in details.locations {
            if let place = location.town ?? location.name { add(place) }
        }
        if card.formats.contains(.online) { add(words.label(Format.online)) }
        let directory = DirectoryWords(words)
        let when = details.meets.map { directory.lines($0).joined(separator: words(.meetsJoin)) }
        let join = directory.waysIn(details.referral)
        var out: [String: Any] = [:]
        // A card with many places names the first few, so that an entry stays short.
        if places.count > 4 { places = Array(places.prefix(3)) + [words(.morePlaces, ["count": String(places.count - 3)])] }
        out["where"] = places.isEmpty ? false : TemplateText(directory.list(places))
        out["when"] = when.map(TemplateText.init) ?? false
        out["join"] = join.map(TemplateText.init) ?? false
        out["facts"] = !places.isEmpty || when != nil || join != nil
        return out
    }
}
