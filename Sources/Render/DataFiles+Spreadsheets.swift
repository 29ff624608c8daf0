internal import Support
/// index.json's `spreadsheets` (docs/index-json.md): every CSV file the site writes and
/// the CSVW metadata that describes them, with their addresses and lengths. They are a
/// list of their own, not part of `files`, because `files` holds only JSON files of
/// entries, which readers of versions 2 and 3 fetch and parse one after another.
extension DataFiles {
    /// The spreadsheets as index.json lists them, in the order the site writes them.
    func spreadsheets() -> [JSONValue] {
        let planned = csvFiles ?? CSVFiles(graph: graph, options: options)
        return planned.listedFiles.map { file in
            .object([("kind", .string(file.kind)), ("url", .string(url(file.path))), ("page", .int(file.page)),
                     ("rows", file.rows.map(JSONValue.int) ?? .null), ("bytes", .int(file.bytes))])
        }
    }
}
