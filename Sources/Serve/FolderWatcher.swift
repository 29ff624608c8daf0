internal import Foundation

/// How the preview learns that a watched folder changed.
public enum ChangeNotices: Sendable, Equatable {
    /// The kernel says at once (inotify, on Linux); where it cannot, the folders are
    /// looked at every poll interval instead, and the preview says so once.
    case automatic
    /// The folders are looked at every poll interval.
    case polling
}

/// Watches the content and themes folders on a thread of its own and hands out the
/// files that changed. With inotify the thread sleeps until the kernel reports an event,
/// waits for the burst to end (an editor's save is several events: a temporary file
/// written, then renamed over the old one), then compares a new ``FolderSnapshot`` with
/// the last: only a real difference counts, so events about hidden or backup files, or
/// a file saved unchanged, rebuild nothing. Each snapshot also watches any folder that
/// appeared (and the folder of any linked file's target). Where inotify is not to be had,
/// or its watch limit is reached, the thread polls with snapshots instead.
///
/// `@unchecked Sendable`: `pending`, `waiter` and `stopped` are only read and written
/// while `lock` is held; everything else is immutable.
final class FolderWatcher: @unchecked Sendable {
    let folders: [String]
    let skipping: String?
    let pollInterval: Duration
    /// Told once, from the watcher's thread, why it polls instead of being told.
    let fallback: @Sendable (String) -> Void

    private let lock = NSLock()
    private var pending: Set<String> = []
    private var waiter: CheckedContinuation<[String]?, Never>?
    private var stopped = false

    /// How long a burst of events must be quiet before the folders are looked at.
    static let quiet: Int32 = 50
    /// The longest a burst is waited out: a folder written to without a pause is still
    /// looked at this often.
    static let longestBurst: Duration = .seconds(1)

    /// Takes the first snapshot (so a change from now on is seen, even during the first
    /// build), sets up the watches, and starts the thread.
    init(folders: [String], skipping: String?, pollInterval: Duration, notices: ChangeNotices,
         fallback: @escaping @Sendable (String) -> Void) {
        self.folders = folders
        self.skipping = skipping
        self.pollInterval = pollInterval
        self.fallback = fallback
        var inotify: Inotify?
        if notices == .automatic { inotify = Self.kernelNotices(fallback: fallback) }
        let (first, watching) = Self.look(folders, skipping: skipping, inotify: inotify, fallback: fallback)
        let thread = Thread { [self] in run(inotify: watching, last: first) }
        thread.name = "whoswho serve: watching for changes"
        thread.start()
    }

    /// The files added, removed or changed since the last call, sorted, once there are
    /// any; nil once the watcher is stopped.
    func next() async -> [String]? {
        await withCheckedContinuation { (continuation: CheckedContinuation<[String]?, Never>) in
            lock.lock()
            defer { lock.unlock() }
            if !pending.isEmpty {
                continuation.resume(returning: pending.sorted())
                pending = []
            } else if stopped {
                continuation.resume(returning: nil)
            } else {
                waiter = continuation
            }
        }
    }

    /// Stops the thread (within a quarter of a second) and ends ``next()``.
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        stopped = true
        waiter?.resume(returning: nil)
        waiter = nil
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func publish(_ changed: [String]) {
        lock.lock()
        defer { lock.unlock() }
        if let waiter {
            waiter.resume(returning: changed)
            self.waiter = nil
        } else {
            pending.formUnion(changed)
        }
    }

    /// An inotify instance, or nil (said once) where there is none.
    static func kernelNotices(fallback: @Sendable (String) -> Void) -> Inotify? {
        #if canImport(Glibc)
        if let inotify = Inotify() { return inotify }
        fallback("cannot ask the system to report changes (inotify: \(String(cString: strerror(errno))))")
        #endif
        return nil
    }

    /// A snapshot of `folders`, watching every folder it walks. Returns the inotify
    /// instance to go on with: nil once the watch limit is reached (said once).
    static func look(_ folders: [String], skipping: String?, inotify: Inotify?,
                     fallback: @Sendable (String) -> Void) -> (FolderSnapshot, Inotify?) {
        #if canImport(Glibc)
        guard let inotify else { return (FolderSnapshot.take(folders, skipping: skipping), nil) }
        var limitReached = false
        let snapshot = FolderSnapshot.take(folders, skipping: skipping) { folder in
            if !limitReached, inotify.watch(folder) == .watchLimit { limitReached = true }
        }
        if limitReached {
            fallback("the system's limit on watched folders is reached (fs.inotify.max_user_watches)")
            return (snapshot, nil)
        }
        return (snapshot, inotify)
        #else
        return (FolderSnapshot.take(folders, skipping: skipping), nil)
        #endif
    }

    /// The thread: wait for a change (told, or after a poll interval), look, publish.
    private func run(inotify: Inotify?, last: FolderSnapshot) {
        var inotify = inotify
        var last = last
        while !isStopped {
            if let watching = inotify {
                guard let told = Self.waitForBurst(watching) else {
                    fallback("the system stopped reporting changes")
                    inotify = nil
                    continue
                }
                if !told || isStopped { continue }
            } else {
                let (seconds, attoseconds) = pollInterval.components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
                if isStopped { return }
            }
            let (now, stillWatching) = Self.look(folders, skipping: skipping, inotify: inotify, fallback: fallback)
            inotify = stillWatching
            let changed = now.changes(since: last)
            if !changed.isEmpty {
                last = now
                publish(changed)
            }
        }
    }

    #if canImport(Glibc)
    /// Waits up to a quarter of a second for an event that may matter, then until the
    /// burst it begins has been quiet for ``quiet`` milliseconds. True when one came,
    /// nil when inotify failed.
    static func waitForBurst(_ inotify: Inotify) -> Bool? {
        guard let events = inotify.events(waitingAtMost: 250) else { return nil }
        guard events.contains(where: matters) else { return false }
        let end = ContinuousClock.now + longestBurst
        while ContinuousClock.now < end {
            guard let more = inotify.events(waitingAtMost: quiet) else { return nil }
            if more.isEmpty { break }
        }
        return true
    }

    /// False for an event about a hidden or backup file (`.name`, `name~`), which the
    /// snapshot leaves out; editors write those constantly.
    static func matters(_ event: Inotify.Event) -> Bool {
        event.name.isEmpty || !(event.name.hasPrefix(".") || event.name.hasSuffix("~"))
    }
    #else
    static func waitForBurst(_ inotify: Inotify) -> Bool? { nil }
    #endif
}

#if !canImport(Glibc)
/// Where there is no inotify, the watcher only polls.
final class Inotify: Sendable {}
#endif
