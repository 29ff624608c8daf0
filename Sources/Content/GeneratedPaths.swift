internal import Support

/// A file or folder of the site that whoswho writes itself, and who writes it, for
/// telling a contributor why a static file cannot go there.
public struct GeneratedPath: Sendable, Equatable {
    /// The path in the site, like `cards` or `style.css`.
    public var path: String
    /// True when the site has a folder here (everything under it is generated).
    public var isFolder: Bool
    /// The end of a sentence starting "where…": "whoswho writes the card pages".
    public var writer: String

    /// Creates a generated path.
    public init(_ path: String, isFolder: Bool, writer: String) {
        self.path = path
        self.isFolder = isFolder
        self.writer = writer
    }
}

/// The places in the site that static files must keep out of, and the check that they
/// do: `check` finds every static file or folder that `build` could not write.
public enum GeneratedPaths {
    /// The top of the site that whoswho writes whatever the content holds: the route
    /// table's top-level folders and files. (A test builds a site and checks every page
    /// and data file is under one of these.)
    public static let reserved: [GeneratedPath] = Route.topLevel.map {
        GeneratedPath($0.name, isFolder: $0.isFolder, writer: "whoswho writes " + $0.writes)
    }

    /// One error for each static file or folder that is, holds, or sits inside a
    /// generated path: a static file `cards` (the site's cards/ folder), a folder
    /// `index.html/` (the home page), a file `cards/index.html`. Names are compared
    /// without regard to case, so a site copied to a file system that ignores case
    /// (macOS, Windows) still builds. A folder is reported once, however many files it holds.
    ///
    /// - Parameters:
    ///   - staticFiles: the files under static/, relative to it.
    ///   - display: turns a path relative to the content folder into the one to show.
    public static func collisions(staticFiles: [String], with generated: [GeneratedPath],
                                  display: (String) -> String) -> [Diagnostic] {
        var byPath: [String: GeneratedPath] = [:]
        for g in generated { byPath[g.path.lowercased()] = byPath[g.path.lowercased()] ?? g }
        var files: Set<String> = []
        var folders: [String: Set<String>] = [:]
        for g in generated {
            let lower = g.path.lowercased()
            if g.isFolder { continue }
            files.insert(lower)
            // Every folder a generated file sits in: a static file there would be in the way.
            var parts = lower.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders[parts.joined(separator: "/"), default: []].insert(lower)
                parts = parts.dropLast()
            }
        }
        var reported: Set<String> = []
        var out: [Diagnostic] = []
        for file in staticFiles {
            let parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            var found: (culprit: String, isFolder: Bool, generated: GeneratedPath)?
            // The shortest part of the path that is a generated path, or holds one of its files.
            for end in 1...parts.count {
                let prefix = parts[..<end].joined(separator: "/")
                let lower = prefix.lowercased()
                let isFolder = end < parts.count
                if let g = byPath[lower], g.isFolder || files.contains(lower) {
                    found = (prefix, isFolder, g)
                    break
                }
                if end == 1, let writes = Route.numberedTopLevel(matching: lower) {
                    found = (prefix, isFolder, GeneratedPath(prefix, isFolder: false, writer: "whoswho writes " + writes))
                    break
                }
                if !isFolder, let inside = folders[lower]?.sorted().first, let g = byPath[inside] {
                    found = (prefix, false, g)
                    break
                }
            }
            guard let found, reported.insert(found.culprit.lowercased()).inserted else { continue }
            let what = found.isFolder ? "folder" : "file"
            out.append(Diagnostic(.error, file: display("static/" + found.culprit), line: 0, column: 0,
                message: "this \(what) would be published as '\(found.culprit)' in the site, where \(found.generated.writer); rename it, or move it into a folder of its own, like static/files/",
                note: "static/ is copied to the top of the site, beside the pages whoswho writes"))
        }
        return out
    }
}
