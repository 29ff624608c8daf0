/// Parses the bytes of one card or guide file without touching the disk: the same
/// decoding, front-matter split, YAML, field and Markdown steps `ContentLoader` runs on
/// each file, minus the checks that need the whole folder (topics, links, images).
/// For the fuzz targets in fuzz/ and for tests of a single file.
public enum SingleDocument {
    /// Parses a card file's bytes as if it were `cards/SLUG.md` (or `.yml` when `isYAML`).
    /// Returns the card when the file has no error, and every diagnostic.
    public static func parseCard(_ bytes: [UInt8], slug: String, isYAML: Bool) -> (card: Card?, diagnostics: [Diagnostic]) {
        let file = "cards/" + slug + (isYAML ? ".yml" : ".md")
        switch SourceText.decode(bytes, file: file) {
        case .failure(let d): return (nil, [d])
        case .success(let source):
            let (parsed, diagnostics) = DocumentParser.card(slug: slug, file: file, display: file, source: source, isYAML: isYAML)
            return (parsed?.card ?? nil, diagnostics)
        }
    }

    /// Parses a guide file's bytes as if it were `guides/SLUG.md`.
    /// Returns the guide when the file has no error, and every diagnostic.
    public static func parseGuide(_ bytes: [UInt8], slug: String) -> (guide: Guide?, diagnostics: [Diagnostic]) {
        let file = "guides/" + slug + ".md"
        switch SourceText.decode(bytes, file: file) {
        case .failure(let d): return (nil, [d])
        case .success(let source):
            let (parsed, diagnostics) = DocumentParser.guide(slug: slug, file: file, display: file, source: source)
            return (parsed?.guide ?? nil, diagnostics)
        }
    }
}
