import Build
import Content
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Cards and guides written to do harm, each with the exact outcome expected: refused
/// with these diagnostics, or built with the harm neutralised in every output file.
/// The files are written by the tests (most cannot live in git as they are: bytes that
/// are not UTF-8, links, 50 MB) over a copy of Tests/Fixtures/valid.
@Suite struct HostileContentTests {
    /// One hostile overlay and the diagnostics it must give, no more and no fewer.
    struct Refused: Sendable, CustomTestStringConvertible {
        var name: String
        /// Files to write: path under the content folder → bytes.
        var files: [String: [UInt8]] = [:]
        /// Anything files cannot say: links, a 50 MB file.
        var setup: (@Sendable (URL) throws -> Void)?
        /// `SEVERITY FILE:LINE:COLUMN MESSAGE`, with the content folder's path taken off.
        var expected: [String]
        var testDescription: String { name }
    }

    static let card = """
        kind: group
        summary: Example card.
        topics: [carers]
        regions: [scotland]
        updated: 2026-05-01

        """

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// What the valid fixture's cards and guides say when topics.yml cannot be read.
    static let unknownTopics = [
        "error cards/ada-example.md:6:5 unknown topic 'mental-health'",
        "error cards/carers-circle.yml:4:10 unknown topic 'carers'",
        "error cards/memory-cafe.md:5:10 unknown topic 'dementia'",
        "error cards/peer-network.md:5:10 unknown topic 'mental-health'",
        "error cards/peer-network.md:5:25 unknown topic 'carers'",
        "error guides/measuring.md:4:10 unknown topic 'mental-health'",
        "error guides/setting-up.md:4:10 unknown topic 'mental-health'",
        "error guides/setting-up.md:4:25 unknown topic 'carers'",
        "error guides/setting-up.md:4:33 unknown topic 'dementia'",
    ]

