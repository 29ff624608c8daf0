internal import Foundation
public import Content
internal import Graph
internal import Render
internal import Search

/// What to build, from where, to where.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var outputDirectory: String
    public var themesDirectory: String
    /// Overrides site.yml's theme.
    public var theme: String?
    /// Overrides site.yml's base_url.
    public var baseURL: String?
    public var today: ContentDate
    /// Lets the build replace an existing output folder that whoswho did not write
    /// (`--force`); never the content, the themes, or a folder that holds them.
    public var replacesUnmarkedOutput: Bool
    /// The most the new site may hold; the build stops with an error past it.
    public var budget: OutputBudget
    /// Makes the site work opened from the file system (`file://`): links name
    /// `index.html`, and the search index also comes as scripts. For previews, not for
    /// publishing.
    public var filePreview: Bool
    /// How large a page or a file should be; one over it gets a warning in the report.
    public var sizeBudget: SizeBudget = .standard
    /// Leaves the folder holding the site this build replaced for the caller to remove
    /// with ``Builder/removeReplacedSite(_:)``, so that the preview server can announce
    /// the new site first: removing a big site's files takes seconds. Until then it is
    /// a marked staging folder, which a signal or the next build removes.
    public var removesReplacedSiteLater = false
    /// Kinds of entry beyond cards and guides, each read from its own folder of the
    /// content and given its pages, list, search documents and files of index.json.
    public var entryTypes: [EntryType] = []

    public init(contentDirectory: String, outputDirectory: String, themesDirectory: String = "themes",
                theme: String? = nil, baseURL: String? = nil, today: ContentDate,
                replacesUnmarkedOutput: Bool = false, budget: OutputBudget = .standard, filePreview: Bool = false) {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory
        self.theme = theme
        self.baseURL = baseURL
        self.today = today
        self.replacesUnmarkedOutput = replacesUnmarkedOutput
        self.budget = budget
        self.filePreview = filePreview
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Every diagnostic; when any is an error, nothing was written.
    public var diagnostics: [Diagnostic]
    /// Files in the new site.
    public var files: Int = 0
    /// Files whose bytes changed (or are new).
    public var written: Int = 0
    /// Bytes in the new site.
    public var bytes: Int = 0
    /// Pages and files over the size budget, largest first.
    public var sizeWarnings: [SizeWarning] = []
    /// The whole site when it is over the size budget.
    public var siteSizeWarning: SiteSizeWarning?
    /// True when the new site is in place.
    public var published: Bool { !diagnostics.hasErrors && files > 0 }
    /// The folder holding the site this build replaced, when the options leave it for
    /// the caller to remove.
    public var replacedSite: ReplacedSite?
    /// Pages rendered; with a session, the others were as the last build left them.
    public var pagesRendered = 0
    /// With a session, the files of the site that are new, changed or gone since the
    /// site its last build published, in path order; nil without one, or when the
    /// published site is not the one it built.
    public var changedFiles: [String]?
}

/// The folder holding a replaced site, for ``Builder/removeReplacedSite(_:)``.
public struct ReplacedSite: Sendable {
    let path: String
}

/// A problem outside the content: an unreadable folder, a broken theme, a full disk.
/// The published site is untouched when one is thrown.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Checks, cross-links, renders and writes a site in four stages, load → graph →
/// outputs → write, into a new folder that replaces the published one only once it is
/// complete.
public enum Builder {
    /// Builds the site `options` describe. With a `session`, files unchanged since its
    /// last build are not read or parsed again, nor an unchanged theme compiled again;
    /// the site is the same either way.
    public static func build(_ options: BuildOptions, session: SiteSession? = nil) async throws(BuildFailure) -> BuildReport {
        await session?.releaseRenderer()
        let site: LoadedSite
        switch try await load(options, session: session) {
        case .loaded(let loaded): site = loaded
        case .stopped(let report): return report
        }
        let graph = await SiteGraph.build(site.content)
        // The search index is built beside the renderer's preparation and the pages;
        // its files are checked for collisions and written once the pages are. It runs
        // ahead of the pages (higher priority): its last step, merging postings and
        // writing the document store, uses one core, and on a large directory it was
        // left running alone after the last page. (The index does not stop early when
        // cancelled: should the build fail, it finishes and is dropped.)
        let words = site.theme.words
        let labels = SearchLabels(kind: words.label, format: words.label, guide: words.guideLabel)
        let searchIndex = Task(priority: .high) { await SearchIndex.build(graph, labels: labels) }
        let renderOptions = RenderOptions(baseURL: site.content.site.baseURL, today: options.today, filePreview: options.filePreview,
                                          fingerprintsPages: session != nil)
        let outputs = await SiteOutputs.make(graph: graph, theme: site.theme, options: renderOptions)
        // Plan every output file and refuse two that land on one path, or one inside another.
        let claims = outputs.claims(of: site)
        guard claims.collisions.isEmpty else {
            return BuildReport(diagnostics: (site.diagnostics + claims.collisions).sortedForDisplay())
        }
        return try await write(outputs, claims: claims, searchIndex: searchIndex, site: site, options: options, session: session)
    }

