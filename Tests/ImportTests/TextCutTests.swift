@testable import Import
import Testing

/// Text too long for its field is cut at the end of a sentence when one ends late enough,
/// else after a whole word, with an ellipsis; text that fits is left alone.
@Suite struct TextCutTests {
    @Test func textThatFitsIsLeftAlone() {
        #expect(TextCut.cut("Short. Text.", max: 12) == ("Short. Text.", false))
    }

    @Test func cutsAtTheLastSentenceThatFits() {
        let text = "A friendly café for carers. We meet on Tuesdays in the church hall. Everyone is welcome to come along."
        let (cut, wasCut) = TextCut.cut(text, max: 80)
        #expect(wasCut)
        #expect(cut == "A friendly café for carers. We meet on Tuesdays in the church hall.")
    }

    @Test func cutsAtAWordWhenNoSentenceEndsLateEnough() {
        let text = "A friendly café for carers and the people they look after meeting weekly in the church hall on the green"
        let (cut, wasCut) = TextCut.cut(text, max: 40)
        #expect(wasCut)
        #expect(cut == "A friendly café for carers and the…")
        #expect(cut.count <= 40)
    }

    @Test func aSentenceTooEarlyInTheTextIsNotTheCut() {
        let text = "Hi. " + String(repeating: "word ", count: 40)
        let (cut, _) = TextCut.cut(text, max: 60)
        #expect(cut.hasSuffix("…") && cut.count <= 60 && cut.count > 40)
    }
}
