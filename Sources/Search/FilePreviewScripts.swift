internal import Foundation

/// The search index as scripts, for a site opened from the file system, where a page
/// may load a script but not fetch a file: each file of the index also comes as
/// `FILE.js`, which calls `whoswhoSearchPiece(PATH, BASE64)` with the file's path under
/// `search/data/` and its bytes. search.js loads these only when the page is a file
/// and the site was built with `--file-preview`.
public enum FilePreviewScripts {
    /// One script for each file of `files` that lies under the index folder.
    public static func scripts(for files: [SearchIndex.File]) -> [SearchIndex.File] {
        files.compactMap { file in
            guard file.path.hasPrefix(SearchIndex.folder) else { return nil }
            let piece = String(file.path.dropFirst(SearchIndex.folder.count))
            // The path is the index's own (letters, digits, '/', '.'), so it needs no escaping
            // in a JavaScript string; base64 needs none either.
            let text = "whoswhoSearchPiece(\"\(piece)\",\"\(Data(file.bytes).base64EncodedString())\");\n"
            return SearchIndex.File(path: file.path + ".js", bytes: Array(text.utf8))
        }
    }
}
