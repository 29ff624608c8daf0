/// A piece of HTML as the importer reads it.
enum HTMLToken: Equatable {
    /// Text, with character references decoded.
    case text(String)
    /// An opening tag: its name in small letters and its attributes (names in small letters).
    case start(String, [String: String])
    /// A closing tag.
    case end(String)
}

/// Splits the HTML of a feed's description into tags and text. It is forgiving, as
/// browsers are: a `<` that starts no tag is text, an unclosed comment runs to the end,
/// and the text of `script` and `style` elements is left out (`droppedElements` counts them).
struct HTMLTokenizer {
    private(set) var droppedElements: [String] = []

    mutating func tokens(_ html: String) -> [HTMLToken] {
        var out: [HTMLToken] = []
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = ""
        func flush() {
            if !text.isEmpty { out.append(.text(HTMLEntities.decode(text))) }
            text = ""
        }
        while i < s.count {
            guard s[i] == "<" else { text.unicodeScalars.append(s[i]); i += 1; continue }
            if Self.starts(s, at: i, with: "<!--") {
                flush()
                i = Self.find(s, "-->", from: i + 4).map { $0 + 3 } ?? s.count
                continue
            }
            if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                flush()
                i = (Self.find(s, ">", from: i).map { $0 + 1 }) ?? s.count
                continue
            }
            let closing = i + 1 < s.count && s[i + 1] == "/"
            var j = i + (closing ? 2 : 1)
            guard j < s.count, s[j].properties.isAlphabetic else { text.unicodeScalars.append(s[i]); i += 1; continue }
            var name = ""
            while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == ":" || s[j] == "-" {
                name.unicodeScalars.append(s[j]); j += 1
            }
            name = name.lowercased()
            let (attributes, after) = Self.attributes(s, from: j)
            flush()
            i = after
            if closing { out.append(.end(name)); continue }
            out.append(.start(name, attributes))
            if name == "script" || name == "style" || name == "title" {
                if name != "title" { droppedElements.append(name) }
                out.removeLast()
                let end = Self.findClosing(s, name, from: i)
                i = end
            }
        }
        flush()
        return out
    }

    /// The attributes of a tag from `j`, and the index after its `>`.
    static func attributes(_ s: [Unicode.Scalar], from start: Int) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var j = start
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        while j < s.count, s[j] != ">" {
            if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
            var key = ""
            while j < s.count, !isSpace(s[j]), s[j] != "=", s[j] != ">", s[j] != "/" { key.unicodeScalars.append(s[j]); j += 1 }
            while j < s.count, isSpace(s[j]) { j += 1 }
            var value = ""
            if j < s.count, s[j] == "=" {
                j += 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                if j < s.count, s[j] == "\"" || s[j] == "'" {
                    let quote = s[j]
                    j += 1
                    while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                    j += 1
                } else {
                    while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                }
            }
            if !key.isEmpty, attributes[key.lowercased()] == nil { attributes[key.lowercased()] = HTMLEntities.decode(value) }
        }
        return (attributes, min(j + 1, s.count))
    }

    static func starts(_ s: [Unicode.Scalar], at i: Int, with prefix: String) -> Bool {
        let p = Array(prefix.unicodeScalars)
        guard i + p.count <= s.count else { return false }
        return (0..<p.count).allSatisfy { s[i + $0] == p[$0] }
    }

    static func find(_ s: [Unicode.Scalar], _ needle: String, from: Int) -> Int? {
        var i = from
        while i < s.count {
            if starts(s, at: i, with: needle) { return i }
            i += 1
        }
        return nil
    }

    /// The index after `</name>`, found without regard to case; the end when there is none.
    static func findClosing(_ s: [Unicode.Scalar], _ name: String, from: Int) -> Int {
        let lower = s.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0 }
        guard let at = find(lower, "</" + name, from: from) else { return s.count }
        return find(s, ">", from: at).map { $0 + 1 } ?? s.count
    }
}

/// HTML's character references: the named ones real descriptions use, and numeric ones.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "pound": "£", "euro": "€", "copy": "©",
        "reg": "®", "trade": "™", "bull": "•", "middot": "·", "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à",
        "ouml": "ö", "uuml": "ü", "auml": "ä", "ccedil": "ç", "iacute": "í", "oacute": "ó", "uacute": "ú", "ntilde": "ñ",
        "frac12": "½", "deg": "°", "times": "×", "zwj": "\u{200D}", "zwnj": "\u{200C}", "shy": "\u{AD}", "laquo": "«", "raquo": "»",
    ]

    /// `text` with `&name;`, `&#NN;` and `&#xHH;` replaced by their characters; anything
    /// else is left as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";"), let decoded = reference(String(after[..<semi])) {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    static func reference(_ name: String) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) } }
        return named[name] ?? named[name.lowercased()]
    }
}
