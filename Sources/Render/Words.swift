internal import YAML
internal import Content

/// The words whoswho writes into pages itself (page titles and descriptions, headings it
/// makes from names, dates), read from the theme's `words/LANG.yml` so that a theme in
/// another language needs no change to whoswho (docs/themes.md). A value's `{name}`s are
/// filled in when it is used.
public struct Words: Sendable {
    /// Every word whoswho asks a theme for.
    enum Key: String, CaseIterable, Sendable {
        case pageOf = "page_of"
        case azTitle = "az_title", azDescription = "az_description"
        case guidesTitle = "guides_title", guidesDescription = "guides_description"
        case topicsTitle = "topics_title", topicsDescription = "topics_description"
        case topicHeading = "topic_heading", topicDescription = "topic_description"
        case topicRegionHeading = "topic_region_heading"
        case topicRegionDescriptionOne = "topic_region_description_one", topicRegionDescription = "topic_region_description"
        case regionsTitle = "regions_title", regionsDescription = "regions_description"
        case regionHeading = "region_heading", regionDescription = "region_description"
        case searchTitle = "search_title", searchDescription = "search_description"
        case notFoundTitle = "not_found_title", notFoundDescription = "not_found_description"
        case movedTitle = "moved_title", movedDescription = "moved_description"
        case lookingForTitle = "looking_for_title", lookingForDescription = "looking_for_description"
        case evidenceTitle = "evidence_title", evidenceDescription = "evidence_description"
        case coverageTitle = "coverage_title", coverageDescription = "coverage_description"
        case coverageNone = "coverage_none", coverageOne = "coverage_one", coverageMany = "coverage_many"
        case coverageRange = "coverage_range"
        case downloadPart = "download_part", downloadCards = "download_cards", downloadCoverage = "download_coverage"
        case downloadMetadata = "download_metadata", downloadIndex = "download_index"
        case downloadOpenReferral = "download_open_referral"
        case mapOf = "map_of", thisPlace = "this_place", morePlaces = "more_places"
        case problemTitle = "problem_title", problemBody = "problem_body"
        case date
        case month1 = "month_1", month2 = "month_2", month3 = "month_3", month4 = "month_4", month5 = "month_5"
        case month6 = "month_6", month7 = "month_7", month8 = "month_8", month9 = "month_9", month10 = "month_10"
        case month11 = "month_11", month12 = "month_12"
    }

    private let table: [String: String]

    init(_ table: [String: String]) { self.table = table }

    /// The word `key`, with each `{name}` in it replaced by `values[name]`.
    func callAsFunction(_ key: Key, _ values: [String: String] = [:]) -> String {
        let text = table[key.rawValue] ?? key.rawValue
        guard !values.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A day as readers write it: `12 May 2023`.
    func date(_ d: ContentDate) -> String {
        let monthName = Key(rawValue: "month_\(d.month)").map { self($0) } ?? String(d.month)
        return self(.date, ["day": String(d.day), "month": monthName, "year": String(d.year)])
    }

    /// The words of the theme's layers for `language` (a BCP 47 tag such as `cy-GB`):
    /// each layer's `words/en.yml`, then its `words/LANG.yml`, later files overriding
    /// earlier ones key by key, on top of the built-in default theme's, so that a copy
    /// of the default theme made before it had words still has them all.
    static func load(layers: [ThemeLayer], language: String) throws(ThemeError) -> Words {
        let layers = layers.first == .builtIn ? layers : [.builtIn] + layers
        let primary = String(language.split(separator: "-").first ?? "en").lowercased()
        var names = ["words/en.yml"]
        if primary != "en" { names.append("words/\(primary).yml") }
        var table: [String: String] = [:]
        for layer in layers {
            let files = layer.files(in: "words")
            for name in names {
                guard let file = files.first(where: { $0.themePath == name }) else { continue }
                try read(file, into: &table)
            }
        }
        let missing = Key.allCases.filter { table[$0.rawValue] == nil }.map(\.rawValue)
        guard missing.isEmpty else {
            throw ThemeError(message: "the theme's words (words/\(primary).yml) lack \(missing.joined(separator: ", ")), and so does the default theme")
        }
        return Words(table)
    }

    /// Reads one words file: a mapping of keys to text.
    static func read(_ file: ThemeFile, into table: inout [String: String]) throws(ThemeError) {
        let text = try file.text()
        let root: Node?
        do { root = try YAMLParser.parse(text) } catch {
            throw ThemeError(message: "\(file.source):\(error.mark.line):\(error.mark.column): \(error.message)")
        }
        guard let root else { return }
        guard case .mapping(let pairs) = root.value else {
            throw ThemeError(message: "\(file.source):\(root.mark.line):\(root.mark.column): a words file is a list of `key: text` lines, not \(root.kindDescription)")
        }
        for pair in pairs {
            guard let key = pair.key.scalar, let value = pair.value.scalar else {
                throw ThemeError(message: "\(file.source):\(pair.value.mark.line):\(pair.value.mark.column): each word is `key: text` on one line, in quotes where the text holds a colon")
            }
            guard Key(rawValue: key) != nil else {
                throw ThemeError(message: "\(file.source):\(pair.key.mark.line):\(pair.key.mark.column): '\(key)' is not a word whoswho uses (see themes/default/words/en.yml)")
            }
            table[key] = value
        }
    }
}
