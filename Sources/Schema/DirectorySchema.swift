internal import Support
internal import Render
import Content

/// The JSON Schema of a card's directory fields, as DirectoryFieldsReader in
/// Sources/Content reads them. What it cannot say: that an `end` is after its `start`,
/// that a postcode was ever issued, that `organisation` names an organisation card, and
/// that a place's latitude and longitude are not the wrong way round.
enum DirectorySchema {
    /// Postcode.isValid, written in any case, with or without spaces.
    static let postcode: String = {
        func any(_ letters: String) -> String {
            "[" + letters + letters.lowercased() + "]"
        }
        let first = any("ABCDEFGHIJKLMNOPRSTUWYZ"), second = any("ABCDEFGHKLMNOPQRSTUVWXY")
        let third = any("ABCDEFGHJKPSTUW"), fourth = any("ABEHMNPRVWXY"), inward = any("ABDEFGHJLNPQRSTUWXYZ")
        let outward = "\(first)[0-9]{1,2}|\(first)[0-9]\(third)|\(first)\(second)[0-9]{1,2}|\(first)\(second)[0-9]\(fourth)"
        return "^ *(?:(?:\(outward)) *[0-9]\(inward){2}|[Gg][Ii][Rr] *0[Aa][Aa]) *$"
    }()
    /// ClockTime: H:MM or HH:MM on the 24-hour clock.
    static let time = "^(?:[01]?[0-9]|2[0-3]):[0-5][0-9]$"
    /// OpenReferralID.isUUID.
    static let uuid = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
    /// A language tag whose first part is in LanguageNames, written in small letters.
    static var language: String {
        "^(?:" + LanguageNames.table.keys.sorted().joined(separator: "|") + ")(?:-[A-Za-z0-9]{1,8})*$"
    }

    /// Text that is given: a value that is not blank (numbers and true/false count).
    static let given: JSONValue = .object([("anyOf", .array([
        .object([("type", .array([.string("number"), .string("boolean")]))]),
        .object([("type", .string("string")), ("pattern", .string("\\S"))]),
        .object([("type", .string("array")), ("minItems", .int(1))]),
        .object([("type", .string("object"))]),
    ]))])

    /// `key` is written with a value (FieldReader.given).
    static func has(_ key: String) -> JSONValue {
        .object([("required", .array([.string(key)])), ("properties", .object([(key, given)]))])
    }

    static func not(_ schema: JSONValue) -> JSONValue { .object([("not", schema)]) }

    /// A number of degrees within ±`limit` (90 or 180): a number, or text written with at
    /// most three digits before a decimal point and twelve after (FieldReader.coordinate).
    static func coordinate(_ description: String, limit: Int) -> JSONValue {
        let fraction = "(?:\\.[0-9]{1,12})?", zeros = "(?:\\.0{1,12})?"
        let below = limit == 90 ? "[0-8]?[0-9]" : "(?:[0-9]{1,2}|1[0-7][0-9])"
        let text = "^-?(?:\(below)\(fraction)|\(limit)\(zeros))$"
        return .object([
            ("description", .string(description)),
            ("anyOf", .array([
                .object([("type", .string("number")), ("minimum", .int(-limit)), ("maximum", .int(limit))]),
                .object([("type", .string("string")), ("pattern", .string(text))]),
                .object([("type", .string("null"))]),
            ])),
        ])
    }

    static func location() -> JSONValue {
        let b = SchemaBuilder.self
        let properties: [(String, JSONValue)] = [
            ("name", b.text("The place's name, such as a hall or a library.", max: 120, nullable: true)),
            ("address", .object([
                ("description", .string("The street address without the town and postcode: one line, or a list of at most \(ContentLimits.addressLines) lines.")),
                ("anyOf", .array([
                    b.text("one line", max: 120, nullable: true),
                    b.list("lines", items: b.text("a line", max: 120), required: false).adding([("maxItems", .int(ContentLimits.addressLines))]),
                ])),
            ])),
            ("town", b.text("The town or city.", max: 80, nullable: true)),
            ("county", b.text("The county or unitary area, when the town alone does not say it.", max: 80, nullable: true)),
            ("postcode", b.text("A UK postcode, like LS1 4AP.", max: 12, nullable: true, pattern: postcode)),
            ("latitude", coordinate("Degrees north, with a decimal point, like 53.7996.", limit: 90)),
            ("longitude", coordinate("Degrees east (negative for west), with a decimal point, like -1.5491.", limit: 180)),
            ("accessibility", b.text("What someone with a disability needs to know about the place.", max: 500, nullable: true)),
        ]
        return b.object(nil, required: [], properties: properties).adding([
            ("minProperties", .int(1)),
            ("allOf", .array([
                .object([("anyOf", .array([has("name"), has("address")]))]),
                .object([("if", has("address")), ("then", .object([("allOf", .array([has("town"), has("postcode")]))]))]),
                .object([("if", has("latitude")), ("then", has("longitude"))]),
                .object([("if", has("longitude")), ("then", has("latitude"))]),
            ])),
        ])
    }

