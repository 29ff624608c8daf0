internal import Support
/// Comma-separated values as RFC 4180 writes them, made safe to open in a spreadsheet:
/// a field holding a comma, a double quote or a line break is put in double quotes
/// (a double quote inside doubled); lines end in CR LF. A text cell that begins with a
/// character a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, a tab or
/// a carriage return) gets a `'` before it, as OWASP's "CSV Injection" page recommends,
/// so that `=HYPERLINK(…)` in a card shows as text and never runs. Numbers the build
/// writes itself (counts, latitudes and longitudes) are not prefixed.
public enum CSVText {
    /// The first characters OWASP lists as starting a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell of text from the content: guarded against formulas, quoted when it must be.
    public static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return quoted(value) }
        return quoted("'" + value)
    }

    /// A cell the build makes itself (a count, a coordinate): quoted when it must be, never prefixed.
    public static func number(_ value: String) -> String { quoted(value) }

    /// The value in double quotes, its own doubled, when it holds a comma, a double
    /// quote, a CR or an LF; else the value as it is.
    static func quoted(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out += "\"" }
            out.unicodeScalars.append(scalar)
        }
        return out + "\""
    }

    /// One record: the cells (each already made by `text` or `number`) joined by commas, then CR LF.
    public static func record(_ cells: [String]) -> String {
        cells.joined(separator: ",") + "\r\n"
    }

    /// The byte order mark each file begins with, so that Excel reads the file as UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The rows of a table cut into parts of at most `limit` bytes each, every part with
    /// the byte order mark and the header (`headerBytes` for both) before its rows, in
    /// order. A row longer than a part on its own gets a part to itself. A table with no
    /// rows is one part with the header alone.
    static func parts(headerBytes: Int, rowBytes: [Int], limit: Int) -> [Range<Int>] {
        let runs = Runs.split(rowBytes, count: .max, bytes: limit, separator: 0, overhead: headerBytes)
        return runs.isEmpty ? [0..<0] : runs
    }

    /// The file names of a table in `count` parts: `cards.csv` for one, else `cards-1.csv`, `cards-2.csv`, ….
    static func partNames(_ name: String, count: Int) -> [String] {
        count == 1 ? [Route.spreadsheet(name, part: 0).path] : (1...count).map { Route.spreadsheet(name, part: $0).path }
    }
}
