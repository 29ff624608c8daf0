internal import Support
internal import Content

/// The page `whoswho serve` shows instead of the site while the content has errors,
/// or while the site cannot be built at all (a broken theme). Every piece of text
/// from the content is escaped: a card can hold `<script>` in a value.
enum ErrorPage {
    /// A page listing every diagnostic: the errors first, which stop the build, then
    /// the warnings, folded away behind a toggle so that none comes between the reader
    /// and an error. `sourceLine` gives a line of a file (read from disk by default).
    static func diagnostics(_ diagnostics: [Diagnostic], build: Int, sourceLine: ((String, Int) -> String?)? = nil) -> String {
        var cache = SourceLines.Cache()
        let sourceLine = sourceLine ?? { cache.line($1, ofFileAt: $0) }
        let errors = diagnostics.filter(\.isError), warnings = diagnostics.filter { !$0.isError }
        var body = """
            <p>The site is not built until these are fixed. Fix them and save: this page turns back into the site by itself.</p>
            <ol class="errors">
            \(errors.map { item($0, sourceLine: sourceLine) }.joined())</ol>

            """
        if !warnings.isEmpty {
            let count = warnings.count == 1 ? "1 warning, which does" : "\(warnings.count) warnings, which do"
            body += """
                <details class="warnings">
                <summary>\(count) not stop the build</summary>
                <ol>
                \(warnings.map { item($0, sourceLine: sourceLine) }.joined())</ol>
                </details>

                """
        }
        body += """
            <p>Each problem names the file, line and column, then shows the line with the place at fault marked and a <code>^</code> under it. \
            What each message means: CONTRIBUTING.md and docs/content-format.md.</p>
            """
        return page(title: "The content has \(DiagnosticFormat.summary(diagnostics))", body: body, build: build)
    }

    /// One problem: where and what, then the source line in a box of its own that
    /// scrolls sideways rather than wrap, so the caret stays under the character it
    /// points at on a narrow screen; that character is marked too.
    static func item(_ d: Diagnostic, sourceLine: (String, Int) -> String?) -> String {
        let place = d.line > 0 ? "\(d.file):\(d.line):\(d.column)" : d.file
        var out = "<li class=\"\(d.severity.rawValue)\"><p class=\"what\">\(escape("\(place): \(d.severity.rawValue): \(d.message)"))</p>\n"
        if d.line > 0, let line = sourceLine(d.file, d.line) {
            let (before, at, after) = split(line, column: d.column)
            out += "<pre class=\"source\" tabindex=\"0\" aria-label=\"line \(d.line) of the file\">\(escape(before))<mark>\(escape(at))</mark>\(escape(after))\n"
                + String(repeating: " ", count: before.count) + "<span class=\"caret\">^</span></pre>\n"
        }
        if let note = d.note { out += "<p class=\"note\">\(escape("note: " + note))</p>\n" }
        return out + "</li>\n"
    }

    /// `line` as shown (invisible characters named, as on the terminal), cut at
    /// `column` (1-based): the text before it, the character there (a space past the
    /// end of the line), and the rest.
    static func split(_ line: String, column: Int) -> (before: String, at: String, after: String) {
        var before = "", at = "", after = ""
        for (i, scalar) in line.unicodeScalars.enumerated() {
            let text = InvisibleCharacters.names[scalar] ?? (scalar.value < 0x20 ? "?" : String(scalar))
            if i < column - 1 { before += text } else if i == column - 1 { at = text } else { after += text }
        }
        return (before, at.isEmpty ? " " : at, after)
    }

    /// A page for a build that failed for a reason outside the content.
    static func failure(_ message: String, build: Int) -> String {
        page(title: "The site could not be built",
             body: "<pre>\(escape(message))</pre>\n<p>Fix the problem and save: this page reloads by itself.</p>", build: build)
    }

    /// A page shown before the first build is in place.
    static func building(build: Int) -> String {
        page(title: "Building the site…", body: "<p>This page reloads by itself when the site is ready.</p>", build: build)
    }

    static func page(title: String, body: String, build: Int) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · whoswho serve</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; background: #fff; }
        h1 { font-size: 1.5rem; color: #8a1c1c; }
        ol { padding-left: 1.5rem; }
        li { margin: 0 0 1rem; }
        li p { margin: 0; }
        .what { font: 14px/1.4 ui-monospace, monospace; overflow-wrap: anywhere; font-weight: bold; }
        .note { font: 14px/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; border-left: 4px solid #8a1c1c; padding: .75rem 1rem; margin: .25rem 0;
              font: 14px/1.4 ui-monospace, monospace; }
        pre.source { white-space: pre; overflow-wrap: normal; overflow-x: auto; }
        li.warning pre { border-left-color: #8a6d00; }
        mark { background: #ffd966; color: #1b1b1b; outline: 1px solid #8a1c1c; }
        .caret { color: #8a1c1c; font-weight: bold; }
        details.warnings { margin: 1.5rem 0; }
        summary { cursor: pointer; font-weight: bold; }
        </style>
        </head>
        <body>
        <main>
        <h1>\(escape(title))</h1>
        \(body)
        </main>
        \(LiveReload.tag(build: build))
        </body>
        </html>

        """
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
