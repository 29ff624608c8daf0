internal import Foundation
internal import Content

/// Turns a feed's schedules into a card's `meets`: regular meetings where the schedule
/// says days and times in RFC 5545's terms or by weekday, words where it says them only
/// in words. A schedule that fits neither is kept as a fact.
enum ScheduleConverter {
    struct Result {
        var meets: Meets?
        var facts: [FeedFact] = []
        var cut: Bool = false
    }

    static func convert(_ schedules: [FeedSchedule]) -> Result {
        var result = Result()
        var meetings: [Meeting] = []
        var words: [String] = []
        for s in schedules {
            if let converted = regular(s) {
                for m in converted { merge(m, into: &meetings) }
                // A closing time a meeting cannot say (not after its opening) is kept in words.
                if let closes = s.closesAt, converted.contains(where: { $0.end == nil }) {
                    result.facts.append(FeedFact(path: s.path + ".closes_at", value: closes))
                }
                if let d = s.description { result.facts.append(FeedFact(path: s.path + ".description", value: d)) }
            } else if let d = s.description {
                words.append(d)
            } else if s.byday != nil || s.weekday != nil || s.opensAt != nil {
                let said = [s.freq, s.byday, s.weekday, s.opensAt, s.closesAt].compactMap { $0 }.joined(separator: " ")
                result.facts.append(FeedFact(path: s.path, value: said))
            }
        }
        if !meetings.isEmpty, meetings.count <= ContentLimits.meetingsPerCard {
            result.meets = .regular(meetings)
            for w in words { result.facts.append(FeedFact(path: "schedule", value: w)) }
        } else {
            for m in meetings { words.insert(line(m), at: 0) }
            let joined = words.joined(separator: "; ")
            if !joined.isEmpty {
                let (text, wasCut) = TextCut.cut(joined, max: 280)
                result.meets = .text(text)
                if wasCut { result.cut = true; result.facts.append(FeedFact(path: "schedule", value: joined)) }
            }
        }
        return result
    }

    /// A meeting in plain words, for when regular meetings go into words.
    static func line(_ m: Meeting) -> String {
        let days = m.days.map(\.name).joined(separator: ", ")
        let times = [m.start?.description, m.end?.description].compactMap { $0 }.joined(separator: " to ")
        return ([m.frequency.rawValue.capitalized, m.weeks.map(\.rawValue).joined(separator: ", "), days, times].filter { !$0.isEmpty })
            .joined(separator: " ")
    }

    /// Days the same in frequency, weeks and times join one meeting.
    static func merge(_ m: Meeting, into meetings: inout [Meeting]) {
        if let i = meetings.firstIndex(where: { $0.frequency == m.frequency && $0.weeks == m.weeks && $0.start == m.start && $0.end == m.end }) {
            for d in m.days where !meetings[i].days.contains(d) { meetings[i].days.append(d) }
        } else {
            meetings.append(m)
        }
    }

    /// One meeting for each week of the month the schedule names (one for a weekly one);
    /// nil when it names no day or a frequency a card cannot say.
    static func regular(_ s: FeedSchedule) -> [Meeting]? {
        let freq = (s.freq ?? "WEEKLY").uppercased()
        let interval = Int(s.interval ?? 1)
        var byWeek: [Int: [Weekday]] = [:]
        var order: [Int] = []
        let tokens = (s.byday ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        for token in tokens where !token.isEmpty {
            let code = String(token.suffix(2))
            let ordinal = token.count > 2 ? Int(token.dropLast(2)) : 0
            guard let day = Weekday.allCases.first(where: { $0.code == code }), let ordinal else { return nil }
            if byWeek[ordinal] == nil { order.append(ordinal) }
            byWeek[ordinal, default: []].append(day)
        }
        if let w = s.weekday {
            guard let day = Weekday(rawValue: w.lowercased()) ?? Weekday.allCases.first(where: { $0.code == w.uppercased() }) else { return nil }
            if byWeek[0] == nil { order.append(0) }
            byWeek[0, default: []].append(day)
        }
        guard !order.isEmpty else { return nil }
        let start = time(s.opensAt)
        var end = time(s.closesAt)
        if let e = end, let st = start, e <= st { end = nil }
        if start == nil { end = nil }
        switch (freq, interval) {
        case ("WEEKLY", 1), ("WEEKLY", 2):
            guard order == [0], let days = byWeek[0] else { return nil }
            return [Meeting(frequency: interval == 2 ? .fortnightly : .weekly, days: days, start: start, end: end)]
        case ("MONTHLY", 1):
            var out: [Meeting] = []
            for ordinal in order {
                guard let week = WeekOfMonth.allCases.first(where: { $0.ordinal == ordinal }), let days = byWeek[ordinal] else { return nil }
                out.append(Meeting(frequency: .monthly, days: days, weeks: [week], start: start, end: end))
            }
            return out
        default:
            return nil
        }
    }

    /// `HH:MM`, from `HH:MM`, `HH:MM:SS` or either with a zone.
    static func time(_ text: String?) -> ClockTime? {
        guard let text else { return nil }
        return ClockTime(String(text.prefix(5)))
    }
}
