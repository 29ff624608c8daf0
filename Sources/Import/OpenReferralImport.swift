public import Content
internal import YAML
internal import Foundation

/// What `whoswho import oruk` was asked to do.
public struct ImportOptions: Sendable {
    public var feed: String
    public var content: String
    public var region: String?
    public var topic: String?
    public var mapping: String?
    public var update: Bool
    public var today: ContentDate
    public var publisher: String?
    public var licence: String?

    public init(feed: String, content: String, region: String? = nil, topic: String? = nil, mapping: String? = nil, update: Bool = false,
                today: ContentDate, publisher: String? = nil, licence: String? = nil) {
        (self.feed, self.content, self.region, self.topic, self.mapping) = (feed, content, region, topic, mapping)
        (self.update, self.today, self.publisher, self.licence) = (update, today, publisher, licence)
    }
}

/// What an import did: its report, and what `whoswho check` says of the content folder
/// afterwards (the imported cards must pass it).
public struct ImportOutcome: Sendable {
    public var report: ImportReport
    public var diagnostics: [Diagnostic]
}

/// Turns an Open Referral UK feed into cards in a content folder (docs/open-data.md):
/// reads the feed, plans a card for each service and organisation, refuses to replace
/// cards unless asked, writes each file whole, then checks the folder.
public enum OpenReferralImport {
    /// Runs the import. A problem with how it was asked, the feed or the folder (nothing
    /// written) is an `ImportFailure`; content errors found afterwards are in the outcome.
    public static func run(_ options: ImportOptions) async throws(ImportFailure) -> ImportOutcome {
        let before: LoadResult
        do { before = try await ContentLoader.load(options.content, today: options.today, renderHTML: false) } catch {
            throw ImportFailure(error.message)
        }
        guard let content = before.content else {
            let errors = before.diagnostics.filter(\.isError).count
            throw ImportFailure("the content folder '\(options.content)' has \(errors) error\(errors == 1 ? "" : "s"); run `whoswho check --content \(options.content)` and fix them before importing")
        }
        let mapping = try options.mapping.map { path throws(ImportFailure) in try ImportMapping.read(path: path) } ?? ImportMapping()
        try checkSlugs(options, mapping, content)

        var planner = ImportPlanner(today: options.today, fallbackRegion: options.region, fallbackTopic: options.topic,
                                    matcher: VocabularyMatcher(mapping: mapping, topics: content.topics, regions: content.regions))
        var services: [FeedService] = []
        var sources: [String: FeedSource] = [:]
        let files: [String]
        do { files = try FeedReader.files(at: options.feed) } catch { throw ImportFailure(error.message) }
        var rootSource = FeedSource()
        for file in files {
            let read: (form: FeedForm, services: [FeedService], source: FeedSource)
            do { read = try FeedReader.read(file: file) } catch { throw ImportFailure(error.message) }
            let name = (file as NSString).lastPathComponent
            if read.form == .apiRoot { rootSource = read.source }
            planner.report.read.append("\(name): \(read.form.rawValue)" + (read.form == .apiRoot ? "" : ", \(read.services.count) service\(read.services.count == 1 ? "" : "s")"))
            sources[name] = read.source
            services += read.services
        }
        for (name, s) in sources {
            sources[name] = FeedSource(publisher: options.publisher ?? s.publisher ?? rootSource.publisher, licence: options.licence ?? s.licence ?? rootSource.licence)
        }
        guard !services.isEmpty else { throw ImportFailure("'\(options.feed)' holds no services") }

        var (cards, organisations) = planner.drafts(services, sources: sources)
        if !planner.withoutRegion.isEmpty {
            throw ImportFailure(missing(planner.withoutRegion, "a region (no service area, town, place or postcode that the mapping or regions.yml knows)",
                                        "map their places to regions in a mapping file (--mapping), or give the region for all of them with --region SLUG"))
        }
        if !planner.withoutTopic.isEmpty {
            throw ImportFailure(missing(planner.withoutTopic, "a topic (no taxonomy term or target audience)",
                                        "give a topic for them with --topic SLUG"))
        }
        var report = planner.report
        let serviceIDs = Set(cards.compactMap(\.details.orukID))
        for i in organisations.indices {
            if let id = organisations[i].details.orukID, serviceIDs.contains(id) {
                organisations[i].details.orukID = nil
                report.warnings.append("'\(organisations[i].name)' has the id of one of its services, \(id); its card keeps it in its text only")
            }
        }
        let existing = ExistingCards(content: content)
        try SlugAssigner.assign(&cards, &organisations, existing: existing, update: options.update)
        let newTopics = planner.matcher.newTopics
        for (word, how) in planner.matcher.mapped.sorted(by: { $0.key < $1.key }) { report.mapped.append("'\(word)' \(how)") }
        try TopicsFile.append(newTopics, content: options.content, today: options.today, existing: content.topics.count, report: &report)
        try write(organisations + cards, existing: existing, content: options.content, report: &report)
        let shared = Dictionary(grouping: cards.filter { $0.facts.contains { $0.path == "id shared" } }, by: { $0.key.split(separator: "#")[0] })
        for (key, group) in shared.sorted(by: { $0.key < $1.key }) {
            report.duplicates.append("\(group.count) records have the id \(key.dropFirst("service ".count)): " + group.map { "cards/\($0.slug).md" }.joined(separator: ", ")
                + "; only the first keeps it as its oruk_id")
        }

        let after: LoadResult
        do { after = try await ContentLoader.load(options.content, today: options.today, renderHTML: false) } catch {
            throw ImportFailure(error.message)
        }
        return ImportOutcome(report: report, diagnostics: after.diagnostics)
    }

