@testable import Content
import Testing
import TestSupport

/// Field checks take a shortcut over bytes for ASCII text; it must agree with the
/// general rules, character by character, on every input.
@Suite struct ASCIIFastPathTests {
    static let alphabet = Array("aZ09@.-_+!#$%&*/=?^{|}~ \t\r\n\"'<>&\u{7F}\u{01}")

    static func randomASCII(_ generator: inout some RandomNumberGenerator, length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test func emailAddressesAreJudgedTheSameByBytesAndByCharacters() {
        var generator = SeededGenerator(seed: 1004)
        let fixed = ["hello@example.org", "a.b@c-d.e", ".a@b.c", "a..b@c.d", "a@b", "a@-b.c", "a@b-.c", "a@b..c", "@b.c",
                     "a@b@c.d", String(repeating: "x", count: 65) + "@b.c", "a+b@c.d", "a b@c.d", "ä@b.c"]
        let inputs = fixed + (0..<2000).map { _ in Self.randomASCII(&generator, length: Int.random(in: 0..<16, using: &generator)) }
        for s in inputs {
            #expect(WebAddress.isEmail(s) == WebAddress.isUnicodeEmail(s), "\(s.debugDescription)")
        }
        #expect(WebAddress.isEmail("hello@example.org"))
        #expect(!WebAddress.isEmail("a..b@c.d"))
        // What would change the page's mailto: link is refused, by bytes and by characters.
        for s in ["a?cc=b@c.d", "a&b@c.d", "a=b@c.d", "a#b@c.d", "a%40b@c.d", "ä?b@c.d"] {
            #expect(!WebAddress.isEmail(s) && !WebAddress.isUnicodeEmail(s), "\(s)")
        }
    }

    @Test func forbiddenCharactersAreFoundTheSameByBytesAndByScalars() {
        var generator = SeededGenerator(seed: 1005)
        for _ in 0..<2000 {
            let s = Self.randomASCII(&generator, length: Int.random(in: 0..<12, using: &generator))
            for newlines in [true, false] {
                #expect(FieldReader.forbiddenCharacter(in: s, allowNewlines: newlines) == FieldReader.forbiddenScalar(in: s, allowNewlines: newlines),
                        "\(s.debugDescription)")
            }
        }
    }

    @Test func webAddressesAreJudgedTheSameByBytesAndByCharacters() {
        var generator = SeededGenerator(seed: 1006)
        let starts = ["http://", "https://", "HTTPS://", "hTtP://", "htt://", "https:/", ""]
        let hostAlphabet = Array("ab.Z9-0:/?#@ .-..\"'<>\t")
        let fixed = ["https://www.example.org/", "http://1.2.3.4:8080/x", "https://a.b.", "https://a..b", "https://-a.b",
                     "https://a-.b", "https://a.9b", "https://a.b:", "https://a.b:123456", "https://a.b:80", "https://1.2.3.4.5",
                     "https://" + String(repeating: "a", count: 64) + ".org", "https://" + String(repeating: "a.", count: 130) + "org",
                     "https://www.example.org/our groups", "https://www.example.org/<x>", "HTTP://WWW.EXAMPLE.ORG"]
        let random = (0..<3000).map { _ in
            starts.randomElement(using: &generator)! + String((0..<Int.random(in: 0..<14, using: &generator)).map { _ in
                hostAlphabet.randomElement(using: &generator)!
            })
        }
        for s in fixed + random {
            #expect(WebAddressCheck.isWebAddress(s) == WebAddressCheck.isWebAddressByCharacters(s), "\(s.debugDescription)")
        }
        #expect(WebAddressCheck.isWebAddress("https://www.example.org/"))
        #expect(!WebAddressCheck.isWebAddress("https://a..b"))
    }

    @Test func valuesAreTrimmedTheSameWithAndWithoutTheShortcut() {
        var generator = SeededGenerator(seed: 1007)
        // Marks that join what is before them, a no-break space, an Arabic sign that joins
        // what follows it, among ASCII spaces, line ends and letters.
        let pieces = [" ", "\t", "\n", "\r", "\r\n", "\u{301}", "\u{00A0}", "\u{0600}", "a", "é", ".", "\u{7F}", "\u{01}"]
        for _ in 0..<4000 {
            let s = (0..<Int.random(in: 0..<8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var general = Substring(s)
            while let f = general.first, f.isWhitespace { general = general.dropFirst() }
            while let l = general.last, l.isWhitespace { general = general.dropLast() }
            #expect(s.trimmingWhitespace() == String(general), "\(s.debugDescription)")
        }
        #expect(" a ".trimmingWhitespace() == "a")
    }

    @Test func lineFeedsAreFoundByBytesAsCharacters() {
        var generator = SeededGenerator(seed: 1008)
        for _ in 0..<2000 {
            let s = Self.randomASCII(&generator, length: Int.random(in: 0..<8, using: &generator))
            #expect(FieldReader.hasLineFeed(s) == s.contains { $0 == "\n" }, "\(s.debugDescription)")
        }
        #expect(FieldReader.hasLineFeed("a\nb") && !FieldReader.hasLineFeed("a\r\nb"))
    }

    @Test func warningsAreGroupedTheSameByBytesAndByCharacters() {
        var generator = SeededGenerator(seed: 1009)
        let alphabet = Array("ab 0129'.x-")
        for _ in 0..<2000 {
            let message = String((0..<Int.random(in: 0..<16, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(DiagnosticGroups.asciiKind(of: message) == DiagnosticGroups.characterKind(of: message), "\(message.debugDescription)")
        }
        #expect(DiagnosticGroups.asciiKind(of: "année 2024") == nil)
        #expect(DiagnosticGroups.kind(of: Diagnostic(.warning, file: "f", line: 1, column: 1, message: "on 2024-11-26 at 'x' y"))
                == "warning on #-#-# at '… y")
    }

    @Test func linkSchemesAreFoundTheSameByBytesAndByCharacters() {
        var generator = SeededGenerator(seed: 1010)
        let pieces = ["a", "Z", "9", "+", "-", ".", ":", "/", "#", "é", "\u{301}", " ", "%", "_"]
        let fixed = ["https://x", "mailto:a@b", ":x", "a:", "9a:b", "a\u{301}:b", "ab:\u{301}c", "ab:é", "c++:x", "../cards/x.md", "#top"]
        let random = (0..<3000).map { _ in
            (0..<Int.random(in: 0..<8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for s in fixed + random {
            #expect(LinkTarget.hasScheme(s) == LinkTarget.hasSchemeByCharacters(s), "\(s.debugDescription)")
        }
        #expect(LinkTarget.hasScheme("https://example.org") && !LinkTarget.hasScheme("../x.md"))
    }
}
