internal import Markdown
internal import Support
internal import Content
internal import Graph

/// A part of a card or guide that search looks in, with its weight in ranking.
///
/// Each field is scored on its own with BM25 (so a word repeated in the body cannot
/// outweigh one in the name) and the scores add up: docs/search.md, "Ranking".
public enum SearchField: Int, CaseIterable, Sendable {
    /// A card's name or a guide's title.
    case name
    case summary
    /// Topic names, slugs and other names.
    case topics
    /// The names and slugs of the regions the item names.
    case regions
    /// The kind (`Group`, `Guide`) and the formats (`Online`, `In person`).
    case labels
    /// A card's `looking_for`.
    case lookingFor
    /// A guide's authors.
    case authors
    /// The Markdown body as plain text.
    case body
    /// The names of the regions around the item's regions: those within them and
    /// those they are within, so "diabetes north west" finds a UK-wide group.
    case coverage

    /// How much a match here counts; a field's BM25 score is at most `weight × (k1 + 1)`.
    public var weight: Double {
        switch self {
        case .name: return 3
        case .summary: return 2.5
        case .topics: return 2
        case .regions: return 1.5
        case .labels: return 1
        case .lookingFor: return 1
        case .authors: return 1
        case .body: return 1
        case .coverage: return 0.3
        }
    }

    /// BM25's `b`: how much a long field is discounted against the average length.
    /// None for the name and summary, so one match there (worth at least its weight)
    /// always outweighs the body's best (1 × (k1 + 1) = 2.2).
    public var lengthNormalization: Double {
        switch self {
        case .body: return 0.75
        case .lookingFor: return 0.5
        case .name, .summary, .topics, .regions, .labels, .authors, .coverage: return 0
        }
    }
}

/// One card or guide as search sees it: the text of each field, what the results list
/// shows, and the facet values it is counted under.
public struct SearchDocument: Sendable, Equatable {
    /// The page's path from the site root, like `cards/x/`.
    public var path: String
    /// The name or title.
    public var name: String
    public var summary: String
    /// The first words of the body, for excerpts.
    public var excerpt: String
    /// `paused` or `closed` for a card that is not active; nil otherwise.
    public var status: String?
    /// Index into `SearchIndex.cardKinds` for a card; nil for a guide or another entry.
    public var kind: Int?
    /// The entry type's index in `Content.entries`, for an entry that is neither a card
    /// nor a guide.
    public var entryType: Int? = nil

    /// For a document after the cards, its kind among those after the card kinds: 0 for
    /// a guide, 1 + the entry type's index for another entry.
    var laterKind: Int { entryType.map { $0 + 1 } ?? 0 }
    /// Indexes into `Format.allCases`.
    public var formats: [Int]
    /// Topic and region indexes into the content's arrays.
    public var topics: [Int]
    public var regions: [Int]
    /// The text of each searched field, in `SearchField` order.
    public var fields: [String]

    /// The text of one field.
    public func text(_ field: SearchField) -> String { fields[field.rawValue] }
}

extension SearchDocument {
    /// How many characters of the body the document store keeps for excerpts.
    static let excerptLength = 160

    /// The cards that are running (active or paused) by name, then the closed cards by
    /// name, then the guides by title, then each other entry type's entries by title: a
    /// document's position is its id, so ties in ranking and listings by filter come out
    /// A to Z, and the closed cards, which search leaves out unless asked, are one range
    /// of ids, as are the guides, which it offers apart from the rest.
    static func all(_ graph: SiteGraph, labels: SearchLabels) -> [SearchDocument] {
        let content = graph.content
        let formats = Format.allCases
        var out: [SearchDocument] = []
        out.reserveCapacity(content.cards.count + content.guides.count)
        let open = graph.cards.order.filter { content.cards[$0].status != .closed }
        let closed = graph.cards.order.filter { content.cards[$0].status == .closed }
        for c in open + closed {
            let card = content.cards[c]
            var fields = [String](repeating: "", count: SearchField.allCases.count)
            fields[SearchField.name.rawValue] = card.name
            fields[SearchField.summary.rawValue] = card.summary
            fields[SearchField.topics.rawValue] = topicText(graph.cards.topics[c], content)
            fields[SearchField.regions.rawValue] = regionText(graph.cards.regions[c], content)
            fields[SearchField.labels.rawValue] = ([labels.label(card.kind)] + card.formats.map(labels.label)).joined(separator: " ")
            fields[SearchField.lookingFor.rawValue] = card.lookingFor ?? ""
            fields[SearchField.body.rawValue] = card.body.plainText
            fields[SearchField.coverage.rawValue] = coverageText(graph.cards.regions[c], graph)
            out.append(SearchDocument(
                path: Route.card(card.slug).path, name: card.name, summary: card.summary,
                excerpt: excerpt(card.body.plainText), status: card.status == .active ? nil : card.status.rawValue,
                kind: Kind.allCases.firstIndex(of: card.kind),
                formats: card.formats.compactMap { formats.firstIndex(of: $0) }.sorted(),
                topics: graph.cards.topics[c], regions: graph.cards.regions[c], fields: fields))
        }
        for g in graph.guides.order {
            let guide = content.guides[g]
            var fields = [String](repeating: "", count: SearchField.allCases.count)
            fields[SearchField.name.rawValue] = guide.title
            fields[SearchField.summary.rawValue] = guide.summary
            fields[SearchField.topics.rawValue] = topicText(graph.guides.topics[g], content)
            fields[SearchField.regions.rawValue] = regionText(graph.guides.regions[g], content)
            fields[SearchField.labels.rawValue] = labels.guide
            fields[SearchField.authors.rawValue] = guide.authors.joined(separator: " ")
            fields[SearchField.body.rawValue] = guide.body.plainText
            fields[SearchField.coverage.rawValue] = coverageText(graph.guides.regions[g], graph)
            out.append(SearchDocument(
                path: Route.guide(guide.slug).path, name: guide.title, summary: guide.summary,
                excerpt: excerpt(guide.body.plainText), status: nil, kind: nil, formats: [],
                topics: graph.guides.topics[g], regions: graph.guides.regions[g], fields: fields))
        }
        for k in content.entries.indices { out += entries(k, graph) }
        return out
    }

