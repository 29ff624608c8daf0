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

    /// A card's service: the id it was imported with, else one made from its slug.
    static func service(_ card: Card) -> String { card.details.orukID ?? make("service/" + card.slug) }

    /// The organization a card of kind organisation, group or network stands for. An
    /// organisation card's imported id is the organization's: that is what the importer
    /// makes organisation cards from.
    static func organization(_ card: Card) -> String {
        card.kind == .organisation ? (card.details.orukID ?? make("organization/" + card.slug)) : make("organization/" + card.slug)
    }

    /// A record that belongs to the service `service`: `kind/service/key`.
    static func child(_ kind: String, of service: String, _ key: String) -> String { make(kind + "/" + service + "/" + key) }

    /// The taxonomy of the site's topics.
    static let topicTaxonomy = make("taxonomy/whoswho-topics")

    /// A topic's taxonomy term.
    static func term(_ topic: String) -> String { make("taxonomy_term/topic/" + topic) }
}
