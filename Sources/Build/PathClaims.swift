internal import Content

/// Who writes each path of the new site. Two outputs on one path, or a file where
/// another output needs a folder, is an error that names both writers.
struct PathClaims {
    /// The writer of each path claimed so far, described for a diagnostic.
    private(set) var owners: [String: String] = [:]
    /// Paths claimed twice, in the order they were claimed.
    var collisions: [Diagnostic] = []

    /// Claims `path` for `owner`; a path claimed before is a collision.
    mutating func claim(_ path: String, by owner: String) {
        if let first = owners[path] {
            collisions.append(Diagnostic(.error, file: owner, line: 0, column: 0,
                message: "this would be written to '\(path)' in the site, where \(first) is written too; rename one"))
        } else {
            owners[path] = owner
        }
    }

    /// A path whose folders include a path written as a file: one of the two cannot be written.
    func folderClashes() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (path, owner) in owners.sorted(by: { $0.key < $1.key }) {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if let first = owners[String(folder)] {
                    out.append(Diagnostic(.error, file: owner, line: 0, column: 0,
                        message: "this would be written to '\(path)' in the site, inside '\(folder)', where \(first) is written as a file; rename one"))
                    break
                }
            }
        }
        return out
    }
}