    static let refused: [Refused] = [
        Refused(
            name: "a billion laughs in a card's front matter",
            files: ["cards/laughs.md": bytes("---\nname: Laughs\n" + card + """
                a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
                h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
                i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
                ---

                """)],
            expected: ["error cards/laughs.md:12:36 this YAML expands to more than 100000 values (through aliases such as *name); that is the limit"]),
        Refused(
            name: "one wide anchor repeated (quadratic, not exponential)",
            files: ["cards/wide.yml": bytes("name: Wide\n" + card
                + "a: &a [" + Array(repeating: "x", count: 2000).joined(separator: ",") + "]\n"
                + "b: [" + Array(repeating: "*a", count: 60).joined(separator: ",") + "]\n")],
            expected: ["error cards/wide.yml:8:149 this YAML expands to more than 100000 values (through aliases such as *name); that is the limit"]),
        Refused(
            name: "an alias bomb in topics.yml",
            files: ["topics.yml": bytes("""
                carers:
                  name: Carers
                a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]

                """)],
            // With topics.yml refused, no topic exists, so every use of one is reported too.
            expected: unknownTopics + ["error topics.yml:7:36 this YAML expands to more than 100000 values (through aliases such as *name); that is the limit"]),
        Refused(
            name: "100,000 nested flow lists",
            files: ["cards/deep.md": bytes("---\nname: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n" + card + "---\n")],
            expected: ["error cards/deep.md:2:70 lists and mappings are nested more than 64 deep; that is the limit"]),
        Refused(
            name: "100 nested block mappings",
            files: ["cards/deep-block.yml": bytes("name: Deep\n" + card + "about:\n"
                + (1...100).map { String(repeating: "  ", count: $0) + "k:\n" }.joined() + String(repeating: "  ", count: 101) + "v\n")],
            expected: ["error cards/deep-block.yml:71:129 lists and mappings are nested more than 64 deep; that is the limit"]),
        Refused(
            name: "a 50 MB card, refused by its size before it is read",
            setup: { site in
                // Sparse: 50 MB long at once, so the test stays quick; the loader sees its size
                // through lstat and never opens it (a read would stop at 1 MiB anyway).
                let path = site.appendingPathComponent("cards/huge.md").path
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                #expect(fd >= 0)
                #expect(ftruncate(fd, 50 << 20) == 0)
                close(fd)
            },
            expected: ["error cards/huge.md:0:0 the file is 52428800 bytes; the most a content file may be is 1048576 bytes (1 MiB)"]),
        Refused(
            name: "a 50 MB topics.yml",
            setup: { site in
                let path = site.appendingPathComponent("topics.yml").path
                #expect(truncate(path, 50 << 20) == 0)
            },
            expected: unknownTopics + ["error topics.yml:0:0 the file is 52428800 bytes; the most a content file may be is 1048576 bytes (1 MiB)"]),
        Refused(
            name: "invalid UTF-8: an overlong '/', a surrogate, a lone continuation byte",
            files: [
                "cards/overlong.md": bytes("---\nname: A") + [0xC0, 0xAF] + bytes("\n" + card + "---\n"),
                "cards/surrogate.md": bytes("---\nname: Surrogate\nkind: ") + [0xED, 0xA0, 0x80] + bytes("\n---\n"),
                "guides/continuation.md": bytes("---\ntitle: \u{E9}t\u{E9} ") + [0x80] + bytes("\n---\n"),
            ],
            expected: [
                "error cards/overlong.md:2:8 the file is not valid UTF-8 text (byte 0xC0 here)",
                "error cards/surrogate.md:3:7 the file is not valid UTF-8 text (byte 0xED here)",
                "error guides/continuation.md:2:12 the file is not valid UTF-8 text (byte 0x80 here)",
            ]),
        Refused(
            name: "NUL bytes in a card and in site.yml",
            files: [
                "cards/nul.md": bytes("---\nname: Nul") + [0] + bytes("byte\n" + card + "---\n"),
                "site.yml": bytes("title: Fixture\u{0}\n"),
            ],
            expected: [
                "error cards/nul.md:2:10 the file contains a NUL byte",
                "error site.yml:1:15 the file contains a NUL byte",
            ]),
        Refused(
            name: "control characters and right-to-left overrides in names and titles",
            files: [
                "cards/rtl.md": bytes("---\nname: \"Ada \\u202Eelpmaxe\"\n" + card + "links:\n  - title: \"Home\\u2066page\"\n    url: https://example.org/\n---\n"),
                "guides/bell.md": bytes("---\ntitle: \"Ring \\a the bell\"\nsummary: S.\ntopics: [carers]\nupdated: 2026-05-01\nauthors: [\"Eve \\u202D\"]\n---\n"),
                "topics.yml": bytes("carers:\n  name: Carers\n  description: \"Family carers\\u200F\"\nmental-health:\n  name: Mental health\n"
                    + "dementia:\n  name: Dementia\n  description: \"Dementia\\e[31m\"\n"),
                "site.yml": bytes("title: \"Who\\x1B[2Js who\"\n"),
            ],
            expected: [
                "error cards/rtl.md:2:7 'name' contains an invisible text-direction character (U+202E); remove it",
                "error cards/rtl.md:9:12 'title' contains an invisible text-direction character (U+2066); remove it",
                "error guides/bell.md:2:8 'title' contains a control character (U+0007); remove it",
                "error guides/bell.md:6:11 this item of 'authors' contains an invisible text-direction character (U+202D); remove it",
                "error site.yml:1:8 'title' contains a control character (U+001B); remove it",
                "error topics.yml:3:16 'description' contains an invisible text-direction character (U+200F); remove it",
                "error topics.yml:8:16 'description' contains a control character (U+001B); remove it",
            ]),
        Refused(
            name: "javascript: where a web address must go",
            files: ["cards/script-links.md": bytes("---\nname: Script links\n" + card
                + "contact:\n  website: javascript:alert(1)\nlinks:\n  - title: Home\n    url: \" javascript:alert(2)\"\n---\n"),
                // A card with any error is not cross-checked, so the image has a card of its own.
                "cards/script-image.md": bytes("---\nname: Script image\n" + card + "image: javascript:alert(3)\n---\n")],
            expected: [
                "error cards/script-image.md:8:8 'image' names 'javascript:alert(3)', which is not a file under static/",
                "error cards/script-links.md:9:12 'website' should be a web address starting with https:// or http://, not 'javascript:alert(1)'",
                "error cards/script-links.md:12:10 'url' should be a web address starting with https:// or http://, not 'javascript:alert(2)'",
            ]),
        Refused(
            name: "an image and links that climb out of content/ with ..",
            files: [
                "cards/climb.md": bytes("---\nname: Climb\n" + card + "image: images/../../../site.yml\n---\n"),
                "guides/climb.md": bytes("---\ntitle: Climb\nsummary: S.\ntopics: [carers]\nupdated: 2026-05-01\n---\n\n"
                    + "[passwd](../../../../etc/passwd) ![shadow](../static/../../../etc/shadow) [site](../static/../site.yml)\n"),
            ],
            expected: [
                "error cards/climb.md:8:8 'image' should be the path of a file under content/static/, like images/logo.svg, not 'images/../../../site.yml'",
                "error guides/climb.md:8:1 the link '../../../../etc/passwd' leads outside the content folder",
                "error guides/climb.md:8:34 the link '../static/../../../etc/shadow' leads outside the content folder",
                "error guides/climb.md:8:75 the link '../static/../site.yml' points at 'site.yml', which is not a card, a guide or a file under static/",
            ]),
        Refused(
            name: "an image and a link through symbolic links out of content/",
            files: ["cards/through-link.md": bytes("---\nname: Through a link\n" + card + "image: images/passwd.svg\n---\n\n[secret](../static/outside/secret.txt)\n")],
            setup: { site in
                let outside = site.deletingLastPathComponent().appendingPathComponent("outside")
                try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
                try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
                try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("static/images/passwd.svg").path,
                                                           withDestinationPath: "/etc/passwd")
                try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("static/outside").path,
                                                           withDestinationPath: outside.path)
            },
            expected: [
                "error cards/through-link.md:8:8 'image' names 'images/passwd.svg', which is not a file under static/",
                "error cards/through-link.md:11:1 the link '../static/outside/secret.txt' points at 'static/outside/secret.txt', which does not exist",
                "error static/images/passwd.svg:0:0 this is a symbolic link; files in static/ must be ordinary files",
                "error static/outside:0:0 this is a symbolic link; files in static/ must be ordinary files",
            ]),
        Refused(
            name: "a slug that differs from another only by case",
            files: ["cards/Memory-Cafe.md": bytes("---\nname: Memory Cafe again\n" + card + "---\n")],
            expected: ["error cards/Memory-Cafe.md:0:0 the file name 'Memory-Cafe.md' is not a valid slug"]),
        Refused(
            name: "the same card twice through a hard link",
            setup: { site in
                try FileManager.default.linkItem(at: site.appendingPathComponent("cards/memory-cafe.md"),
                                                 to: site.appendingPathComponent("cards/z-cafe.md"))
            },
            expected: ["error cards/z-cafe.md:0:0 this file is the same file as 'cards/memory-cafe.md' (a hard link); keep one"]),
        Refused(
            name: "the same card as .md and .yml",
            files: ["cards/memory-cafe.yml": bytes("name: Memory Cafe\n" + card)],
            expected: ["error cards/memory-cafe.yml:0:0 two files for the card 'memory-cafe': cards/memory-cafe.md and cards/memory-cafe.yml; keep one"]),
        Refused(
            name: "a name of 5,000 combining marks (one character long)",
            files: ["cards/zalgo.md": bytes("---\nname: Z" + String(repeating: "\u{0301}", count: 5000) + "\n" + card + "---\n")],
            expected: ["error cards/zalgo.md:2:7 'name' has a character carrying 5000 accents or other marks; one character may carry at most 8, so remove the extra marks"]),
        Refused(
            name: "a name of 119 letters each carrying eight marks (within both counts of characters and of marks)",
            files: ["cards/heavy.md": bytes("---\nname: " + String(repeating: "e\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}\u{0306}\u{0307}\u{0308}", count: 119)
                + "\n" + card + "---\n")],
            expected: ["error cards/heavy.md:2:7 'name' is made of 1071 Unicode code points (letters, and the accents, emoji parts and other marks written with them); the most allowed for its 120 characters is 480"]),
        Refused(
            name: "a name and a summary of invisible characters only",
            files: ["cards/blank.md": bytes("---\nname: \u{200B}\u{2060}\u{FEFF}\u{3164}\u{115F}\u{2800}\nkind: group\nsummary: \u{00AD}\u{034F}\u{FE0F}\u{E0041}"
                + "\ntopics: [carers]\nregions: [scotland]\nupdated: 2026-05-01\n---\n")],
            expected: [
                "error cards/blank.md:2:7 'name' has no character a reader can see: it is made only of invisible characters (the first is U+200B); write it out in letters",
                "error cards/blank.md:4:10 'summary' has no character a reader can see: it is made only of invisible characters (the first is U+00AD); write it out in letters",
            ]),
        Refused(
            name: "a card whose file name is not UTF-8",
            setup: { site in
                try writeRaw(site, Array("cards/caf".utf8) + [0xE9] + Array(".md".utf8),
                             contents: Array(try Data(contentsOf: site.appendingPathComponent("cards/memory-cafe.md"))))
            },
            expected: ["error cards/caf\u{FFFD}.md:0:0 the file name 'caf\u{FFFD}.md' is not a valid slug"]),
        Refused(
            name: "a static file and a static folder whose names are not UTF-8",
            setup: { site in
                try writeRaw(site, Array("static/caf".utf8) + [0xE9] + Array(".txt".utf8), contents: Array("x".utf8))
                try writeRaw(site, Array("static/fold".utf8) + [0xFF], folder: true)
                try writeRaw(site, Array("static/fold".utf8) + [0xFF] + Array("/inside.txt".utf8), contents: Array("x".utf8))
            },
            expected: [
                "error static/caf\u{FFFD}.txt:0:0 this name is not UTF-8 text (it has the byte 0xE9), so it cannot be published; rename it",
                "error static/fold\u{FFFD}:0:0 this name is not UTF-8 text (it has the byte 0xFF), so it cannot be published; rename it",
            ]),
        Refused(
            name: "a static file 34 folders deep",
            files: ["static/" + String(repeating: "d/", count: 34) + "deep.txt": bytes("x"),
                    "static/" + String(repeating: "e/", count: 31) + "deep-but-allowed.txt": bytes("x")],
            expected: ["error static/" + Array(repeating: "d", count: 33).joined(separator: "/")
                       + ":0:0 this folder is 33 folders deep inside static/; the most allowed is 32, so nothing in it would be published"]),
        Refused(
            name: "a named pipe in static/",
            setup: { site in #expect(mkfifo(site.appendingPathComponent("static/pipe").path, 0o644) == 0) },
            expected: ["error static/pipe:0:0 this is not an ordinary file (it is a pipe, a socket or a device), so it cannot be published; remove it"]),
    ]

    /// Makes a file (or a folder) whose path, under `site`, is `relative`'s bytes, which
    /// need not be UTF-8 (Foundation's file calls take text).
    static func writeRaw(_ site: URL, _ relative: [UInt8], contents: [UInt8] = [], folder: Bool = false) throws {
        let path = Array(site.path.utf8) + [UInt8(ascii: "/")] + relative + [0]
        let fd: Int32 = path.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in
                folder ? mkdir(c.baseAddress!, 0o755) : open(c.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            }
        }
        #expect(fd >= 0, "cannot make \(String(decoding: relative, as: UTF8.self))")
        guard !folder, fd >= 0 else { return }
        defer { close(fd) }
        #expect(contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == contents.count)
    }

    @Test(arguments: refused)
    func isRefusedWithExactlyTheseDiagnostics(_ hostile: Refused) async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        for (path, bytes) in hostile.files.sorted(by: { $0.key < $1.key }) {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try hostile.setup?(content)
        let output = folder.appendingPathComponent("site")

        let report = try await FixtureBuild.build(content, into: output)

        let prefix = content.path + "/"
        let lines = report.diagnostics.map { d in
            let file = d.file.hasPrefix(prefix) ? String(d.file.dropFirst(prefix.count)) : d.file
            return "\(d.severity.rawValue) \(file):\(d.line):\(d.column) \(d.message.replacingOccurrences(of: prefix, with: ""))"
        }
        #expect(lines == hostile.expected)
        #expect(!report.published)
        // Nothing was written: no site, no staging folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["content"] + (hostile.name.contains("symbolic") ? ["outside"] : []))
    }

    // MARK: Neutralised

    /// Text that tries to break out of every context a value is written into: an HTML
    /// element and attribute, a `<script>` block, a JSON string, XML text and CDATA.
    static let payload = #"x"><script>alert(1)</script><iframe src=javascript:alert(2)>' onmouseover='alert(3)' ]]>&amp;"#
    static let payload2 = #"<img src=x onerror=alert(4)><svg onload=alert(5)></title></script>"#

    /// Markdown that tries raw HTML, script links in every spelling, and quotes in URLs.
    static let hostileMarkdown = """

        <script>alert('raw')</script>

        <iframe src="javascript:alert(1)"></iframe>

        <img src=x onerror=alert(1)> and <a href="javascript:alert(1)" onclick="alert(1)">raw a</a>

        [plain](javascript:alert(1)) [cased](JaVaScRiPt:alert(1)) [tabbed](<java\tscript:alert(1)>)
        [entity](&#106;avascript:alert(1)) [escaped](javascript&#58;alert(1)) [ref][r] [vb](vbscript:msgbox(1))
        ![data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) <javascript:alert(1)> [file](file:///etc/passwd)
        [msdt](ms-msdt:/id%20PCWDiagnostic) <search-ms:query=invoice> [office](ms-officecmd:x) [intent](intent://x#Intent;end)

        [quote](https://example.org/"onmouseover="alert(1)) ![alt" onerror="alert(1)](../static/images/x.svg)

        `<script>alert('code')</script>` and </script> and ]]> and <!-- comment --> and &lt;b&gt;

        ## <img src=x onerror=alert(1)> heading

        [r]: javascript:alert('ref')

        """

    /// A content folder whose every text field carries the payloads; it must build.
    static func hostileSite(in folder: URL) throws -> URL {
        let content = try FixtureBuild.copyValid(into: folder)
        func yaml(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        try FixtureBuild.write("""
            title: \(yaml("Site " + payload))
            description: \(yaml("About " + payload + payload2))
            base_url: https://example.org/whoswho/

            """, to: content, "site.yml")
        try FixtureBuild.write("""
            mental-health:
              name: \(yaml("Mental " + payload))
              description: \(yaml(payload2))
            carers:
              name: Carers
            dementia:
              name: Dementia

            """, to: content, "topics.yml")
        try FixtureBuild.write("""
            uk-wide:
              name: \(yaml("UK " + payload))
              description: \(yaml(payload2))
            england:
              name: England
              within: uk-wide
            london:
              name: London
              within: england
            scotland:
              name: Scotland
              within: uk-wide

            """, to: content, "regions.yml")
        try FixtureBuild.write("""
            ---
            name: \(yaml("Ada " + payload))
            kind: person
            summary: \(yaml("Summary " + payload + payload2))
            topics: [mental-health, carers]
            regions: [uk-wide]
            updated: 2026-05-01
            looking_for: \(yaml("Looking " + payload2))
            contact:
              website: https://example.org/a?b=1&c=2
              email: ada@example.org
            links:
              - title: \(yaml("Link " + payload))
                url: https://example.org/x
            ---
            \(hostileMarkdown)
            """, to: content, "cards/hostile.md")
        try FixtureBuild.write("""
            ---
            title: \(yaml("Guide " + payload))
            summary: \(yaml("Guide summary " + payload2))
            topics: [mental-health]
            regions: [uk-wide]
            cards: [hostile]
            authors: [\(yaml("Author " + payload))]
            updated: 2026-06-01
            ---
            \(hostileMarkdown)
            """, to: content, "guides/hostile.md")
        return content
    }

    @Test func everyTextFieldAndBodyIsNeutralisedInTheBuiltSite() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try Self.hostileSite(in: folder)
        let output = folder.appendingPathComponent("site")
        let report = try await FixtureBuild.build(content, into: output)
        #expect(report.published, "\(DiagnosticFormat.text.render(report.diagnostics))")

        // The script links in the bodies are reported (as warnings) where they are written.
        let unsafe = report.diagnostics.filter { $0.message.contains("scheme that is not allowed") }
        #expect(unsafe.filter { $0.file.hasSuffix("cards/hostile.md") }.count == 14)
        #expect(unsafe.filter { $0.file.hasSuffix("guides/hostile.md") }.count == 14)
        #expect(report.diagnostics.allSatisfy { !$0.isError })

        let files = try FolderState(output).files
        #expect(files.contains("cards/hostile/index.html") && files.contains("guides/hostile/index.html"))
        var jsonLDBlocks = 0
        for file in files {
            let data = try Data(contentsOf: output.appendingPathComponent(file))
            let text = String(decoding: data, as: UTF8.self)
            if file.hasSuffix(".html") {
                jsonLDBlocks += try HTMLCheck.check(text, file: file)
            } else if file.hasSuffix(".json") {
                #expect(throws: Never.self, "\(file) is not JSON") { try JSONSerialization.jsonObject(with: data) }
            } else if file.hasSuffix(".xml") {
                let parser = XMLParser(data: data)
                #expect(parser.parse(), "\(file) is not well-formed XML: \(String(describing: parser.parserError))")
            }
        }
        #expect(jsonLDBlocks == files.filter { $0.hasSuffix(".html") }.count, "one JSON-LD block per page")

        // Values survive every context whole: what a reader's parser gets back is what was written.
        let cardPage = try FixtureBuild.text(output, "cards/hostile/index.html")
        let ld = try #require(HTMLCheck.jsonLD(cardPage).first)
        #expect(ld["name"] as? String == "Ada " + Self.payload)
        #expect(ld["description"] as? String == "Summary " + Self.payload + Self.payload2)
        #expect(cardPage.contains("<title>Ada x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))

        let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("index.json"))) as? [String: Any])
        let url = try #require((index["files"] as? [[String: Any]])?.first { $0["kind"] as? String == "cards" }?["url"] as? String)
        let base = (index["site"] as? [String: Any])?["base_url"] as? String ?? ""
        let file = String(url.dropFirst(url.hasPrefix(base) ? base.count : 0))
        let page = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(file))) as? [String: Any])
        let cards = try #require(page["cards"] as? [[String: Any]])
        #expect(cards.contains { $0["name"] as? String == "Ada " + Self.payload })
        let site = try #require(index["site"] as? [String: Any])
        #expect(site["title"] as? String == "Site " + Self.payload)

        let feed = try XMLTexts(Data(contentsOf: output.appendingPathComponent("feed.xml")))
        #expect(feed.texts["title"]?.contains("Ada " + Self.payload) == true)
        #expect(feed.texts["title"]?.contains("Site " + Self.payload) == true)
        #expect(feed.texts["summary"]?.contains("Guide summary " + Self.payload2) == true)
    }

    /// The HTML check would see each of these: it is not a check that passes everything.
    @Test(arguments: [
        #"<p><script>alert(1)</script></p>"#, #"<iframe src="https://example.org/"></iframe>"#,
        #"<img src=x onerror=alert(1)>"#, #"<a href="java&#x09;script:alert(1)">x</a>"#, #"<a href=' JaVaScRiPt:x'>x</a>"#,
        #"<img src="data:image/svg+xml;base64,PHN2Zz4=">"#, #"<div ONCLICK="x">"#, #"<script src="https://evil.example/x.js"></script>"#,
        #"<script type="application/ld+json">{"name": "</script>"#, #"<a href="ms-msdt:/id">x</a>"#, #"<a href="SEARCH-MS:q">x</a>"#,
    ])
    func theHTMLCheckSeesEachKindOfHarm(_ html: String) throws {
        withKnownIssue { _ = try HTMLCheck.check(html, file: "test.html") }
    }

    @Test func theHTMLCheckPassesEscapedText() throws {
        let html = #"<p title="&quot; onerror=&quot;x">&lt;script&gt;javascript:alert(1) onerror=x</p><a href="../x/">x</a>"#
            + #"<script type="application/ld+json">{"name":"\u003c/script\u003e"}</script><script src="../search.js" defer></script>"#
        #expect(try HTMLCheck.check(html, file: "test.html") == 1)
    }

    @Test func noContentWritesOutsideTheOutputFolder() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        // Static files with names that would mean something to a shell, a URL or a path
        // joiner; they are ordinary names to the file system and stay inside the site.
        for name in ["%2e%2e", "..%2f..%2fescape", "a b", "-rf", "back\\slash", "new\nline", "~", "semi;colon"] {
            try FixtureBuild.write("x", to: content, "static/odd/" + name)
        }
        // Hostile names the checker refuses.
        try FixtureBuild.write("---\nname: Dots\n" + Self.card + "---\n", to: content, "cards/%2e%2e.md")
        try FixtureBuild.write("mental-health:\n  name: M\ncarers:\n  name: C\ndementia:\n  name: D\n\"../../escape\":\n  name: E\n", to: content, "topics.yml")
        let output = folder.appendingPathComponent("out/site")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let before = try FolderState(folder)

        let refused = try await FixtureBuild.build(content, into: output)
        let messages = refused.diagnostics.filter(\.isError).map(\.message)
        #expect(messages == ["the file name '%2e%2e.md' is not a valid slug", "'../../escape' is not a valid topic slug"])
        let afterRefusal = try FolderState(folder)
        #expect(afterRefusal == before, "a refused build changed \(afterRefusal.differences(from: before))")

        // Without the refused names the site builds, and everything new is under out/site.
        try FileManager.default.removeItem(at: content.appendingPathComponent("cards/%2e%2e.md"))
        try FixtureBuild.write("mental-health:\n  name: M\ncarers:\n  name: C\ndementia:\n  name: D\n", to: content, "topics.yml")
        let before2 = try FolderState(folder)
        let built = try await FixtureBuild.build(content, into: output)
        #expect(built.published, "\(DiagnosticFormat.text.render(built.diagnostics))")
        let after = try FolderState(folder)
        let changed = after.differences(from: before2)
        // out/ itself changed only in that it now holds site/ (and held the staging folder).
        #expect(changed.allSatisfy { $0 == "out" || $0 == "out/site" || $0.hasPrefix("out/site/") }, "written outside out/site: \(changed)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["site"])
        #expect(try String(contentsOf: output.appendingPathComponent("odd/new\nline"), encoding: .utf8) == "x")
        #expect(try String(contentsOf: output.appendingPathComponent("odd/%2e%2e"), encoding: .utf8) == "x")
    }
}

