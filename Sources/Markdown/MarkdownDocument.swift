/// A heading found in a Markdown body, with the id its anchor gets.
public struct Heading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The stable, GitHub-style id (`## Funding and costs` → `funding-and-costs`).
    public var id: String

    /// Creates a heading.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link or image destination found in a Markdown body, where it was written.
public struct Link: Sendable, Equatable {
    /// The destination as written.
    public var destination: String
    /// True for an image (`![alt](src)`).
    public var isImage: Bool
    /// 1-based line within the Markdown text.
    public var line: Int
    /// 1-based column within the line.
    public var column: Int

    /// Creates a link.
    public init(destination: String, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// Markdown rendered to safe HTML, with what was found on the way.
public struct MarkdownDocument: Sendable {
    /// The HTML, with raw HTML and unsafe links removed and ids on headings.
    public var html: String
    /// Every heading in order.
    public var headings: [Heading]
    /// Every link and image in order, with its destination as written.
    public var links: [Link]
    /// The text without markup, for search and excerpts (empty when the renderer was
    /// asked not to keep it).
    public var plainText: String
    /// True when the text has a character that is not whitespace.
    public var hasVisibleText: Bool

    /// Creates a document; `hasVisibleText`, when not given, is found in `plainText`.
    public init(html: String, headings: [Heading], links: [Link], plainText: String, hasVisibleText: Bool? = nil) {
        self.html = html
        self.headings = headings
        self.links = links
        self.plainText = plainText
        self.hasVisibleText = hasVisibleText ?? Self.isVisible(plainText)
    }

    /// True when `text` has a character that is not whitespace.
    static func isVisible(_ text: String) -> Bool {
        text.contains { !$0.isWhitespace }
    }
}

/// Which links a body may keep: an allow-list of schemes, so a scheme no one thought of
/// (`ms-msdt:`, `search-ms:`, `intent:`) is removed like `javascript:`.
public enum LinkSafety {
    /// The schemes a link or image may use, besides having none (a relative link such as
    /// `../cards/x.md`, `#heading`, `/path` or `//host/path`).
    public static let allowedSchemes = ["http", "https", "mailto", "tel"]

    /// The scheme of `destination`, lower-cased, as a browser would read it: the text
    /// before a `:` that comes before any `/`, `?` or `#`, with whitespace and control
    /// characters taken out (browsers ignore them there). Nil for a relative link.
    public static func scheme(of destination: String) -> String? {
        var scheme = ""
        for scalar in destination.unicodeScalars {
            if scalar == ":" { return scheme }
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            if scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
            // Lower-case ASCII only: browsers match schemes in ASCII, and a non-ASCII
            // letter (the Kelvin sign, say) must not lower-case into an allowed one.
            let lowered = (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
            scheme.unicodeScalars.append(lowered)
        }
        return nil
    }

    /// True when a destination has a scheme that is not in `allowedSchemes`, however it
    /// is cased or padded: `javascript:`, `data:`, `ms-msdt:` and every other.
    public static func isUnsafe(_ destination: String) -> Bool {
        guard let scheme = scheme(of: destination) else { return false }
        return !allowedSchemes.contains(scheme)
    }
}

/// GitHub-style heading ids.
public enum HeadingID {
    /// Ids starting with this belong to the page around the body (the theme's `main`,
    /// say); no heading id ever starts with it.
    public static let reservedPrefix = "whoswho-"

    /// Lower-cases `text`, drops punctuation other than `-` and `_`, and turns spaces into `-`.
    public static func slug(_ text: String) -> String {
        (text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 })
            ? asciiSlug(text) : unicodeSlug(text)
    }

    /// `slug`, character by character.
    static func unicodeSlug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch == " " {
                out.append("-")
            } else if ch == "-" || ch == "_" || ch.isLetter || ch.isNumber {
                out.append(ch)
            }
        }
        return out.hasPrefix(reservedPrefix) ? "section-" + out : out
    }

    /// `slug` for ASCII text, by bytes: letters are A–Z and a–z, numbers 0–9.
    static func asciiSlug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.append(byte)
            default: break
            }
        }
        let slug = String(decoding: out, as: UTF8.self)
        return slug.hasPrefix(reservedPrefix) ? "section-" + slug : slug
    }
}
