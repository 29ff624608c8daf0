public import Content

/// The labels readers see for the values of a card's fields, from the theme's words:
/// `kind_person`, `status_paused`, `format_one_to_one`, `referral_drop_in`, and the name
/// of a language, `language_cy`.
extension Words {
    /// The word named `prefix` and a value (its `-`s written `_`), or the value itself
    /// when there is no such word; every value of the enums below has one (ThemeWordsTests).
    func label(_ prefix: String, _ value: String) -> String {
        let name = prefix + String(value.map { $0 == "-" ? "_" : $0 })
        return Key(rawValue: name).map { self($0) } ?? value
    }

    /// The label of guides among the kinds of entry, for the search filters: `Guide`.
    public var guideLabel: String { self(.guideLabel) }

    /// What a card describes: `Person`.
    public func label(_ kind: Kind) -> String { label("kind_", kind.rawValue) }

    /// Whether a card's support is running: `Paused`.
    public func label(_ status: Status) -> String { label("status_", status.rawValue) }

    /// How support is offered: `One-to-one`.
    public func label(_ format: Format) -> String { label("format_", format.rawValue) }

    /// A way in, in full, for a card's page: `Drop in: just turn up`.
    public func label(_ referral: Referral) -> String { label("referral_", referral.rawValue) }

    /// A way in, short, for a list entry: `drop in`.
    func shortLabel(_ referral: Referral) -> String { label("way_in_", referral.rawValue) }

    /// A day's name: `Tuesday`.
    func name(_ day: Weekday) -> String { label("day_", day.rawValue) }

    /// A day's name in the plural, for a weekly meeting: `Tuesdays`.
    func plural(_ day: Weekday) -> String { label("days_", day.rawValue) }

    /// Which week of the month: `first`, `last`.
    func name(_ week: WeekOfMonth) -> String { label("week_", week.rawValue) }

    /// The name of the language a tag names (`cy` → Welsh, `pt-BR` → Portuguese), from its
    /// first part; nil when the theme's words have no name for it.
    public func language(_ tag: String) -> String? {
        let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return table["language_" + primary]
    }
}
