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
            && body.links == old.body.links && body.headings == old.body.headings
    }
}
