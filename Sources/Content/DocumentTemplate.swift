internal import YAML

/// The ready-to-fill files `whoswho new` writes: every field, a one-line comment on
/// each, and a `TODO` placeholder (see ``Placeholder``) in every value the contributor
/// must supply, so the file fails `whoswho check` until it is filled in.
public enum DocumentTemplate {
    /// Where the JSON Schemas live, from a file in cards/ or guides/: a `schemas/`
    /// folder beside the content folder, as written by `whoswho schema card > …`.
    public static func schemaPath(for document: String) -> String { "../../schemas/\(document).schema.json" }

    /// A field's comment: whether the field table requires it, then `words`, then the
    /// most characters of a free text field.
    static func comment(_ field: FieldDescription, _ words: String) -> String {
        var line = "# " + (field.required ? "Required. " : "Optional. ") + words
        if case .text(let max, .plain) = field.type { line += " (at most \(max) characters)" }
        return line + "."
    }

    /// A new card, `cards/SLUG.md`. `updated` is the day it is written; `kind` and
    /// `name` fill those fields when given, else they are placeholders.
    public static func card(kind: Kind? = nil, name: String? = nil, updated: ContentDate) -> String {
        let kinds = Kind.allCases.map(\.rawValue)
        let formats = Format.allCases.map(\.rawValue)
        let statuses = Status.allCases.map(\.rawValue), referrals = Referral.allCases.map(\.rawValue)
        func c(_ name: String, _ words: String) -> String { comment(FieldTable.card[name], words) }
        return """
            ---
            # yaml-language-server: $schema=\(schemaPath(for: "card"))
            # A card for the who's-who. Replace every value that starts with TODO, then run
            # `whoswho check` (a pull request runs it for you). Lines starting with # are
            # comments. Every field is explained in docs/content-format.md.

            \(c("name", "The name of the person, group, organisation or network"))
            name: \(name.map(YAMLWriter.quoted) ?? "\"TODO: the name of the person, group, organisation or network\"")
            \(c("kind", "One of: " + kinds.joined(separator: ", ")))
            kind: \(kind?.rawValue ?? "\"TODO: \(kinds.dropLast().joined(separator: ", ")) or \(kinds.last ?? "")\"")
            \(c("summary", "One line for lists and search results: who it is for and what it offers"))
            summary: "TODO: who this is for and what it offers, in one line"
            \(c("topics", "One or more topics from topics.yml, one per line, like `  - mental-health`"))
            topics:
              - "TODO: a topic from topics.yml"
            \(c("regions", "One or more regions from regions.yml, one per line, like `  - london`"))
            regions:
              - "TODO: a region from regions.yml"
            \(c("updated", "The day the card was last checked, YYYY-MM-DD: change it whenever you check the card"))
            updated: \(updated)
            \(c("status", "One of: " + statuses.joined(separator: ", ")))
            status: active
            \(c("formats", "How support is offered, any of: " + formats.joined(separator: ", ") + ", like [group, online]"))
            formats: []
            \(c("looking_for", "What you would like from others, such as partners or volunteers"))
            looking_for:
            \(c("contact", "How to get in touch: leave empty anything you do not want to share"))
            contact:
              # A web address starting https:// or http://.
              website:
              # An email address, like name@example.org.
              email:
              # A phone number, written however you like.
              phone:
            \(c("links", "Evidence, evaluations, resources: a list of `- title: …` with `url: https://…` under it"))
            links: []
            \(c("related", "Other cards to link with, by their file name without .md or .yml, like [hiv-peer-mentors]"))
            related: []
            \(c("image", "A logo or picture: a file in static/, written from inside it, like images/logo.svg"))
            image:
            # Optional. Where it happens: places, each starting `  - name: …` with any of
            # address, town, postcode, latitude, longitude, accessibility under it.
            # Leave it empty for support given online or by phone.
            locations: []
            # Optional. When it meets: `days: [tuesday]` with `start: "10:00"` and `end: "12:00"`
            # indented under `meets:`, or a few words like `meets: Most Tuesday evenings`.
            meets:
            \(c("eligibility", "Who it is for and who may come"))
            eligibility:
            \(c("cost", "What it costs: free, or a few words such as \"£2 a session; free for carers\""))
            cost:
            \(c("referral", "How people get in, any of: " + referrals.joined(separator: ", ")))
            referral: []
            \(c("languages", "The languages it is offered in, by their tags, like [en, cy] (cy is Welsh, bfi British Sign Language)"))
            languages: []
            \(c("organisation", "The organisation that runs it: the file name of its card without .md or .yml"))
            organisation:
            # Optional, for a person's card: yes to let the site's open data files carry your
            # contact details. Without it they are shown on your page only.
            contact_in_open_data:
            ---

            <!-- Write the card's description here, in Markdown: what you offer, who it is
            for, how to join or get in touch. Start headings at ##. This comment is not
            shown on the site; delete it when you have written your description. -->

            """
    }

    /// A new guide, `guides/SLUG.md`, last checked on `updated`.
    public static func guide(updated: ContentDate) -> String {
        func c(_ name: String, _ words: String) -> String { comment(FieldTable.guide[name], words) }
        return """
        ---
        # yaml-language-server: $schema=\(schemaPath(for: "guide"))
        # A how-to guide for the who's-who. Replace every value that starts with TODO, then
        # run `whoswho check` (a pull request runs it for you). Lines starting with # are
        # comments. Every field is explained in docs/content-format.md.

        \(c("title", "The guide's title"))
        title: "TODO: the guide's title"
        \(c("summary", "One line for lists and search results: what the guide helps with"))
        summary: "TODO: what this guide helps people do, in one line"
        \(c("topics", "One or more topics from topics.yml, one per line, like `  - mental-health`"))
        topics:
          - "TODO: a topic from topics.yml"
        \(c("regions", "Regions from regions.yml, if the guide is about particular places, like [wales]"))
        regions: []
        \(c("cards", "Cards whose experience the guide draws on, by file name without .md or .yml"))
        cards: []
        \(c("authors", "The names of the people who wrote it, like [Fiona McLeish]"))
        authors: []
        \(c("updated", "The day the guide was last checked, YYYY-MM-DD"))
        updated: \(updated)
        ---

        <!-- Write the guide here, in Markdown. Start headings at ##, and link to cards
        with their file, like [Positive Voices](../cards/hiv-peer-mentors.md). This
        comment is not shown on the site; delete it when you have written the guide. -->

        """
    }
}
