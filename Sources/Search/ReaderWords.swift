internal import Support
public import Content

/// The words readers use for topics and regions, for search.js to read a query with:
/// each topic's other names, each region's places, and the postcode prefixes that lead
/// to regions. Written as `words.json` only when the content has any (docs/search.md).
public struct ReaderWords: Sendable, Equatable {
    /// The file's name in the index folder.
    public static let file = "words.json"

    /// Topic index → its other names.
    public var aliases: [[String]]
    /// Region index → its places.
    public var places: [[String]]
    /// Postcode prefix → the indexes of the regions that list it, in index order.
    public var postcodes: [String: [Int]]

    /// The words of `content`'s vocabularies.
    public init(_ content: Content) {
        aliases = content.topics.map(\.aliases)
        places = content.regions.map(\.places)
        var postcodes: [String: [Int]] = [:]
        for (r, region) in content.regions.enumerated() {
            for prefix in region.postcodes + region.sharedPostcodes { postcodes[prefix, default: []].append(r) }
        }
        self.postcodes = postcodes
    }

    /// True when no topic has another name and no region a place or postcode.
    public var isEmpty: Bool {
        aliases.allSatisfy(\.isEmpty) && places.allSatisfy(\.isEmpty) && postcodes.isEmpty
    }

    /// `{"aliases": [[…], …], "places": [[…], …], "postcodes": {"CF": [12], …}}`, lists
    /// in index order and prefixes sorted.
    public var json: String {
        let s = JSONValue.quoted
        func lists(_ values: [[String]]) -> String {
            "[" + values.map { "[" + $0.map(s).joined(separator: ",") + "]" }.joined(separator: ",\n") + "]"
        }
        let prefixes = postcodes.keys.sorted().map { key in
            s(key) + ":[" + (postcodes[key] ?? []).map(String.init).joined(separator: ",") + "]"
        }
        return "{\"aliases\":" + lists(aliases) + ",\n\"places\":" + lists(places)
            + ",\n\"postcodes\":{" + prefixes.joined(separator: ",") + "}}\n"
    }
}