    /// The entries of entry type `k`, by title: searched in their title, summary, topics,
    /// regions, their type's name and their body.
    static func entries(_ k: Int, _ graph: SiteGraph) -> [SearchDocument] {
        let content = graph.content, entries = content.entries[k], links = graph.entries[k]
        return links.order.map { e in
            let entry = entries.all[e]
            var fields = [String](repeating: "", count: SearchField.allCases.count)
            fields[SearchField.name.rawValue] = entry.title
            fields[SearchField.summary.rawValue] = entry.summary
            fields[SearchField.topics.rawValue] = topicText(links.topics[e], content)
            fields[SearchField.regions.rawValue] = regionText(links.regions[e], content)
            fields[SearchField.labels.rawValue] = entries.type.singular
            fields[SearchField.body.rawValue] = entry.body.plainText
            fields[SearchField.coverage.rawValue] = coverageText(links.regions[e], graph)
            return SearchDocument(
                path: Route.entry(entries.type.folder, entry.slug).path, name: entry.title, summary: entry.summary,
                excerpt: excerpt(entry.body.plainText), status: nil, kind: nil, entryType: k, formats: [],
                topics: links.topics[e], regions: links.regions[e], fields: fields)
        }
    }

    /// Each topic's name, slug and other names (`aliases`), so a reader's word for a
    /// topic finds its cards as the topic's name does.
    static func topicText(_ topics: [Int], _ content: Content) -> String {
        topics.map { t in
            ([content.topics[t].name, content.topics[t].slug] + content.topics[t].aliases).joined(separator: " ")
        }.joined(separator: " ")
    }

    static func regionText(_ regions: [Int], _ content: Content) -> String {
        regions.map { content.regions[$0].name + " " + content.regions[$0].slug }.joined(separator: " ")
    }

    /// The regions within and around `regions` that are not among them, in tree order.
    static func coverageText(_ regions: [Int], _ graph: SiteGraph) -> String {
        let own = Set(regions)
        var around = Set<Int>()
        for r in regions {
            around.formUnion(graph.regions.ancestors[r])
            around.formUnion(graph.regions.descendants[r])
        }
        around.subtract(own)
        return graph.regions.order.filter(around.contains).map { graph.content.regions[$0].name }.joined(separator: " ")
    }

    /// The body's first words with runs of white space made single, cut at a word
    /// boundary near `excerptLength` characters.
    static func excerpt(_ text: String) -> String {
        asciiExcerpt(text) ?? characterExcerpt(text)
    }

    /// `excerpt`, counting characters.
    static func characterExcerpt(_ text: String) -> String {
        var out = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                if count >= excerptLength { break }
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(character)
            count += 1
            // A single very long word is cut too.
            if count >= excerptLength + 40 { break }
        }
        return out
    }

    /// `excerpt` by bytes, while the text read is ASCII (every byte a character); nil
    /// when a byte outside ASCII is reached before the excerpt is complete, or right
    /// after it (a combining mark would join the last character).
    static func asciiExcerpt(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(excerptLength + 40)
        var pendingSpace = false
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte >= 0x80 { return nil }
            // Character.isWhitespace for ASCII: tab, newline, vertical tab, form feed, return, space.
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                if out.count >= excerptLength { break }
                out.append(0x20)
                pendingSpace = false
            }
            out.append(byte)
            if out.count >= excerptLength + 40 {
                if let next = bytes.next(), next >= 0x80 { return nil }
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
