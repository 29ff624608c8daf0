public import Content

/// How the diagnostics of one build differ from the last: those that are new and those
/// that are gone. The preview prints only these (and every error), not every warning
/// again at each save.
///
/// A diagnostic is the same one when its severity, file, message and note are: its
/// line and column may move when lines are added above it, and that makes it neither
/// new nor fixed. Two alike in one file are counted, so a second copy of a warning is new.
public struct DiagnosticChanges: Sendable, Equatable {
    /// In the new build and not the last, in display order.
    public var new: [Diagnostic]
    /// In the last build and not the new one, in display order, as they were.
    public var gone: [Diagnostic]
    /// How many are in both.
    public var kept: Int

    /// Creates the changes from their parts.
    public init(new: [Diagnostic], gone: [Diagnostic], kept: Int) {
        self.new = new
        self.gone = gone
        self.kept = kept
    }

    /// What is new and gone in `current` since `previous`. An exact match is paired
    /// first, then one that only moved, so a warning that stayed put is never taken for
    /// a moved twin.
    public static func between(_ previous: [Diagnostic], _ current: [Diagnostic]) -> DiagnosticChanges {
        var unmatched: [Diagnostic: Int] = [:]
        for d in previous { unmatched[d, default: 0] += 1 }
        var rest: [Diagnostic] = []
        var kept = 0
        for d in current {
            if let count = unmatched[d], count > 0 {
                unmatched[d] = count - 1
                kept += 1
            } else {
                rest.append(d)
            }
        }
        var moved: [Identity: Int] = [:]
        var leftOver: [Diagnostic] = []
        for d in previous where (unmatched[d] ?? 0) > 0 {
            unmatched[d, default: 0] -= 1
            leftOver.append(d)
            moved[Identity(d), default: 0] += 1
        }
        var new: [Diagnostic] = []
        for d in rest {
            if let count = moved[Identity(d)], count > 0 {
                moved[Identity(d)] = count - 1
                kept += 1
            } else {
                new.append(d)
            }
        }
        var gone: [Diagnostic] = []
        for d in leftOver.reversed() {
            if let count = moved[Identity(d)], count > 0 {
                moved[Identity(d)] = count - 1
                gone.append(d)
            }
        }
        return DiagnosticChanges(new: new.sortedForDisplay(), gone: gone.sortedForDisplay(), kept: kept)
    }

    /// What makes two diagnostics the same one wherever they point.
    struct Identity: Hashable {
        var severity: Diagnostic.Severity
        var file: String
        var message: String
        var note: String?

        init(_ d: Diagnostic) {
            severity = d.severity
            file = d.file
            message = d.message
            note = d.note
        }
    }
}
