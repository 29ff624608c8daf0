/// When a card's support meets: a regular schedule, or words when it does not fit one.
public enum Meets: Sendable, Equatable {
    /// One or more regular meetings ("Tuesdays, 10:00 to 12:00").
    case regular([Meeting])
    /// Free text, as written ("Every evening in term time; see our website").
    case text(String)
}
