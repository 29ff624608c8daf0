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

    /// An empty session: its first build reads everything.
    public init() {}

    /// Loads the content as `ContentLoader.load` does, taking the files unchanged since
    /// the last load.
    func loadContent(_ options: BuildOptions) async throws(LoadFailure) -> LoadResult {
        let root = options.contentDirectory
        let settings = Settings(contentDirectory: root, today: options.today,
                                files: ["site.yml", "topics.yml", "regions.yml"].map { FileStamp.of(root + "/" + $0, followingLinks: true) })
        if settings != self.settings {
            documents = ParsedDocuments()
            self.settings = settings
        }
        let loaded = try await ContentLoader.load(root, today: options.today, reusing: documents)
        documents = loaded.documents ?? ParsedDocuments()
        lastUse.filesRead = documents.filesRead
        lastUse.filesParsed = documents.filesParsed
        return loaded
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
