import Content

/// libFuzzer entry point: the first byte picks how the rest is read (a Markdown card
/// with front matter, a YAML card, or a guide); the rest goes through decoding, the
/// front-matter split, YAML, the field checks and Markdown, as one file of a content folder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let diagnostics: [Diagnostic]
    let parsed: Bool
    switch data[0] % 3 {
    case 0:
        let result = SingleDocument.parseCard(bytes, slug: "fuzz", isYAML: false)
        (parsed, diagnostics) = (result.card != nil, result.diagnostics)
    case 1:
        let result = SingleDocument.parseCard(bytes, slug: "fuzz", isYAML: true)
        (parsed, diagnostics) = (result.card != nil, result.diagnostics)
    default:
        let result = SingleDocument.parseGuide(bytes, slug: "fuzz")
        (parsed, diagnostics) = (result.guide != nil, result.diagnostics)
    }
    // A file gives a document exactly when it has no error, and every diagnostic
    // points at a real position (or 0:0 for the whole file).
    precondition(parsed == !diagnostics.hasErrors, "document given with errors, or withheld without one: \(diagnostics)")
    for d in diagnostics {
        precondition((d.line >= 1 && d.column >= 1) || (d.line == 0 && d.column == 0), "bad position in \(d)")
        precondition(!d.message.isEmpty, "empty message")
    }
    return 0
}
