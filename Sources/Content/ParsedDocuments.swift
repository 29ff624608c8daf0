internal import Foundation
internal import Support

/// What `lstat(2)` tells of a content file that changes whenever the file does: its
/// device, inode, size and modification time in nanoseconds. An edit in place changes
/// the size or the time; a save that writes a new file and renames it over the old
/// changes the inode.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
    }

    /// The stamp of `path`, or of what it names when it is a link and `followingLinks`;
    /// nil when there is nothing there.
    public static func of(_ path: String, followingLinks: Bool) -> FileStamp? {
        var st = Glibc.stat()
        guard (followingLinks ? stat(path, &st) : lstat(path, &st)) == 0 else { return nil }
        return FileStamp(st)
    }

    init(_ st: Glibc.stat) {
        self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                  modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// True when both stamps are of one file (one inode of one device), changed since or not.
    public func isSameFile(as other: FileStamp) -> Bool {
        device == other.device && inode == other.inode
    }

    /// How recent a file's time may be and still be trusted to change with the file's
    /// next write: two seconds, the coarsest clock of a common file system (FAT).
    public static let clockTick: Int64 = 2_000_000_000

    /// The system clock now, in nanoseconds since 1970, as file times are told.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// Every card and guide file one load read and parsed, by path and stamp, for the next
/// load of the same folder to take instead of reading and parsing the file again: the
/// preview server's rebuilds reuse every file that was not saved since.
///
/// Only the work on one file alone is kept (its fields, its parsed body, its own
/// diagnostics); everything that looks across files runs again on every load. A file is
/// taken again only when its stamp is the one it was read with. A file whose time was
/// still recent when it was read could be written again within the file system's clock
/// tick, leaving the stamp as it was, so its bytes are kept too, and the next load reads
/// it and compares them ("racily clean", as Git calls it).
public struct ParsedDocuments: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var parsed: ContentLoader.ParsedFile
        /// The bytes parsed, kept only while the file's time is too recent to trust.
        var bytes: [UInt8]?
    }

    var entries: [String: Entry] = [:]
    /// What every entry also depends on: the folder as the user named it (diagnostics
    /// start with it) and how much was parsed.
    var directory: String?
    var depth: ParseDepth?

    /// Files read from disk by the load that made these (each one parsed, or compared
    /// with the bytes kept for it).
    public internal(set) var filesRead = 0
    /// Files parsed by the load that made these.
    public internal(set) var filesParsed = 0

    /// None kept: the first load reads and parses every file.
    public init() {}

    /// The files kept.
    public var count: Int { entries.count }

    /// The entry for `file` when it may be taken for a load of `directory` at `depth`.
    func entry(for file: ContentLoader.DocumentFile, directory: String, depth: ParseDepth) -> Entry? {
        guard self.directory == directory, self.depth == depth, let entry = entries[file.relative], entry.stamp == file.stamp else {
            return nil
        }
        return entry
    }
}

extension ContentLoader {
    /// One file's outcome: what the load uses, and what is kept for the next load.
    struct ReusedFile: Sendable {
        var parsed: ParsedFile
        var entry: ParsedDocuments.Entry?
        var read = true
        var reparsed = true
    }

    /// Parses every document on every core, taking from `previous` each file whose
    /// stamp is unchanged. Files whose time is after `recent` keep their bytes.
    static func parseAll(root: String, directory: String, files: [DocumentFile], display: @escaping @Sendable (String) -> String,
                         depth: ParseDepth, previous: ParsedDocuments) async -> (parsed: [ParsedFile], kept: ParsedDocuments) {
        let recent = FileStamp.now() - FileStamp.clockTick
        let outcomes = await Concurrent.map(files.count, minimumChunk: 16) { k in
            reuseOrParse(root: root, file: files[k], display: display(files[k].relative), depth: depth,
                         kept: previous.entry(for: files[k], directory: directory, depth: depth), recent: recent)
        }
        var kept = ParsedDocuments()
        kept.directory = directory
        kept.depth = depth
        for (file, outcome) in zip(files, outcomes) {
            if let entry = outcome.entry { kept.entries[file.relative] = entry }
            kept.filesRead += outcome.read ? 1 : 0
            kept.filesParsed += outcome.reparsed ? 1 : 0
        }
        return (outcomes.map { $0.parsed }, kept)
    }

    /// `kept` when its stamp can be trusted or its bytes are the file's; otherwise the file read and parsed.
    static func reuseOrParse(root: String, file: DocumentFile, display: String, depth: ParseDepth,
                             kept: ParsedDocuments.Entry?, recent: Int64) -> ReusedFile {
        if let kept, kept.bytes == nil {
            return ReusedFile(parsed: kept.parsed, entry: kept, read: false, reparsed: false)
        }
        guard let bytes = FileIdentity.read(root + "/" + file.relative, limit: ContentLimits.maxFileBytes) else {
            return ReusedFile(parsed: ParsedFile(unreadable: display))
        }
        let keepsBytes = file.stamp.modified > recent
        if let kept, kept.bytes == bytes {
            return ReusedFile(parsed: kept.parsed, entry: .init(stamp: file.stamp, parsed: kept.parsed, bytes: keepsBytes ? bytes : nil),
                              reparsed: false)
        }
        let parsed = parse(bytes: bytes, file: file, display: display, depth: depth)
        return ReusedFile(parsed: parsed, entry: .init(stamp: file.stamp, parsed: parsed, bytes: keepsBytes ? bytes : nil))
    }
}
