internal import Foundation

/// Turns the HTML of a feed's description into Markdown a card can hold: paragraphs,
/// headings, lists (nested too), links, bold and italic. Styles, spans and fonts are left
/// out and their text kept. Links the content rules refuse (`javascript:`, `file:`, a path
/// on the feed's own site) are dropped with their words kept, and images become links or,
/// for `data:` and `file:` images, are dropped; each drop is noted in `dropped`, for the report.
/// Web and email addresses written in the text become links.
struct HTMLToMarkdown {
    /// What was left out, in plain words ("a javascript: link, 'click here'").
    private(set) var dropped: [String] = []

    private var blocks: [(text: String, listItem: Bool)] = []
    private var inline = ""
    /// Open lists, innermost last: ordered or not, and the next number.
    private var lists: [(ordered: Bool, next: Int)] = []
    /// The marker of the list item whose first paragraph has not been written yet.
    private var pendingMarker: String?
    /// The indentation of text inside the open list items.
    private var indents: [Int] = []
    /// Open links and emphasis: where each began in `inline`, and what closes it.
    private var spans: [(tag: String, start: String.Index, href: String?)] = []
    private var heading: Int?

    /// The Markdown for `html`.
    mutating func convert(_ html: String) -> String {
        var tokenizer = HTMLTokenizer()
        let tokens = tokenizer.tokens(html)
        for element in tokenizer.droppedElements { dropped.append("a <\(element)> element and what was in it") }
        for token in tokens {
            switch token {
            case .text(let t): appendText(t)
            case .start(let name, let attributes): open(name, attributes)
            case .end(let name): close(name)
            }
        }
        while !spans.isEmpty { closeSpan() }
        flush()
        var out = ""
        for (n, block) in blocks.enumerated() {
            if n > 0 { out += block.listItem && blocks[n - 1].listItem ? "\n" : "\n\n" }
            out += block.text
        }
        return out
    }

    // MARK: Tags

    private mutating func open(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "p", "div", "section", "article", "header", "footer", "blockquote", "table", "tr", "address", "pre", "dl", "dt", "dd", "center":
            flush()
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            heading = min(4, max(2, Int(String(name.dropFirst())) ?? 2))
        case "ul", "ol":
            flush()
            lists.append((name == "ol", Int(attributes["start"] ?? "") ?? 1))
        case "li":
            flush()
            if lists.isEmpty { lists.append((false, 1)) }
            let ordered = lists[lists.count - 1].ordered
            let marker = ordered ? "\(lists[lists.count - 1].next). " : "- "
            if ordered { lists[lists.count - 1].next += 1 }
            pendingMarker = marker
        case "br": inline += "\u{1}"
        case "td", "th": if !inline.isEmpty { inline += " · " }
        case "hr": flush()
        case "strong", "b", "em", "i": spans.append((name, inline.endIndex, nil))
        case "a": spans.append(("a", inline.endIndex, attributes["href"] ?? ""))
        case "img": image(attributes)
        default: break
        }
    }

    private mutating func close(_ name: String) {
        switch name {
        case "p", "div", "section", "article", "header", "footer", "blockquote", "table", "tr", "address", "pre", "dl", "dt", "dd", "center",
             "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
        case "li":
            flush()
            if pendingMarker == nil, !indents.isEmpty { indents.removeLast() }
            pendingMarker = nil
        case "ul", "ol":
            flush()
            if !lists.isEmpty { lists.removeLast() }
            while indents.count > lists.count { indents.removeLast() }
        case "strong", "b", "em", "i", "a":
            guard let at = spans.lastIndex(where: { $0.tag == name }) else { return }
            while spans.count > at { closeSpan() }
        default: break
        }
    }

    // MARK: Inline

    private mutating func appendText(_ text: String) {
        let insideLink = spans.contains { $0.tag == "a" }
        inline += insideLink ? MarkdownText.escape(text) : MarkdownText.escapeLinking(text)
    }

    private mutating func closeSpan() {
        let span = spans.removeLast()
        let inner = String(inline[span.start...])
        inline.removeSubrange(span.start...)
        let trimmed = inner.trimmingCharacters(in: [" ", "\n", "\t", "\u{A0}"])
        let lead = inner.prefix { $0 == " " || $0 == "\n" || $0 == "\t" }
        let trail = trimmed.isEmpty ? "" : String(inner.reversed().prefix { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard !trimmed.isEmpty else { inline += inner; return }
        switch span.tag {
        case "a":
            if let target = LinkRules.target(span.href ?? "") {
                inline += lead + "[" + trimmed + "](" + MarkdownText.destination(target) + ")" + trail
            } else {
                let href = span.href ?? ""
                if !href.isEmpty, !href.hasPrefix("#") { dropped.append("a link to '\(LinkRules.shown(href))' (its words are kept)") }
                inline += inner
            }
        case "strong", "b": inline += lead + "**" + trimmed + "**" + trail
        default: inline += lead + "_" + trimmed + "_" + trail
        }
    }

    private mutating func image(_ attributes: [String: String]) {
        let src = (attributes["src"] ?? "").trimmingCharacters(in: .whitespaces)
        let alt = TextCleaner.clean(attributes["alt"] ?? "")
        if let target = LinkRules.target(src), target.hasPrefix("http") {
            inline += "[" + MarkdownText.escape(alt.isEmpty ? "Image" : "Image: " + alt) + "](" + MarkdownText.destination(target) + ")"
        } else {
            let kind = src.lowercased().hasPrefix("data:") ? "a data: image" : "an image at '\(LinkRules.shown(src))'"
            dropped.append(kind + (alt.isEmpty ? "" : " ('\(alt)')"))
        }
    }

    // MARK: Blocks

    /// Ends the paragraph being written, if it holds anything.
    private mutating func flush() {
        while !spans.isEmpty { closeSpan() }
        var text = MarkdownText.collapse(inline)
        inline = ""
        let level = heading
        heading = nil
        guard !text.isEmpty else { return }
        text = MarkdownText.guardLineStart(text)
        let indent = String(repeating: " ", count: indents.last ?? 0)
        if let marker = pendingMarker {
            pendingMarker = nil
            let inner = indent + marker
            indents.append(inner.count)
            text = text.replacingOccurrences(of: "\u{1}", with: "\\\n" + String(repeating: " ", count: inner.count))
            blocks.append((inner + text, true))
        } else if let level, lists.isEmpty {
            blocks.append((String(repeating: "#", count: level) + " " + text.replacingOccurrences(of: "\u{1}", with: " "), false))
        } else {
            text = text.replacingOccurrences(of: "\u{1}", with: "\\\n" + indent)
            blocks.append((indent + (level != nil ? "**" + text + "**" : text), !indents.isEmpty))
        }
    }
}
