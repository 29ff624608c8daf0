import Foundation
@testable import Serve
import Testing

/// The watcher sees every kind of change an editor or a person makes: a save in place,
/// an atomic save (a temporary file renamed over the old one), a file in a folder made
/// after it started, and edits through links. With inotify each is seen only because the
/// kernel told of it: the watcher does not look otherwise, so a change it was not told
/// of would leave `next()` waiting until the hang guard ends the test.
@Suite struct FolderWatcherTests {
    /// A watcher over a sandbox's content folder, and the sandbox.
    static func watching(_ notices: ChangeNotices = .automatic, setUp: (Sandbox) throws -> Void = { _ in }) throws
        -> (FolderWatcher, Sandbox, Fallbacks) {
        let sandbox = try Sandbox()
        try setUp(sandbox)
        let fallbacks = Fallbacks()
        let watcher = FolderWatcher(folders: [sandbox.content], skipping: sandbox.output, pollInterval: .milliseconds(50),
                                    notices: notices) { fallbacks.add($0) }
        return (watcher, sandbox, fallbacks)
    }

    /// The fallback notices given, from the watcher's thread.
    final class Fallbacks: @unchecked Sendable {
        private let lock = NSLock()
        private var reasons: [String] = []
        func add(_ reason: String) { lock.withLock { reasons.append(reason) } }
        var all: [String] { lock.withLock { reasons } }
    }

    static func next(_ watcher: FolderWatcher) async -> [String]? {
        await TestClient.withinHangGuard { await watcher.next() } ?? nil
    }

