internal import Foundation
internal import Content

/// Turns what a feed says of one service or organisation into a card's fields, within the
/// content rules: text cut to each field's length (and the cut reported), addresses that
/// are not web or email addresses kept as facts, postcodes checked.
struct ServiceConverter {
    /// The card the report names, like `cards/memory-cafe.md`.
    let label: String
    var report: ImportReport
    var facts: [FeedFact] = []

    init(label: String, report: ImportReport) {
        self.label = label
        self.report = report
    }

    /// `text` cleaned and cut to `max` characters; a cut is reported and the whole text kept as a fact.
    mutating func fit(_ text: String?, max: Int, field: String) -> String? {
        guard let text else { return nil }
        let clean = TextCleaner.clean(text)
        guard !clean.isEmpty else { return nil }
        let (out, wasCut) = TextCut.cut(clean, max: max)
        if wasCut {
            report.cut.append("\(label): \(field) cut from \(clean.count) to \(out.count) characters\(out.hasSuffix("…") ? " at a word" : " at a sentence")")
            if field != "summary" { facts.append(FeedFact(path: field + " (in full)", value: clean)) }
        }
        return out
    }

    /// A web address a card may hold, mended where the mistake is plain (`www.…`,
    /// `http:www.…`, `https:/…`, a full stop after it); else nil, and the value kept as a fact.
    mutating func website(_ raw: String?, field: String) -> String? {
        guard let raw else { return nil }
        var url = TextCleaner.clean(raw)
        while let last = url.last, ".,;".contains(last) { url.removeLast() }
        let lower = url.lowercased()
        for (bad, good) in [("http:www.", "http://www."), ("https:www.", "https://www."), ("https:/", "https://"), ("http:/", "http://")]
        where lower.hasPrefix(bad) && !lower.hasPrefix(good.prefix(bad.count + 1)) {
            url = good + url.dropFirst(bad.count)
            break
        }
        if url.lowercased().hasPrefix("www.") { url = "https://" + url }
        if WebAddress.isHTTP(url), url.count <= 2000 { return url }
        facts.append(FeedFact(path: field, value: raw))
        report.dropped.append("\(label): '\(raw)' in '\(field)' is not a web address; kept in the card's text")
        return nil
    }

    /// An email address a card may hold; else nil, and the value kept as a fact.
    mutating func email(_ raw: String?, field: String) -> String? {
        guard let raw else { return nil }
        var email = TextCleaner.clean(raw)
        if email.lowercased().hasPrefix("mailto:") { email = String(email.dropFirst(7)) }
        while let last = email.last, ".,;".contains(last) { email.removeLast() }
        if WebAddress.isEmail(email), email.count <= 254 { return email }
        facts.append(FeedFact(path: field, value: raw))
        report.dropped.append("\(label): '\(raw)' in '\(field)' is not an email address; kept in the card's text")
        return nil
    }

