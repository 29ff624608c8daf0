/// One regular meeting: how often, on which days, from when until when.
public struct Meeting: Sendable, Equatable {
    /// Weekly, fortnightly or monthly.
    public var frequency: MeetingFrequency
    /// The days it meets, in the order written; at least one.
    public var days: [Weekday]
    /// For a monthly meeting, which weeks of the month (the first, the last…); empty otherwise.
    public var weeks: [WeekOfMonth]
    /// When it starts and ends, on the 24-hour clock.
    public var start: ClockTime?
    public var end: ClockTime?
    /// A short note, such as "term time only".
    public var note: String?

    /// Creates a meeting.
    public init(frequency: MeetingFrequency, days: [Weekday], weeks: [WeekOfMonth] = [], start: ClockTime? = nil, end: ClockTime? = nil,
                note: String? = nil) {
        self.frequency = frequency
        self.days = days
        self.weeks = weeks
        self.start = start
        self.end = end
        self.note = note
    }
}
