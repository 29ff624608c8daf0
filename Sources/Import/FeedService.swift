/// The forms of Open Referral UK data the importer reads.
public enum FeedForm: String, Sendable {
    case oruk1List = "an ORUK 1.x list of services"
    case oruk3List = "an ORUK 3.0 list of services"
    case oruk1Service = "one ORUK 1.x service"
    case oruk3Service = "one ORUK 3.0 service"
    case apiRoot = "an API root"
}

/// One service as a feed describes it, in either ORUK version, with what the importer
/// does not map kept as `facts`.
struct FeedService {
    var file: String
    /// Its place in its file, from 1.
    var position: Int
    var form: FeedForm
    var id: String?
    var name: String?
    var descriptionHTML: String?
    var url: String?
    var email: String?
    var status: String?
    var fees: [String] = []
    var costs: [FeedCost] = []
    var eligibility: [String] = []
    var minimumAge: Double?
    var maximumAge: Double?
    /// How to get in, in the feed's words (1.x `attending_access`, 3.0 `application_process`).
    var access: [String] = []
    /// How people attend, in the feed's words, each with where the feed says it (1.x
    /// `attending_type` on the service, 3.0 `attending_type` on a schedule).
    var attending: [FeedFact] = []
    /// Taxonomy terms and target audiences, as paths (`Older People>Dementia`).
    var terms: [String] = []
    var serviceAreas: [String] = []
    var locations: [FeedLocation] = []
    var schedules: [FeedSchedule] = []
    var languages: [String] = []
    var phones: [String] = []
    var organization: FeedOrganization?
    /// When the publisher last checked the record, or else changed it (`YYYY-MM-DD…`).
    var assured: String?
    var facts: [FeedFact] = []
}

/// A price as a feed gives it.
struct FeedCost {
    var option: String?
    var amount: Double?
    var description: String?
}

/// A place as a feed gives it.
struct FeedLocation {
    var name: String?
    var addressLines: [String] = []
    var town: String?
    var county: String?
    var postcode: String?
    var latitude: Double?
    var longitude: Double?
    var accessibility: [String] = []
}

/// A regular time as a feed gives it: RFC 5545's terms (3.0, and some 1.x feeds) or a
/// weekday (1.x `regular_schedules`), or only words.
struct FeedSchedule {
    var path: String
    var freq: String?
    var interval: Double?
    var byday: String?
    var weekday: String?
    var opensAt: String?
    var closesAt: String?
    var description: String?
}

/// The organisation that runs a service.
struct FeedOrganization {
    var id: String?
    var name: String?
    var descriptionHTML: String?
    var website: String?
    var email: String?
    var facts: [FeedFact] = []
}
