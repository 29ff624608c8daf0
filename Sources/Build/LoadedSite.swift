internal import Content
internal import Render

/// The load stage's result: the checked content, with the options' base URL in place,
/// the theme it is rendered with, and every diagnostic of the content.
struct LoadedSite {
    var content: Content
    var theme: Theme
    var diagnostics: [Diagnostic]
}

extension Builder {
    /// What the load stage hands on: a site to build, or the report of a build that
    /// stops with diagnostics before anything is written.
    enum LoadOutcome {
        case loaded(LoadedSite)
        case stopped(BuildReport)
    }

    /// Load: makes sure the output folder may be replaced, reads and checks the content,
    /// applies the options' base URL and theme, reads the theme, and refuses static files
    /// in the way of the theme's own. Reads only; writes nothing. With a `session`, what
    /// it kept is taken where the files are unchanged.
    static func load(_ options: BuildOptions, session: SiteSession?) async throws(BuildFailure) -> LoadOutcome {
        do {
            try OutputFolder.check(output: options.outputDirectory, content: options.contentDirectory,
                                   themes: options.themesDirectory, force: options.replacesUnmarkedOutput)
        } catch {
            throw BuildFailure(message: error.message)
        }
        let loaded: LoadResult
        do {
            if let session {
                loaded = try await session.loadContent(options)
            } else {
                loaded = try await ContentLoader.load(options.contentDirectory, today: options.today, entryTypes: options.entryTypes)
            }
        } catch {
            throw BuildFailure(message: error.message)
        }
        guard var content = loaded.content else { return .stopped(BuildReport(diagnostics: loaded.diagnostics)) }
        if let base = options.baseURL { content.site.baseURL = base }
        let themeName = options.theme ?? content.site.theme
        let theme: Theme
        do {
            if let session {
                theme = try await session.theme(themesDirectory: options.themesDirectory, name: themeName, language: content.site.language)
            } else {
                theme = try Theme.load(themesDirectory: options.themesDirectory, name: themeName, language: content.site.language)
            }
        } catch {
            throw BuildFailure(message: error.message)
        }
        let inTheWay = staticFilesInTheWay(of: theme, staticFiles: content.staticFiles, contentDirectory: options.contentDirectory)
        guard inTheWay.isEmpty else {
            return .stopped(BuildReport(diagnostics: (loaded.diagnostics + inTheWay).sortedForDisplay()))
        }
        return .loaded(LoadedSite(content: content, theme: theme, diagnostics: loaded.diagnostics))
    }
}
