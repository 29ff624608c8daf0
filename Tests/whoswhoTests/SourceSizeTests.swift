import Foundation
import Testing

/// Keeps every source file short enough to read in one sitting: at most 400 lines.
/// Sources/Render/BuiltInTheme.swift is exempt: `make theme` generates it from themes/default.
@Suite struct SourceSizeTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")
    static let limit = 400
    static let generated: Set<String> = ["Render/BuiltInTheme.swift"]

    @Test func noSourceFileIsLongerThanTheLimit() throws {
        let files = try #require(FileManager.default.subpaths(atPath: Self.sources.path)).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50, "Sources/ should be found at \(Self.sources.path)")
        var tooLong: [String] = []
        for file in files.sorted() where !Self.generated.contains(file) {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            if lines > Self.limit { tooLong.append("\(file): \(lines) lines") }
        }
        #expect(tooLong.isEmpty, "split these along a seam: \(tooLong.joined(separator: ", "))")
    }
}
