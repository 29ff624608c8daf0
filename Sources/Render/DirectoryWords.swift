public import Content

/// A card's directory fields in plain words, as its page and the open data exports say
/// them: meetings ("Tuesdays, 10:00 to 12:00", "The first Monday of the month, from
/// 19:00") and costs, each sentence a template from the theme's words (`meets_…`,
/// `list_…`), so that a language with another word order can say it its own way.
public struct DirectoryWords: Sendable {
    /// The theme's words, in the site's language.
    public let words: Words

    /// Says a card's directory fields in `words`.
    public init(_ words: Words) { self.words = words }

    /// In the built-in English, for the open data that stays in English (Open Referral UK).
    public static let english = DirectoryWords(.english)

    /// One line for each meeting, or the card's own words.
    public func lines(_ meets: Meets) -> [String] {
        switch meets {
        case .text(let text): return [text]
        case .regular(let meetings): return meetings.map(line)
        }
    }

    /// One meeting in words.
    public func line(_ meeting: Meeting) -> String {
        let when = when(meeting)
        let out: String
        switch (meeting.start, meeting.end) {
        case (let start?, let end?): out = words(.meetsFromTo, ["when": when, "start": start.description, "end": end.description])
        case (let start?, nil): out = words(.meetsFrom, ["when": when, "start": start.description])
        default: out = when
        }
        guard let note = meeting.note else { return out }
        return words(.meetsNote, ["meeting": out, "note": note])
    }

    /// The days part: "Tuesdays and Thursdays", "Every other Wednesday", "The last Friday of the month".
    func when(_ meeting: Meeting) -> String {
        let days = meeting.days
        let singular = list(days.map(words.name))
        switch meeting.frequency {
        case .weekly:
            let set = Set(days)
            if set.count == 7 { return words(.meetsEveryDay) }
            if set == [.monday, .tuesday, .wednesday, .thursday, .friday] { return words(.meetsWeekdays) }
            if set == [.saturday, .sunday] { return words(.meetsWeekends) }
            return words(.meetsWeekly, ["days": list(days.map(words.plural))])
        case .fortnightly:
            return words(.meetsFortnightly, ["day": singular])
        case .monthly:
            return words(.meetsMonthly, ["weeks": list(meeting.weeks.map(words.name)), "day": singular])
        }
    }

    /// "a", "a and b", "a, b and c": the theme's `list_and` (or `list_or`), its `{items}`
    /// all but the last, joined by `list_comma`.
    func list(_ items: [String], joining key: Words.Key = .listAnd) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return words(key, ["items": items.dropLast().joined(separator: words(.listComma)), "last": last])
    }

    /// What a cost says: "Free", or the card's words.
    public func cost(_ cost: Cost) -> String {
        switch cost {
        case .free: return words(.costFree)
        case .text(let text): return text
        }
    }

    /// The ways in, short, for a list entry: "Self-referral or drop in"; nil for none.
    public func waysIn(_ referral: [Referral]) -> String? {
        guard !referral.isEmpty else { return nil }
        let joined = list(referral.map(words.shortLabel), joining: .listOr)
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }
}
