internal import Foundation
internal import Support

/// Where a relative link in a body leads, worked out from the file it is written in.
public enum LinkTarget: Sendable, Equatable {
    /// A card page, with an optional `#fragment`.
    case card(String, fragment: String?)
    /// A guide page, with an optional `#fragment`.
    case guide(String, fragment: String?)
    /// A file under static/, as a path relative to it.
    case staticFile(String)
    /// An anchor on the same page.
    case sameFile(fragment: String)
    /// A path that climbs out of the content folder.
    case outside(String)
    /// A path inside the content folder that is not a card, guide or static file.
    case other(String)

    /// Resolves `destination` written in the content file at `source` (relative to the
    /// content folder, like `guides/x.md`). Nil for links that leave the site's content:
    /// anything with a scheme (`https:`, `mailto:`), a site-absolute `/path` or `//host`.
    public static func resolve(_ destination: String, from source: String) -> LinkTarget? {
        if destination.isEmpty { return nil }
        if destination.hasPrefix("#") {
            return .sameFile(fragment: percentDecoded(String(destination.dropFirst())))
        }
        if destination.hasPrefix("/") || hasScheme(destination) { return nil }
        var path = Substring(destination)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = percentDecoded(String(path[path.index(after: hash)...]))
            path = path[..<hash]
        }
        if let q = path.firstIndex(of: "?") { path = path[..<q] }
        let decoded = percentDecoded(String(path))
        // Split on the byte '/', not the character: a combining mark after a slash makes
        // one character of the two, which would hide the slash and with it a `..`.
        func parts(_ s: String) -> [String] {
            s.utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        }
        var components = Array(parts(source).dropLast())
        for part in parts(decoded) {
            switch part {
            case ".": continue
            case "..":
                if components.isEmpty { return .outside(destination) }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        if path.isEmpty {
            return .sameFile(fragment: fragment ?? "")
        }
        if components.count == 2, components[0] == "cards" {
            let name = components[1]
            for ext in [".md", ".yml"] where name.hasSuffix(ext) {
                return .card(String(name.dropLast(ext.count)), fragment: fragment)
            }
        }
        if components.count == 2, components[0] == "guides", components[1].hasSuffix(".md") {
            return .guide(String(components[1].dropLast(3)), fragment: fragment)
        }
        if components.count >= 2, components[0] == "static" {
            return .staticFile(components.dropFirst().joined(separator: "/"))
        }
        return .other(components.joined(separator: "/"))
    }

    /// The link's new destination from a page two folders deep (`cards/x/`, `guides/x/`);
    /// nil to keep it as written. Links that cannot be resolved become `#`.
    public var pageRelativeURL: String? {
        func withFragment(_ base: String, _ fragment: String?) -> String {
            guard let fragment, !fragment.isEmpty else { return base }
            return base + "#" + URLPath.encode(fragment)
        }
        switch self {
        // A name that is not a slug (`...md` gives `..`) is no page, and must not become a path.
        case .card(let slug, _) where !Slug.isValid(slug), .guide(let slug, _) where !Slug.isValid(slug): return "#"
        case .card(let slug, let fragment): return withFragment("../../" + Route.card(slug).path, fragment)
        case .guide(let slug, let fragment): return withFragment("../../" + Route.guide(slug).path, fragment)
        case .staticFile(let path): return "../../" + URLPath.encode(path)
        case .sameFile: return nil
        case .outside, .other: return "#"
        }
    }

    /// `s` with its percent-escapes decoded, or as it is when they do not decode to
    /// UTF-8 text. Most links have none, and are kept without asking Foundation.
    static func percentDecoded(_ s: String) -> String {
        guard s.containsByte(UInt8(ascii: "%")) else { return s }
        return s.removingPercentEncoding ?? s
    }

    static func hasScheme(_ s: String) -> Bool {
        // By bytes while they are ASCII: a letter, then letters, digits, '+', '-' or '.',
        // then ':'. A byte after the ':' that is not ASCII could join it into another
        // character (a combining mark), so that case is judged by characters.
        var sawFirst = false
        var bytes = s.utf8.makeIterator()
        while let b = bytes.next() {
            let isLetter = (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
            if b == UInt8(ascii: ":") {
                guard sawFirst else { return false }
                if let after = bytes.next(), after >= 0x80 { return hasSchemeByCharacters(s) }
                return true
            }
            if !sawFirst {
                guard isLetter else { return false }
                sawFirst = true
            } else if !(isLetter || (0x30...0x39).contains(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")) {
                return false
            }
        }
        return false
    }

    /// `hasScheme`, character by character.
    static func hasSchemeByCharacters(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let scheme = s[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
