internal import Foundation

/// The card files an import reads and writes: finding the cards an earlier import made,
/// and writing each file whole or not at all (CardMerge merges a draft into one).
enum CardFiles {
    /// The import key a card's text carries (`service ID`), when an import wrote it.
    static func importKey(in text: String) -> String? {
        guard let begin = text.range(of: CardDraft.beginMarker) else { return nil }
        let rest = text[begin.upperBound...]
        guard let end = rest.range(of: " -->") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    /// Writes `text` to `path` whole or not at all: into a file beside it, then moved into
    /// place. A new file is linked into place, so that a file made meanwhile is never
    /// replaced; an update replaces the file in one step.
    static func write(_ text: String, to path: String, replacing: Bool) throws(ImportFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.\((path as NSString).lastPathComponent).import-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw ImportFailure("cannot write in the folder '\(folder)'")
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw ImportFailure("cannot replace '\(path)': \(reason)")
            }
        } else {
            let linked = link(temporary, path)
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            guard linked == 0 else { throw ImportFailure("cannot create '\(path)': \(reason)") }
        }
    }
}
