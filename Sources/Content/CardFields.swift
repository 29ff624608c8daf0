internal import YAML

/// The card fields that are read in more than one step: formats, contact, links.
extension DocumentParser {
    /// `formats`: each one a known `Format`, with a suggestion for a misspelt one.
    static func cardFormats(_ r: inout FieldReader) -> [Format] {
        var formats: [Format] = []
        let field = FieldTable.card["formats"]
        let names = field.values(as: Format.self)
        for item in r.list(field) ?? [] {
            if let f = Format(rawValue: item.value) {
                formats.append(f)
            } else {
                r.error(item.mark, "'\(item.value)' is not a format\(DidYouMean.clause(for: item.value, in: names))",
                        note: "formats may be: \(names.joined(separator: ", "))")
            }
        }
        return formats
    }

    /// `contact`: a website, an email address, a phone number; nil when none is usable.
    static func cardContact(_ r: inout FieldReader) -> Contact? {
        var contact: Contact?
        let fields = FieldTable.contact
        if var c = r.mapping(FieldTable.card["contact"]) {
            let website = c.url(fields["website"])
            let email = c.text(fields["email"])
            if let email, let special = email.value.first(where: WebAddress.mailtoSpecial.contains) {
                c.error(email.mark, "'email' cannot hold '\(special)': in the email link on the page it would change who the reader's email goes to or what it says",
                        note: "write the address alone, like name@example.org")
            } else if let email, !WebAddress.isEmail(email.value) {
                c.error(email.mark, "'email' should be an email address like name@example.org, not '\(InvisibleCharacters.shown(email.value))'"
                        + InvisibleCharacters.clause(for: email.value))
            }
            let phone = c.text(fields["phone"])
            if let phone, !WebAddress.isPhone(phone.value) {
                c.error(phone.mark, "'phone' should be a phone number (digits, spaces, +, -, brackets), not '\(InvisibleCharacters.shown(phone.value))'"
                        + InvisibleCharacters.clause(for: phone.value))
            }
            r.diagnostics += c.diagnostics
            let value = Contact(website: website?.value, email: email.flatMap { WebAddress.isEmail($0.value) ? $0.value : nil },
                                phone: phone.flatMap { WebAddress.isPhone($0.value) ? $0.value : nil })
            if value.website != nil || value.email != nil || value.phone != nil { contact = value }
        }
        return contact
    }

    /// `links`: a list of items, each with a `title` and a `url`.
    static func cardLinks(_ r: inout FieldReader, display: String) -> [CardLink] {
        var links: [CardLink] = []
        let fields = FieldTable.link
        if let node = r.node(FieldTable.card["links"]) {
            if case .sequence(let items) = node.value {
                for item in items {
                    var l = FieldReader(item, file: display, what: "each item of 'links'", fields: fields, fallback: item.mark)
                    let title = l.text(fields["title"])
                    let url = l.url(fields["url"])
                    r.diagnostics += l.diagnostics
                    if let title, let url { links.append(CardLink(title: title.value, url: url.value)) }
                }
            } else {
                r.error(node.mark, "'links' should be a list of items with a 'title' and a 'url', but it is \(node.kindDescription)")
            }
        }
        return links
    }
}

/// Where a card's Markdown body is in its file: the text, the line before it, and the
/// column and indent its lines start at (for a body written in YAML's `about`).
struct BodyPlace {
    var text = ""
    var lineOffset = 0
    var columnOffset = 0
    var indent = 0
}

extension DocumentParser {
    /// A card's YAML, parsed: the whole file, or the front matter with the body after it.
    static func cardYAML(_ source: SourceText, display: String, isYAML: Bool) -> Result<(Node?, BodyPlace), Diagnostic> {
        if isYAML {
            do { return .success((try YAMLParser.parse(source.text), BodyPlace())) } catch {
                return .failure(Diagnostic(.error, file: display, at: error.mark, message: error.message, note: error.note))
            }
        }
        switch source.splitFrontMatter(file: display) {
        case .failure(let d): return .failure(d)
        case .success(let split):
            do {
                let root = try YAMLParser.parse(split.frontMatter, lineOffset: split.frontMatterLineOffset)
                return .success((root, BodyPlace(text: split.body, lineOffset: split.bodyLineOffset)))
            } catch {
                return .failure(Diagnostic(.error, file: display, at: error.mark, message: error.message, note: error.note))
            }
        }
    }

    /// The body of a card written all in YAML, from its `about` field; nil without one.
    static func aboutBody(_ r: inout FieldReader, source: SourceText) -> BodyPlace? {
        guard let about = r.text(FieldTable.card["about"]),
              let node = r.fields["about"]?.value else { return nil }
        switch node.value {
        case .scalar(_, .literal), .scalar(_, .folded):
            return BodyPlace(text: about.value, lineOffset: node.mark.line, indent: blockIndent(source.text, after: node.mark.line))
        default:
            return BodyPlace(text: about.value, lineOffset: node.mark.line - 1, columnOffset: node.mark.column - 1)
        }
    }
}
