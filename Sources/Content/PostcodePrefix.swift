/// The beginning of a UK postcode that a region lists: an area (`CF`, `M`) or a
/// district (`CF10`, `SY16`, `W1A`), never a whole postcode.
public enum PostcodePrefix {
    /// How a prefix is written, for diagnostics.
    static let rule = "a postcode area is one or two letters (CF, M); a district is an area, a digit, and perhaps one more digit or letter (CF10, SY16, W1A)"

    /// The prefix's kind of mistake, in plain words, or nil when it is an area or a district.
    static func problem(_ value: String) -> String? {
        let text = value.uppercased()
        if isValid(text) { return nil }
        let compact = text.filter { $0 != " " }
        if Postcode.isValid(compact) {
            return "'\(value)' is a whole postcode; list its district (\(compact.dropLast(3))) or its area instead"
        }
        return "'\(value)' is not a postcode area or district"
    }

    /// True for an area or a district in capitals.
    public static func isValid(_ text: String) -> Bool {
        let units = Array(text.unicodeScalars)
        var i = 0
        while i < units.count, i < 2, ("A"..."Z").contains(units[i]) { i += 1 }
        guard i >= 1 else { return false }
        if i == units.count { return true }
        guard ("0"..."9").contains(units[i]) else { return false }
        i += 1
        if i < units.count, ("0"..."9").contains(units[i]) || ("A"..."Z").contains(units[i]) { i += 1 }
        return i == units.count
    }
}
