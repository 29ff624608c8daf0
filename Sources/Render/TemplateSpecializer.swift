internal import Support

/// Writes the values that are the same on every page of a kind into a template's text,
/// so that swift-mustache does not look them up again on every page.
///
/// Each page's context has a few values that depend only on the kind of page and its
/// depth: `root`, `site`, `nav`, `search_url` and `is_home`. No other dictionary in a
/// context has a key of those names (a test walks every context of the fixture site to
/// make sure), so wherever a tag names one of them, Mustache would find the page's
/// value. The specializer replaces, in the template's text:
///
/// - a variable tag (`{{root}}`, `{{{site.title}}}`) by its value, escaped as Mustache
///   would; only when the value is not empty and holds no brace or line break, so that
///   no new tag can appear and no line becomes blank;
/// - a section or inverted section on such a name whose value is true, false or
///   missing (`{{#nav.cards}}…{{/nav.cards}}`, `{{#empty(root)}}…{{/empty(root)}}`),
///   by its content or by nothing; only when the section opens and closes on one line
///   with other text before and after it on that line, so that no line's standalone
///   tags (which Mustache removes with their line) change.
///
/// Everything else is left for Mustache. A template that changes delimiters or sets a
/// pragma is left as it is.
struct TemplateSpecializer {
    /// The values written in: names of the page context's top level.
    let statics: [String: Any]

    static let names: Set<String> = ["root", "site", "nav", "search_url", "is_home"]

    /// The template's text with the static values written in, or nil to keep it as it is.
    func specialize(_ source: String) -> String? {
        guard !source.contains("{{="), !source.contains("{{%") else { return nil }
        let bytes = Array(source.utf8)
        guard let tags = Self.tags(in: bytes) else { return nil }
        var inTag = [Bool](repeating: false, count: bytes.count)
        for tag in tags { for k in tag.start..<tag.end { inTag[k] = true } }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        var index = 0
        var changed = false
        // Closing tags of sections whose content is kept, to drop when reached.
        var dropped = Set<Int>()
        while index < tags.count {
            let tag = tags[index]
            out.append(contentsOf: bytes[position..<tag.start])
            position = tag.start
            switch tag.kind {
            case .variable(let raw):
                if let value = text(of: tag.name) {
                    out.append(contentsOf: (raw ? value : HTMLText.escape(value)).utf8)
                    position = tag.end
                    changed = true
                }
                index += 1
            case .section(let inverted):
                if let truth = truth(of: tag.name), let close = Self.closing(tags, from: index),
                   Self.isInline(bytes, inTag: inTag, from: tag.start, to: tags[close].end) {
                    if inverted ? !truth : truth {
                        // Keep the content; its own tags are handled as the loop goes on.
                        position = tag.end
                        dropped.insert(close)
                        index += 1
                    } else {
                        position = tags[close].end
                        index = close + 1
                    }
                    changed = true
                } else {
                    index += 1
                }
            case .close:
                if dropped.contains(index) { position = tag.end }
                index += 1
            case .block, .other:
                index += 1
            }
        }
        out.append(contentsOf: bytes[position...])
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    // MARK: Values

    /// The value a dotted name resolves to, if its first part is static: nil inside when
    /// it resolves to nothing; `.none` when it is not static, or when it reaches into
    /// something that is not a dictionary (Mustache would look inside that by reflection).
    func value(of name: String) -> Any?? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, Self.names.contains(first) else { return .none }
        var current: Any? = statics[first]
        for part in parts.dropFirst() {
            guard let present = current else { return .some(nil) }
            guard let dictionary = present as? [String: Any] else { return .none }
            current = dictionary[part]
        }
        return .some(current)
    }

