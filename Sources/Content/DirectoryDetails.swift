/// What a directory of services says about a card beyond who it is: where and when it
/// meets, who it is for, what it costs, how to get in, the languages it is offered in and
/// the organisation that runs it. Every part is optional; an empty value means the card
/// does not say. It also carries how the card appears in the open data exports.
public struct DirectoryDetails: Sendable, Equatable {
    /// Where the support happens, in the order written; empty for online and phone support.
    public var locations: [CardLocation]
    /// When it meets.
    public var meets: Meets?
    /// Who it is for and who may come, in the card's words.
    public var eligibility: String?
    /// What it costs.
    public var cost: Cost?
    /// How people get in, in the order written.
    public var referral: [Referral]
    /// Language tags, in the order written (`en`, `cy`, `bfi`).
    public var languages: [String]
    /// The slug of the organisation card that runs this one.
    public var organisation: String?
    /// The id the card had in an Open Referral feed it was imported from (a UUID in lower
    /// case); when set, the export uses it instead of the id made from the slug.
    public var orukID: String?
    /// True when a card of kind person lets the open data exports carry its contact
    /// details; cards of other kinds always share them.
    public var contactInOpenData: Bool

    /// Creates directory details; with no arguments, a card that says nothing of them.
    public init(locations: [CardLocation] = [], meets: Meets? = nil, eligibility: String? = nil, cost: Cost? = nil,
                referral: [Referral] = [], languages: [String] = [], organisation: String? = nil, orukID: String? = nil,
                contactInOpenData: Bool = false) {
        self.locations = locations
        self.meets = meets
        self.eligibility = eligibility
        self.cost = cost
        self.referral = referral
        self.languages = languages
        self.organisation = organisation
        self.orukID = orukID
        self.contactInOpenData = contactInOpenData
    }
}
