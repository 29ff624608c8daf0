public import Build
public import Content
internal import Foundation

/// How to run a preview: what to build, and where to listen.
public struct PreviewOptions: Sendable {
    /// The content, themes and output folder; the output folder is what is served.
    public var build: BuildOptions
    /// The address to listen on: an IPv4 or IPv6 address, or `localhost`.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: UInt16
    /// How a change to the content or themes folders is noticed.
    public var notices: ChangeNotices
    /// How often the content and themes folders are looked at for changes, when they
    /// are polled.
    public var pollInterval: Duration
    /// How large and how slow a request may be.
    public var limits: RequestLimits

    /// Options to build with `build` and listen on `host` and `port`.
    public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, notices: ChangeNotices = .automatic,
                pollInterval: Duration = .milliseconds(200), limits: RequestLimits = .standard) {
        self.build = build
        self.host = host
        self.port = port
        self.notices = notices
        self.pollInterval = pollInterval
        self.limits = limits
    }
}

/// What happened at each build, for the command line to show.
public enum PreviewEvent: Sendable {
    /// The site was built and is being served; the report's diagnostics are warnings.
    case built(BuildReport, PreviewChanges, milliseconds: Int)
    /// The content has errors: they are served as a page instead of the site.
    case contentErrors([Diagnostic], PreviewChanges, milliseconds: Int)
    /// The build failed outside the content (a theme, the disk).
    case failed(String)
    /// Changes are looked for every poll interval, since the system cannot report them;
    /// the reason. Said at most once.
    case polling(String)
}

/// What a build changed, and what made it.
public struct PreviewChanges: Sendable, Equatable {
    /// The content and theme files added, removed or changed since the last build, as
    /// absolute paths; empty for the first build.
    public var sources: [String]
    /// The files of the site added, removed or rewritten, relative to it
    /// (`cards/x/index.html`); empty when the build wrote nothing.
    public var site: [String]
    /// Diagnostics new and gone since the last build.
    public var diagnostics: DiagnosticChanges
}

/// A problem starting the preview: an address that cannot be listened on.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words for the command line to print.
    public var message: String
    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `whoswho serve`: builds the site, serves it over HTTP, watches the content and
