/// Web addresses judged as a browser would read them: `http://` or `https://`, then a
/// website's name (`www.example.org`, an IP address, an optional `:port`), then an
/// optional path. When a value is not one, says what is wrong in plain words and, where
/// the intended address is plain to see, suggests it.
enum WebAddressCheck {
    /// The parts of an address: scheme as written, the site's name and port, and the rest.
    struct Parts {
        var scheme: Substring
        var authority: Substring
        var rest: Substring
    }

    /// Splits `http(s)://authority/rest`; nil when the value does not start that way.
    static func parts(_ s: String) -> Parts? {
        let lower = s.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0 else { return nil }
        let afterScheme = s.dropFirst(schemeLength)
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        return Parts(scheme: s.prefix(schemeLength), authority: afterScheme[..<end], rest: afterScheme[end...])
    }

    /// True for a website's name a browser can look up: labels of letters, digits and
    /// hyphens joined by dots, at least two, the last starting with a letter; or an IPv4
    /// address; either with an optional `:port`.
    static func isAuthority(_ authority: Substring) -> Bool {
        var host = authority
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            host = authority[..<colon]
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, host.count <= 253 else { return false }
        if labels.count == 4, labels.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return true
        }
        let labelsOK = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
        return labelsOK && labels.last?.first?.isLetter == true
    }

    /// Characters no address here may hold: they could break out of the page's markup.
    static func hasUnsafeCharacter(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || "\"'<>\\`{}|^".unicodeScalars.contains($0) }
    }

    /// True when `s` is an address `problem` accepts.
    static func isWebAddress(_ s: String) -> Bool {
        if s.allBytes({ $0 < 0x80 }) { return isASCIIWebAddress(Array(s.utf8)[...]) }
        return isWebAddressByCharacters(s)
    }

    /// `isWebAddress`, character by character: for any text.
    static func isWebAddressByCharacters(_ s: String) -> Bool {
        guard let parts = parts(s), !hasUnsafeCharacter(s), !s.contains(where: \.isWhitespace) else { return false }
        return isAuthority(parts.authority)
    }

    /// `isWebAddress` by bytes, for ASCII text, where a byte is a character: what the
    /// page's escaping or a browser would stumble on, a space or a control character
    /// is refused first; then the scheme and the site's name are read as above.
    static func isASCIIWebAddress(_ b: ArraySlice<UInt8>) -> Bool {
        if b.contains(where: { $0 <= 0x20 || $0 == 0x7F || unsafeBytes.contains($0) }) { return false }
        func startsWith(_ prefix: String) -> Bool {
            b.count >= prefix.utf8.count && zip(b, prefix.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
        let schemeLength = startsWith("https://") ? 8 : startsWith("http://") ? 7 : 0
        guard schemeLength > 0 else { return false }
        let afterScheme = b.dropFirst(schemeLength)
        let end = afterScheme.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? afterScheme.endIndex
        return isASCIIAuthority(afterScheme[..<end])
    }

    static let unsafeBytes = Set("\"'<>\\`{}|^".utf8)

    /// `isAuthority` by bytes, for ASCII text.
    static func isASCIIAuthority(_ authority: ArraySlice<UInt8>) -> Bool {
        func isDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) }
        func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        var host = authority
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            let port = authority[(colon + 1)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(isDigit) else { return false }
            host = authority[..<colon]
        }
        if host.last == UInt8(ascii: ".") { host = host.dropLast() }
        let labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, host.count <= 253 else { return false }
        if labels.count == 4, labels.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(isDigit) }) {
            return true
        }
        let labelsOK = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
        return labelsOK && labels.last?.first.map(isLetter) == true
    }

    /// What is wrong with `value` as field `key`'s web address, or nil when nothing is.
    static func problem(_ value: String, key: String) -> String? {
        if isWebAddress(value) { return nil }
        if value.unicodeScalars.contains(where: { InvisibleCharacters.names[$0] != nil }) {
            return "'\(key)' should be a web address, not '\(InvisibleCharacters.shown(value))'" + InvisibleCharacters.clause(for: value)
        }
        let shown = "'\(value)'"
        func suggest(_ candidate: String) -> String? {
            isWebAddress(candidate) ? "did you mean '\(candidate)'?" : nil
        }
        let trimmed = value.drop { $0 == "(" || $0 == "[" || $0 == "<" || $0 == " " }
        let lower = value.lowercased()
        if let parts = parts(value) {
            // `http:// https://…` or `http://(http://…)`: the start written twice.
            let inner = String(parts.authority.drop { $0 == " " || $0 == "(" || $0 == "[" } + parts.rest)
            if inner.lowercased().hasPrefix("http") || inner.lowercased().hasPrefix("www.") {
                var candidate = inner
                while let last = candidate.last, ")]> ".contains(last) { candidate.removeLast() }
                if !candidate.lowercased().hasPrefix("http") { candidate = "https://" + candidate }
                if let did = suggest(candidate) {
                    return "'\(key)' has the start of a web address twice in \(shown); \(did)"
                }
            }
            if parts.authority.contains("@") {
                return "'\(key)' holds '@' before the website's name in \(shown), which hides where the link really goes; give the address of the page itself"
            }
            if parts.authority.contains(" ") {
                return "'\(key)' should be a web address, like https://www.example.org/, but \(shown) has spaces where the website's name should be"
            }
            if value.contains(" "), isAuthority(parts.authority) {
                let encoded = value.split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20")
                let did = suggest(encoded).map { "; \($0)" } ?? ""
                return "'\(key)' cannot hold spaces, but \(shown) does\(did)"
            }
            if !isAuthority(parts.authority), !hasUnsafeCharacter(value) {
                return "'\(key)' should be a web address, but '\(parts.authority)' in \(shown) is not a website's name (like www.example.org)"
            }
        } else if lower.hasPrefix("http:") || lower.hasPrefix("https:") {
            // `http:www.…` or `https:/…`: slashes missing after the colon.
            let colon = value.firstIndex(of: ":") ?? value.startIndex
            let scheme = value[..<colon].lowercased()
            let rest = value[value.index(after: colon)...].drop { $0 == "/" || $0 == "\\" }
            if let did = suggest(scheme + "://" + rest) {
                return "'\(key)' needs '//' after '\(scheme):' in \(shown); \(did)"
            }
        } else if WebAddress.isEmail(value) {
            return "'\(key)' should be a web address, but \(shown) is an email address; put it in 'email'"
        } else if !lower.contains("://"), let did = suggest("https://" + trimmed) {
            return "'\(key)' should start with https:// (or http://); \(did)"
        }
        return "'\(key)' should be a web address starting with https:// or http://, not \(shown)"
    }
}
