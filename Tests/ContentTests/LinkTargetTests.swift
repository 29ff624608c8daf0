import Content
import Testing

/// Regression tests for what fuzzing found in relative link resolution.
@Suite struct LinkTargetTests {
    /// `...md` names the card or guide `..`: no page, and its link must not become a
    /// path that climbs (`../../guides/../`). Found by fuzz/Sources/fuzz-link.
    @Test(arguments: [("...md", "guides/a.md"), ("../cards/...md", "guides/a.md"), ("..yml", "cards/b.md"), ("./..md#x", "guides/a.md")])
    func aNameThatIsNotASlugLeadsNowhere(_ destination: String, _ source: String) throws {
        let target = try #require(LinkTarget.resolve(destination, from: source))
        #expect(target.pageRelativeURL == "#")
    }

    @Test func aSlugStillLeadsToItsPage() throws {
        #expect(LinkTarget.resolve("../cards/ada-example.md#how-i-work", from: "guides/a.md")?.pageRelativeURL
            == "../../cards/ada-example/#how-i-work")
        #expect(LinkTarget.resolve("setting-up.md", from: "guides/a.md")?.pageRelativeURL == "../../guides/setting-up/")
    }
}
