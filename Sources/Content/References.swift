internal import YAML

/// What one card or guide file names that only the other files can confirm: its
/// topics and regions, the cards it lists, its image and its body's links, with where
/// each is written. Kept whenever the file's fields could be read, even with errors of
/// their own, so that one run of `check` reports every problem of a file.
struct References: Sendable {
    /// The file, relative to the content folder (`cards/x.md`).
    var file: String
    var slug: String
    /// The folder of the file's kind of entry: `cards`, `guides`, or an entry type's.
    var folder: String
    var topics: [Located<String>]
    var regions: [Located<String>]
    /// `related` of a card, `cards` of a guide, an entry type's list of cards.
    var entries: [Located<String>]
    var image: Located<String>?
    var links: [BodyLink]
    /// The ids of the body's headings, for links to `#anchor`.
    var headings: Set<String>
    var updated: Located<ContentDate>?
    /// Warnings about what a reader would miss (`ReaderWarnings`), given only when the
    /// file has no error, so that they never crowd out what must be fixed first.
    var readerWarnings: [Diagnostic] = []
    /// A card's kind, when it could be read: an `organisation` field must name an organisation card.
    var kind: Kind? = nil
    /// A card's `organisation`: the organisation card that runs it.
    var organisation: Located<String>? = nil
    /// A card's `oruk_id`, in small letters.
    var orukID: Located<String>? = nil
    /// A card's `former_slugs`: addresses it keeps, which no other card may have.
    var formerSlugs: [Located<String>] = []

    /// The entry type of an entry that is neither a card nor a guide.
    var entryType: EntryType?
    /// True for a card.
    var isCard: Bool { folder == "cards" }
    /// The field `entries` were read from.
    var entriesField: String { isCard ? "related" : entryType?.cardsField?.name ?? "cards" }
    /// What the file is, in a message: "card", "guide", or the entry type's name.
    var what: String { isCard ? "card" : entryType?.singular.lowercased() ?? "guide" }

    /// `cards/SLUG` or `guides/SLUG`: how links name the page.
    var key: String { folder + "/" + slug }
}
