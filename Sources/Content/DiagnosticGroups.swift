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
        var out = ""
        var inQuote = false
        var previousDigit = false
        for c in d.message {
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
        return d.severity.rawValue + " " + out
    }

    /// The diagnostics to show in full, in their order, and for each kind cut short, one
    /// example message and how many of that kind were left out.
    public static func condensed(_ diagnostics: [Diagnostic]) -> (shown: [Diagnostic], omitted: [(example: Diagnostic, count: Int)]) {
        var counts: [String: Int] = [:]
        for d in diagnostics where !d.isError { counts[kind(of: d), default: 0] += 1 }
        var seen: [String: Int] = [:]
        var shown: [Diagnostic] = []
        var omitted: [String: (example: Diagnostic, count: Int)] = [:]
        var order: [String] = []
        for d in diagnostics {
            let k = kind(of: d)
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
