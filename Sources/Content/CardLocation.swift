/// A place where a card's support happens: a venue, its address and how to get in.
public struct CardLocation: Sendable, Equatable {
    /// The venue's name, such as "St Agnes Church Hall".
    public var name: String?
    /// The street address, one line an item, without the town and postcode.
    public var address: [String]
    /// The town or city.
    public var town: String?
    /// The county or unitary area, when the town alone does not say it.
    public var county: String?
    /// A UK postcode, in capitals with one space (`LS1 4AP`).
    public var postcode: String?
    /// WGS84 decimal degrees; both or neither.
    public var latitude: Double?
    public var longitude: Double?
    /// What someone with a disability needs to know: step-free access, a hearing loop.
    public var accessibility: String?

    /// Creates a location.
    public init(name: String? = nil, address: [String] = [], town: String? = nil, county: String? = nil, postcode: String? = nil,
                latitude: Double? = nil, longitude: Double? = nil, accessibility: String? = nil) {
        self.name = name
        self.address = address
        self.town = town
        self.county = county
        self.postcode = postcode
        self.latitude = latitude
        self.longitude = longitude
        self.accessibility = accessibility
    }
}
