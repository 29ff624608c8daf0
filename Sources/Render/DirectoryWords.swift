public import Content

/// A card's directory fields in plain words, as its page and the open data exports say
/// them: meetings ("Tuesdays, 10:00 to 12:00", "The first Monday of the month, from
/// 19:00") and costs.
public enum DirectoryWords {
    /// One line for each meeting, or the card's own words.
    public static func lines(_ meets: Meets) -> [String] {
        switch meets {
        case .text(let text): return [text]
        case .regular(let meetings): return meetings.map(line)
        }
    }

    /// One meeting in words.
    public static func line(_ meeting: Meeting) -> String {
        var out = when(meeting)
        switch (meeting.start, meeting.end) {
        case (let start?, let end?): out += ", \(start) to \(end)"
        case (let start?, nil): out += ", from \(start)"
        default: break
        }
        if let note = meeting.note { out += " (\(note))" }
        return out
    }

    /// The days part: "Tuesdays and Thursdays", "Every other Wednesday", "The last Friday of the month".
    static func when(_ meeting: Meeting) -> String {
        let days = meeting.days
        let singular = list(days.map(\.name))
        switch meeting.frequency {
        case .weekly:
            let set = Set(days)
            if set.count == 7 { return "Every day" }
            if set == [.monday, .tuesday, .wednesday, .thursday, .friday] { return "Monday to Friday" }
            if set == [.saturday, .sunday] { return "Saturdays and Sundays" }
            return list(days.map { $0.name + "s" })
        case .fortnightly:
            return "Every other \(singular)"
        case .monthly:
            return "The \(list(meeting.weeks.map(\.rawValue))) \(singular) of the month"
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// What a cost says: "Free", or the card's words.
    public static func cost(_ cost: Cost) -> String {
        switch cost {
        case .free: return "Free"
        case .text(let text): return text
        }
    }

    /// The ways in, short, for a list entry: "Self-referral or drop in"; nil for none.
    public static func waysIn(_ referral: [Referral]) -> String? {
        let words = referral.map { r -> String in
            switch r {
            case .selfReferral: return "self-referral"
            case .dropIn: return "drop in"
            case .appointment: return "by appointment"
            case .professionalReferral: return "referral by a professional"
            }
        }
        guard let first = words.first else { return nil }
        let joined = words.count == 1 ? first : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }
}
