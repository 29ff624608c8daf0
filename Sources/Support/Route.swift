/// Every page and file whoswho writes into a site, and the one place their paths are
/// spelled. Pages end in `/` and are written to `index.html` inside it; data files are
/// paths to the file itself. All paths are from the site's root, without a leading `/`.
///
/// A list's first page keeps the list's own address and later pages are at `page/N/`
/// below it, so `page` is 1 for the address every link uses.
///
/// Code outside this file never spells a site path: it names a route. A site in a second
/// language would put its prefix in front of `path` here, and nowhere else.
public enum Route: Hashable, Sendable {
    // Pages
    case home
    case cardsAZ(page: Int = 1)
    case card(String)
    case guides(page: Int = 1)
    case guide(String)
    case topics
    case topic(String, page: Int = 1)
    case topicRegion(topic: String, region: String, page: Int = 1)
    case regions
    case region(String, page: Int = 1)
    case search
    case coverage(page: Int = 1)
    case lookingFor(page: Int = 1)
    case evidence(page: Int = 1)
    case notFound
    /// The list of an entry type's entries, by the type's folder (`events`), and one entry.
    case entryList(String, page: Int = 1)
    case entry(String, String)

    // Data files
    /// index.json, the directory as data.
    case index
    /// A file of index.json's entries: `index/cards-3.json`.
    case entries(kind: String, number: Int)
    case atomFeed
    case jsonFeed
    case sitemap
    /// One of the sitemaps a sitemap index lists, once one sitemap would be too long.
    case sitemapPart(Int)
    case robots
    /// A file of the search index, by its name inside the search index's folder.
    case searchData(String)
    /// A spreadsheet (`cards`, `coverage`): part 0 is the whole table in one file,
    /// parts 1, 2, … the files it is cut into when one would be too large.
    case spreadsheet(String, part: Int)
    case spreadsheetMetadata
    /// The Open Referral UK API root.
    case openReferralRoot
    /// A page of one of the Open Referral lists (`services`, `organizations`, …).
    case openReferralList(String, page: Int = 1)
    /// One record of an Open Referral list, by its id.
    case openReferralRecord(String, id: String)
    /// The redirects and headers files that Netlify and Cloudflare Pages read.
    case hostRedirects
    case hostHeaders

    /// The site's top-level folders and files, with what whoswho writes there: static
    /// files may not take any of these names.
    public static let topLevel: [(name: String, isFolder: Bool, writes: String)] = [
        ("cards", true, "the card pages"),
        ("guides", true, "the guide pages"),
        ("topics", true, "the topic pages"),
        ("regions", true, "the region pages"),
        ("search", true, "the search page and its index"),
        ("coverage", true, "the coverage table"),
        ("looking-for", true, "the list of cards looking for partners and volunteers"),
        ("evidence", true, "the list of evidence and resources"),
        ("index.html", false, "the home page"),
        ("404.html", false, "the page shown for an address that does not exist"),
        ("index.json", false, "the whole directory as data"),
        (entryFolder, true, "the cards and guides of index.json in files there"),
        ("feed.xml", false, "the Atom feed"),
        ("feed.json", false, "the JSON feed"),
        ("sitemap.xml", false, "the sitemap"),
        ("robots.txt", false, "the note to search engines"),
        ("cards.csv", false, "every card as a spreadsheet"),
        ("coverage.csv", false, "the coverage table as a spreadsheet"),
        ("csv-metadata.json", false, "the description of its spreadsheets"),
        (openReferralFolder, true, "the directory as Open Referral UK data"),
        ("_headers", false, "the headers file Netlify and Cloudflare Pages read"),
        ("_redirects", false, "the redirects file Netlify and Cloudflare Pages read"),
    ]

    /// The numbered files the site writes at its top when one file would be too large
    /// (`sitemap-2.xml`, `cards-3.csv`), with what they are: static files may not take
    /// such names either.
    public static let numberedTopLevel: [(prefix: String, suffix: String, writes: String)] = [
        ("sitemap-", ".xml", "the parts of a sitemap too long for one file"),
        ("cards-", ".csv", "the parts of the spreadsheet of every card"),
        ("coverage-", ".csv", "the parts of the coverage spreadsheet"),
    ]

