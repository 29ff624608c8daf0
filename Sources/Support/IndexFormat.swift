/// The format of index.json and its files of entries (docs/index-json.md): what the
/// code that writes it (Render's `DataFiles`) and the code that describes it (the JSON
/// Schema, in Schema) share, below both.
public enum IndexFormat {
    /// The format's version; a change that breaks readers raises it.
    public static let version = 3

    /// What a file of entries holds: cards, guides, or the entries of another entry
    /// type, named by its folder (`events`).
    public struct EntryKind: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let cards = EntryKind(rawValue: "cards")
        public static let guides = EntryKind(rawValue: "guides")
        /// The kinds every site has, in the order of index.json's files; other entry
        /// types' files follow.
        public static let standard: [EntryKind] = [.cards, .guides]
    }

    /// The kinds of file index.json's `spreadsheets` lists, in order: the parts of
    /// cards.csv, the parts of coverage.csv, and their CSVW description.
    public enum SpreadsheetKind: String, Sendable, CaseIterable {
        case cards = "cards-csv", coverage = "coverage-csv", metadata = "csv-metadata"
    }
}
