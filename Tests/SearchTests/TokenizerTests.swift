import Foundation
import Testing
import TestSupport
@testable import Search

/// The tokeniser: the same rules search.js applies in the browser (docs/search.md).
@Suite struct TokenizerTests {
    @Test func lowerCasesAndSplitsOnEverythingButLettersAndDigits() {
        #expect(Tokenizer.tokens("Peer Support: carers/young-carers, 24/7!") == ["peer", "support", "carers", "young", "carers", "24", "7"])
        #expect(Tokenizer.tokens("Parkinson's UK") == ["parkinson", "s", "uk"])
        #expect(Tokenizer.tokens("type-1 diabetes") == ["type", "1", "diabetes"])
        #expect(Tokenizer.tokens("hello@card-00001.example.org") == ["hello", "card", "00001", "example", "org"])
        #expect(Tokenizer.tokens("") == [])
        #expect(Tokenizer.tokens("  — … ") == [])
    }

    @Test func foldsAccentsAndCaseWhetherComposedOrNot() {
        #expect(Tokenizer.tokens("Café CRÈME naïve Zoë") == ["cafe", "creme", "naive", "zoe"])
        // "é" written as e + U+0301 gives the same term as the composed letter.
        #expect(Tokenizer.tokens("Cafe\u{301}") == ["cafe"])
        #expect(Tokenizer.tokens("ÉCOLE") == Tokenizer.tokens("école"))
        // İ lower-cases to i + U+0307, and the dot goes with the other accents.
        #expect(Tokenizer.tokens("İstanbul") == ["istanbul"])
        // Welsh: ŵ and ŷ fold to w and y.
        #expect(Tokenizer.tokens("Cŵn Dŷ") == ["cwn", "dy"])
        // A lone accent between words is dropped, not a word of its own.
        #expect(Tokenizer.tokens("a \u{301}b") == ["a", "b"])
    }

    @Test func keepsOtherScriptsAndFoldsFinalSigma() {
        #expect(Tokenizer.tokens("ΟΔΟΣ οδος") == ["οδοσ", "οδοσ"])
        #expect(Tokenizer.tokens("Москва") == ["москва"])
        #expect(Tokenizer.tokens("東京 2026") == ["東京", "2026"])
        // Marks other than the Latin accents stay in the word (Devanagari vowel signs).
        #expect(Tokenizer.tokens("हिंदी") == ["हिंदी".decomposedStringWithCanonicalMapping])
        // Digits of other scripts are digits.
        #expect(Tokenizer.tokens("٣ apples") == ["٣", "apples"])
    }

    @Test func skipsRunsLongerThanFortyCharacters() {
        let forty = String(repeating: "a", count: 40), fortyOne = String(repeating: "b", count: 41)
        #expect(Tokenizer.tokens("\(forty) \(fortyOne) ok") == [forty, "ok"])
        #expect(Tokenizer.tokens("é" + fortyOne) == [])
    }

    @Test func asciiAndUnicodePathsAgree() {
        // A word with one non-ASCII letter takes the slow path; the result is the same shape.
        #expect(Tokenizer.tokens("Coöperate COOPERATE") == ["cooperate", "cooperate"])
        #expect(Tokenizer.tokens("ABCé123") == ["abce123"])
    }
}

/// Interning terms by their bytes while gathering statistics.
@Suite struct TermTableTests {
    func intern(_ table: inout TermTable, _ word: String) -> Int {
        var word = word
        return word.withUTF8 { table.intern($0) }
    }

    @Test func givesEachDistinctTermOneIdAndKeepsItsText() {
        var table = TermTable(capacity: 4)
        let words = (0..<5_000).map { "w\($0)" } + ["café", "", "a", "東京"]
        let ids = words.map { intern(&table, $0) }
        #expect(ids == Array(0..<words.count), "new terms get the next id, through many growths")
        #expect(words.map { intern(&table, $0) } == ids, "a term seen before gets its id back")
        #expect(table.count == words.count)
        #expect(ids.map(table.term) == words)
    }
}

/// Excerpts for results: the fast path for ASCII text cuts exactly where counting characters does.
@Suite struct ExcerptTests {
    @Test func asciiTextIsCutWhereCountingCharactersCutsIt() {
        var generator = SeededGenerator(seed: 1001)
        let pieces = ["peer", "support", " ", "  ", "\n", "\r\n", "\t", "a", String(repeating: "x", count: 300), ".", "-",
                      "\u{301}", "é", "東京", String(repeating: "y", count: 279) + "\u{301}"]
        for _ in 0..<1000 {
            let text = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(SearchDocument.excerpt(text) == SearchDocument.characterExcerpt(text), "\(text.debugDescription)")
        }
        #expect(SearchDocument.asciiExcerpt("Café") == nil, "the byte path gives way to the character path")
        #expect(SearchDocument.excerpt("  one\r\n two ") == "one two")
    }
}

/// The tokeniser's fast paths against a plain statement of its rules.
@Suite struct TokenizerReferenceTests {
    /// Runs of letters, marks and numbers, each lower-cased and folded; long runs dropped.
    static func reference(_ text: String) -> [String] {
        var out: [String] = []
        var run = String.UnicodeScalarView()
        func close() {
            if !run.isEmpty, let term = Tokenizer.fold(String(run)) { out.append(term) }
            run = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if Tokenizer.isWordScalar(scalar) { run.append(scalar) } else { close() }
        }
        close()
        return out
    }

    @Test func agreesWithTheRulesOnRandomText() {
        var generator = SeededGenerator(seed: 1002)
        let pieces = ["peer", "Support", "CARERS", "24", "7", " ", "-", "/", "'", ".", "\n", "é", "É", "e\u{301}", "Zoë", "ς", "東京",
                      "👩🏽‍⚕️", "—", "x", String(repeating: "a", count: 38), String(repeating: "B", count: 41), "٣", "ǅ"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Tokenizer.tokens(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
