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
}
