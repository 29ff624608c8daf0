internal import YAML

/// Reads site.yml's `licence`: a short name from `DataLicence.known`, or a `name` and a
/// `url` for any other licence.
enum LicenceReader {
    /// Other names people write for the known licences (in small letters), and the short name meant.
    static let aliases: [String: String] = [
        "ogl": "OGL-UK-3.0", "ogl-3.0": "OGL-UK-3.0", "ogl-3": "OGL-UK-3.0", "ogl-v3": "OGL-UK-3.0", "ogl-v3.0": "OGL-UK-3.0",
        "oglv3": "OGL-UK-3.0", "open government licence": "OGL-UK-3.0", "open government licence v3.0": "OGL-UK-3.0",
        "cc-by": "CC-BY-4.0", "cc by": "CC-BY-4.0", "cc by 4.0": "CC-BY-4.0", "cc-by-sa": "CC-BY-SA-4.0", "cc by-sa 4.0": "CC-BY-SA-4.0",
        "cc0": "CC0-1.0", "odbl": "ODbL-1.0",
    ]

    static func read(_ r: inout FieldReader) -> DataLicence? {
        guard let node = r.node("licence", required: false) else { return nil }
        let known = DataLicence.known.keys.sorted()
        if case .mapping = node.value {
            guard var l = r.mapping("licence", allowed: ["name", "url"]) else { return nil }
            let name = l.text("name", required: true, max: 200)
            let url = l.url("url", required: true)
            r.diagnostics += l.diagnostics
            guard let name, let url else { return nil }
            return DataLicence(name: name.value, url: url.value)
        }
        guard let id = r.text("licence", required: false, max: 40) else { return nil }
        if let licence = DataLicence.known[id.value] { return licence }
        let lowered = id.value.lowercased()
        let sameButCase = known.first { $0.lowercased() == lowered } ?? aliases[lowered]
        let meant = sameButCase.map { "; did you mean '\($0)'?" } ?? DidYouMean.clause(for: id.value, in: known)
        r.error(id.mark, "'licence' names '\(id.value)', which is not a licence whoswho knows by name\(meant)",
                note: "name one of \(known.joined(separator: ", ")), or give any other licence as 'name:' and 'url:' under 'licence:'")
        return nil
    }
}
