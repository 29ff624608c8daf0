/// Reads one service record of either ORUK version into a `FeedService`, field by field.
/// Whatever it does not read is kept, as `path: value` facts.
enum ServiceReader {
    static func service(_ record: [String: Any], file: String, position: Int, form: FeedForm) -> FeedService {
        var o = FeedObject(record, path: "")
        var s = FeedService(file: file, position: position, form: form)
        var facts: [FeedFact] = []
        s.id = o.text("id")
        s.name = o.text("name")
        s.descriptionHTML = o.raw("description")
        s.url = o.text("url") ?? o.text("website")
        s.email = o.text("email")
        s.status = o.text("status")
        s.fees = o.texts("fees") + o.texts("fees_description")
        for var c in o.objects("cost_options") {
            s.costs.append(FeedCost(option: c.text("option"), amount: c.number("amount"), description: c.text("amount_description")))
            facts += c.leftovers()
        }
        s.eligibility = o.texts("eligibility_description")
        for var e in o.objects("eligibilitys") {
            s.eligibility += [e.text("eligibility"), e.text("name")].compactMap { $0 }
            s.minimumAge = s.minimumAge ?? e.number("minimum_age")
            s.maximumAge = s.maximumAge ?? e.number("maximum_age")
            facts += e.leftovers()
        }
        s.minimumAge = s.minimumAge ?? o.number("minimum_age")
        s.maximumAge = s.maximumAge ?? o.number("maximum_age")
        s.access = [o.text("attending_access"), o.text("pc_attendingAccess_additionalInfo"), o.text("application_process"),
                    o.text("referral_process")].compactMap { $0 }
        s.attending = o.texts("attending_type").map { FeedFact(path: "attending_type", value: $0) }
        s.terms = terms(&o, facts: &facts, eligibility: &s.eligibility)
        for var area in o.objects("service_areas") {
            if let name = area.text("service_area") ?? area.text("name") { s.serviceAreas.append(name) }
            area.skip("name", "service_area", "uri", "extent", "extent_type")
            facts += area.leftovers()
        }
        for var sal in o.objects("service_at_locations") {
            if var l = sal.object("location") {
                s.locations.append(location(&l, facts: &facts))
                facts += l.leftovers()
            }
            for var sch in sal.objects("regular_schedules") + sal.objects("schedules") {
                s.schedules.append(schedule(&sch, attending: &s.attending))
                facts += sch.leftovers()
            }
            facts += sal.leftovers()
        }
        for var l in o.objects("locations") { s.locations.append(location(&l, facts: &facts)); facts += l.leftovers() }
        for var sch in o.objects("regular_schedules") + o.objects("schedules") {
            s.schedules.append(schedule(&sch, attending: &s.attending))
            facts += sch.leftovers()
        }
        for var lang in o.objects("languages") {
            if let l = lang.text("code") ?? lang.text("language") ?? lang.text("name") { s.languages.append(l) }
            lang.skip("name", "language", "code")
            facts += lang.leftovers()
        }
        s.languages += o.texts("language")
        for var phone in o.objects("phones") { if let n = phone.text("number") { s.phones.append(n) }; facts += phone.leftovers() }
        for var contact in o.objects("contacts") {
            for var phone in contact.objects("phones") { if let n = phone.text("number") { s.phones.append(n) }; facts += phone.leftovers() }
            facts += contact.leftovers()
        }
        if var org = o.object("organization") ?? o.object("organisation") {
            s.organization = organization(&org)
        }
        var meta = o.object("pc_metadata")
        s.assured = o.text("assured_date") ?? meta?.text("date_assured") ?? meta?.text("date_modified") ?? o.text("last_modified")
        if let meta { facts += meta.leftovers() }
        o.skip("organization_id", "alert")
        if let alert = o.values["alert"].flatMap(FeedObject.scalarText) { facts.insert(FeedFact(path: "alert", value: alert), at: 0) }
        s.facts = facts + o.leftovers()
        return s
    }

