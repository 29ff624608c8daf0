internal import YAML
internal import Markdown

/// Warnings about what a reader would miss on a card's page, though the card is valid:
/// a name in quotation marks, no description, no way to get in touch.
enum ReaderWarnings {
    /// Quotation marks a name may start with, straight or curly, that YAML keeps as text.
    static let quotes: Set<Character> = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\"", "'"]

    /// The warnings for one card; `needsContact` when the card offers no way to get in
    /// touch and is not closed. A body with no visible text (nothing, or only a comment)
    /// is also emptied, so that the page shows no empty "About" section.
    static func card(name: Located<String>, needsContact: Bool, document: inout MarkdownDocument,
                     display: String, bodyMark: Mark, isYAML: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let first = name.value.first, quotes.contains(first) {
            out.append(Diagnostic(.warning, file: display, at: name.mark,
                message: "the name starts with a quotation mark (\(first)), which would show on the page around the name",
                note: "remove the quotation marks: a value needs none, and YAML takes away only straight quotes (\") around the whole value"))
        }
        let hasText = document.hasVisibleText
        if !hasText, !document.links.contains(where: \.isImage) {
            document.html = ""
            out.append(Diagnostic(.warning, file: display, at: bodyMark,
                message: isYAML ? "this card has no 'about' text, so its page says nothing about the support"
                                : "this card has no description below its fields (only a comment, or nothing), so its page says nothing about the support",
                note: "write a few sentences: who it is for, what happens, and how to join"))
        }
        if needsContact {
            out.append(Diagnostic(.warning, file: display, at: name.mark,
                message: "this card gives no way to get in touch: no website, email or phone under 'contact', and no 'links'",
                note: "add at least one, so that a reader who finds the support can reach it"))
        }
        return out
    }
}
