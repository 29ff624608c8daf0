/// What a card's support costs.
public enum Cost: Sendable, Equatable {
    /// Nothing.
    case free
    /// A price or charging rule in the card's words ("£3 a session; free for carers").
    case text(String)
}
