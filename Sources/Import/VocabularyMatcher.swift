internal import Content
internal import Foundation

/// Finds the directory's topics for a feed's terms and its regions for a feed's places:
/// first by the maintainer's mapping, then by the vocabularies' own names (a topic's name,
/// slug or aliases; a region's name, places and postcode prefixes). A term that matches
/// no topic becomes a new topic, added to topics.yml and marked as imported.
struct VocabularyMatcher {
    let mapping: ImportMapping
    let topics: [Topic]
    let regions: [Region]
    /// Topics this import adds: slug → (name, the terms it stands for).
    private(set) var newTopics: [(slug: String, name: String, terms: [String])] = []
    /// How each term or place was matched, once each, for the report.
    private(set) var mapped: [String: String] = [:]

    /// A topic's name, slug or alias, folded (`fold`) → the first topic that has it.
    private let topicByWord: [String: String]
    /// A region's name or place, folded → the first region that has it.
    private let regionByWord: [String: String]

    init(mapping: ImportMapping, topics: [Topic], regions: [Region]) {
        self.mapping = mapping
        self.topics = topics
        self.regions = regions
        // Folded once here, not for every word of every service: folding the vocabularies
        // again for each word was two fifths of an import.
        var topicByWord: [String: String] = [:]
        for topic in topics {
            for word in [topic.name, topic.slug] + topic.aliases where topicByWord[Self.fold(word)] == nil { topicByWord[Self.fold(word)] = topic.slug }
        }
        var regionByWord: [String: String] = [:]
        for region in regions {
            for word in [region.name] + region.places where regionByWord[Self.fold(word)] == nil { regionByWord[Self.fold(word)] = region.slug }
        }
        (self.topicByWord, self.regionByWord) = (topicByWord, regionByWord)
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    // MARK: Topics

    /// The topics for a term such as `Older People>Dementia`: the mapping's for the whole
    /// path or, most specific first, for one of its parts; else an existing topic named by
    /// its last part; else a new topic. Nil when the mapping leaves the term out.
    mutating func topics(for term: String) -> [String] {
        let parts = term.split(separator: ">").map { TextCleaner.clean(String($0)) }.filter { !$0.isEmpty }
        guard let last = parts.last else { return [] }
        for key in [term] + parts.reversed() {
            if let slugs = mapping.topics[key.trimmingCharacters(in: .whitespaces).lowercased()] {
                note(term, slugs.isEmpty ? "left out, as the mapping says" : "→ " + slugs.joined(separator: ", ") + " (by the mapping)")
                return slugs
            }
        }
        for part in parts.reversed() {
            if let slug = topicByWord[Self.fold(part)] {
                note(term, "→ \(slug) (by the topic's name)")
                return [slug]
            }
        }
        let slug = SlugMaker.slug(last, maxLength: 80)
        guard !slug.isEmpty else { return [] }
        if let i = newTopics.firstIndex(where: { $0.slug == slug }) {
            if !newTopics[i].terms.contains(term) { newTopics[i].terms.append(term) }
        } else if topics.contains(where: { $0.slug == slug }) {
            return [slug]
        } else {
            newTopics.append((slug, String(last.prefix(120)), [term]))
        }
        return [slug]
    }

    private mutating func note(_ word: String, _ how: String) {
        if mapped[word] == nil { mapped[word] = how }
    }

    // MARK: Regions

    /// The regions for a service's areas, towns, counties, place names and postcodes.
    mutating func regions(places: [String], postcodes: [String]) -> [String] {
        var out: [String] = []
        func add(_ slug: String) { if !out.contains(slug) { out.append(slug) } }
        for place in places {
            let key = place.trimmingCharacters(in: .whitespaces).lowercased()
            if let slug = mapping.regions[key] {
                note(place, "→ \(slug) (by the mapping)")
                add(slug)
                continue
            }
            if let slug = regionByWord[Self.fold(place)] {
                note(place, "→ \(slug) (by the region's name or places)")
                add(slug)
            }
        }
        for postcode in postcodes {
            let compact = postcode.replacingOccurrences(of: " ", with: "").uppercased()
            let outward = String(compact.dropLast(3))
            let area = String(outward.prefix { $0.isLetter })
            let mapped = mapping.regions
            if let slug = [compact, outward, area].compactMap({ mapped[$0.lowercased()] }).first {
                note(postcode, "→ \(slug) (by the mapping)")
                add(slug)
                continue
            }
            var best: (slug: String, length: Int)?
            for region in regions {
                for prefix in region.postcodes where outward.hasPrefix(prefix.uppercased()) && isPrefixBoundary(prefix, of: outward) {
                    if prefix.count > (best?.length ?? 0) { best = (region.slug, prefix.count) }
                }
            }
            if let best {
                note(outward, "→ \(best.slug) (by the region's postcodes)")
                add(best.slug)
            }
        }
        return out
    }

    /// True when `prefix` is a whole area (`M` of `M1` but not of `ME1`) or a district of `outward`.
    func isPrefixBoundary(_ prefix: String, of outward: String) -> Bool {
        guard prefix.count < outward.count else { return prefix.count == outward.count }
        let next = outward[outward.index(outward.startIndex, offsetBy: prefix.count)]
        return prefix.last?.isLetter == true ? next.isNumber : true
    }
}

/// Slugs made from names: letters without accents, in small letters, words joined by hyphens.
enum SlugMaker {
    static func slug(_ name: String, maxLength: Int) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "&", with: " and ")
        let words = folded.split { !(($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9")) }
        var out = ""
        for word in words {
            let next = out.isEmpty ? String(word) : out + "-" + word
            if next.count > maxLength { break }
            out = next
        }
        if out.isEmpty, let first = words.first { out = String(first.prefix(maxLength)) }
        return out
    }

    static func isSlug(_ s: String) -> Bool { Slug.isValid(s) }
}
