/// Characters that cannot be seen, or look like others, named so that a contributor can
/// find them: in the source line under a diagnostic, and in the values messages quote.
public enum InvisibleCharacters {
    /// Each such character and the name it is shown by.
    public static let names: [Unicode.Scalar: String] = [
        "\t": "<tab>", "\u{00A0}": "<no-break space>", "\u{200B}": "<zero-width space>",
        "\u{200C}": "<zero-width non-joiner>", "\u{200D}": "<zero-width joiner>", "\u{2060}": "<word joiner>",
        "\u{FEFF}": "<zero-width no-break space>", "\u{00AD}": "<soft hyphen>", "\u{202F}": "<narrow no-break space>",
    ]

    /// `text` with each invisible character written as its name.
    public static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let name = names[scalar] { out += name } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// A clause for a message about `text`: what invisible characters it holds, or "".
    public static func clause(for text: String) -> String {
        let found = text.unicodeScalars.compactMap { names[$0] }
        guard let first = found.first else { return "" }
        return " (it holds \(first), which cannot be seen: delete it and type the value again)"
    }
}
