/// What a field of a card or a guide holds, once: its name, type, whether it is
/// required, its limits and allowed values, and the help a contributor reads. The
/// tables (``FieldTable/card`` and ``FieldTable/guide``) give the reader its limits
/// and required fields, and the JSON Schemas their properties; docs/content-format.md
/// is tested against them.
public struct FieldDescription: Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    /// What the field is for, in the words a contributor reads in an editor.
    public let help: String

    public init(_ name: String, _ type: FieldType, required: Bool = false, help: String) {
        self.name = name
        self.type = type
        self.required = required
        self.help = help
    }

    /// The most characters the field's text may have, for a field read as one piece of
    /// text (or free text, for an either-or field); nil for other fields.
    public var maxLength: Int? {
        switch type {
        case .text(let max, _), .multiLineText(let max): max
        case .wordsOr(let max, _, _): max
        case .oneOrList(.text(_, let max, _), _, _, _): max
        default: nil
        }
    }

    /// The most items a list of the field may have; nil when there is no limit.
    public var maxItems: Int? {
        switch type {
        case .list(_, let max), .objects(_, let max, _), .oneOrList(_, let max, _, _): max
        case .wordsOr(_, _, let max): max
        default: nil
        }
    }

    /// The fields of a nested object, or of each object of a list; empty for other fields.
    public var fields: FieldList {
        switch type {
        case .object(let fields), .objects(let fields, _, _), .wordsOr(_, let fields, _): fields
        default: FieldList([])
        }
    }
}

/// The kinds of value a field may hold.
public indirect enum FieldType: Sendable {
    /// One line of text of at most `max` characters, following `rule`.
    case text(max: Int, rule: TextRule = .plain)
    /// Text over several lines (Markdown), of at most `max` characters.
    case multiLineText(max: Int)
    /// A date written YYYY-MM-DD.
    case date
    /// One of `values`.
    case choice([String])
    /// yes or no (true or false).
    case yesNo
    /// A number of degrees between -`limit` and `limit`.
    case coordinate(limit: Int)
    /// An address starting http:// or https://.
    case webAddress
    /// A list of single values, none repeated; at most `maxItems`.
    case list(ListItem, maxItems: Int?)
    /// A mapping with these fields.
    case object(FieldList)
    /// A list of mappings, each with these fields; at most `maxItems`. With
    /// `distinct`, no two may be the same.
    case objects(FieldList, maxItems: Int?, distinct: Bool)
    /// One value, or a list of them (at most `maxItems`) that `listLabel` names, like
    /// "lines". With `mayBeEmpty`, the value may be left empty.
    case oneOrList(ListItem, maxItems: Int?, mayBeEmpty: Bool, listLabel: String)
    /// Either free text of at most `max` characters, or a schedule: one object with
    /// the fields of `schedule`, or a list of at most `maxItems` of them (`meets`).
    case wordsOr(max: Int, schedule: FieldList, maxItems: Int?)
}

/// What the text of a text field must look like beyond its length.
public enum TextRule: Sendable, Equatable {
    case plain
    /// An email address, like name@example.org.
    case email
    /// A phone number: digits, spaces, + - ( ) and dots, at least six digits.
    case phone
    /// The path of a file under content/static/.
    case staticPath
    /// A slug, like hiv-peer-mentors.
    case slug
    /// A UUID.
    case uuid
    /// A language tag, like en or bfi.
    case languageTag
    /// A UK postcode.
    case postcode
    /// A time on the 24-hour clock, like 10:00.
    case clockTime
}

/// One item of a list field.
public enum ListItem: Sendable {
    /// Text of at most `max` characters following `rule`; `label` says what one item is.
    case text(label: String, max: Int, rule: TextRule)
    /// One of `values`.
    case choice(label: String, [String])
    /// The slug of an entry of the site, like a card (`of` names what it is the slug of).
    case slug(of: String)
    /// The slug of a topic or a region of the content's vocabularies.
    case vocabulary(VocabularyName)
}

/// The vocabularies a list may take its values from.
public enum VocabularyName: String, Sendable {
    case topics, regions

    /// One of its items, in words: "topic" or "region".
    public var item: String { self == .topics ? "topic" : "region" }
}

/// The fields of one entry type or nested object, in the order the docs list them.
public struct FieldList: Sendable {
    public let all: [FieldDescription]

    /// The field names, in order: made once, as every file read asks for them.
    public let names: [String]

    public init(_ all: [FieldDescription]) {
        self.all = all
        names = all.map(\.name)
    }

    /// The names of the required fields, in order.
    public var requiredNames: [String] { all.filter(\.required).map(\.name) }

    /// The field named `name`. Every name the reading code asks for is in its table;
    /// a misspelt name is a programming error, which the tests reach.
    public subscript(_ name: String) -> FieldDescription {
        guard let field = all.first(where: { $0.name == name }) else {
            preconditionFailure("no field '\(name)' in the field table")
        }
        return field
    }
}
