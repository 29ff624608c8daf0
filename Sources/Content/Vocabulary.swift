internal import Foundation
internal import YAML

/// A topic or region as read from its vocabulary file, with positions.
struct Term: Sendable {
    var slug: String
    var mark: Mark
    var name: String
    var description: String?
    var within: Located<String>?
    /// A topic's other names.
    var aliases: [Located<String>] = []
    /// A region's places, postcode prefixes and the prefixes it shares with other regions.
    var places: [Located<String>] = []
    var postcodes: [Located<String>] = []
    var sharedPostcodes: [Located<String>] = []

    var topic: Topic { Topic(slug: slug, name: name, description: description, aliases: aliases.map(\.value)) }
    var region: Region {
        Region(slug: slug, name: name, description: description, within: within?.value, places: places.map(\.value),
               postcodes: postcodes.map(\.value), sharedPostcodes: sharedPostcodes.map(\.value))
    }
}

/// Reads site.yml, topics.yml and regions.yml.
enum Vocabulary {
    static func readYAML(root: String, file: String, display: (String) -> String, required: Bool, diagnostics: inout [Diagnostic]) throws(LoadFailure) -> Node?? {
        let path = root + "/" + file
        guard FileManager.default.fileExists(atPath: path) else {
            if required {
                diagnostics.append(Diagnostic(.error, file: display(file), line: 0, column: 0,
                    message: "the content folder needs a \(file) file", note: "see docs/content-format.md"))
            }
            return nil
        }
        guard let info = FileIdentity.lstat(path), !info.isSymlink, info.isRegular else {
            diagnostics.append(Diagnostic(.error, file: display(file), line: 0, column: 0, message: "\(file) must be an ordinary file, not a link or folder"))
            return nil
        }
        guard info.size <= ContentLimits.maxFileBytes else {
            diagnostics.append(Diagnostic(.error, file: display(file), line: 0, column: 0,
                message: "the file is \(info.size) bytes; the most a content file may be is \(ContentLimits.maxFileBytes) bytes (1 MiB)"))
            return nil
        }
        guard let bytes = FileIdentity.read(path, limit: ContentLimits.maxFileBytes) else {
            throw LoadFailure("cannot read '\(display(file))'")
        }
        switch SourceText.decode(bytes, file: display(file)) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(let source):
            do {
                return .some(try YAMLParser.parse(source.text))
            } catch {
                diagnostics.append(Diagnostic(.error, file: display(file), at: error.mark, message: error.message, note: error.note))
                return nil
            }
        }
    }

    /// Reads site.yml; nil when it is missing or has errors.
    static func site(root: String, display: (String) -> String, diagnostics: inout [Diagnostic]) throws(LoadFailure) -> SiteConfig? {
        guard let node = try readYAML(root: root, file: "site.yml", display: display, required: true, diagnostics: &diagnostics) else { return nil }
        var r = FieldReader(node, file: display("site.yml"), what: "site.yml", allowed: ["title", "description", "base_url", "language", "theme", "repository", "branch", "content_folder", "licence", "page_size"],
                            fallback: Mark(line: 1, column: 1))
        let title = r.text("title", required: true, max: 120)
        let description = r.text("description", required: false, max: 500)
        var baseURL = r.url("base_url", required: false)
        if let b = baseURL, !b.value.hasSuffix("/") {
            r.error(b.mark, "'base_url' should end with '/', like \(b.value)/")
            baseURL = nil
        }
        let language = r.text("language", required: false, max: 35)
        if let l = language, !LanguageTag.isValid(l.value) {
            r.error(l.mark, "'language' should be a language tag like en-GB or cy, not '\(l.value)'")
        }
        let theme = r.text("theme", required: false, max: 80)
        if let t = theme, !ThemeName.isValid(t.value) {
            r.error(t.mark, "'theme' should be the name of a folder under themes/, like default, not '\(t.value)'")
        }
        let repository = Self.repository(&r)
        let licence = LicenceReader.read(&r)
        let pageSize = Self.pageSize(&r)
        diagnostics += r.diagnostics
        guard let title, !r.diagnostics.hasErrors else { return nil }
        return SiteConfig(title: title.value, description: description?.value, baseURL: baseURL?.value,
                          language: language?.value ?? "en-GB", theme: theme?.value ?? "default", repository: repository,
                          licence: licence, pageSize: pageSize ?? SiteConfig.defaultPageSize)
    }

    /// site.yml's `page_size`: a whole number within `SiteConfig.pageSizeRange`; nil when
    /// absent or wrong (with an error).
    static func pageSize(_ r: inout FieldReader) -> Int? {
        guard let text = r.text("page_size", required: false, max: 20) else { return nil }
        let range = SiteConfig.pageSizeRange
        guard let n = Int(text.value), range.contains(n) else {
            r.error(text.mark, "'page_size' should be a whole number from \(range.lowerBound) to \(range.upperBound), the most cards or guides on one page of a list, not '\(text.value)'",
                    note: "leave it out for \(SiteConfig.defaultPageSize) a page")
            return nil
        }
        return n
    }

    /// site.yml's `repository`, `branch` and `content_folder`; nil when there is no
    /// repository or a value is wrong (with an error).
    static func repository(_ r: inout FieldReader) -> Repository? {
        let url = r.text("repository", required: false, max: 200)
        let branch = r.text("branch", required: false, max: 200)
        let folder = r.text("content_folder", required: false, max: 200)
        if let b = branch, !Repository.isBranchName(b.value) {
            r.error(b.mark, "'branch' should be the name of a branch of the repository, like main, not '\(b.value)'")
        }
        if let f = folder, !Repository.isFolderPath(f.value) {
            r.error(f.mark, "'content_folder' should be the content folder's path inside the repository, like content or site/content (or . for the top folder), not '\(f.value)'")
        }
        guard let url else {
            for extra in [branch, folder].compactMap({ $0 }) {
                r.error(extra.mark, "'branch' and 'content_folder' need 'repository', the GitHub address of the project, like https://github.com/ORG/REPO")
                break
            }
            return nil
        }
        guard Repository.isGitHubAddress(url.value) else {
            r.error(url.mark, "'repository' should be the GitHub address of the project, like https://github.com/ORG/REPO, not '\(url.value)'")
            return nil
        }
        return Repository(url: Repository.normalized(url.value), branch: branch?.value ?? "main",
                          contentFolder: folder.map { $0.value == "." ? "" : $0.value } ?? "content")
    }

    /// Reads topics.yml or regions.yml: a mapping from slug to name, description, and
    /// `aliases` for topics; `within`, `places`, `postcodes` and `shared_postcodes` for regions.
    static func terms(root: String, file: String, what: String, display: (String) -> String, diagnostics: inout [Diagnostic]) throws(LoadFailure) -> [Term] {
        guard let maybe = try readYAML(root: root, file: file, display: display, required: true, diagnostics: &diagnostics) else { return [] }
        guard let node = maybe else {
            diagnostics.append(Diagnostic(.error, file: display(file), line: 1, column: 1, message: "\(file) is empty; it should define at least one \(what)"))
            return []
        }
        guard case .mapping(let pairs) = node.value else {
            diagnostics.append(Diagnostic(.error, file: display(file), at: node.mark,
                message: "\(file) should map each \(what) slug to its name, like 'mental-health:' then '  name: Mental health'"))
            return []
        }
        let limit = what == "region" ? ContentLimits.regions : ContentLimits.topics
        if pairs.count > limit {
            diagnostics.append(Diagnostic(.error, file: display(file), at: pairs[limit].key.mark,
                message: "\(file) defines \(pairs.count) \(what)s; a site may have at most \(limit), and this is the first one over",
                note: "every \(what) adds list pages to the site; merge \(what)s that readers would look for together"))
        }
        var terms: [Term] = []
        var seen = Set<String>()
        let allowed = what == "region" ? ["name", "description", "within", "places", "postcodes", "shared_postcodes"]
                                       : ["name", "description", "aliases"]
        for pair in pairs {
            guard let slug = pair.key.scalar, Slug.isValid(slug) else {
                diagnostics.append(Diagnostic(.error, file: display(file), at: pair.key.mark,
                    message: "'\(pair.key.scalar ?? "this key")' is not a valid \(what) slug", note: Slug.rule))
                continue
            }
            guard seen.insert(slug).inserted else {
                diagnostics.append(Diagnostic(.error, file: display(file), at: pair.key.mark, message: "the \(what) '\(slug)' is defined twice"))
                continue
            }
            var r = FieldReader(pair.value.isNull ? nil : pair.value, file: display(file), what: "the \(what) '\(slug)'", allowed: allowed, fallback: pair.key.mark)
            let name = r.text("name", required: true, max: 120)
            let description = r.text("description", required: false, max: 1000, singleLine: false)
            var within = r.text("within", required: false, max: 80)
            if let w = within, !Slug.isValid(w.value) {
                r.error(w.mark, "'within' should be a region slug", note: Slug.rule)
                within = nil
            }
            var term = Term(slug: slug, mark: pair.key.mark, name: name?.value ?? "", description: description?.value, within: within)
            if what == "region" {
                term.places = Self.words(&r, "places", max: ContentLimits.placesPerRegion, what: "places")
                term.postcodes = Self.postcodes(&r, "postcodes")
                term.sharedPostcodes = Self.postcodes(&r, "shared_postcodes")
                for p in term.sharedPostcodes where term.postcodes.contains(where: { $0.value == p.value }) {
                    r.error(p.mark, "'\(p.value)' is in both 'postcodes' and 'shared_postcodes'; list it once, under 'shared_postcodes'")
                }
            } else {
                term.aliases = Self.words(&r, "aliases", max: ContentLimits.aliasesPerTopic, what: "other names")
            }
            diagnostics += r.diagnostics
            if name != nil { terms.append(term) }
        }
        if what == "region" { diagnostics += RegionPlaces.check(terms, file: display(file)) }
        return terms.sorted { $0.slug < $1.slug }
    }

    /// A list of names readers use (aliases, places), at most `max`.
    static func words(_ r: inout FieldReader, _ key: String, max: Int, what: String) -> [Located<String>] {
        guard let items = r.list(key, required: false, itemMax: 80) else { return [] }
        if items.count > max {
            r.error(items[max].mark, "'\(key)' lists \(items.count) \(what); the most allowed is \(max), and this is the first one over")
        }
        return Array(items.prefix(max))
    }

    /// A list of postcode areas and districts, upper-cased, each checked for its shape.
    static func postcodes(_ r: inout FieldReader, _ key: String) -> [Located<String>] {
        guard let items = r.list(key, required: false, itemMax: 20) else { return [] }
        if items.count > ContentLimits.postcodesPerRegion {
            r.error(items[ContentLimits.postcodesPerRegion].mark,
                    "'\(key)' lists \(items.count) postcode areas and districts; the most allowed is \(ContentLimits.postcodesPerRegion)")
        }
        var out: [Located<String>] = []
        for item in items.prefix(ContentLimits.postcodesPerRegion) {
            if let problem = PostcodePrefix.problem(item.value) {
                r.error(item.mark, problem, note: PostcodePrefix.rule)
            } else {
                out.append(Located(item.value.uppercased(), at: item.mark))
            }
        }
        return out
    }
}

/// BCP 47 language tags, checked for shape.
enum LanguageTag {
    static func isValid(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

/// Theme folder names.
public enum ThemeName {
    /// Letters, digits, `-` and `_`, so a theme name can never climb out of themes/.
    public static func isValid(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 80 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
