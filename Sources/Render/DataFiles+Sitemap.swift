internal import Support
internal import Content

/// The sitemap: one `sitemap.xml` while it stays within the protocol's limits (50,000
/// addresses, 50 MiB); past them, `sitemap.xml` becomes a sitemap index pointing to
/// `sitemap-1.xml`, `sitemap-2.xml`…, each within the limits. The parts sit beside it at
/// the site's top, as a sitemap may list only addresses under its own folder.
extension DataFiles {
    /// The sitemap's `<url>` lines with their last changes, in the order of the site's
    /// pages (`SitePages.sitemapEntries()`).
    static func sitemapLines(of pages: SitePages, base: String?) -> [(line: String, date: ContentDate?)] {
        pages.sitemapEntries().map { path, date in
            var line = "  <url><loc>\(XMLText.escape(location(path, base: base)))</loc>"
            if let date { line += "<lastmod>\(date)</lastmod>" }
            return (line + "</url>\n", date)
        }
    }

    /// A page's address in the sitemap: absolute with a base URL, else a path from the root.
    static func location(_ path: String, base: String?) -> String { base.map { $0 + path } ?? "/" + path }

    static let sitemapHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    static let sitemapTail = "</urlset>\n"

    /// The runs of addresses each sitemap file holds: one run while they fit one file.
    static func sitemapRuns(_ lines: [(line: String, date: ContentDate?)], limits: DataLimits) -> [Range<Int>] {
        let runs = Runs.split(lines.map(\.line.utf8.count), count: limits.sitemapAddresses, bytes: limits.sitemapBytes,
                              separator: 0, overhead: sitemapHead.utf8.count + sitemapTail.utf8.count)
        return runs.isEmpty ? [0..<0] : runs
    }

    /// The path of sitemap part `n` (from 1), when the sitemap is split.
    static func sitemapPart(_ n: Int) -> String { Route.sitemapPart(n).path }

    /// The sitemap parts' paths; empty while one sitemap.xml holds every address.
    var sitemapParts: [String] {
        sitemapRuns.count > 1 ? (1...sitemapRuns.count).map(Self.sitemapPart) : []
    }

    /// sitemap.xml: every address, or, when split, the sitemap index.
    public func sitemap() -> String {
        let lines = sitemapLines
        guard sitemapRuns.count > 1 else { return urlset(lines[...]) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (n, run) in sitemapRuns.enumerated() {
            out += "  <sitemap><loc>\(XMLText.escape(Self.location(Self.sitemapPart(n + 1), base: base)))</loc>"
            if let newest = lines[run].compactMap(\.date).max() { out += "<lastmod>\(newest)</lastmod>" }
            out += "</sitemap>\n"
        }
        return out + "</sitemapindex>\n"
    }

    /// Sitemap part `n` (from 1) of a split sitemap.
    func sitemapPart(number n: Int) -> String {
        urlset(sitemapLines[sitemapRuns[n - 1]])
    }

    func urlset(_ lines: ArraySlice<(line: String, date: ContentDate?)>) -> String {
        var out = Self.sitemapHead
        for entry in lines { out += entry.line }
        return out + Self.sitemapTail
    }
}
