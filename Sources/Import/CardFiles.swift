internal import Foundation
internal import Content
internal import YAML

/// The card files an import reads and writes: finding the cards an earlier import made,
/// merging a draft into one, and writing each file whole or not at all.
enum CardFiles {
    /// The import key a card's text carries (`service ID`), when an import wrote it.
    static func importKey(in text: String) -> String? {
        guard let begin = text.range(of: CardDraft.beginMarker) else { return nil }
        let rest = text[begin.upperBound...]
        guard let end = rest.range(of: " -->") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    /// `existing` with the draft's feed fields in place of the card's own, its other
    /// fields (and comments) untouched, and its imported text replaced when the markers
    /// are still there. Nil when the card is not a `.md` card with front matter.
    static func merge(_ draft: CardDraft, into existing: String) -> (text: String, bodyKept: Bool)? {
        guard existing.hasPrefix("---\n") else { return nil }
        let afterOpen = existing.dropFirst(4)
        guard let close = afterOpen.range(of: "\n---\n") ?? (afterOpen.hasSuffix("\n---") ? afterOpen.range(of: "\n---", options: .backwards) : nil)
        else { return nil }
        let front = String(afterOpen[..<close.lowerBound]) + "\n"
        let body = String(afterOpen[close.upperBound...])
        guard let root = try? YAMLParser.parse(front), case .mapping(let pairs) = root.value else { return nil }
        var lines = front.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        // Each top-level field runs from its key's line to the line before the next key.
        let starts = pairs.map { $0.key.mark.line - 1 }
        var ranges: [String: Range<Int>] = [:]
        for (n, pair) in pairs.enumerated() {
            var end = n + 1 < starts.count ? starts[n + 1] : lines.count
            // Blank lines and comments at the margin before the next field are not its value.
            while end > starts[n] + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
            ranges[pair.key.scalar ?? ""] = starts[n]..<end
        }
        var replacements: [(Range<Int>, [String])] = []
        var appended: [String] = []
        for field in draft.feedFields {
            // The card's own formats stand: a contributor may have said more, or less, than the feed.
            if field.key == "formats", ranges["formats"] != nil { continue }
            var yaml = field.yaml
            if field.key == "contact", let node = pairs.first(where: { $0.key.scalar == "contact" })?.value {
                yaml = mergedContact(draft, node)
            }
            var newLines = yaml.components(separatedBy: "\n")
            newLines.removeLast()
            if let range = ranges[field.key] {
                replacements.append((range, newLines))
            } else {
                appended += newLines
            }
        }
        for (range, newLines) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            lines.replaceSubrange(range, with: newLines)
        }
        lines += appended
        var newBody = body
        var kept = true
        if let begin = body.range(of: CardDraft.beginMarker), let end = body.range(of: CardDraft.endMarker, range: begin.upperBound..<body.endIndex) {
            newBody = String(body[..<begin.lowerBound]) + draft.importedBlock + String(body[end.upperBound...])
            kept = false
        }
        return ("---\n" + lines.joined(separator: "\n") + "\n---\n" + newBody, kept)
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

    /// Writes `text` to `path` whole or not at all: into a file beside it, then moved into
    /// place. A new file is linked into place, so that a file made meanwhile is never
    /// replaced; an update replaces the file in one step.
    static func write(_ text: String, to path: String, replacing: Bool) throws(ImportFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.\((path as NSString).lastPathComponent).import-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw ImportFailure("cannot write in the folder '\(folder)'")
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw ImportFailure("cannot replace '\(path)': \(reason)")
            }
        } else {
            let linked = link(temporary, path)
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            guard linked == 0 else { throw ImportFailure("cannot create '\(path)': \(reason)") }
        }
    }
}