    /// The text of a static name whose value is a non-empty string safe to write in.
    func text(of name: TagName) -> String? {
        guard name.transform == nil, case .some(let value) = value(of: name.name) else { return nil }
        let string: String
        if let t = value as? TemplateText { string = t.value } else if let s = value as? String { string = s } else { return nil }
        guard !string.isEmpty, !string.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == 0x0A || $0 == 0x0D }) else {
            return nil
        }
        return string
    }

    /// Whether a section on a static name shows its content: only for true, false and
    /// missing values (and transforms giving true or false), which Mustache does not push.
    func truth(of name: TagName) -> Bool? {
        guard case .some(let value) = value(of: name.name) else { return nil }
        guard let transform = name.transform else {
            guard let value else { return false }
            return value as? Bool
        }
        guard let value else { return nil }
        let result: Any?
        if let t = value as? TemplateText { result = t.transform(transform) } else if let s = value as? String { result = TemplateText(s).transform(transform) } else { return nil }
        return result as? Bool
    }

    // MARK: Tags

    struct TagName {
        var name: String
        var transform: String?
    }

    enum Kind {
        case variable(raw: Bool)
        case section(inverted: Bool)
        /// A block or parent (`$`, `<`): closed by `/` like a section.
        case block
        case close
        /// Comments and partials.
        case other
    }

    struct Tag {
        var start: Int
        var end: Int
        var kind: Kind
        var name: TagName
    }

    /// Every tag, in order; nil when a tag is not closed.
    static func tags(in bytes: [UInt8]) -> [Tag]? {
        var tags: [Tag] = []
        var i = 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        while i + 1 < bytes.count {
            guard bytes[i] == open, bytes[i + 1] == open else { i += 1; continue }
            let start = i
            let triple = i + 2 < bytes.count && bytes[i + 2] == open
            let bodyStart = i + (triple ? 3 : 2)
            var j = bodyStart
            while j + 1 < bytes.count && !(bytes[j] == close && bytes[j + 1] == close) { j += 1 }
            guard j + 1 < bytes.count else { return nil }
            var end = j + 2
            if triple {
                guard end < bytes.count, bytes[end] == close else { return nil }
                end += 1
            }
            let body = String(decoding: bytes[bodyStart..<j], as: UTF8.self)
            let sigil = body.first
            let kind: Kind
            var nameText = body
            if triple {
                kind = .variable(raw: true)
            } else {
                switch sigil {
                case "#": kind = .section(inverted: false); nameText.removeFirst()
                case "^": kind = .section(inverted: true); nameText.removeFirst()
                case "/": kind = .close; nameText.removeFirst()
                case "&": kind = .variable(raw: true); nameText.removeFirst()
                case "$", "<": kind = .block
                case "!", ">", "=", "%": kind = .other
                default: kind = .variable(raw: false)
                }
            }
            tags.append(Tag(start: start, end: end, kind: kind, name: parse(trimmed(nameText))))
            i = end
        }
        return tags
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }

    /// `name` or `transform(name)`; a nested transform gives a name nothing matches.
    static func parse(_ text: String) -> TagName {
        guard text.hasSuffix(")"), let paren = text.firstIndex(of: "(") else { return TagName(name: text, transform: nil) }
        let inner = String(text[text.index(after: paren)..<text.index(before: text.endIndex)])
        guard !inner.contains("(") else { return TagName(name: "", transform: "") }
        return TagName(name: inner, transform: String(text[..<paren]))
    }

    /// The index of the tag closing the section opened at `index`, if its name matches.
    static func closing(_ tags: [Tag], from index: Int) -> Int? {
        var depth = 0
        var k = index + 1
        while k < tags.count {
            switch tags[k].kind {
            case .section, .block: depth += 1
            case .close:
                if depth == 0 {
                    let a = tags[index].name, b = tags[k].name
                    return a.name == b.name && a.transform == b.transform ? k : nil
                }
                depth -= 1
            case .variable, .other: break
            }
            k += 1
        }
        return nil
    }

    /// True when the bytes from `start` to `end` are on one line, with text that is not
    /// part of a tag both before them and after them on that line.
    static func isInline(_ bytes: [UInt8], inTag: [Bool], from start: Int, to end: Int) -> Bool {
        func isLineBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
        func isText(_ k: Int) -> Bool { !inTag[k] && bytes[k] != 0x20 && bytes[k] != 0x09 }
        if bytes[start..<end].contains(where: isLineBreak) { return false }
        var textBefore = false
        var k = start - 1
        while k >= 0 && !isLineBreak(bytes[k]) {
            if isText(k) { textBefore = true; break }
            k -= 1
        }
        var textAfter = false
        k = end
        while k < bytes.count && !isLineBreak(bytes[k]) {
            if isText(k) { textAfter = true; break }
            k += 1
        }
        return textBefore && textAfter
    }
}
