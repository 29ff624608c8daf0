internal import Support
internal import Content
internal import Graph

extension PageContext {
    /// A page of the coverage table: regions as rows (with their nesting), topics as
    /// columns, each cell the number of active cards of the topic based in the region or
    /// within it, linked to the topic-by-region page; `gap` marks a zero, said in words
    /// (`words`) for a screen reader. Also the data files to download and the licence.
    func coverage(_ number: Int) -> [String: Any] {
        let lists = renderer.organiserLists, coverage = lists.coverage
        let total = lists.coveragePageCount
        let block = lists.coverageBlock(number)
        let topics = Array(coverage.topics[block.topics]), regions = Array(coverage.regions[block.regions])
        let rows = regions.map { r -> [String: Any] in
            let region = content.regions[r]
            let cells = topics.map { t -> [String: Any] in
                let topic = content.topics[t]
                let count = coverage.active(topic: t, region: r)
                let page = coverage.page(topic: t, region: r)
                let words = count == 0 ? "No active cards for \(topic.name) in \(region.name)"
                    : " active card\(count == 1 ? "" : "s") for \(topic.name) in \(region.name)"
                return ["count": count, "gap": count == 0, "has_page": page != nil, "words": TemplateText(words),
                        "cell_url": TemplateText(page == nil ? "" : Route.topicRegion(topic: topic.slug, region: region.slug).path)]
            }
            return ["name": TemplateText(region.name), "url": TemplateText(Route.region(region.slug).path),
                    "depth": graph.regions.depth[r], "cells": cells]
        }
        let columns = topics.map { Self.link(content.topics[$0].name, Route.topic(content.topics[$0].slug).path) }
        let pairs = coverage.topics.count * coverage.regions.count
        let pagination = Pagination(count: total, size: 1)
        let title = pagination.title("Coverage by topic and region", page: number)
        let description = "How many active cards \(content.site.title) has for each topic in each region, and where there are none yet."
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        var table: [String: Any] = ["columns": columns, "rows": rows, "pairs": pairs, "covered": coverage.coveredPairs,
                                    "gaps": pairs - coverage.coveredPairs]
        if let first = topics.first, let last = topics.last, total > 1 {
            table["topic_range"] = TemplateText("\(content.topics[first].name) to \(content.topics[last].name)")
            table["region_range"] = TemplateText("\(content.regions[regions.first ?? 0].name) to \(content.regions[regions.last ?? 0].name)")
        }
        v["coverage"] = table
        v["pagination"] = pagination.values(current: number) { Route.coverage(page: $0).path }
        v["downloads"] = downloads()
        return v
    }

    /// The data files a reader can take away, each with a label, and the data's licence.
    func downloads() -> [String: Any] {
        let csv = renderer.csvFiles
        func files(_ paths: [String], _ label: String) -> [[String: Any]] {
            paths.enumerated().map { k, path in
                Self.link(paths.count == 1 ? label : "\(label), part \(k + 1) of \(paths.count)", path)
            }
        }
        var values: [String: Any] = [
            "files": files(csv.cardPaths, "Every card, as a spreadsheet (CSV)")
                + files(csv.coveragePaths, "Active cards by topic and region, as a spreadsheet (CSV)")
                + [Self.link("What each column holds, and the licence (CSV on the Web metadata, JSON)", CSVFiles.metadataPath),
                   Self.link("The whole directory as data (JSON)", Route.index.path),
                   Self.link("The directory as Open Referral UK data (JSON)", Route.openReferralRoot.path)],
        ]
        if let licence = content.site.licence { values["licence"] = Self.link(licence.name, licence.url) }
        return values
    }
}
