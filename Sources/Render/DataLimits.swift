/// How large the data files may grow before they are split: index.json's files of
/// entries (docs/index-json.md) and the sitemap (the sitemap protocol's limits).
/// The build uses `standard`; the tests inject small limits to see the splitting.
public struct DataLimits: Sendable, Equatable {
    /// Entries (cards or guides) in one file of index.json at most.
    public var entriesPerFile: Int
    /// Bytes of one file of entries at most. An entry larger than this on its own
    /// gets a file to itself (a card's text is bounded, so this cannot grow far).
    public var bytesPerFile: Int
    /// Addresses in one sitemap file at most.
    public var sitemapAddresses: Int
    /// Bytes of one sitemap file at most.
    public var sitemapBytes: Int

    /// 1,000 entries or 8 MiB a file of entries (about 5.5 MB at 1,000 typical cards);
    /// 50,000 addresses or 50 MiB a sitemap, the protocol's limits.
    public static let standard = DataLimits(entriesPerFile: 1000, bytesPerFile: 8 << 20,
                                            sitemapAddresses: 50_000, sitemapBytes: 50 << 20)

    public init(entriesPerFile: Int, bytesPerFile: Int, sitemapAddresses: Int, sitemapBytes: Int) {
        self.entriesPerFile = max(1, entriesPerFile)
        self.bytesPerFile = bytesPerFile
        self.sitemapAddresses = max(1, sitemapAddresses)
        self.sitemapBytes = sitemapBytes
    }
}

/// Consecutive runs of items, each within a count and a byte limit: the files a long
/// list is split into. An item larger than the byte limit on its own gets a run of its own;
/// no items, no runs.
enum Runs {
    /// `sizes[i]` is item i's bytes, `separator` the bytes between two items and
    /// `overhead` the bytes of a file around its items.
    static func split(_ sizes: [Int], count limit: Int, bytes byteLimit: Int, separator: Int, overhead: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0, bytes = overhead
        for (i, size) in sizes.enumerated() {
            let added = (i > start ? separator : 0) + size
            if i > start && (i - start >= limit || bytes + added > byteLimit) {
                runs.append(start..<i)
                start = i
                bytes = overhead + size
            } else {
                bytes += added
            }
        }
        if start < sizes.count { runs.append(start..<sizes.count) }
        return runs
    }
}
