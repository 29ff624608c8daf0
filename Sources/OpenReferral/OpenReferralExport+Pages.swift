internal import Support
internal import Content
internal import Render

/// The lists' pages. A static host ignores query parameters, so each page of a list is a
/// file at a fixed address: page 1 at `oruk/services/index.json` (the list's own
/// address), page n at `oruk/services/page/n/index.json`. Every page but the last holds
/// `pageSize` records; a list that fits one page is one file, as before paging.
extension OpenReferralExport {
    /// Records on one page of a list: about 0.75 MB of services at the size of the
    /// benchmark's cards, so a list of any length stays far below a host's file limit.
    public static let standardPageSize = 1000

    /// The number of records in `list` (one of `lists`).
    func itemCount(_ list: String) -> Int {
        switch list {
        case "services": return content.cards.count
        case "organizations": return organizationCards.count
        case "taxonomies": return 1
        case "taxonomy_terms": return content.topics.count
        case "service_at_locations": return locationStarts.last ?? 0
        default: return 0
        }
    }

    /// How `list` is cut into pages, as the site's own lists are.
    func pagination(_ list: String) -> Pagination { Pagination(count: itemCount(list), size: pageSize) }

    /// The number of pages of `list`: at least one, which may be empty.
    func pageCount(_ list: String) -> Int { pagination(list).pages }

    /// The path of page `number` (from 1) of `list`.
    public func pagePath(_ list: String, _ number: Int) -> String { Route.openReferralList(list, page: number).path }

    /// The list and page number of a page's path, or nil for any other path.
    func listPage(of path: String) -> (list: String, number: Int)? {
        for list in Self.lists {
            for n in 1...pageCount(list) where pagePath(list, n) == path { return (list, n) }
        }
        return nil
    }

    /// The records `range` of `list`, in order.
    func items(_ list: String, _ range: Range<Int>) -> [JSONValue] {
        switch list {
        case "services": return range.map { service($0, full: false) }
        case "organizations": return organizationCards[range].compactMap(organization)
        case "taxonomies": return range.map { _ in taxonomy(withTerms: true) }
        case "taxonomy_terms": return range.map { term($0, full: true) }
        case "service_at_locations":
            // The first card whose places reach into the range, then on until it is full.
            var card = locationStarts.lastIndex { $0 <= range.lowerBound } ?? 0
            var out: [JSONValue] = []
            while out.count < range.count && card < content.cards.count {
                let start = locationStarts[card], count = locationStarts[card + 1] - start
                let from = max(range.lowerBound - start, 0), to = min(range.upperBound - start, count)
                if from < to { out += serviceAtLocations(card, withService: true)[from..<to] }
                card += 1
            }
            return out
        default: return []
        }
    }

    /// Page `number` of `list`: a list response as the ORUK API gives one.
    func page(_ list: String, _ number: Int) -> JSONValue {
        let pagination = pagination(list), pages = pagination.pages
        let contents = items(list, pagination.range(of: number))
        return .object([("total_items", .int(pagination.count)), ("total_pages", .int(pages)), ("page_number", .int(number)),
                        ("size", .int(contents.count)), ("first_page", .bool(number == 1)), ("last_page", .bool(number == pages)),
                        ("empty", .bool(contents.isEmpty)), ("contents", .array(contents))])
    }
}
