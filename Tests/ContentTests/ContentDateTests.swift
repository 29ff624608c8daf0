import Content
import Testing

/// The date arithmetic the checker measures `updated` with.
@Suite struct ContentDateTests {
    @Test(arguments: [("2026-11-27", "2026-11-28"), ("2026-11-30", "2026-12-01"), ("2026-12-31", "2027-01-01"),
                      ("2028-02-28", "2028-02-29"), ("2027-02-28", "2027-03-01"), ("2100-02-28", "2100-03-01")])
    func theNextDayRollsOverMonthsAndYears(_ day: String, _ next: String) throws {
        #expect(try #require(ContentDate(day)).nextDay.description == next)
    }
}
