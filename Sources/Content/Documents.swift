internal import YAML
internal import Markdown

/// A body link with where it was written and where it leads.
struct BodyLink: Sendable {
    var destination: String
    var target: LinkTarget
    var mark: Mark
}

/// A card file whose fields could be read: the card when the file has no error, and
/// its references, which are checked against the other files either way.
struct ParsedCard: Sendable {
    var card: Card?
    var references: References
}

/// A guide file whose fields could be read: the guide when the file has no error, and
/// its references, which are checked against the other files either way.
struct ParsedGuide: Sendable {
    var guide: Guide?
    var references: References
}

/// How much of a card or guide the parser makes besides its diagnostics. Every check is
/// made at every depth.
enum ParseDepth: Sendable {
    /// The card or guide, with its body's HTML and text (a build).
    case model
    /// The card or guide, with its body's text but no HTML.
    case modelWithoutHTML
    /// Only what the checks need (`whoswho check`): no card or guide, no HTML, no text,
    /// no link rewritten for a page.
    case diagnostics

    var makesHTML: Bool { self == .model }
    var makesModel: Bool { self != .diagnostics }
}

/// Turns the text of one card or guide file into a parsed document and diagnostics.
enum DocumentParser {
    /// A card's fields but `about`, which only a `.yml` card may have.
    static let cardFields = FieldTable.card.names.filter { $0 != "about" }

    /// Renders a body, rewriting content links, and returns the links found with
    /// their positions in the file. `columnOffset` is added to columns on the body's
    /// first line, `indent` to columns on every line (a YAML block scalar's indentation).
    static func renderBody(_ markdown: String, file: String, lineOffset: Int, columnOffset: Int, indent: Int = 0,
                           depth: ParseDepth = .model) -> (MarkdownDocument, [BodyLink]) {
        // The renderer asks about each safe link once, in document order; the answers are kept for below.
        var targets: [LinkTarget?] = []
        let document = MarkdownRenderer.render(markdown, html: depth.makesHTML, plainText: depth.makesModel) { destination in
            let target = LinkTarget.resolve(destination, from: file)
            targets.append(target)
            return depth.makesHTML ? target?.pageRelativeURL : nil
        }
        var links: [BodyLink] = []
        var next = 0
        for link in document.links where !LinkSafety.isUnsafe(link.destination) {
            let target = next < targets.count ? targets[next] : LinkTarget.resolve(link.destination, from: file)
            next += 1
            guard let target else { continue }
            links.append(BodyLink(destination: link.destination, target: target,
                                  mark: Mark(line: link.line + lineOffset, column: link.column + indent + (link.line == 1 ? columnOffset : 0))))
        }
        return (document, links)
    }

    static func unsafeLinkDiagnostics(_ document: MarkdownDocument, file: String, display: String, lineOffset: Int, columnOffset: Int = 0, indent: Int = 0) -> [Diagnostic] {
        document.links.filter { LinkSafety.isUnsafe($0.destination) }.map {
            Diagnostic(.warning, file: display, line: $0.line + lineOffset, column: $0.column + indent + ($0.line == 1 ? columnOffset : 0),
                       message: "this link uses a scheme that is not allowed ('\($0.destination.count > 40 ? $0.destination.prefix(40) + "…" : $0.destination)'); it has been removed",
                       note: "a link may start with https://, http://, mailto: or tel:, or be the path of a card, guide or file in the content folder; its text stays on the page")
        }
    }

