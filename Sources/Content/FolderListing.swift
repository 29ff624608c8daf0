internal import Foundation

/// One name in a folder as the file system holds it: bytes, which need not be UTF-8.
/// (Foundation's listing turns bytes that are not UTF-8 into another name, one that
/// then cannot be opened, so such a file was taken for unreadable or quietly missed.)
struct FolderEntry: Sendable {
    /// The name, when its bytes are UTF-8 text.
    var name: String?
    /// The name to show: bytes that are not UTF-8 shown as U+FFFD.
    var display: String
    /// True when the name starts with `.`: hidden, never read or published.
    var isHidden: Bool
    /// The first byte that is not UTF-8, for the message.
    var badByte: UInt8?
}

/// Lists folders by their names' bytes.
enum FolderListing {
    /// The entries of the folder at `path` (without `.` and `..`), sorted by the names
    /// shown; nil when the folder cannot be read.
    static func entries(_ path: String) -> [FolderEntry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [FolderEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return nil }
                break
            }
            let bytes: [UInt8] = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == [UInt8(ascii: ".")] || bytes == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            let bad = SourceText.firstInvalidUTF8(bytes[...])
            let display = String(decoding: bytes, as: UTF8.self)
            out.append(FolderEntry(name: bad == nil ? display : nil, display: display,
                                   isHidden: bytes.first == UInt8(ascii: "."), badByte: bad.map { bytes[$0] }))
        }
        return out.sorted { $0.display < $1.display }
    }
}
