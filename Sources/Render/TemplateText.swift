internal import Mustache

/// A string in a template's context. It renders, escapes, tests in sections and takes
/// transforms (`empty(x)`, `uppercased(x)`…) exactly as a String does, but swift-mustache
/// recognises it as renderable at once, where a String goes through several failed
/// type checks and `String(describing:)` first: about an eighth of rendering time.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible, Sendable {
    let value: String

    init(_ value: String) { self.value = value }

    var renderText: String { value }
    var isNull: Bool { false }
    var description: String { value }
    func transform(_ name: String) -> Any? { value.transform(name) }
}
