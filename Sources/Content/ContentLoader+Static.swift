internal import Foundation

extension ContentLoader {
    /// Every ordinary file under static/, as sorted paths relative to it. Links and
    /// special files are refused: they could point outside the content folder. Nothing
    /// is left out without a word: a name that is not UTF-8, a folder nested deeper than
    /// `ContentLimits.staticDepth`, anything that is not a file or a folder, is an error;
    /// a folder that cannot be read stops the load.
    static func listStatic(root: String, display: (String) -> String, diagnostics: inout [Diagnostic]) throws(LoadFailure) -> [String] {
        var out: [String] = []
        guard let top = FileIdentity.lstat(root + "/static") else { return out }
        if top.isSymlink {
            diagnostics.append(Diagnostic(.error, file: display("static"), line: 0, column: 0,
                message: "static/ is a symbolic link; it must be an ordinary folder inside the content folder"))
            return out
        }
        guard top.isDirectory else {
            diagnostics.append(Diagnostic(.error, file: display("static"), line: 0, column: 0,
                message: "static should be a folder of files to publish, but it is a file"))
            return out
        }
        func walk(_ relative: String, depth: Int) throws(LoadFailure) {
            guard let entries = FolderListing.entries(root + "/static" + relative) else {
                throw LoadFailure("cannot read the folder '\(display("static" + relative))'")
            }
            for entry in entries where !entry.isHidden {
                guard let name = entry.name else {
                    diagnostics.append(Diagnostic(.error, file: display("static" + relative + "/" + entry.display), line: 0, column: 0,
                        message: "this name is not UTF-8 text (it has the byte 0x\(String(entry.badByte ?? 0, radix: 16, uppercase: true))), so it cannot be published; rename it",
                        note: "files are published under their names as text; rename it using letters, digits, hyphens and dots"))
                    continue
                }
                let child = relative + "/" + name
                guard let info = FileIdentity.lstat(root + "/static" + child) else {
                    throw LoadFailure("cannot read '\(display("static" + child))'")
                }
                if info.isSymlink {
                    diagnostics.append(Diagnostic(.error, file: display("static" + child), line: 0, column: 0,
                        message: "this is a symbolic link; files in static/ must be ordinary files"))
                } else if info.isDirectory {
                    if depth + 1 > ContentLimits.staticDepth {
                        diagnostics.append(Diagnostic(.error, file: display("static" + child), line: 0, column: 0,
                            message: "this folder is \(depth + 1) folders deep inside static/; the most allowed is \(ContentLimits.staticDepth), so nothing in it would be published",
                            note: "move its files into a folder nearer the top of static/"))
                    } else {
                        try walk(child, depth: depth + 1)
                    }
                } else if info.isRegular {
                    if name.lowercased().hasSuffix(".svg"),
                       let problem = SVGContent.check(path: root + "/static" + child, display: display("static" + child), size: info.size) {
                        diagnostics.append(problem)
                    }
                    out.append(String(child.dropFirst()))
                } else {
                    diagnostics.append(Diagnostic(.error, file: display("static" + child), line: 0, column: 0,
                        message: "this is not an ordinary file (it is a pipe, a socket or a device), so it cannot be published; remove it"))
                }
            }
        }
        try walk("", depth: 0)
        return out.sorted()
    }
}