    /// Checks a content folder as `build` would, without rendering anything: every
    /// diagnostic of the content, and static files in the way of the files of the theme
    /// site.yml names. When the theme cannot be read the content's own diagnostics are
    /// returned; `build` reports the theme. Only the diagnostics are made: the result's
    /// `content` is nil.
    public static func check(contentDirectory: String, themesDirectory: String, today: ContentDate) async throws(LoadFailure) -> LoadResult {
        var result = try await ContentLoader.load(contentDirectory, today: today, diagnosticsOnly: true)
        guard let assets = try? Theme.assets(themesDirectory: themesDirectory, name: result.theme) else { return result }
        let inTheWay = staticFilesInTheWay(of: result.theme, assets: assets.map(\.path), staticFiles: result.staticFiles,
                                           contentDirectory: contentDirectory)
        if !inTheWay.isEmpty {
            result.diagnostics = (result.diagnostics + inTheWay).sortedForDisplay()
            result.content = nil
        }
        return result
    }

    /// Static files or folders at a path where the theme writes one of its files, or
    /// around one: a static `style.css` where the theme has its own.
    static func staticFilesInTheWay(of theme: Theme, staticFiles: [String], contentDirectory: String) -> [Diagnostic] {
        staticFilesInTheWay(of: theme.name, assets: theme.assets.map(\.path), staticFiles: staticFiles, contentDirectory: contentDirectory)
    }

    static func staticFilesInTheWay(of themeName: String, assets: [String], staticFiles: [String], contentDirectory: String) -> [Diagnostic] {
        let generated = assets.map { GeneratedPath($0, isFolder: false, writer: "the theme '\(themeName)' writes its own \($0)") }
        return GeneratedPaths.collisions(staticFiles: staticFiles, with: generated) { ContentLoader.display($0, in: contentDirectory) }
    }

    /// Data files to make and write, one after the other: `make(k)` gives the bytes of
    /// `paths[k]`. With `makesFolders`, each file's folder is made just before it is written.
    struct DataJob: Sendable {
        var paths: [String]
        var makesFolders = false
        var make: @Sendable (Int) -> [UInt8]
    }

    /// Removes the folder holding a site that a build replaced
    /// (`BuildOptions.removesReplacedSiteLater`).
    public static func removeReplacedSite(_ replaced: ReplacedSite) {
        Staging.remove(replaced.path)
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BuildFailure(message: "cannot read \(path)")
        }
        return [UInt8](data)
    }
}

extension BuildReport {
    mutating func record(_ wrote: Bool, bytes: Int) {
        files += 1
        written += wrote ? 1 : 0
        self.bytes += bytes
    }

    /// Records a file written whole (and, when it changed and changes are listed, its
    /// path), and a size warning when it is over `budget`.
    mutating func record(_ wrote: Bool, path: String, bytes: Int, budget: SizeBudget) {
        record(wrote, bytes: bytes)
        if wrote { changedFiles?.append(path) }
        if let over = budget.warning(path: path, bytes: bytes) { sizeWarnings.append(over) }
    }
}

/// The folder a build fills before it is swapped in: beside the output, named after it,
/// so the swap is a rename on one file system.
enum Staging {
    static let marker = ".whoswho-staging-"

    /// Removes staging folders left by interrupted builds, then makes a new one (and the
    /// output's parent folders, if missing) and marks it as whoswho's. Returns the new
    /// folder, and false when the marker was linked from the published site.
    static func create(for output: String) throws(BuildFailure) -> (path: String, wroteMarker: Bool) {
        let url = URL(fileURLWithPath: output)
        let parent = url.deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw BuildFailure(message: "cannot create the folder \(parent) to build into: \(error.localizedDescription)")
        }
        let name = url.lastPathComponent
        let prefix = "." + name + marker
        if let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent) {
            // Only folders a build made: marked at once, or empty if it stopped before that.
            for sibling in siblings where sibling.hasPrefix(prefix) {
                let path = parent + "/" + sibling
                if OutputFolder.isMarked(path) || OutputFolder.holdsOnlyDotFiles(path) { remove(path) }
            }
        }
        let staging = parent + "/" + prefix + String(getpid())
        guard mkdir(staging, 0o755) == 0 else {
            throw BuildFailure(message: "cannot create a folder beside \(output) to build into: \(String(cString: strerror(errno)))")
        }
        Interruption.track(staging)
        do {
            let wrote = try OutputWriter(staging: staging, published: output).write(OutputFolder.markerName, text: OutputFolder.markerText)
            return (staging, wrote)
        } catch {
            remove(staging)
            throw BuildFailure(message: (error as? OutputWriter.Failure)?.message ?? "\(error)")
        }
    }

    static func remove(_ path: String) {
        OutputFolder.removeMarkerLast(path)
        Interruption.untrack(path)
    }
}
