internal import Foundation

/// The ways diagnostics are written out.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// The compiler's format, with the source line and a caret under the column.
    case text
    /// GitHub Actions workflow commands, so each problem shows on a pull request's line.
    case github
    /// A JSON array, for tools.
    case json

    /// Renders `diagnostics` in this format. `sourceLine` gives the text of a line of
    /// a file, for the caret display; it is only called in the text format.
    public func render(_ diagnostics: [Diagnostic], sourceLine: ((String, Int) -> String?)? = nil) -> String {
        var cache = SourceLines.Cache()
        let sourceLine = sourceLine ?? { cache.line($1, ofFileAt: $0) }
        switch self {
        case .text:
            var out = ""
            for d in diagnostics { out += Self.text(d, sourceLine: sourceLine) }
            return out
        case .github: return diagnostics.map(Self.github).joined()
        case .json: return Self.json(diagnostics)
        }
    }

    static func text(_ d: Diagnostic, sourceLine: (String, Int) -> String?) -> String {
        var out = d.line > 0 ? "\(d.file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message)\n"
                             : "\(d.file): \(d.severity.rawValue): \(d.message)\n"
        if d.line > 0, let line = sourceLine(d.file, d.line) {
            var shown = ""
            var caret = 0
            for (i, scalar) in line.unicodeScalars.enumerated() {
                let text = InvisibleCharacters.names[scalar] ?? (scalar.value < 0x20 ? "?" : String(scalar))
                shown += text
                if i < d.column - 1 { caret += text.count }
            }
            out += shown + "\n" + String(repeating: " ", count: caret) + "^\n"
        }
        if let note = d.note { out += "note: \(note)\n" }
        return out
    }

    static func github(_ d: Diagnostic) -> String {
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var properties = ["file=\(escapeProperty(d.file))"]
        if d.line > 0 {
            properties.append("line=\(d.line)")
            properties.append("col=\(d.column)")
        }
        let message = d.note.map { "\(d.message)\n\($0)" } ?? d.message
        return "::\(d.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    struct JSONDiagnostic: Encodable {
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var note: String?
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let values = diagnostics.map {
            JSONDiagnostic(severity: $0.severity.rawValue, file: $0.file, line: $0.line, column: $0.column, message: $0.message, note: $0.note)
        }
        guard let data = try? encoder.encode(values) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A one-line count: "2 errors and 1 warning", or "no problems".
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        switch (errors, warnings) {
        case (0, 0): return "no problems"
        case (_, 0): return plural(errors, "error")
        case (0, _): return plural(warnings, "warning")
        default: return "\(plural(errors, "error")) and \(plural(warnings, "warning"))"
        }
    }
}

extension ContentDate {
    /// Today's date in the machine's time zone.
    public static func today() -> ContentDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return ContentDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? ContentDate(year: 2000, month: 1, day: 1)!
    }
}
