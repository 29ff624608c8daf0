internal import Foundation

/// What a feed says about itself, when it says it: who publishes it and under which licence.
struct FeedSource {
    var publisher: String?
    var licence: String?
}

/// Reads saved Open Referral responses: ORUK 1.x lists (an array, or an object holding it
/// in `content` or `contents`), ORUK 3.0 lists (`contents` with the paging fields), single
/// services of either version, and an API root (read for its publisher and licence). The
/// form is told from the shape; a record is 1.x when it has fields only 1.x has.
enum FeedReader {
    struct Failure: Error { var message: String }

    /// The JSON files at `path`: the file itself, or every `.json` file in the folder
    /// (not its subfolders), in name order.
    static func files(at path: String) throws(Failure) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "there is no file or folder '\(path)'")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw Failure(message: "cannot read the folder '\(path)'")
        }
        let json = names.filter { $0.lowercased().hasSuffix(".json") }.sorted()
        guard !json.isEmpty else { throw Failure(message: "the folder '\(path)' holds no .json file") }
        return json.map { path + "/" + $0 }
    }

    /// The services of one saved response, with its form and what it says of its source.
    static func read(file: String) throws(Failure) -> (form: FeedForm, services: [FeedService], source: FeedSource) {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(message: "cannot read '\(file)'") }
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
            throw Failure(message: "'\(file)' is not JSON: \(error.localizedDescription)")
        }
        let name = (file as NSString).lastPathComponent
        var source = FeedSource()
        let records: [[String: Any]]
        var form: FeedForm
        if let list = json as? [Any] {
            records = list.compactMap { $0 as? [String: Any] }
            form = .oruk1List
        } else if let object = json as? [String: Any] {
            source = Self.source(object)
            if let list = (object["contents"] ?? object["content"]) as? [Any] {
                records = list.compactMap { $0 as? [String: Any] }
                form = object["total_items"] != nil || object["page_number"] != nil ? .oruk3List : .oruk1List
            } else if object["name"] != nil, object["id"] != nil {
                records = [object]
                form = .oruk3Service
            } else if object["version"] != nil || object["openapi_url"] != nil {
                return (.apiRoot, [], source)
            } else {
                throw Failure(message: "'\(file)' is not an Open Referral response: it has no list of services ('contents' or 'content') and is not one service")
            }
        } else {
            throw Failure(message: "'\(file)' is not an Open Referral response: it holds neither a list of services nor one service")
        }
        let isOld = records.contains(where: Self.isVersion1)
        switch form {
        case .oruk3List where isOld: form = .oruk1List
        case .oruk1List where !isOld && !records.isEmpty && records.allSatisfy(Self.isVersion3): form = .oruk3List
        case .oruk3Service where isOld: form = .oruk1Service
        default: break
        }
        let services = records.enumerated().map { n, record in ServiceReader.service(record, file: name, position: n + 1, form: form) }
        return (form, services, source)
    }

    /// True for a record with fields only ORUK 1.x has.
    static func isVersion1(_ record: [String: Any]) -> Bool {
        record.keys.contains { $0.hasPrefix("pc_") } || ["regular_schedules", "service_taxonomys", "eligibilitys", "attending_access", "attending_type", "deliverable_type"]
            .contains { record[$0] != nil }
    }

    /// True for a record with fields only ORUK 3.0 has.
    static func isVersion3(_ record: [String: Any]) -> Bool {
        ["schedules", "attributes", "application_process", "last_modified", "eligibility_description"].contains { record[$0] != nil }
    }

    /// A publisher and licence stated at the top of a response.
    static func source(_ object: [String: Any]) -> FeedSource {
        var source = FeedSource()
        if let p = object["publisher"] {
            source.publisher = FeedObject.scalarText(p) ?? ((p as? [String: Any]).flatMap { FeedObject.scalarText($0["name"]) })
        }
        if let l = object["license"] ?? object["licence"] {
            if let d = l as? [String: Any] {
                let parts = [d["name"] ?? d["id"], d["url"]].compactMap { FeedObject.scalarText($0) }
                source.licence = parts.isEmpty ? nil : parts.joined(separator: ", ")
            } else {
                source.licence = FeedObject.scalarText(l)
            }
        }
        return source
    }
}
