internal import Foundation

/// Live reload: a small script added to every HTML page as it is served (never to
/// the built files) that long-polls the server and reloads the page when a new build
/// is in place.
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
    /// of `script-src 'self'` still lets it run. It reads its build from its own URL.
    static let script = """
        // whoswho serve: reload this page when the site is rebuilt.
        (function () {
          "use strict";
          var me = document.currentScript;
          var build = me ? new URL(me.src).searchParams.get("build") : null;
          if (build === null) return;
          function wait() {
            fetch("\(waitPath)?build=" + encodeURIComponent(build), { cache: "no-store" })
              .then(function (response) {
                if (!response.ok) throw new Error(String(response.status));
                return response.json();
              })
              .then(function (answer) {
                if (String(answer.build) !== build) location.reload();
                else wait();
              })
              .catch(function () { setTimeout(wait, 1000); });
          }
          wait();
        })();

        """

    /// The tag that loads the script for a page of build `build`.
    static func tag(build: Int) -> String {
        "<script src=\"\(scriptPath)?build=\(build)\"></script>"
    }

    /// `html` with the script tag before its last `</body>` (any case), or at the end.
    static func inject(into html: String, build: Int) -> String {
        let tag = tag(build: build)
        guard let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else { return html + tag + "\n" }
        return html[..<range.lowerBound] + tag + "\n" + html[range.lowerBound...]
    }
}
