#if canImport(Glibc)
internal import Glibc

/// Linux's inotify, the one place the preview calls it: folders to watch, and a wait
/// that returns once something in one of them changed. It holds only its descriptor,
/// closed on deinit; the calls on it are system calls, safe from any thread.
final class Inotify: Sendable {
    /// Why a folder could not be watched.
    enum Refusal: Error, Equatable {
        /// The kernel's limit on watches (`fs.inotify.max_user_watches`) is reached.
        case watchLimit
        /// Any other reason: the folder is gone, or cannot be read.
        case other(Int32)
    }

    /// What the kernel said about one event, as much as the watcher needs.
    struct Event: Equatable {
        /// The watch it came from, as ``watch(_:)`` returned it.
        var watch: Int32
        var mask: UInt32
        /// The name inside the watched folder; empty for the folder itself.
        var name: String
    }

    /// What changes a watch reports: anything that adds, removes, renames or writes a
    /// file or a folder in the watched folder, or moves or removes the folder itself.
    static let mask = UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO)
        | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    private let descriptor: Int32

    /// A new inotify instance, or nil where there is none to be had (the limit on
    /// instances is reached, or the kernel has no inotify); `errno` says why.
    init?() {
        let fd = inotify_init1(Int32(O_CLOEXEC | O_NONBLOCK))
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Watches the folder at `path`, following a link there, and returns the watch.
    /// Watching a folder already watched (by another spelling or link) is harmless: the
    /// kernel keeps one watch, and returns it again.
    func watch(_ path: String) -> Result<Int32, Refusal> {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        if watch >= 0 { return .success(watch) }
        return .failure(errno == ENOSPC ? .watchLimit : .other(errno))
    }

    /// Waits at most `milliseconds` for events and returns those that came: empty when
    /// none did, nil when the descriptor failed.
    func events(waitingAtMost milliseconds: Int32) -> [Event]? {
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let polled = poll(&ready, 1, milliseconds)
        if polled < 0 { return errno == EINTR ? [] : nil }
        if polled == 0 { return [] }
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return errno == EAGAIN || errno == EINTR ? events : nil }
            if count == 0 { return events }
            events += Self.parse(buffer[..<count])
        }
    }

    /// The events in `bytes`, a whole number of `struct inotify_event` as read(2) gives
    /// them: a 16-byte header (watch, mask, cookie, name length), then the name, padded
    /// with NULs.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var events: [Event] = []
        var offset = bytes.startIndex
        let header = 16
        while offset + header <= bytes.endIndex {
            let start = offset - bytes.startIndex
            let (watch, mask, length) = bytes.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: start, as: Int32.self), raw.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: start + 12, as: UInt32.self)))
            }
            let nameEnd = min(bytes.endIndex, offset + header + length)
            let name = bytes[(offset + header)..<nameEnd].prefix { $0 != 0 }
            events.append(Event(watch: watch, mask: mask, name: String(decoding: name, as: UTF8.self)))
            offset = nameEnd
        }
        return events
    }
}
#endif
