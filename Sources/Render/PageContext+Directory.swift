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
        c["locations"] = details.locations.map(Self.locationValues)
        c["meets"] = details.meets.map { DirectoryWords.lines($0).map { ["text": TemplateText($0)] } } ?? []
        c["where_when"] = !details.locations.isEmpty || details.meets != nil
        var facts = false
        if let e = details.eligibility { c["eligibility"] = TemplateText(e); facts = true }
        if let cost = details.cost { c["cost"] = TemplateText(DirectoryWords.cost(cost)); facts = true }
        if !details.referral.isEmpty {
            c["referral"] = details.referral.map { ["label": TemplateText($0.label)] }
            facts = true
        }
        if !details.languages.isEmpty {
            c["languages"] = details.languages.map { tag in
                ["name": TemplateText(LanguageNames.name(of: tag) ?? tag), "tag": TemplateText(tag)]
            }
            facts = true
        }
        if let o = graph.organisations.runBy[i] {
            c["run_by"] = Self.link(content.cards[o].name, url(SitePath.card(content.cards[o].slug)))
            facts = true
        }
        c["directory_facts"] = facts
        Self.setList(cardList(graph.organisations.runs[i]), as: "runs", in: &c)
    }

    /// One place: its name, the lines of its address with the town and postcode, its
    /// access notes, and a map link when it has a position. The keys are the place's own
    /// (`place_name`, not `name`), so that a place without a name does not show the card's.
    static func locationValues(_ location: CardLocation) -> [String: Any] {
        var values: [String: Any] = [:]
        if let name = location.name { values["place_name"] = TemplateText(name) }
        let lines = location.address + [location.town, location.county, location.postcode].compactMap { $0 }
        values["place_lines"] = lines.indices.map { ["line": TemplateText(lines[$0]), "more": $0 < lines.count - 1] as [String: Any] }
        if let a = location.accessibility { values["place_access"] = TemplateText(a) }
        if let lat = location.latitude, let lon = location.longitude {
            values["map_url"] = TemplateText("https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=17/\(lat)/\(lon)")
            values["map_label"] = TemplateText("Map of " + (location.name ?? location.address.first ?? location.postcode ?? "this place"))
        }
        return values
    }
}
