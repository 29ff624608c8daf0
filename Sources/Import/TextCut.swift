/// Cutting text to a field's length: at the end of a sentence when one ends late
/// enough, else at the end of a word with an ellipsis.
enum TextCut {
    /// `text` within `max` characters, and whether it had to be cut.
    static func cut(_ text: String, max: Int) -> (text: String, wasCut: Bool) {
        guard text.count > max else { return (text, false) }
        let chars = Array(text)
        // The last sentence that ends within the limit, when it keeps at least a third.
        var end = min(max, chars.count) - 1
        while end >= max / 3 {
            if ".!?".contains(chars[end]), end + 1 < chars.count, chars[end + 1] == " " {
                return (String(chars[...end]), true)
            }
            end -= 1
        }
        // Else the last whole word that leaves room for "…".
        var space = max - 1
        while space > 0, chars[space] != " " { space -= 1 }
        let kept = space > max / 3 ? String(chars[..<space]) : String(chars[..<(max - 1)])
        var trimmed = kept
        while let last = trimmed.last, ",;:–—-( ".contains(last) { trimmed.removeLast() }
        return (trimmed + "…", true)
    }
}
