internal import Content
internal import Foundation
internal import YAML

/// An update of a card an earlier import made, in a Markdown card's front matter or in a
/// `.yml` card: the feed's fields in place of the card's own, the topics and regions
/// re-mapped by what changed since the last import (`ImportedVocabulary`), the import's
/// marked text replaced, and every other line (the maintainer's fields and comments) kept
/// as it is.
///
/// The card is edited line by line: each top-level field runs from its key's line to the
/// line before the next key, and only the fields that change are written again. So a
/// comment on a line of its own between fields is kept; one inside a field the update
/// writes again (or at the end of its line) goes with the old value.
struct CardMerge {
    /// The card as the update leaves it.
    struct Merged {
        var text: String
        /// True when the card's text has no import markers, so it was left as it is.
        var bodyKept: Bool
        /// What changed in the topics and regions, for the report (`topics +a −b`).
        var vocabulary: [String] = []
        /// Topics or regions over the limit a card may list, for the report.
        var cut: [String] = []
        /// Comments on lines of their own inside a field written again, which went with
        /// its old value, for the report.
        var lostComments: [String] = []
    }

    let draft: CardDraft
    var lines: [String]
    var pairs: [Pair]
    var ranges: [String: Range<Int>] = [:]
    var edits: [(range: Range<Int>, lines: [String])] = []
    var merged: Merged

    /// The card `existing` (a `.yml` card when `isYAML`) with `draft` merged in; nil when
    /// it is a Markdown card without front matter, or its YAML cannot be read.
    static func merge(_ draft: CardDraft, into existing: String, isYAML: Bool) -> Merged? {
        let front: String, body: String?
        if isYAML {
            (front, body) = (existing.hasSuffix("\n") ? existing : existing + "\n", nil)
        } else {
            guard let split = frontMatter(existing) else { return nil }
            (front, body) = split
        }
        guard let root = try? YAMLParser.parse(front), case .mapping(let pairs) = root.value else { return nil }
        var m = CardMerge(draft: draft, lines: front.components(separatedBy: "\n"), pairs: pairs, merged: Merged(text: "", bodyKept: true))
        if m.lines.last == "" { m.lines.removeLast() }
        m.findRanges()
        m.feedFields(beforeLine: isYAML ? m.ranges["about"]?.lowerBound : nil)
        var record: ImportedVocabulary?
        var newBody = body
        if let body {
            if let replaced = Self.replacingBlock(in: body, with: draft.importedBlock) {
                (newBody, record, m.merged.bodyKept) = (replaced, ImportedVocabulary.recorded(in: body), false)
            }
        } else if let about = m.value("about")?.scalar, let range = m.ranges["about"],
                  let replaced = Self.replacingBlock(in: about, with: draft.importedBlock) {
            (record, m.merged.bodyKept) = (ImportedVocabulary.recorded(in: about), false)
            if replaced != about { m.edits.append((range, Self.literal("about", replaced))) }
        }
        // Without a record of what the last import wrote, the card's topics and regions are
        // all taken as the maintainer's: left as they are.
        if let record {
            m.vocabulary("topics", before: record.topics, now: draft.topics, limit: ContentLimits.topicsPerEntry)
            m.vocabulary("regions", before: record.regions, now: draft.regions, limit: ContentLimits.regionsPerEntry)
        }
        // From the bottom up, so that each range still points at its lines; at one line, a
        // replacement before an insertion, so that the insertion lands above it.
        for edit in m.edits.sorted(by: { ($0.range.lowerBound, $0.range.isEmpty ? 0 : 1) > ($1.range.lowerBound, $1.range.isEmpty ? 0 : 1) }) {
            m.lines.replaceSubrange(edit.range, with: edit.lines)
        }
        let yaml = m.lines.joined(separator: "\n") + "\n"
        m.merged.text = newBody.map { "---\n" + yaml + "---\n" + $0 } ?? yaml
        return m.merged
    }

    /// A Markdown card's front matter (with its last line break) and the text after it.
    static func frontMatter(_ text: String) -> (front: String, body: String)? {
        guard text.hasPrefix("---\n") else { return nil }
        let afterOpen = text.dropFirst(4)
        guard let close = afterOpen.range(of: "\n---\n") ?? (afterOpen.hasSuffix("\n---") ? afterOpen.range(of: "\n---", options: .backwards) : nil)
        else { return nil }
        return (String(afterOpen[..<close.lowerBound]) + "\n", String(afterOpen[close.upperBound...]))
    }

    func value(_ key: String) -> Node? { pairs.first { $0.key.scalar == key }?.value }

    /// Each top-level field's lines, from its key's line to the line before the next key;
    /// blank lines and comments at the margin before the next field are not its value.
    mutating func findRanges() {
        let starts = pairs.map { $0.key.mark.line - 1 }
        for (n, pair) in pairs.enumerated() {
            var end = n + 1 < starts.count ? starts[n + 1] : lines.count
            while end > starts[n] + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
            ranges[pair.key.scalar ?? ""] = starts[n]..<end
        }
    }

