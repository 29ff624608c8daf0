internal import Content

/// Dates written for people: `12 May 2023`.
enum DateText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    static func display(_ d: ContentDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    /// RFC 3339 at midnight UTC, for feeds.
    static func rfc3339(_ d: ContentDate) -> String { "\(d)T00:00:00Z" }
}
