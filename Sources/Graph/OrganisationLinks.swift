internal import Content

/// Which organisation runs each card, and what each organisation runs: the `organisation`
/// field read both ways, as indexes into the content's cards.
public struct OrganisationLinks: Sendable {
    /// Card index → the index of the organisation card that runs it.
    public let runBy: [Int?]
    /// Card index → the cards that name it as their organisation, by name.
    public let runs: [[Int]]

    /// Links every card's `organisation` to its card, filling `runs` in `cardsByName` order.
    init(cards: [Card], cardIndex: [String: Int], cardsByName: [Int]) {
        let runBy = cards.indices.map { i in cards[i].details.organisation.flatMap { cardIndex[$0] } }
        var runs = [[Int]](repeating: [], count: cards.count)
        for c in cardsByName {
            if let o = runBy[c] { runs[o].append(c) }
        }
        self.runBy = runBy
        self.runs = runs
    }
}
