public import Support
import Content

/// The JSON Schema (draft 2020-12) of the site's /index.json and of its files of
/// entries (index/cards-N.json, index/guides-N.json), as written by
/// Sources/Render/DataFiles+Index.swift and documented field by field in
/// docs/index-json.md: one document whose `$defs` hold a schema for each kind of file
/// (`index`, `cards_file`, `guides_file`) and for the objects in them; the document
/// itself accepts any one of the three files. Every object lists all its fields, always
/// present; a value that may be missing is `null`.
public enum IndexSchema {
    static func string(_ description: String) -> JSONValue { .object([("description", .string(description)), ("type", .string("string"))]) }
    static func optional(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .array([.string("string"), .string("null")]))])
    }
    static func count(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("integer")), ("minimum", .int(0))])
    }
    static func slugs(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("array")), ("items", SchemaBuilder.slugItem("page"))])
    }
    static func slug(_ what: String) -> JSONValue {
        .object([("description", .string("The \(what)'s slug: its identity and the last part of its address.")),
                 ("type", .string("string")), ("pattern", .string(SchemaBuilder.slug))])
    }
    static func url(_ what: String) -> JSONValue {
        string("The \(what)'s page: an absolute URL when the site has a base_url, else a path from the site root such as cards/x/.")
    }
    static func date(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("string")), ("format", .string("date")),
                 ("pattern", .string(SchemaBuilder.date))])
    }
    static func object(_ description: String?, _ properties: [(String, JSONValue)], nullable: Bool = false) -> JSONValue {
        SchemaBuilder.object(description, nullable: nullable, required: properties.map(\.0), properties: properties)
    }

    /// A card's directory fields, after its other fields (DataFiles.directoryPairs).
    static func directory() -> [(String, JSONValue)] {
        let b = SchemaBuilder.self
        func list(_ description: String, _ items: JSONValue) -> JSONValue {
            .object([("description", .string(description)), ("type", .string("array")), ("items", items)])
        }
        func number(_ description: String) -> JSONValue {
            .object([("description", .string(description)), ("type", .array([.string("number"), .string("null")]))])
        }
        let location = object(nil, [
            ("name", optional("The place's name.")),
            ("address", list("The street address, a line an item, without the town and postcode.", .object([("type", .string("string"))]))),
            ("town", optional("The town or city.")), ("county", optional("The county or unitary area.")),
            ("postcode", optional("A UK postcode in capitals with one space, like LS1 4AP.")),
            ("latitude", number("Degrees north (WGS84), or null.")), ("longitude", number("Degrees east (WGS84; negative for west), or null.")),
            ("accessibility", optional("What someone with a disability needs to know about the place.")),
        ])
        let meeting = object(nil, [
            ("frequency", b.choice("How often.", MeetingFrequency.allCases.map(\.rawValue))),
            ("days", list("The days it meets.", b.choice("a day", Weekday.allCases.map(\.rawValue)))),
            ("weeks", list("For a monthly meeting, the weeks of the month; else empty.", b.choice("a week", WeekOfMonth.allCases.map(\.rawValue)))),
            ("start", optional("When it starts, HH:MM on the 24-hour clock.")), ("end", optional("When it ends, HH:MM.")),
            ("note", optional("A short note, such as term time only.")),
        ])
        return [
            ("locations", list("Where the support happens; empty for online and phone support.", location)),
            ("meets", object("When it meets; null when the card does not say.", [
                ("words", list("Each meeting in plain words, as the card's page says it, or the card's own words.", .object([("type", .string("string"))]))),
                ("regular", list("The regular meetings; empty when the card gives the times in words.", meeting)),
            ], nullable: true)),
            ("eligibility", optional("Who it is for and who may come.")),
            ("cost", object("What it costs; null when the card does not say.", [
                ("free", .object([("description", .string("True when it is free.")), ("type", .string("boolean"))])),
                ("text", string("'Free', or the card's words.")),
            ], nullable: true)),
            ("referral", list("How people get in.", b.choice("a way in", Referral.allCases.map(\.rawValue)))),
            ("languages", list("The languages it is offered in.", object(nil, [
                ("tag", string("A language tag, like cy.")), ("name", string("The language's English name, like Welsh.")),
            ]))),
            ("organisation", .object([("description", .string("The slug of the organisation card that runs this one, or null.")),
                                      ("type", .array([.string("string"), .string("null")])), ("pattern", .string(b.slug))])),
            ("runs", slugs("The cards that name this card as their organisation, by name.")),
            ("former_slugs", slugs("The slugs the card had before it was renamed, oldest first; each old address leads to the card.")),
        ]
    }

    /// The schema of index.json and its files of entries, version 3.
    public static func schema() -> JSONValue {
        let b = SchemaBuilder.self
        let site = object("The site's settings.", [
            ("title", string("The site's name.")),
            ("description", optional("A sentence or two about the site.")),
            ("language", string("The site's language, a language tag such as en-GB.")),
            ("base_url", optional("The absolute address the site is published at, ending in /; null when the build had none.")),
            ("url", string("The home page: base_url, or an empty string when the build had none.")),
            ("card_count", count("The number of cards.")),
            ("guide_count", count("The number of guides.")),
            ("licence", object("The licence the directory's data is published under (site.yml's licence); null when site.yml names none.", [
                ("id", optional("Its short name, such as OGL-UK-3.0, for a licence whoswho knows by name; else null.")),
                ("name", string("The licence's name.")), ("url", string("Where its text is.")),
            ], nullable: true)),
        ])
        let topic = object(nil, [
            ("slug", slug("topic")), ("name", string("The topic's name.")), ("description", optional("The topic's description.")),
            ("url", url("topic")),
            ("card_count", count("Cards with this topic.")), ("guide_count", count("Guides with this topic.")),
        ])
        let region = object(nil, [
            ("slug", slug("region")), ("name", string("The region's name.")), ("description", optional("The region's description.")),
            ("within", .object([("description", .string("The slug of the wider region this one is within, or null.")),
                                ("type", .array([.string("string"), .string("null")])), ("pattern", .string(b.slug))])),
            ("url", url("region")),
            ("card_count", count("Cards in this region or any region within it, each counted once.")),
            ("guide_count", count("Guides that name this region or a region within it.")),
        ])
        let card = object(nil, [
            ("slug", slug("card")), ("url", url("card")), ("name", string("The name of the person, group, organisation or network.")),
            ("kind", b.choice("What the card describes.", Kind.allCases.map(\.rawValue))),
            ("summary", string("One line: who the card is for and what it offers.")),
            ("topics", slugs("Topic slugs, as the card lists them.")),
            ("regions", slugs("Region slugs, as the card lists them.")),
            ("updated", date("The day the card was last checked.")),
            ("status", b.choice("Whether the support is running.", Status.allCases.map(\.rawValue))),
            ("formats", .object([("description", .string("How support is offered.")), ("type", .string("array")),
                                 ("items", b.choice("a format", Format.allCases.map(\.rawValue)))])),
            ("looking_for", optional("What the card's owner would like from others.")),
            ("contact", object("How to reach the card's owner; null when the card gives no contact, or is a person's card that does not say contact_in_open_data: yes.", [
                ("website", optional("A web address.")), ("email", optional("An email address.")), ("phone", optional("A phone number.")),
            ], nullable: true)),
            ("links", .object([("description", .string("Links to evidence, evaluations and resources.")), ("type", .string("array")),
                               ("items", object(nil, [("title", string("The link's text.")), ("url", string("The link's address."))]))])),
            ("related", slugs("The cards this card names in its related field.")),
            ("related_cards", slugs("The cards shown as related on the card's page: its related field first, then the closest by shared topics and regions; at most six.")),
            ("mentioned_in", slugs("The guides that name or link to this card.")),
            ("image", optional("The address of the card's image, or null.")),
        ] + directory())
        let guide = object(nil, [
            ("slug", slug("guide")), ("url", url("guide")), ("title", string("The guide's title.")),
            ("summary", string("One line: what the guide helps with.")),
            ("topics", slugs("Topic slugs, as the guide lists them.")),
            ("regions", slugs("Region slugs, as the guide lists them.")),
            ("cards", slugs("The cards the guide names in its cards field.")),
            ("draws_on", slugs("Every card the guide draws on: those in its cards field and those its body links to.")),
            ("authors", .object([("description", .string("The guide's authors.")), ("type", .string("array")),
                                 ("items", .object([("type", .string("string"))]))])),
            ("updated", date("The day the guide was last checked.")),
            ("related_guides", slugs("Guides shown as related on the guide's page, by shared topics; at most six.")),
            ("body_html", string("The guide as HTML.")),
        ])
        return b.document(
            title: "whoswho index.json",
            description: "The whole directory as data: /index.json in a built site (the defs' index) and its files of cards and guides (cards_file, guides_file). Made by `whoswho schema index`; see docs/index-json.md.",
            body: .object([
                ("$defs", .object([("index", root(site: site, topic: topic, region: region)),
                                   ("cards_file", entryFile("cards", of: "card")), ("guides_file", entryFile("guides", of: "guide")),
                                   ("other_entries_file", otherEntryFile),
                                   ("site", site), ("topic", topic), ("region", region), ("card", card), ("guide", guide)])),
                ("oneOf", .array(["index", "cards_file", "guides_file", "other_entries_file"].map(ref))),
            ]))
    }

    /// A reference to one of the document's `$defs`.
    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }

    static func list(_ description: String, of name: String) -> JSONValue {
        .object([("description", .string(description)), ("type", .string("array")), ("items", ref(name))])
    }

    static var version: JSONValue {
        .object([("description", .string("The format's version; a change that breaks readers raises it.")), ("const", .int(IndexFormat.version))])
    }

    /// /index.json itself: the site, its topics and regions, and the files of entries.
    static func root(site: JSONValue, topic: JSONValue, region: JSONValue) -> JSONValue {
        let file = object(nil, [
            ("kind", .object([("description", .string("What the file holds: \(IndexFormat.EntryKind.standard.map(\.rawValue).joined(separator: " or ")), or the entries of another entry type of the site, named by its folder.")),
                              ("type", .string("string")), ("pattern", .string(SchemaBuilder.slug))])),
            ("url", string("The file: an absolute URL when the site has a base_url, else a path from the site root such as index/cards-1.json.")),
            ("page", .object([("description", .string("Its number among the files of its kind, from 1.")), ("type", .string("integer")), ("minimum", .int(1))])),
            ("count", count("The cards or guides in it.")),
            ("bytes", count("Its length in bytes.")),
            ("first", slug("first entry")), ("last", slug("last entry")),
        ])
        return object("/index.json: the site, its topics and regions, and the files holding its cards and guides.", [
            ("version", version),
            ("site", ref("site")),
            ("topics", list("Every topic, sorted by slug.", of: "topic")),
            ("regions", list("Every region, sorted by slug.", of: "region")),
            ("files", .object([("description", .string("The files of entries: the cards' files, then the guides', each run sorted by slug.")),
                               ("type", .string("array")), ("items", file)])),
            ("spreadsheets", spreadsheets),
        ])
    }

    /// index.json's `spreadsheets`: the CSV files and their CSVW metadata (whoswho 0.3.0).
    static var spreadsheets: JSONValue {
        let file = object(nil, [
            ("kind", SchemaBuilder.choice("What the file holds: a part of cards.csv, a part of coverage.csv, or csv-metadata.json.",
                                          IndexFormat.SpreadsheetKind.allCases.map(\.rawValue))),
            ("url", string("The file: an absolute URL when the site has a base_url, else a path from the site root such as cards.csv.")),
            ("page", .object([("description", .string("Its number among the parts of its table, from 1; 1 for csv-metadata.json.")),
                              ("type", .string("integer")), ("minimum", .int(1))])),
            ("rows", .object([("description", .string("The rows below the header; null for csv-metadata.json.")),
                              ("type", .array([.string("integer"), .string("null")])), ("minimum", .int(0))])),
            ("bytes", count("Its length in bytes.")),
        ])
        return .object([("description", .string("The spreadsheets: the parts of cards.csv, then of coverage.csv, then csv-metadata.json.")),
                        ("type", .string("array")), ("items", file)])
    }

    /// A file of entries: one run of the cards or of the guides.
    /// index/KIND-N.json for an entry type of the site's own beyond cards and guides.
    static var otherEntryFile: JSONValue {
        let standard = JSONValue.array(IndexFormat.EntryKind.standard.map { .string($0.rawValue) })
        let entry = SchemaBuilder.object("An entry: its slug and page, each field its front matter gives (a date as YYYY-MM-DD, yes or no as true or false, a list as an array), then its body as HTML.",
                                         required: ["slug", "url", "body_html"],
                                         properties: [("slug", slug("entry")), ("url", url("entry")), ("body_html", string("The body, as HTML."))],
                                         additional: true)
        return .object([
            ("description", .string("index/KIND-N.json for an entry type of the site beyond cards and guides (like events): a run of its entries, sorted by slug, under the name its kind gives.")),
            ("type", .string("object")),
            ("required", .array(["version", "kind", "page", "total_pages"].map(JSONValue.string))),
            ("properties", .object([
                ("version", version),
                ("kind", .object([("description", .string("The entry type's folder.")), ("type", .string("string")),
                                  ("pattern", .string(SchemaBuilder.slug)), ("not", .object([("enum", standard)]))])),
                ("page", .object([("type", .string("integer")), ("minimum", .int(1))])),
                ("total_pages", .object([("type", .string("integer")), ("minimum", .int(1))])),
            ])),
            ("additionalProperties", .object([("type", .string("array")), ("items", entry)])),
        ])
    }

    static func entryFile(_ kind: String, of entry: String) -> JSONValue {
        object("index/\(kind)-N.json: a run of the \(kind), sorted by slug.", [
            ("version", version),
            ("kind", .object([("description", .string("What the file holds.")), ("const", .string(kind))])),
            ("page", .object([("description", .string("The file's number among the files of \(kind), from 1.")), ("type", .string("integer")), ("minimum", .int(1))])),
            ("total_pages", .object([("description", .string("The number of files of \(kind).")), ("type", .string("integer")), ("minimum", .int(1))])),
            (kind, list("The \(kind) of this file, sorted by slug.", of: entry)),
        ])
    }
}
