internal import Support
internal import Content
internal import Graph
internal import OpenReferral
internal import Render

/// The outputs stage: every file of the site but the search index, ready to be made
/// from the graph (pages, data files, the open data, host files, CSV files), with the
/// path of each.
struct SiteOutputs {
    let renderer: SiteRenderer
    let pages: [Page]
    let data: DataFiles
    let openData: OpenReferralExport
    /// The path of each card's open data record, in the order of the cards.
    let servicePaths: [String]

    /// Prepares the renderer, the data files and the open data export of `graph`.
    static func make(graph: SiteGraph, theme: Theme, options: RenderOptions) async -> SiteOutputs {
        let renderer = await SiteRenderer.make(graph: graph, theme: theme, options: options)
        let data = await DataFiles.make(graph: graph, options: options, pages: renderer.sitePages, csvFiles: renderer.csvFiles)
        let openData = OpenReferralExport(graph: graph, baseURL: options.baseURL)
        let servicePaths = (0..<openData.serviceCount).map(openData.servicePath)
        return SiteOutputs(renderer: renderer, pages: renderer.pages(), data: data, openData: openData, servicePaths: servicePaths)
    }

    /// Every output made whole in memory, one file at a time: the data files, the open
    /// data's root and lists, the host files and the spreadsheets. A new output of this
    /// kind is one more here.
    var generators: [any FileGenerator] { [data, openData, HostFiles(), renderer.csvFiles] }

    /// The generators' files, whose folders are made before any is written.
    var singleFiles: [String] { generators.flatMap(\.paths) }

    /// Plans the site: claims the path of every output, of the marker file, of every
    /// static file and of every theme asset. Collisions are in the result; check refuses
    /// every static file in the way of a page or a theme file first, so this is the last
    /// wall, for whatever that check missed.
    func claims(of site: LoadedSite) -> PathClaims {
        var claims = PathClaims()
        for page in pages { claims.claim(renderer.file(of: page), by: "the page \(renderer.path(of: page))") }
        for path in singleFiles { claims.claim(path, by: "the generated \(path)") }
        let content = site.content
        for (i, path) in servicePaths.enumerated() {
            claims.claim(path, by: "the open data record of \(content.root)/\(content.cards[i].file)")
        }
        claims.claim(OutputFolder.markerName, by: "the file that marks the site as whoswho's")
        for file in content.staticFiles { claims.claim(file, by: content.root + "/static/" + file) }
        for asset in site.theme.assets { claims.claim(asset.path, by: asset.source) }
        claims.collisions += claims.folderClashes()
        return claims
    }

    /// Every file but the pages, as jobs written alongside the pages: the data files,
    /// the open data lists, host files and CSV files, then the open data's service
    /// records a chunk at a time.
    func dataJobs(cores: Int) -> [Builder.DataJob] {
        let openData = openData, servicePaths = servicePaths
        var jobs: [Builder.DataJob] = generators.flatMap { generator in
            generator.paths.map { path in .init(paths: [path]) { _ in generator.bytes(of: path) } }
        }
        let serviceChunk = max(64, openData.serviceCount / (cores * 8) + 1)
        for start in stride(from: 0, to: openData.serviceCount, by: serviceChunk) {
            let services = Array(start..<min(openData.serviceCount, start + serviceChunk))
            jobs.append(.init(paths: services.map { servicePaths[$0] }, makesFolders: true) { k in
                openData.serviceBytes(services[k])
            })
        }
        return jobs
    }
}
