/// A way into a card's support.
public enum Referral: String, Sendable, CaseIterable, Codable {
    case selfReferral = "self-referral", dropIn = "drop-in", appointment, professionalReferral = "professional-referral"

    /// Display label.
    public var label: String {
        switch self {
        case .selfReferral: return "Self-referral: get in touch yourself"
        case .dropIn: return "Drop in: just turn up"
        case .appointment: return "By appointment"
        case .professionalReferral: return "Referral by a professional, such as a GP or support worker"
        }
    }
}
