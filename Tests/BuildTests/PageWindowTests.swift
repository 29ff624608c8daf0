@testable import Render
import Testing

/// The A–Z's pagination bar: short however many pages, and never hiding a page it could show.
@Suite struct PageWindowTests {
    @Test func everyPageShowsWhenThereAreFew() {
        for total in 1...9 {
            for current in 1...total {
                #expect(PageWindow.numbers(current: current, total: total) == (1...total).map(Optional.some), "page \(current) of \(total)")
            }
        }
    }

    @Test func gapsStandForTwoOrMorePagesOnly() {
        #expect(PageWindow.numbers(current: 1, total: 500) == [1, 2, 3, nil, 500])
        #expect(PageWindow.numbers(current: 250, total: 500) == [1, nil, 248, 249, 250, 251, 252, nil, 500])
        #expect(PageWindow.numbers(current: 5, total: 10) == [1, 2, 3, 4, 5, 6, 7, nil, 10])
        #expect(PageWindow.numbers(current: 1, total: 10) == [1, 2, 3, nil, 10])
        #expect(PageWindow.numbers(current: 6, total: 10) == [1, nil, 4, 5, 6, 7, 8, 9, 10])
    }

    @Test func theBarIsShortAndComplete() {
        for total in 1...60 {
            for current in 1...total {
                let numbers = PageWindow.numbers(current: current, total: total)
                let shown = numbers.compactMap { $0 }
                #expect(numbers.count <= 9)
                #expect(shown == shown.sorted() && Set(shown).count == shown.count)
                #expect(shown.first == 1 && shown.last == total)
                for n in max(1, current - 2)...min(total, current + 2) { #expect(shown.contains(n)) }
                // Between two neighbours in the bar: nothing, or a gap of at least two pages.
                for (i, n) in numbers.enumerated() where n == nil {
                    let before = numbers[i - 1]!, after = numbers[i + 1]!
                    #expect(after - before > 2, "page \(current) of \(total): \(numbers)")
                }
                for (a, b) in zip(numbers, numbers.dropFirst()) {
                    if let a, let b { #expect(b == a + 1, "page \(current) of \(total): \(numbers)") }
                }
            }
        }
    }
}
