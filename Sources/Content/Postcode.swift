/// UK postcodes: checked for their shape (not looked up, so a postcode that has the
/// shape but was never issued passes) and written one way, in capitals with one space.
public enum Postcode {
    /// The postcode in capitals with one space before its last three characters, or
    /// nil when `text` is not shaped like a UK postcode. Spaces may be missing or doubled.
    public static func normalized(_ text: String) -> String? {
        let compact = squeezed(text)
        return isValid(compact) ? spaced(compact) : nil
    }

    /// Why `text` is not a postcode, as the end of a sentence starting "'postcode' …",
    /// with the postcode probably meant where one letter or digit stands for another.
    static func problem(_ text: String) -> String? {
        let compact = squeezed(text)
        if isValid(compact) { return nil }
        if isOutward(compact) {
            return "holds only '\(text)', the first half of a postcode; write the whole postcode, like \(compact) 1AA"
        }
        if let meant = likelyMeant(compact) {
            return "should be a UK postcode, like LS1 4AP, not '\(text)'; did you mean '\(spaced(meant))'?"
        }
        return "should be a UK postcode, like LS1 4AP, not '\(text)'"
    }

    /// Capitals, without spaces.
    static func squeezed(_ text: String) -> String {
        String(text.uppercased().filter { $0 != " " })
    }

    static func spaced(_ compact: String) -> String {
        String(compact.dropLast(3)) + " " + String(compact.suffix(3))
    }

    static let letters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let digits = Set("0123456789")
    /// The letters each position may hold, by Royal Mail's rules (made once, not per postcode).
    static let inwardLetters = Set("ABDEFGHJLNPQRSTUWXYZ")
    static let first = letters.subtracting("QVX"), second = letters.subtracting("IJZ")
    static let third = Set("ABCDEFGHJKPSTUW"), fourth = Set("ABEHMNPRVWXY")

    /// A postcode without its space: an outward code (`LS1`, `M1`, `EC1A`), then a digit
    /// and two letters. The letters follow Royal Mail's rules for each position.
    static func isValid(_ compact: String) -> Bool {
        if compact == "GIR0AA" { return true }
        let characters = Array(compact)
        guard (5...7).contains(characters.count), characters.allSatisfy({ $0.isASCII }) else { return false }
        let inward = characters.suffix(3)
        guard let i0 = inward.first, digits.contains(i0), inward.dropFirst().allSatisfy({ inwardLetters.contains($0) }) else { return false }
        return isOutward(String(characters.dropLast(3)))
    }

    /// The outward code alone: A9, A99, AA9, AA99, A9A or AA9A.
    static func isOutward(_ compact: String) -> Bool {
        let c = Array(compact)
        guard (2...4).contains(c.count), c.allSatisfy({ $0.isASCII }) else { return false }
        guard first.contains(c[0]) else { return false }
        switch c.count {
        case 2: return digits.contains(c[1])
        case 3:
            if digits.contains(c[1]) { return digits.contains(c[2]) || third.contains(c[2]) }
            return second.contains(c[1]) && digits.contains(c[2])
        default:
            return second.contains(c[1]) && digits.contains(c[2]) && (digits.contains(c[3]) || fourth.contains(c[3]))
        }
    }

    /// The postcode made by changing one letter O or I to the digit 0 or 1, or the other
    /// way round, when exactly that makes a valid one.
    static func likelyMeant(_ compact: String) -> String? {
        let swaps: [Character: Character] = ["O": "0", "0": "O", "I": "1", "1": "I"]
        let characters = Array(compact)
        for (i, c) in characters.enumerated() {
            guard let other = swaps[c] else { continue }
            var changed = characters
            changed[i] = other
            if isValid(String(changed)) { return String(changed) }
        }
        return nil
    }
}
