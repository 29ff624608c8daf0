internal import Foundation
public import Support
/// The files a static host reads for its settings: `_headers` and `_redirects`, which
/// Netlify and Cloudflare Pages read from the site's top folder (GitHub Pages and most
/// other hosts ignore them and serve them as plain files). They let the open data be
/// fetched from other sites (CORS), say it is JSON, and answer the Open Referral API's
/// addresses, which have no `index.json` at the end.
public struct HostFiles: FileGenerator {
    public init() {}

    /// The two files' paths in the site.
    public var paths: [String] { [Route.hostHeaders.path, Route.hostRedirects.path] }

    /// The bytes of `_headers` or `_redirects`.
    public func bytes(of path: String) -> [UInt8] {
        Array((path == Route.hostHeaders.path ? Self.headers : Self.redirects).utf8)
    }

    /// Any site may read the open data; the export's files are JSON.
    static let headers = """
        # Written by whoswho build. Netlify and Cloudflare Pages read this file; see docs/open-data.md.
        # The open data may be read by any site (CORS), and the Open Referral files are JSON,
        # also where they are reached by an address without index.json (see _redirects).
        /\(Route.index.path)
          Access-Control-Allow-Origin: *
        /\(Route.openReferralFolder)
          Access-Control-Allow-Origin: *
          Content-Type: application/json; charset=utf-8
        /\(Route.openReferralFolder)/*
          Access-Control-Allow-Origin: *
          Content-Type: application/json; charset=utf-8

        """

    /// The Open Referral API's addresses, answered with the files that hold them (status
    /// 200: the address stays, the file is served), a long list's later pages among them
/// (`/oruk/services/page/2`). Each list's own `index.json` address
    /// comes first and answers itself: Cloudflare Pages applies a rule even where a file
    /// exists, and `/oruk/services/:id` would otherwise catch `/oruk/services/index.json`.
    static var redirects: String {
        /// The rules answering a folder's address, with and without its last `/`, with its `index.json`.
        func folder(_ file: String) -> [String] {
            let folder = "/" + file.dropLast("/index.json".count)
            return ["\(folder) /\(file) 200", "\(folder)/ /\(file) 200"]
        }
        let services = Route.openReferralList("services").path
        var lines = [
            "# Written by whoswho build. Netlify and Cloudflare Pages read this file; see docs/open-data.md.",
            "# The Open Referral UK API's addresses, served from the files that hold them.",
            "/\(services) /\(services) 200",
        ] + folder(Route.openReferralRoot.path)
        for list in OpenReferralExport.lists {
            lines += folder(Route.openReferralList(list).path)
            // A long list's later pages (OpenReferralExport+Pages.swift), `:n` standing for the number.
            let n = 2, later = Route.openReferralList(list, page: n).path
            lines += folder(later.replacingOccurrences(of: "/\(n)/", with: "/:n/"))
        }
        lines += folder(Route.openReferralRecord("services", id: ":id").path)
        return lines.joined(separator: "\n") + "\n"
    }
}
