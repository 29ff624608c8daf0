/// The format of index.json and its files of entries (docs/index-json.md): what the
/// code that writes it (Render's `DataFiles`) and the code that describes it (the JSON
/// Schema, in Schema) share, below both.
public enum IndexFormat {
    /// The format's version; a change that breaks readers raises it.
    public static let version = 3

    /// What a file of entries holds.
    public enum EntryKind: String, Sendable, CaseIterable {
        case cards, guides
    }

    /// The kinds of file index.json's `spreadsheets` lists, in order: the parts of
    /// cards.csv, the parts of coverage.csv, and their CSVW description.
    public enum SpreadsheetKind: String, Sendable, CaseIterable {
        case cards = "cards-csv", coverage = "coverage-csv", metadata = "csv-metadata"
    }
}
