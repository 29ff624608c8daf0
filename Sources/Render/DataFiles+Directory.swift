internal import Support
internal import Content
internal import Graph

extension DataFiles {
    /// A card's directory fields in index.json, after its other fields (docs/index-json.md):
    /// every key is always present, with null or an empty list when the card does not say.
    func directoryPairs(_ i: Int) -> [(String, JSONValue)] {
        let details = content.cards[i].details
        var meets: JSONValue = .null
        if let m = details.meets {
            var regular: [JSONValue] = []
            if case .regular(let meetings) = m { regular = meetings.map(Self.meetingValue) }
            meets = .object([("words", strings(DirectoryWords.english.lines(m))), ("regular", .array(regular))])
        }
        var cost: JSONValue = .null
        if let c = details.cost {
            cost = .object([("free", .bool(c == .free)), ("text", .string(DirectoryWords.english.cost(c)))])
        }
        return [
            ("locations", .array(details.locations.map(Self.locationValue))),
            ("meets", meets),
            ("eligibility", .optional(details.eligibility)),
            ("cost", cost),
            ("referral", strings(details.referral.map(\.rawValue))),
            ("languages", .array(details.languages.map {
                .object([("tag", .string($0)), ("name", .string(Words.english.language($0) ?? $0))])
            })),
            ("organisation", .optional(graph.organisations.runBy[i].map { content.cards[$0].slug })),
            ("runs", strings(graph.organisations.runs[i].map { content.cards[$0].slug })),
            ("former_slugs", strings(content.cards[i].formerSlugs)),
        ]
    }

    static func locationValue(_ l: CardLocation) -> JSONValue {
        .object([
            ("name", .optional(l.name)), ("address", .array(l.address.map(JSONValue.string))), ("town", .optional(l.town)),
            ("county", .optional(l.county)), ("postcode", .optional(l.postcode)),
            ("latitude", l.latitude.map(JSONValue.double) ?? .null), ("longitude", l.longitude.map(JSONValue.double) ?? .null),
            ("accessibility", .optional(l.accessibility)),
        ])
    }

    static func meetingValue(_ m: Meeting) -> JSONValue {
        .object([
            ("frequency", .string(m.frequency.rawValue)), ("days", .array(m.days.map { .string($0.rawValue) })),
            ("weeks", .array(m.weeks.map { .string($0.rawValue) })),
            ("start", .optional(m.start?.description)), ("end", .optional(m.end?.description)), ("note", .optional(m.note)),
        ])
    }
}
