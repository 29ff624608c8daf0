/// A JSON value with object keys kept in the order written, so output is the same
/// bytes every time (a Swift dictionary's order changes from run to run).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number with a fraction, such as a latitude; written as Swift's shortest form that
    /// reads back as the same value (`53.5775`), which is valid JSON for any finite value.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.serialized() == b.serialized()
    }

    /// A string, or null when nil.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Compact JSON text. With `scriptSafe`, `<`, `>` and `&` are written as `\u003c`…
    /// so the text can sit inside an HTML `<script>` element without ending it.
    public func serialized(scriptSafe: Bool = false) -> String {
        String(decoding: bytes(scriptSafe: scriptSafe, pretty: false), as: UTF8.self)
    }

    /// JSON text with two-space indentation, for files people read.
    public func pretty() -> String {
        String(decoding: bytes(scriptSafe: false, pretty: true), as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes.
    public func bytes(scriptSafe: Bool = false, pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, scriptSafe: scriptSafe, pretty: pretty, level: 0)
        if pretty { out.append(UInt8(ascii: "\n")) }
        return out
    }

    private static func newline(_ out: inout [UInt8], level: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    /// `s` as a JSON string literal, quotes included: quotes, backslashes, control
    /// characters and U+2028/U+2029 escaped, so the text is also valid JavaScript.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        writeString(s, to: &out, scriptSafe: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact JSON text.
    public func write(to out: inout [UInt8]) { write(to: &out, scriptSafe: false, pretty: false, level: 0) }

    private func write(to out: inout [UInt8], scriptSafe: Bool, pretty: Bool, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .string(let s): JSONValue.writeString(s, to: &out, scriptSafe: scriptSafe)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, level: level + 1) }
                item.write(to: &out, scriptSafe: scriptSafe, pretty: pretty, level: level + 1)
            }
            if pretty { Self.newline(&out, level: level) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, level: level + 1) }
                JSONValue.writeString(key, to: &out, scriptSafe: scriptSafe)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, scriptSafe: scriptSafe, pretty: pretty, level: level + 1)
            }
            if pretty { Self.newline(&out, level: level) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes a JSON string, escaping quotes, backslashes, control characters, the two
    /// line separators JavaScript chokes on, and (script-safe) `<`, `>` and `&`.
    static func writeString(_ s: String, to out: inout [UInt8], scriptSafe: Bool) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            let special = scriptSafe ? scriptSpecial : plainSpecial
            var runStart = 0
            var i = 0
            let n = bytes.count
            @inline(__always) func unicodeEscape(_ value: UInt32) {
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "u"))
                out.append(hex[Int(value >> 12 & 0xF)])
                out.append(hex[Int(value >> 8 & 0xF)])
                out.append(hex[Int(value >> 4 & 0xF)])
                out.append(hex[Int(value & 0xF)])
            }
            while i < n {
                let b = bytes[i]
                guard special[Int(b)] else { i += 1; continue }
                var width = 1
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.append(UInt8(ascii: "\\"))
                    out.append(b)
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.append(UInt8(ascii: "\\"))
                    out.append(b == UInt8(ascii: "\n") ? UInt8(ascii: "n") : b == UInt8(ascii: "\r") ? UInt8(ascii: "r") : UInt8(ascii: "t"))
                case 0xE2:
                    // U+2028 and U+2029 end a line in JavaScript; anything else starting E2 passes.
                    guard i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) else { i += 1; continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default:
                    // Other control characters, and `<`, `>`, `&` when the JSON goes in a script.
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    unicodeEscape(UInt32(b))
                }
                i += width
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Bytes `writeString` looks at: `"`, `\`, controls and the first byte of U+2028/9,
    /// plus `<`, `>` and `&` for JSON written inside a script.
    private static let plainSpecial: [Bool] = (0..<256).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2
    }
    private static let scriptSpecial: [Bool] = (0..<256).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 || b == 0x3C || b == 0x3E || b == 0x26
    }
}
