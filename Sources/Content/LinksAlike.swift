internal import Markdown

extension Card {
    /// True when the card names the same other files, by the same fields, as `old`:
    /// its topics, regions, related cards, kind, organisation, Open Referral id, former
    /// slugs, image, body links and headings. Nothing checked across files, and no
    /// index of the graph, can then tell the two apart.
    public func linksAlike(_ old: Card) -> Bool {
        topics == old.topics && regions == old.regions && related == old.related && kind == old.kind
            && details.organisation == old.details.organisation && details.orukID == old.details.orukID
            && formerSlugs == old.formerSlugs && image == old.image
            && body.linksAlike(old.body) && body.headings == old.body.headings
    }
}

extension Guide {
    /// True when the guide names the same other files, by the same fields, as `old`: its
    /// topics, regions, listed cards, body links and headings. Nothing checked across
    /// files, and no index of the graph, can then tell the two apart; its title, summary,
    /// authors, date and text may differ.
    public func linksAlike(_ old: Guide) -> Bool {
        topics == old.topics && regions == old.regions && cards == old.cards
            && body.linksAlike(old.body) && body.headings == old.body.headings
    }
}

extension MarkdownDocument {
    /// True when the text links to the same destinations, as links or images, in the
    /// same order as `old`, wherever in the text they are written: text added above a
    /// link moves it, and changes no check of where it leads.
    func linksAlike(_ old: MarkdownDocument) -> Bool {
        links.elementsEqual(old.links) { $0.destination == $1.destination && $0.isImage == $1.isImage }
    }
}