/// Checks built HTML the way a browser would read it: by its tags and attributes.
enum HTMLCheck {
    /// Elements no page of the site may hold, whoever wrote them.
    static let forbiddenElements: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base"]
    /// Attributes whose value a browser follows or loads as a URL.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "cite", "background"]

    /// Fails the test on any script that is not the JSON-LD block or a theme file, any
    /// forbidden element, event-handler attribute or script URL; parses every JSON-LD
    /// block. Returns the number of JSON-LD blocks.
    static func check(_ html: String, file: String) throws -> Int {
        let bytes = Array(html.utf8)
        var i = 0
        var jsonLD = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                guard let end = find("-->", in: bytes, from: i + 4) else {
                    Issue.record("\(file): an unclosed comment"); return jsonLD
                }
                i = end + 3
                continue
            }
            let tag = parseTag(bytes, at: i)
            guard let tag else { i += 1; continue }
            i = tag.end
            let name = tag.name.lowercased()
            #expect(!forbiddenElements.contains(name), "\(file): a <\(name)> element")
            for (attribute, value) in tag.attributes {
                #expect(!attribute.hasPrefix("on"), "\(file): an event-handler attribute \(attribute)=\"\(value)\" on <\(name)>")
                // The theme's `<link rel="icon" href="data:,">` asks browsers for no icon at all.
                if urlAttributes.contains(attribute), !(name == "link" && value == "data:,") {
                    #expect(!hasSchemeNotAllowed(decodeEntities(value)), "\(file): \(attribute)=\"\(value)\" on <\(name)>")
                }
            }
            if name == "script" && !tag.closing {
                guard let close = find("</script", in: bytes, from: i) else {
                    Issue.record("\(file): an unclosed <script>"); return jsonLD
                }
                let body = String(decoding: bytes[i..<close], as: UTF8.self)
                let type = tag.attributes.first { $0.0 == "type" }?.1
                let src = tag.attributes.first { $0.0 == "src" }?.1
                if type == "application/ld+json" {
                    jsonLD += 1
                    #expect(throws: Never.self, "\(file): a JSON-LD block that does not parse: \(body)") {
                        try JSONSerialization.jsonObject(with: Data(body.utf8))
                    }
                } else if let src {
                    // A theme's own script: a relative path to a file of the theme, nothing inline.
                    #expect(src.hasSuffix(".js") && !src.contains(":"), "\(file): a script from \(src)")
                    #expect(body.isEmpty, "\(file): inline code in a <script src>")
                } else {
                    Issue.record("\(file): an inline <script>: \(body.prefix(80))")
                }
                i = close
            }
        }
        return jsonLD
    }

    /// The parsed JSON-LD blocks of a page, as objects.
    static func jsonLD(_ html: String) throws -> [[String: Any]] {
        try html.matches(of: #/<script type="application/ld\+json">(.*?)</script>/#.dotMatchesNewlines()).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.output.1.utf8)) as? [String: Any])
        }
    }

    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(String, String)]
        var end: Int
    }

    /// Reads a start or end tag at `start` (`<name attr="v" attr2=v2 attr3>`); nil when
    /// the `<` does not start a tag (a browser shows it as text).
    static func parseTag(_ b: [UInt8], at start: Int) -> Tag? {
        var i = start + 1
        var closing = false
        if i < b.count, b[i] == UInt8(ascii: "/") { closing = true; i += 1 }
        guard i < b.count, isLetter(b[i]) else { return nil }
        let nameStart = i
        while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self)
        var attributes: [(String, String)] = []
        while i < b.count {
            while i < b.count, isSpace(b[i]) || b[i] == UInt8(ascii: "/") { i += 1 }
            guard i < b.count, b[i] != UInt8(ascii: ">") else { break }
            let attrStart = i
            while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: "/") { i += 1 }
            let attribute = String(decoding: b[attrStart..<i], as: UTF8.self).lowercased()
            var value = ""
            while i < b.count, isSpace(b[i]) { i += 1 }
            if i < b.count, b[i] == UInt8(ascii: "=") {
                i += 1
                while i < b.count, isSpace(b[i]) { i += 1 }
                if i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    let quote = b[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < b.count, b[i] != quote { i += 1 }
                    value = String(decoding: b[valueStart..<min(i, b.count)], as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: b[valueStart..<i], as: UTF8.self)
                }
            }
            if !attribute.isEmpty { attributes.append((attribute, value)) }
        }
        return Tag(name: name, closing: closing, attributes: attributes, end: min(i + 1, b.count))
    }

    static func isLetter(_ c: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c | 0x20) }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    static func find(_ needle: String, in b: [UInt8], from: Int) -> Int? {
        let n = Array(needle.utf8)
        guard b.count >= n.count, from <= b.count - n.count else { return nil }
        for i in from...(b.count - n.count) where b[i] == n[0] && Array(b[i..<(i + n.count)]).map({ $0 | 0x20 }) == n.map({ $0 | 0x20 }) {
            return i
        }
        return nil
    }

    /// Character references in an attribute value, decoded as a browser would.
    static func decodeEntities(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) <= 10 else { out += "&"; continue }
            let entity = rest[..<semi]
            var scalar: Unicode.Scalar?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if entity.hasPrefix("#") {
                scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                scalar = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"][String(entity)]
                    .flatMap { $0.unicodeScalars.first }
            }
            if let scalar { out.unicodeScalars.append(scalar); rest = rest[rest.index(after: semi)...] } else { out += "&" }
        }
        return out + rest
    }

    /// True for a URL with a scheme other than http, https, mailto and tel (the site's
    /// allow-list), however cased and with whatever whitespace or controls inside:
    /// `javascript:`, `data:`, `ms-msdt:`… Written here without the generator's code, so
    /// the check does not share its mistakes.
    static func hasSchemeNotAllowed(_ url: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        guard let colon = squeezed.firstIndex(of: ":") else { return false }
        let before = squeezed[..<colon]
        if before.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return false }
        return !["http", "https", "mailto", "tel"].contains(String(before))
    }
}

/// The text of every element of an XML document, by element name, as an XML parser gives it back.
final class XMLTexts: NSObject, XMLParserDelegate {
    private(set) var texts: [String: [String]] = [:]
    private var stack: [String] = []
    private var current = ""

    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(name)
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { current += String(decoding: block, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[name, default: []].append(current)
        current = ""
        stack.removeLast()
    }
}
