internal import YAML
internal import Markdown

/// The checks that need every file: references between cards, guides, topics,
/// regions and static files, plus the warnings about stale cards and unused terms.
struct CrossCheck {
    let display: @Sendable (String) -> String
    let today: ContentDate
    let topics: [Term]
    let regions: [Term]
    /// Every card and guide file whose fields could be read, with errors or without.
    let references: [References]
    let staticFiles: Set<String>
    let cardSlugs: Set<String>
    let guideSlugs: Set<String>
    var diagnostics: [Diagnostic] = []
    /// Former slug → the slug of the card that lists it in `former_slugs`.
    var renamed: [String: String] = [:]

    init(display: @escaping @Sendable (String) -> String, today: ContentDate, topics: [Term], regions: [Term],
         references: [References], staticFiles: Set<String>, cardSlugs: Set<String>, guideSlugs: Set<String>) {
        self.display = display
        self.today = today
        self.topics = topics
        self.regions = regions
        self.references = references
        self.staticFiles = staticFiles
        self.cardSlugs = cardSlugs
        self.guideSlugs = guideSlugs
    }

    mutating func error(_ file: String, _ mark: Mark, _ message: String, note: String? = nil) {
        diagnostics.append(Diagnostic(.error, file: display(file), at: mark, message: message, note: note))
    }

    mutating func run() {
        let topicSlugs = Set(topics.map(\.slug))
        let regionSlugs = Set(regions.map(\.slug))
        checkRegionNesting(regionSlugs)
        var headings: [String: Set<String>] = [:]
        for r in references { headings[r.key] = r.headings }

        var kinds: [String: Kind] = [:]
        for r in references where r.isCard { kinds[r.slug] = r.kind }
        renamed = formerSlugs()
        var usedTopics = Set<String>()
        var usedRegions = Set<String>()
        for r in references {
            vocabulary(r.topics, known: topicSlugs, what: "topic", file: r.file)
            vocabulary(r.regions, known: regionSlugs, what: "region", file: r.file)
            usedTopics.formUnion(r.topics.map(\.value))
            usedRegions.formUnion(r.regions.map(\.value))
            entries(r)
            if let organisation = r.organisation { self.organisation(organisation, of: r, kinds: kinds) }
            if let image = r.image, !staticFiles.contains(image.value) {
                error(r.file, image.mark, "'image' names '\(image.value)', which is not a file under static/\(DidYouMean.clause(for: image.value, in: staticFiles.sorted()))",
                      note: "put the file in the content folder's static/ folder and give its path from there, like images/logo.svg")
            }
            links(r.links, file: r.file, selfKey: r.key, headings: headings)
            if let updated = r.updated { dated(updated, of: r) }
        }
        sharedOpenReferralIDs()
        // A region is in use when it or any region within it is used.
        let parent = Dictionary(regions.compactMap { r in r.within.map { (r.slug, $0.value) } }, uniquingKeysWith: { a, _ in a })
        for slug in usedRegions {
            var current = parent[slug]
            var steps = 0
            while let p = current, steps < regions.count {
                usedRegions.insert(p)
                current = parent[p]
                steps += 1
            }
        }
        for t in topics where !usedTopics.contains(t.slug) {
            diagnostics.append(Diagnostic(.warning, file: display("topics.yml"), at: t.mark, message: "no card or guide uses the topic '\(t.slug)'"))
        }
        for r in regions where !usedRegions.contains(r.slug) {
            diagnostics.append(Diagnostic(.warning, file: display("regions.yml"), at: r.mark, message: "no card or guide uses the region '\(r.slug)'"))
        }
    }

    /// A card's `related` or a guide's `cards`: each must name another card that exists.
    mutating func entries(_ r: References) {
        let field = r.entriesField
        for entry in r.entries {
            if r.isCard, entry.value == r.slug {
                error(r.file, entry.mark, "'related' names this card itself; list other cards")
            } else if !cardSlugs.contains(entry.value) {
                error(r.file, entry.mark, "'\(field)' names the card '\(entry.value)', \(missing(entry.value))")
            }
        }
    }

