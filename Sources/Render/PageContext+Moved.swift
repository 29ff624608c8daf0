internal import Support
internal import Content

extension PageContext {
    /// The page at a renamed card's former address: it names the card, links to it, and
    /// asks the browser to go there (`moved.url`, from the site root). Its canonical
    /// address is the card's, so search engines move their entry with it.
    func moved(_ i: Int) -> [String: Any] {
        let card = content.cards[i]
        let target = Route.card(card.slug).path
        var v = pageValues(title: words(.movedTitle, ["name": card.name]), description: words(.movedDescription, ["name": card.name, "site": content.site.title]),
                           jsonld: .object([("@context", .string("https://schema.org")), ("@type", .string("WebPage")),
                                            ("name", .string(words(.movedTitle, ["name": card.name])))]))
        if var page = v["page"] as? [String: Any] {
            if let canonical = Route.absolute(target, base: base) {
                page["canonical"] = TemplateText(canonical)
            } else {
                page.removeValue(forKey: "canonical")
            }
            v["page"] = page
        }
        var moved = Self.link(card.name, target)
        // A preview opened from the file system shows a folder's listing, not its page:
        // there the browser is sent to the page's file (links are rewritten the same way).
        moved["refresh"] = TemplateText(target + (renderer.options.filePreview ? "index.html" : ""))
        v["moved"] = moved
        return v
    }
}
