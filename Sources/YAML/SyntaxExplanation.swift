/// libyaml's syntax errors, said in words a contributor can act on: the likely cause,
/// the fix, and the line and column where the fix goes. libyaml reports where its
/// scanner gave up, which is often the line after the mistake (a missing colon) or
/// the middle of a value (a colon in it); this looks at the source lines around that
/// place to find the mistake the way a person would.
struct SyntaxExplanation {
    /// libyaml's own words, and the two places it reports: where it gave up, and where
    /// the thing it was reading started.
    var problem: String
    var context: String?
    var problemMark: Mark
    var contextMark: Mark?
    /// The YAML source, and the line number its first line has in the file, less one.
    var text: String
    var lineOffset: Int

    /// The error to report.
    func error() -> YAMLError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        func line(_ mark: Mark) -> String? {
            let index = mark.line - 1 - lineOffset
            return lines.indices.contains(index) ? lines[index] : nil
        }
        if let tab = tabError(lines) { return tab }
        let problemLine = line(problemMark) ?? ""
        if problem.contains("could not find expected ':'"), let contextMark, let keyLine = line(contextMark) {
            return missingColon(keyLine, at: contextMark)
        }
        if problem.contains("end of stream"), context?.contains("quoted scalar") == true, let contextMark {
            let opening = line(contextMark) ?? ""
            let quote = opening.unicodeScalars.dropFirst(contextMark.column - 1).first.map(String.init) ?? "\""
            let example = Field(opening).map { "\($0.key): \($0.value)\(quote)" } ?? "name: \(quote)Cardiff Carers\(quote)"
            return YAMLError(
                message: "the quote (\(quote)) that opens this value is never closed; YAML reads the rest of the file as part of it",
                mark: contextMark,
                note: "end the value with \(quote) on the same line: \(example)")
        }
        if let field = Field(problemLine) {
            if problem.contains("mapping values are not allowed") {
                return colonInValue(field, line: problemLine)
            }
            if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
                if let quoted = quotedValue(field) { return quoted }
            }
        }
        if problem.contains("did not find expected key") || problem.contains("mapping values are not allowed")
            || problem.contains("did not find expected '-'") {
            return YAMLError(
                message: "this line is indented differently from the lines around it, so YAML cannot tell which field it belongs to",
                mark: Mark(line: problemMark.line, column: 1),
                note: "start each field of the card at the beginning of the line, and indent the items of a list ('- …') the same number of spaces as each other")
        }
        if problem.contains("block sequence entries are not allowed") {
            return YAMLError(
                message: "a list item ('- …') is on the same line as the field it belongs to",
                mark: problemMark,
                note: "put the field name on a line of its own, like 'topics:', and each item on its own line below it, like '  - carers'")
        }
        if problem.contains("cannot start any token"),
           let character = problemLine.unicodeScalars.dropFirst(problemMark.column - 1).first {
            return YAMLError(
                message: "a value cannot start with '\(character)' unless it is in quotes",
                mark: problemMark,
                note: "put the whole value in double quotes: " + (Field(problemLine).map { "\($0.key): \(Self.doubleQuoted($0.value))" } ?? "summary: \"\(character)…\""))
        }
        let words = context.map { "\(problem) \($0)" } ?? problem
        return YAMLError(message: "this is not valid YAML (the YAML reader says: \(words))", mark: problemMark,
                         note: "compare this line with the lines around it, and with the template in CONTRIBUTING.md")
    }

    /// A tab anywhere libyaml stopped, or in the indentation of the line it stopped on.
    private func tabError(_ lines: [String]) -> YAMLError? {
        let tabby = problem.contains("tab") || problem.contains("cannot start any token")
        guard tabby else { return nil }
        for mark in [problemMark, contextMark].compactMap({ $0 }) {
            let index = mark.line - 1 - lineOffset
            guard lines.indices.contains(index),
                  let column = lines[index].unicodeScalars.firstIndex(of: "\t") else { continue }
            let at = lines[index].unicodeScalars.distance(from: lines[index].unicodeScalars.startIndex, to: column) + 1
            return YAMLError(
                message: "this line has a tab (shown as <tab>); YAML needs spaces, not tabs, before a field or a list item",
                mark: Mark(line: mark.line, column: at),
                note: "replace the tab with spaces: none before a field of the card, two before each '- ' list item")
        }
        return nil
    }

    private func missingColon(_ keyLine: String, at mark: Mark) -> YAMLError {
        let trimmed = keyLine.drop { $0 == " " }
        let indent = keyLine.count - trimmed.count
        guard let space = trimmed.firstIndex(of: " "), !trimmed.contains(":") else {
            return YAMLError(message: "this line needs a colon after the field's name",
                             mark: Mark(line: mark.line, column: indent + 1),
                             note: "write the field's name, a colon, a space, then its value, like kind: group")
        }
        let name = trimmed[..<space]
        let value = trimmed[trimmed.index(after: space)...].drop { $0 == " " }
        return YAMLError(message: "'\(trimmed)' needs a colon after the field's name '\(name)'",
                         mark: Mark(line: mark.line, column: indent + name.count + 1),
                         note: "write \(name): \(value)")
    }

    /// A field line whose value holds ": " and is not quoted (or is quoted with curly
    /// quotes, which YAML does not read as quotes).
    private func colonInValue(_ field: Field, line: String) -> YAMLError {
        if field.indent > 0, !field.value.contains(": "), !field.value.contains(":\t") {
            return YAMLError(
                message: "'\(field.key)' is indented, so YAML reads it as part of the field above it",
                mark: Mark(line: problemMark.line, column: 1),
                note: "start '\(field.key):' at the beginning of the line, with no spaces before it")
        }
        let start = field.value.unicodeScalars.first
        if let start, Self.curlyQuotes.contains(start) {
            return YAMLError(
                message: "the value of '\(field.key)' starts with a curly quote (\(start)), which YAML does not read as a quote, so the colon inside it starts a new field",
                mark: Mark(line: problemMark.line, column: field.valueColumn),
                note: "use straight quotes: \(field.key): \(Self.doubleQuoted(Self.stripCurly(field.value)))")
        }
        return YAMLError(
            message: "the value of '\(field.key)' holds a colon and a space (': '), which YAML reads as the start of another field",
            mark: problemMark,
            note: "put the whole value in double quotes: \(field.key): \(Self.doubleQuoted(field.value))")
    }

    /// A quoted value with more after its closing quote, or cut short by an apostrophe.
    private func quotedValue(_ field: Field) -> YAMLError? {
        guard let open = field.value.first, open == "\"" || open == "'" else { return nil }
        let inner = field.value.dropFirst()
        guard let close = inner.firstIndex(of: open) else { return nil }
        let rest = inner[inner.index(after: close)...]
        guard !rest.trimmingSpaces().isEmpty, !rest.trimmingSpaces().hasPrefix("#") else { return nil }
        let apostrophe = open == "'" && rest.first?.isLetter == true
        let whole = apostrophe ? String(inner.dropLast(inner.hasSuffix(String(open)) ? 1 : 0))
                               : String(inner[..<close]) + String(rest)
        let fixed = Self.doubleQuoted(whole)
        if apostrophe {
            return YAMLError(
                message: "the apostrophe after '\(inner[..<close])' ends the quoted value of '\(field.key)' early",
                mark: Mark(line: problemMark.line, column: field.valueColumn),
                note: "use double quotes around a value with an apostrophe: \(field.key): \(fixed)")
        }
        return YAMLError(
            message: "the value of '\(field.key)' goes on after its closing quote",
            mark: Mark(line: problemMark.line, column: field.valueColumn),
            note: "put the whole value inside the quotes: \(field.key): \(fixed)")
    }

    static let curlyQuotes: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{00AB}", "\u{00BB}"]

    static func stripCurly(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { !curlyQuotes.contains($0) }))
    }

    /// `value` in YAML double quotes, with backslashes and quotes escaped.
    static func doubleQuoted(_ value: String) -> String {
        "\"" + value.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"") + "\""
    }

    /// A `key: value` line, read the simple way a person reads it.
    struct Field {
        var indent: Int
        var key: String
        var value: String
        /// The 1-based column the value starts at.
        var valueColumn: Int

        init?(_ line: String) {
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " { i += 1 }
            let keyStart = i
            while i < scalars.count, scalars[i] != ":", scalars[i] != " " { i += 1 }
            guard i > keyStart, i + 1 < scalars.count, scalars[i] == ":", scalars[i + 1] == " " || scalars[i + 1] == "\t" else { return nil }
            indent = keyStart
            key = String(String.UnicodeScalarView(scalars[keyStart..<i]))
            var v = i + 1
            while v < scalars.count, scalars[v] == " " || scalars[v] == "\t" { v += 1 }
            value = String(String.UnicodeScalarView(scalars[v...])).trimmingSpaces()
            valueColumn = v + 1
        }
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text with every `target` replaced (YAML does not import Foundation).
    func replacingEvery(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
