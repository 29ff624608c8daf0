/// Warnings that stay readable at scale: a directory of thousands of cards can have
/// thousands of warnings of one kind (cards past their review date), which would bury
/// the one warning of another kind. Warnings of one kind beyond a few are summed up in
/// one line; errors are always shown in full.
public enum DiagnosticGroups {
    /// How many warnings of one kind are shown in full before the rest are summed up.
    public static let shownPerKind = 3
    /// A kind is summed up only when it has more than this many warnings.
    public static let threshold = 10

    /// The kind of a diagnostic: its message with quoted values and numbers taken out,
    /// so that "last updated on 2024-11-26" and "on 2023-01-02" are one kind.
    public static func kind(of d: Diagnostic) -> String {
        d.severity.rawValue + " " + (asciiKind(of: d.message) ?? characterKind(of: d.message))
    }

    /// `kind`'s message part, character by character.
    static func characterKind(of message: String) -> String {
        var out = ""
        var inQuote = false
        var previousDigit = false
        for c in message {
            if c == "'" {
                if !inQuote { out.append("'…") }
                inQuote.toggle()
                continue
            }
            if inQuote { continue }
            if c.isNumber {
                if !previousDigit { out.append("#") }
                previousDigit = true
                continue
            }
            previousDigit = false
            out.append(c)
        }
        return out
    }

    /// `kind`'s message part by bytes, for an ASCII message (each byte a character, and
    /// the numbers 0 to 9 only); nil for any other message.
    static func asciiKind(of message: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(message.utf8.count)
        var inQuote = false
        var previousDigit = false
        for byte in message.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "'") {
                if !inQuote { out.append(contentsOf: "'…".utf8) }
                inQuote.toggle()
                continue
            }
            if inQuote { continue }
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                if !previousDigit { out.append(UInt8(ascii: "#")) }
                previousDigit = true
                continue
            }
            previousDigit = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The diagnostics to show in full, in their order, and for each kind cut short, one
    /// example message and how many of that kind were left out.
    public static func condensed(_ diagnostics: [Diagnostic]) -> (shown: [Diagnostic], omitted: [(example: Diagnostic, count: Int)]) {
        // Each warning's kind is worked out once: there may be thousands.
        let kinds = diagnostics.map { $0.isError ? "" : kind(of: $0) }
        var counts: [String: Int] = [:]
        for (d, k) in zip(diagnostics, kinds) where !d.isError { counts[k, default: 0] += 1 }
        var seen: [String: Int] = [:]
        var shown: [Diagnostic] = []
        var omitted: [String: (example: Diagnostic, count: Int)] = [:]
        var order: [String] = []
        for (d, k) in zip(diagnostics, kinds) {
            guard !d.isError, (counts[k] ?? 0) > threshold else { shown.append(d); continue }
            seen[k, default: 0] += 1
            if (seen[k] ?? 0) <= shownPerKind {
                shown.append(d)
            } else if let existing = omitted[k] {
                omitted[k] = (existing.example, existing.count + 1)
            } else {
                omitted[k] = (d, 1)
                order.append(k)
            }
        }
        return (shown, order.compactMap { omitted[$0] })
    }
}
