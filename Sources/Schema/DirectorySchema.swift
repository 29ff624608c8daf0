internal import Support
import Content

/// What the JSON Schema of a card's directory fields needs besides the field table:
/// the patterns of postcodes, times, UUIDs and language tags, coordinates, and the
/// rules that tie a place's or a meeting's fields together. What it cannot say: that an `end` is after its `start`,
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

    /// What ties a place's fields and a meeting's fields together, which the field table
    /// cannot say field by field: a place needs a name or an address, an address a town
    /// and a postcode, a latitude a longitude; a monthly meeting needs a week and only a
    /// monthly one may have one, an end needs a start.
    static let objectRules: [String: [(String, JSONValue)]] = [
        "locations": [
            ("minProperties", .int(1)),
            ("allOf", .array([
                .object([("anyOf", .array([has("name"), has("address")]))]),
                .object([("if", has("address")), ("then", .object([("allOf", .array([has("town"), has("postcode")]))]))]),
                .object([("if", has("latitude")), ("then", has("longitude"))]),
                .object([("if", has("longitude")), ("then", has("latitude"))]),
            ])),
        ],
        "meets": [("allOf", .array([
            .object([("if", .object([("required", .array([.string("frequency")])),
                                     ("properties", .object([("frequency", .object([("const", .string("monthly"))]))]))])),
                     ("then", has("week"))]),
            .object([("if", .object([("required", .array([.string("frequency")])),
                                     ("properties", .object([("frequency", SchemaBuilder.choice("", ["weekly", "fortnightly"]))]))])),
                     ("then", not(.object([("required", .array([.string("week")]))])))]),
            .object([("if", has("end")), ("then", has("start"))]),
        ]))],
    ]
}
