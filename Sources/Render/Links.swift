internal import Content

/// Dates written for machines (the feeds); the words file writes them for people.
enum DateText {
    /// RFC 3339 at midnight UTC, for feeds.
    static func rfc3339(_ d: ContentDate) -> String { "\(d)T00:00:00Z" }
}
