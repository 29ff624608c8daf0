public import Support
internal import Content
public import Graph
internal import Render

/// The directory as an Open Referral UK 3.0 API (the UK profile of HSDS 3.0), written
/// as files: `oruk/index.json` (the API's root), `oruk/services/index.json` (the list
/// of services, in pages of `pageSize`: OpenReferralExport+Pages.swift),
/// `oruk/services/{id}/index.json` (each service in full) and one list for each of
/// organizations, taxonomies, taxonomy terms and service-at-locations.
/// Every card is a service; docs/open-data.md gives the whole mapping.
///
/// A pure function of the graph: the same content gives the same bytes. The ids are
/// worked out once, when the export is made; the files are made one at a time, so that
/// the build can spread the services over its cores.
public struct OpenReferralExport: FileGenerator {
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
    /// Records on each page of a list.
    let pageSize: Int
    /// The cards that stand for an organization, in order: the organizations list.
    let organizationCards: [Int]
    /// Card index → the position of its first place in the service-at-locations list; one more at the end.
    let locationStarts: [Int]

    var content: Content { graph.content }

    /// Works out every card's ids. `baseURL` makes the page addresses in the records
    /// absolute; without one they are left out, as the records need absolute addresses.
    public init(graph: SiteGraph, baseURL: String?, pageSize: Int = standardPageSize) {
        self.graph = graph
        self.baseURL = baseURL
        self.pageSize = max(1, pageSize)
        let cards = graph.content.cards
        serviceIDs = cards.map(OpenReferralIDs.service)
        let standsFor = cards.indices.map { i in
            cards[i].kind == .organisation || (cards[i].kind != .person && graph.organisations.runBy[i] == nil)
        }
        let organizationIDs = cards.indices.map { standsFor[$0] ? OpenReferralIDs.organization(cards[$0]) : nil }
        self.organizationIDs = organizationIDs
        organizationOf = cards.indices.map { i in graph.organisations.runBy[i] ?? (standsFor[i] ? i : nil) }
        termIDs = graph.content.topics.map { OpenReferralIDs.term($0.slug) }
        organizationCards = cards.indices.filter { organizationIDs[$0] != nil }
        var starts = [0]
        for card in cards { starts.append(starts[starts.count - 1] + card.details.locations.count) }
        locationStarts = starts
    }

    // MARK: Files

    /// The root and every page of the lists, from the site's top folder.
    public var paths: [String] {
        [Route.openReferralRoot.path] + Self.lists.flatMap { list in (1...pageCount(list)).map { pagePath(list, $0) } }
    }

    /// Card index `i`'s service file.
    public func servicePath(_ i: Int) -> String { Route.openReferralRecord("services", id: serviceIDs[i]).path }

    /// The number of services: one for each card.
    public var serviceCount: Int { serviceIDs.count }

    /// The bytes of one of `paths`.
    public func bytes(of path: String) -> [UInt8] {
        if path == Route.openReferralRoot.path { return root().bytes() }
        guard let (list, number) = listPage(of: path) else { return [] }
        return page(list, number).bytes()
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

    /// An absolute address in the site, when the site has a base URL.
    func absolute(_ path: String) -> String? { baseURL.map { $0 + path } }
}