    /// What whoswho writes at the top-level name `name` (compared without regard to
    /// case) when it is one of the numbered files, else nil.
    public static func numberedTopLevel(matching name: String) -> String? {
        let lower = name.lowercased()
        for family in numberedTopLevel where lower.hasPrefix(family.prefix) && lower.hasSuffix(family.suffix) {
            let number = lower.dropFirst(family.prefix.count).dropLast(family.suffix.count)
            if !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber) { return family.writes }
        }
        return nil
    }

    /// The folder of index.json's files of entries.
    public static let entryFolder = "index"
    /// The folder of the search index's files.
    public static let searchFolder = "search/data/"
    /// The folder of the Open Referral UK export.
    public static let openReferralFolder = "oruk"

    /// The route's path from the site's root: `cards/x/` for a page, `feed.xml` for a file.
    public var path: String {
        switch self {
        case .home: return ""
        case .cardsAZ(let n): return Self.page(n, of: "cards/")
        case .card(let slug): return "cards/\(slug)/"
        case .guides(let n): return Self.page(n, of: "guides/")
        case .guide(let slug): return "guides/\(slug)/"
        case .topics: return "topics/"
        case .topic(let slug, let n): return Self.page(n, of: "topics/\(slug)/")
        case .topicRegion(let topic, let region, let n): return Self.page(n, of: "topics/\(topic)/\(region)/")
        case .regions: return "regions/"
        case .region(let slug, let n): return Self.page(n, of: "regions/\(slug)/")
        case .search: return "search/"
        case .coverage(let n): return Self.page(n, of: "coverage/")
        case .lookingFor(let n): return Self.page(n, of: "looking-for/")
        case .evidence(let n): return Self.page(n, of: "evidence/")
        case .notFound: return "404.html"
        case .entryList(let folder, let n): return Self.page(n, of: "\(folder)/")
        case .entry(let folder, let slug): return "\(folder)/\(slug)/"
        case .index: return "index.json"
        case .entries(let kind, let n): return "\(Self.entryFolder)/\(kind)-\(n).json"
        case .atomFeed: return "feed.xml"
        case .jsonFeed: return "feed.json"
        case .sitemap: return "sitemap.xml"
        case .sitemapPart(let n): return "sitemap-\(n).xml"
        case .robots: return "robots.txt"
        case .searchData(let name): return Self.searchFolder + name
        case .spreadsheet(let name, let part): return part == 0 ? "\(name).csv" : "\(name)-\(part).csv"
        case .spreadsheetMetadata: return "csv-metadata.json"
        case .openReferralRoot: return "\(Self.openReferralFolder)/index.json"
        case .openReferralList(let list, let n): return Self.page(n, of: "\(Self.openReferralFolder)/\(list)/") + "index.json"
        case .openReferralRecord(let list, let id): return "\(Self.openReferralFolder)/\(list)/\(id)/index.json"
        case .hostRedirects: return "_redirects"
        case .hostHeaders: return "_headers"
        }
    }

    /// The file the route is written to: a page's `index.html`, or the data file itself.
    public var file: String { Self.file(for: path) }

    /// The file a path is written to: `cards/x/` → `cards/x/index.html`, `` → `index.html`.
    public static func file(for path: String) -> String {
        path.isEmpty ? "index.html" : path.hasSuffix("/") ? path + "index.html" : path
    }

    /// Page `number` of the list at `first`: `first` itself for page 1, else `first` + `page/N/`.
    static func page(_ number: Int, of first: String) -> String {
        number <= 1 ? first : first + "page/\(number)/"
    }

    /// The relative path from a page at `path` back to the site root: `../` per folder.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count)
    }

    /// The absolute URL of `path` when a base URL is known.
    public static func absolute(_ path: String, base: String?) -> String? { base.map { $0 + path } }
}
