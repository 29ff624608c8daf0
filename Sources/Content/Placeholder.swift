/// The marker `whoswho new` puts in every value a contributor must fill in.
///
/// A value is a placeholder when, trimmed, it is `TODO` alone or `TODO` followed by
/// a colon or a space (`TODO: a topic from topics.yml`). The checker refuses it with
/// a message naming the field, so a new card fails `check` until it is filled.
public enum Placeholder {
    /// The marker itself.
    public static let marker = "TODO"

    /// The same rule as a regular expression (ECMA 262 and Python `re` alike), for
    /// the JSON Schemas: a value matching it is refused.
    public static let pattern = "^\\s*TODO(?:[:\\s]|$)"

    /// True when `value` (already trimmed) is a placeholder.
    public static func isPlaceholder(_ value: String) -> Bool {
        guard value.hasPrefix(marker) else { return false }
        guard let next = value.dropFirst(marker.count).first else { return true }
        return next == ":" || next.isWhitespace
    }

    /// The diagnostic's message for a placeholder left in `key`.
    static func message(_ key: String, _ value: String) -> String {
        let shown = value.count > 80 ? value.prefix(79) + "…" : Substring(value)
        return "replace the placeholder '\(shown)' in '\(key)'"
    }
}
