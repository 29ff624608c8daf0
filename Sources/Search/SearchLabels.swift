public import Content

/// What readers call a card's kinds and formats, and guides, in the site's language:
/// the search page's filters show them, and a search for one of them finds the entries
/// it names ("group", "online"). From the theme's words (`kind_group`, `format_online`,
/// `guide_label`), so that a translated theme translates them too.
public struct SearchLabels: Sendable {
    public var kinds: [Kind: String]
    public var formats: [Format: String]
    public var guide: String

    /// The labels `kind` and `format` give, and `guide` for guides.
    public init(kind: (Kind) -> String, format: (Format) -> String, guide: String) {
        kinds = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, kind($0)) })
        formats = Dictionary(uniqueKeysWithValues: Format.allCases.map { ($0, format($0)) })
        self.guide = guide
    }

    func label(_ kind: Kind) -> String { kinds[kind] ?? kind.rawValue }
    func label(_ format: Format) -> String { formats[format] ?? format.rawValue }
}
