public import Support
internal import Foundation
public import Content
public import Graph

/// Settings that change what is rendered but not what is loaded.
public struct RenderOptions: Sendable {
    /// Absolute base URL ending in `/`, for canonical links, feeds and the sitemap.
    public var baseURL: String?
    /// The day stale-card notes are measured from.
    public var today: ContentDate
    /// Links and search made to work from the file system (`build --file-preview`).
    public var filePreview: Bool
    /// Pages will be fingerprinted (`prepare(_:fingerprinted:)`): the values many pages
    /// share are fingerprinted once, when the renderer is made (`SharedValues`).
    public var fingerprintsPages: Bool

    public init(baseURL: String?, today: ContentDate, filePreview: Bool = false, fingerprintsPages: Bool = false) {
        self.baseURL = baseURL
        self.today = today
        self.filePreview = filePreview
        self.fingerprintsPages = fingerprintsPages
    }
}

/// One page of the site, named by what it shows; its path follows from it.
public enum Page: Sendable, Equatable {
    case home
    case cardList(page: Int)
    case card(Int)
    case guideList(page: Int)
    case guide(Int)
    case topicList
    /// A topic's page, by topic index and page of its list (from 1).
    case topic(Int, page: Int)
    /// A topic-by-region page, by its index in `SiteGraph.topicRegionPages` and page of its list.
    case topicRegion(Int, page: Int)
    case regionList
    /// A region's page, by region index and page of its list.
    case region(Int, page: Int)
    case search
    case notFound
    /// The page at a renamed card's former address (its `former_slugs`, by position),
    /// which sends readers on to the card.
    case moved(card: Int, former: Int)
    /// A page of the coverage table, of the cards looking for someone, of the evidence.
    case coverage(page: Int)
    case lookingFor(page: Int)
    case evidence(page: Int)
    /// A page of the list of entry type `type` (its index in `Content.entries`), and one entry.
    case entryList(type: Int, page: Int)
    case entry(type: Int, Int)
}

/// Renders pages from the graph through a theme. Pure: it never touches the disk.
public struct SiteRenderer: Sendable {
    public private(set) var graph: SiteGraph
    public let theme: Theme
    public let options: RenderOptions

    /// Every card's and guide's list entry as values, built once.
    private(set) var cardItems: CardItems
    private(set) var guideItems: CardItems
    /// The same entries rendered through the theme's item partials, once.
    let items: RenderedItems
    /// Card list entries as values for the depths most lists are at, made once.
    let cardEntries: CardEntries
    /// Each card's letter in the A–Z and the page each letter starts on.
    let alphabet: Alphabet
    /// Every page, its route and its last change.
    public let sitePages: SitePages
    /// How each list is cut into pages.
    var listPages: ListPages { sitePages.lists }
    /// The spreadsheets, planned: the coverage page lists their files.
    public let csvFiles: CSVFiles
    /// The coverage table, the cards looking for someone and the evidence, by topic.
    var organiserLists: OrganiserLists { sitePages.organiserLists }
    /// Links into the contribution flow, when site.yml names the repository.
    var contributions: ContributionLinks? { graph.content.site.repository.map(ContributionLinks.init) }
    /// GitHub's new-file editor with the card template, when site.yml names the repository.
    var addCardURL: String? { contributions?.addCard(template: DocumentTemplate.card(updated: options.today)) }
    /// The theme with each kind of page's shared values written into its templates
    /// (layout and page template), by `variantKey`; pages of a kind not here use `theme`.
    private(set) var variants: [String: Theme] = [:]

