internal import Content

/// What a session's last build wrote for each page: the fingerprint of the values the
/// page was rendered with (`PageFingerprint`) and the stamp of the file it wrote, by the
/// file's path. A page of the next build whose fingerprint is the same, with the same
/// compiled theme, renders to the same HTML; while the published file still has its
/// stamp (nothing has written it since), the next build links that file instead of
/// rendering the page again.
struct RenderedPages: Sendable {
    struct Page: Sendable {
        var fingerprint: Int
        var stamp: FileStamp
    }

    /// The compiled theme the pages were rendered with (`SiteSession.themeGeneration`).
    var theme: Int
    var pages: [String: Page] = [:]

    /// The page kept for `file` when its fingerprint is `fingerprint`.
    func kept(_ file: String, fingerprint: Int?) -> Page? {
        guard let fingerprint, let page = pages[file], page.fingerprint == fingerprint else { return nil }
        return page
    }
}
