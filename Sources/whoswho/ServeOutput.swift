import Content
import Foundation
import Serve

/// How `whoswho serve` words what a rebuild changed on the terminal: a few paths and a
/// count, not thousands of lines, and the diagnostics that are new or gone, not every
/// warning again.
enum ServeOutput {
    /// How many paths a line names before it says how many more there are.
    static let shown = 5
    /// How many fixed diagnostics are listed, a line each.
    static let shownFixed = 10

    /// "Changed: content/cards/x.md", naming the files that set off the rebuild; nil
    /// for the first build.
    static func sourcesLine(_ sources: [String]) -> String? {
        guard !sources.isEmpty else { return nil }
        return "Changed: " + list(sources.map(relative))
    }

    /// "3 files changed (cards/x/index.html, index.json, …)", or "nothing changed".
    static func siteChanges(_ site: [String]) -> String {
        guard !site.isEmpty else { return "nothing changed" }
        return "\(site.count) file\(site.count == 1 ? "" : "s") changed (\(list(site)))"
    }

    /// " (1 new, 2 fixed)": how the warnings changed since the last build; empty when
    /// none did.
    static func warningDetail(_ changes: DiagnosticChanges) -> String {
        let new = changes.new.filter { !$0.isError }.count, fixed = changes.gone.filter { !$0.isError }.count
        var parts: [String] = []
        if new > 0 { parts.append("\(new) new") }
        if fixed > 0 { parts.append("\(fixed) fixed") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// "; 6796 warnings (1 new, 2 fixed)"; no detail after the first build, and nothing
    /// when there are no warnings and none was fixed.
    static func warningCount(_ diagnostics: [Diagnostic], _ changes: DiagnosticChanges, first: Bool) -> String {
        let warnings = diagnostics.filter { !$0.isError }.count
        let detail = first ? "" : warningDetail(changes)
        guard warnings > 0 || !detail.isEmpty else { return "" }
        return "; \(warnings) warning\(warnings == 1 ? "" : "s")\(detail)"
    }

    /// What goes to standard error: every error first, then each new warning, in full
    /// with its source line, where a kind that comes many times (cards past their review
    /// date, at the first build of a big directory) shows its first few and counts the
    /// rest as `check` does; then each diagnostic fixed since the last build, a line each.
    static func diagnostics(_ all: [Diagnostic], _ changes: DiagnosticChanges) -> String {
        let newWarnings = Set(changes.new.filter { !$0.isError })
        let (warnings, omitted) = DiagnosticGroups.condensed(all.filter { !$0.isError && newWarnings.contains($0) })
        var out = DiagnosticFormat.text.render(all.filter(\.isError) + warnings)
        for group in omitted {
            out += "\(group.count) more new warning\(group.count == 1 ? "" : "s") like: \(group.example.message) (whoswho check --all lists every one)\n"
        }
        let fixed = changes.gone
        for d in fixed.prefix(shownFixed) {
            let place = d.line > 0 ? "\(d.file):\(d.line):\(d.column)" : d.file
            out += "fixed: \(place): \(d.severity.rawValue): \(d.message)\n"
        }
        if fixed.count > shownFixed { out += "fixed: and \(fixed.count - shownFixed) more\n" }
        return out
    }

    /// The first few of `paths`, then how many more.
    static func list(_ paths: [String]) -> String {
        let more = paths.count - shown
        return paths.prefix(shown).joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
    }

    /// `path` relative to the working folder when it is inside it.
    static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }
}
