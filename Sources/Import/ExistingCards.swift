internal import Content
internal import YAML
internal import Foundation

/// The cards a content folder already has, as an import sees them: which record of a
/// feed each came from (the key in its text, or its `oruk_id`), and the slugs taken.
struct ExistingCards {
    struct Entry {
        var slug: String
        var file: String
        var key: String?
        var orukID: String?
    }

    var entries: [Entry] = []
    var taken: Set<String> = []
    /// The first card with each import key, and with each `oruk_id`: found without going
    /// through every card for every draft, which made an update grow with the square of
    /// the cards.
    private var byKey: [String: Int] = [:]
    private var byID: [String: Int] = [:]

    init(content: Content) {
        for card in content.cards {
            let text = (try? String(contentsOfFile: content.root + "/" + card.file, encoding: .utf8)) ?? ""
            let entry = Entry(slug: card.slug, file: card.file, key: CardFiles.importKey(in: text), orukID: card.details.orukID)
            if let key = entry.key, byKey[key] == nil { byKey[key] = entries.count }
            if let id = entry.orukID, byID[id] == nil { byID[id] = entries.count }
            entries.append(entry)
            taken.insert(card.slug)
            taken.formUnion(card.formerSlugs)
        }
    }

    /// The card an earlier import made of the draft's record, or that carries its id.
    func match(_ draft: CardDraft) -> Entry? {
        (byKey[draft.key] ?? draft.details.orukID.flatMap { byID[$0] }).map { entries[$0] }
    }
}

/// Gives each draft its slug: the card it updates keeps its own; a new card is named
/// after its name, with `-2`, `-3`… when that is taken.
enum SlugAssigner {
    static func assign(_ services: inout [CardDraft], _ organisations: inout [CardDraft], existing: ExistingCards, update: Bool) throws(ImportFailure) {
        var taken = existing.taken
        var refused: [String] = []
        var orgSlugs: [String: String] = [:]
        func give(_ d: inout CardDraft) {
            if let match = existing.match(d) {
                d.slug = match.slug
                if !update { refused.append(match.file) }
                return
            }
            let base = SlugMaker.slug(d.name, maxLength: 76)
            let stem = base.isEmpty ? (d.kind == .organisation ? "organisation" : "service") : base
            var slug = stem
            var n = 2
            while taken.contains(slug) { slug = stem + "-\(n)"; n += 1 }
            taken.insert(slug)
            d.slug = slug
        }
        for i in services.indices { give(&services[i]) }
        for i in organisations.indices {
            give(&organisations[i])
            orgSlugs[organisations[i].key] = organisations[i].slug
        }
        for i in services.indices { services[i].details.organisation = services[i].details.organisation.flatMap { orgSlugs[$0] } }
        guard refused.isEmpty else {
            let shown = refused.prefix(10).joined(separator: ", ") + (refused.count > 10 ? " and \(refused.count - 10) more" : "")
            throw ImportFailure("\(refused.count) card\(refused.count == 1 ? " was" : "s were") already imported from this feed: \(shown). Nothing was written. To bring them up to date with the feed, run again with --update (only what came from the feed changes).")
        }
    }
}

/// Adds the topics an import made to topics.yml, each marked as imported by a comment.
enum TopicsFile {
    static func append(_ topics: [(slug: String, name: String, terms: [String])], content: String, today: ContentDate, existing: Int,
                       report: inout ImportReport) throws(ImportFailure) {
        guard !topics.isEmpty else { return }
        guard existing + topics.count <= ContentLimits.topics else {
            throw ImportFailure("the feed's terms would make \(existing + topics.count) topics, more than the \(ContentLimits.topics) topics.yml may hold; map them to fewer topics in a mapping file (--mapping). Nothing was written.")
        }
        let path = content + "/topics.yml"
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        for t in topics {
            let terms = t.terms.map { "'" + TextCleaner.clean($0).replacingOccurrences(of: "\n", with: " ") + "'" }.joined(separator: ", ")
            text += "\n# Imported from an Open Referral feed on \(today) (the term \(terms)): check its name,\n"
            text += "# add a description, or map the term to another topic in the import's mapping file.\n"
            text += t.slug + ":\n  name: " + YAMLWriter.scalar(t.name) + "\n"
            report.topicsAdded.append("\(t.slug)  '\(t.name)'  (from \(terms))")
        }
        try CardFiles.write(text, to: path, replacing: FileManager.default.fileExists(atPath: path))
    }
}