    static func missing(_ labels: [String], _ what: String, _ fix: String) -> String {
        let shown = labels.prefix(10).joined(separator: ", ") + (labels.count > 10 ? " and \(labels.count - 10) more" : "")
        return "\(labels.count) service\(labels.count == 1 ? "" : "s") of the feed say\(labels.count == 1 ? "s" : "") nothing that leads to \(what): \(shown). Nothing was written; \(fix)"
    }

    /// The slugs of --region, --topic and the mapping must be the vocabularies'.
    static func checkSlugs(_ options: ImportOptions, _ mapping: ImportMapping, _ content: Content) throws(ImportFailure) {
        let topics = Set(content.topics.map(\.slug)), regions = Set(content.regions.map(\.slug))
        if let r = options.region, !regions.contains(r) { throw ImportFailure("--region '\(r)' is not a region of regions.yml") }
        if let t = options.topic, !topics.contains(t) { throw ImportFailure("--topic '\(t)' is not a topic of topics.yml") }
        for (word, slugs) in mapping.topics.sorted(by: { $0.key < $1.key }) {
            for slug in slugs where !topics.contains(slug) {
                let mark = mapping.marks[slug]
                throw ImportFailure("\(options.mapping ?? ""):\(mark?.line ?? 0):\(mark?.column ?? 0): error: '\(word)' maps to the topic '\(slug)', which topics.yml does not have")
            }
        }
        for (word, slug) in mapping.regions.sorted(by: { $0.key < $1.key }) where !regions.contains(slug) {
            let mark = mapping.marks[slug]
            throw ImportFailure("\(options.mapping ?? ""):\(mark?.line ?? 0):\(mark?.column ?? 0): error: '\(word)' maps to the region '\(slug)', which regions.yml does not have")
        }
    }

    /// Writes every draft: new cards created, existing ones merged (only with --update).
    static func write(_ drafts: [CardDraft], existing: ExistingCards, content: String, report: inout ImportReport) throws(ImportFailure) {
        let folder = content + "/cards"
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw ImportFailure("cannot create the folder '\(folder)'")
        }
        for d in drafts {
            let path = folder + "/" + d.slug + ".md"
            guard let match = existing.match(d) else {
                try CardFiles.write(d.text, to: path, replacing: false)
                report.created.append("cards/\(d.slug).md  \(d.name)")
                continue
            }
            let matchPath = content + "/" + match.file
            let isYAML = match.file.hasSuffix(".yml")
            guard isYAML || match.file.hasSuffix(".md"), let old = try? String(contentsOfFile: matchPath, encoding: .utf8),
                  let merged = CardMerge.merge(d, into: old, isYAML: isYAML) else {
                report.notUpdated.append("\(match.file): its YAML could not be read, or it has no front matter; update it by hand")
                continue
            }
            let shown = "\(match.file)  \(d.name)"
            report.cut += merged.cut.map { match.file + ": " + $0 }
            if merged.text == old { report.unchanged.append(shown); continue }
            try CardFiles.write(merged.text, to: matchPath, replacing: true)
            var notes = merged.vocabulary
            for comment in merged.lostComments {
                report.warnings.append("\(match.file): a comment inside \(comment) was in a field the feed wrote again, and went with its old value")
            }
            if merged.bodyKept { notes.append("its text has no import markers, so it was kept as it is") }
            report.updated.append(shown + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"))
        }
    }
}
