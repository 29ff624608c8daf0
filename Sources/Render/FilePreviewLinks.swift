internal import Markdown

/// Links for a site opened from the file system (`file://`), where a browser shows a
/// folder's listing, not its `index.html`: every relative link to a folder of the site
/// (`../topics/carers/`, `./`, `../../`) is made to name its `index.html`. Used only by
/// `whoswho build --file-preview`; a published site keeps its clean addresses.
enum FilePreviewLinks {
    /// `html` with the `href` and `action` values that are relative links to a folder
    /// made to end in `index.html`, before any `?query` or `#fragment`. Every attribute
    /// the themes and the Markdown renderer write is double-quoted.
    static func rewrite(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 20)
        var rest = Substring(html)
        while let found = nextLinkAttribute(in: rest) {
            out += rest[..<found.valueStart]
            let value = rest[found.valueStart..<found.valueEnd]
            out += rewriteValue(value)
            rest = rest[found.valueEnd...]
        }
        out += rest
        return out
    }

    /// The bounds of the next ` href="…"` or ` action="…"` value.
    static func nextLinkAttribute(in text: Substring) -> (valueStart: Substring.Index, valueEnd: Substring.Index)? {
        var search = text.startIndex
        while let range = text[search...].firstRange(of: "=\"") {
            let name = text[..<range.lowerBound].suffix(7)
            let isLink = name.hasSuffix(" href") || name.hasSuffix("\nhref") || name.hasSuffix(" action")
            let valueStart = range.upperBound
            guard let close = text[valueStart...].firstIndex(of: "\"") else { return nil }
            if isLink { return (valueStart, close) }
            search = text.index(after: close)
        }
        return nil
    }

    /// One attribute value, as HTML writes it (`&amp;` stays as it is).
    static func rewriteValue(_ value: Substring) -> String {
        let end = value.firstIndex { $0 == "?" || $0 == "#" } ?? value.endIndex
        let path = value[..<end]
        guard !path.isEmpty, path.hasSuffix("/"), !path.hasPrefix("/"), LinkSafety.scheme(of: String(path)) == nil else { return String(value) }
        return path + "index.html" + value[end...]
    }
}