    /// The feed's fields in place of the card's; those the card lacks go at its end, or
    /// above `beforeLine` (a `.yml` card's `about`, so that its text stays last).
    mutating func feedFields(beforeLine: Int?) {
        var appended: [String] = []
        for field in draft.feedFields {
            // The card's own formats stand: a contributor may have said more, or less, than the feed.
            if field.key == "formats", ranges["formats"] != nil { continue }
            var yaml = field.yaml
            if field.key == "contact", let node = value("contact") { yaml = Self.mergedContact(draft, node) }
            var newLines = yaml.components(separatedBy: "\n")
            newLines.removeLast()
            if let range = ranges[field.key] { replace(field.key, range, with: newLines) } else { appended += newLines }
        }
        if !appended.isEmpty {
            let at = beforeLine ?? lines.count
            edits.append((at..<at, appended))
        }
    }

    /// The card's topics or regions after the update (`ImportedVocabulary.merge`), written
    /// again only when they change.
    mutating func vocabulary(_ key: String, before: [String], now: [String], limit: Int) {
        guard let range = ranges[key], let node = value(key) else { return }
        let card: [String]
        switch node.value {
        case .sequence(let items): card = items.compactMap(\.scalar)
        case .scalar: card = node.scalar.map { [$0] } ?? []
        case .mapping: return
        }
        let (list, left) = ImportedVocabulary.merge(card: card, before: before, now: now, limit: limit)
        guard list != card else { return }
        replace(key, range, with: [key + ":"] + YAMLWriter.blockList(list, indent: 2).split(separator: "\n").map(String.init))
        let added = list.filter { !card.contains($0) }.map { "+" + $0 }, removed = card.filter { !list.contains($0) }.map { "−" + $0 }
        merged.vocabulary.append(key + " " + (added + removed).joined(separator: " "))
        if !left.isEmpty {
            merged.cut.append("more than \(limit) \(key); \(left.joined(separator: ", ")) left out (the card keeps its first \(limit))")
        }
    }

    /// Writes field `key` (its lines `range`) again as `newLines`, unless only comments
    /// tell them apart; a comment on a line of its own inside a list or mapping that
    /// changes is noted as lost.
    mutating func replace(_ key: String, _ range: Range<Int>, with newLines: [String]) {
        let isCollection = value(key).map { $0.scalar == nil } ?? false
        let comments = isCollection ? lines[range].filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") } : []
        guard lines[range].filter({ !comments.contains($0) }) != newLines else { return }
        merged.lostComments += comments.map { "'\(key)': \($0.trimmingCharacters(in: .whitespaces))" }
        edits.append((range, newLines))
    }

    /// `text` with the import's marked section replaced by `block`; nil without the markers.
    static func replacingBlock(in text: String, with block: String) -> String? {
        guard let begin = text.range(of: CardDraft.beginMarker),
              let end = text.range(of: CardDraft.endMarker, range: begin.upperBound..<text.endIndex) else { return nil }
        return String(text[..<begin.lowerBound]) + block + String(text[end.upperBound...])
    }

    /// `key: |` and `text` indented under it, as a `.yml` card writes its `about`; in
    /// double quotes on one line when the text holds a character a literal block cannot.
    static func literal(_ key: String, _ text: String) -> [String] {
        var trimmed = Substring(text)
        while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
        let unwritable = trimmed.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || [0x85, 0x2028, 0x2029, 0xFEFF].contains(s.value)
        }
        guard !unwritable, !trimmed.isEmpty else { return [key + ": " + YAMLWriter.quoted(text)] }
        let body = trimmed.components(separatedBy: "\n")
        // A first line that starts with a space would be read as the block's indentation.
        let indicator = body[0].first.map { $0 == " " || $0 == "\t" } ?? true ? "2" : ""
        return [key + ": |" + indicator] + body.map { $0.isEmpty ? "" : "  " + $0 }
    }

    /// The card's contact with the feed's addresses in place of its own, and any it
    /// has that the feed does not give kept.
    static func mergedContact(_ draft: CardDraft, _ node: Node) -> String {
        var values: [String: String] = [:]
        if case .mapping(let pairs) = node.value {
            for pair in pairs { if let k = pair.key.scalar, let v = pair.value.scalar { values[k] = v } }
        }
        if let w = draft.contact.website { values["website"] = w }
        if let e = draft.contact.email { values["email"] = e }
        if let p = draft.contact.phone { values["phone"] = p }
        return "contact:\n" + ["website", "email", "phone"].compactMap { k in values[k].map { "  \(k): " + YAMLWriter.scalar($0) + "\n" } }.joined()
    }
}
