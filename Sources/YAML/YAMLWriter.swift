/// Writing YAML values that read back as exactly the text written: a value is left
/// plain only when nothing in it can mean anything to YAML, and is otherwise written in
/// double quotes with every character YAML would not read as itself escaped.
public enum YAMLWriter {
    /// Characters a plain value may hold after its first (a letter or digit): `&`, `*`,
    /// `!`, `%` and `@` mean something to YAML only at the start. Anything else (`:`, `#`,
    /// brackets, braces, `|`, `>`, `"`, a backtick, a line break) puts the value in quotes.
    static let plainPunctuation: Set<Character> = [" ", "@", "&", "!", "%", "*", "=", ".", ",", ";", "(", ")", "'", "/", "+", "£", "€", "-", "?", "’", "–", "—", "…", "‘", "“", "”"]

    /// `text` as a YAML scalar on one line.
    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// True when `text` reads back as itself written plain.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first.isLetter || first.isNumber, last != " " else { return false }
        if ["null", "~", "true", "false"].contains(text.lowercased()) { return false }
        return text.allSatisfy { ($0.isLetter || $0.isNumber || plainPunctuation.contains($0)) && isPrintable($0) && !$0.isNewline }
            && !text.contains("  ")
    }

    /// True for a character libyaml reads as written (YAML's printable set), without escape.
    static func isPrintable(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { s in
            switch s.value {
            case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return s.value != 0xFEFF
            default: return false
            }
        }
    }

    /// `text` in double quotes, escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            // YAML folds these line breaks inside quotes too: only their escapes keep them.
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if isPrintable(Character(s)) {
                    out.unicodeScalars.append(s)
                } else if s.value <= 0xFFFF {
                    out += "\\u" + hex(s.value, 4)
                } else {
                    out += "\\U" + hex(s.value, 8)
                }
            }
        }
        return out + "\""
    }

    static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A flow list of slugs or tags, `[a, b]`; each item is quoted when it needs it.
    public static func flowList(_ items: [String]) -> String {
        "[" + items.map { isPlainSafe($0) && !$0.contains(",") ? $0 : quoted($0) }.joined(separator: ", ") + "]"
    }

    /// A block list under a field, each item on its own line at `indent` spaces.
    public static func blockList(_ items: [String], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return items.map { pad + "- " + scalar($0) + "\n" }.joined()
    }
}