    /// A card's `organisation`: another card that exists and is of kind organisation.
    /// A card whose own file has errors may have no kind read; it is then not judged.
    mutating func organisation(_ organisation: Located<String>, of r: References, kinds: [String: Kind]) {
        let slug = organisation.value
        if slug == r.slug {
            error(r.file, organisation.mark, "'organisation' names this card itself; name the organisation card that runs it, or leave the field out")
        } else if !cardSlugs.contains(slug) {
            let organisations = kinds.filter { $0.value == .organisation }.keys.sorted()
            error(r.file, organisation.mark, "'organisation' names the card '\(slug)', \(missing(slug, suggesting: organisations))",
                  note: "write the file name, without .md or .yml, of the organisation's own card; add that card first if it has none")
        } else if let kind = kinds[slug], kind != .organisation {
            error(r.file, organisation.mark, "'organisation' names '\(slug)', which is a card of kind \(kind.rawValue), not organisation",
                  note: "'organisation' says which organisation runs this; a group or network that runs itself needs no 'organisation'")
        }
    }

    /// The end of a sentence about a card slug that is not a card's: the card it was
    /// renamed to, when a card lists it in `former_slugs`, else the nearest slug.
    func missing(_ slug: String, suggesting candidates: [String]? = nil) -> String {
        if let now = renamed[slug] { return "which was renamed: it is now '\(now)'" }
        return "which does not exist" + DidYouMean.clause(for: slug, in: candidates ?? cardSlugs.sorted())
    }

    /// Every card's `former_slugs`, checked: none may be a card's slug now, and no two
    /// cards may list one (the second, by file name, is told which card has it). Returns
    /// each former slug with the card that keeps it.
    mutating func formerSlugs() -> [String: String] {
        var owner: [String: (slug: String, file: String)] = [:]
        for r in references.filter({ $0.isCard && !$0.formerSlugs.isEmpty }).sorted(by: { $0.file < $1.file }) {
            for former in r.formerSlugs {
                if former.value == r.slug {
                    error(r.file, former.mark, "'former_slugs' lists this card's own slug; list only the slugs it had before it was renamed")
                } else if cardSlugs.contains(former.value) {
                    error(r.file, former.mark, "'former_slugs' lists '\(former.value)', which is the slug of another card now; an address can lead to one card only",
                          note: "a former slug keeps a page that sends readers to this card, so it must not be any card's slug")
                } else if let first = owner[former.value] {
                    error(r.file, former.mark, "'former_slugs' lists '\(former.value)', which \(display(first.file)) lists too; an old address can lead to one card only")
                } else {
                    owner[former.value] = (r.slug, r.file)
                }
            }
        }
        return owner.mapValues(\.slug)
    }

    /// Two cards with one `oruk_id` would be one service in the export: the second, by
    /// file name, is told which card has it.
    mutating func sharedOpenReferralIDs() {
        var first: [String: String] = [:]
        for r in references.filter({ $0.orukID != nil }).sorted(by: { $0.file < $1.file }) {
            guard let id = r.orukID else { continue }
            if let other = first[id.value] {
                error(r.file, id.mark, "'oruk_id' \(id.value) is also the id of \(display(other)); each card needs an id of its own",
                      note: "two records of one feed may share an id by mistake: keep this id on the card that was imported as it, and remove it here")
            } else {
                first[id.value] = r.file
            }
        }
    }

    /// An `updated` date in the future is an error; a card's more than two years old, a warning.
    mutating func dated(_ updated: Located<ContentDate>, of r: References) {
        // A day's grace: where the contributor is, it may already be tomorrow.
        if today.nextDay < updated.value {
            if let field = r.entryType?.updatedField {
                // Not in the newest lists or the feeds: the date says only when the entry was checked.
                error(r.file, updated.mark, "'\(field)' is \(updated.value), which is after today (\(today)); it says when this \(r.what) was last checked",
                      note: "set '\(field)' to the day the \(r.what) was last checked, written YYYY-MM-DD")
            } else {
                future(updated.value, what: r.what, file: r.file, at: updated.mark)
            }
        } else if r.isCard, updated.value < today.monthsEarlier(24) {
            diagnostics.append(Diagnostic(.warning, file: display(r.file), at: updated.mark,
                message: "this card was last updated on \(updated.value), more than two years ago",
                note: "ask the card's owner to check it, then set 'updated' to the day they did"))
        }
    }

