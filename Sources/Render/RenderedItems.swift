internal import Support
internal import Graph
internal import Content

/// A list entry rendered once through its partial, with the page's `{{root}}` left as a
/// gap: lists on every page reuse it by filling in their own root.
struct ItemHTML: Sendable {
    /// The HTML split where the root goes.
    let parts: [String]
    /// The HTML for the roots most lists are on (`../../` and `../../../`: cards,
    /// topics, regions and topic-by-region pages), filled in once.
    private let atDepth2: String
    private let atDepth3: String

    /// A character no escaped value or template text can contain, marking the root.
    static let rootMark = "\u{1}"
    static let depth2 = "../../", depth3 = "../../../"

    init(rendered: String) {
        // By bytes: the mark is one ASCII byte, so this splits exactly where a split by characters would.
        parts = rendered.utf8.split(separator: 1, omittingEmptySubsequences: false).map { String(Substring($0)) }
        atDepth2 = parts.joined(separator: Self.depth2)
        atDepth3 = parts.joined(separator: Self.depth3)
    }

    /// The HTML for a page whose root is `root`.
    func html(root: String) -> String {
        if parts.count == 1 { return parts[0] }
        if root == Self.depth2 { return atDepth2 }
        if root == Self.depth3 { return atDepth3 }
        return parts.joined(separator: root)
    }
}

/// Every card and guide list entry, rendered once through `card-item.mustache` and
/// `guide-item.mustache` instead of once per page that lists it (a card appears on a
/// dozen pages).
struct RenderedItems: Sendable {
    let cards: [ItemHTML]
    let guides: [ItemHTML]

    static func render(graph: SiteGraph, theme: Theme, cardItems: CardItems, guideItems: CardItems) async -> RenderedItems {
        @Sendable func render(_ item: [String: Any], template: String) -> ItemHTML {
            var context = item
            context["root"] = TemplateText(ItemHTML.rootMark)
            return ItemHTML(rendered: theme.render(template, context))
        }
        let cards = await Concurrent.map(graph.content.cards.count) { render(cardItems.items[$0], template: "card-item") }
        let guides = await Concurrent.map(graph.content.guides.count) { render(guideItems.items[$0], template: "guide-item") }
        return RenderedItems(cards: cards, guides: guides)
    }
}
