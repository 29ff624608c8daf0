public import YAML
internal import Markdown

/// The checks that need every file: references between cards, guides, topics,
/// regions and static files, plus the warnings about stale cards and unused terms.
struct CrossCheck {
    let display: @Sendable (String) -> String
    let today: ContentDate
    let topics: [Term]
    let regions: [Term]
    let cards: [ParsedCard]
    let guides: [ParsedGuide]
    let staticFiles: Set<String>
    let cardSlugs: Set<String>
    let guideSlugs: Set<String>
    var diagnostics: [Diagnostic] = []

    init(display: @escaping @Sendable (String) -> String, today: ContentDate, topics: [Term], regions: [Term],
         cards: [ParsedCard], guides: [ParsedGuide], staticFiles: Set<String>, cardSlugs: Set<String>, guideSlugs: Set<String>) {
        self.display = display
        self.today = today
        self.topics = topics
        self.regions = regions
        self.cards = cards
        self.guides = guides
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
        for c in cards { headings["cards/" + c.card.slug] = Set(c.card.body.headings.map(\.id)) }
        for g in guides { headings["guides/" + g.guide.slug] = Set(g.guide.body.headings.map(\.id)) }

        var usedTopics = Set<String>()
        var usedRegions = Set<String>()
        let staleBefore = today.monthsEarlier(24)
        // A day's grace: where the contributor is, it may already be tomorrow.
        let latest = today.nextDay
        for c in cards {
            let file = c.card.file
            vocabulary(c.topics, known: topicSlugs, what: "topic", file: file)
            vocabulary(c.regions, known: regionSlugs, what: "region", file: file)
            usedTopics.formUnion(c.card.topics)
            usedRegions.formUnion(c.card.regions)
            for r in c.related {
                if r.value == c.card.slug {
                    error(file, r.mark, "'related' names this card itself; list other cards")
                } else if !cardSlugs.contains(r.value) {
                    error(file, r.mark, "'related' names the card '\(r.value)', which does not exist\(DidYouMean.clause(for: r.value, in: cardSlugs.sorted()))")
                }
            }
            if let image = c.image, !staticFiles.contains(image.value) {
                error(file, image.mark, "'image' names '\(image.value)', which is not a file under static/\(DidYouMean.clause(for: image.value, in: staticFiles.sorted()))",
                      note: "put the file in the content folder's static/ folder and give its path from there, like images/logo.svg")
            }
            links(c.links, file: file, selfKey: "cards/" + c.card.slug, headings: headings)
            if latest < c.card.updated {
                future(c.card.updated, what: "card", file: file, at: c.updated)
            } else if c.card.updated < staleBefore {
                diagnostics.append(Diagnostic(.warning, file: display(file), at: c.updated,
                    message: "this card was last updated on \(c.card.updated), more than two years ago",
                    note: "ask the card's owner to check it, then set 'updated' to the day they did"))
            }
        }
        for g in guides {
            let file = g.guide.file
            vocabulary(g.topics, known: topicSlugs, what: "topic", file: file)
            vocabulary(g.regions, known: regionSlugs, what: "region", file: file)
            usedTopics.formUnion(g.guide.topics)
            usedRegions.formUnion(g.guide.regions)
            for c in g.cards where !cardSlugs.contains(c.value) {
                error(file, c.mark, "'cards' names the card '\(c.value)', which does not exist\(DidYouMean.clause(for: c.value, in: cardSlugs.sorted()))")
            }
            links(g.links, file: file, selfKey: "guides/" + g.guide.slug, headings: headings)
            if latest < g.guide.updated { future(g.guide.updated, what: "guide", file: file, at: g.updated) }
        }
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
                    error(file, link.mark, "the link '\(link.destination)' points at the card '\(slug)', which does not exist\(DidYouMean.clause(for: slug, in: cardSlugs.sorted()))")
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