/// themes folders, rebuilds on every change and makes open pages reload. While the
/// content has errors it serves a page listing them instead of the site. Requests are
/// read within ``RequestLimits`` by a ``PreviewListener``.
public actor PreviewServer {
    let options: PreviewOptions
    let events: @Sendable (PreviewEvent) -> Void
    let state = PreviewState()
    var listener: PreviewListener?
    var watchTask: Task<Void, Never>?
    var watcher: FolderWatcher?
    /// The diagnostics of the last build, to tell what is new in the next.
    var lastDiagnostics: [Diagnostic] = []
    /// What each rebuild takes from the last: files unchanged since are not read again.
    let session = SiteSession()

    /// A server that reports each build to `events`; nothing happens until ``start()``.
    public init(options: PreviewOptions, events: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.events = events
    }

    /// Starts listening, builds the site once, then watches for changes in the
    /// background. Returns the address served, like `http://127.0.0.1:8000/`.
    public func start() async throws(PreviewError) -> String {
        let handler = PreviewHandler(root: options.build.outputDirectory, state: state)
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        // Listening before the first build: a port in use is reported at once.
        let listener = try await PreviewListener.listen(host: host, port: options.port, limits: options.limits, handler: handler)
        await listener.start()
        self.listener = listener
        let port = listener.port
        let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        let address = shownHost.contains(":") ? "http://[\(shownHost)]:\(port)/" : "http://\(shownHost):\(port)/"

        let events = events
        let watcher = FolderWatcher(folders: watchedFolders, skipping: options.build.outputDirectory, pollInterval: options.pollInterval,
                                    notices: options.notices) { reason in events(.polling(reason)) }
        self.watcher = watcher
        await rebuild(sources: [])
        watchTask = Task { await self.watch(watcher) }
        return address
    }

    /// Stops serving at once (every open connection is ended, long-polls included),
    /// then stops watching, after any build under way has finished, so no half-written
    /// folder is left behind, and removes the folder the session kept to build in.
    public func stop() async {
        await state.close()
        await listener?.stop()
        listener = nil
        watcher?.stop()
        watchTask?.cancel()
        await watchTask?.value
        watchTask = nil
        await session.removeSpare()
    }

    /// Rebuilds each time the watcher hands out changed files, until it stops. Files
    /// changed during a build are handed out together once it is done, for one rebuild.
    func watch(_ watcher: FolderWatcher) async {
        while !Task.isCancelled, let changed = await watcher.next() {
            await rebuild(sources: changed)
        }
    }

    /// The folders whose changes trigger a rebuild.
    var watchedFolders: [String] { [options.build.contentDirectory, options.build.themesDirectory] }

    /// Builds once and shows the outcome. `sources` are the files whose change caused it.
    func rebuild(sources: [String]) async {
        let clock = ContinuousClock()
        let start = clock.now
        func milliseconds() -> Int {
            let elapsed = clock.now - start
            return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        // The build lists the files it changed when the site its session last published
        // is still in place. Otherwise: unchanged files are hard links to the last
        // site's, with the same inode and stamp, so the files whose stamps differ are
        // those the build added, removed or rewrote.
        let site = FolderSnapshot.absolute(options.build.outputDirectory)
        let before = await session.listsChanges(for: options.build) ? nil : FolderSnapshot.take([site])
        var buildOptions = options.build
        buildOptions.removesReplacedSiteLater = true
        // A saved card's page first, while the rest is built.
        let early = await session.earlyPage(for: sources, options: buildOptions)
        if let early { await state.showEarly("/" + early.file, bytes: early.bytes) }
        do {
            let report = try await Builder.build(buildOptions, session: session)
            // nil when neither says: the output was replaced under the server, and every open page reloads.
            let siteChanged = report.changedFiles
                ?? before.map { before in FolderSnapshot.take([site]).changes(since: before).map { String($0.dropFirst(site.count + 1)) } }
            // The page served early does not reload again when the build wrote it as served.
            var reloads = siteChanged
            if let early, FileManager.default.contents(atPath: site + "/" + early.file).map({ [UInt8]($0) == early.bytes }) == true {
                reloads?.removeAll { $0 == early.file }
            }
            var changes = PreviewChanges(sources: sources, site: siteChanged ?? [],
                                         diagnostics: .between(lastDiagnostics, report.diagnostics))
            lastDiagnostics = report.diagnostics
            if report.diagnostics.hasErrors {
                changes.site = []
                await state.show(.errors(report.diagnostics))
                events(.contentErrors(report.diagnostics, changes, milliseconds: milliseconds()))
            } else {
                await state.show(.site, changed: reloads.map { $0.map { "/" + $0 } })
                events(.built(report, changes, milliseconds: milliseconds()))
            }
            // The new site is announced; now the replaced one is removed, before the next build.
            if let replaced = report.replacedSite { Builder.removeReplacedSite(replaced) }
        } catch {
            await state.show(.failure(error.message))
            events(.failed(error.message))
        }
    }
}

/// A private folder to build the preview into, removed when the preview ends.
public enum PreviewFolder {
    /// Makes a new folder only this user can read, in the system's temporary folder;
    /// returns it and the `site` path inside it to build into.
    public static func temporary() throws(PreviewError) -> (folder: String, site: String) {
        var temporary = NSTemporaryDirectory()
        while temporary.count > 1 && temporary.hasSuffix("/") { temporary.removeLast() }
        var template = Array((temporary + "/whoswho-serve-XXXXXX").utf8CString)
        let folder: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        guard let folder else {
            throw PreviewError("cannot make a temporary folder to build into: \(String(cString: strerror(errno)))")
        }
        return (folder, folder + "/site")
    }

    /// Removes a folder made by ``temporary()`` and everything in it.
    public static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
