internal import Content
public import Graph
internal import Render

/// The directory as an Open Referral UK 3.0 API (the UK profile of HSDS 3.0), written
/// as files: `oruk/index.json` (the API's root), `oruk/services/index.json` (every
/// service on one page), `oruk/services/{id}/index.json` (each service in full) and one
/// list for each of organizations, taxonomies, taxonomy terms and service-at-locations.
/// Every card is a service; docs/open-data.md gives the whole mapping.
///
/// A pure function of the graph: the same content gives the same bytes. The ids are
/// worked out once, when the export is made; the files are made one at a time, so that
/// the build can spread the services over its cores.
public struct OpenReferralExport: Sendable {
    /// The folder of the export in the site.
    public static let folder = "oruk"
    /// The lists beside `services`, in the order the API's document names them.
    public static let lists = ["services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"]
    /// What the API's root says: the ORUK validator reads its version from here.
    static let version = "HSDS-UK-3.0"
    static let profile = "https://openreferraluk.org/developers/specifications"
    static let openAPI = "https://openreferraluk.org/specifications/3.0/openapi.json"

    let graph: SiteGraph
    let baseURL: String?
    /// Card index → its service's id.
    let serviceIDs: [String]
    /// Card index → the card whose organization runs its service: the organisation it
    /// names, else itself when it is an organisation, group or network; nil for a person
    /// with no organisation.
    let organizationOf: [Int?]
    /// Card index → the id of the organization the card stands for, when it stands for one.
    let organizationIDs: [String?]
    /// Topic index → its taxonomy term's id.
    let termIDs: [String]

    var content: Content { graph.content }

    /// Works out every card's ids. `baseURL` makes the page addresses in the records
    /// absolute; without one they are left out, as the records need absolute addresses.
    public init(graph: SiteGraph, baseURL: String?) {
        self.graph = graph
        self.baseURL = baseURL
        let cards = graph.content.cards
        serviceIDs = cards.map(OpenReferralIDs.service)
        let standsFor = cards.indices.map { i in
            cards[i].kind == .organisation || (cards[i].kind != .person && graph.organisations.runBy[i] == nil)
        }
        organizationIDs = cards.indices.map { standsFor[$0] ? OpenReferralIDs.organization(cards[$0]) : nil }
        organizationOf = cards.indices.map { i in graph.organisations.runBy[i] ?? (standsFor[i] ? i : nil) }
        termIDs = graph.content.topics.map { OpenReferralIDs.term($0.slug) }
    }

    // MARK: Files

    /// The root and the lists, from the site's top folder.
    public var listPaths: [String] {
        ["\(Self.folder)/index.json"] + Self.lists.map { "\(Self.folder)/\($0)/index.json" }
    }

    /// Card index `i`'s service file.
    public func servicePath(_ i: Int) -> String { "\(Self.folder)/services/\(serviceIDs[i])/index.json" }

    /// The number of services: one for each card.
    public var serviceCount: Int { serviceIDs.count }

    /// The bytes of one of `listPaths`.
    public func bytes(of path: String) -> [UInt8] {
        let value: JSONValue
        switch path.dropFirst(Self.folder.count + 1) {
        case "index.json": value = root()
        case "services/index.json": value = page(content.cards.indices.map { service($0, full: false) })
        case "organizations/index.json": value = page(content.cards.indices.compactMap(organization))
        case "taxonomies/index.json": value = page([taxonomy(withTerms: true)])
        case "taxonomy_terms/index.json": value = page(content.topics.indices.map { term($0, full: true) })
        case "service_at_locations/index.json": value = page(content.cards.indices.flatMap { serviceAtLocations($0, withService: true) })
        default: return []
        }
        return value.bytes()
    }

    /// The bytes of card `i`'s service in full.
    public func serviceBytes(_ i: Int) -> [UInt8] { service(i, full: true).bytes() }

    // MARK: Root and pages

    /// The API's root: the ORUK validator chooses the specification from `version`.
    func root() -> JSONValue {
        var pairs: [(String, JSONValue)] = [("version", .string(Self.version)), ("profile", .string(Self.profile)),
                                            ("openapi_url", .string(Self.openAPI))]
        if let licence = content.site.licence {
            var l: [(String, JSONValue)] = []
            if let id = licence.id { l.append(("id", .string(id))) }
            l += [("name", .string(licence.name)), ("url", .string(licence.url))]
            pairs.append(("license", .object(l)))
        }
        return .object(pairs)
    }

    /// A list response holding everything on its one page.
    func page(_ contents: [JSONValue]) -> JSONValue {
        .object([("total_items", .int(contents.count)), ("total_pages", .int(1)), ("page_number", .int(1)), ("size", .int(contents.count)),
                 ("first_page", .bool(true)), ("last_page", .bool(true)), ("empty", .bool(contents.isEmpty)), ("contents", .array(contents))])
    }

    /// An absolute address in the site, when the site has a base URL.
    func absolute(_ path: String) -> String? { baseURL.map { $0 + path } }
}
