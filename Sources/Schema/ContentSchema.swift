public import Support
public import Content

/// JSON Schemas (draft 2020-12) for the fields of a card and a guide, saying what
/// `whoswho check` says about each file on its own: required fields, types, lengths,
/// allowed values, repeats, and the topics and regions of the content's vocabularies.
/// The fields come from the field tables (Sources/Content/FieldTable+Entries.swift).
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
        let fields = FieldSchema(vocabularies: vocabularies, objectRules: DirectorySchema.objectRules)
        return SchemaBuilder.document(
            title: "whoswho card",
            description: "The fields of a card: the front matter of content/cards/SLUG.md, or all of content/cards/SLUG.yml. "
                + "Made by `whoswho schema card`; see docs/content-format.md.",
            body: fields.object(nil, FieldTable.card))
    }

    /// The schema of a guide's front matter, `guides/SLUG.md`.
    public static func guide(_ vocabularies: Vocabularies) -> JSONValue {
        SchemaBuilder.document(
            title: "whoswho guide",
            description: "The front matter of a guide, content/guides/SLUG.md. Made by `whoswho schema guide`; see docs/content-format.md.",
            body: FieldSchema(vocabularies: vocabularies).object(nil, FieldTable.guide))
    }
}
