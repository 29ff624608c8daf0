import Foundation
import Testing

/// Snapshot files under Tests/BuildTests/__Snapshots__/: the expected text of a built
/// file, compared line by line. Run the tests with WHOSWHO_RECORD_SNAPSHOTS=1 to write
/// them afresh, then read the change in `git diff` before committing it.
enum Snapshot {
    /// Tests/BuildTests/__Snapshots__.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    /// True when the snapshots are being recorded rather than compared.
    static var recording: Bool { ProcessInfo.processInfo.environment["WHOSWHO_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the snapshot `name` (a relative path under __Snapshots__),
    /// or records it. A mismatch fails with the first differing lines and their context.
    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: file)
            } catch {
                Issue.record("cannot record the snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record("no snapshot at \(file.path); run the tests with WHOSWHO_RECORD_SNAPSHOTS=1 to record it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            Issue.record("""
                \(name) differs from its snapshot (- snapshot, + built); \
                run with WHOSWHO_RECORD_SNAPSHOTS=1 to record the new text if the change is meant:
                \(lineDiff(expected: expected, actual: actual))
                """, sourceLocation: sourceLocation)
        }
    }

    /// JSON laid out one value a line, two spaces an indent, whatever its layout was
    /// (the key order is kept), so a change in a compact file shows as a line or two.
    static func reflowJSON(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var indent = 0, i = 0, inString = false, escaped = false
        func newline() {
            out.append("\n")
            for _ in 0..<(2 * indent) { out.append(" ") }
        }
        func nextSignificant(after index: Int) -> Unicode.Scalar? {
            scalars[(index + 1)...].first { !" \n\r\t".unicodeScalars.contains($0) }
        }
        while i < scalars.count {
            let c = scalars[i]
            defer { i += 1 }
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true; out.append(c)
            case "{", "[":
                out.append(c)
                if let next = nextSignificant(after: i), next == "}" || next == "]" { continue }
                indent += 1
                newline()
            case "}", "]":
                if out.last != "{" && out.last != "[" {
                    indent -= 1
                    newline()
                }
                out.append(c)
            case ",": out.append(c); newline()
            case ":": out.append(":"); out.append(" ")
            case " ", "\n", "\r", "\t": continue
            default: out.append(c)
            }
        }
        return String(out) + "\n"
    }

    /// The lines between the common start and the common end of two texts, marked
    /// `-` (expected) and `+` (actual), with numbered context lines around them.
    static func lineDiff(expected: String, actual: String, context: Int = 3, limit: Int = 20) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var start = 0
        while start < old.count, start < new.count, old[start] == new[start] { start += 1 }
        var oldEnd = old.count, newEnd = new.count
        while oldEnd > start, newEnd > start, old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
        }
        func numbered(_ mark: String, _ index: Int, _ line: Substring) -> String {
            "\(mark) \(String(index + 1).leftPadded(to: 5)) | \(line)"
        }
        var out: [String] = []
        for i in max(0, start - context)..<start { out.append(numbered(" ", i, old[i])) }
        for i in start..<min(oldEnd, start + limit) { out.append(numbered("-", i, old[i])) }
        if oldEnd - start > limit { out.append("- … \(oldEnd - start - limit) more lines") }
        for i in start..<min(newEnd, start + limit) { out.append(numbered("+", i, new[i])) }
        if newEnd - start > limit { out.append("+ … \(newEnd - start - limit) more lines") }
        for i in oldEnd..<min(old.count, oldEnd + context) { out.append(numbered(" ", i, old[i])) }
        return out.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
