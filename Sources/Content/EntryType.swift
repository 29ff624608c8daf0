internal import Support
public import Markdown

/// A kind of entry beyond cards and guides, described by data alone: the folder its
/// files are in, its fields (a field table, as cards and guides have), which of them
/// title and sum up an entry, and its names in the reader's words. Given to the loader
/// (and to a build through `BuildOptions.entryTypes`), it needs no other code: every
/// stage reads, checks, cross-links, renders, indexes and searches its entries from
/// this description (an event with a date, a place, topics and regions, say).
///
/// The fields an entry type may have are those a value of one line or one list can
/// hold: plain text, multi-line text, a date, a choice, yes or no, a web address, and a
/// list of text, of choices, of topics or regions, or of cards. A field of topics or
/// regions (`.list(.vocabulary(_))`) links the entry into those pages' vocabularies and
/// is checked against them; a list of cards (`.list(.slug(of: "card"))`, at most one
/// such field) must name cards that exist, which the entry's page then lists.
public struct EntryType: Sendable {
    /// The folder under content/ that holds the entries, one Markdown file each, which
    /// is also their section of the site and the name of their files of index.json:
    /// `events` gives content/events/SLUG.md, /events/SLUG/ and index/events-1.json.
    public let folder: String
    /// One entry's name, as a reader sees it ("Event"): on its page and in search.
    public let singular: String
    /// The entries' name ("Events"): the title of their list.
    public let plural: String
    /// The front matter's fields, in the order its page shows them.
    public let fields: FieldList
    /// The required one-line text field that titles an entry, and the one that sums it
    /// up in lists, search and its page's description.
    public let titleField: String
    public let summaryField: String
    /// The date field that says when the entry was last checked, if the type has one:
    /// the sitemap gives it as the page's last change, and a day after tomorrow is an
    /// error, as for a guide's `updated`. Other dates (an event's day) may be in the future.
    public let updatedField: String?
    /// Each field's label on the entry's page, by field name; a field without one is
    /// not shown there (the title, summary, topics and regions always are, by their own).
    public let labels: [String: String]

    public init(folder: String, singular: String, plural: String, fields: FieldList, titleField: String,
                summaryField: String, updatedField: String? = nil, labels: [String: String] = [:]) {
        precondition(Slug.isValid(folder), "an entry type's folder must be a slug, not '\(folder)'")
        precondition(!Route.topLevel.contains { $0.name == folder } && folder != "static" && folder != "page",
                     "'\(folder)' is a folder whoswho uses itself; give the entry type another")
        for name in [titleField, summaryField] {
            guard case .text(_, .plain) = fields[name].type, fields[name].required else {
                preconditionFailure("'\(name)' must be a required field of plain one-line text to title or sum up an entry")
            }
        }
        if let updatedField {
            guard case .date = fields[updatedField].type else { preconditionFailure("'\(updatedField)' must be a date field") }
        }
        for field in fields.all { precondition(Self.supports(field.type), "an entry type cannot have a field like '\(field.name)': \(Self.supported)") }
        precondition(fields.all.filter { Self.isCardList($0.type) }.count <= 1, "an entry type may have one list of cards at most")
        self.folder = folder
        self.singular = singular
        self.plural = plural
        self.fields = fields
        self.titleField = titleField
        self.summaryField = summaryField
        self.updatedField = updatedField
        self.labels = labels
    }

    static let supported = "its fields may be plain text, multi-line text, dates, choices, yes or no, web addresses, and lists of text, choices, topics, regions or cards"

    static func supports(_ type: FieldType) -> Bool {
        switch type {
        case .text(_, .plain), .multiLineText, .date, .choice, .yesNo, .webAddress: true
        case .list(.text(_, _, .plain), _), .list(.choice, _), .list(.vocabulary, _): true
        case .list(.slug(let of), _): of == "card"
        default: false
        }
    }

    static func isCardList(_ type: FieldType) -> Bool {
        if case .list(.slug("card"), _) = type { true } else { false }
    }

    /// The field listing the entry's topics or regions, if it has one.
    public func vocabularyField(_ name: VocabularyName) -> FieldDescription? {
        fields.all.first { if case .list(.vocabulary(let v), _) = $0.type { v == name } else { false } }
    }

    /// The field listing cards, if it has one.
    public var cardsField: FieldDescription? { fields.all.first { Self.isCardList($0.type) } }

    /// "an event": how a diagnostic names one entry (`what` of its reader).
    var article: String {
        let lower = singular.lowercased()
        return (lower.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + lower
    }
}

/// One value of an entry's field, as read.
public enum EntryValue: Sendable, Equatable {
    /// Text, a choice or a web address.
    case text(String)
    case date(ContentDate)
    case yesNo(Bool)
    case list([String])
}

/// One entry of an `EntryType`: its fields as read, with its body.
public struct Entry: Sendable {
    public var slug: String
    /// Path of the source file relative to the content folder (`events/x.md`).
    public var file: String
    public var title: String
    public var summary: String
    /// Every field given, by name (the title and summary too).
    public var values: [String: EntryValue]
    public var topics: [String]
    public var regions: [String]
    /// The cards its list of cards names.
    public var cards: [String]
    /// The type's `updatedField`, when given.
    public var updated: ContentDate?
    public var body: MarkdownDocument

    public init(slug: String, file: String, title: String, summary: String, values: [String: EntryValue],
                topics: [String], regions: [String], cards: [String], updated: ContentDate?, body: MarkdownDocument) {
        self.slug = slug
        self.file = file
        self.title = title
        self.summary = summary
        self.values = values
        self.topics = topics
        self.regions = regions
        self.cards = cards
        self.updated = updated
        self.body = body
    }
}

/// The entries of one type, sorted by slug.
public struct Entries: Sendable {
    public let type: EntryType
    public var all: [Entry]

    public init(type: EntryType, all: [Entry]) {
        self.type = type
        self.all = all
    }
}
