import Content
import Serve
import Testing

/// What `whoswho serve` prints after a rebuild rests on this: the diagnostics new and
/// gone since the last build, a warning that only moved counting as neither.
@Suite struct DiagnosticChangesTests {
    static func warning(_ file: String, _ line: Int, _ message: String = "this card was last checked long ago") -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: 1, message: message)
    }

    @Test func theSameDiagnosticsAreNeitherNewNorGone() {
        let all = [Self.warning("a.md", 3), Self.warning("b.md", 8), Diagnostic(.error, file: "c.md", line: 2, column: 7, message: "bad")]
        #expect(DiagnosticChanges.between(all, all) == DiagnosticChanges(new: [], gone: [], kept: 3))
    }

    @Test func atTheFirstBuildEveryDiagnosticIsNew() {
        let all = [Self.warning("b.md", 8), Self.warning("a.md", 3)]
        #expect(DiagnosticChanges.between([], all) == DiagnosticChanges(new: all.sortedForDisplay(), gone: [], kept: 0))
    }

    @Test func aWarningAddedAndOneFixedAreTold() {
        let before = [Self.warning("a.md", 3), Self.warning("b.md", 8)]
        let after = [Self.warning("a.md", 3), Self.warning("c.md", 1, "no summary")]
        #expect(DiagnosticChanges.between(before, after)
            == DiagnosticChanges(new: [Self.warning("c.md", 1, "no summary")], gone: [Self.warning("b.md", 8)], kept: 1))
    }

    /// Lines added above a warning move it; it is still the same warning.
    @Test func aWarningThatMovedIsTheSameOne() {
        let before = [Self.warning("a.md", 3), Self.warning("a.md", 9, "no summary")]
        let after = [Self.warning("a.md", 5), Self.warning("a.md", 11, "no summary")]
        #expect(DiagnosticChanges.between(before, after) == DiagnosticChanges(new: [], gone: [], kept: 2))
    }

    /// Twins are counted: a second copy of a warning is new, and one of two fixed is gone.
    @Test func twinsAreCounted() {
        let one = [Self.warning("a.md", 3, "a link to nowhere")]
        let two = [Self.warning("a.md", 3, "a link to nowhere"), Self.warning("a.md", 9, "a link to nowhere")]
        #expect(DiagnosticChanges.between(one, two) == DiagnosticChanges(new: [Self.warning("a.md", 9, "a link to nowhere")], gone: [], kept: 1))
        #expect(DiagnosticChanges.between(two, one) == DiagnosticChanges(new: [], gone: [Self.warning("a.md", 9, "a link to nowhere")], kept: 1))
    }

    /// A diagnostic that stayed put is paired with itself before a moved twin is paired.
    @Test func anExactMatchIsPairedFirst() {
        let before = [Self.warning("a.md", 5, "x"), Self.warning("a.md", 9, "x")]
        let after = [Self.warning("a.md", 9, "x")]
        #expect(DiagnosticChanges.between(before, after) == DiagnosticChanges(new: [], gone: [Self.warning("a.md", 5, "x")], kept: 1))
    }

    /// The same message in another file, or as an error rather than a warning, is another diagnostic.
    @Test func fileAndSeverityMatter() {
        let warning = Self.warning("a.md", 3, "x")
        let error = Diagnostic(.error, file: "a.md", line: 3, column: 1, message: "x")
        #expect(DiagnosticChanges.between([warning], [error]) == DiagnosticChanges(new: [error], gone: [warning], kept: 0))
        let elsewhere = Self.warning("b.md", 3, "x")
        #expect(DiagnosticChanges.between([warning], [elsewhere]) == DiagnosticChanges(new: [elsewhere], gone: [warning], kept: 0))
    }
}
