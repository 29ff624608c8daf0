internal import Markdown
internal import Support
internal import Content
internal import Graph
internal import Render

extension OpenReferralExport {
    /// Card `i` as a service: in full (every nested record), or in list form (its own
    /// fields and its organization; the description is the summary alone, so that the
    /// one page of every service stays small).
    func service(_ i: Int, full: Bool) -> JSONValue {
        let card = content.cards[i]
        let id = serviceIDs[i]
        let shares = card.sharesContactInData
        var pairs: [(String, JSONValue)] = [("id", .string(id)), ("name", .string(card.name))]
        let text = card.body.plainText.trimmedOfSpace()
        pairs.append(("description", .string(full && !text.isEmpty ? card.summary + "\n\n" + text : card.summary)))
        if let website = shares ? card.contact?.website : nil {
            pairs.append(("url", .string(website)))
        } else if let page = absolute(Route.card(card.slug).path) {
            pairs.append(("url", .string(page)))
        }
        if shares, let email = card.contact?.email { pairs.append(("email", .string(email))) }
        pairs.append(("status", .string(Self.status(card.status))))
        pairs.append(("assured_date", .string(card.updated.description)))
        let details = card.details
        if let e = details.eligibility { pairs.append(("eligibility_description", .string(e))) }
        if !details.referral.isEmpty {
            pairs.append(("application_process", .string(details.referral.map(Words.english.label).joined(separator: "; "))))
        }
        if let o = organizationOf[i], let organizationID = organizationIDs[o], let organization = organization(o) {
            pairs.insert(("organization_id", .string(organizationID)), at: 1)
            pairs.append(("organization", organization))
        }
        guard full else { return .object(pairs) }

        pairs.append(("schedules", .array(schedulesWithFormats(i, service: id))))
        pairs.append(("service_areas", .array(graph.cards.regions[i].map { r in
            let region = content.regions[r]
            var area: [(String, JSONValue)] = [("id", .string(OpenReferralIDs.child("service_area", of: id, region.slug))),
                                               ("service_id", .string(id)), ("name", .string(region.name)),
                                               ("service_area", .string(region.name))]
            if let uri = absolute(Route.region(region.slug).path) { area.append(("uri", .string(uri))) }
            return .object(area)
        })))
        pairs.append(("service_at_locations", .array(serviceAtLocations(i, withService: false))))
        pairs.append(("languages", .array(details.languages.map { tag in
            .object([("id", .string(OpenReferralIDs.child("language", of: id, tag.lowercased()))), ("service_id", .string(id)),
                     ("name", .string(Words.english.language(tag) ?? tag)), ("code", .string(tag))])
        })))
        var costs: [JSONValue] = []
        if let cost = details.cost {
            var option: [(String, JSONValue)] = [("id", .string(OpenReferralIDs.child("cost_option", of: id, "1"))), ("service_id", .string(id))]
            if cost == .free { option += [("option", .string("Free")), ("amount", .int(0))] }
            option.append(("amount_description", .string(DirectoryWords.english.cost(cost))))
            costs.append(.object(option))
        }
        pairs.append(("cost_options", .array(costs)))
        var phones: [JSONValue] = []
        if shares, let phone = card.contact?.phone {
            phones.append(.object([("id", .string(OpenReferralIDs.child("phone", of: id, "1"))), ("service_id", .string(id)),
                                   ("number", .string(phone))]))
        }
        pairs.append(("phones", .array(phones)))
        pairs.append(("attributes", .array(graph.cards.topics[i].map { t in
            .object([("id", .string(OpenReferralIDs.child("attribute", of: id, "topic/" + content.topics[t].slug))),
                     ("link_id", .string(id)), ("link_type", .string("topic")), ("taxonomy_term_id", .string(termIDs[t])),
                     ("taxonomy_term", term(t, full: false))])
        })))
        return .object(pairs)
    }

    /// HSDS's status for a card's.
    static func status(_ status: Status) -> String {
        switch status {
        case .active: return "active"
        case .paused: return "temporarily closed"
        case .closed: return "defunct"
        }
    }

    /// The organization card `o` stands for, or nil when it stands for none (a person).
    func organization(_ o: Int) -> JSONValue? {
        guard let id = organizationIDs[o] else { return nil }
        let card = content.cards[o]
        var pairs: [(String, JSONValue)] = [("id", .string(id)), ("name", .string(card.name)), ("description", .string(card.summary))]
        if let email = card.contact?.email { pairs.append(("email", .string(email))) }
        if let website = card.contact?.website { pairs.append(("website", .string(website))) }
        if let image = card.image, let logo = absolute(URLPath.encode(image)) { pairs.append(("logo", .string(logo))) }
        if let uri = absolute(Route.card(card.slug).path) { pairs.append(("uri", .string(uri))) }
        if let parent = graph.organisations.runBy[o], let parentID = organizationIDs[parent] {
            pairs.append(("parent_organization_id", .string(parentID)))
        }
        return .object(pairs)
    }