    /// Taxonomy terms (1.x `service_taxonomys`, 3.0 `attributes`, `taxonomy_terms`) and
    /// target audiences (`pc_targetAudience`), as written; a 3.0 attribute that says who
    /// may use the service (`isEligibility`) goes to `eligibility` instead.
    static func terms(_ o: inout FeedObject, facts: inout [FeedFact], eligibility: inout [String]) -> [String] {
        var terms: [String] = []
        for var t in o.objects("service_taxonomys") {
            if var tax = t.object("taxonomy") { if let n = tax.text("name") { terms.append(n) }; tax.skip("vocabulary", "parent"); facts += tax.leftovers() }
            facts += t.leftovers()
        }
        for var a in o.objects("attributes") {
            if var term = a.object("taxonomy_term") {
                var detail = term.object("taxonomy_detail")
                let taxonomy = [term.text("taxonomy"), detail?.text("name")].compactMap { $0 }
                if let n = term.text("name") ?? term.text("term") {
                    if Self.isEligibility(linkType: a.text("link_type"), taxonomy: taxonomy) { eligibility.append(n) } else { terms.append(n) }
                }
                term.skip("description", "term", "code", "term_uri", "parent_id")
                detail?.skip("description", "uri", "version")
                facts += term.leftovers() + (detail?.leftovers() ?? [])
            }
            a.skip("link_type", "link_entity", "value")
            facts += a.leftovers()
        }
        for var t in o.objects("taxonomy_terms") { if let n = t.text("name") { terms.append(n) }; t.skip("description", "vocabulary"); facts += t.leftovers() }
        for var audience in o.objects("pc_targetAudience") {
            if let a = audience.text("audienceType") ?? audience.text("name") { terms.append(a) }
            facts += audience.leftovers()
        }
        var seen = Set<String>()
        return terms.filter { seen.insert($0.lowercased()).inserted }
    }

    /// True for an attribute that says who may use the service rather than what it is
    /// about: HSDS 3.0's `link_type` `eligibility` (the open codelist's word for it), or a
    /// term of a taxonomy whose name (`taxonomy`, or HSDS's `taxonomy_detail.name`) says
    /// eligibility. An intended audience (`link_type` `audience`, and 1.x
    /// `pc_targetAudience`) is what the support is for: a topic.
    static func isEligibility(linkType: String?, taxonomy: [String]) -> Bool {
        linkType?.lowercased().hasPrefix("eligib") == true || taxonomy.contains { $0.lowercased().contains("eligib") }
    }

    static func location(_ l: inout FeedObject, facts: inout [FeedFact]) -> FeedLocation {
        var place = FeedLocation(name: l.text("name"), latitude: l.number("latitude"), longitude: l.number("longitude"))
        l.skip("location_type")
        for var a in l.objects("addresses") + l.objects("physical_addresses") + l.objects("postal_addresses") {
            if place.postcode == nil {
                place.addressLines = [a.text("address_1"), a.text("address_2"), a.text("address_3"), a.text("address_4")].compactMap { $0 }
                place.town = a.text("city")
                place.county = a.text("state_province")
                place.postcode = a.text("postal_code")
                a.skip("country", "address_type")
            }
            facts += a.leftovers()
        }
        for var acc in l.objects("accessibility") + l.objects("accessibility_for_disabilities") {
            if let t = acc.text("accessibility") ?? acc.text("description") { place.accessibility.append(t) }
            acc.skip("description", "accessibility")
            if let d = acc.text("details") { place.accessibility.append(d) }
            facts += acc.leftovers()
        }
        if let d = l.text("description") { facts.append(FeedFact(path: l.path + ".description", value: d)) }
        return place
    }

    /// A schedule's times; its `attending_type` (3.0) goes to `attending`.
    static func schedule(_ o: inout FeedObject, attending: inout [FeedFact]) -> FeedSchedule {
        if let how = o.text("attending_type") { attending.append(FeedFact(path: o.path + ".attending_type", value: how)) }
        return FeedSchedule(path: o.path, freq: o.text("freq"), interval: o.number("interval"), byday: o.text("byday"), weekday: o.text("weekday"),
                     opensAt: o.text("opens_at"), closesAt: o.text("closes_at"), description: o.text("description") ?? o.text("notes"))
    }

    static func organization(_ o: inout FeedObject) -> FeedOrganization {
        var org = FeedOrganization(id: o.text("id"), name: o.text("name"), descriptionHTML: o.raw("description"),
                                   website: o.text("website") ?? o.text("url"), email: o.text("email"))
        org.facts = o.leftovers()
        return org
    }
}
