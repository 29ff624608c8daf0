internal import Foundation
public import Content
internal import Graph
internal import OpenReferral
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
    /// True when the new site is in place.
    public var published: Bool { !diagnostics.hasErrors && files > 0 }
}

/// A problem outside the content: an unreadable folder, a broken theme, a full disk.
/// The published site is untouched when one is thrown.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Checks, cross-links, renders and writes a site: check → graph → render → write,
/// into a new folder that replaces the published one only once it is complete.
public enum Builder {
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildReport {
        do {
            try OutputFolder.check(output: options.outputDirectory, content: options.contentDirectory,
                                   themes: options.themesDirectory, force: options.replacesUnmarkedOutput)
        } catch {
            throw BuildFailure(message: error.message)
        }
        let loaded: LoadResult
        do { loaded = try await ContentLoader.load(options.contentDirectory, today: options.today) } catch {
            throw BuildFailure(message: error.message)
        }
        guard var content = loaded.content else { return BuildReport(diagnostics: loaded.diagnostics) }
        if let base = options.baseURL { content.site.baseURL = base }
        let themeName = options.theme ?? content.site.theme
        let theme: Theme
        do { theme = try Theme.load(themesDirectory: options.themesDirectory, name: themeName) } catch {
            throw BuildFailure(message: error.message)
        }
        let inTheWay = staticFilesInTheWay(of: theme, staticFiles: content.staticFiles, contentDirectory: options.contentDirectory)
        guard inTheWay.isEmpty else {
            return BuildReport(diagnostics: (loaded.diagnostics + inTheWay).sortedForDisplay())
        }
        let graph = await SiteGraph.build(content)
        // The search index is built beside the renderer's preparation and the pages;
        // its files are checked for collisions and written once the pages are. It runs
        // ahead of the pages (higher priority): its last step, merging postings and
        // writing the document store, uses one core, and on a large directory it was
        // left running alone after the last page. (The index does not stop early when
        // cancelled: should the build fail, it finishes and is dropped.)
        let searchIndex = Task(priority: .high) { await SearchIndex.build(graph) }
        let renderOptions = RenderOptions(baseURL: content.site.baseURL, today: options.today, filePreview: options.filePreview)
        let renderer = await SiteRenderer.make(graph: graph, theme: theme, options: renderOptions)
        let data = await DataFiles.make(graph: graph, options: renderOptions)
        let openData = OpenReferralExport(graph: graph, baseURL: renderOptions.baseURL)
        let servicePaths = (0..<openData.serviceCount).map(openData.servicePath)

        // Plan every output file and refuse two that land on one path, or one inside another.
        // (check refuses every static file in the way of a page or a theme file first;
        // this is the last wall, for whatever that check missed.)
        let pages = renderer.pages()
        var owners: [String: String] = [:]
        var collisions: [Diagnostic] = []
        func claim(_ path: String, by owner: String) {
            if let first = owners[path] {
                collisions.append(Diagnostic(.error, file: owner, line: 0, column: 0,
                    message: "this would be written to '\(path)' in the site, where \(first) is written too; rename one"))
            } else {
                owners[path] = owner
            }
        }
        /// A path whose folders include a path written as a file: one of the two cannot be written.
        func folderClashes() -> [Diagnostic] {
            var out: [Diagnostic] = []
            for (path, owner) in owners.sorted(by: { $0.key < $1.key }) {
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    if let first = owners[String(folder)] {
                        out.append(Diagnostic(.error, file: owner, line: 0, column: 0,
                            message: "this would be written to '\(path)' in the site, inside '\(folder)', where \(first) is written as a file; rename one"))
                        break
                    }
                }
            }
            return out
        }
        for page in pages { claim(renderer.file(of: page), by: "the page \(renderer.path(of: page))") }
        for path in data.paths + openData.listPaths + HostFiles.paths + renderer.csvFiles.paths { claim(path, by: "the generated \(path)") }
        for (i, path) in servicePaths.enumerated() { claim(path, by: "the open data record of \(content.root)/\(content.cards[i].file)") }
        claim(OutputFolder.markerName, by: "the file that marks the site as whoswho's")
        let contentRoot = content.root
        for file in content.staticFiles { claim(file, by: contentRoot + "/static/" + file) }
        for asset in theme.assets { claim(asset.path, by: asset.source) }
        collisions += folderClashes()
        guard collisions.isEmpty else {
            return BuildReport(diagnostics: (loaded.diagnostics + collisions).sortedForDisplay())
        }

