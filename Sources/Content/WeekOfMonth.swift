/// Which week of the month a monthly meeting falls in.
public enum WeekOfMonth: String, Sendable, CaseIterable, Codable {
    case first, second, third, fourth, last

    /// The RFC 5545 ordinal written before a day code: `1` for the first, `-1` for the last.
    public var ordinal: Int {
        switch self {
        case .first: return 1
        case .second: return 2
        case .third: return 3
        case .fourth: return 4
        case .last: return -1
        }
    }
}