    /// Prepares a renderer: builds and renders every list entry once, on every core.
    public static func make(graph: SiteGraph, theme: Theme, options: RenderOptions) async -> SiteRenderer {
        let cardItems = CardItems(await Concurrent.map(graph.content.cards.count) { UnsafeTransfer(PageContext.makeCardItem($0, graph: graph, words: theme.words)) })
        let guideItems = CardItems(await Concurrent.map(graph.content.guides.count) { UnsafeTransfer(PageContext.makeGuideItem($0, graph: graph, words: theme.words)) })
        let itemTheme = theme.specialized(["root": TemplateText(ItemHTML.rootMark)], only: ["card-item", "guide-item"])
        let items = await RenderedItems.render(graph: graph, theme: itemTheme, cardItems: cardItems, guideItems: guideItems)
        var renderer = SiteRenderer(graph: graph, theme: theme, options: options, cardItems: cardItems, guideItems: guideItems, items: items,
                                    cardEntries: await CardEntries.make(graph: graph, items: items, values: cardItems,
                                                                        shared: options.fingerprintsPages),
                                    alphabet: Alphabet(graph: graph, perPage: graph.content.site.pageSize), csvFiles: CSVFiles(graph: graph, options: options, words: theme.words))
        // The shared values depend only on the kind of page (its template) and its depth
        // (its root), so the first page of each kind and depth gives them.
        var variants: [String: Theme] = [:]
        for page in renderer.pages() {
            let path = renderer.path(of: page)
            let context = renderer.context(for: page, path: path)
            let template = PageContext.template(for: page)
            let key = variantKey(template: template, root: context.root)
            guard variants[key] == nil else { continue }
            variants[key] = theme.specialized(context.common(page: page, path: path), only: ["layout", template])
        }
        renderer.variants = variants
        return renderer
    }

    /// The context a page is rendered in, before its own values.
    func context(for page: Page, path: String) -> PageContext {
        var context = PageContext(renderer: self, path: page == .notFound ? "" : path)
        if page == .notFound {
            // The 404 page is served at any depth, so its links start from the site's root URL.
            context.root = options.baseURL.map(URLParts.path(of:)) ?? "/"
        }
        return context
    }

    /// Names the kind and depth of a page, which decide its shared values.
    static func variantKey(template: String, root: String) -> String { template + "|" + root }

    private init(graph: SiteGraph, theme: Theme, options: RenderOptions, cardItems: CardItems, guideItems: CardItems,
                 items: RenderedItems, cardEntries: CardEntries, alphabet: Alphabet, csvFiles: CSVFiles) {
        self.graph = graph
        self.theme = theme
        self.options = options
        self.cardItems = cardItems
        self.guideItems = guideItems
        self.items = items
        self.cardEntries = cardEntries
        self.alphabet = alphabet
        self.csvFiles = csvFiles
        sitePages = SitePages(graph: graph, coverage: csvFiles.coverage)
    }

    var content: Content { graph.content }

    /// The renderer with card `i` replaced by `card` (as ``SiteGraph/replacingCard(_:with:)``
    /// allows), for that card's own page: its list entry is made again, nothing else.
    /// Other pages that list the card would still show it as it was.
    public func replacingCard(_ i: Int, with card: Card) -> SiteRenderer {
        var copy = self
        copy.graph = graph.replacingCard(i, with: card)
        var items = cardItems.items
        items[i] = PageContext.makeCardItem(i, graph: copy.graph, words: theme.words)
        copy.cardItems = CardItems(items)
        return copy
    }

    /// The renderer with guide `i` replaced by `guide` (as ``SiteGraph/replacingGuide(_:with:)``
    /// allows), for that guide's own page: its list entry's values are made again,
    /// nothing else, so other pages that list the guide would still show it as it was.
    public func replacingGuide(_ i: Int, with guide: Guide) -> SiteRenderer {
        var copy = self
        copy.graph = graph.replacingGuide(i, with: guide)
        var items = guideItems.items
        items[i] = PageContext.makeGuideItem(i, graph: copy.graph, words: theme.words)
        copy.guideItems = CardItems(items)
        return copy
    }

    /// Every page of the site (`SitePages.all()`).
    public func pages() -> [Page] { sitePages.all() }

    /// The page's address in the route table.
    public func route(of page: Page) -> Route { sitePages.route(of: page) }

    /// The page's path from the site root (`cards/x/`); `404.html` for the not-found page.
    public func path(of page: Page) -> String { route(of: page).path }

    /// The file the page is written to, relative to the output folder.
    public func file(of page: Page) -> String { route(of: page).file }

    /// Renders one page to HTML.
    public func render(_ page: Page) -> String { render(prepare(page, fingerprinted: false)) }

