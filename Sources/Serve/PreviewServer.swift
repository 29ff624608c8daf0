public import Build
public import Content
internal import FlyingFox
internal import FlyingSocks
internal import Foundation

/// How to run a preview: what to build, and where to listen.
public struct PreviewOptions: Sendable {
    /// The content, themes and output folder; the output folder is what is served.
    public var build: BuildOptions
    /// The address to listen on: an IPv4 or IPv6 address, or `localhost`.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: UInt16
    /// How often the content and themes folders are looked at for changes.
    public var pollInterval: Duration

    /// Options to build with `build` and listen on `host` and `port`.
    public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, pollInterval: Duration = .milliseconds(200)) {
        self.build = build
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
    }
}

/// What happened at each build, for the command line to show.
public enum PreviewEvent: Sendable {
    /// The site was built and is being served; the report's diagnostics are warnings.
    case built(BuildReport, milliseconds: Int)
    /// The content has errors: they are served as a page instead of the site.
    case contentErrors([Diagnostic], milliseconds: Int)
    /// The build failed outside the content (a theme, the disk).
    case failed(String)
}

/// A problem starting the preview: an address that cannot be listened on.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words for the command line to print.
    public var message: String
    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `whoswho serve`: builds the site, serves it over HTTP with FlyingFox, watches the
/// content and themes folders, rebuilds on every change and makes open pages reload.
/// While the content has errors it serves a page listing them instead of the site.
public actor PreviewServer {
    let options: PreviewOptions
    let events: @Sendable (PreviewEvent) -> Void
    let state = PreviewState()
    var http: HTTPServer?
    var serverTask: Task<Void, Never>?
    var watchTask: Task<Void, Never>?

    /// A server that reports each build to `events`; nothing happens until ``start()``.
    public init(options: PreviewOptions, events: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.events = events
    }

    /// Starts listening, builds the site once, then watches for changes in the
    /// background. Returns the address served, like `http://127.0.0.1:8000/`.
    public func start() async throws(PreviewError) -> String {
        let handler = PreviewHandler(root: options.build.outputDirectory, state: state)
        let http: HTTPServer
        // The handler may wait LiveReload.waitSeconds on a long-poll: allow for it.
        let timeout = TimeInterval(LiveReload.waitSeconds + 30)
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        do {
            if host.contains(":") {
                http = HTTPServer(address: try .inet6(ip6: host, port: options.port), timeout: timeout, logger: .disabled, handler: handler)
            } else {
                http = HTTPServer(address: try .inet(ip4: host, port: options.port), timeout: timeout, logger: .disabled, handler: handler)
            }
        } catch {
            throw PreviewError("'\(options.host)' is not an address to listen on; use an IP address such as 127.0.0.1 or ::1")
        }
        let failure = StartFailure()
        serverTask = Task {
            do { try await http.run() } catch { await failure.record(error) }
        }
        // Wait until the socket listens, or the server gives up (a port in use).
        let deadline = ContinuousClock.now + .seconds(10)
        while !(await http.isListening) {
            if let error = await failure.error {
                throw PreviewError("cannot listen on \(options.host) port \(options.port): \(error)")
            }
            guard ContinuousClock.now < deadline else { throw PreviewError("timed out starting the server on \(options.host) port \(options.port)") }
            try? await Task.sleep(for: .milliseconds(10))
        }
        self.http = http
        var port = options.port
        switch await http.listeningAddress {
        case .ip4(_, let p), .ip6(_, let p): port = p
        default: break
        }
        let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        let address = shownHost.contains(":") ? "http://[\(shownHost)]:\(port)/" : "http://\(shownHost):\(port)/"

        let snapshot = FolderSnapshot.take(watchedFolders, skipping: options.build.outputDirectory)
        await rebuild()
        watchTask = Task { await self.watch(from: snapshot) }
        return address
    }

    /// Stops watching (after any build under way has finished, so no half-written
    /// folder is left behind) and serving.
    public func stop() async {
        watchTask?.cancel()
        await watchTask?.value
        watchTask = nil
        // Answer open long-polls now, rather than letting them hold the connections open.
        await state.close()
        await http?.stop()
        serverTask?.cancel()
        serverTask = nil
        http = nil
    }

    /// Looks at the watched folders every `pollInterval` and rebuilds when they change,
    /// until cancelled. A change made during a build is seen at the next look, since
    /// the snapshot compared against was taken before the build read anything.
    func watch(from first: FolderSnapshot) async {
        var snapshot = first
        while !Task.isCancelled {
            do { try await Task.sleep(for: options.pollInterval) } catch { return }
            let now = FolderSnapshot.take(watchedFolders, skipping: options.build.outputDirectory)
            if now != snapshot {
                snapshot = now
                await rebuild()
            }
        }
    }

    /// The folders whose changes trigger a rebuild.
    var watchedFolders: [String] { [options.build.contentDirectory, options.build.themesDirectory] }

    /// Builds once and shows the outcome.
    func rebuild() async {
        let clock = ContinuousClock()
        let start = clock.now
        func milliseconds() -> Int {
            let elapsed = clock.now - start
            return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        do {
            let report = try await Builder.build(options.build)
            if report.diagnostics.hasErrors {
                await state.show(.errors(report.diagnostics))
                events(.contentErrors(report.diagnostics, milliseconds: milliseconds()))
            } else {
                await state.show(.site, siteChanged: report.written > 0)
                events(.built(report, milliseconds: milliseconds()))
            }
        } catch {
            await state.show(.failure(error.message))
            events(.failed(error.message))
        }
    }
}

/// The error the server task ended with, if it ended before listening.
actor StartFailure {
    private(set) var error: (any Error)?
    func record(_ error: any Error) { self.error = error }
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
