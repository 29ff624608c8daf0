/// How large one page or file of the site should be at most. Unlike `OutputBudget` it
/// stops nothing: a page over it is named in a warning with its size, so that a theme
/// change or a growing list that makes pages heavy on a phone is seen at once.
public struct SizeBudget: Sendable, Equatable {
    /// An HTML page.
    public var pageBytes: Int
    /// Any other file (index.json, a search shard, a feed, a static file).
    public var fileBytes: Int
    /// The whole site.
    public var siteBytes: Int

    /// 150 KB a page, 25 MiB a file (the most Cloudflare Pages takes), 1 GiB the site
    /// (the most GitHub Pages publishes).
    public static let standard = SizeBudget(pageBytes: 150 * 1024, fileBytes: 25 << 20, siteBytes: 1 << 30)

    public init(pageBytes: Int, fileBytes: Int, siteBytes: Int = SizeBudget.standard.siteBytes) {
        self.pageBytes = pageBytes
        self.fileBytes = fileBytes
        self.siteBytes = siteBytes
    }

    /// A warning for a site of `bytes` in all, or nil when it is within its budget.
    public func siteWarning(bytes: Int) -> SiteSizeWarning? {
        bytes > siteBytes ? SiteSizeWarning(bytes: bytes, limit: siteBytes) : nil
    }

    /// A warning for `path` of `bytes`, or nil when it is within its budget.
    public func warning(path: String, bytes: Int) -> SizeWarning? {
        let limit = path.hasSuffix(".html") ? pageBytes : fileBytes
        guard bytes > limit else { return nil }
        return SizeWarning(path: path, bytes: bytes, limit: limit)
    }

    /// Bytes for people: `512 KB`, `3.4 MB`, `1.2 GB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 * 1024 { return "\((bytes + 1023) / 1024) KB" }
        let shift = bytes < 1 << 30 ? 20 : 30
        let tenths = (bytes * 10 + (1 << shift) / 2) >> shift
        return "\(tenths / 10).\(tenths % 10) \(shift == 20 ? "MB" : "GB")"
    }
}

/// The whole site over its size budget: GitHub Pages, which the project's publish
/// workflow deploys to, publishes sites of at most 1 GB.
public struct SiteSizeWarning: Sendable, Equatable {
    public var bytes: Int
    /// The budget it is over.
    public var limit: Int

    /// The warning in words: `the site is 1.2 GB, over the 1.0 GB budget …`; within the
    /// standard budget it says why, and what to do about it.
    public var message: String {
        let over = "the site is \(SizeBudget.size(bytes)), over the \(SizeBudget.size(limit)) budget for a whole site (--max-site-mb)"
        guard limit <= SizeBudget.standard.siteBytes else { return over }
        return over + ": GitHub Pages publishes sites of at most 1 GB; publish a site this big on a host that takes more, "
            + "and raise --max-site-mb to its limit"
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
