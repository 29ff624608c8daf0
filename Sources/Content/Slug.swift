/// The slug rule shared by file names and references.
public enum Slug {
    /// The rule, in words, for error notes.
    public static let rule = "a slug uses lower-case letters, digits and single hyphens (like 'hiv-peer-mentors'), at most 80 characters"

    /// True when `s` matches `^[a-z0-9]+(-[a-z0-9]+)*$` and is at most 80 characters.
    public static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty, bytes.count <= 80, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default: return false
            }
        }
        return true
    }
}
