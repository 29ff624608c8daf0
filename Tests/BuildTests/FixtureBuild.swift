import Build
import Content
import Foundation
import Render
import Testing

/// Builds of the fixture sites in Tests/Fixtures into temporary folders.
enum FixtureBuild {
    /// Tests/Fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// The package root.
    static let packageRoot = fixtures.deletingLastPathComponent().deletingLastPathComponent()
    /// The repository's themes/ folder, with the default theme.
    static let themes = packageRoot.appendingPathComponent("themes").path
    /// The small, complete, valid content folder.
    static let valid = fixtures.appendingPathComponent("valid")
    /// "Today" for every fixture build.
    static let today = ContentDate(year: 2026, month: 11, day: 27)!
    /// The base URL the snapshot and link tests build with.
    static let baseURL = "https://example.org/whoswho/"

    /// A theme named `probe` in `folder` whose templates are `templates` (name → text),
    /// the default theme giving the rest.
    static func probeTheme(_ templates: [String: String], in folder: URL) throws -> Theme {
        let folder = folder.appendingPathComponent("themes")
        let probe = folder.appendingPathComponent("probe/templates")
        try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: themes + "/default", toPath: folder.appendingPathComponent("default").path)
        for (name, text) in templates {
            try text.write(to: probe.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        return try Theme.load(themesDirectory: folder.path, name: "probe")
    }

    /// Makes a new empty folder in the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-build-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the valid fixture to `folder/content`, without site.yml's base_url, so
    /// that the site is built with relative links unless a test asks for a base URL.
    @discardableResult
    static func copyValid(into folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: valid, to: content)
        try edit(content, "site.yml") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("base_url:") }.joined(separator: "\n")
        }
        return content
    }

    /// Rewrites the file `relative` under `folder`.
    static func edit(_ folder: URL, _ relative: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(relative) changed nothing")
        try Data(changed.utf8).write(to: url)
    }

    /// Writes `text` to `relative` under `folder`, making folders on the way.
    static func write(_ text: String, to folder: URL, _ relative: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Builds `content` into `output` with the repository's themes and today = 2026-11-27.
    static func build(_ content: URL, into output: URL, baseURL: String? = nil) async throws -> BuildReport {
        try await Builder.build(BuildOptions(contentDirectory: content.path, outputDirectory: output.path,
                                             themesDirectory: themes, baseURL: baseURL, today: today))
    }

    /// Builds a copy of the valid fixture into `folder/site` and expects it to publish.
    static func buildValid(in folder: URL, baseURL: String? = nil) async throws -> URL {
        let content = try copyValid(into: folder)
        let output = folder.appendingPathComponent("site")
        let report = try await build(content, into: output, baseURL: baseURL)
        #expect(report.diagnostics == [], "\(DiagnosticFormat.text.render(report.diagnostics))")
        #expect(report.published)
        return output
    }

    /// The text of `relative` in a built site.
    static func text(_ site: URL, _ relative: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(relative), encoding: .utf8)
    }
}

/// Everything a reader or a web server could tell about a folder: every path under it
/// (hidden ones too), with each file's bytes, modification time and inode.
struct FolderState: Equatable, CustomStringConvertible {
    /// One entry under the folder.
    struct Entry: Equatable {
        enum Kind: Equatable { case folder, file, link, other }
        var kind: Kind
        var bytes: [UInt8]
        var modified: timespec
        var inode: UInt64

        static func == (a: Entry, b: Entry) -> Bool {
            a.kind == b.kind && a.bytes == b.bytes && a.inode == b.inode
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// Entries by path relative to the folder.
    var entries: [String: Entry]

    /// Reads the folder at `root`; an empty state when there is none.
    init(_ root: URL) throws {
        entries = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        while let relative = walker.nextObject() as? String {
            let path = root.path + "/" + relative
            var st = stat()
            guard lstat(path, &st) == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
            let kind: Entry.Kind
            switch st.st_mode & S_IFMT {
            case S_IFDIR: kind = .folder
            case S_IFREG: kind = .file
            case S_IFLNK: kind = .link
            default: kind = .other
            }
            let bytes = kind == .file ? [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) : []
            #if canImport(Darwin)
            let modified = st.st_mtimespec
            #else
            let modified = st.st_mtim
            #endif
            entries[relative] = Entry(kind: kind, bytes: bytes, modified: modified, inode: UInt64(st.st_ino))
        }
    }

    /// The relative paths of the regular files, sorted.
    var files: [String] { entries.filter { $0.value.kind == .file }.keys.sorted() }

    /// The paths whose entries differ between two states, sorted, for failure messages.
    func differences(from other: FolderState) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }

    var description: String { "\(entries.count) entries" }
}
