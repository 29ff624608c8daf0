/// Checks for web and email addresses.
public enum WebAddress {
    /// True for `http://host…` or `https://host…` whose host is a website's name, with
    /// no spaces or characters that break out of markup (`WebAddressCheck`).
    public static func isHTTP(_ s: String) -> Bool {
        WebAddressCheck.isWebAddress(s)
    }

    /// Characters an email address may not hold here, though the email standard allows
    /// them: in the page's `mailto:` link `?` starts a list of extras (`?cc=…&body=…`
    /// adds a copy address or a message), `&` and `=` write those extras, `#` cuts the
    /// address short and `%` spells one character as another (`%40` is `@`).
    public static let mailtoSpecial: [Character] = ["?", "&", "=", "#", "%"]

    /// True for `local@domain.tld` without spaces, quotes, angle brackets or any of
    /// `mailtoSpecial`, so the `mailto:` link made of it carries the address and nothing else.
    public static func isEmail(_ s: String) -> Bool {
        s.allBytes({ $0 < 0x80 }) ? isASCIIEmail(s) : isUnicodeEmail(s)
    }

    /// `isEmail` for any text, by characters.
    static func isUnicodeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { return false }
        guard domain.allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return false }
        let localAllowed = "!$*+-/^_{|}~.".unicodeScalars
        return parts[0].unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || ("0"..."9").contains($0) || localAllowed.contains($0)) }
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
    }

    /// `isEmail` for ASCII text, by bytes: the same rules, where a letter is A–Z or a–z.
    static func isASCIIEmail(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64 else { return false }
        func isLetterOrDigit(_ b: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
        }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2,
              labels.allSatisfy({ !$0.isEmpty && $0.first != UInt8(ascii: "-") && $0.last != UInt8(ascii: "-") }) else { return false }
        guard domain.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else { return false }
        let localAllowed = Array("!$*+-/^_{|}~.".utf8)
        guard local.allSatisfy({ isLetterOrDigit($0) || localAllowed.contains($0) }) else { return false }
        if local.first == UInt8(ascii: ".") || local.last == UInt8(ascii: ".") { return false }
        return !zip(local, local.dropFirst()).contains { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }
    }

    /// True for a phone number: digits, spaces, `+`, `-`, `(`, `)` and `.`, with at least six digits.
    public static func isPhone(_ s: String) -> Bool {
        s.count <= 40 && s.filter(\.isNumber).count >= 6
            && s.allSatisfy { ($0.isASCII && $0.isNumber) || " +-().".contains($0) }
    }
}

extension String {
    /// True when every UTF-8 byte passes `test`, read from the string's own storage when
    /// it has one (a loop over `utf8` goes through the collection protocol byte by byte).
    func allBytes(_ test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? utf8.allSatisfy(test)
    }

    /// True when the string's UTF-8 holds `byte`.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    func trimmingWhitespace() -> String {
        // By bytes first: ASCII whitespace at the ends is cut, and when what is left starts
        // and ends with printable ASCII (a character of its own, never joined to what is
        // beside it, and not whitespace), it is what trimming by characters leaves.
        var copy = self
        if let trimmed = copy.withUTF8({ bytes -> String? in
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if start == end { return "" }
            guard (0x21...0x7E).contains(bytes[start]), (0x21...0x7E).contains(bytes[end - 1]) else { return nil }
            return start == 0 && end == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }) {
            return trimmed
        }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func leftPad(_ width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
