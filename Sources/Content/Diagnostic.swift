public import YAML

/// One problem found in the content, pointing at the file, line and column at fault.
public struct Diagnostic: Error, Sendable, Equatable, Hashable {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Equatable, Hashable, Codable {
        /// The content cannot be built until this is fixed.
        case error
        /// Worth fixing; the site still builds.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The file, as a path the contributor recognises (`content/cards/x.md`).
    public var file: String
    /// 1-based line; 0 when the problem is with the whole file.
    public var line: Int
    /// 1-based column; 0 when the problem is with the whole file.
    public var column: Int
    /// What is wrong, in plain words.
    public var message: String
    /// An optional hint on how to fix it.
    public var note: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String, line: Int, column: Int, message: String, note: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.note = note
    }

    /// Creates a diagnostic at a YAML mark.
    public init(_ severity: Severity, file: String, at mark: Mark, message: String, note: String? = nil) {
        self.init(severity, file: file, line: mark.line, column: mark.column, message: message, note: note)
    }

    /// True for errors.
    public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.isError } }

    /// Sorted by file, line, column, then message, so output never depends on scheduling.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return a.message < b.message
        }
    }
}
