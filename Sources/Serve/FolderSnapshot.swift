internal import Foundation

/// What the watched folders hold: every file's path with its size, modification time
/// and inode. Two snapshots differ when a file is added, removed, written or replaced.
///
/// Polling is portable (Linux and macOS alike) and cheap at this size: a content
/// folder of a few hundred files is read in well under a millisecond.
struct FolderSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    var files: [String: Stamp] = [:]

    /// Takes a snapshot of every file under `folders`, except under `skipping` (the
    /// output folder, should it be inside one of them: its own writes must not look
    /// like edits). Hidden names and editor backup files (`name~`) are skipped: the
    /// checker ignores them too, and editors write them constantly.
    static func take(_ folders: [String], skipping: String? = nil) -> FolderSnapshot {
        var snapshot = FolderSnapshot()
        let skip = skipping.map(absolute)
        for folder in folders { snapshot.walk(absolute(folder), skipping: skip, depth: 0) }
        return snapshot
    }

    /// `path` made absolute, with `.` and `..` worked out, so two spellings compare equal.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private mutating func walk(_ folder: String, skipping: String?, depth: Int) {
        guard depth < 32, folder != skipping, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") {
            let path = folder + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                walk(path, skipping: skipping, depth: depth + 1)
            } else {
                #if canImport(Darwin)
                let modified = st.st_mtimespec
                #else
                let modified = st.st_mtim
                #endif
                files[path] = Stamp(size: Int64(st.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                                    inode: UInt64(st.st_ino))
            }
        }
    }
}
