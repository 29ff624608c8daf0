internal import Content

/// Paths of the site's pages, from the site root, always ending in `/` for pages.
public enum SitePath {
    public static let cards = "cards/"
    public static let guides = "guides/"
    public static let topics = "topics/"
    public static let regions = "regions/"
    public static let search = "search/"
    public static func card(_ slug: String) -> String { "cards/\(slug)/" }
    public static func guide(_ slug: String) -> String { "guides/\(slug)/" }
    public static func topic(_ slug: String) -> String { "topics/\(slug)/" }
    public static func region(_ slug: String) -> String { "regions/\(slug)/" }
    public static func topicRegion(_ topic: String, _ region: String) -> String { "topics/\(topic)/\(region)/" }

    /// The relative path from a page at `path` back to the site root: `../` per folder.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count)
    }

    /// The file a page is written to: `cards/x/` → `cards/x/index.html`.
    public static func file(for path: String) -> String { path.isEmpty ? "index.html" : path + "index.html" }

    /// The absolute URL of `path` when a base URL is known.
    public static func absolute(_ path: String, base: String?) -> String? { base.map { $0 + path } }
}

/// Dates written for people: `12 May 2023`.
enum DateText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    static func display(_ d: ContentDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    /// RFC 3339 at midnight UTC, for feeds.
    static func rfc3339(_ d: ContentDate) -> String { "\(d)T00:00:00Z" }
}
