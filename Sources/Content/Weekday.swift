/// A day of the week, as a card writes it.
public enum Weekday: String, Sendable, CaseIterable, Codable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// "Monday".
    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The RFC 5545 code: `MO`, `TU`…
    public var code: String { String(rawValue.prefix(2)).uppercased() }

    /// 0 for Monday to 6 for Sunday.
    public var number: Int {
        switch self {
        case .monday: return 0
        case .tuesday: return 1
        case .wednesday: return 2
        case .thursday: return 3
        case .friday: return 4
        case .saturday: return 5
        case .sunday: return 6
        }
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.number < b.number }
}
