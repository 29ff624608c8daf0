internal import Markdown
internal import Content

/// The page `whoswho serve` shows instead of the site while the content has errors,
/// or while the site cannot be built at all (a broken theme). Every piece of text
/// from the content is escaped: a card can hold `<script>` in a value.
enum ErrorPage {
    /// A page listing every diagnostic, errors first as the checker sorts them.
    static func diagnostics(_ diagnostics: [Diagnostic], build: Int) -> String {
        let summary = DiagnosticFormat.summary(diagnostics)
        var items = ""
        var cache = SourceLines.Cache()
        for d in diagnostics {
            let text = DiagnosticFormat.text.render([d]) { file, line in cache.line(line, ofFileAt: file) }
            items += "<li class=\"\(d.severity.rawValue)\"><pre>\(escape(text))</pre></li>\n"
        }
        return page(title: "The content has \(summary)",
                    body: """
                        <p>The site is not built until these are fixed. Fix them and save: this page turns back into the site by itself.</p>
                        <ol>
                        \(items)</ol>
                        <p>Each problem names the file, line and column, then shows the line with a <code>^</code> under the place at fault. \
                        What each message means: CONTRIBUTING.md and docs/content-format.md.</p>
                        """, build: build)
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
        li.warning pre { border-left-color: #8a6d00; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; border-left: 4px solid #8a1c1c; padding: .75rem 1rem; margin: 0;
              font: 14px/1.4 ui-monospace, monospace; }
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