    /// Parses a card written as Markdown with front matter (`.md`) or all in YAML (`.yml`).
    static func card(slug: String, file: String, display: String, source: SourceText, isYAML: Bool,
                     depth: ParseDepth = .model) -> (ParsedCard?, [Diagnostic]) {
        var root: Node?
        var place = BodyPlace()
        switch cardYAML(source, display: display, isYAML: isYAML) {
        case .failure(let d): return (nil, [d])
        case .success(let found): (root, place) = found
        }
        let t = FieldTable.card
        var r = FieldReader(root, file: display, what: "a card", allowed: cardFields + (isYAML ? ["about"] : []),
                            fallback: Mark(line: 1, column: 1))
        if isYAML, let about = aboutBody(&r, source: source) { place = about }
        var body = place.text
        let bodyLineOffset = place.lineOffset, bodyColumnOffset = place.columnOffset, bodyIndent = place.indent
        let name = r.text(t["name"])
        let kind = r.choice(t["kind"], Kind.self)
        let summary = r.text(t["summary"])
        let topics = r.slugList(t["topics"], counted: "topics")
        let regions = r.slugList(t["regions"], counted: "regions")
        let updated = r.date(t["updated"])
        let status = r.choice(t["status"], Status.self)
        let formats = cardFormats(&r)
        let lookingFor = r.text(t["looking_for"])
        let contact = cardContact(&r)
        let links = cardLinks(&r, display: display)
        let related = r.slugList(t["related"], counted: "cards") ?? []
        var image = r.text(t["image"])
        if let i = image, !StaticPath.isSafe(i.value) {
            r.error(i.mark, "'image' should be the path of a file under content/static/, like images/logo.svg, not '\(i.value)'")
            image = nil
        }
        let directory = DirectoryFieldsReader.read(&r, display: display)
        // More former slugs than the table allows has a message of its own: each is a page.
        let formerSlugsField = t["former_slugs"]
        let formerSlugs = r.slugList(formerSlugsField.name, required: formerSlugsField.required) ?? []
        if let most = formerSlugsField.maxItems, formerSlugs.count > most, let field = r.node(formerSlugsField) {
            r.error(field.mark, "'former_slugs' lists \(formerSlugs.count) slugs; a card may list at most \(most)",
                    note: "keep the slugs that other sites and people still link to; each is a page of the site")
        }
        if let tooLong = bodyLimitDiagnostic(body, display: display, line: bodyLineOffset + 1, isCard: true) {
            r.diagnostics.append(tooLong)
            body = ""
        }
        var (document, bodyLinks) = renderBody(body, file: file, lineOffset: bodyLineOffset, columnOffset: bodyColumnOffset, indent: bodyIndent,
                                               depth: depth)
        r.diagnostics += unsafeLinkDiagnostics(document, file: file, display: display, lineOffset: bodyLineOffset,
                                               columnOffset: bodyColumnOffset, indent: bodyIndent)
        // What a reader would miss: said by the loader once the file has no error.
        var readerWarnings: [Diagnostic] = []
        if let name {
            readerWarnings = ReaderWarnings.card(name: name, needsContact: contact == nil && links.isEmpty && status?.value != .closed,
                                                 document: &document,
                                                 display: display, bodyMark: isYAML ? (r.fields["about"]?.value.mark ?? name.mark)
                                                                                    : Mark(line: bodyLineOffset + 1 + body.prefix { $0 == "\n" || $0 == "\r\n" }.count, column: 1),
                                                 isYAML: isYAML)
        }
        let references = References(
            file: file, slug: slug, folder: "cards", topics: topics ?? [], regions: regions ?? [], entries: related,
            image: image, links: bodyLinks, headings: Set(document.headings.map(\.id)), updated: updated,
            readerWarnings: readerWarnings, kind: kind?.value, organisation: directory.organisation,
            orukID: directory.orukID, formerSlugs: formerSlugs)
        guard let name, let kind, let summary, let topics, let regions, let updated, !r.diagnostics.hasErrors, depth.makesModel else {
            return (ParsedCard(card: nil, references: references), r.diagnostics)
        }
        let card = Card(
            slug: slug, file: file, name: name.value, kind: kind.value, summary: summary.value,
            topics: topics.map(\.value), regions: regions.map(\.value), updated: updated.value,
            status: status?.value ?? .active, formats: formats, lookingFor: lookingFor?.value, contact: contact,
            links: links, related: related.map(\.value), image: image?.value, body: document,
            linkedCards: linkedSlugs(bodyLinks, cards: true), linkedGuides: linkedSlugs(bodyLinks, cards: false),
            details: directory.details, formerSlugs: formerSlugs.map(\.value))
        return (ParsedCard(card: card, references: references), r.diagnostics)
    }

    /// The front matter of a Markdown file, split off and parsed; the failure is the
    /// diagnostic to report.
    static func frontMatter(_ source: SourceText, display: String) -> Result<(SourceText.Split, Node?), Diagnostic> {
        let split: SourceText.Split
        switch source.splitFrontMatter(file: display) {
        case .failure(let d): return .failure(d)
        case .success(let s): split = s
        }
        do { return .success((split, try YAMLParser.parse(split.frontMatter, lineOffset: split.frontMatterLineOffset))) } catch {
            return .failure(Diagnostic(.error, file: display, at: error.mark, message: error.message, note: error.note))
        }
    }

