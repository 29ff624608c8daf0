internal import Content
internal import YAML

/// A card the importer means to write: its fields, the text of its description and what
/// the feed said that has no field, all within the content rules.
struct CardDraft {
    /// What the card stands for in the feed (`service ID`, `service ID#2` for a second
    /// record with one id, `organization ID`); written into the card so that a later
    /// import finds it again.
    var key: String
    var slug: String
    var kind: Kind
    var name: String
    var summary: String
    var topics: [String] = []
    var regions: [String] = []
    var updated: ContentDate
    var status: Status = .active
    /// How support is offered, from the feed's attending types.
    var formats: [Format] = []
    var contact = Contact()
    var details = DirectoryDetails()
    /// The description, in Markdown.
    var description: String = ""
    /// Where it came from: the feed, the record, the publisher and the licence.
    var source: [FeedFact] = []
    /// What the feed said that has no field.
    var facts: [FeedFact] = []

    /// The fields the feed fills, in the order a card lists them: each name and its YAML,
    /// from the name's line to the end of its value. `update` replaces exactly these.
    var feedFields: [(key: String, yaml: String)] {
        var out: [(String, String)] = [("name", "name: " + YAMLWriter.scalar(name) + "\n"),
                                       ("summary", "summary: " + YAMLWriter.scalar(summary) + "\n"),
                                       ("updated", "updated: \(updated)\n"), ("status", "status: \(status.rawValue)\n")]
        if !formats.isEmpty { out.append(("formats", "formats: " + YAMLWriter.flowList(formats.map(\.rawValue)) + "\n")) }
        var contactLines = ""
        if let w = contact.website { contactLines += "  website: " + YAMLWriter.scalar(w) + "\n" }
        if let e = contact.email { contactLines += "  email: " + YAMLWriter.scalar(e) + "\n" }
        if let p = contact.phone { contactLines += "  phone: " + YAMLWriter.scalar(p) + "\n" }
        if !contactLines.isEmpty { out.append(("contact", "contact:\n" + contactLines)) }
        if !details.locations.isEmpty { out.append(("locations", "locations:\n" + details.locations.map(Self.location).joined())) }
        if let meets = details.meets { out.append(("meets", Self.meets(meets))) }
        if let e = details.eligibility { out.append(("eligibility", "eligibility: " + YAMLWriter.scalar(e) + "\n")) }
        switch details.cost {
        case .free: out.append(("cost", "cost: free\n"))
        case .text(let t): out.append(("cost", "cost: " + YAMLWriter.scalar(t) + "\n"))
        case nil: break
        }
        if !details.referral.isEmpty { out.append(("referral", "referral: " + YAMLWriter.flowList(details.referral.map(\.rawValue)) + "\n")) }
        if !details.languages.isEmpty { out.append(("languages", "languages: " + YAMLWriter.flowList(details.languages) + "\n")) }
        if let o = details.organisation { out.append(("organisation", "organisation: " + o + "\n")) }
        if let id = details.orukID { out.append(("oruk_id", "oruk_id: " + id + "\n")) }
        return out
    }

    /// The fields an update leaves as the card has them: the directory's own words for
    /// what the card is and where it belongs.
    var ownFields: [(key: String, yaml: String)] {
        [("kind", "kind: \(kind.rawValue)\n"),
         ("topics", "topics:\n" + YAMLWriter.blockList(topics, indent: 2)),
         ("regions", "regions:\n" + YAMLWriter.blockList(regions, indent: 2))]
    }

    /// The whole card, as a new file.
    var text: String {
        let fields = feedFields
        var front = fields[0].yaml + ownFields[0].yaml + fields[1].yaml + ownFields[1].yaml + ownFields[2].yaml
        for field in fields.dropFirst(2) { front += field.yaml }
        return "---\n" + front + "---\n\n" + importedBlock + "\n"
    }

    static func location(_ place: CardLocation) -> String {
        var lines: [String] = []
        if let n = place.name { lines.append("name: " + YAMLWriter.scalar(n)) }
        if !place.address.isEmpty { lines.append("address:\n" + YAMLWriter.blockList(place.address, indent: 6).dropLast()) }
        if let t = place.town { lines.append("town: " + YAMLWriter.scalar(t)) }
        if let c = place.county { lines.append("county: " + YAMLWriter.scalar(c)) }
        if let p = place.postcode { lines.append("postcode: " + YAMLWriter.scalar(p)) }
        if let lat = place.latitude, let lon = place.longitude { lines += ["latitude: \(lat)", "longitude: \(lon)"] }
        if let a = place.accessibility { lines.append("accessibility: " + YAMLWriter.scalar(a)) }
        return lines.enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element + "\n" }.joined()
    }

    static func meets(_ meets: Meets) -> String {
        switch meets {
        case .text(let words): return "meets: " + YAMLWriter.scalar(words) + "\n"
        case .regular(let meetings):
            var out = "meets:\n"
            for m in meetings {
                var lines: [String] = []
                if m.frequency != .weekly { lines.append("frequency: \(m.frequency.rawValue)") }
                if !m.weeks.isEmpty { lines.append("week: " + YAMLWriter.flowList(m.weeks.map(\.rawValue))) }
                lines.append("days: " + YAMLWriter.flowList(m.days.map(\.rawValue)))
                if let s = m.start { lines.append("start: \"\(s)\"") }
                if let e = m.end { lines.append("end: \"\(e)\"") }
                if let n = m.note { lines.append("note: " + YAMLWriter.scalar(n)) }
                out += lines.enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element + "\n" }.joined()
            }
            return out
        }
    }

    // MARK: The imported text

    static let beginMarker = "<!-- whoswho import begin: "
    static let endMarker = "<!-- whoswho import end -->"

    /// The description and the marked section, between the markers an update looks for.
    var importedBlock: String {
        var out = Self.beginMarker + key + " -->\n"
        out += "<!-- The text down to 'whoswho import end' comes from an Open Referral feed: `whoswho import oruk --update` rewrites it. Write your own text above or below it. -->\n"
        out += ImportedVocabulary(topics: topics, regions: regions).comment + "\n\n"
        if !description.isEmpty { out += description + "\n\n" }
        out += "## From the open data feed\n\n"
        out += "What the feed says that has no field of its own on this card.\n\n"
        for fact in source + facts {
            out += "- **" + MarkdownText.escape(fact.path) + "**: " + MarkdownText.escapeLinking(fact.value) + "\n"
        }
        return out + "\n" + Self.endMarker
    }
}
