public import Support
public import Content

/// JSON Schemas (draft 2020-12) for the fields of a card and a guide, saying what
/// `whoswho check` says about each file on its own: required fields, types, lengths,
/// allowed values, repeats, and the topics and regions of the content's vocabularies.
///
/// What a schema cannot say, because it needs other files: that a `related` or
/// `cards` entry names a card that exists, that a card does not name itself, that an
/// `image` is a file in static/, that links in the body lead somewhere, and whether a
/// card is out of date. Lengths are counted in Unicode code points, the checker counts
/// characters as people see them, so text with combining accents may be refused a few
/// characters early.
public enum ContentSchema {
    /// The schema of a card's fields: the front matter of `cards/SLUG.md`, or all of
    /// `cards/SLUG.yml`. It allows `about`, which only a `.yml` card may have.
    public static func card(_ vocabularies: Vocabularies) -> JSONValue {
        let b = SchemaBuilder.self
        let properties: [(String, JSONValue)] = [
            ("name", b.text("The name of the person, group, organisation or network.", max: 120)),
            ("kind", b.choice("What the card describes.", Kind.allCases.map(\.rawValue))),
            ("summary", b.text("Plain text shown in lists and search results: who the card is for and what it offers.", max: 280)),
            ("topics", b.list("Topics from topics.yml: at least one, none repeated.",
                              items: b.slugItem(vocabularies.topics.map(\.slug), what: "topic"), required: true)),
            ("regions", b.list("Regions from regions.yml: at least one, none repeated.",
                               items: b.slugItem(vocabularies.regions.map(\.slug), what: "region"), required: true)),
            ("updated", b.date("The day the card's owner last checked the card, YYYY-MM-DD.")),
            ("status", b.choice("Whether the support is running (default active).", Status.allCases.map(\.rawValue), nullable: true)),
            ("formats", b.list("The ways support is offered, none repeated.",
                               items: b.choice("a format", Format.allCases.map(\.rawValue)), required: false)),
            ("looking_for", b.text("What the card's owner would like from others.", max: 280, nullable: true)),
            ("contact", b.object("How to reach the card's owner.", nullable: true, required: [], properties: [
                ("website", b.url("A web address starting https:// or http://.", nullable: true)),
                ("email", b.text("An email address, like name@example.org.", max: 254, nullable: true, pattern: b.email, scalars: false)),
                ("phone", phone()),
            ])),
            ("links", .object([
                ("description", .string("Links to evidence, evaluations and resources.")),
                ("type", .array([.string("array"), .string("null")])),
                ("items", b.object(nil, required: ["title", "url"], properties: [
                    ("title", b.text("The link's text.", max: 200)),
                    ("url", b.url("A web address starting https:// or http://.")),
                ])),
            ])),
            ("related", b.list("Slugs of other cards to link with (each must be a card that exists, not this one).",
                               items: b.slugItem("card"), required: false)),
            ("image", b.text("A file in content/static/, written from inside that folder, like images/logo.svg.", max: 300,
                             nullable: true, pattern: b.staticPath, scalars: false)),
        ] + DirectorySchema.properties() + [
            ("former_slugs", b.list("The slugs the card had before it was renamed, oldest first (none a card's slug now): each old address leads to this card.",
                                    items: b.slugItem("former card"), required: false).adding([("maxItems", .int(ContentLimits.formerSlugsPerCard))])),
            ("about", b.text("Only in a card written as cards/SLUG.yml: the description, in Markdown.", max: ContentLimits.maxFileBytes,
                             nullable: true, singleLine: false)),
        ]
        return b.document(
            title: "whoswho card",
            description: "The fields of a card: the front matter of content/cards/SLUG.md, or all of content/cards/SLUG.yml. "
                + "Made by `whoswho schema card`; see docs/content-format.md.",
            body: b.object(nil, required: ["name", "kind", "summary", "topics", "regions", "updated"], properties: properties))
    }

    /// The schema of a guide's front matter, `guides/SLUG.md`.
    public static func guide(_ vocabularies: Vocabularies) -> JSONValue {
        let b = SchemaBuilder.self
        let properties: [(String, JSONValue)] = [
            ("title", b.text("The guide's title.", max: 120)),
            ("summary", b.text("Plain text shown in lists and search results.", max: 280)),
            ("topics", b.list("Topics from topics.yml: at least one, none repeated.",
                              items: b.slugItem(vocabularies.topics.map(\.slug), what: "topic"), required: true)),
            ("regions", b.list("Regions from regions.yml, none repeated, if the guide is about particular places.",
                               items: b.slugItem(vocabularies.regions.map(\.slug), what: "region"), required: false)),
            ("cards", b.list("Slugs of the cards whose experience the guide draws on (each must be a card that exists).",
                             items: b.slugItem("card"), required: false)),
            ("authors", b.list("The names of the people who wrote the guide, none repeated.",
                               items: b.text("A name.", max: 120, blank: true), required: false)),
            ("updated", b.date("The day the guide was last checked, YYYY-MM-DD.")),
        ]
        return b.document(
            title: "whoswho guide",
            description: "The front matter of a guide, content/guides/SLUG.md. Made by `whoswho schema guide`; see docs/content-format.md.",
            body: b.object(nil, required: ["title", "summary", "topics", "updated"], properties: properties))
    }

    /// A phone number: text, or a number of at least six digits as an editor that
    /// guesses types reads `phone: 01134960123`.
    static func phone() -> JSONValue {
        let b = SchemaBuilder.self
        return .object([
            ("description", .string("A phone number: digits, spaces, + - ( ) and dots, with at least six digits.")),
            ("anyOf", .array([
                b.text("as text", max: 40, nullable: true, pattern: b.phone, scalars: false),
                .object([("type", .string("integer")), ("minimum", .int(100_000))]),
            ])),
        ])
    }
}