    /// Makes the values of `page`, and with `fingerprinted` their fingerprint
    /// (`PageFingerprint`), ready to render.
    public func prepare(_ page: Page, fingerprinted: Bool) -> PreparedPage {
        let path = path(of: page)
        let context = context(for: page, path: path)
        let (template, values) = context.values(for: page)
        var dictionary = context.common(page: page, path: path)
        for (k, v) in values { dictionary[k] = v }
        return PreparedPage(template: template, root: context.root, values: dictionary,
                            fingerprint: fingerprinted ? PageFingerprint.of(template: template, values: dictionary) : nil)
    }

    /// Renders a page prepared by `prepare` to HTML.
    public func render(_ page: PreparedPage) -> String {
        let html = (variants[Self.variantKey(template: page.template, root: page.root)] ?? theme).render(page.template, page.values)
        return options.filePreview ? FilePreviewLinks.rewrite(html) : html
    }
}

/// A page's values, ready to render, and their fingerprint when asked for: with one
/// theme, pages with equal fingerprints render to the same HTML.
public struct PreparedPage {
    let template: String
    let root: String
    let values: [String: Any]
    /// The values' fingerprint; nil when not asked for, or when a value is of a kind
    /// `PageFingerprint` cannot read.
    public let fingerprint: Int?
}

/// Splits URLs without Foundation.
enum URLParts {
    /// `https://host/a/b/` → `/a/b/`.
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "/" }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

/// The card or guide list entries' values, shared by every page. Each is made by one
/// task and never changed after, hence the unsafe transfer.
struct CardItems: Sendable {
    private let shared: UnsafeTransfer<[[String: Any]]>
    var items: [[String: Any]] { shared.value }

    init(_ items: [UnsafeTransfer<[String: Any]>]) { shared = UnsafeTransfer(items.map(\.value)) }
    init(_ items: [[String: Any]]) { shared = UnsafeTransfer(items) }
}

/// Card list entries (`html` and `card`) for pages at the two depths most lists are at,
/// made once: a card is listed on a dozen pages. Each is made by one task and never
/// changed after, hence the unsafe transfer.
struct CardEntries: Sendable {
    /// The roots the entries are made for.
    static let roots = [ItemHTML.depth2, ItemHTML.depth3]
    /// Root → card → entry: its values, or with `shared` its `SharedValues`.
    private let shared: UnsafeTransfer<[[Any]]>
    var plain: [[Any]] { shared.value }

    private init(plain: [[Any]]) {
        shared = UnsafeTransfer(plain)
    }

    /// Makes every entry, on every core; with `shared`, each as `SharedValues`, its
    /// fingerprint made once for every page that lists it.
    static func make(graph: SiteGraph, items: RenderedItems, values: CardItems, shared: Bool) async -> CardEntries {
        var plain: [[Any]] = []
        for root in roots {
            plain.append(await Concurrent.map(items.cards.count) {
                let entry = entry(html: items.cards[$0].html(root: root), card: values.items[$0])
                return UnsafeTransfer(shared ? SharedValues.wrap(entry) : entry as Any)
            }.map(\.value))
        }
        return CardEntries(plain: plain)
    }

    /// A card's list entry: its HTML and its values.
    static func entry(html: String, card: [String: Any]) -> [String: Any] {
        ["html": TemplateText(html), "card": card]
    }

    /// The entry for card `card` on a page whose root is `root`, if made.
    func entry(_ card: Int, root: String) -> Any? {
        guard let r = Self.roots.firstIndex(of: root) else { return nil }
        return plain[r][card]
    }
}

/// The A–Z list's letters, worked out once for every page of the list.
struct Alphabet: Sendable {
    /// Card index → the letter it is filed under.
    let letter: [String]
    /// Letter → the page of the list it starts on.
    let firstPage: [String: Int]

    init(graph: SiteGraph, perPage: Int) {
        let cards = graph.content.cards
        let letter = cards.map { PageContext.letter(of: $0.name) }
        var firstPage: [String: Int] = [:]
        for (position, c) in graph.cards.order.enumerated() where firstPage[letter[c]] == nil {
            firstPage[letter[c]] = position / perPage + 1
        }
        self.letter = letter
        self.firstPage = firstPage
    }
}
