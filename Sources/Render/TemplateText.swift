internal import Mustache

/// A string in a template's context. It renders, escapes, tests in sections and takes
/// transforms (`empty(x)`, `uppercased(x)`…) exactly as a String does, but swift-mustache
/// recognises it as renderable at once, where a String goes through several failed
/// type checks and `String(describing:)` first: about an eighth of rendering time.
///
/// Inside its own section (`{{#x}}…{{/x}}`) it is the innermost context, as a String
/// is; like a String it has no children, so names there are looked up further out.
/// Being a `MustacheParent` says so at once, where swift-mustache would otherwise
/// reflect on the struct (slowly, and finding its `value` field, which a String has not).
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, CustomStringConvertible, Sendable {
    let value: String

    init(_ value: String) { self.value = value }

    var renderText: String { value }
    var isNull: Bool { false }
    var description: String { value }
    func transform(_ name: String) -> Any? { value.transform(name) }
    func child(named: String) -> Any? { nil }
}
