/// A way into a card's support.
public enum Referral: String, Sendable, CaseIterable, Codable {
    case selfReferral = "self-referral", dropIn = "drop-in", appointment, professionalReferral = "professional-referral"
}
