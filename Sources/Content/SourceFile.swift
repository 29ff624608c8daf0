internal import Foundation
public import YAML

/// Limits on what one content file may be.
public enum ContentLimits {
    /// The largest content file read, in bytes.
    public static let maxFileBytes = 1 << 20
}

/// The text of one content file, decoded and split into front matter and body.
struct SourceText {
    /// The whole text, UTF-8, with CRLF turned into LF and any byte-order mark removed.
    var text: String

    /// Decodes file bytes, reporting invalid UTF-8 and NUL bytes at their line and column.
    static func decode(_ bytes: [UInt8], file: String) -> Result<SourceText, Diagnostic> {
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1, message: "the file is empty"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            let (line, column) = position(of: bad, in: body)
            return .failure(Diagnostic(.error, file: file, line: line, column: column,
                message: "the file is not valid UTF-8 text (byte 0x\(String(body[bad], radix: 16, uppercase: true)) here)",
                note: "save the file as UTF-8 in your editor"))
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: body)
            return .failure(Diagnostic(.error, file: file, line: line, column: column, message: "the file contains a NUL byte"))
        }
        var text = String(decoding: body, as: UTF8.self)
        if body.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(text: text))
    }

    /// The index of the first byte that does not belong to valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= end else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        for i in bytes.startIndex..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Count characters, not bytes: continuation bytes do not start a character.
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    /// Front matter between a first `---` line and the next `---` line, and the body after it.
    struct Split {
        var frontMatter: String
        /// The line the front matter's first line is on, less one (to offset YAML marks).
        var frontMatterLineOffset: Int
        var body: String
        /// The line the body starts on, less one (to offset Markdown positions).
        var bodyLineOffset: Int
    }

    /// Splits a Markdown file with front matter; the failure is the diagnostic to report.
    func splitFrontMatter(file: String) -> Result<Split, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1,
                message: "the file should start with a '---' line, then its fields, then another '---' line",
                note: "see docs/content-format.md for an example"))
        }
        var index = 1
        while index < lines.count {
            let l = lines[index].trimmingTrailingSpaces()
            if l == "---" || l == "..." { break }
            index += 1
        }
        guard index < lines.count else {
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1,
                message: "the front matter that starts here is never closed: add a '---' line after the last field"))
        }
        let front = lines[1..<index].joined(separator: "\n")
        let body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
        return .success(Split(frontMatter: front, frontMatterLineOffset: 1, body: body, bodyLineOffset: index + 1))
    }

    /// The text of a 1-based line, for showing a diagnostic's source.
    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(l) }
            current += 1
        }
        return nil
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}

/// Reads the line a diagnostic points at, for the caret display.
public enum SourceLines {
    /// The text of `line` in the file at `path`, or nil when it cannot be read.
    public static func line(_ line: Int, ofFileAt path: String) -> String? {
        guard line >= 1, let data = FileManager.default.contents(atPath: path), data.count <= ContentLimits.maxFileBytes else { return nil }
        return SourceText.line(line, of: String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
    }
}
