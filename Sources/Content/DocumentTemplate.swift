internal import YAML

/// The ready-to-fill files `whoswho new` writes: every field, a one-line comment on
/// each, and a `TODO` placeholder (see ``Placeholder``) in every value the contributor
/// must supply, so the file fails `whoswho check` until it is filled in.
public enum DocumentTemplate {
    /// Where the JSON Schemas live, from a file in cards/ or guides/: a `schemas/`
    /// folder beside the content folder, as written by `whoswho schema card > …`.
    public static func schemaPath(for document: String) -> String { "../../schemas/\(document).schema.json" }

    /// A new card, `cards/SLUG.md`. `updated` is the day it is written; `kind` and
    /// `name` fill those fields when given, else they are placeholders.
    public static func card(kind: Kind? = nil, name: String? = nil, updated: ContentDate) -> String {
        let kinds = Kind.allCases.map(\.rawValue)
        let formats = Format.allCases.map(\.rawValue)
        return """
            ---
            # yaml-language-server: $schema=\(schemaPath(for: "card"))
            # A card for the who's-who. Replace every value that starts with TODO, then run
            # `whoswho check` (a pull request runs it for you). Lines starting with # are
            # comments. Every field is explained in docs/content-format.md.

            # Required. The name of the person, group, organisation or network (at most 120 characters).
            name: \(name.map(YAMLWriter.quoted) ?? "\"TODO: the name of the person, group, organisation or network\"")
            # Required. One of: \(kinds.joined(separator: ", ")).
            kind: \(kind?.rawValue ?? "\"TODO: \(kinds.dropLast().joined(separator: ", ")) or \(kinds.last ?? "")\"")
            # Required. One line for lists and search results: who it is for and what it offers (at most 280 characters).
            summary: "TODO: who this is for and what it offers, in one line"
            # Required. One or more topics from topics.yml, one per line, like `  - mental-health`.
            topics:
              - "TODO: a topic from topics.yml"
            # Required. One or more regions from regions.yml, one per line, like `  - london`.
            regions:
              - "TODO: a region from regions.yml"
            # Required. The day the card was last checked, YYYY-MM-DD: change it whenever you check the card.
            updated: \(updated)
            # Optional. One of: \(Status.allCases.map(\.rawValue).joined(separator: ", ")).
            status: active
            # Optional. How support is offered, any of: \(formats.joined(separator: ", ")), like [group, online].
            formats: []
            # Optional. What you would like from others, such as partners or volunteers (at most 280 characters).
            looking_for:
            # Optional. How to get in touch: leave empty anything you do not want to share.
            contact:
              # A web address starting https:// or http://.
              website:
              # An email address, like name@example.org.
              email:
              # A phone number, written however you like.
              phone:
            # Optional. Evidence, evaluations, resources: a list of `- title: …` with `url: https://…` under it.
            links: []
            # Optional. Other cards to link with, by their file name without .md or .yml, like [hiv-peer-mentors].
            related: []
            # Optional. A logo or picture: a file in static/, written from inside it, like images/logo.svg.
            image:
            # Optional. Where it happens: places, each starting `  - name: …` with any of
            # address, town, postcode, latitude, longitude, accessibility under it.
            # Leave it empty for support given online or by phone.
            locations: []
            # Optional. When it meets: `days: [tuesday]` with `start: "10:00"` and `end: "12:00"`
            # indented under `meets:`, or a few words like `meets: Most Tuesday evenings`.
            meets:
            # Optional. Who it is for and who may come (at most 500 characters).
            eligibility:
            # Optional. What it costs: free, or a few words such as "£2 a session; free for carers".
            cost:
            # Optional. How people get in, any of: \(Referral.allCases.map(\.rawValue).joined(separator: ", ")).
            referral: []
            # Optional. The languages it is offered in, by their tags, like [en, cy] (cy is Welsh, bfi British Sign Language).
            languages: []
            # Optional. The organisation that runs it: the file name of its card without .md or .yml.
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
        """
        ---
        # yaml-language-server: $schema=\(schemaPath(for: "guide"))
        # A how-to guide for the who's-who. Replace every value that starts with TODO, then
        # run `whoswho check` (a pull request runs it for you). Lines starting with # are
        # comments. Every field is explained in docs/content-format.md.

        # Required. The guide's title (at most 120 characters).
        title: "TODO: the guide's title"
        # Required. One line for lists and search results: what the guide helps with (at most 280 characters).
        summary: "TODO: what this guide helps people do, in one line"
        # Required. One or more topics from topics.yml, one per line, like `  - mental-health`.
        topics:
          - "TODO: a topic from topics.yml"
        # Optional. Regions from regions.yml, if the guide is about particular places, like [wales].
        regions: []
        # Optional. Cards whose experience the guide draws on, by file name without .md or .yml.
        cards: []
        # Optional. The names of the people who wrote it, like [Fiona McLeish].
        authors: []
        # Required. The day the guide was last checked, YYYY-MM-DD.
        updated: \(updated)
        ---

        <!-- Write the guide here, in Markdown. Start headings at ##, and link to cards
        with their file, like [Positive Voices](../cards/hiv-peer-mentors.md). This
        comment is not shown on the site; delete it when you have written the guide. -->

        """
    }
}
