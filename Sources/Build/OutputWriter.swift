internal import Foundation
internal import Content

/// Writes files into a staging folder. A file whose bytes equal the published copy is
/// hard-linked from it instead, so it keeps its modification time and costs no write.
/// In a reused folder (a session's `SpareSite`), a file already there is kept when it is
/// that link, or holds the new bytes; otherwise it is replaced, never written into, since
/// it may be a link to a published file.
struct OutputWriter: Sendable {
    /// The folder being filled.
    let staging: String
    /// The published folder, compared against; nil when there is none (a first build).
    let published: String?
    /// Counts what is written against the build's budget; nil counts nothing.
    let meter: OutputMeter?
    /// The files already in the staging folder, when it is reused; empty for a new one.
    let reused: Set<String>

    init(staging: String, published: String, meter: OutputMeter? = nil, reused: Set<String> = []) {
        self.staging = staging
        self.meter = meter
        self.reused = reused
        var isFolder: ObjCBool = false
        self.published = FileManager.default.fileExists(atPath: published, isDirectory: &isFolder) && isFolder.boolValue ? published : nil
    }

    struct Failure: Error, Sendable {
        var message: String
    }

    /// Creates the folders the files need, parents first, in one pass, except the
    /// folders in `deferred` that hold no other folder: the caller makes those with
    /// `makeFolder` just before writing into them, so that the work is spread over the
    /// tasks that write.
    func makeFolders(for files: [String], deferring deferred: Set<String> = []) throws {
        var folders = Set<String>()
        var parents = Set<String>()
        for file in files where !reused.contains(file) {
            var folder = Self.folder(of: file)
            var holdsTheFile = true
            while !folder.isEmpty {
                if !holdsTheFile { parents.insert(folder) }
                // A folder seen before had its own parents recorded then.
                if !folders.insert(folder).inserted { break }
                holdsTheFile = false
                folder = Self.folder(of: folder)
            }
        }
        for folder in folders.sorted(by: { $0.count < $1.count }) where !deferred.contains(folder) || parents.contains(folder) {
            try makeFolder(folder)
        }
    }

    /// Creates the folder of `file` just before it is written, unless the file is in the
    /// reused folder already.
    func makeFolder(forFile file: String) throws {
        if !reused.contains(file) { try makeFolder(Self.folder(of: file)) }
    }

    /// Creates one folder (relative to the staging folder) whose parent exists; one that exists already is fine.
    func makeFolder(_ folder: String) throws {
        let path = staging + "/" + folder
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The folder holding `file`, relative like it; empty for a file at the top.
    static func folder(of file: String) -> String {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(file[..<slash])
    }

    /// Writes `bytes` to `file` (relative to the staging folder). Returns true when
    /// new bytes were written, false when the published copy was linked.
    @discardableResult
    func write(_ file: String, _ bytes: UnsafeRawBufferPointer) throws -> Bool {
        let target = staging + "/" + file
        let there = reused.contains(file)
        if let published {
            let old = published + "/" + file
            if Self.sameBytes(old, bytes) {
                if there && Self.sameFile(old, target) {
                    try meter?.charge(bytes.count, linked: true)
                    return false
                }
                if there { unlink(target) }
                if link(old, target) == 0 {
                    try meter?.charge(bytes.count, linked: true)
                    return false
                }
            }
        }
        try meter?.charge(bytes.count, linked: false)
        if there {
            if Self.sameBytes(target, bytes) { return true }
            unlink(target)
        }
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot create \(target): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write \(target): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        return true
    }

    /// Puts the published copy of `file` in the new site, when it still has `stamp`:
    /// nothing has written it since a build wrote it with bytes known to be right.
    /// Returns false, having done nothing, when the stamp differs.
    func keep(_ file: String, stamp: FileStamp) throws -> Bool {
        guard let published else { return false }
        let old = published + "/" + file, target = staging + "/" + file
        guard FileStamp.of(old, followingLinks: false) == stamp else { return false }
        if reused.contains(file) {
            if FileStamp.of(target, followingLinks: false)?.isSameFile(as: stamp) == true {
                try meter?.charge(Int(stamp.size), linked: true)
                return true
            }
            unlink(target)
        }
        guard link(old, target) == 0 else { return false }
        try meter?.charge(Int(stamp.size), linked: true)
        return true
    }

    /// The stamp of `file` in the new site.
    func stamp(of file: String) -> FileStamp? {
        FileStamp.of(staging + "/" + file, followingLinks: false)
    }

    func write(_ file: String, text: String) throws -> Bool {
        var text = text
        return try text.withUTF8 { buffer in try write(file, UnsafeRawBufferPointer(buffer)) }
    }

    func write(_ file: String, data: [UInt8]) throws -> Bool {
        try data.withUnsafeBytes { buffer in try write(file, buffer) }
    }

    /// True when `a` and `b` are one file (links to one inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard let x = FileStamp.of(a, followingLinks: false), let y = FileStamp.of(b, followingLinks: false) else { return false }
        return x.isSameFile(as: y)
    }

    /// True when the regular file at `path` holds exactly `bytes`.
    static func sameBytes(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { buffer.deallocate() }
        var got = 0
        while got < bytes.count {
            let n = read(fd, buffer + got, bytes.count - got)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            got += n
        }
        return memcmp(buffer, bytes.baseAddress!, bytes.count) == 0
    }
}
