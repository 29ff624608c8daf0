internal import Support
internal import Foundation

/// Live reload: a small script added to every HTML page as it is served (never to
/// the built files) that long-polls the server and, when a new build is in place,
/// reloads the page only if the build changed it or a stylesheet, script or image it
/// uses. Pages the build left alone stay as they are, scrolled and filled in.
enum LiveReload {
    /// The folder of the server's own addresses. A site file there would be hidden
    /// by them; no page, asset or data file of a build is named like it.
    static let prefix = "/__whoswho/"
    /// The script's address.
    static let scriptPath = prefix + "live.js"
    /// The long-poll address: `wait?build=N` answers once the build differs from N.
    static let waitPath = prefix + "wait"
    /// How long one long-poll waits before answering with the same build.
    static let waitSeconds = 25

    /// The script. An external file, not inline, so a theme's Content-Security-Policy
    /// of `script-src 'self'` still lets it run. It reads its build, and the site file
    /// its page was served from, from its own URL. The server answers a long-poll with
    /// `{"build":N}` while nothing changed, then with the site's files changed since
    /// (`"changed"`, paths like `/cards/x/index.html`), or `"all":true` when every page
    /// must reload (the site turned into the list of problems, or back).
    static let script = """
        // whoswho serve: reload this page when a rebuild changes it.
        (function () {
          "use strict";
          var me = document.currentScript;
          if (!me) return;
          var mine = new URL(me.src);
          var build = mine.searchParams.get("build");
          var served = mine.searchParams.get("file");
          if (build === null) return;
          // The build last heard of, where a test (or a curious reader) can see it.
          me.dataset.build = build;
          // The site file an address leads to, or null for another site's.
          function file(address) {
            var url;
            try { url = new URL(address, location.href); } catch (e) { return null; }
            if (url.origin !== location.origin) return null;
            var path = url.pathname;
            try { path = decodeURIComponent(path); } catch (e) { /* kept as it is */ }
            return path.charAt(path.length - 1) === "/" ? path + "index.html" : path;
          }
          // This page's own file, and every stylesheet, script and image it uses.
          function uses() {
            var files = [file(location.href)];
            if (served) files.push(served);
            document.querySelectorAll("link[href]").forEach(function (link) {
              if (/(^|\\s)(stylesheet|icon|preload|modulepreload)(\\s|$)/i.test(link.rel)) files.push(file(link.href));
            });
            document.querySelectorAll("script[src], img[src]").forEach(function (element) { files.push(file(element.src)); });
            return files;
          }
          function wait() {
            fetch("\(waitPath)?build=" + encodeURIComponent(build), { cache: "no-store" })
              .then(function (response) {
                if (!response.ok) throw new Error(String(response.status));
                return response.json();
              })
              .then(function (answer) {
                if (String(answer.build) === build) return wait();
                var changed = answer.changed || [];
                if (answer.all || uses().some(function (f) { return f !== null && changed.indexOf(f) >= 0; })) {
                  location.reload();
                } else {
                  build = String(answer.build);
                  me.dataset.build = build;
                  wait();
                }
              })
              .catch(function () { setTimeout(wait, 1000); });
          }
          wait();
        })();

        """

    /// The tag that loads the script for a page of build `build`, served from the site
    /// file `file` (like `/cards/x/index.html`; nil for the server's own pages).
    static func tag(build: Int, file: String? = nil) -> String {
        guard let file else { return "<script src=\"\(scriptPath)?build=\(build)\"></script>" }
        return "<script src=\"\(scriptPath)?build=\(build)&amp;file=\(HTMLText.escape(queryValue(file)))\"></script>"
    }

    /// `html` with the script tag before its last `</body>` (any case), or at the end.
    static func inject(into html: String, build: Int, file: String? = nil) -> String {
        let tag = tag(build: build, file: file)
        guard let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + tag + "\n" }
        return html[..<range.lowerBound] + tag + "\n" + html[range.lowerBound...]
    }

    /// The long-poll's answer to a page of build `since`: the build alone while it is
    /// the same; otherwise with the files changed since, or `"all":true`.
    static func json(_ answer: PreviewState.Answer, since: Int) -> String {
        if answer.build == since { return "{\"build\":\(answer.build)}\n" }
        guard let changed = answer.changed else { return "{\"build\":\(answer.build),\"all\":true}\n" }
        return "{\"build\":\(answer.build),\"changed\":[\(changed.map(JSONValue.quoted).joined(separator: ","))]}\n"
    }

    /// `text` percent-encoded for a URL's query value.
    static func queryValue(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
