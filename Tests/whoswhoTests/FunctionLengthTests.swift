import Foundation
import Testing

/// Keeps every function and initialiser in Sources/ at most 80 lines, from its first
/// line to its closing brace, so that each reads in one screen. A function is found by
/// its `func` or `init` line and ends at the first `}` on a line of its own at the same
/// indentation, which is how the project's code is laid out.
@Suite struct FunctionLengthTests {
    static let limit = 80

    /// The functions of `text` longer than the limit: their first line and length.
    static func tooLong(in text: String) -> [(line: Int, lines: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let declaration = #"^(\s*)((public|internal|private|fileprivate|package|static|class|mutating|nonisolated|override|final|convenience|required|@\w+(\([^)]*\))?)\s+)*(func|init)\b"#
        var out: [(line: Int, lines: Int)] = []
        for (i, line) in lines.enumerated() {
            guard let match = line.range(of: declaration, options: .regularExpression) else { continue }
            let indent = String(line[match].prefix { $0 == " " })
            // The signature ends on the first line that opens the body; a one-line body closes on it.
            guard let open = lines[i...].firstIndex(where: { $0.hasSuffix("{") || $0.hasSuffix("}") }),
                  lines[open].hasSuffix("{") else { continue }
            guard let close = lines[(open + 1)...].firstIndex(of: indent + "}") else { continue }
            let length = close - i + 1
            if length > limit { out.append((i + 1, length)) }
        }
        return out
    }

    @Test func noFunctionIsLongerThanTheLimit() throws {
        let sources = SourceSizeTests.sources
        let files = try #require(FileManager.default.subpaths(atPath: sources.path)).filter { $0.hasSuffix(".swift") }
        var found: [String] = []
        for file in files.sorted() where !SourceSizeTests.generated.contains(file) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            found += Self.tooLong(in: text).map { "\(file):\($0.line): \($0.lines) lines" }
        }
        #expect(found.isEmpty, "split these into smaller functions: \(found.joined(separator: ", "))")
    }

    /// The scan finds a long function, with a signature over several lines too, and
    /// passes a short one, so that a pass means something.
    @Test func theScanFindsALongFunction() {
        let body = Array(repeating: "        x += 1", count: 85).joined(separator: "\n")
        let long = "struct S {\n    static func f(\n        a: Int\n    ) -> Int {\n\(body)\n    }\n}\n"
        #expect(Self.tooLong(in: long).map(\.line) == [2])
        let short = "struct S {\n    func g() {\n        x += 1\n    }\n    init() { y = 0 }\n}\n"
        #expect(Self.tooLong(in: short).isEmpty)
    }
}