    /// An `updated` date after tomorrow: the newest lists and the feeds are sorted by it,
    /// so the entry would stay at their top until that day.
    mutating func future(_ date: ContentDate, what: String, file: String, at mark: Mark) {
        error(file, mark, "'updated' is \(date), which is after today (\(today)); a date in the future would keep this \(what) at the top of the newest \(what)s and the feeds until then",
              note: "set 'updated' to the day the \(what) was last checked, written YYYY-MM-DD")
    }

    mutating func vocabulary(_ items: [Located<String>], known: Set<String>, what: String, file: String) {
        for item in items where !known.contains(item.value) {
            error(file, item.mark, "unknown \(what) '\(item.value)'\(DidYouMean.clause(for: item.value, in: known.sorted()))",
                  note: "the \(what)s are defined in \(what == "topic" ? "topics.yml" : "regions.yml")")
        }
    }

    mutating func links(_ links: [BodyLink], file: String, selfKey: String, headings: [String: Set<String>]) {
        func anchor(_ fragment: String?, in key: String, link: BodyLink) {
            guard let fragment, !fragment.isEmpty else { return }
            let ids = headings[key] ?? []
            if !ids.contains(fragment) {
                error(file, link.mark, "the link '\(link.destination)' points at '#\(fragment)', but there is no heading with that id\(DidYouMean.clause(for: fragment, in: ids.sorted()))",
                      note: "a heading's id is its text in lower case with spaces as hyphens: '## Funding and costs' is #funding-and-costs")
            }
        }
        for link in links {
            switch link.target {
            case .card(let slug, let fragment):
                if cardSlugs.contains(slug) {
                    anchor(fragment, in: "cards/" + slug, link: link)
                } else {
                    error(file, link.mark, "the link '\(link.destination)' points at the card '\(slug)', \(missing(slug))")
                }
            case .guide(let slug, let fragment):
                if guideSlugs.contains(slug) {
                    anchor(fragment, in: "guides/" + slug, link: link)
                } else {
                    error(file, link.mark, "the link '\(link.destination)' points at the guide '\(slug)', which does not exist\(DidYouMean.clause(for: slug, in: guideSlugs.sorted()))")
                }
            case .sameFile(let fragment):
                anchor(fragment, in: selfKey, link: link)
            case .staticFile(let path):
                if !staticFiles.contains(path) {
                    error(file, link.mark, "the link '\(link.destination)' points at 'static/\(path)', which does not exist")
                }
            case .outside:
                error(file, link.mark, "the link '\(link.destination)' leads outside the content folder")
            case .other(let path):
                error(file, link.mark, "the link '\(link.destination)' points at '\(path)', which is not a card, a guide or a file under static/",
                      note: "link to cards as ../cards/SLUG.md and to guides as ../guides/SLUG.md")
            }
        }
    }

    mutating func checkRegionNesting(_ known: Set<String>) {
        let parent = Dictionary(regions.compactMap { r in r.within.map { (r.slug, $0.value) } }, uniquingKeysWith: { a, _ in a })
        for r in regions {
            guard let within = r.within else { continue }
            if !known.contains(within.value) {
                error("regions.yml", within.mark, "the region '\(r.slug)' is within '\(within.value)', which is not a region\(DidYouMean.clause(for: within.value, in: known.sorted()))")
                continue
            }
            // Walk up at most one level past the limit: a loop or a chain too deep shows within it.
            var chain = [r.slug]
            var current: String? = within.value
            while let c = current {
                if c == r.slug {
                    error("regions.yml", within.mark, "the region '\(r.slug)' is within itself through '\(within.value)'; regions must nest without a loop")
                    break
                }
                // A loop further up that does not come back to this region is reported at its own regions.
                if chain.contains(c) { break }
                chain.append(c)
                if chain.count > ContentLimits.regionDepth {
                    // Reported once, at the first region too deep; those below it are too deep through it.
                    if parent[c] == nil {
                        error("regions.yml", within.mark, "the region '\(r.slug)' is \(chain.count) levels deep (\(chain.map { "'\($0)'" }.joined(separator: " within "))); regions may nest at most \(ContentLimits.regionDepth) levels",
                              note: "every card is listed on the page of each region above its own; put this region within one nearer the top")
                    }
                    break
                }
                current = parent[c]
            }
        }
    }
}
