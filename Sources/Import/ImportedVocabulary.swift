internal import Foundation

/// The topics and regions an import wrote on a card, recorded in a comment inside its
/// marked section (`<!-- whoswho import wrote: topics: a, b; regions: c -->`), so that the
/// next `--update` can tell them from those a maintainer added or removed by hand.
///
/// An update changes a card's list by what changed in the feed or the mapping since then:
/// it removes what the import wrote before and would not write now, and adds what it would
/// write now and did not write before. What the maintainer added stays; what they removed
/// stays removed, while the feed and the mapping still give it.
struct ImportedVocabulary: Equatable {
    var topics: [String]
    var regions: [String]

    static let prefix = "<!-- whoswho import wrote: "

    /// The comment, on one line.
    var comment: String {
        Self.prefix + "topics: " + topics.joined(separator: ", ") + "; regions: " + regions.joined(separator: ", ") + " -->"
    }

    /// The record in a card's text, when it has one.
    static func recorded(in text: String) -> ImportedVocabulary? {
        guard let start = text.range(of: prefix) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.range(of: " -->") else { return nil }
        var found = ImportedVocabulary(topics: [], regions: [])
        var sawTopics = false, sawRegions = false
        for part in rest[..<end.lowerBound].split(separator: ";") {
            let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            let slugs = pair[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter(SlugMaker.isSlug)
            switch pair[0] {
            case "topics": found.topics = slugs; sawTopics = true
            case "regions": found.regions = slugs; sawRegions = true
            default: continue
            }
        }
        return sawTopics && sawRegions ? found : nil
    }

    /// The card's list after an update: `card` less what the import wrote before (`before`)
    /// and does not write now, plus what it writes now (`now`) and did not before, in the
    /// card's order and then the feed's; at most `limit`, the rest returned as `left`.
    static func merge(card: [String], before: [String], now: [String], limit: Int) -> (list: [String], left: [String]) {
        let dropped = Set(before).subtracting(now)
        var out = card.filter { !dropped.contains($0) }
        for slug in now where !before.contains(slug) && !out.contains(slug) { out.append(slug) }
        return (Array(out.prefix(limit)), Array(out.dropFirst(limit)))
    }
}
