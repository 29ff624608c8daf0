/// How often a regular meeting happens.
public enum MeetingFrequency: String, Sendable, CaseIterable, Codable {
    case weekly, fortnightly, monthly
}
