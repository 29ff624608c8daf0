internal import Content
internal import Foundation

/// Writing plain text into Markdown so that it stays plain text: the characters that
/// would start emphasis, a link, raw HTML, a heading or a list are escaped, and web and
/// email addresses become links.
enum MarkdownText {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#"]

    /// `text` with every character that means something in Markdown escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        var chars = Array(text)
        chars = chars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
        for (n, c) in chars.enumerated() {
            if special.contains(c) {
                out.append("\\")
            } else if c == "&", n + 1 < chars.count, chars[n + 1].isLetter || chars[n + 1] == "#" {
                out.append("\\")
            }
            out.append(c)
        }
        return out
    }

    /// `escape`, with web addresses (`https://…`, `www.…`) and email addresses written
    /// as links.
    static func escapeLinking(_ text: String) -> String {
        var out = ""
        for (word, isSpace) in words(text) {
            if !isSpace, let (link, trail) = autolink(word) {
                out += link + escape(trail)
            } else {
                out += escape(word)
            }
        }
        return out
    }

    /// Splits text into runs of spaces and runs of anything else.
    static func words(_ text: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        for c in text {
            let space = c.isWhitespace
            if let last = out.last, last.1 == space { out[out.count - 1].0.append(c) } else { out.append((String(c), space)) }
        }
        return out
    }

    /// A word that is a web or email address as a Markdown autolink, and the punctuation
    /// after it that is not part of it; nil for other words.
    static func autolink(_ word: String) -> (String, String)? {
        var core = Substring(word)
        while let first = core.first, "(\"'“‘".contains(first) { core = core.dropFirst() }
        let lead = word.prefix(word.count - core.count)
        var trail = ""
        while let last = core.last, ".,;:!?)\"'”’".contains(last) { trail = String(last) + trail; core = core.dropLast() }
        let text = String(core)
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") {
            let url = lower.hasPrefix("www.") ? "https://" + text : text
            guard WebAddress.isHTTP(url), !url.contains("<"), !url.contains(">") else { return nil }
            return (escape(String(lead)) + "<" + url + ">", trail)
        }
        if text.contains("@"), WebAddress.isEmail(text) {
            return (escape(String(lead)) + "<" + text + ">", trail)
        }
        return nil
    }

    /// A link's destination, in angle brackets so that spaces and brackets need no care.
    static func destination(_ url: String) -> String {
        var out = "<"
        for c in url.unicodeScalars {
            switch c {
            case " ": out += "%20"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "\n", "\r", "\t": continue
            case "\\": out += "%5C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + ">"
    }

    /// Runs of spaces and line breaks as one space, trimmed; line-break markers (U+0001)
    /// kept, without spaces around them, and none at either end.
    static func collapse(_ text: String) -> String {
        var out = ""
        var space = false
        for c in text {
            if c.isWhitespace {
                space = true
            } else if c == "\u{1}" {
                space = false
                if !out.isEmpty, out.last != "\u{1}" { out.append(c) }
            } else {
                if space, !out.isEmpty, out.last != "\u{1}" { out.append(" ") }
                space = false
                out.append(c)
            }
        }
        while out.last == "\u{1}" { out.removeLast() }
        return out
    }

    /// Text that would start a list, a quote or a thematic break at the start of a line,
    /// escaped.
    static func guardLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = text.dropFirst(digits.count).first
            if after == "." || after == ")" {
                return digits + "\\" + text.dropFirst(digits.count)
            }
        }
        return text
    }
}

/// Which links an imported card may keep: those the content rules allow.
enum LinkRules {
    /// `href` as a link the card may hold: `https://`, `http://` (with `www.` given its
    /// `https://`), `mailto:` or `tel:`; nil for any other (a `javascript:` or `data:`
    /// link, a `file:` path, a path on the feed's own site, a bare `#anchor`).
    static func target(_ href: String) -> String? {
        let h = TextCleaner.clean(href).replacingOccurrences(of: " ", with: "%20")
        let lower = h.lowercased()
        if lower.hasPrefix("www.") { return WebAddress.isHTTP("https://" + h) ? "https://" + h : nil }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return WebAddress.isHTTP(h) ? h : nil }
        if lower.hasPrefix("mailto:") { return WebAddress.isEmail(String(h.dropFirst(7)).components(separatedBy: "?")[0]) ? h : nil }
        if lower.hasPrefix("tel:") { return h.dropFirst(4).allSatisfy { $0.isNumber || "+-() ".contains($0) } && h.count > 4 ? h : nil }
        return nil
    }

    /// A link as the report shows it: at most 60 characters, a `data:` address by its type alone.
    static func shown(_ href: String) -> String {
        if href.lowercased().hasPrefix("data:") { return String(href.prefix { $0 != "," && $0 != ";" }) + ",…" }
        return href.count > 60 ? String(href.prefix(57)) + "…" : href
    }
}

/// Text from a feed, made fit for a card's field.
enum TextCleaner {
    /// `text` with HTML's character references decoded, invisible and control characters
    /// taken out, every run of spaces and line breaks made one space, and trimmed.
    static func clean(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in HTMLEntities.decode(text).unicodeScalars {
            if scalar.properties.generalCategory == .format || scalar == "\u{FFFD}" { continue }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                space = true
                continue
            }
            if space, !out.isEmpty { out.unicodeScalars.append(" ") }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Plain text from HTML: tags taken out, a space where a block or line break was.
    static func plain(fromHTML html: String) -> String {
        var tokenizer = HTMLTokenizer()
        var out = ""
        for token in tokenizer.tokens(html) {
            switch token {
            case .text(let t): out += t
            case .end("li"):
                // List items read as a list in a sentence: "Tea and cake; quizzes; music".
                // Only the spaces at the end are taken off (`clean` sees to the start):
                // trimming the whole text at every item grew with the square of a long list.
                while let last = out.unicodeScalars.last, last == "\t" || last.properties.generalCategory == .spaceSeparator {
                    out.unicodeScalars.removeLast()
                }
                out += out.last.map { ".;:!?".contains($0) } ?? true ? " " : "; "
            case .start(let name, _), .end(let name):
                if ["p", "div", "br", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"].contains(name) { out += " " }
            }
        }
        var text = clean(out)
        while text.hasSuffix(";") { text.removeLast() }
        return text
    }
}
