internal import Support
import Content

/// The JSON Schema of the fields of a field table (Sources/Content/FieldTable.swift):
/// each field's type, limits, allowed values and help, as SchemaBuilder writes them.
/// A field that is not required may be empty (null), as the checker reads an empty
/// value as absent.
struct FieldSchema {
    typealias Object = [(String, JSONValue)]

    let vocabularies: Vocabularies
    /// Rules that tie the fields of a nested object together (an `end` needs a `start`),
    /// by the name of the field that holds the object: the table describes each field
    /// on its own, so these are written beside the schema (DirectorySchema).
    var objectRules: [String: Object] = [:]

    /// The properties of `fields`, in order.
    func properties(_ fields: FieldList) -> Object {
        fields.all.map { ($0.name, property($0)) }
    }

    /// A mapping with exactly `fields`, those the table requires required.
    func object(_ description: String?, _ fields: FieldList, nullable: Bool = false, rulesOf name: String? = nil) -> JSONValue {
        let object = SchemaBuilder.object(description, nullable: nullable, required: fields.requiredNames, properties: properties(fields))
        guard let name, let rules = objectRules[name] else { return object }
        return object.adding(rules)
    }

    func property(_ field: FieldDescription) -> JSONValue {
        let b = SchemaBuilder.self
        let nullable = !field.required
        switch field.type {
        case .text(let max, .phone):
            return .object([("description", .string(field.help)), ("anyOf", .array([
                b.text("as text", max: max, nullable: nullable, pattern: b.phone, scalars: false),
                .object([("type", .string("integer")), ("minimum", .int(100_000))]),
            ]))])
        case .text(let max, let rule):
            return b.text(field.help, max: max, nullable: nullable, pattern: Self.pattern(rule), scalars: Self.scalars(rule))
        case .multiLineText(let max):
            return b.text(field.help, max: max, nullable: nullable, singleLine: false)
        case .date:
            return b.date(field.help)
        case .choice(let values):
            return b.choice(field.help, values, nullable: nullable)
        case .yesNo:
            return Self.yesNo(field.help)
        case .coordinate(let limit):
            return DirectorySchema.coordinate(field.help, limit: limit)
        case .webAddress:
            return b.url(field.help, nullable: nullable)
        case .list(let item, let maxItems):
            return b.list(field.help, items: self.item(item), required: field.required).adding(Self.maxItems(maxItems))
        case .object(let fields):
            return object(field.help, fields, nullable: nullable, rulesOf: field.name)
        case .objects(let fields, let maxItems, true):
            return b.list(field.help, items: object(nil, fields, rulesOf: field.name), required: field.required).adding(Self.maxItems(maxItems))
        case .objects(let fields, let maxItems, false):
            return .object([("description", .string(field.help)),
                            ("type", nullable ? .array([.string("array"), .string("null")]) : .string("array")),
                            ("items", object(nil, fields, rulesOf: field.name))]).adding(Self.maxItems(maxItems))
        case .oneOrList(let item, let maxItems, let mayBeEmpty, let listLabel):
            return .object([("description", .string(field.help)), ("anyOf", .array([
                one(item, mayBeEmpty: mayBeEmpty),
                b.list(listLabel, items: self.item(item), required: !mayBeEmpty).adding(Self.maxItems(maxItems)),
            ]))])
        case .wordsOr(let max, let schedule, let maxItems):
            let one = object(nil, schedule, rulesOf: field.name)
            return .object([("description", .string(field.help)), ("anyOf", .array([
                b.text("in words", max: max, nullable: true),
                one,
                JSONValue.object([("type", .string("array"))]).adding(Self.maxItems(maxItems)).adding([("items", one)]),
            ]))])
        }
    }

    /// One value where a list is also allowed: a text value is named "one line" for
    /// items named "a line".
    func one(_ item: ListItem, mayBeEmpty: Bool) -> JSONValue {
        guard case .text(let label, let max, let rule) = item else { return self.item(item) }
        let name = label.hasPrefix("a ") ? "one " + label.dropFirst(2) : label
        return SchemaBuilder.text(name, max: max, nullable: mayBeEmpty, pattern: Self.pattern(rule), scalars: Self.scalars(rule))
    }

    /// One item of a list. Blank text items are allowed where the checker lets them by
    /// (it refuses them where a rule, like a language tag's, cannot match).
    func item(_ item: ListItem) -> JSONValue {
        let b = SchemaBuilder.self
        switch item {
        case .text(let label, let max, let rule):
            return b.text(label, max: max, pattern: Self.pattern(rule), scalars: Self.scalars(rule), blank: rule == .plain)
        case .choice(let label, let values):
            return b.choice(label, values)
        case .slug(let of):
            return b.slugItem(of)
        case .vocabulary(let name):
            let slugs = name == .topics ? vocabularies.topics.map(\.slug) : vocabularies.regions.map(\.slug)
            return b.slugItem(slugs, what: name.item)
        }
    }

    static func maxItems(_ maxItems: Int?) -> Object {
        maxItems.map { [("maxItems", .int($0))] } ?? []
    }

    /// The pattern of text that follows `rule`.
    static func pattern(_ rule: TextRule) -> String? {
        switch rule {
        case .plain: nil
        case .email: SchemaBuilder.email
        case .phone: SchemaBuilder.phone
        case .staticPath: SchemaBuilder.staticPath
        case .slug: SchemaBuilder.slug
        case .uuid: DirectorySchema.uuid
        case .languageTag: DirectorySchema.language
        case .postcode: DirectorySchema.postcode
        case .clockTime: DirectorySchema.time
        }
    }

    /// Whether a number or true/false is read as the text: for plain text, and for a
    /// time, which an editor that guesses types may read as a number (10:00 as 600).
    /// No number or true/false follows any other rule, so the checker refuses them.
    static func scalars(_ rule: TextRule) -> Bool {
        rule == .plain || rule == .clockTime
    }

    /// yes, no, true or false, in any case (FieldReader.yesNo).
    static func yesNo(_ description: String) -> JSONValue {
        .object([
            ("description", .string(description)),
            ("anyOf", .array([
                .object([("type", .array([.string("boolean"), .string("null")]))]),
                .object([("type", .string("string")), ("pattern", .string("^\\s*(?:[Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?\\s*$"))]),
            ])),
        ])
    }
}
