public import Markdown

/// A calendar date written `YYYY-MM-DD`, compared as a date.
public struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, month (1–12) and day (1–31).
    public let year: Int, month: Int, day: Int

    /// Creates a date when it exists on the calendar, else nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= ContentDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when the shape is wrong or the date does not exist.
    public init?(_ text: String) {
        // The usual YYYY-MM-DD, read by bytes.
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        if b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) {
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `months` months earlier, clamped to the month's last day.
    public func monthsEarlier(_ months: Int) -> ContentDate {
        let total = year * 12 + (month - 1) - months
        let y = total / 12, m = total % 12 + 1
        return ContentDate(year: y, month: m, day: min(day, ContentDate.daysIn(month: m, year: y))) ?? self
    }

    /// The day after.
    public var nextDay: ContentDate {
        if day < ContentDate.daysIn(month: month, year: year) { return ContentDate(year: year, month: month, day: day + 1) ?? self }
        if month < 12 { return ContentDate(year: year, month: month + 1, day: 1) ?? self }
        return ContentDate(year: year + 1, month: 1, day: 1) ?? self
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: ContentDate, b: ContentDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// The site's settings, from site.yml.
public struct SiteConfig: Sendable {
    /// The site's name.
    public var title: String
    /// One or two sentences on what the site is.
    public var description: String?
    /// Absolute http(s) URL ending in `/`, when the site knows where it is published.
    public var baseURL: String?
    /// BCP 47 language tag.
    public var language: String
    /// Folder name under themes/.
    public var theme: String
    /// Where the content lives on GitHub, for the site's edit, report and add links.
    public var repository: Repository?
    /// The licence the directory's data is published under, for the open data files.
    public var licence: DataLicence?
    /// The most entries on one page of a list (the A–Z, topics, regions, guides).
    public var pageSize: Int

    /// Entries on a page of a list when site.yml does not say.
    public static let defaultPageSize = 50
    /// The fewest and the most entries site.yml may ask for on a page.
    public static let pageSizeRange = 1...500

    /// Creates settings.
    public init(title: String, description: String? = nil, baseURL: String? = nil, language: String = "en-GB", theme: String = "default",
                repository: Repository? = nil, licence: DataLicence? = nil, pageSize: Int = SiteConfig.defaultPageSize) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.theme = theme
        self.repository = repository
        self.licence = licence
        self.pageSize = pageSize
    }
}

/// A topic of the vocabulary in topics.yml.
public struct Topic: Sendable, Equatable {
    /// Identity and URL part.
    public var slug: String
    /// Display name.
    public var name: String
    /// Optional description.
    public var description: String?
    /// Other names and spellings readers use for the topic (`alzheimers`, `T1D`), which
    /// search treats as the topic's name.
    public var aliases: [String]

    /// Creates a topic.
    public init(slug: String, name: String, description: String? = nil, aliases: [String] = []) {
        self.slug = slug
        self.name = name
        self.description = description
        self.aliases = aliases
    }
}

/// A region of the vocabulary in regions.yml, possibly within a wider one.
public struct Region: Sendable, Equatable {
    /// Identity and URL part.
    public var slug: String
    /// Display name.
    public var name: String
    /// Optional description.
    public var description: String?
    /// The slug of the wider region this one is within.
    public var within: String?
    /// Places in the region a reader may name instead of the region (`Cardiff`), and
    /// other names for the region itself (`NI`).
    public var places: [String]
    /// Postcode areas and districts in the region (`CF`, `SY16`), upper case; search
    /// uses the longest that begins a reader's postcode.
    public var postcodes: [String]
    /// The prefixes among `postcodes` that other regions list too, because the area
    /// crosses a border (`SY` between Wales and England).
    public var sharedPostcodes: [String]

    /// Creates a region.
    public init(slug: String, name: String, description: String? = nil, within: String? = nil,
                places: [String] = [], postcodes: [String] = [], sharedPostcodes: [String] = []) {
        self.slug = slug
        self.name = name
        self.description = description
        self.within = within
        self.places = places
        self.postcodes = postcodes
        self.sharedPostcodes = sharedPostcodes
    }
}

/// What a card describes.
public enum Kind: String, Sendable, CaseIterable, Codable {
    case person, group, organisation, network
}

/// Whether a card's support is running.
public enum Status: String, Sendable, CaseIterable, Codable {
    case active, paused, closed
}

/// How support is offered.
public enum Format: String, Sendable, CaseIterable, Codable {
    case oneToOne = "one-to-one", group, online, phone, text, inPerson = "in-person"
}

/// How to reach a card's owner.
public struct Contact: Sendable, Equatable {
    /// http(s) URL.
    public var website: String?
    /// Email address.
    public var email: String?
    /// Phone number as written.
    public var phone: String?

    /// Creates contact details.
    public init(website: String? = nil, email: String? = nil, phone: String? = nil) {
        self.website = website
        self.email = email
        self.phone = phone
    }
}

/// A titled link on a card: evidence, an evaluation, a resource.
public struct CardLink: Sendable, Equatable {
    /// Link text.
    public var title: String
    /// http(s) URL.
    public var url: String

    /// Creates a link.
    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

/// A profile card: a person, group, organisation or network offering peer support.
public struct Card: Sendable {
    /// Identity and URL part: the file name without its extension.
    public var slug: String
    /// Path of the source file relative to the content folder (`cards/x.md`).
    public var file: String
    public var name: String
    public var kind: Kind
    public var summary: String
    public var topics: [String]
    public var regions: [String]
    public var updated: ContentDate
    public var status: Status
    public var formats: [Format]
    public var lookingFor: String?
    public var contact: Contact?
    public var links: [CardLink]
    public var related: [String]
    /// Path under content/static/ (and so under the site root).
    public var image: String?
    /// The rendered body (`about` for .yml cards).
    public var body: MarkdownDocument
    /// Slugs of the cards and guides the body links to, in order of first link.
    public var linkedCards: [String]
    public var linkedGuides: [String]
    /// Where and when, who for, cost, referral, languages, organisation, open data settings.
    public var details: DirectoryDetails
    /// The slugs the card had before it was renamed, oldest first: each keeps a page that
    /// sends readers on, and the first keeps the card's open data id.
    public var formerSlugs: [String]

    /// Creates a card.
    public init(
        slug: String, file: String, name: String, kind: Kind, summary: String, topics: [String], regions: [String],
        updated: ContentDate, status: Status = .active, formats: [Format] = [], lookingFor: String? = nil,
        contact: Contact? = nil, links: [CardLink] = [], related: [String] = [], image: String? = nil,
        body: MarkdownDocument = MarkdownDocument(html: "", headings: [], links: [], plainText: ""),
        linkedCards: [String] = [], linkedGuides: [String] = [], details: DirectoryDetails = DirectoryDetails(),
        formerSlugs: [String] = []
    ) {
        self.slug = slug
        self.file = file
        self.name = name
        self.kind = kind
        self.summary = summary
        self.topics = topics
        self.regions = regions
        self.updated = updated
        self.status = status
        self.formats = formats
        self.lookingFor = lookingFor
        self.contact = contact
        self.links = links
        self.related = related
        self.image = image
        self.body = body
        self.linkedCards = linkedCards
        self.linkedGuides = linkedGuides
        self.details = details
        self.formerSlugs = formerSlugs
    }
}

/// A how-to guide: practical experience of setting up, measuring or running peer support.
public struct Guide: Sendable {
    public var slug: String
    /// Path of the source file relative to the content folder (`guides/x.md`).
    public var file: String
    public var title: String
    public var summary: String
    public var topics: [String]
    public var regions: [String]
    /// Slugs of the cards whose experience the guide draws on.
    public var cards: [String]
    public var authors: [String]
    public var updated: ContentDate
    public var body: MarkdownDocument
    public var linkedCards: [String]
    public var linkedGuides: [String]

    /// Creates a guide.
    public init(
        slug: String, file: String, title: String, summary: String, topics: [String], regions: [String] = [],
        cards: [String] = [], authors: [String] = [], updated: ContentDate,
        body: MarkdownDocument = MarkdownDocument(html: "", headings: [], links: [], plainText: ""),
        linkedCards: [String] = [], linkedGuides: [String] = []
    ) {
        self.slug = slug
        self.file = file
        self.title = title
        self.summary = summary
        self.topics = topics
        self.regions = regions
        self.cards = cards
        self.authors = authors
        self.updated = updated
        self.body = body
        self.linkedCards = linkedCards
        self.linkedGuides = linkedGuides
    }
}

/// Everything in a content folder, checked, immutable and sorted by slug.
public struct Content: Sendable {
    public var site: SiteConfig
    public var topics: [Topic]
    public var regions: [Region]
    public var cards: [Card]
    public var guides: [Guide]
    /// The entries of each entry type beyond cards and guides, in the order the types were given.
    public var entries: [Entries]
    /// Files under static/, as paths relative to it, sorted.
    public var staticFiles: [String]
    /// The content folder the files came from.
    public var root: String

    /// Creates content.
    public init(site: SiteConfig, topics: [Topic], regions: [Region], cards: [Card], guides: [Guide], entries: [Entries] = [],
                staticFiles: [String] = [], root: String = "") {
        self.site = site
        self.topics = topics
        self.regions = regions
        self.cards = cards
        self.guides = guides
        self.entries = entries
        self.staticFiles = staticFiles
        self.root = root
    }
}
