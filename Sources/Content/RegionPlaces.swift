internal import Foundation
internal import YAML

/// Checks across regions.yml that the places and postcode prefixes readers may type
/// lead to one region each: a postcode prefix listed by two regions is an error unless
/// both list it as shared; a place listed by two regions is a warning.
enum RegionPlaces {
    /// The diagnostics for `terms`, the regions of `file`, in file order.
    static func check(_ terms: [Term], file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ordered = terms.sorted { ($0.mark.line, $0.mark.column) < ($1.mark.line, $1.mark.column) }

        // Prefix → (region, shared?) for each region that lists it, in file order.
        var claims: [String: [(slug: String, shared: Bool, mark: Mark)]] = [:]
        for term in ordered {
            // A prefix a region gives twice is reported where it is read; it is one claim.
            for p in term.sharedPostcodes { claims[p.value, default: []].append((term.slug, true, p.mark)) }
            for p in term.postcodes where !term.sharedPostcodes.contains(where: { $0.value == p.value }) {
                claims[p.value, default: []].append((term.slug, false, p.mark))
            }
        }
        for prefix in claims.keys.sorted() {
            guard let list = claims[prefix] else { continue }
            if list.count == 1, list[0].shared {
                diagnostics.append(Diagnostic(.warning, file: file, at: list[0].mark,
                    message: "'\(prefix)' is listed as shared, but no other region lists it",
                    note: "move it to 'postcodes', or list it under 'shared_postcodes' in the region it is shared with"))
            }
            guard list.count > 1 else { continue }
            for claim in list where !claim.shared {
                let others = list.filter { $0.slug != claim.slug }.map { "'\($0.slug)'" }
                diagnostics.append(Diagnostic(.error, file: file, at: claim.mark,
                    message: "the postcode prefix '\(prefix)' of '\(claim.slug)' is also listed by \(others.joined(separator: " and "))",
                    note: "a postcode leads to one region unless the area crosses a border: then list it under 'shared_postcodes' in every region that shares it"))
            }
        }

        var places: [String: (slug: String, text: String)] = [:]
        for term in ordered {
            for place in term.places {
                let key = fold(place.value)
                if let first = places[key], first.slug != term.slug {
                    diagnostics.append(Diagnostic(.warning, file: file, at: place.mark,
                        message: "the place '\(place.value)' of '\(term.slug)' is also a place of '\(first.slug)' ('\(first.text)')",
                        note: "search takes a place to every region that lists it; list it only in the region it is in"))
                } else if places[key] == nil {
                    places[key] = (term.slug, place.value)
                }
            }
        }
        return diagnostics
    }

    /// A place name as a reader's words compare: case and accents folded, runs of
    /// anything but letters and digits made one space.
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }
}
