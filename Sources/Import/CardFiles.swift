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
        guard writeFile(Array(text.utf8), at: temporary) else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ImportFailure("cannot write in the folder '\(folder)': \(reason)")
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

    /// Writes `bytes` to a new file at `path` with plain writes, as the build writes the
    /// site. FileManager's `createFile` forced every card to disk (fsync) before the next:
    /// four fifths of the wall time of an import of thousands of cards went in waiting
    /// for the disk. The move into place keeps each file whole or absent.
    static func writeFile(_ bytes: [UInt8], at path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { close(fd); return false }
            offset += n
        }
        return close(fd) == 0
    }
}
