internal import Content

/// The ids of an export's records: UUIDs made (RFC 4122 version 5) from names that say
/// what each record is and whose it is, in whoswho's own namespace, so that the same
/// content gives the same ids in every build. docs/open-data.md lists the names.
enum OpenReferralIDs {
    /// whoswho's namespace: the version 5 UUID of the domain name `open-referral.whoswho.invalid`
    /// (421aaecd-e959-59a0-ba72-ef5fca9fd778).
    static let namespace = NameBasedUUID(namespace: .dns, name: "open-referral.whoswho.invalid")

    /// The id of the record named `name`.
    static func make(_ name: String) -> String { NameBasedUUID(namespace: namespace, name: name).text }

    /// The slug a card's ids are made from: its first slug, the first of `former_slugs`
    /// when it was renamed, so that a renamed card keeps its ids.
    static func idSlug(_ card: Card) -> String { card.formerSlugs.first ?? card.slug }

    /// A card's service: the id it was imported with, else one made from its slug.
    static func service(_ card: Card) -> String { card.details.orukID ?? make("service/" + idSlug(card)) }

    /// The organization a card of kind organisation, group or network stands for. An
    /// organisation card's imported id is the organization's: that is what the importer
    /// makes organisation cards from.
    static func organization(_ card: Card) -> String {
        card.kind == .organisation ? (card.details.orukID ?? make("organization/" + idSlug(card))) : make("organization/" + idSlug(card))
    }

    /// A record that belongs to the service `service`: `kind/service/key`.
    static func child(_ kind: String, of service: String, _ key: String) -> String { make(kind + "/" + service + "/" + key) }

    /// The taxonomy of the site's topics.
    static let topicTaxonomy = make("taxonomy/whoswho-topics")

    /// A topic's taxonomy term.
    static func term(_ topic: String) -> String { make("taxonomy_term/topic/" + topic) }
}
