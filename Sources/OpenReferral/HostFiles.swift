/// The files a static host reads for its settings: `_headers` and `_redirects`, which
/// Netlify and Cloudflare Pages read from the site's top folder (GitHub Pages and most
/// other hosts ignore them and serve them as plain files). They let the open data be
/// fetched from other sites (CORS), say it is JSON, and answer the Open Referral API's
/// addresses, which have no `index.json` at the end.
public enum HostFiles {
    /// The two files' paths in the site.
    public static let paths = ["_headers", "_redirects"]

    /// The bytes of `_headers` or `_redirects`.
    public static func bytes(of path: String) -> [UInt8] {
        Array((path == "_headers" ? headers : redirects).utf8)
    }

    /// Any site may read the open data; the export's files are JSON.
    static let headers = """
        # Written by whoswho build. Netlify and Cloudflare Pages read this file; see docs/open-data.md.
        # The open data may be read by any site (CORS), and the Open Referral files are JSON,
        # also where they are reached by an address without index.json (see _redirects).
        /index.json
          Access-Control-Allow-Origin: *
        /\(OpenReferralExport.folder)
          Access-Control-Allow-Origin: *
          Content-Type: application/json; charset=utf-8
        /\(OpenReferralExport.folder)/*
          Access-Control-Allow-Origin: *
          Content-Type: application/json; charset=utf-8

        """

    /// The Open Referral API's addresses, answered with the files that hold them (status
    /// 200: the address stays, the file is served), a long list's later pages among them
/// (`/oruk/services/page/2`). Each list's own `index.json` address
    /// comes first and answers itself: Cloudflare Pages applies a rule even where a file
    /// exists, and `/oruk/services/:id` would otherwise catch `/oruk/services/index.json`.
    static var redirects: String {
        let root = "/" + OpenReferralExport.folder
        var lines = [
            "# Written by whoswho build. Netlify and Cloudflare Pages read this file; see docs/open-data.md.",
            "# The Open Referral UK API's addresses, served from the files that hold them.",
            "\(root)/services/index.json \(root)/services/index.json 200",
            "\(root) \(root)/index.json 200",
            "\(root)/ \(root)/index.json 200",
        ]
        for list in OpenReferralExport.lists {
            lines.append("\(root)/\(list) \(root)/\(list)/index.json 200")
            lines.append("\(root)/\(list)/ \(root)/\(list)/index.json 200")
            // A long list's later pages (OpenReferralExport+Pages.swift).
            lines.append("\(root)/\(list)/page/:n \(root)/\(list)/page/:n/index.json 200")
            lines.append("\(root)/\(list)/page/:n/ \(root)/\(list)/page/:n/index.json 200")
        }
        lines.append("\(root)/services/:id \(root)/services/:id/index.json 200")
        lines.append("\(root)/services/:id/ \(root)/services/:id/index.json 200")
        return lines.joined(separator: "\n") + "\n"
    }
}
