import Content
@testable import Import
import Testing

/// A feed's schedules become regular meetings where a card can say them, and words or
/// facts where it cannot: no day, time or note is lost.
@Suite struct ScheduleConverterTests {
    func schedule(_ freq: String? = nil, interval: Double? = nil, byday: String? = nil, weekday: String? = nil, opens: String? = nil,
                  closes: String? = nil, words: String? = nil) -> FeedSchedule {
        FeedSchedule(path: "schedules[1]", freq: freq, interval: interval, byday: byday, weekday: weekday, opensAt: opens, closesAt: closes,
                     description: words)
    }

    @Test func rfc5545DaysBecomeMeetings() {
        let weekly = ScheduleConverter.convert([schedule("WEEKLY", byday: "TU,TH", opens: "10:00:00", closes: "12:00+01:00")])
        #expect(weekly.meets == .regular([Meeting(frequency: .weekly, days: [.tuesday, .thursday], start: ClockTime("10:00"), end: ClockTime("12:00"))]))
        let fortnightly = ScheduleConverter.convert([schedule("WEEKLY", interval: 2, byday: "WE")])
        #expect(fortnightly.meets == .regular([Meeting(frequency: .fortnightly, days: [.wednesday])]))
        let monthly = ScheduleConverter.convert([schedule("MONTHLY", byday: "1MO,-1FR", opens: "18:30")])
        #expect(monthly.meets == .regular([Meeting(frequency: .monthly, days: [.monday], weeks: [.first], start: ClockTime("18:30")),
                                           Meeting(frequency: .monthly, days: [.friday], weeks: [.last], start: ClockTime("18:30"))]))
    }

    @Test func oneRowADayJoinsOneMeeting() {
        let rows = ScheduleConverter.convert([schedule(weekday: "Monday", opens: "18:30", closes: "20:00"),
                                              schedule(weekday: "Thursday", opens: "18:30", closes: "20:00")])
        #expect(rows.meets == .regular([Meeting(frequency: .weekly, days: [.monday, .thursday], start: ClockTime("18:30"), end: ClockTime("20:00"))]))
    }

    @Test func whatACardCannotSayIsKept() {
        let words = ScheduleConverter.convert([schedule(words: "Most weekday afternoons; ring first")])
        #expect(words.meets == .text("Most weekday afternoons; ring first"))
        let odd = ScheduleConverter.convert([schedule("MONTHLY", byday: "5MO"), schedule(weekday: "Monday", opens: "20:00", closes: "19:00")])
        #expect(odd.meets == .regular([Meeting(frequency: .weekly, days: [.monday], start: ClockTime("20:00"))]))
        #expect(odd.facts == [FeedFact(path: "schedules[1]", value: "MONTHLY 5MO"), FeedFact(path: "schedules[1].closes_at", value: "19:00")])
    }
}
