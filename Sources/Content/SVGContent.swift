/// Active content in SVG files under static/. An SVG is copied to the site as it is,
/// and a browser that opens it on its own (not through `<img>`) runs what it holds, on
/// the site's origin: so an SVG may hold no script, no event handler, no embedded HTML
/// and no script link, however it is spelt.
enum SVGContent {
    /// The largest SVG checked; a bigger one is refused rather than copied unread.
    static let maxBytes = 16 << 20

    /// What an SVG may not hold, in lower case.
    static let forbidden = ["<script", "<foreignobject", "<iframe", "<embed", "<object", "<!entity",
                            "javascript:", "vbscript:", "data:text/html"]

    /// Checks the SVG at `path`; the diagnostic to report, or nil when it is safe.
    static func check(path: String, display: String, size: Int) -> Diagnostic? {
        guard size <= maxBytes else {
            return Diagnostic(.error, file: display, line: 0, column: 0,
                message: "this SVG is \(size) bytes; the most an SVG in static/ may be is \(maxBytes) bytes, so that it can be checked for scripts")
        }
        guard let bytes = FileIdentity.read(path, limit: maxBytes) else {
            return Diagnostic(.error, file: display, line: 0, column: 0, message: "this SVG cannot be read")
        }
        guard let (offset, what) = firstActiveContent(bytes) else { return nil }
        let (line, column) = offset.map { SourceText.position(of: $0, in: bytes[...]) } ?? (0, 0)
        return Diagnostic(.error, file: display, line: line, column: column,
            message: "this SVG holds \(what); an SVG in static/ may hold no scripts, event handlers or script links",
            note: "a browser runs them when the file is opened on its own; remove them, or use a PNG")
    }

    /// The byte offset and a description of the first active content in `bytes`; the
    /// offset is nil for a script link spelt with character references or spaces.
    static func firstActiveContent(_ bytes: [UInt8]) -> (Int?, String)? {
        let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var found: (Int, String)?
        for needle in forbidden {
            if let at = find(Array(needle.utf8), in: lower), at < (found?.0 ?? Int.max) {
                found = (at, "'\(needle)'")
            }
        }
        if let handler = firstEventHandler(lower), handler.0 < (found?.0 ?? Int.max) {
            found = handler
        }
        if let found { return (found.0, found.1) }
        // `&#106;avascript:` or `java\tscript:` in an attribute is still a script link.
        let squeezed = decodeReferences(lower).filter { $0 > 0x20 }
        for scheme in ["javascript:", "vbscript:"] where find(Array(scheme.utf8), in: squeezed) != nil {
            return (nil, "a '\(scheme)' link written with character references or spaces")
        }
        return nil
    }

    /// An attribute whose name starts with `on` (`onload=`, `onclick =`), after a space,
    /// a quote or a slash.
    static func firstEventHandler(_ b: [UInt8]) -> (Int, String)? {
        var i = 1
        while i + 2 < b.count {
            let before = b[i - 1]
            if b[i] == UInt8(ascii: "o"), b[i + 1] == UInt8(ascii: "n"),
               before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D || before == UInt8(ascii: "\"")
                || before == UInt8(ascii: "'") || before == UInt8(ascii: "/") {
                var j = i + 2
                while j < b.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b[j]) { j += 1 }
                let nameEnd = j
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
                if nameEnd > i + 2, j < b.count, b[j] == UInt8(ascii: "=") {
                    return (i, "an event handler ('\(String(decoding: b[i..<nameEnd], as: UTF8.self))=')")
                }
            }
            i += 1
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Numeric character references (`&#106;`, `&#x6A;`) and `&colon;`, `&tab;`,
    /// `&newline;` decoded to their bytes (ASCII only: enough to spell a scheme).
    static func decodeReferences(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "&"), let semi = b[i..<min(b.count, i + 12)].firstIndex(of: UInt8(ascii: ";")) {
                let entity = String(decoding: b[(i + 1)..<semi], as: UTF8.self)
                var value: UInt32?
                if entity.hasPrefix("#x") {
                    value = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    value = UInt32(entity.dropFirst())
                } else {
                    value = ["colon": 0x3A, "tab": 0x09, "newline": 0x0A][entity]
                }
                if let value, value < 0x80 {
                    out.append(UInt8(value) | ((0x41...0x5A).contains(value) ? 0x20 : 0))
                    i = semi + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return out
    }
}
