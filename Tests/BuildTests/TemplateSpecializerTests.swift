import Content
import Foundation
import Graph
@testable import Render
import Testing
import TestSupport

/// Writing each kind of page's shared values into the templates must never change a
/// page: the specialised template renders exactly what the original renders.
@Suite struct TemplateSpecializerTests {
    /// Renders `template` from `context` as written and as specialised with `statics`.
    func both(_ template: String, statics: [String: Any], context: [String: Any]) throws -> (String, String, Bool) {
        let theme = try Theme.compiled(["t": template])
        var full = context
        for (k, v) in statics { full[k] = v }
        let special = TemplateSpecializer(statics: statics).specialize(template)
        return (theme.render("t", full), theme.specialized(statics).render("t", full), special != nil)
    }

    static var statics: [String: Any] { [
        "root": TemplateText("../../"), "search_url": TemplateText("search/"), "is_home": false,
        "site": ["title": TemplateText("Who's <who> & co"), "language": TemplateText("en-GB")] as [String: Any],
        "nav": ["cards": true] as [String: Any],
    ] }

    /// The default layout, as shipped: every shared value in it is written in (so a
    /// change to the layout that stops that shows here), and the page is unchanged.
    @Test func theDefaultLayoutsSharedValuesAreWrittenIn() throws {
        let layout = try String(contentsOfFile: FixtureBuild.themes + "/default/templates/layout.mustache", encoding: .utf8)
        let special = try #require(TemplateSpecializer(statics: Self.statics).specialize(layout))
        for name in ["{{root}}", "empty(root)", "nav.", "site.title", "site.language", "is_home", "search_url"] {
            #expect(!special.contains(name), "\(name) is left in the specialised layout")
        }
        // The page's own values are left for Mustache.
        #expect(special.contains("{{#page}}") && special.contains("{{title}}") && special.contains("{{{jsonld}}}"))
        let page: [String: Any] = ["title": TemplateText("A page"), "description": TemplateText("About it"),
                                   "canonical": TemplateText("https://example.org/a/"), "og_type": TemplateText("website")]
        var withoutCanonical = page
        withoutCanonical.removeValue(forKey: "canonical")
        for context: [String: Any] in [["page": page, "jsonld": TemplateText("{}")], ["page": page], ["page": withoutCanonical]] {
            let (a, b, _) = try both(layout, statics: Self.statics, context: context)
            #expect(a == b)
            #expect(a.contains("Who&#39;s &lt;who&gt; &amp; co"))
        }
    }

    @Test func linesMustacheWouldRemoveAreLeftToMustache() throws {
        // Standalone section tags, sections over several lines, empty values, braces.
        let cases = [
            "a\n{{#nav.cards}}\nb\n{{/nav.cards}}\nc\n",
            "  {{#nav.cards}}x{{/nav.cards}}\n",
            "x{{#nav.cards}}\n{{/nav.cards}}y\n",
            "{{#is_home}}home{{/is_home}}!\n",
            "p {{#nav.none}}no{{/nav.none}} q\n  {{^nav.none}}\n  yes\n  {{/nav.none}}\n",
            "{{! a comment with {braces} }}{{root}}\n{{empty}}\n",
            "[{{blank}}]\n  {{blank}}\n{{#nav.cards}}{{/nav.cards}}\n",
            "{{$main}}{{root}}{{/main}}|{{>missing}}|{{{site.title}}}|{{&site.title}}\n",
            "a {{#site.title.value}}looked inside{{/site.title.value}} b {{#nav.cards.x}}no{{/nav.cards.x}} c\n",
        ]
        for template in cases {
            let (a, b, _) = try both(template, statics: Self.statics.merging(["blank": TemplateText("")]) { $1 },
                                     context: ["empty": TemplateText("")])
            #expect(a == b, "\(template.debugDescription): \(a.debugDescription) ≠ \(b.debugDescription)")
        }
    }

    @Test func randomTemplatesRenderTheSameSpecialised() throws {
        var generator = SeededGenerator(seed: 20261127)
        let pieces = ["x", " ", "  ", "\n", "\t", "{{root}}", "{{{root}}}", "{{site.title}}", "{{site.missing}}", "{{page}}",
                      "{{#nav.cards}}", "{{/nav.cards}}", "{{^nav.cards}}", "{{#nav.home}}", "{{/nav.home}}", "{{^nav.home}}",
                      "{{#empty(root)}}", "{{/empty(root)}}", "{{^empty(root)}}", "{{#is_home}}", "{{/is_home}}", "{{^is_home}}",
                      "{{#items}}", "{{/items}}", "{{.}}", "{{! note }}", "{{brace}}", "{{#site}}", "{{/site}}", "{{title}}"]
        let statics = Self.statics.merging(["brace": TemplateText("{x}")]) { $1 }
        var specialised = 0
        var tried = 0
        while tried < 3000 {
            let template = (0..<Int.random(in: 1..<14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            // Only templates Mustache accepts: a theme that does not parse never gets this far.
            guard (try? Theme.compiled(["t": template])) != nil else { continue }
            tried += 1
            let (a, b, changed) = try both(template, statics: statics, context: ["page": TemplateText("P"), "items": [TemplateText("i"), TemplateText("j")]])
            if changed { specialised += 1 }
            #expect(a == b, "\(template.debugDescription): \(a.debugDescription) ≠ \(b.debugDescription)")
        }
        #expect(specialised > 500, "the test should exercise specialisation, not only skip it")
    }

    /// The rule the specialiser relies on: below the top of a page's context, no
    /// dictionary has a key named like a shared value, so such a name always finds it.
    @Test func noContextDictionaryHidesASharedValue() async throws {
        for base in [nil, FixtureBuild.baseURL] {
            let loaded = try await ContentLoader.load(FixtureBuild.valid.path, today: FixtureBuild.today)
            var content = try #require(loaded.content)
            content.site.baseURL = base
            let graph = await SiteGraph.build(content)
            let theme = try Theme.load(themesDirectory: FixtureBuild.themes, name: "default")
            let renderer = await SiteRenderer.make(graph: graph, theme: theme, options: RenderOptions(baseURL: base, today: FixtureBuild.today))
            for page in renderer.pages() {
                let context = renderer.context(for: page, path: renderer.path(of: page))
                let (template, values) = context.values(for: page)
                #expect(Set(values.keys).isDisjoint(with: TemplateSpecializer.names), "\(page)")
                for value in values.values { Self.expectNoSharedKeys(value, page: page) }
                // Every page is rendered through a specialised theme, not the plain one.
                #expect(renderer.variants[SiteRenderer.variantKey(template: template, root: context.root)] != nil, "\(page)")
            }
        }
    }

    static func expectNoSharedKeys(_ value: Any, page: Page) {
        if let dictionary = value as? [String: Any] {
            #expect(Set(dictionary.keys).isDisjoint(with: TemplateSpecializer.names), "\(page): \(dictionary.keys.sorted())")
            for v in dictionary.values { expectNoSharedKeys(v, page: page) }
        } else if let array = value as? [Any] {
            for v in array { expectNoSharedKeys(v, page: page) }
        }
    }
}
