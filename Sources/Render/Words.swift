internal import YAML
internal import Content

/// The words whoswho writes into pages itself (page titles and descriptions, headings it
/// makes from names, dates, labels, meeting times, the names of languages, the
/// spreadsheets' column descriptions), read from the theme's `words/LANG.yml` so that a theme in
/// another language needs no change to whoswho (docs/themes.md). A value's `{name}`s are
/// filled in when it is used.
public struct Words: Sendable {
    let table: [String: String]

    init(_ table: [String: String]) { self.table = table }

    /// The built-in default theme's English words: those of the open data that stays in
    /// English whatever the site's language (Open Referral UK).
    public static let english: Words = (try? load(layers: [.builtIn], language: "en")) ?? Words([:])

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
        let missing = allKeys.filter { table[$0] == nil }.sorted()
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
            guard allKeys.contains(key) else {
                throw ThemeError(message: "\(file.source):\(pair.key.mark.line):\(pair.key.mark.column): '\(key)' is not a word whoswho uses (see themes/default/words/en.yml)")
            }
            table[key] = value
        }
    }
}
