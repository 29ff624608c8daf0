internal import YAML
internal import Markdown

/// An entry file whose fields could be read: the entry when the file has no error, and
/// its references, which are checked against the other files either way.
struct ParsedEntry: Sendable {
    var entry: Entry?
    var references: References
}

extension DocumentParser {
    /// Parses an entry of `type`: front matter read field by field as the type's field
    /// table says, then Markdown, as a guide is.
    static func entry(of type: EntryType, slug: String, file: String, display: String, source: SourceText,
                      depth: ParseDepth = .model) -> (ParsedEntry?, [Diagnostic]) {
        let split: SourceText.Split, root: Node?
        switch frontMatter(source, display: display) {
        case .failure(let d): return (nil, [d])
        case .success(let parsed): (split, root) = parsed
        }
        var r = FieldReader(root, file: display, what: type.article, fields: type.fields, fallback: Mark(line: 1, column: 1))
        var values: [String: EntryValue] = [:]
        var lists: [String: [Located<String>]] = [:]
        var updated: Located<ContentDate>?
        for field in type.fields.all {
            switch r.entryValue(field) {
            case .value(let value)?: values[field.name] = value
            case .located(let items)?:
                lists[field.name] = items
                values[field.name] = .list(items.map(\.value))
            case .date(let date)?:
                values[field.name] = .date(date.value)
                if field.name == type.updatedField { updated = date }
            case nil: break
            }
        }
        let (document, bodyLinks) = markdownBody(of: split, file: file, display: display, depth: depth, diagnostics: &r.diagnostics)
        let topics = type.vocabularyField(.topics).flatMap { lists[$0.name] } ?? []
        let regions = type.vocabularyField(.regions).flatMap { lists[$0.name] } ?? []
        let cards = type.cardsField.flatMap { lists[$0.name] } ?? []
        var references = References(
            file: file, slug: slug, folder: type.folder, topics: topics, regions: regions, entries: cards,
            image: nil, links: bodyLinks, headings: Set(document.headings.map(\.id)), updated: updated)
        references.entryType = type
        guard case .text(let title)? = values[type.titleField], case .text(let summary)? = values[type.summaryField],
              !r.diagnostics.hasErrors, depth.makesModel else {
            return (ParsedEntry(entry: nil, references: references), r.diagnostics)
        }
        let entry = Entry(slug: slug, file: file, title: title, summary: summary, values: values,
                          topics: topics.map(\.value), regions: regions.map(\.value), cards: cards.map(\.value),
                          updated: updated?.value, body: document)
        return (ParsedEntry(entry: entry, references: references), r.diagnostics)
    }
}

/// A field of an entry as read: a value, a list with where each item is written (for
/// the cross-check), or a date with where it is written.
enum ReadEntryValue {
    case value(EntryValue)
    case located([Located<String>])
    case date(Located<ContentDate>)
}

extension FieldReader {
    /// Reads `field` of an entry by its type in the table; nil when it is not given or
    /// has an error (reported).
    mutating func entryValue(_ field: FieldDescription) -> ReadEntryValue? {
        switch field.type {
        case .text, .multiLineText:
            return text(field).map { .value(.text($0.value)) }
        case .webAddress:
            return url(field).map { .value(.text($0.value)) }
        case .date:
            return date(field).map { .date($0) }
        case .choice(let allowed):
            return choice(field.name, required: field.required, among: allowed).map { .value(.text($0.value)) }
        case .yesNo:
            if field.required, !given(field.name) { _ = node(field) }
            return yesNo(field.name).map { .value(.yesNo($0)) }
        case .list(.vocabulary(let vocabulary), _):
            return slugList(field, counted: vocabulary.rawValue).map { .located($0) }
        case .list(.slug, _):
            return slugList(field, counted: "cards").map { .located($0) }
        case .list(.choice(_, let allowed), _):
            guard let items = list(field) else { return nil }
            let known = items.filter { item in
                if allowed.contains(item.value) { return true }
                error(item.mark, "'\(field.name)' cannot list '\(item.value)'\(DidYouMean.clause(for: item.value.lowercased(), in: allowed))",
                      note: "'\(field.name)' may list: \(allowed.joined(separator: ", "))")
                return false
            }
            return .located(known)
        case .list:
            return list(field).map { .located($0) }
        default:
            preconditionFailure("'\(field.name)' is of a kind an entry type cannot have")
        }
    }
}
