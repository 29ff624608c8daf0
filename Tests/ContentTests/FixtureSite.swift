import Content
import Foundation
import Testing

/// The fixture folders in Tests/Fixtures and the date every fixture is checked on.
enum Fixtures {
    /// Tests/Fixtures.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// The package root, which holds the repository's own content/.
    static let packageRoot = folder.deletingLastPathComponent().deletingLastPathComponent()
    /// The small, complete, valid content folder every other fixture is laid over.
    static let valid = folder.appendingPathComponent("valid")
    /// "Today" for every fixture: stale-card warnings are measured from it.
    static let today = ContentDate(year: 2026, month: 11, day: 27)!

    /// The names of the folders under invalid/, one per rule.
    static let invalidRules: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("invalid").path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Files that cannot live in git as they are (bytes git may mangle, links, a file
    /// over 1 MiB), written into the temporary site for the invalid fixture of that name.
    static let generated: [String: @Sendable (URL) throws -> Void] = [
        "non-utf8": { site in
            // "é" is two bytes but one column: the bad byte 0xFF is in column 12.
            try write(Array("---\nname: Café ".utf8) + [0xFF] + Array("\nkind: group\n---\n".utf8), to: site, "cards/latin-1.md")
        },
        "file-too-large": { site in
            let limit = 1 << 20
            try write(pad("---\nname: Huge\n---\n", to: limit + 1), to: site, "cards/huge.md")
            // Exactly at the limit is allowed; the padding is a YAML comment, since the
            // Markdown text has a smaller limit of its own (64 KiB).
            let head = "---\nname: Just under\nkind: group\nsummary: Example card exactly at the limit.\n"
                + "topics: [carers]\nregions: [scotland]\nupdated: 2026-05-01\ncontact:\n  email: just.under@example.org\n# "
            let tail = "\n---\n\nExample card.\n"
            try write(Array((head + String(repeating: "x", count: limit - head.utf8.count - tail.utf8.count) + tail).utf8),
                      to: site, "cards/just-under.md")
        },
        "symlinked-card": { site in
            try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("cards/alias.md").path,
                                                       withDestinationPath: "memory-cafe.md")
            // A link to a file outside the content folder must not be read.
            try write(Array("---\ntitle: Secret\n---\n".utf8), to: site.deletingLastPathComponent(), "secret.md")
            try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("guides/outside.md").path,
                                                       withDestinationPath: "../../secret.md")
        },
        "symlinked-folder": { site in
            let outside = site.deletingLastPathComponent().appendingPathComponent("outside-static")
            try FileManager.default.moveItem(at: site.appendingPathComponent("static"), to: outside)
            try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("static").path,
                                                       withDestinationPath: "../outside-static")
        },
        "hard-link": { site in
            try FileManager.default.linkItem(at: site.appendingPathComponent("cards/peer-network.md"),
                                             to: site.appendingPathComponent("cards/z-network.md"))
        },
        "crlf-positions": { site in
            let text = "---\nname: CRLF\nkind: group\nsummary: Example card with Windows line ends.\ntopics: [carers, mental-helth]\n"
                + "regions: [scotland]\nupdated: 2026-05-01\n---\n\nSee [nobody](nobody.md).\n"
            try write(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: site, "cards/crlf.md")
        },
        "bom-positions": { site in
            let text = "name: [Not, text]\nkind: group\nsummary: Example card with a byte-order mark.\ntopics: [carers]\n"
                + "regions: [scotland]\nupdated: 2026-05-01\n"
            try write([0xEF, 0xBB, 0xBF] + Array(text.utf8), to: site, "cards/bom.yml")
        },
    ]

    /// Writes bytes to `relative` under `folder`, making folders on the way.
    static func write(_ bytes: [UInt8], to folder: URL, _ relative: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// `text` followed by `x`s up to `size` bytes.
    static func pad(_ text: String, to size: Int) -> [UInt8] {
        let bytes = Array(text.utf8)
        return bytes + [UInt8](repeating: UInt8(ascii: "x"), count: size - bytes.count)
    }
}

/// A temporary content folder: a copy of the valid fixture with an overlay's files laid over it.
struct TemporarySite {
    /// The temporary folder that holds the site (and room outside it for escape attempts).
    let parent: URL
    /// The content folder.
    let directory: URL

    /// Copies valid/ to a new temporary folder, then copies every file of `overlay`
    /// (a folder under Tests/Fixtures) over it, except expected.txt.
    init(overlay: String? = nil) throws {
        let fm = FileManager.default
        parent = fm.temporaryDirectory.appendingPathComponent("whoswho-tests-\(UUID().uuidString)")
        directory = parent.appendingPathComponent("site")
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.copyFiles(from: Fixtures.valid, to: directory)
        if let overlay { try Self.copyFiles(from: Fixtures.folder.appendingPathComponent(overlay), to: directory) }
    }

    /// Copies the bytes of every file under `source` except expected.txt to the same
    /// path under `destination`, replacing what is there. (Bytes only: copying owners
    /// and permissions fails for a user who does not own the checkout.)
    static func copyFiles(from source: URL, to destination: URL) throws {
        for relative in files(in: source) where relative != "expected.txt" {
            let data = try Data(contentsOf: source.appendingPathComponent(relative))
            try Fixtures.write(Array(data), to: destination, relative)
        }
    }

    /// Paths of the regular files under `folder`, relative to it, sorted.
    static func files(in folder: URL) -> [String] {
        var out: [String] = []
        func walk(_ relative: String) {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(child).path, isDirectory: &isDirectory)
                if isDirectory.boolValue { walk(child) } else { out.append(child) }
            }
        }
        walk("")
        return out.sorted()
    }

    /// Loads the site as `whoswho build` does.
    func load(today: ContentDate = Fixtures.today) async throws -> LoadResult {
        try await ContentLoader.load(directory.path, today: today)
    }

    /// Loads the site as `whoswho check` does: for its diagnostics only.
    func check(today: ContentDate = Fixtures.today) async throws -> LoadResult {
        try await ContentLoader.load(directory.path, today: today, diagnosticsOnly: true)
    }

    /// A diagnostic as a line of expected.txt: `SEVERITY FILE:LINE:COLUMN MESSAGE`, with
    /// the content folder's path taken off the file and out of the message.
    func line(_ d: Diagnostic) -> String {
        let prefix = directory.path + "/"
        let file = d.file.hasPrefix(prefix) ? String(d.file.dropFirst(prefix.count)) : d.file
        return "\(d.severity.rawValue) \(file):\(d.line):\(d.column) \(d.message.replacingOccurrences(of: prefix, with: ""))"
    }

    /// Deletes the temporary folder.
    func remove() {
        try? FileManager.default.removeItem(at: parent)
    }
}
