internal import Foundation
internal import YAML

/// The maintainer's mapping from a feed's words to the directory's: taxonomy terms and
/// target audiences to topics, service areas, towns and postcodes to regions. Written in
/// YAML; docs/open-data.md describes it:
///
/// ```yaml
/// topics:
///   "Older People>Dementia": dementia     # a term, or a whole audience path
///   Carers: [carers, mental-health]       # one term to several topics
///   Adults: []                            # a term to leave out
/// regions:
///   North Lincolnshire: yorkshire-and-the-humber   # a service area, town, county or place name
///   DN15: yorkshire-and-the-humber                 # a postcode area or district
/// ```
///
/// Keys are matched without regard to case or surrounding spaces.
public struct ImportMapping: Sendable {
    /// Term (in small letters) → topic slugs; an empty list leaves the term out.
    var topics: [String: [String]] = [:]
    /// Place name or postcode prefix (in small letters) → region slug.
    var regions: [String: String] = [:]
    /// Where each slug was written, for messages about slugs that do not exist.
    var marks: [String: Mark] = [:]

    /// A mapping that maps nothing: the vocabularies' own names are used.
    public init() {}

    /// Reads a mapping file; a problem is an error at its line and column.
    public static func read(path: String) throws(ImportFailure) -> ImportMapping {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ImportFailure("cannot read the mapping file '\(path)'")
        }
        let root: Node?
        do { root = try YAMLParser.parse(text) } catch {
            throw ImportFailure("\(path):\(error.mark.line):\(error.mark.column): error: \(error.message)")
        }
        var mapping = ImportMapping()
        guard let root else { return mapping }
        guard case .mapping(let pairs) = root.value else {
            throw ImportFailure("\(path):\(root.mark.line):\(root.mark.column): error: the mapping file should hold 'topics:' and 'regions:', each a list of 'word: slug' lines")
        }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            guard key == "topics" || key == "regions" else {
                throw ImportFailure("\(path):\(pair.key.mark.line):\(pair.key.mark.column): error: unknown section '\(key)'; a mapping file has 'topics:' and 'regions:'")
            }
            guard case .mapping(let entries) = pair.value.value else {
                if pair.value.isNull { continue }
                throw ImportFailure("\(path):\(pair.value.mark.line):\(pair.value.mark.column): error: '\(key)' should hold lines of 'word: slug'")
            }
            for entry in entries {
                guard let word = entry.key.scalar?.trimmingCharacters(in: .whitespaces).lowercased(), !word.isEmpty else { continue }
                let slugs = try Self.slugs(entry.value, path: path)
                for slug in slugs { mapping.marks[slug] = mapping.marks[slug] ?? entry.value.mark }
                if key == "topics" {
                    mapping.topics[word] = slugs
                } else {
                    guard slugs.count == 1 else {
                        throw ImportFailure("\(path):\(entry.value.mark.line):\(entry.value.mark.column): error: '\(entry.key.scalar ?? "")' should map to one region's slug")
                    }
                    mapping.regions[word] = slugs[0]
                }
            }
        }
        return mapping
    }

    /// A slug, or a list of them; every one must be a slug.
    static func slugs(_ node: Node, path: String) throws(ImportFailure) -> [String] {
        var items: [Node] = []
        switch node.value {
        case .scalar: items = node.isNull ? [] : [node]
        case .sequence(let list): items = list
        case .mapping: items = [node]
        }
        var out: [String] = []
        for item in items {
            guard let slug = item.scalar, SlugMaker.isSlug(slug) else {
                throw ImportFailure("\(path):\(item.mark.line):\(item.mark.column): error: '\(item.scalar ?? item.kindDescription)' is not a topic's or region's slug (lower-case letters, digits and single hyphens)")
            }
            out.append(slug)
        }
        return out
    }
}

/// A reason the import could not run at all: a usage or I/O problem, exit status 2.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
