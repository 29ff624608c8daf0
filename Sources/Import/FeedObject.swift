internal import Foundation

/// One JSON object of a feed, read field by field. Every field read is remembered, so
/// that what was not read can be kept too (`leftovers`): nothing the feed says is lost.
struct FeedObject {
    let values: [String: Any]
    /// Where the object sits in its record, like `service_at_locations[1].location`.
    let path: String
    private(set) var read: Set<String> = []

    init(_ values: [String: Any], path: String) {
        self.values = values
        self.path = path
    }

    /// The keys present, in a fixed order.
    var keys: [String] { values.keys.sorted() }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// A text value, with spaces trimmed; numbers are written as text. Nil when missing,
    /// null or empty.
    mutating func text(_ key: String) -> String? {
        read.insert(key)
        return Self.scalarText(values[key])
    }

    /// A text value as written, untouched (HTML to be converted as a whole); nil when
    /// missing or only spaces.
    mutating func raw(_ key: String) -> String? {
        read.insert(key)
        guard let s = values[key] as? String, !s.allSatisfy(\.isWhitespace) else { return nil }
        return s
    }

    /// A number, from a number or from text that is one.
    mutating func number(_ key: String) -> Double? {
        read.insert(key)
        switch values[key] {
        case let n as NSNumber where isNumeric(n): return n.doubleValue
        case let s as String: return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A nested object; a list's first object is taken for a field that should hold one.
    mutating func object(_ key: String) -> FeedObject? {
        read.insert(key)
        if let d = values[key] as? [String: Any] { return FeedObject(d, path: name(key)) }
        return nil
    }

    /// A list of objects (one object alone counts as a list of one).
    mutating func objects(_ key: String) -> [FeedObject] {
        read.insert(key)
        if let d = values[key] as? [String: Any] { return [FeedObject(d, path: name(key))] }
        guard let list = values[key] as? [Any] else { return [] }
        return list.enumerated().compactMap { n, item in
            (item as? [String: Any]).map { FeedObject($0, path: name(key) + "[\(n + 1)]") }
        }
    }

    /// A list of text values (one value alone counts as a list of one).
    mutating func texts(_ key: String) -> [String] {
        read.insert(key)
        if let list = values[key] as? [Any] { return list.compactMap(Self.scalarText) }
        return Self.scalarText(values[key]).map { [$0] } ?? []
    }

    /// Marks a field as read without reading it (an id the card has no use for).
    mutating func skip(_ keys: String...) { read.formUnion(keys) }

    private func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Every field not read, flattened to `path: value` lines; ids that only link records
    /// (`id`, `*_id`) and empty values are left out, as they say nothing to a reader.
    func leftovers() -> [FeedFact] {
        var out: [FeedFact] = []
        for key in keys where !read.contains(key) {
            Self.flatten(values[key], path: name(key), into: &out)
        }
        return out
    }

    static func flatten(_ value: Any?, path: String, into out: inout [FeedFact]) {
        let last = path.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? path
        if last == "id" || last.hasSuffix("_id") { return }
        switch value {
        case let d as [String: Any]:
            for key in d.keys.sorted() { flatten(d[key], path: path + "." + key, into: &out) }
        case let list as [Any]:
            for (n, item) in list.enumerated() { flatten(item, path: path + "[\(n + 1)]", into: &out) }
        default:
            if let text = scalarText(value) { out.append(FeedFact(path: path, value: text)) }
        }
    }

    /// A scalar as text: a string trimmed, a number as written, a boolean as yes or no.
    static func scalarText(_ value: Any?) -> String? {
        switch value {
        case let s as String:
            let t = TextCleaner.clean(s)
            return t.isEmpty ? nil : t
        case let n as NSNumber:
            if isNumeric(n) { return n.doubleValue == n.doubleValue.rounded() && abs(n.doubleValue) < 1e15 ? String(Int(n.doubleValue)) : String(n.doubleValue) }
            return n.boolValue ? "yes" : "no"
        default:
            return nil
        }
    }
}

/// True when the number is a number, not a JSON true or false (which Foundation also
/// hands back as an NSNumber).
func isNumeric(_ n: NSNumber) -> Bool {
    String(cString: n.objCType) != "c"
}

/// Something a feed says that has no field of its own on a card, kept in the card's
/// marked section as "path: value".
struct FeedFact: Sendable, Equatable {
    var path: String
    var value: String
}
