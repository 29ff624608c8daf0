/// The licence a site's data is published under, from site.yml's `licence`: one of the
/// licences open data is usually published under, by its short name, or any licence
/// given by `name` and `url`.
public struct DataLicence: Sendable, Equatable {
    /// The short name (`OGL-UK-3.0`, `CC-BY-4.0`), for a licence of `known`; else nil.
    public var id: String?
    /// The licence's full name.
    public var name: String
    /// Where its text is.
    public var url: String

    /// Creates a licence.
    public init(id: String? = nil, name: String, url: String) {
        self.id = id
        self.name = name
        self.url = url
    }

    /// The licences site.yml may name by their short names (SPDX identifiers), by short name.
    public static let known: [String: DataLicence] = [
        "OGL-UK-3.0": DataLicence(id: "OGL-UK-3.0", name: "Open Government Licence v3.0",
                                  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
        "CC-BY-4.0": DataLicence(id: "CC-BY-4.0", name: "Creative Commons Attribution 4.0 International",
                                 url: "https://creativecommons.org/licenses/by/4.0/"),
        "CC-BY-SA-4.0": DataLicence(id: "CC-BY-SA-4.0", name: "Creative Commons Attribution-ShareAlike 4.0 International",
                                    url: "https://creativecommons.org/licenses/by-sa/4.0/"),
        "CC0-1.0": DataLicence(id: "CC0-1.0", name: "Creative Commons Zero v1.0 Universal",
                               url: "https://creativecommons.org/publicdomain/zero/1.0/"),
        "ODbL-1.0": DataLicence(id: "ODbL-1.0", name: "Open Data Commons Open Database License v1.0",
                                url: "https://opendatacommons.org/licenses/odbl/1-0/"),
        "ODC-By-1.0": DataLicence(id: "ODC-By-1.0", name: "Open Data Commons Attribution License v1.0",
                                  url: "https://opendatacommons.org/licenses/by/1-0/"),
    ]
}
