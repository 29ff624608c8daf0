public import Support
import Content

/// A schema as the text `whoswho schema` prints.
public enum SchemaText {
    /// JSON with two-space indentation and a final newline.
    public static func json(_ schema: JSONValue) -> String { schema.pretty() }
}

/// Pieces of JSON Schema (draft 2020-12) that say what the checker's field readers
/// say (Sources/Content/FieldReader.swift): each function mirrors one reader.
///
/// The checker reads every value by the type its field expects, so `name: 2018` is the
/// text "2018". Editors that guess types read it as a number, so text fields also
/// accept numbers and true/false; the length and character rules apply to strings.
enum SchemaBuilder {
    typealias Object = [(String, JSONValue)]

    static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// Characters the checker refuses in single-line text: control characters (line
    /// breaks and tabs too) and invisible text-direction marks.
    static let singleLineCharacters = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*$"
    /// A quote, bracket or ampersand followed by a combining mark (FieldReader refuses
    /// every combining mark there; this lists the combining blocks).
    static let hiddenByMark = "[\"'<>&][\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F]"
    /// The same for multi-line text, which may hold tabs and line breaks.
    static let multiLineCharacters = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]*$"
    /// Slug.isValid.
    static let slug = "^[a-z0-9]+(-[a-z0-9]+)*$"
    /// A `YYYY-MM-DD` date that exists (ContentDate), leap years included; year 0000 does not.
    static let date = "^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
    /// Letters and digits beyond ASCII, which the checker accepts in hosts and email
    /// addresses (an approximation: JSON Schema's regular expressions have no portable \p{L}).
    static let wide = "\\u00AA-\\uFFFF"
    /// Characters that cannot be seen (InvisibleCharacters), which no address may hold.
    static let invisible = "(?!.*[\\u00A0\\u00AD\\u200B-\\u200D\\u2060\\u202F\\uFEFF])"
    /// WebAddress.isHTTP (WebAddressCheck): http:// or https:// in any case, then a
    /// website's name (dot-separated labels, the last starting with a letter, or an IPv4
    /// address) with an optional port, then an optional path, query or fragment.
    static let http: String = {
        let label = "[A-Za-z0-9\(wide)](?:[A-Za-z0-9\(wide)-]{0,61}[A-Za-z0-9\(wide)])?"
        let top = "[A-Za-z\(wide)](?:[A-Za-z0-9\(wide)-]{0,61}[A-Za-z0-9\(wide)])?"
        let host = "(?:\(label)\\.)+\(top)\\.?|[0-9]{1,3}(?:\\.[0-9]{1,3}){3}"
        return "^\(invisible)[Hh][Tt][Tt][Pp][Ss]?://(?:\(host))(?::[0-9]{1,5})?(?:[/?#].*)?$"
    }()
    /// Characters WebAddress.isHTTP refuses anywhere in a URL.
    static let httpCharacters = "^[^\\u0000-\\u0020\\u007F\"'<>\\\\`{}|^]*$"
    /// WebAddress.isEmail.
    static let email: String = {
        let local = "[A-Za-z0-9\(wide)!$*+/^_{|}~-]"
        let label = "[A-Za-z0-9\(wide)](?:[A-Za-z0-9\(wide)-]*[A-Za-z0-9\(wide)])?"
        return "^\(invisible)(?=[^@]{1,64}@)\(local)+(?:\\.\(local)+)*@\(label)(?:\\.\(label))+$"
    }()
    /// WebAddress.isPhone: digits, spaces, + - ( ) . and at least six digits.
    static let phone = "^(?=(?:[^0-9]*[0-9]){6})[0-9 +().-]*$"
    /// StaticPath.isSafe: a relative path, no empty or hidden parts, no backslashes.
    static let staticPath = "^[^/.\\\\][^/\\\\]*(?:/[^/.\\\\][^/\\\\]*)*$"

    /// FieldReader.text: a scalar, not a placeholder, within `max` characters. A required
    /// value must not be blank; an optional one (`nullable`) may be empty or blank, which
    /// the checker reads as absent, and so may a list item when `blank` is set.
    static func text(_ description: String, max: Int, nullable: Bool = false, singleLine: Bool = true, pattern: String? = nil,
                     scalars: Bool = true, blank: Bool? = nil) -> JSONValue {
        let blank = blank ?? nullable
        var types: [String] = scalars ? ["string", "number", "boolean"] : ["string"]
        if nullable { types.append("null") }
        var rules: [JSONValue] = [.object([("pattern", .string(singleLine ? singleLineCharacters : multiLineCharacters))]),
                                  .object([("not", .object([("type", .string("string")), ("pattern", .string(hiddenByMark))]))])]
        if let pattern { rules.append(.object([("pattern", .string(blank ? "^\\s*$|" + pattern : pattern))])) }
        // Only a string can be a placeholder: `not` of a bare pattern would refuse numbers and null.
        rules.append(.object([("not", .object([("type", .string("string")), ("pattern", .string(Placeholder.pattern))]))]))
        var pairs: Object = [
            ("description", .string(description)),
            ("type", types.count == 1 ? .string(types[0]) : .array(types.map(JSONValue.string))),
        ]
        if !blank { pairs += [("minLength", .int(1)), ("pattern", .string("\\S"))] }
        pairs += [("maxLength", .int(max)), ("allOf", .array(rules))]
        return .object(pairs)
    }

    /// FieldReader.url: an http or https address.
    static func url(_ description: String, nullable: Bool = false) -> JSONValue {
        text(description, max: 2000, nullable: nullable, pattern: http, scalars: false)
            .adding([("allOf", .array([.object([("pattern", .string((nullable ? "^\\s*$|" : "") + httpCharacters))])]))])
    }

    /// FieldReader.date.
    static func date(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("string")), ("format", .string("date")),
                 ("pattern", .string(date))])
    }

    /// FieldReader.choice: one of `values` (or empty when optional).
    static func choice(_ description: String, _ values: [String], nullable: Bool = false) -> JSONValue {
        .object([("description", .string(description)),
                 ("enum", .array(values.map(JSONValue.string) + (nullable ? [.null] : [])))])
    }

    /// FieldReader.list / slugList: a list of single values, none repeated; at least one when required.
    static func list(_ description: String, items: JSONValue, required: Bool) -> JSONValue {
        var pairs: Object = [("description", .string(description)), ("type", required ? .string("array") : .array([.string("array"), .string("null")]))]
        if required { pairs.append(("minItems", .int(1))) }
        pairs += [("uniqueItems", .bool(true)), ("items", items)]
        return .object(pairs)
    }

    /// An item that must be one of `values`, or any slug when the list is empty.
    static func slugItem(_ values: [String], what: String) -> JSONValue {
        if values.isEmpty { return slugItem(what) }
        return .object([("description", .string("a \(what) slug")), ("enum", .array(values.map(JSONValue.string)))])
    }

    /// A slug item with no fixed list.
    static func slugItem(_ what: String) -> JSONValue {
        .object([("description", .string("a \(what) slug")), ("type", .string("string")), ("maxLength", .int(80)),
                 ("pattern", .string(slug))])
    }

    /// A mapping with exactly these fields.
    /// An object with these properties; with `additional`, others may follow.
    static func object(_ description: String?, nullable: Bool = false, required: [String], properties: Object,
                       additional: Bool = false) -> JSONValue {
        var pairs: Object = []
        if let description { pairs.append(("description", .string(description))) }
        pairs.append(("type", nullable ? .array([.string("object"), .string("null")]) : .string("object")))
        if !required.isEmpty { pairs.append(("required", .array(required.map(JSONValue.string)))) }
        pairs += [("additionalProperties", .bool(additional)), ("properties", .object(properties))]
        return .object(pairs)
    }

    /// A whole schema document.
    static func document(title: String, description: String, body: JSONValue) -> JSONValue {
        .object([("$schema", .string(draft)), ("title", .string(title)), ("description", .string(description))]).adding(body)
    }
}

extension JSONValue {
    /// This object with `pairs` added; an `allOf` is merged with an existing one.
    func adding(_ pairs: [(String, JSONValue)]) -> JSONValue {
        guard case .object(var own) = self else { return self }
        for (key, value) in pairs {
            if let i = own.firstIndex(where: { $0.0 == key }) {
                if key == "allOf", case .array(let a) = own[i].1, case .array(let b) = value {
                    own[i].1 = .array(a + b)
                } else {
                    own[i].1 = value
                }
            } else {
                own.append((key, value))
            }
        }
        return .object(own)
    }

    /// This object with the pairs of another object added.
    func adding(_ other: JSONValue) -> JSONValue {
        guard case .object(let pairs) = other else { return self }
        return adding(pairs)
    }
}