    @Test func anAtomicSaveIsSeen() async throws {
        let (watcher, sandbox, fallbacks) = try Self.watching()
        defer { watcher.stop(); sandbox.remove() }
        let card = sandbox.content + "/cards/ada-example.md"
        let text = try String(contentsOfFile: card, encoding: .utf8)
        let temporary = sandbox.content + "/cards/.ada-example.md.tmp"
        try text.replacingOccurrences(of: "Ada Example", with: "Ada Saved").write(toFile: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary, card) == 0)
        #expect(await Self.next(watcher) == [card])
        #if os(Linux)
        #expect(fallbacks.all == [], "inotify is there on Linux")
        #endif
    }

    /// Only hidden and backup files changed: nothing is handed out; the edit after is.
    @Test func hiddenAndBackupFilesAreNotChanges() async throws {
        let (watcher, sandbox, _) = try Self.watching()
        defer { watcher.stop(); sandbox.remove() }
        try "x".write(toFile: sandbox.content + "/cards/.ada-example.md.swp", atomically: false, encoding: .utf8)
        try "x".write(toFile: sandbox.content + "/cards/ada-example.md~", atomically: false, encoding: .utf8)
        try sandbox.edit("guides/measuring.md", "---", "--- ")
        #expect(await Self.next(watcher) == [sandbox.content + "/guides/measuring.md"])
    }

    @Test func aFileInANewFolderIsSeen() async throws {
        let (watcher, sandbox, _) = try Self.watching()
        defer { watcher.stop(); sandbox.remove() }
        let folder = sandbox.content + "/static/new/deeper"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "one".write(toFile: folder + "/one.txt", atomically: false, encoding: .utf8)
        var seen = Set(await Self.next(watcher) ?? [])
        // The folder may be looked at between its making and the file's: then the file
        // comes in the next batch, seen through the folder's own new watch.
        if seen.isEmpty || !seen.contains(folder + "/one.txt") { seen.formUnion(await Self.next(watcher) ?? []) }
        #expect(seen == [folder + "/one.txt"])
        try "two".write(toFile: folder + "/two.txt", atomically: false, encoding: .utf8)
        #expect(await Self.next(watcher) == [folder + "/two.txt"])
    }

    /// A linked folder is watched where it points, and so is the folder of a linked
    /// file's target, so that an atomic save of the target is seen too.
    @Test func editsThroughLinksAreSeen() async throws {
        let (watcher, sandbox, _) = try Self.watching { sandbox in
            let outside = sandbox.parent + "/outside"
            try FileManager.default.createDirectory(atPath: outside + "/shared", withIntermediateDirectories: true)
            try "a".write(toFile: outside + "/shared/a.txt", atomically: false, encoding: .utf8)
            try "b".write(toFile: outside + "/b.md", atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: sandbox.content + "/static/shared", withDestinationPath: outside + "/shared")
            try FileManager.default.createSymbolicLink(atPath: sandbox.content + "/cards/b.md", withDestinationPath: outside + "/b.md")
        }
        defer { watcher.stop(); sandbox.remove() }
        try "a, edited".write(toFile: sandbox.parent + "/outside/shared/a.txt", atomically: false, encoding: .utf8)
        #expect(await Self.next(watcher) == [sandbox.content + "/static/shared/a.txt"])
        try "b, saved".write(toFile: sandbox.parent + "/outside/b.md", atomically: true, encoding: .utf8)
        #expect(await Self.next(watcher) == [sandbox.content + "/cards/b.md"])
    }

    /// The content folder removed and made again, as a copy over it does: the new
    /// folder is watched, and an edit in it is seen.
    @Test func aContentFolderMadeAgainIsWatched() async throws {
        let (watcher, sandbox, _) = try Self.watching()
        defer { watcher.stop(); sandbox.remove() }
        let moved = sandbox.parent + "/content-before"
        #expect(rename(sandbox.content, moved) == 0)
        let gone = await Self.next(watcher) ?? []
        #expect(gone.contains(sandbox.content + "/cards/ada-example.md") && gone.contains(sandbox.content + "/site.yml"), "every file went: \(gone)")
        // Folders alone change no snapshot: the file written in them is the change. It
        // is seen whether the folders were looked at before it was written (then through
        // their new watches) or after (then in that look).
        try FileManager.default.createDirectory(atPath: sandbox.content + "/cards", withIntermediateDirectories: true)
        try "name: X\n".write(toFile: sandbox.content + "/cards/x.yml", atomically: true, encoding: .utf8)
        #expect(await Self.next(watcher) == [sandbox.content + "/cards/x.yml"])
        try "name: Y\n".write(toFile: sandbox.content + "/cards/x.yml", atomically: true, encoding: .utf8)
        #expect(await Self.next(watcher) == [sandbox.content + "/cards/x.yml"])
    }

    @Test func pollingSeesAnEditToo() async throws {
        let (watcher, sandbox, fallbacks) = try Self.watching(.polling)
        defer { watcher.stop(); sandbox.remove() }
        try sandbox.edit("cards/ada-example.md", "Ada Example", "Ada Polled")
        #expect(await Self.next(watcher) == [sandbox.content + "/cards/ada-example.md"])
        #expect(fallbacks.all == [], "polling asked for is not a fallback to tell of")
    }

    @Test func stoppingEndsNext() async throws {
        let (watcher, sandbox, _) = try Self.watching()
        defer { sandbox.remove() }
        let waiting = Task { await watcher.next() }
        watcher.stop()
        #expect(await TestClient.withinHangGuard { await waiting.value } == .some(nil))
    }

    #if os(Linux)
    /// The kernel's events as read(2) gives them: header, then a name padded with NULs.
    @Test func inotifyEventsAreParsed() {
        func event(_ mask: UInt32, _ name: String, padded: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            for value in [UInt32(1), mask, 0, UInt32(padded)] { withUnsafeBytes(of: value) { bytes += $0 } }
            return bytes + Array(name.utf8) + Array(repeating: 0, count: padded - name.utf8.count)
        }
        let bytes = event(0x100, "ada.md", padded: 16) + event(0x400, "", padded: 0)
        #expect(Inotify.parse(bytes[...]) == [Inotify.Event(watch: 1, mask: 0x100, name: "ada.md"), Inotify.Event(watch: 1, mask: 0x400, name: "")])
        #expect(FolderWatcher.matters(Inotify.Event(watch: 1, mask: 0x100, name: "ada.md")))
        #expect(!FolderWatcher.matters(Inotify.Event(watch: 1, mask: 0x100, name: ".ada.md.swp")))
        #expect(!FolderWatcher.matters(Inotify.Event(watch: 1, mask: 0x100, name: "ada.md~")))
        // In the folder holding the content folder, only events about the content folder matter.
        #expect(FolderWatcher.matters(Inotify.Event(watch: 2, mask: 0x100, name: "content"), parents: [2: ["content"]]))
        #expect(!FolderWatcher.matters(Inotify.Event(watch: 2, mask: 0x100, name: "site"), parents: [2: ["content"]]))
    }
    #endif
}
