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

/// Found by fuzz-link: a combining mark after a slash makes one character of the two,
/// and splitting paths by character then missed that slash and the `..` after it.
@Suite struct LinkTargetCombiningMarkTests {
    @Test func aCombiningMarkAfterASlashDoesNotHideIt() {
        let target = LinkTarget.resolve("../static/a/../\u{35B}b.svg", from: "guides/x.md")
        #expect(target == .staticFile("\u{35B}b.svg"))
        // From a page two folders deep, two `../` reach the site root and none follow.
        let url = target?.pageRelativeURL ?? ""
        #expect(url == "../../%CD%9Bb.svg")
    }
}
