internal import YAML

/// Reading a field as its field table describes it: its name, whether it is required
/// and its limits come from the table (Sources/Content/FieldTable.swift), so the reader
/// holds no second copy of them.
extension FieldReader {
    /// The reader of a file or mapping whose fields are `fields` (and `extra`).
    init(_ node: Node?, file: String, what: String, fields: FieldList, extra: [String] = [], fallback: Mark) {
        self.init(node, file: file, what: what, allowed: fields.names + extra, fallback: fallback)
    }

    /// A text field, of at most the table's length; over several lines for multi-line text.
    mutating func text(_ field: FieldDescription) -> Located<String>? {
        guard let max = field.maxLength else { preconditionFailure("'\(field.name)' has no length in the field table") }
        if case .multiLineText = field.type { return text(field.name, required: field.required, max: max, singleLine: false) }
        return text(field.name, required: field.required, max: max)
    }

    /// A choice field, one of `type`'s values, which must be the table's.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ field: FieldDescription, _ type: E.Type) -> Located<E>? where E.RawValue == String {
        guard let text = choice(field.name, required: field.required, among: field.values(as: type)),
              let value = E(rawValue: text.value) else { return nil }
        return Located(value, at: text.mark)
    }

    /// A date field.
    mutating func date(_ field: FieldDescription) -> Located<ContentDate>? {
        date(field.name, required: field.required)
    }

    /// A web address field.
    mutating func url(_ field: FieldDescription) -> Located<String>? {
        url(field.name, required: field.required)
    }

    /// The field's value as written, whatever its shape.
    mutating func node(_ field: FieldDescription) -> Node? {
        node(field.name, required: field.required)
    }

    /// A list field of single values, each within the table's length for its items.
    mutating func list(_ field: FieldDescription) -> [Located<String>]? {
        if let itemMax = field.itemMaxLength { return list(field.name, required: field.required, itemMax: itemMax) }
        return list(field.name, required: field.required)
    }

    /// A list field of slugs; one listing more than the table's most is an error at the
    /// field, which says how many `counted` (like "topics") it lists.
    mutating func slugList(_ field: FieldDescription, counted: String) -> [Located<String>]? {
        slugList(field.name, required: field.required, max: field.maxItems, of: counted)
    }

    /// A nested mapping with the fields of the table's object.
    mutating func mapping(_ field: FieldDescription) -> FieldReader? {
        mapping(field.name, allowed: field.fields.names)
    }
}

extension FieldDescription {
    /// The values the table allows for a choice, or for each item of a list of choices:
    /// those of `type`, which the reading code turns them into. A table whose values
    /// are not the type's is a programming error, which every read of the field reaches.
    func values<E: RawRepresentable & CaseIterable>(as type: E.Type) -> [String] where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        let table: [String]
        switch self.type {
        case .choice(let values), .list(.choice(_, let values), _), .oneOrList(.choice(_, let values), _, _, _): table = values
        default: preconditionFailure("'\(name)' is not a choice in the field table")
        }
        precondition(table == names, "the field table's values of '\(name)' are not those of \(E.self)")
        return names
    }

    /// The most characters each item of a list of text may have; nil for other fields.
    var itemMaxLength: Int? {
        switch type {
        case .list(.text(_, let max, _), _), .oneOrList(.text(_, let max, _), _, _, _): max
        default: nil
        }
    }

    /// The limit of a coordinate field, in degrees.
    var coordinateLimit: Double? {
        guard case .coordinate(let limit) = type else { return nil }
        return Double(limit)
    }
}
