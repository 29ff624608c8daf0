public import YAML

/// A value with the position it was written at.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var mark: Mark

    public init(_ value: Value, at mark: Mark) {
        self.value = value
        self.mark = mark
    }
}

/// Reads the fields of one YAML mapping by the type each field expects,
/// collecting a diagnostic for every problem instead of stopping at the first.
struct FieldReader {
    let file: String
    let what: String
    let mark: Mark
    private(set) var fields: [String: Pair] = [:]
    var diagnostics: [Diagnostic] = []

    /// Reads `node` as a mapping whose keys must be in `allowed`.
    init(_ node: Node?, file: String, what: String, allowed: [String], fallback: Mark) {
        self.file = file
        self.what = what
        self.mark = node?.mark ?? fallback
        guard let node else {
            diagnostics.append(Diagnostic(.error, file: file, at: fallback, message: "\(what) has no fields"))
            return
        }
        guard case .mapping(let pairs) = node.value else {
            diagnostics.append(Diagnostic(.error, file: file, at: node.mark,
                message: "\(what) should be a set of 'field: value' lines, but it is \(node.kindDescription)"))
            return
        }
        fields.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar else {
                diagnostics.append(Diagnostic(.error, file: file, at: pair.key.mark, message: "a field name must be a single word"))
                continue
            }
            if !allowed.contains(key) {
                diagnostics.append(Diagnostic(.error, file: file, at: pair.key.mark,
                    message: "unknown field '\(key)'\(DidYouMean.clause(for: key, in: allowed))",
                    note: "\(what) may have these fields: \(allowed.joined(separator: ", "))"))
                continue
            }
            if fields[key] != nil {
                diagnostics.append(Diagnostic(.error, file: file, at: pair.key.mark, message: "field '\(key)' is given more than once"))
                continue
            }
            fields[key] = pair
        }
    }

    mutating func error(_ mark: Mark, _ message: String, note: String? = nil) {
        diagnostics.append(Diagnostic(.error, file: file, at: mark, message: message, note: note))
    }

    /// The value node of `key`, or nil (with an error when required) when it is absent or empty.
    mutating func node(_ key: String, required: Bool) -> Node? {
        guard let pair = fields[key] else {
            if required { error(mark, "missing required field '\(key)'") }
            return nil
        }
        if pair.value.isNull {
            if required { error(pair.key.mark, "field '\(key)' is empty") }
            return nil
        }
        return pair.value
    }

    /// Characters that would let a value disguise itself: control characters and
    /// bidirectional overrides. Returns a description of the first found.
    static func forbiddenCharacter(in text: String, allowNewlines: Bool) -> String? {
        // Printable ASCII (and tabs and line breaks where allowed) has nothing to refuse.
        if text.allBytes({ (0x20...0x7E).contains($0) || (allowNewlines && ($0 == 0x09 || $0 == 0x0A || $0 == 0x0D)) }) {
            return nil
        }
        return forbiddenScalar(in: text, allowNewlines: allowNewlines)
    }

    /// `forbiddenCharacter`, scalar by scalar.
    static func forbiddenScalar(in text: String, allowNewlines: Bool) -> String? {
        var previous: Unicode.Scalar?
        for s in text.unicodeScalars {
            defer { previous = s }
            // A combining mark joins the character before it into one: escaping that works
            // by character (the template engine's) would then miss a quote or bracket.
            if let p = previous, "\"'<>&".unicodeScalars.contains(p) {
                switch s.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    return "a combining mark right after '\(p)', which would hide the '\(p)' from the page's escaping"
                default: break
                }
            }
            switch s.value {
            case 0x09, 0x0A, 0x0D:
                if allowNewlines { continue }
                return "a line break or tab"
            case 0x00...0x1F, 0x7F...0x9F:
                return "a control character (U+\(String(s.value, radix: 16, uppercase: true).leftPad(4)))"
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                return "an invisible text-direction character (U+\(String(s.value, radix: 16, uppercase: true).leftPad(4)))"
            default: continue
            }
        }
        return nil
    }

    /// Why text is refused for what it is made of, or nil: nothing a reader can see
    /// (one-line text only), a character carrying more than
    /// `ContentLimits.marksPerCharacter` combining marks (one-line text only), or more
    /// than `ContentLimits.scalarsPerCharacter` scalars for each of the `max` characters
    /// allowed. Each reason is the end of a sentence starting with the field's name.
    static func makeUpProblem(in text: String, max: Int, singleLine: Bool) -> String? {
        // ASCII is one scalar per character, and trimmed one-line ASCII without control
        // characters (refused before) always shows something.
        if text.allBytes({ $0 < 0x80 }) {
            return text.utf8.count > max * ContentLimits.scalarsPerCharacter ? tooManyScalars(text.utf8.count, max: max) : nil
        }
        if singleLine {
            var firstHidden: Unicode.Scalar?
            var visible = false
            for character in text {
                var marks = 0
                for scalar in character.unicodeScalars {
                    switch scalar.properties.generalCategory {
                    case .nonspacingMark, .enclosingMark: marks += 1
                    default: break
                    }
                    if !visible {
                        if isInvisible(scalar) { firstHidden = firstHidden ?? scalar } else { visible = true }
                    }
                }
                if marks > ContentLimits.marksPerCharacter {
                    return "has a character carrying \(marks) accents or other marks; one character may carry at most \(ContentLimits.marksPerCharacter), so remove the extra marks"
                }
            }
            if !visible {
                let code = firstHidden.map { "U+" + String($0.value, radix: 16, uppercase: true).leftPad(4) } ?? "?"
                return "has no character a reader can see: it is made only of invisible characters (the first is \(code)); write it out in letters"
            }
        }
        let scalars = text.unicodeScalars.count
        return scalars > max * ContentLimits.scalarsPerCharacter ? tooManyScalars(scalars, max: max) : nil
    }

    private static func tooManyScalars(_ count: Int, max: Int) -> String {
        "is made of \(count) Unicode code points (letters, and the accents, emoji parts and other marks written with them); the most allowed for its \(max) characters is \(max * ContentLimits.scalarsPerCharacter)"
    }

    /// True for a scalar that shows nothing by itself: spaces, invisible formatting
    /// (U+200B, U+2060, U+FEFF…), fillers (U+3164, U+2800), combining marks with nothing
    /// to sit on, and code points with no agreed picture (unassigned, private use).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace || properties.isDefaultIgnorableCodePoint || scalar.value == 0x2800 { return true }
        switch properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .unassigned, .privateUse, .surrogate:
            return true
        default:
            return false
        }
    }

    /// A text field: any scalar, read as written, trimmed, within its length.
    mutating func text(_ key: String, required: Bool, max: Int, singleLine: Bool = true) -> Located<String>? {
        guard let node = node(key, required: required) else { return nil }
        guard case .scalar(let raw, _) = node.value else {
            error(node.mark, "'\(key)' should be text, but it is \(node.kindDescription)")
            return nil
        }
        let value = raw.trimmingWhitespace()
        if value.isEmpty {
            if required { error(node.mark, "field '\(key)' is empty") }
            return nil
        }
        if let comment = node.trailingComment {
            diagnostics.append(Diagnostic(.warning, file: file, at: node.mark,
                message: "'\(key)' stops at '\(value)': YAML reads the rest of the line, '\(comment)', as a comment",
                note: "if it is part of the value, put the whole value in double quotes: \(key): \"\(value) \(comment)\""))
        }
        if Placeholder.isPlaceholder(value) {
            error(node.mark, Placeholder.message(key, value))
            return nil
        }
        if singleLine, Self.hasLineFeed(value) {
            error(node.mark, "'\(key)' should be a single line of text")
            return nil
        }
        if let bad = Self.forbiddenCharacter(in: value, allowNewlines: !singleLine) {
            error(node.mark, "'\(key)' contains \(bad); remove it")
            return nil
        }
        if let problem = Self.makeUpProblem(in: value, max: max, singleLine: singleLine) {
            error(node.mark, "'\(key)' \(problem)")
            return nil
        }
        // A value has no more characters than bytes: only a long one needs counting.
        if value.utf8.count > max, case let length = value.count, length > max {
            error(node.mark, "'\(key)' is \(length) characters long; the most allowed is \(max)")
            return nil
        }
        return Located(value, at: node.mark)
    }

    /// True when `value` has the character "\n": a line feed that is not the second half
    /// of "\r\n" (one character of its own), found by bytes.
    static func hasLineFeed(_ value: String) -> Bool {
        guard value.containsByte(0x0A) else { return false }
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == 0x0A && previous != 0x0D { return true }
            previous = byte
        }
        return false
    }

    /// The most characters the text of a choice may have: longer than any value, so a
    /// misspelt one is read and a suggestion made.
    static let choiceMax = 40

    /// One value out of `names`.
    mutating func choice(_ key: String, required: Bool, among names: [String]) -> Located<String>? {
        guard let text = text(key, required: required, max: Self.choiceMax) else { return nil }
        if names.contains(text.value) { return text }
        error(text.mark, "'\(key)' cannot be '\(text.value)'\(DidYouMean.clause(for: text.value.lowercased(), in: names))",
            note: "'\(key)' must be one of: \(names.joined(separator: ", "))")
        return nil
    }

    /// A date, `YYYY-MM-DD`.
    mutating func date(_ key: String, required: Bool) -> Located<ContentDate>? {
        guard let text = text(key, required: required, max: 40) else { return nil }
        let v = text.value
        // By bytes when they have the shape (then each byte is a character), else by characters.
        let bytes = Array(v.utf8)
        let shaped = (bytes.count == 10 && bytes.enumerated().allSatisfy { i, b in (i == 4 || i == 7) ? b == UInt8(ascii: "-") : (0x30...0x39).contains(b) })
            || (v.count == 10 && v.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : (c.isASCII && c.isNumber) })
        guard shaped else {
            error(text.mark, "'\(key)' should be a date written YYYY-MM-DD, like 2025-03-31, not '\(v)'")
            return nil
        }
        guard let date = ContentDate(v) else {
            error(text.mark, "'\(key)' is not a real date: \(v) does not exist")
            return nil
        }
        return Located(date, at: text.mark)
    }

    /// A list whose items are scalars, checked for repeats.
    mutating func list(_ key: String, required: Bool, itemMax: Int = 120) -> [Located<String>]? {
        guard let node = node(key, required: required) else { return nil }
        guard case .sequence(let items) = node.value else {
            if let s = node.scalar, s.hasPrefix("-"), s.count > 1, !s.hasPrefix("- ") {
                // `-carers` under `topics:` is one value, not a list item: the space is missing.
                let item = s.split(separator: " ").first.map(String.init) ?? s
                error(node.mark, "'\(key)' should be a list, but '\(item)' is read as a single value: a list item needs a space after its '-', like '- \(item.dropFirst())'")
            } else if let s = node.scalar {
                error(node.mark, "'\(key)' should be a list, like [\(s)], but it is a single value")
            } else {
                error(node.mark, "'\(key)' should be a list, but it is \(node.kindDescription)")
            }
            return nil
        }
        if items.isEmpty {
            if required { error(node.mark, "'\(key)' must list at least one value") }
            return nil
        }
        var out: [Located<String>] = []
        var seen = Set<String>()
        for item in items {
            guard case .scalar(let raw, _) = item.value, !item.isNull else {
                error(item.mark, "each item of '\(key)' should be a single value, but this is \(item.kindDescription)")
                continue
            }
            let value = raw.trimmingWhitespace()
            if let bad = Self.forbiddenCharacter(in: value, allowNewlines: false) {
                error(item.mark, "this item of '\(key)' contains \(bad); remove it")
                continue
            }
            if Placeholder.isPlaceholder(value) {
                error(item.mark, Placeholder.message(key, value))
                continue
            }
            if let problem = Self.makeUpProblem(in: value, max: itemMax, singleLine: true) {
                error(item.mark, "this item of '\(key)' \(problem)")
                continue
            }
            if value.utf8.count > itemMax, value.count > itemMax {
                error(item.mark, "this item of '\(key)' is \(value.count) characters long; the most allowed is \(itemMax)")
                continue
            }
            if !seen.insert(value).inserted {
                error(item.mark, "'\(value)' is listed twice in '\(key)'")
                continue
            }
            out.append(Located(value, at: item.mark))
        }
        return out
    }

    /// A list of slugs, each checked against the slug rule.
    /// A list of slugs; with `max`, one listing more than `max` is an error at the field
    /// (the items are still checked, so every other mistake shows in the same pass).
    mutating func slugList(_ key: String, required: Bool, max: Int? = nil, of what: String = "") -> [Located<String>]? {
        guard let items = list(key, required: required) else { return nil }
        if let max, items.count > max, let field = node(key, required: false) {
            error(field.mark, "'\(key)' lists \(items.count) \(what); \(self.what) may list at most \(max), so pick the \(max) that fit it best",
                  note: "every topic and region of an entry adds it to another list page; the limit keeps the site a size readers can use")
        }
        return items.filter { item in
            if Slug.isValid(item.value) { return true }
            error(item.mark, "'\(item.value)' in '\(key)' is not a valid slug", note: Slug.rule)
            return false
        }
    }

    /// An http or https URL.
    mutating func url(_ key: String, required: Bool) -> Located<String>? {
        guard let text = text(key, required: required, max: 2000) else { return nil }
        if let problem = WebAddressCheck.problem(text.value, key: key) {
            error(text.mark, problem)
            return nil
        }
        return text
    }

    /// A nested mapping with its own allowed fields.
    mutating func mapping(_ key: String, allowed: [String]) -> FieldReader? {
        guard let node = node(key, required: false) else { return nil }
        let reader = FieldReader(node, file: file, what: "'\(key)'", allowed: allowed, fallback: node.mark)
        return reader
    }
}
