internal import Foundation
internal import YAML

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
        // The standard library's check (fast on ASCII) decodes valid text in one pass;
        // only a file it refuses is scanned again, to say where.
        var text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else if let bad = firstInvalidUTF8(body) {
            let (line, column) = position(of: bad, in: body)
            return .failure(Diagnostic(.error, file: file, line: line, column: column,
                message: "the file is not valid UTF-8 text (byte 0x\(String(body[bad], radix: 16, uppercase: true)) here)",
                note: "save the file as UTF-8 in your editor"))
        } else {
            text = String(decoding: body, as: UTF8.self)
        }
        if let nul = firstIndex(of: 0, in: body) {
            let (line, column) = position(of: nul, in: body)
            return .failure(Diagnostic(.error, file: file, line: line, column: column, message: "the file contains a NUL byte"))
        }
        if firstIndex(of: 0x0D, in: body) != nil {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(text: text))
    }

    /// The index of the first `byte` in `bytes`, found by `memchr`.
    static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return bytes.startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
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
    /// Scans the UTF-8 bytes once: files are large and many.
    func splitFrontMatter(file: String) -> Result<Split, Diagnostic> {
        var text = self.text
        return text.withUTF8 { utf8 in
            /// The end of the line starting at `start`, and whether it is a `---` (or `...`) line.
            func line(from start: Int) -> (end: Int, isFence: Bool) {
                var end = start
                while end < utf8.count, utf8[end] != UInt8(ascii: "\n") { end += 1 }
                var trimmedEnd = end
                while trimmedEnd > start, utf8[trimmedEnd - 1] == UInt8(ascii: " ") || utf8[trimmedEnd - 1] == UInt8(ascii: "\t") {
                    trimmedEnd -= 1
                }
                return (end, trimmedEnd - start == 3 && (isFence(at: start, UInt8(ascii: "-")) || isFence(at: start, UInt8(ascii: "."))))
            }
            func isFence(at start: Int, _ mark: UInt8) -> Bool {
                utf8[start] == mark && utf8[start + 1] == mark && utf8[start + 2] == mark
            }
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: utf8[range]), as: UTF8.self)
            }
            let first = line(from: 0)
            // A first line of exactly `...` ends a YAML document; it cannot open one.
            guard first.isFence, !(first.end == 3 && isFence(at: 0, UInt8(ascii: "."))) else {
                return .failure(Diagnostic(.error, file: file, line: 1, column: 1,
                    message: "the file should start with a '---' line, then its fields, then another '---' line",
                    note: "see docs/content-format.md for an example"))
            }
            guard first.end < utf8.count else {
                return .failure(Diagnostic(.error, file: file, line: 1, column: 1,
                    message: "the front matter that starts here is never closed: add a '---' line after the last field"))
            }
            let frontStart = first.end + 1
            var start = frontStart
            var lineNumber = 2
            while start < utf8.count {
                let current = line(from: start)
                if current.isFence {
                    let bodyStart = min(current.end + 1, utf8.count)
                    // Keep the front matter's last newline so YAML sees complete lines.
                    return .success(Split(frontMatter: string(frontStart..<start), frontMatterLineOffset: 1,
                                          body: string(bodyStart..<utf8.count), bodyLineOffset: lineNumber))
                }
                guard current.end < utf8.count else { break }
                start = current.end + 1
                lineNumber += 1
            }
            return .failure(Diagnostic(.error, file: file, line: 1, column: 1,
                message: "the front matter that starts here is never closed: add a '---' line after the last field"))
        }
    }
}

/// Reads the line a diagnostic points at, for the caret display.
public enum SourceLines {
    /// Each file read once however many diagnostics point into it; a line is found by
    /// scanning the bytes for newlines (thousands of warnings print in a blink).
    public struct Cache {
        private var files: [String: [UInt8]] = [:]

        public init() {}

        public mutating func line(_ line: Int, ofFileAt path: String) -> String? {
            if files[path] == nil {
                guard let bytes = FileIdentity.read(path, limit: ContentLimits.maxFileBytes) else { return nil }
                files[path] = bytes
            }
            guard let bytes = files[path], line >= 1 else { return nil }
            var current = 1
            var start = 0
            if line > 1 {
                for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
                    current += 1
                    if current == line {
                        start = i + 1
                        break
                    }
                }
                guard current == line else { return nil }
            }
            var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
