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
        let (first, watching, walked) = Self.look(folders, skipping: skipping, inotify: inotify, fallback: fallback)
        let parents = Self.watchParents(of: folders, inotify: watching, except: walked)
        let thread = Thread { [self] in run(inotify: watching, last: first, parents: parents) }
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
    /// instance to go on with (nil once the watch limit is reached, said once), and the
    /// watches of the folders walked.
    static func look(_ folders: [String], skipping: String?, inotify: Inotify?,
                     fallback: @Sendable (String) -> Void) -> (FolderSnapshot, Inotify?, Set<Int32>) {
        #if canImport(Glibc)
        guard let inotify else { return (FolderSnapshot.take(folders, skipping: skipping), nil, []) }
        var limitReached = false
        var walked = Set<Int32>()
        let snapshot = FolderSnapshot.take(folders, skipping: skipping) { folder in
            guard !limitReached else { return }
            switch inotify.watch(folder) {
            case .success(let watch): walked.insert(watch)
            case .failure(let refusal): limitReached = refusal == .watchLimit
            }
        }
        if limitReached {
            fallback("the system's limit on watched folders is reached (fs.inotify.max_user_watches)")
            return (snapshot, nil, walked)
        }
        return (snapshot, inotify, walked)
        #else
        return (FolderSnapshot.take(folders, skipping: skipping), nil, [])
        #endif
    }

    /// Watches the folder holding each of `folders`, for events about that folder's
    /// name only: a content folder removed and made again (or a link to it replaced)
    /// is seen, and its new self watched. Returns those watches with the names they are
    /// for; a watch that is also one of the folders walked (`except`) is left out, so
    /// that none of its events is passed over.
    static func watchParents(of folders: [String], inotify: Inotify?, except walked: Set<Int32>) -> [Int32: Set<String>] {
        var parents: [Int32: Set<String>] = [:]
        #if canImport(Glibc)
        guard let inotify else { return parents }
        for folder in folders {
            let path = FolderSnapshot.absolute(folder)
            guard let slash = path.lastIndex(of: "/") else { continue }
            let parent = slash == path.startIndex ? "/" : String(path[..<slash])
            if case .success(let watch) = inotify.watch(parent), !walked.contains(watch) {
                parents[watch, default: []].insert(String(path[path.index(after: slash)...]))
            }
        }
        #endif
        return parents
    }

    /// The thread: wait for a change (told, or after a poll interval), look, publish.
    private func run(inotify: Inotify?, last: FolderSnapshot, parents: [Int32: Set<String>]) {
        var inotify = inotify
        var last = last
        while !isStopped {
            if let watching = inotify {
                guard let told = Self.waitForBurst(watching, parents: parents) else {
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
            let (now, stillWatching, _) = Self.look(folders, skipping: skipping, inotify: inotify, fallback: fallback)
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
    static func waitForBurst(_ inotify: Inotify, parents: [Int32: Set<String>]) -> Bool? {
        guard let events = inotify.events(waitingAtMost: 250) else { return nil }
        guard events.contains(where: { matters($0, parents: parents) }) else { return false }
        let end = ContinuousClock.now + longestBurst
        while ContinuousClock.now < end {
            guard let more = inotify.events(waitingAtMost: quiet) else { return nil }
            if more.isEmpty { break }
        }
        return true
    }

    /// False for an event about a hidden or backup file (`.name`, `name~`), which the
    /// snapshot leaves out (editors write those constantly), and for an event in the
    /// folder holding a watched folder about anything but that folder (`parents`).
    static func matters(_ event: Inotify.Event, parents: [Int32: Set<String>] = [:]) -> Bool {
        if let names = parents[event.watch] { return names.contains(event.name) }
        return event.name.isEmpty || !(event.name.hasPrefix(".") || event.name.hasSuffix("~"))
    }
    #else
    static func waitForBurst(_ inotify: Inotify, parents: [Int32: Set<String>]) -> Bool? { nil }
    #endif
}

#if !canImport(Glibc)
/// Where there is no inotify, the watcher only polls.
final class Inotify: Sendable {}
#endif
