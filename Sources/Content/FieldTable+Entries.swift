/// The fields of each entry type, in the order docs/content-format.md lists them: the
/// one place a field's type, limits, required-ness and help are written.
public enum FieldTable {
    static let webAddressHelp = "A web address starting https:// or http://."

    /// A card's fields: the front matter of `cards/SLUG.md`, or all of `cards/SLUG.yml`.
    /// `about` is only for a `.yml` card.
    public static let card = FieldList([
        FieldDescription("name", .text(max: 120), required: true, help: "The name of the person, group, organisation or network."),
        FieldDescription("kind", .choice(Kind.allCases.map(\.rawValue)), required: true, help: "What the card describes."),
        FieldDescription("summary", .text(max: 280), required: true,
                         help: "Plain text shown in lists and search results: who the card is for and what it offers."),
        FieldDescription("topics", .list(.vocabulary(.topics), maxItems: ContentLimits.topicsPerEntry), required: true,
                         help: "Topics from topics.yml: at least one, none repeated."),
        FieldDescription("regions", .list(.vocabulary(.regions), maxItems: ContentLimits.regionsPerEntry), required: true,
                         help: "Regions from regions.yml: at least one, none repeated."),
        FieldDescription("updated", .date, required: true, help: "The day the card's owner last checked the card, YYYY-MM-DD."),
        FieldDescription("status", .choice(Status.allCases.map(\.rawValue)), help: "Whether the support is running (default active)."),
        FieldDescription("formats", .list(.choice(label: "a format", Format.allCases.map(\.rawValue)), maxItems: nil),
                         help: "The ways support is offered, none repeated."),
        FieldDescription("looking_for", .text(max: 280), help: "What the card's owner would like from others."),
        FieldDescription("contact", .object(contact), help: "How to reach the card's owner."),
        FieldDescription("links", .objects(link, maxItems: nil, distinct: false), help: "Links to evidence, evaluations and resources."),
        FieldDescription("related", .list(.slug(of: "card"), maxItems: nil),
                         help: "Slugs of other cards to link with (each must be a card that exists, not this one)."),
        FieldDescription("image", .text(max: 300, rule: .staticPath),
                         help: "A file in content/static/, written from inside that folder, like images/logo.svg."),
    ] + directory + [
        FieldDescription("former_slugs", .list(.slug(of: "former card"), maxItems: ContentLimits.formerSlugsPerCard),
                         help: "The slugs the card had before it was renamed, oldest first (none a card's slug now): each old address leads to this card."),
        FieldDescription("about", .multiLineText(max: ContentLimits.maxFileBytes),
                         help: "Only in a card written as cards/SLUG.yml: the description, in Markdown."),
    ])

    /// A guide's front matter, `guides/SLUG.md`.
    public static let guide = FieldList([
        FieldDescription("title", .text(max: 120), required: true, help: "The guide's title."),
        FieldDescription("summary", .text(max: 280), required: true, help: "Plain text shown in lists and search results."),
        FieldDescription("topics", .list(.vocabulary(.topics), maxItems: ContentLimits.topicsPerEntry), required: true,
                         help: "Topics from topics.yml: at least one, none repeated."),
        FieldDescription("regions", .list(.vocabulary(.regions), maxItems: ContentLimits.regionsPerEntry),
                         help: "Regions from regions.yml, none repeated, if the guide is about particular places."),
        FieldDescription("cards", .list(.slug(of: "card"), maxItems: nil),
                         help: "Slugs of the cards whose experience the guide draws on (each must be a card that exists)."),
        FieldDescription("authors", .list(.text(label: "A name.", max: 120, rule: .plain), maxItems: nil),
                         help: "The names of the people who wrote the guide, none repeated."),
        FieldDescription("updated", .date, required: true, help: "The day the guide was last checked, YYYY-MM-DD."),
    ])

    /// A card's `contact`.
    public static let contact = FieldList([
        FieldDescription("website", .webAddress, help: webAddressHelp),
        FieldDescription("email", .text(max: 254, rule: .email), help: "An email address, like name@example.org."),
        FieldDescription("phone", .text(max: 40, rule: .phone), help: "A phone number: digits, spaces, + - ( ) and dots, with at least six digits."),
    ])

    /// Each item of a card's `links`.
    public static let link = FieldList([
        FieldDescription("title", .text(max: 200), required: true, help: "The link's text."),
        FieldDescription("url", .webAddress, required: true, help: webAddressHelp),
    ])
}