    /// When the service meets: a schedule for each regular meeting, in RFC 5545's terms
    /// with the meeting in words as its description, or one holding the card's words.
    func schedules(_ meets: Meets?, service id: String) -> [JSONValue] {
        guard let meets else { return [] }
        switch meets {
        case .text(let words):
            return [.object([("id", .string(OpenReferralIDs.child("schedule", of: id, "1"))), ("service_id", .string(id)),
                             ("description", .string(words))])]
        case .regular(let meetings):
            return meetings.enumerated().map { n, m in
                var pairs: [(String, JSONValue)] = [("id", .string(OpenReferralIDs.child("schedule", of: id, String(n + 1)))),
                                                    ("service_id", .string(id))]
                pairs.append(("freq", .string(m.frequency == .monthly ? "MONTHLY" : "WEEKLY")))
                pairs.append(("interval", .int(m.frequency == .fortnightly ? 2 : 1)))
                let byday = m.frequency == .monthly
                    ? m.weeks.flatMap { w in m.days.map { String(w.ordinal) + $0.code } }
                    : m.days.map(\.code)
                pairs.append(("byday", .string(byday.joined(separator: ","))))
                if let start = m.start { pairs.append(("opens_at", .string(start.description))) }
                if let end = m.end { pairs.append(("closes_at", .string(end.description))) }
                pairs.append(("description", .string(DirectoryWords.english.line(m))))
                if let note = m.note { pairs.append(("notes", .string(note))) }
                return .object(pairs)
            }
        }
    }

    /// Card `i`'s places, each as a service-at-location holding its location; in the
    /// list of them, each also names its service.
    func serviceAtLocations(_ i: Int, withService: Bool) -> [JSONValue] {
        let card = content.cards[i]
        let id = serviceIDs[i]
        return card.details.locations.enumerated().map { n, place in
            let key = String(n + 1)
            let locationID = OpenReferralIDs.child("location", of: id, key)
            var location: [(String, JSONValue)] = [("id", .string(locationID)), ("location_type", .string("physical"))]
            if let name = place.name { location.append(("name", .string(name))) }
            let known = place.address + [place.town, place.county, place.postcode].compactMap { $0 }
            if !known.isEmpty { location.append(("description", .string(known.joined(separator: ", ")))) }
            if let lat = place.latitude, let lon = place.longitude {
                location += [("latitude", .double(lat)), ("longitude", .double(lon))]
            }
            var addresses: [JSONValue] = []
            if let town = place.town, let postcode = place.postcode {
                addresses.append(.object([
                    ("id", .string(OpenReferralIDs.child("address", of: id, key))), ("location_id", .string(locationID)),
                    ("address_1", .string(place.address.isEmpty ? (place.name ?? town) : place.address.joined(separator: ", "))),
                    ("city", .string(town)), ("state_province", .string(place.county ?? town)), ("postal_code", .string(postcode)),
                    ("country", .string("GB")), ("address_type", .string("physical")),
                ]))
            }
            location.append(("addresses", .array(addresses)))
            var access: [JSONValue] = []
            if let notes = place.accessibility {
                access.append(.object([("id", .string(OpenReferralIDs.child("accessibility", of: id, key))), ("location_id", .string(locationID)),
                                       ("description", .string(notes)), ("accessibility", .string(notes))]))
            }
            location.append(("accessibility", .array(access)))
            var pairs: [(String, JSONValue)] = [("id", .string(OpenReferralIDs.child("service_at_location", of: id, key))),
                                                ("service_id", .string(id)), ("location_id", .string(locationID)),
                                                ("location", .object(location))]
            if withService {
                pairs.append(("service", .object([("id", .string(id)), ("name", .string(card.name)),
                                                  ("status", .string(Self.status(card.status)))])))
            }
            return .object(pairs)
        }
    }

    /// The taxonomy of the site's topics, with its terms when asked.
    func taxonomy(withTerms: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(OpenReferralIDs.topicTaxonomy)), ("name", .string("\(content.site.title) topics")),
            ("description", .string("The topics of \(content.site.title): the conditions, experiences and circumstances its peer support is for.")),
        ]
        if let uri = absolute(Route.topics.path) { pairs.append(("uri", .string(uri))) }
        if withTerms { pairs.append(("taxonomy_terms", .array(content.topics.indices.map { term($0, full: true) }))) }
        return .object(pairs)
    }

    /// Topic `t` as a term of the topics' taxonomy: in full in the lists, and nested in a
    /// service's attributes with only what the term needs (its id, name, description and
    /// taxonomy), so that a service with four topics does not carry four copies of the rest.
    func term(_ t: Int, full: Bool) -> JSONValue {
        let topic = content.topics[t]
        var pairs: [(String, JSONValue)] = [
            ("id", .string(termIDs[t])), ("name", .string(topic.name)), ("description", .string(topic.description ?? topic.name)),
            ("taxonomy_id", .string(OpenReferralIDs.topicTaxonomy)),
        ]
        guard full else { return .object(pairs) }
        pairs += [("taxonomy", .string("\(content.site.title) topics")), ("term", .string(topic.name)), ("code", .string(topic.slug))]
        if let uri = absolute(Route.topic(topic.slug).path) { pairs.append(("term_uri", .string(uri))) }
        return .object(pairs)
    }
}

extension String {
    /// Without ASCII spaces, tabs and line breaks at either end; by bytes, since a card's
    /// text runs to kilobytes and walking it by characters cost a twentieth of a build.
    func trimmedOfSpace() -> String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
