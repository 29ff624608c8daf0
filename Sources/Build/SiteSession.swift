internal import Foundation
internal import Content
internal import Render

/// What the builds of one site can share, kept from one build to the next: each card
/// and guide file as it was read and parsed, by path and stamp, and the compiled theme,
/// by the stamps of the theme's files. `whoswho serve` keeps one for as long as it runs
/// and hands it to every rebuild, so that a save reads and parses the saved file again,
/// not every file. Everything that looks across files (the checks between files, the
/// graph, the pages, the search index, the writing) runs on every build, so a build with
/// a session gives the same site, byte for byte, as one without.
///
/// An actor: builds that share a session may run at once; each takes what is kept when
/// it starts and leaves what it read when it ends.
public actor SiteSession {
    /// What the last build with this session did.
    public struct Use: Sendable, Equatable {
        /// Card and guide files read from disk: each parsed, or compared with the bytes kept for it.
        public var filesRead = 0
        /// Card and guide files parsed; the rest were taken as the last build left them.
        public var filesParsed = 0
        /// Whether the theme's templates were read and compiled, rather than taken as kept.
        public var themeCompiled = false

        public init(filesRead: Int = 0, filesParsed: Int = 0, themeCompiled: Bool = false) {
            self.filesRead = filesRead
            self.filesParsed = filesParsed
            self.themeCompiled = themeCompiled
        }
    }

    /// What every kept file depends on besides itself: the folder, the date, and the
    /// site settings and vocabularies. When one changes, nothing kept is taken.
    struct Settings: Equatable {
        var contentDirectory: String
        var today: ContentDate
        var files: [FileStamp?]
        /// The entry types' folders: a file kept is read as its folder's type.
        var entryFolders: [String]
    }

    /// What a compiled theme was made from.
    struct ThemeKey: Equatable {
        var themesDirectory: String
        var name: String
        var language: String
        var files: [String: FileStamp]
    }

    var settings: Settings?
    var documents = ParsedDocuments()
    var theme: (key: ThemeKey, theme: Theme)?
    /// What the last build with this session did.
    public private(set) var lastUse = Use()
    /// The site the last build with this session published: where, its files, and the
    /// stamp of the folder it was built in (the same folder once swapped in).
    var published: (output: String, files: Set<String>, folder: FileStamp)?
    /// The folder holding the site before that one, kept to build the next site in.
    var spare: SpareSite?
    /// What the last build that published wrote for each page.
    var rendered: RenderedPages?
    /// Counts the themes compiled: a page rendered with one is not taken for a page
    /// rendered with another.
    var themeGeneration = 0
    /// The renderer of the last build that published, with the options it was built
    /// with, for a card's page shown ahead of the next build (`earlyPage`).
    var lastRenderer: (renderer: SiteRenderer, options: BuildOptions)?

    /// An empty session: its first build reads everything.
    public init() {}

    /// Loads the content as `ContentLoader.load` does, taking the files unchanged since
    /// the last load.
    func loadContent(_ options: BuildOptions) async throws(LoadFailure) -> LoadResult {
        let root = options.contentDirectory
        let settings = Settings(contentDirectory: root, today: options.today,
                                files: ["site.yml", "topics.yml", "regions.yml"].map { FileStamp.of(root + "/" + $0, followingLinks: true) },
                                entryFolders: options.entryTypes.map(\.folder))
        if settings != self.settings {
            documents = ParsedDocuments()
            self.settings = settings
        }
        let loaded = try await ContentLoader.load(root, today: options.today, reusing: documents, entryTypes: options.entryTypes)
        documents = loaded.documents ?? ParsedDocuments()
        lastUse.filesRead = documents.filesRead
        lastUse.filesParsed = documents.filesParsed
        return loaded
    }

    /// Hands over the kept folder to build the next site of `output` in, when it is
    /// still the folder kept; the session keeps none until that build publishes. A kept
    /// folder that is no longer the one kept is left alone: it is not this session's.
    func takeSpare(for output: String) -> SpareSite? {
        guard let kept = spare else { return nil }
        spare = nil
        guard kept.isIntact else {
            Interruption.untrack(kept.path)
            return nil
        }
        guard kept.output == output else {
            Staging.remove(kept.path)
            return nil
        }
        return kept
    }

    /// Records the site a build just published in `output` (its `files`, built in a
    /// folder whose stamp was `folder`) and keeps the folder holding the site it
    /// replaced, now at `replaced`, when that is the site this session's last build
    /// published. Returns true when it keeps it.
    func published(_ files: Set<String>, in output: String, folder: FileStamp?, replaced: String,
                   rendered: [String: RenderedPages.Page]) -> Bool {
        defer {
            published = folder.map { (output, files, $0) }
            self.rendered = RenderedPages(theme: themeGeneration, pages: rendered)
        }
        guard let last = published, last.output == output,
              let old = SpareSite(path: replaced, output: output, files: last.files),
              old.folder.isSameFile(as: last.folder) else { return false }
        spare = old
        return true
    }

    /// The files of the site the last build published, when `output` still holds it.
    func publishedFiles(in output: String) -> Set<String>? {
        guard let published, published.output == output,
              FileStamp.of(output, followingLinks: false)?.isSameFile(as: published.folder) == true else { return nil }
        return published.files
    }

    /// True when the next build with `options` will list the files it changes
    /// (`BuildReport.changedFiles`): the site this session's last build published is still there.
    public func listsChanges(for options: BuildOptions) -> Bool {
        publishedFiles(in: options.outputFolder) != nil
    }

    /// What the last build that published wrote for each page, when the theme has not
    /// been compiled again since.
    func lastRendered() -> RenderedPages? {
        guard let rendered, rendered.theme == themeGeneration else { return nil }
        return rendered
    }

    /// Removes the kept folder, if any: for a preview that ends.
    public func removeSpare() {
        guard let kept = spare else { return }
        spare = nil
        if kept.isIntact { Staging.remove(kept.path) } else { Interruption.untrack(kept.path) }
    }

    /// The theme as `Theme.load` gives it, compiled again only when a file of it changed.
    /// A theme with a file written within the last clock tick is not kept: a second write
    /// in the same tick could leave its stamp as it was.
    func theme(themesDirectory: String, name: String, language: String) throws(ThemeError) -> Theme {
        let folders = [themesDirectory + "/default"] + (name == "default" ? [] : [themesDirectory + "/" + name])
        var files: [String: FileStamp] = [:]
        for folder in folders { Self.stamps(of: folder, into: &files) }
        let key = ThemeKey(themesDirectory: themesDirectory, name: name, language: language, files: files)
        if let kept = theme, kept.key == key {
            lastUse.themeCompiled = false
            return kept.theme
        }
        let loaded = try Theme.load(themesDirectory: themesDirectory, name: name, language: language)
        themeGeneration += 1
        let recent = FileStamp.now() - FileStamp.clockTick
        theme = files.values.contains { $0.modified > recent } ? nil : (key, loaded)
        lastUse.themeCompiled = true
        return loaded
    }

    /// The stamp of `path` and, when it is a folder, of everything under it (links
    /// followed to what they name, but not walked into).
    static func stamps(of path: String, into stamps: inout [String: FileStamp], depth: Int = 0) {
        guard let stamp = FileStamp.of(path, followingLinks: true) else { return }
        stamps[path] = stamp
        guard depth < 32, let own = FileStamp.of(path, followingLinks: false), own == stamp,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names { Self.stamps(of: path + "/" + name, into: &stamps, depth: depth + 1) }
    }
}
