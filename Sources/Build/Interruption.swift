internal import Foundation

/// What happens to a build stopped by SIGINT (Ctrl-C) or SIGTERM (a CI job cancelled):
/// the staging folder is removed and the process exits, and the published site is
/// either the previous one or the new one, whole: a signal cannot land in the middle of
/// the swap. (SIGKILL cannot be caught; what it leaves is removed by the next build.)
public enum Interruption {
    /// Staging folders of the builds in progress in this process. Global because a
    /// signal belongs to the whole process; only `Staging` and the signal handler touch it.
    private static let active = ActiveStaging()

    /// Handles SIGINT and SIGTERM for the rest of the process: removes the staging folder
    /// of every build in progress, calls `report` with the signal's number (the command
    /// line says what happened), and exits with status 128 + the signal's number.
    /// For the command line; a library user that handles signals itself need not call it.
    public static func removeStagingOnSignals(report: @escaping @Sendable (Int32) -> Void) {
        active.installHandlers(for: [SIGINT, SIGTERM]) { signal in
            abandonStaging()
            report(signal)
            exit(128 + signal)
        }
    }

    /// Removes the staging folder of every build in progress, once any swap under way has
    /// finished, and keeps every build in this process from swapping afterwards. For a
    /// command that handles signals itself and exits next (`serve`, stopped while a
    /// rebuild is running).
    public static func abandonStaging() { active.abandonAll() }

    /// Records a staging folder as in progress.
    static func track(_ staging: String) { active.insert(staging) }

    /// Records a staging folder as removed.
    static func untrack(_ staging: String) { active.remove(staging) }

    /// Runs `swap` so that no signal handler removes a folder while it runs.
    static func holdingSignals<T>(_ swap: () -> T) -> T { active.holding(swap) }
}

/// The staging folders in progress, behind one lock.
/// `@unchecked Sendable`: every stored property is read and written only while `lock`
/// is held, and the signal sources are set once, under the lock, and never changed.
private final class ActiveStaging: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var sources: [any DispatchSourceSignal] = []

    func insert(_ folder: String) { lock.withLock { _ = folders.insert(folder) } }

    func remove(_ folder: String) { lock.withLock { _ = folders.remove(folder) } }

    func holding<T>(_ body: () -> T) -> T { lock.withLock(body) }

    func installHandlers(for signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
        lock.withLock {
            guard sources.isEmpty else { return }
            for number in signals {
                // The default action would end the process at once; ignore it and act on
                // the signal from a dispatch queue instead, outside the signal context.
                Foundation.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { handler(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Takes the lock for good (the process exits next) and removes every staging
    /// folder: first renamed, so that no writer still running can add to it, to a name the
    /// next build removes if this removal is cut short.
    func abandonAll() {
        lock.lock()
        for folder in folders.sorted() {
            let abandoned = folder + "-interrupted"
            let target = rename(folder, abandoned) == 0 ? abandoned : folder
            OutputFolder.removeMarkerLast(target)
        }
    }
}