        let output = options.outputDirectory.hasSuffix("/") ? String(options.outputDirectory.dropLast()) : options.outputDirectory
        let (staging, wroteMarker) = try Staging.create(for: output)
        do {
            let writer = OutputWriter(staging: staging, published: output, meter: OutputMeter(budget: options.budget, folder: staging))
            var report = BuildReport(diagnostics: loaded.diagnostics)
            report.record(wroteMarker, bytes: OutputFolder.markerText.utf8.count)
            let pageFiles = pages.map(renderer.file(of:))
            // A page's or a service record's own folder is made by the task that writes it.
            let singleFiles = data.paths + openData.listPaths + HostFiles.paths + renderer.csvFiles.paths
            try writer.makeFolders(for: pageFiles + servicePaths + singleFiles + content.staticFiles + theme.assets.map(\.path),
                                   deferring: Set((pageFiles + servicePaths).map(OutputWriter.folder(of:))))
            // The data files are made and written alongside the pages, the largest first,
            // then the open data: its lists, and its service records a chunk at a time.
            var dataJobs: [DataJob] = data.paths.map { path in DataJob(paths: [path]) { _ in data.bytes(of: path) } }
            dataJobs += openData.listPaths.map { path in DataJob(paths: [path]) { _ in openData.bytes(of: path) } }
            dataJobs += HostFiles.paths.map { path in DataJob(paths: [path]) { _ in HostFiles.bytes(of: path) } }
            dataJobs += renderer.csvFiles.paths.map { path in DataJob(paths: [path]) { _ in renderer.csvFiles.bytes(of: path) } }
            let serviceChunk = max(64, openData.serviceCount / (ProcessInfo.processInfo.activeProcessorCount * 8) + 1)
            for start in stride(from: 0, to: openData.serviceCount, by: serviceChunk) {
                let services = Array(start..<min(openData.serviceCount, start + serviceChunk))
                dataJobs.append(DataJob(paths: services.map { servicePaths[$0] }, makesFolders: true) { k in
                    openData.serviceBytes(services[k])
                })
            }
            report = try await writePages(pages, dataJobs: dataJobs, renderer: renderer, writer: writer, report: report,
                                          sizeBudget: options.sizeBudget)
            // The search index is written like the data files: same collision checks, same linking of unchanged files.
            let index = await searchIndex.value
            let searchFiles = index.files + (options.filePreview ? FilePreviewScripts.scripts(for: index.files) : [])
            for file in searchFiles { claim(file.path, by: "the generated \(file.path)") }
            collisions += folderClashes()
            guard collisions.isEmpty else {
                Staging.remove(staging)
                return BuildReport(diagnostics: (loaded.diagnostics + collisions).sortedForDisplay())
            }
            try writer.makeFolders(for: searchFiles.map(\.path))
            for file in searchFiles {
                report.record(try writer.write(file.path, data: file.bytes), bytes: file.bytes.count)
                if let over = options.sizeBudget.warning(path: file.path, bytes: file.bytes.count) { report.sizeWarnings.append(over) }
            }
            for file in content.staticFiles {
                let bytes = try readFile(contentRoot + "/static/" + file)
                report.record(try writer.write(file, data: bytes), bytes: bytes.count)
                if let over = options.sizeBudget.warning(path: file, bytes: bytes.count) { report.sizeWarnings.append(over) }
            }
            for asset in theme.assets {
                let bytes = try asset.bytes()
                report.record(try writer.write(asset.path, data: bytes), bytes: bytes.count)
                if let over = options.sizeBudget.warning(path: asset.path, bytes: bytes.count) { report.sizeWarnings.append(over) }
            }
            // Keep the output folder's own top-level dotfiles, like the .gitignore site/ is tracked with.
            for name in OutputFolder.keptDotFiles(output) where owners[name] == nil {
                if let keep = try? readFile(output + "/" + name) { _ = try writer.write(name, data: keep) }
            }
            guard Interruption.holdingSignals({ AtomicSwap.replace(output, with: staging) }) else {
                throw BuildFailure(message: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            Staging.remove(staging)
            report.sizeWarnings = SizeWarning.ordered(report.sizeWarnings)
            return report
        } catch let failure as BuildFailure {
            Staging.remove(staging)
            throw failure
        } catch let failure as OutputWriter.Failure {
            Staging.remove(staging)
            throw BuildFailure(message: failure.message)
        } catch {
            Staging.remove(staging)
            throw BuildFailure(message: "\(error)")
        }
    }

    /// Checks a content folder as `build` would, without rendering anything: every
    /// diagnostic of the content, and static files in the way of the files of the theme
    /// site.yml names. When the theme cannot be read the content's own diagnostics are
    /// returned; `build` reports the theme.
    public static func check(contentDirectory: String, themesDirectory: String, today: ContentDate) async throws(LoadFailure) -> LoadResult {
        var result = try await ContentLoader.load(contentDirectory, today: today, renderHTML: false)
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

    /// Pages in the order they are handed out, a chunk at a time: first the pages that
    /// list cards, a few at a time, since on a large directory one topic-by-region page
    /// holds thousands of entries; then every card's and guide's own page, in larger
    /// chunks. Handed out the other way round, one core was left working alone through
    /// the biggest pages at the end (five seconds of a 100,000-card build).
    static func chunks(of pages: [Page], cores: Int) -> [ArraySlice<Page>] {
        func isOwnPage(_ page: Page) -> Bool {
            switch page {
            case .card, .guide: return true
            default: return false
            }
        }
        let lists = pages.filter { !isOwnPage($0) }, own = pages.filter(isOwnPage)
        func split(_ pages: [Page], by size: Int) -> [ArraySlice<Page>] {
            stride(from: 0, to: pages.count, by: size).map { pages[$0..<min(pages.count, $0 + size)] }
        }
        return split(lists, by: 4) + split(own, by: max(32, own.count / (max(1, cores) * 16) + 1))
    }

    /// Renders and writes pages on every core, in chunks, with the data files as tasks of their own.
    static func writePages(_ pages: [Page], dataJobs: [DataJob], renderer: SiteRenderer, writer: OutputWriter, report: BuildReport,
                           sizeBudget: SizeBudget) async throws -> BuildReport {
        var report = report
        let budget = sizeBudget
        try await withThrowingTaskGroup(of: (files: Int, written: Int, bytes: Int, over: [SizeWarning]).self) { group in
            for job in dataJobs {
                group.addTask {
                    var counts = (files: 0, written: 0, bytes: 0, over: [SizeWarning]())
                    for (k, path) in job.paths.enumerated() {
                        let bytes = job.make(k)
                        if job.makesFolders { try writer.makeFolder(OutputWriter.folder(of: path)) }
                        let wrote = try writer.write(path, data: bytes)
                        counts.files += 1
                        counts.written += wrote ? 1 : 0
                        counts.bytes += bytes.count
                        if let over = budget.warning(path: path, bytes: bytes.count) { counts.over.append(over) }
                    }
                    return counts
                }
            }
            for chunk in chunks(of: pages, cores: ProcessInfo.processInfo.activeProcessorCount) {
                group.addTask {
                    var counts = (files: 0, written: 0, bytes: 0, over: [SizeWarning]())
                    for page in chunk {
                        let html = renderer.render(page)
                        let file = renderer.file(of: page)
                        try writer.makeFolder(OutputWriter.folder(of: file))
                        let wrote = try writer.write(file, text: html)
                        counts.files += 1
                        counts.written += wrote ? 1 : 0
                        counts.bytes += html.utf8.count
                        if let over = budget.warning(path: file, bytes: html.utf8.count) { counts.over.append(over) }
                    }
                    return counts
                }
            }
            for try await counts in group {
                report.files += counts.files
                report.written += counts.written
                report.bytes += counts.bytes
                report.sizeWarnings += counts.over
            }
        }
        return report
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
        try? FileManager.default.removeItem(atPath: path)
        Interruption.untrack(path)
    }
}
