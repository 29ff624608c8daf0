import Content

/// What the preview shows now, a number that changes whenever that changes, and which
/// files of the site each recent change touched, so an open page reloads only when it
/// (or a stylesheet, script or image it uses) is among them.
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

    /// What a long-poll answers: the build now, and the site's files changed since the
    /// build it asked about, or nil when every page must reload (what is shown changed
    /// from the site to an error page or back, or the change is too old or too large to
    /// tell).
    struct Answer: Equatable, Sendable {
        var build: Int
        var changed: [String]?
    }

    private(set) var phase: Phase = .building
    /// The build pages were served from; open pages reload when it changes.
    private(set) var build = 1
    /// The site paths (like `/cards/x/index.html`) each recent build changed, oldest
    /// first; nil for a build after which everything reloads.
    private var history: [(build: Int, changed: Set<String>?)] = []
    /// How many builds are remembered; a page older than that reloads.
    static let remembered = 32
    /// Past this many paths changed, a page is told to reload rather than sent the list.
    static let mostPaths = 2000

    /// Shows `phase`. The build number moves on when what is shown changes: another
    /// phase, other diagnostics, or a site some of whose files changed (`changed`, the
    /// site paths added, removed or rewritten; nil when which is not known, and every
    /// open page reloads).
    func show(_ phase: Phase, changed: [String]? = []) {
        early = [:]
        if phase != self.phase {
            advance(nil)
        } else if phase == .site, let changed, !changed.isEmpty {
            advance(changed.count > Self.mostPaths ? nil : Set(changed))
        } else if phase == .site && changed == nil {
            advance(nil)
        }
        self.phase = phase
    }

    /// Pages served ahead of the build under way (`EarlyPage`), by site path, until it
    /// is shown.
    private var early: [String: [UInt8]] = [:]

    /// Serves `bytes` at the site path `file` (like `/cards/x/index.html`) until the next
    /// build is shown, and reloads the pages open at it. Only while the site is shown.
    func showEarly(_ file: String, bytes: [UInt8]) {
        guard phase == .site else { return }
        early[file] = bytes
        advance([file])
    }

    /// The page served ahead of the build at the site path `file`, if any.
    func early(_ file: String) -> [UInt8]? { early[file] }

    private func advance(_ changed: Set<String>?) {
        build += 1
        history.append((build, changed))
        if history.count > Self.remembered { history.removeFirst(history.count - Self.remembered) }
        wakeAll()
    }

    /// The site paths changed after build `since` up to now; nil when everything must
    /// reload.
    func changes(since: Int) -> [String]? {
        guard since < build else { return since == build ? [] : nil }
        guard let oldest = history.first?.build, oldest <= since + 1 else { return nil }
        var all = Set<String>()
        for entry in history where entry.build > since {
            guard let changed = entry.changed else { return nil }
            all.formUnion(changed)
        }
        return all.count > Self.mostPaths ? nil : all.sorted()
    }

    /// True once the server is stopping: long-polls answer at once.
    private(set) var closed = false

    /// Ends every long-poll, now and later.
    func close() {
        closed = true
        wakeAll()
    }

    /// The phase and build number together, as one request must see them.
    func current() -> (phase: Phase, build: Int) { (phase, build) }

    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    /// Long-polls woken (by their time running out, or being cancelled) before they
    /// had started waiting.
    private var wokenEarly: Set<Int> = []
    /// Long-polls that have begun and not yet answered.
    private var active: Set<Int> = []
    private var nextWaiter = 0
    /// How many long-polls are waiting now.
    var waiting: Int { waiters.count }

    /// Waits until the build number differs from `since`, at most `seconds`, and
    /// answers with the build then and what changed since `since`. Woken at once by a
    /// new build, by ``close()``, or by cancellation.
    func wait(since: Int, seconds: Int) async -> Answer {
        if build == since && !closed {
            let id = nextWaiter
            nextWaiter += 1
            active.insert(id)
            let timer = Task { [weak self] in
                try? await Task.sleep(for: .seconds(seconds))
                await self?.wake(id)
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    if wokenEarly.remove(id) != nil { continuation.resume() } else { waiters[id] = continuation }
                }
            } onCancel: {
                Task { await self.wake(id) }
            }
            timer.cancel()
            active.remove(id)
            wokenEarly.remove(id)
        }
        return Answer(build: build, changed: changes(since: since))
    }

    private func wake(_ id: Int) {
        if let waiter = waiters.removeValue(forKey: id) { waiter.resume() } else if active.contains(id) { wokenEarly.insert(id) }
    }

    private func wakeAll() {
        let all = waiters
        waiters = [:]
        for waiter in all.values { waiter.resume() }
    }
}
