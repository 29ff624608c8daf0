import Content
import Render
import Testing

/// Meeting times read as people say them.
@Suite struct DirectoryWordsTests {
    static let ten = ClockTime(hour: 10, minute: 0), noon = ClockTime(hour: 12, minute: 0)

    @Test func weeklyMeetingsNameTheDaysInThePlural() {
        #expect(DirectoryWords.english.line(Meeting(frequency: .weekly, days: [.tuesday], start: Self.ten, end: Self.noon)) == "Tuesdays, 10:00 to 12:00")
        #expect(DirectoryWords.english.line(Meeting(frequency: .weekly, days: [.tuesday, .thursday])) == "Tuesdays and Thursdays")
        #expect(DirectoryWords.english.line(Meeting(frequency: .weekly, days: [.monday, .wednesday, .friday], start: Self.ten))
                == "Mondays, Wednesdays and Fridays, from 10:00")
        #expect(DirectoryWords.english.line(Meeting(frequency: .weekly, days: [.friday, .monday, .tuesday, .wednesday, .thursday])) == "Monday to Friday")
        #expect(DirectoryWords.english.line(Meeting(frequency: .weekly, days: Weekday.allCases)) == "Every day")
        #expect(DirectoryWords.english.line(Meeting(frequency: .weekly, days: [.sunday, .saturday])) == "Saturdays and Sundays")
    }

    @Test func fortnightlyAndMonthlyMeetingsSayWhichWeeks() {
        #expect(DirectoryWords.english.line(Meeting(frequency: .fortnightly, days: [.wednesday], note: "term time only"))
                == "Every other Wednesday (term time only)")
        #expect(DirectoryWords.english.line(Meeting(frequency: .monthly, days: [.monday], weeks: [.first], start: Self.ten, end: Self.noon))
                == "The first Monday of the month, 10:00 to 12:00")
        #expect(DirectoryWords.english.line(Meeting(frequency: .monthly, days: [.thursday], weeks: [.second, .last]))
                == "The second and last Thursday of the month")
    }

    @Test func wordsAreKeptAsWrittenAndCostsSayFree() {
        #expect(DirectoryWords.english.lines(.text("Most evenings; see our website")) == ["Most evenings; see our website"])
        #expect(DirectoryWords.english.cost(.free) == "Free")
        #expect(DirectoryWords.english.cost(.text("£2 a session")) == "£2 a session")
    }
}