    /// The Markdown after a guide's or an entry's front matter, rendered, with its links;
    /// a body over the limit is an error and left out, and unsafe links are warned of.
    static func markdownBody(of split: SourceText.Split, file: String, display: String, depth: ParseDepth,
                             diagnostics: inout [Diagnostic]) -> (MarkdownDocument, [BodyLink]) {
        var body = split.body
        if let tooLong = bodyLimitDiagnostic(body, display: display, line: split.bodyLineOffset + 1, isCard: false) {
            diagnostics.append(tooLong)
            body = ""
        }
        let (document, bodyLinks) = renderBody(body, file: file, lineOffset: split.bodyLineOffset, columnOffset: 0, depth: depth)
        diagnostics += unsafeLinkDiagnostics(document, file: file, display: display, lineOffset: split.bodyLineOffset)
        return (document, bodyLinks)
    }

    /// Parses a guide: front matter, then Markdown.
    static func guide(slug: String, file: String, display: String, source: SourceText,
                      depth: ParseDepth = .model) -> (ParsedGuide?, [Diagnostic]) {
        let split: SourceText.Split, root: Node?
        switch frontMatter(source, display: display) {
        case .failure(let d): return (nil, [d])
        case .success(let parsed): (split, root) = parsed
        }
        let t = FieldTable.guide
        var r = FieldReader(root, file: display, what: "a guide", fields: t, fallback: Mark(line: 1, column: 1))
        let title = r.text(t["title"])
        let summary = r.text(t["summary"])
        let topics = r.slugList(t["topics"], counted: "topics")
        let regions = r.slugList(t["regions"], counted: "regions") ?? []
        let cards = r.slugList(t["cards"], counted: "cards") ?? []
        let authors = r.list(t["authors"]) ?? []
        let updated = r.date(t["updated"])
        let (document, bodyLinks) = markdownBody(of: split, file: file, display: display, depth: depth, diagnostics: &r.diagnostics)
        let references = References(
            file: file, slug: slug, folder: "guides", topics: topics ?? [], regions: regions, entries: cards,
            image: nil, links: bodyLinks, headings: Set(document.headings.map(\.id)), updated: updated)
        guard let title, let summary, let topics, let updated, !r.diagnostics.hasErrors, depth.makesModel else {
            return (ParsedGuide(guide: nil, references: references), r.diagnostics)
        }
        let guide = Guide(
            slug: slug, file: file, title: title.value, summary: summary.value, topics: topics.map(\.value),
            regions: regions.map(\.value), cards: cards.map(\.value), authors: authors.map(\.value),
            updated: updated.value, body: document,
            linkedCards: linkedSlugs(bodyLinks, cards: true), linkedGuides: linkedSlugs(bodyLinks, cards: false))
        return (ParsedGuide(guide: guide, references: references), r.diagnostics)
    }

    /// The indentation of a YAML block scalar whose indicator (`|` or `>`) is on line
    /// `line`: the leading spaces of its first line that is not blank.
    static func blockIndent(_ text: String, after line: Int) -> Int {
        var current = 1
        var spaces = 0
        var counting = false
        for byte in text.utf8 {
            if current > line {
                if byte == UInt8(ascii: " ") && counting { spaces += 1; continue }
                if byte == UInt8(ascii: "\n") { spaces = 0; counting = true; current += 1; continue }
                if counting { return spaces }
            } else if byte == UInt8(ascii: "\n") {
                current += 1
                counting = true
            }
        }
        return 0
    }

    /// An error when a body is over `ContentLimits.maxBodyBytes`; it is then not rendered.
    static func bodyLimitDiagnostic(_ body: String, display: String, line: Int, isCard: Bool) -> Diagnostic? {
        let size = body.utf8.count
        guard size > ContentLimits.maxBodyBytes else { return nil }
        return Diagnostic(.error, file: display, line: line, column: 1,
            message: "the text is \(size) bytes long; the most a card's or guide's text may be is \(ContentLimits.maxBodyBytes) bytes (64 KiB)",
            note: isCard ? "shorten the card's text to what a reader needs to decide to get in touch, and link to your own website for the rest"
                         : "split a long guide into several guides that link to each other")
    }

    static func linkedSlugs(_ links: [BodyLink], cards: Bool) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for link in links {
            switch link.target {
            case .card(let slug, _) where cards: if seen.insert(slug).inserted { out.append(slug) }
            case .guide(let slug, _) where !cards: if seen.insert(slug).inserted { out.append(slug) }
            default: break
            }
        }
        return out
    }
}

/// Paths of files under static/ as written in content.
enum StaticPath {
    /// A relative path with no `..`, no empty or hidden parts, no backslashes or control characters.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." || part == ".." || part.hasPrefix(".") { return false }
        }
        return !path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
