internal import Foundation

/// Splits text into search terms, exactly as themes/default/assets/search.js does in
/// the browser (docs/search.md, "Tokens"): lower-case; map final sigma `ς` to `σ`;
/// decompose (NFD) and drop the combining accents U+0300–U+036F, so `É` → `e`; split
/// into runs of letters, marks and digits (Unicode categories L, M and N); skip runs
/// longer than `maximumLength` UTF-16 units.
public enum Tokenizer {
    /// Longer runs (a long URL, a hash) are not words anyone types.
    public static let maximumLength = 40

    /// The terms of `text`, in order, repeats kept.
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(in: text) { out.append($0) }
        return out
    }

    /// Calls `body` with each term of `text`, in order.
    public static func forEachToken(in text: String, _ body: (String) -> Void) {
        forEachTerm(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text`, in order. The bytes
    /// are valid only during the call.
    static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // ASCII words take a fast path over bytes; a word with any other character
        // goes through the full Unicode treatment.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(64)
        var wide: [Unicode.Scalar] = []
        var inWide = false
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i <= n {
                var scalar: Unicode.Scalar?
                var isWordPart = false
                if i < n && !inWide && ascii.isEmpty && Self.asciiWordByte[Int(bytes[i])] {
                    // The start of a word: most are all ASCII and lower case, and are
                    // passed straight from the text without copying.
                    var j = i
                    var upper = false
                    while j < n && Self.asciiWordByte[Int(bytes[j])] {
                        if bytes[j] < UInt8(ascii: "a") && bytes[j] >= UInt8(ascii: "A") { upper = true }
                        j += 1
                    }
                    if j == n || bytes[j] < 0x80 {
                        if j - i <= maximumLength {
                            if upper {
                                appendLowercased(bytes[i..<j], to: &ascii)
                                ascii.withUnsafeBufferPointer(body)
                                ascii.removeAll(keepingCapacity: true)
                            } else {
                                body(UnsafeBufferPointer(rebasing: bytes[i..<j]))
                            }
                        }
                        i = j
                        continue
                    }
                    // The word goes on with a character outside ASCII: the general path takes it from here.
                    appendLowercased(bytes[i..<j], to: &ascii)
                    i = j
                    continue
                }
                if i == n {
                    i += 1
                } else if bytes[i] < 0x80 {
                    var b = bytes[i]
                    i += 1
                    switch b {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        b += 32
                        isWordPart = true
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        isWordPart = true
                    default:
                        break
                    }
                    if isWordPart {
                        if inWide { wide.append(Unicode.Scalar(b)) } else { ascii.append(b) }
                        continue
                    }
                } else {
                    let (decoded, length) = multiByteScalar(in: bytes, at: i)
                    i += length
                    scalar = decoded
                    if let scalar, isWordScalar(scalar) {
                        inWide = true
                        wide.append(scalar)
                        continue
                    }
                }
                endWord(&ascii, &wide, &inWide, body)
            }
        }
    }

    /// The scalar of valid UTF-8 that starts with a byte of 0x80 or more at `i`, and its
    /// length in bytes.
    @inline(__always)
    static func multiByteScalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value), length)
    }

    /// Ends the word being read, if one is open: passes it to `body` (folded, when it
    /// has a character outside ASCII; left out, when it is too long) and empties the buffers.
    @inline(__always)
    static func endWord(_ ascii: inout [UInt8], _ wide: inout [Unicode.Scalar], _ inWide: inout Bool,
                        _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if inWide {
            var word = String.UnicodeScalarView()
            word.append(contentsOf: ascii.map { Unicode.Scalar($0) })
            word.append(contentsOf: wide)
            if var term = fold(String(word)) { term.withUTF8(body) }
            wide.removeAll(keepingCapacity: true)
            inWide = false
        } else if !ascii.isEmpty, ascii.count <= maximumLength {
            ascii.withUnsafeBufferPointer(body)
        }
        ascii.removeAll(keepingCapacity: true)
    }

    /// Appends ASCII bytes with A–Z made a–z.
    static func appendLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        for b in bytes { out.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b) }
    }

    /// ASCII letters and digits.
    static let asciiWordByte: [Bool] = (0..<256).map { b in
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

    /// Lower-cases, folds accents and re-checks one word that has non-ASCII characters;
    /// nil when nothing is left or it is too long. Lower-casing or decomposing can
    /// produce characters outside L, M and N only in theory; they split the word as
    /// they would in the browser, where the split comes after folding.
    static func fold(_ word: String) -> String? {
        let lowered = word.lowercased().replacingOccurrences(of: "ς", with: "σ")
        var current = String.UnicodeScalarView()
        var result: String?
        for scalar in lowered.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                // Only the first piece is kept; this never happens with real Unicode data.
                break
            }
        }
        if !current.isEmpty {
            let term = String(current)
            if term.utf16.count <= maximumLength { result = term }
        }
        return result
    }

    /// True for a letter, mark or number (general categories L*, M*, N*).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