    /// The description as Markdown, within the body's limit; what was dropped is reported.
    mutating func description(_ html: String?) -> String {
        guard let html else { return "" }
        let source = html.contains("<") ? html : html.components(separatedBy: "\n\n").map { "<p>" + $0.replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined()
        var converter = HTMLToMarkdown()
        var markdown = converter.convert(source)
        for d in converter.dropped { report.dropped.append("\(label): \(d)") }
        let limit = ContentLimits.maxBodyBytes - 8 * 1024
        if markdown.utf8.count > limit {
            let whole = markdown.utf8.count
            markdown = Self.cut(markdown, bytes: limit)
            report.cut.append("\(label): the description was \(whole) bytes; cut to \(markdown.utf8.count) at the end of a paragraph or word, to stay within a card's 64 KiB of text")
        }
        return markdown
    }

    /// Markdown cut to at most `bytes`: after the last whole paragraph that fits, or
    /// within a paragraph after its last whole word that fits, with an ellipsis.
    static func cut(_ markdown: String, bytes: Int) -> String {
        var kept = ""
        for block in markdown.components(separatedBy: "\n\n") {
            if kept.utf8.count + block.utf8.count + 2 <= bytes {
                kept += (kept.isEmpty ? "" : "\n\n") + block
                continue
            }
            let room = bytes - kept.utf8.count - 8
            var part = ""
            for word in block.split(separator: " ", omittingEmptySubsequences: false) {
                if part.utf8.count + word.utf8.count + 1 > room { break }
                part += (part.isEmpty ? "" : " ") + word
            }
            // A cut may not leave a dangling backslash or an unclosed bracket behind it.
            while let last = part.last, "\\[(<*_".contains(last) { part.removeLast() }
            if !part.isEmpty { kept += (kept.isEmpty ? "" : "\n\n") + part + " …" }
            break
        }
        return kept
    }

    /// The places a card may hold: each with a name or a whole address (lines, town and a
    /// valid postcode); what does not fit is kept as a fact.
    mutating func locations(_ places: [FeedLocation]) -> [CardLocation] {
        var out: [CardLocation] = []
        for (n, p) in places.enumerated() {
            let field = "location \(n + 1)"
            var place = CardLocation()
            var lines = p.addressLines.compactMap { fit($0, max: 120, field: field + " address") }
            let postcode = p.postcode.flatMap(Postcode.normalized)
            if let raw = p.postcode, postcode == nil {
                facts.append(FeedFact(path: field + " postcode", value: raw))
                report.dropped.append("\(label): '\(raw)' is not a UK postcode; kept in the card's text")
            }
            let town = fit(p.town, max: 80, field: field + " town")
            place.name = fit(p.name, max: 120, field: field + " name")
            if let town, let postcode {
                if lines.count > ContentLimits.addressLines {
                    facts.append(FeedFact(path: field + " address", value: lines.joined(separator: ", ")))
                    lines = Array(lines.prefix(ContentLimits.addressLines))
                }
                (place.address, place.town, place.postcode) = (lines, town, postcode)
                place.county = fit(p.county, max: 80, field: field + " county")
            } else {
                let said = (lines + [town, p.county].compactMap { $0 }).joined(separator: ", ")
                if !said.isEmpty { facts.append(FeedFact(path: field + " address", value: said)) }
                if place.name == nil, let first = lines.first { place.name = first }
            }
            if let lat = p.latitude, let lon = p.longitude {
                if (49...61).contains(lat), (-9...2.5).contains(lon) { (place.latitude, place.longitude) = (lat, lon) } else {
                    facts.append(FeedFact(path: field + " map position", value: "\(lat), \(lon)"))
                    report.dropped.append("\(label): the map position \(lat), \(lon) is not in the UK (or is swapped); kept in the card's text")
                }
            }
            place.accessibility = fit(p.accessibility.joined(separator: "; "), max: 500, field: field + " accessibility")
            guard place.name != nil || place.town != nil else { continue }
            if out.contains(place) { continue }
            if out.count == ContentLimits.locationsPerCard {
                facts.append(FeedFact(path: field, value: [place.name, place.postcode].compactMap { $0 }.joined(separator: ", ")))
                continue
            }
            out.append(place)
        }
        return out
    }

    /// Who it is for: the feed's words and its ages, within 500 characters.
    mutating func eligibility(_ s: FeedService) -> String? {
        var parts = s.eligibility
        switch (s.minimumAge.map { Int($0) }, s.maximumAge.map { Int($0) }) {
        case let (min?, max?): parts.append("Ages \(min) to \(max)")
        case let (min?, nil): parts.append("Ages \(min) and over")
        case let (nil, max?): parts.append("Ages up to \(max)")
        default: break
        }
        parts = Self.distinct(parts)
        return fit(parts.isEmpty ? nil : parts.joined(separator: "; "), max: 500, field: "eligibility")
    }

    /// `parts` with each said once: a feed often gives the same words in its
    /// eligibility description and again as an eligibility record or attribute
    /// ("Adults", "adults."). The first way of writing them is kept.
    static func distinct(_ parts: [String]) -> [String] {
        var seen: Set<String> = []
        return parts.filter { part in
            var key = part.lowercased()
            while let last = key.last, last == "." || last.isWhitespace { key.removeLast() }
            while let first = key.first, first.isWhitespace { key.removeFirst() }
            return !key.isEmpty && seen.insert(key).inserted
        }
    }

    /// What it costs: free when the feed says free and nothing else, else its words.
    mutating func cost(_ s: FeedService) -> Cost? {
        var words = s.fees.map(TextCleaner.clean)
        var free = false
        for c in s.costs {
            if let a = c.amount, a == 0, c.description == nil { free = true; continue }
            let amount = c.amount.map { $0 == $0.rounded() ? "£\(Int($0))" : "£" + String(format2: $0) }
            let said = [[c.option, amount].compactMap { $0 }.joined(separator: ": "), c.description ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
            if !said.isEmpty { words.append(said) }
        }
        words = words.filter { !$0.isEmpty }
        if words.allSatisfy({ ["free", "free of charge", "no cost", "none", "£0", "0"].contains($0.lowercased().trimmingCharacters(in: [".", " "])) }),
           free || !words.isEmpty {
            return .free
        }
        return fit(words.joined(separator: "; "), max: 200, field: "cost").map { Cost.text($0) }
    }

    /// The ways in the feed's words name, and the words kept as a fact.
    mutating func referral(_ access: [String]) -> [Referral] {
        var out: [Referral] = []
        for text in access {
            let t = text.lowercased()
            var found: [Referral] = []
            if t.contains("drop-in") || t.contains("drop in") || t.contains("just turn up") { found.append(.dropIn) }
            if t.contains("self-referral") || t.contains("self referral") || t.contains("self-refer") { found.append(.selfReferral) }
            if t.contains("appointment") { found.append(.appointment) }
            if t.replacingOccurrences(of: "self-referral", with: "").replacingOccurrences(of: "self referral", with: "").contains("referral")
                || t.contains("referred by") || t.contains("gp ") { found.append(.professionalReferral) }
            for r in found where !out.contains(r) { out.append(r) }
            let bare = ["drop-in", "drop in", "self-referral", "self referral", "appointment", "referral"].contains(t)
            if !bare { facts.append(FeedFact(path: "how to get in", value: text)) }
        }
        return out
    }

    /// The words of attending types that say one of a card's formats, lower-cased.
    static let formatWords: [String: Format] = [
        "venue": .inPerson, "in person": .inPerson, "in-person": .inPerson, "face to face": .inPerson, "face-to-face": .inPerson,
        "online": .online, "virtual": .online, "video": .online, "video call": .online,
        "phone": .phone, "telephone": .phone, "by phone": .phone, "by telephone": .phone,
        "text": .text, "text message": .text, "sms": .text,
        "group": .group, "one-to-one": .oneToOne, "one to one": .oneToOne, "1:1": .oneToOne,
    ]

    /// The card's formats from the feed's attending types (`Venue`, `Online`, `Phone`, or a
    /// list of them such as `Venue, Online`): an attending type any part of which says
    /// no format, such as a sentence, is kept as a fact, where the feed said it.
    mutating func formats(_ attending: [FeedFact]) -> [Format] {
        var out: [Format] = []
        for fact in attending {
            let parts = fact.value.lowercased().split(whereSeparator: { ",;/".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let found = parts.compactMap { Self.formatWords[$0] }
            for f in found where !out.contains(f) { out.append(f) }
            if found.isEmpty || found.count < parts.count { facts.append(fact) }
        }
        return out
    }

    /// Language tags for the feed's languages, by tag or English name; the rest kept as facts.
    mutating func languages(_ names: [String]) -> [String] {
        var out: [String] = []
        for name in names {
            let lower = name.lowercased()
            let tag = LanguageNames.table[lower] != nil ? lower
                : LanguageNames.table.filter({ $0.value.lowercased() == lower }).map(\.key).sorted().first
            if let tag {
                if !out.contains(tag) { out.append(tag) }
            } else {
                facts.append(FeedFact(path: "language", value: name))
            }
        }
        return out
    }
}

extension String {
    /// A number with two decimal places, as a price is written.
    init(format2 value: Double) {
        let pence = Int((value * 100).rounded())
        let p = pence % 100
        self = "\(pence / 100)." + (p < 10 ? "0" : "") + String(p)
    }
}
