internal import Foundation
internal import Content

/// What the watched folders hold: every file's path with its stamp (device, inode, size
/// and modification time). Two snapshots differ when a file is added, removed, written or replaced.
///
/// A link is followed: a linked file is stamped by what it points to, so an edit of
/// the file it names counts, and a linked folder is walked like any other (once, so a
/// loop of links ends). A content folder of a few hundred files is read in well under a
/// millisecond, ten thousand cards in a few tens.
struct FolderSnapshot: Equatable, Sendable {
    var files: [String: FileStamp] = [:]

    /// Takes a snapshot of every file under `folders`, except under `skipping` (the
    /// output folder, should it be inside one of them: its own writes must not look
    /// like edits). Hidden names and editor backup files (`name~`) are skipped: the
    /// checker ignores them too, and editors write them constantly. `visiting` is told
    /// each folder before it is listed, and the folder holding each linked file's
    /// target: what a watcher must watch to see every change in the snapshot.
    static func take(_ folders: [String], skipping: String? = nil, visiting: @escaping (String) -> Void = { _ in }) -> FolderSnapshot {
        var walk = Walk(skip: skipping.map(absolute), visiting: visiting)
        for folder in folders { walk.walk(absolute(folder), depth: 0) }
        return walk.snapshot
    }

    /// `path` made absolute, with `.` and `..` worked out, so two spellings compare equal.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Every path added, removed or changed since `earlier`, sorted.
    func changes(since earlier: FolderSnapshot) -> [String] {
        var out = files.compactMap { path, stamp in earlier.files[path] == stamp ? nil : path }
        out += earlier.files.keys.filter { files[$0] == nil }
        return out.sorted()
    }

    private struct Walk {
        let skip: String?
        let visiting: (String) -> Void
        var snapshot = FolderSnapshot()
        /// Folders walked, by device and inode, so a link back up is not followed round.
        var seen: Set<[UInt64]> = []

        mutating func walk(_ folder: String, depth: Int) {
            guard depth < 32, folder != skip else { return }
            var st = stat()
            guard stat(folder, &st) == 0, seen.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else { return }
            visiting(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") {
                let path = folder + "/" + name
                var link = stat()
                guard lstat(path, &link) == 0 else { continue }
                let isLink = link.st_mode & S_IFMT == S_IFLNK
                var st = link
                if isLink && stat(path, &st) != 0 {
                    // A link to nothing: its own stamp, so making it point somewhere counts.
                    st = link
                }
                if st.st_mode & S_IFMT == S_IFDIR {
                    walk(path, depth: depth + 1)
                    continue
                }
                if isLink, let target = Self.realPath(path) {
                    visiting(String(target[..<(target.lastIndex(of: "/") ?? target.startIndex)]))
                }
                snapshot.files[path] = FileStamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                                                 modified: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
            }
        }

        static func realPath(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }
}
