internal import Mustache

/// A digest of the values a page is rendered with. With one theme, pages whose values
/// have equal fingerprints render to the same HTML, so a build that keeps the last
/// build's fingerprints can leave a page whose fingerprint is unchanged as it was,
/// without rendering it. It is SipHash (Swift's `Hasher`, seeded per process) over every
/// value, with each dictionary's entries summed so that their order does not count:
/// two different sets of values share a fingerprint about once in 2^64 comparisons.
///
/// Only the kinds of value the page contexts hold are read: a value of any other kind
/// gives no fingerprint, and the page is rendered every time.
enum PageFingerprint {
    /// The fingerprint of template `template` rendered with `values`; nil when a value
    /// is of a kind it cannot read.
    static func of(template: String, values: [String: Any]) -> Int? {
        var hasher = Hasher()
        hasher.combine(template)
        guard combine(values, into: &hasher) else { return nil }
        return hasher.finalize()
    }

    /// Adds `value` to `hasher`, each kind with its own tag, so that `"1"`, `1` and
    /// `true` differ. False when `value`, or a value inside it, is of an unknown kind.
    static func combine(_ value: Any, into hasher: inout Hasher) -> Bool {
        switch value {
        case let text as TemplateText:
            hasher.combine(0 as UInt8)
            hasher.combine(text.value)
        case let string as String:
            hasher.combine(1 as UInt8)
            hasher.combine(string)
        case let dictionary as [String: Any]:
            return combine(dictionary, into: &hasher)
        case let shared as SharedValues:
            hasher.combine(6 as UInt8)
            hasher.combine(shared.fingerprint)
        case let flag as Bool:
            hasher.combine(3 as UInt8)
            hasher.combine(flag)
        case let number as Int:
            hasher.combine(4 as UInt8)
            hasher.combine(number)
        case let list as [[String: Any]]:
            hasher.combine(5 as UInt8)
            hasher.combine(list.count)
            for element in list {
                guard combine(element, into: &hasher) else { return false }
            }
        case let list as [Any]:
            hasher.combine(5 as UInt8)
            hasher.combine(list.count)
            for element in list {
                guard combine(element, into: &hasher) else { return false }
            }
        default:
            return false
        }
        return true
    }

    /// Adds a dictionary to `hasher`: its entries' own hashes summed, so that their order
    /// does not count.
    static func combine(_ dictionary: [String: Any], into hasher: inout Hasher) -> Bool {
        hasher.combine(2 as UInt8)
        hasher.combine(dictionary.count)
        var sum: UInt64 = 0
        for (key, element) in dictionary {
            var entry = Hasher()
            entry.combine(key)
            guard combine(element, into: &entry) else { return false }
            sum &+= UInt64(UInt(bitPattern: entry.finalize()))
        }
        hasher.combine(sum)
        return true
    }
}

/// Values that many pages share (a card's list entry), with their fingerprint made once.
/// Templates see the values themselves: swift-mustache takes a custom representation's
/// `representation` wherever it looks a value up. `PageFingerprint` takes the
/// fingerprint instead of reading the values again on every page that lists them.
struct SharedValues: MustacheCustomRepresentation {
    let values: [String: Any]
    let fingerprint: Int
    var representation: Any? { values }

    /// `values` with their fingerprint, or as they are when they have none.
    static func wrap(_ values: [String: Any]) -> Any {
        var hasher = Hasher()
        guard PageFingerprint.combine(values, into: &hasher) else { return values }
        return SharedValues(values: values, fingerprint: hasher.finalize())
    }
}
