/// How large one page or file of the site should be at most. Unlike `OutputBudget` it
/// stops nothing: a page over it is named in a warning with its size, so that a theme
/// change or a growing list that makes pages heavy on a phone is seen at once.
public struct SizeBudget: Sendable, Equatable {
    /// An HTML page.
    public var pageBytes: Int
    /// Any other file (index.json, a search shard, a feed, a static file).
    public var fileBytes: Int

    /// 150 KB a page, 25 MiB a file (the most Cloudflare Pages takes).
    public static let standard = SizeBudget(pageBytes: 150 * 1024, fileBytes: 25 << 20)

    public init(pageBytes: Int, fileBytes: Int) {
        self.pageBytes = pageBytes
        self.fileBytes = fileBytes
    }

    /// A warning for `path` of `bytes`, or nil when it is within its budget.
    public func warning(path: String, bytes: Int) -> SizeWarning? {
        let limit = path.hasSuffix(".html") ? pageBytes : fileBytes
        guard bytes > limit else { return nil }
        return SizeWarning(path: path, bytes: bytes, limit: limit)
    }

    /// Bytes for people: `512 KB`, `3.4 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\((bytes + 1023) / 1024) KB" }
        let tenths = (bytes * 10 + (1 << 20) / 2) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// One page or file of the site over its size budget.
public struct SizeWarning: Sendable, Equatable {
    /// The path under the site root.
    public var path: String
    public var bytes: Int
    /// The budget it is over.
    public var limit: Int

    /// The warning in words: `topics/carers/index.html is 512 KB, over the 150 KB a page …`.
    public var message: String {
        "\(path) is \(SizeBudget.size(bytes)), over the \(SizeBudget.size(limit)) a \(path.hasSuffix(".html") ? "page" : "file") of the site should be at most"
    }

    /// Largest first, then by path: the order the command line shows them in.
    public static func ordered(_ warnings: [SizeWarning]) -> [SizeWarning] {
        warnings.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : $0.path < $1.path }
    }
}
