import Foundation
@testable import Support
import Testing
import TestSupport

/// JSON strings as whoswho writes them (index.json, feeds, JSON-LD) read back exactly.
@Suite struct JSONWriterTests {
    @Test func stringsReadBackExactlyAndScriptSafeOnesHoldNothingAScriptCouldEnd() throws {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["a", "é", "東", "👩🏽‍⚕️", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "<", ">", "&", "</script>",
                      "\u{2028}", "\u{2029}", "\u{2027}", "\u{20AC}", " ", "/"]
        for _ in 0..<1000 {
            let text = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for scriptSafe in [false, true] {
                var out: [UInt8] = []
                JSONValue.writeString(text, to: &out, scriptSafe: scriptSafe)
                let back = try JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
                #expect(back == text, "\(text.debugDescription)")
                if scriptSafe {
                    let json = String(decoding: out, as: UTF8.self)
                    #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"), "\(json)")
                    #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"), "\(json)")
                }
            }
        }
    }
}