    static func meeting() -> JSONValue {
        let b = SchemaBuilder.self
        let weekday = b.choice("a day", Weekday.allCases.map(\.rawValue))
        let week = b.choice("a week of the month", WeekOfMonth.allCases.map(\.rawValue))
        let monthly: JSONValue = .object([("required", .array([.string("frequency")])),
                                          ("properties", .object([("frequency", .object([("const", .string("monthly"))]))]))])
        let notMonthly: JSONValue = .object([("required", .array([.string("frequency")])),
                                             ("properties", .object([("frequency", b.choice("", ["weekly", "fortnightly"]))]))])
        return b.object(nil, required: ["days"], properties: [
            ("frequency", b.choice("How often: weekly (the default, or monthly when 'week' is given), fortnightly or monthly.",
                                   MeetingFrequency.allCases.map(\.rawValue), nullable: true)),
            ("days", b.list("The days it meets.", items: weekday, required: true)),
            ("week", .object([("description", .string("For a monthly meeting: which week of the month, or a list of them.")),
                              ("anyOf", .array([week, b.list("weeks", items: week, required: true)]))])),
            ("start", b.text("When it starts, on the 24-hour clock, like 10:00.", max: 20, nullable: true, pattern: time)),
            ("end", b.text("When it ends, on the 24-hour clock, like 12:00 (after the start).", max: 20, nullable: true, pattern: time)),
            ("note", b.text("A short note, such as term time only.", max: 120, nullable: true)),
        ]).adding([("allOf", .array([
            .object([("if", monthly), ("then", has("week"))]),
            .object([("if", notMonthly), ("then", not(.object([("required", .array([.string("week")]))])))]),
            .object([("if", has("end")), ("then", has("start"))]),
        ]))])
    }

    /// The card's directory fields, in DirectoryFieldsReader.fields order.
    static func properties() -> [(String, JSONValue)] {
        let b = SchemaBuilder.self
        return [
            ("locations", b.list("Where the support happens: places with a name or an address (leave out for online and phone support).",
                                 items: location(), required: false).adding([("maxItems", .int(ContentLimits.locationsPerCard))])),
            ("meets", .object([
                ("description", .string("When it meets: a meeting (days, start, end…), a list of them, or words when the times do not fit.")),
                ("anyOf", .array([
                    b.text("in words", max: 280, nullable: true),
                    meeting(),
                    .object([("type", .string("array")), ("maxItems", .int(ContentLimits.meetingsPerCard)), ("items", meeting())]),
                ])),
            ])),
            ("eligibility", b.text("Who it is for and who may come.", max: 500, nullable: true)),
            ("cost", b.text("What it costs: free, or words such as '£2 a session; free for carers'.", max: 200, nullable: true)),
            ("referral", b.list("How people get in, none repeated.", items: b.choice("a way in", Referral.allCases.map(\.rawValue)), required: false)),
            ("languages", b.list("Language tags, like en, cy or bfi, none repeated.",
                                 items: b.text("a language tag", max: 35, pattern: language, scalars: false), required: false)),
            ("organisation", b.text("The slug of the organisation card that runs this one.", max: 80, nullable: true, pattern: b.slug, scalars: false)),
            ("oruk_id", b.text("The id the service had in an Open Referral feed it was imported from: a UUID.", max: 80, nullable: true,
                               pattern: uuid, scalars: false)),
            ("contact_in_open_data", .object([
                ("description", .string("yes to let the open data exports carry a person's contact details (other kinds always share them).")),
                ("anyOf", .array([
                    .object([("type", .array([.string("boolean"), .string("null")]))]),
                    .object([("type", .string("string")), ("pattern", .string("^\\s*(?:[Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?\\s*$"))]),
                ])),
            ])),
        ]
    }
}
