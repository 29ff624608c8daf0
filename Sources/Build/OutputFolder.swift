internal import Foundation

/// Which folders a build may replace. A build swaps its new site in for the output
/// folder and deletes what was there, so it only does that to a folder it wrote itself
/// (one holding ``markerName``), to a folder that is absent or empty, or, when the
/// maintainer says so with `--force`, to another folder. It never replaces the content
/// or the themes, a folder that holds them, or the folder the command runs in.
public enum OutputFolder {
    /// The file every build writes at the top of the site, saying whoswho wrote it.
    public static let markerName = ".whoswho-site"

    /// The marker's bytes: the same in every build, so it never counts as a change.
    static let markerText = """
        This folder was written by whoswho. Every build replaces all of it, so keep \
        nothing of your own here: edit the content folder and build again.

        """

    /// Why an output folder is refused.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// What is wrong and what to do, in words for the command line.
        public var message: String
        /// True when `--force` may override it: the folder is not known to be whoswho's.
        public var forceable: Bool
        public var description: String { message }
    }

    /// Checks that a build may replace `output`, given the content and themes folders;
    /// `force` lets it replace an existing folder that whoswho did not write.
    public static func check(output: String, content: String, themes: String, force: Bool) throws(Refusal) {
        let target = canonical(output)
        // Content and themes may be neither replaced nor built into; the working folder
        // and the home folder may not be replaced, though a folder inside them may.
        let guarded: [(path: String, what: String, noSiteInside: Bool)] = [
            (canonical(content), "the content folder", true),
            (canonical(themes), "the themes folder", true),
            (canonical(FileManager.default.currentDirectoryPath), "the folder this command runs in", false),
            (canonical(NSHomeDirectory()), "your home folder", false),
        ]
        for (path, what, noSiteInside) in guarded {
            if target == path {
                throw Refusal(message: "--output '\(output)' is \(what); a build replaces its output folder whole, so it would delete it. Choose a folder of its own, like 'site'", forceable: false)
            }
            if noSiteInside && isInside(target, path) {
                throw Refusal(message: "--output '\(output)' is inside \(what) '\(path)'; the site would be built into the files it is built from. Choose a folder of its own, like 'site'", forceable: false)
            }
            if isInside(path, target) {
                throw Refusal(message: "--output '\(output)' holds \(what) '\(path)'; a build replaces its output folder whole, so it would delete it. Choose a folder of its own, like 'site'", forceable: false)
            }
        }
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK {
            var followed = stat()
            guard stat(target, &followed) == 0, followed.st_mode & S_IFMT == S_IFDIR else {
                throw Refusal(message: "--output '\(output)' is a link to something that is not a folder; give the path of a folder to build into", forceable: false)
            }
        } else if type != S_IFDIR {
            throw Refusal(message: "--output '\(output)' is a file, not a folder; a build would delete it. Give the path of a folder to build into", forceable: false)
        }
        if isMarked(target) || holdsOnlyDotFiles(target) || force { return }
        throw Refusal(message: """
            --output '\(output)' is a folder that whoswho did not write (it has no \(markerName) file), \
            and a build would delete everything in it. Choose a new or empty folder. If it is a site \
            built by an earlier whoswho, build into it once with --force: that build marks it, and \
            later builds replace it without --force
            """, forceable: true)
    }

    /// Removes a folder a build made, its marker last, so that a removal cut short (by a
    /// signal, or a writer still adding files) leaves a marked folder, which the next
    /// build recognises as its own and removes. An absent folder is fine.
    static func removeMarkerLast(_ folder: String) {
        for _ in 0..<3 {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names where name != markerName {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
            guard let rest = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            if rest.allSatisfy({ $0 == markerName }) {
                unlink(folder + "/" + markerName)
                if rmdir(folder) == 0 || errno == ENOENT { return }
            }
        }
    }

    /// True when `folder` holds the marker as a regular file.
    static func isMarked(_ folder: String) -> Bool {
        var info = stat()
        return lstat(folder + "/" + markerName, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// True when everything in `folder` is a regular file whose name starts with `.`
    /// (an empty folder, or the project's site/ holding only its .gitignore). A build
    /// keeps those files.
    static func holdsOnlyDotFiles(_ folder: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        return names.allSatisfy { name in
            var info = stat()
            return name.hasPrefix(".") && lstat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }
    }

    /// The top-level regular files of `folder` whose names start with `.`, other than
    /// the marker: kept from the published site into the next one.
    static func keptDotFiles(_ folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { name in
            var info = stat()
            return name.hasPrefix(".") && name != markerName && lstat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }.sorted()
    }

    /// `path` made absolute, with `.` and `..` and every symbolic link in the part that
    /// exists resolved; the part that does not exist yet is added as written.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return resolve(absolute)
    }

    private static func resolve(_ absolute: String) -> String {
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let url = URL(fileURLWithPath: absolute)
        let name = url.lastPathComponent
        let parent = url.deletingLastPathComponent().path
        guard parent != absolute, !parent.isEmpty else { return absolute }
        let resolvedParent = resolve(parent)
        switch name {
        case ".", "": return resolvedParent
        case "..": return URL(fileURLWithPath: resolvedParent).deletingLastPathComponent().path
        default: return resolvedParent == "/" ? "/" + name : resolvedParent + "/" + name
        }
    }

    /// True when `path` is strictly inside `folder`; both canonical.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
}
