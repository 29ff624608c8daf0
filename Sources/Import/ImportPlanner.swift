internal import Foundation
internal import Content

/// Turns the services read from a feed into card drafts: one card for each record (two
/// records with one id become two cards), one organisation card for each organisation,
/// topics and regions found through the matcher.
struct ImportPlanner {
    let today: ContentDate
    let fallbackRegion: String?
    let fallbackTopic: String?
    var matcher: VocabularyMatcher
    var report = ImportReport()
    /// Services with no topic or no region to go on, for the error that names them.
    var withoutTopic: [String] = []
    var withoutRegion: [String] = []

    /// A key as the card's text can hold it: letters, digits and `-#.:` only.
    static func key(_ kind: String, _ id: String) -> String {
        let safe = String(id.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-#.:_".contains($0)) }.prefix(100))
        return kind + " " + safe.replacingOccurrences(of: "--", with: "-")
    }

    mutating func drafts(_ services: [FeedService], sources: [String: FeedSource]) -> (services: [CardDraft], organisations: [CardDraft]) {
        var seen: [String: Int] = [:]
        var drafts: [CardDraft] = []
        var orgServices: [String: [Int]] = [:]
        var orgOrder: [(key: String, org: FeedOrganization)] = []
        let idCounts = Dictionary(grouping: services.compactMap { $0.id?.lowercased() }, by: { $0 }).mapValues(\.count)
        for s in services {
            let id = s.id?.lowercased()
            var key = Self.key("service", id ?? "\(s.file)#record-\(s.position)")
            var isFirst = true
            if let id {
                seen[id, default: 0] += 1
                if seen[id]! > 1 { key += "#\(seen[id]!)"; isFirst = false }
            }
            var draft = service(s, key: key, source: sources[s.file] ?? FeedSource())
            if let id, OpenReferralID.isUUID(id), isFirst { draft.details.orukID = id }
            if let id, (idCounts[id] ?? 0) > 1 {
                draft.facts.insert(FeedFact(path: "id shared", value: "the feed gives this id to \(idCounts[id]!) records; this is record \(seen[id]!) of them"), at: 0)
            }
            if let org = s.organization, org.name != nil || org.id != nil {
                let orgKey = Self.key("organization", org.id?.lowercased() ?? SlugMaker.slug(org.name ?? "", maxLength: 80))
                if orgServices[orgKey] == nil { orgOrder.append((orgKey, org)) }
                orgServices[orgKey, default: []].append(drafts.count)
                draft.details.organisation = orgKey
            }
            drafts.append(draft)
        }
        let organisations = orgOrder.map { organisation($0.org, key: $0.key, runs: orgServices[$0.key, default: []].map { drafts[$0] }) }
        return (drafts, organisations)
    }

    /// One service's card.
    mutating func service(_ s: FeedService, key: String, source: FeedSource) -> CardDraft {
        let shownName = s.name.map(TextCleaner.clean).flatMap { $0.isEmpty ? nil : $0 }
        var c = ServiceConverter(label: "\(s.file) #\(s.position)" + (shownName.map { " '\($0)'" } ?? ""), report: report)
        defer { report = c.report }
        var name = c.fit(s.name, max: 120, field: "name") ?? ""
        if name.isEmpty {
            name = "Unnamed service \(s.position) of \(s.file)"
            c.report.warnings.append("record \(s.position) of \(s.file) has no name; its card is called '\(name)'")
        }
        let plain = s.descriptionHTML.map(TextCleaner.plain(fromHTML:)) ?? ""
        var summary = c.fit(plain, max: 280, field: "summary") ?? ""
        if summary.isEmpty {
            let org = s.organization?.name.map(TextCleaner.clean)
            summary = String((org.map { "A service run by \($0)." } ?? "A service listed in \(s.file).").prefix(280))
            c.report.warnings.append("\(c.label) has no description; its summary says only who runs it or where it was listed")
        }
        var draft = CardDraft(key: key, slug: "", kind: .group, name: name, summary: summary, updated: updated(s.assured))
        draft.status = Self.status(s.status, &c)
        draft.description = c.description(s.descriptionHTML)
        draft.contact.website = c.website(s.url, field: "url")
        draft.contact.email = c.email(s.email, field: "email")
        if let phone = s.phones.first { draft.contact.phone = c.fit(phone, max: 40, field: "phone") }
        for extra in s.phones.dropFirst() { c.facts.append(FeedFact(path: "phone", value: extra)) }
        draft.details.locations = c.locations(s.locations)
        let schedule = ScheduleConverter.convert(s.schedules)
        draft.details.meets = schedule.meets
        c.facts += schedule.facts
        if schedule.cut { c.report.cut.append("\(c.label): the times cut to 280 characters; in full in the card's text") }
        draft.details.eligibility = c.eligibility(s)
        draft.details.cost = c.cost(s)
        draft.details.referral = c.referral(s.access)
        draft.formats = c.formats(s.attending)
        draft.details.languages = c.languages(s.languages)
        draft.topics = topics(s.terms, label: c.label, facts: &c.facts)
        draft.regions = regions(s, label: c.label, facts: &c.facts)
        draft.source = Self.source(s, source)
        draft.facts = c.facts + s.facts
        return draft
    }

    mutating func topics(_ terms: [String], label: String, facts: inout [FeedFact]) -> [String] {
        var out: [String] = []
        for term in terms {
            for slug in matcher.topics(for: term) where !out.contains(slug) { out.append(slug) }
        }
        if out.isEmpty, let fallbackTopic { out = [fallbackTopic] }
        if out.isEmpty { withoutTopic.append(label) }
        if out.count > ContentLimits.topicsPerEntry {
            report.cut.append("\(label): \(out.count) topics; the first \(ContentLimits.topicsPerEntry) kept, the rest named in the card's text")
            facts.append(FeedFact(path: "more topics", value: out.dropFirst(ContentLimits.topicsPerEntry).joined(separator: ", ")))
            out = Array(out.prefix(ContentLimits.topicsPerEntry))
        }
        return out
    }

    mutating func regions(_ s: FeedService, label: String, facts: inout [FeedFact]) -> [String] {
        let places = s.serviceAreas + s.locations.flatMap { [$0.town, $0.county, $0.name].compactMap { $0 } }
        var out = matcher.regions(places: places, postcodes: s.locations.compactMap { $0.postcode.flatMap(Postcode.normalized) })
        if out.isEmpty, let fallbackRegion { out = [fallbackRegion] }
        if out.isEmpty { withoutRegion.append(label) }
        if out.count > ContentLimits.regionsPerEntry {
            facts.append(FeedFact(path: "more regions", value: out.dropFirst(ContentLimits.regionsPerEntry).joined(separator: ", ")))
            out = Array(out.prefix(ContentLimits.regionsPerEntry))
        }
        for area in s.serviceAreas { facts.append(FeedFact(path: "service area", value: area)) }
        return out
    }

    /// The date the publisher last checked the record, when it is a date not after
    /// today; else today.
    func updated(_ text: String?) -> ContentDate {
        guard let text, let date = ContentDate(String(text.prefix(10))), date <= today else { return today }
        return date
    }

    static func status(_ text: String?, _ c: inout ServiceConverter) -> Status {
        switch text?.lowercased() {
        case nil, "active": return .active
        case "inactive", "temporarily closed", "temporarily_closed": return .paused
        case "defunct", "closed": return .closed
        case let other?:
            c.facts.append(FeedFact(path: "status", value: other))
            return .active
        }
    }

    static func source(_ s: FeedService, _ feed: FeedSource) -> [FeedFact] {
        var out = [FeedFact(path: "Source", value: "\(s.file), \(s.form.rawValue), record \(s.position)" + (s.id.map { ", id \($0)" } ?? ""))]
        if let p = feed.publisher { out.append(FeedFact(path: "Publisher", value: p)) }
        if let l = feed.licence { out.append(FeedFact(path: "Licence", value: l)) }
        return out
    }

    /// The card of an organisation, with the topics and regions of what it runs; one that
    /// says nothing of itself is summed up by the services it runs, with a warning.
    mutating func organisation(_ o: FeedOrganization, key: String, runs: [CardDraft]) -> CardDraft {
        let label = "'\(o.name.map(TextCleaner.clean) ?? key)'"
        var c = ServiceConverter(label: label, report: report)
        defer { report = c.report }
        let name = c.fit(o.name, max: 120, field: "name") ?? "Organisation \(key.dropFirst("organization ".count))"
        var summary = c.fit(o.descriptionHTML.map(TextCleaner.plain(fromHTML:)), max: 280, field: "summary") ?? ""
        if summary.isEmpty {
            var names: [String] = []
            for r in runs where !names.contains(r.name) { names.append(r.name) }
            let listed = names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
            summary = TextCut.cut("Runs \(listed).", max: 280).text
            c.report.warnings.append("\(label) says nothing of itself in the feed; its summary was made from what it runs: \"\(summary)\"")
        }
        var draft = CardDraft(key: key, slug: "", kind: .organisation, name: name, summary: summary,
                              updated: runs.map(\.updated).max() ?? today)
        draft.description = c.description(o.descriptionHTML)
        draft.contact.website = c.website(o.website, field: "organization.website")
        draft.contact.email = c.email(o.email, field: "organization.email")
        for r in runs {
            for t in r.topics where !draft.topics.contains(t) && draft.topics.count < ContentLimits.topicsPerEntry { draft.topics.append(t) }
            for g in r.regions where !draft.regions.contains(g) && draft.regions.count < ContentLimits.regionsPerEntry { draft.regions.append(g) }
        }
        if let id = o.id?.lowercased(), OpenReferralID.isUUID(id) { draft.details.orukID = id }
        draft.source = [FeedFact(path: "Source", value: "the organization of \(runs.count) service\(runs.count == 1 ? "" : "s") in the feed" + (o.id.map { ", id \($0)" } ?? ""))]
            + (runs.first?.source.dropFirst() ?? [])
        draft.facts = c.facts + o.facts
        return draft
    }
}
