import Foundation
import Testing

/// What the built fixture's pages say: links between content files became links
/// between pages, every link inside the site lands on a file and an id, and the JSON-LD
/// parses and describes the page.
@Suite struct RenderedPageTests {
    /// Builds the fixture with relative links into a temporary folder, removed afterwards.
    static func withSite(_ body: (URL) throws -> Void) async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(try await FixtureBuild.buildValid(in: folder))
    }

    /// Every .html page of a built site, relative to its root, sorted.
    static func pages(_ site: URL) throws -> [String] {
        try FolderState(site).files.filter { $0.hasSuffix(".html") }
    }

    /// The values of `attribute` on every element of `html`, in order.
    static func attributeValues(_ attribute: String, in html: String) -> [String] {
        html.matches(of: try! Regex("\\s\(attribute)=\"([^\"]*)\"")).map { String($0.output[1].substring ?? "") }
    }

    /// The file a relative link on `page` leads to, from the site root (a folder's
    /// index.html); nil when it climbs out of the site.
    static func resolve(_ link: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        if link.hasSuffix("/") || link == "." || link == ".." { parts.append("index.html") }
        return parts.joined(separator: "/")
    }

    /// The JSON-LD block of a page, parsed; there must be exactly one.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let blocks = html.matches(of: #/<script type="application/ld\+json">(.*?)</script>/#.dotMatchesNewlines())
        #expect(blocks.count == 1)
        let text = try #require(blocks.first.map { String($0.output.1) })
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any])
    }

    @Test func relativeLinksBetweenContentFilesBecomeLinksBetweenPages() async throws {
        try await Self.withSite { site in
            let settingUp = try FixtureBuild.text(site, "guides/setting-up/index.html")
            #expect(settingUp.contains(#"<a href="../../cards/ada-example/#how-i-work">Ada</a>"#))
            #expect(settingUp.contains(#"<a href="../../guides/measuring/#counting-what-matters">measuring</a>"#))
            #expect(settingUp.contains(##"<a href="#first-steps">first steps</a>"##))
            #expect(!settingUp.contains(".md\""))

            let measuring = try FixtureBuild.text(site, "guides/measuring/index.html")
            #expect(measuring.contains(#"<a href="../../cards/carers-circle/">Carers Circle</a>"#))
            #expect(measuring.contains(#"<a href="../../guides/setting-up/">setting up</a>"#))
            #expect(measuring.contains(#"src="../../images/x.svg""#))

            let ada = try FixtureBuild.text(site, "cards/ada-example/index.html")
            #expect(ada.contains(#"<a href="../../guides/setting-up/#first-steps">setting up</a>"#))
            let carers = try FixtureBuild.text(site, "cards/carers-circle/index.html")
            #expect(carers.contains(#"<a href="../../cards/ada-example/#how-i-work">Ada's card</a>"#))
            let network = try FixtureBuild.text(site, "cards/peer-network/index.html")
            #expect(network.contains(#"<a href="../../cards/memory-cafe/">Memory Cafe</a>"#))
        }
    }

    @Test func headingsInBodiesHaveIds() async throws {
        try await Self.withSite { site in
            let settingUp = try FixtureBuild.text(site, "guides/setting-up/index.html")
            #expect(settingUp.contains(#"<h2 id="first-steps">First steps</h2>"#))
            #expect(settingUp.contains(#"<h2 id="keeping-going">Keeping going</h2>"#))
            #expect(try FixtureBuild.text(site, "guides/measuring/index.html")
                .contains(#"<h2 id="counting-what-matters">Counting what matters</h2>"#))
            #expect(try FixtureBuild.text(site, "cards/ada-example/index.html").contains(#"<h2 id="how-i-work">How I work</h2>"#))
            #expect(try FixtureBuild.text(site, "cards/carers-circle/index.html").contains(#"<h2 id="meeting-times">Meeting times</h2>"#))
        }
    }

    /// Every relative href and src on every page names a file of the site, and every
    /// #fragment names an id on the page it points to.
    @Test func everyLinkInsideTheSiteLandsOnAFileAndAnId() async throws {
        try await Self.withSite { site in
            var broken: [String] = []
            var checked = 0
            for page in try Self.pages(site) where page != "404.html" {  // 404.html links from the server's root
                let html = try FixtureBuild.text(site, page)
                for link in Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html) {
                    if link.contains(":") || link.hasPrefix("//") { continue }  // absolute: mailto:, tel:, https:
                    let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                    let path = String(parts[0]), fragment = parts.count > 1 ? String(parts[1]) : nil
                    checked += 1
                    guard let target = path.isEmpty ? page : Self.resolve(path, from: page) else {
                        broken.append("\(page): \(link) (outside the site)")
                        continue
                    }
                    guard FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path) else {
                        broken.append("\(page): \(link) (no \(target))")
                        continue
                    }
                    if let fragment, target.hasSuffix(".html"),
                       !Self.attributeValues("id", in: try FixtureBuild.text(site, target)).contains(fragment) {
                        broken.append("\(page): \(link) (no id '\(fragment)' in \(target))")
                    }
                }
            }
            #expect(checked > 500)
            #expect(broken.isEmpty, "\(broken.count) broken links:\n\(broken.prefix(20).joined(separator: "\n"))")
        }
    }

    @Test func everyPagesJSONLDParsesAndNamesSchemaOrg() async throws {
        try await Self.withSite { site in
            for page in try Self.pages(site) {
                let object = try Self.jsonLD(try FixtureBuild.text(site, page))
                #expect(object["@context"] as? String == "https://schema.org", "\(page)")
                #expect(object["@type"] is String, "\(page)")
            }
        }
    }

    @Test(arguments: [("ada-example", "Person"), ("carers-circle", "Organization"),
                      ("memory-cafe", "Organization"), ("peer-network", "Organization")])
    func aCardPageDescribesAPersonOrOrganization(slug: String, type: String) async throws {
        try await Self.withSite { site in
            let object = try Self.jsonLD(try FixtureBuild.text(site, "cards/\(slug)/index.html"))
            #expect(object["@type"] as? String == type)
            let areas = try #require(object["areaServed"] as? [[String: Any]])
            #expect(!areas.isEmpty)
            #expect(areas.allSatisfy { $0["name"] is String })
            let topics = try #require(object["knowsAbout"] as? [String])
            #expect(!topics.isEmpty)
        }
    }

    @Test func adasCardNamesHerRegionAndTopic() async throws {
        try await Self.withSite { site in
            let object = try Self.jsonLD(try FixtureBuild.text(site, "cards/ada-example/index.html"))
            #expect(object["name"] as? String == "Ada Example")
            #expect((object["areaServed"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["London"])
            #expect(object["knowsAbout"] as? [String] == ["Mental health"])
        }
    }

    @Test(arguments: ["setting-up", "measuring"])
    func aGuidePageIsAnArticle(slug: String) async throws {
        try await Self.withSite { site in
            let object = try Self.jsonLD(try FixtureBuild.text(site, "guides/\(slug)/index.html"))
            #expect(object["@type"] as? String == "Article")
            #expect(object["headline"] is String)
            #expect(object["dateModified"] is String)
        }
    }

    @Test(arguments: ["cards/index.html", "guides/index.html", "topics/index.html", "topics/carers/index.html",
                      "regions/index.html", "regions/london/index.html", "topics/mental-health/london/index.html"])
    func aListPageIsACollectionPage(page: String) async throws {
        try await Self.withSite { site in
            let object = try Self.jsonLD(try FixtureBuild.text(site, page))
            #expect(object["@type"] as? String == "CollectionPage")
        }
    }

    /// Atom requires every id to be an IRI: no spaces, quotes or angle brackets, even
    /// when the id is made from the site's title ("Fixture Who's Who") for want of a base URL.
    @Test func everyAtomIdIsAnIRI() async throws {
        try await Self.withSite { site in
            let feed = try FixtureBuild.text(site, "feed.xml")
            let ids = feed.matches(of: #/<id>([^<]*)</id>/#).map { String($0.output.1) }
            #expect(ids.count == 7)  // the feed's and six entries'
            let iri = #/[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>"'{}|\\^`&]+/#
            #expect(ids.filter { (try? iri.wholeMatch(in: $0)) == nil } == [])
            #expect(ids.first == "urn:whoswho:Fixture%20Who%27s%20Who")
        }
    }
}
