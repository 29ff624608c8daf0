import Content

/// What the preview shows now, and a number that changes whenever that changes, so
/// open pages know to reload.
actor PreviewState {
    /// What requests are answered with.
    enum Phase: Equatable, Sendable {
        /// Before the first build is in place.
        case building
        /// The built site.
        case site
        /// The content has errors: the page listing them.
        case errors([Diagnostic])
        /// The build failed outside the content (a theme, the disk).
        case failure(String)
    }

    private(set) var phase: Phase = .building
    /// The build pages were served from; open pages reload when it changes.
    private(set) var build = 1

    /// Shows `phase`. The build number moves on when what is shown changes: another
    /// phase, other diagnostics, or a site whose files changed (`siteChanged`).
    func show(_ phase: Phase, siteChanged: Bool = false) {
        if phase != self.phase || (phase == .site && siteChanged) { build += 1 }
        self.phase = phase
    }

    /// True once the server is stopping: long-polls answer at once.
    private(set) var closed = false

    /// Ends every long-poll, now and later.
    func close() { closed = true }

    /// The phase and build number together, as one request must see them.
    func current() -> (phase: Phase, build: Int) { (phase, build) }

    /// Waits until the build number differs from `since`, at most `seconds`, and
    /// returns the build number then. Checks every 100 ms: a handful of open pages
    /// cost nothing, and the watcher itself only looks every 200 ms.
    func wait(since: Int, seconds: Int) async -> Int {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while build == since, !closed, ContinuousClock.now < deadline {
            do { try await Task.sleep(for: .milliseconds(100)) } catch { break }
        }
        return build
    }
}
