internal import YAML

/// Reads a card's directory fields (`locations`, `meets`, `eligibility`, `cost`,
/// `referral`, `languages`, `organisation`) and its open data settings (`oruk_id`,
/// `contact_in_open_data`) with the same care as its other fields: every problem is a
/// diagnostic at the value at fault, and the rest of the file is still read.
struct DirectoryFieldsReader {
    /// The fields it reads, their limits and which are required: FieldTable+Directory.swift.
    static let table = FieldTable.card
    /// Other words feeds and people use for the ways in, and the way each means.
    static let referralWords: [String: Referral] = [
        "walk-in": .dropIn, "walk in": .dropIn, "drop in": .dropIn, "dropin": .dropIn, "just turn up": .dropIn,
        "self": .selfReferral, "self referral": .selfReferral, "selfreferral": .selfReferral,
        "by-appointment": .appointment, "by appointment": .appointment, "appointment-only": .appointment,
        "referral": .professionalReferral, "gp-referral": .professionalReferral, "gp referral": .professionalReferral,
        "professional": .professionalReferral, "professional referral": .professionalReferral, "referred": .professionalReferral,
    ]

    /// What was read: the details, and the organisation with where it is written, for
    /// the cross-check.
    struct Result {
        var details: DirectoryDetails
        var organisation: Located<String>?
        /// `oruk_id` in small letters, where it is written: no two cards may share one.
        var orukID: Located<String>?
    }

    /// Reads the fields from the card's reader `r`, adding its diagnostics there.
    static func read(_ r: inout FieldReader, display: String) -> Result {
        var details = DirectoryDetails()
        details.locations = locations(&r, display: display)
        details.meets = meets(&r, display: display)
        details.eligibility = r.text(table["eligibility"])?.value
        if let cost = r.text(table["cost"]) {
            details.cost = cost.value.lowercased() == "free" ? .free : .text(cost.value)
        }
        let names = table["referral"].values(as: Referral.self)
        for item in r.list(table["referral"]) ?? [] {
            if let value = Referral(rawValue: item.value) {
                details.referral.append(value)
            } else {
                let meant = referralWords[item.value.lowercased()].map { "; did you mean '\($0.rawValue)'?" }
                    ?? DidYouMean.clause(for: item.value.lowercased(), in: names)
                r.error(item.mark, "'\(item.value)' is not a way into support this field knows\(meant)",
                        note: "'referral' may list: \(names.joined(separator: ", "))")
            }
        }
        details.languages = languages(&r)
        var organisation = r.text(table["organisation"])
        if let o = organisation, !Slug.isValid(o.value) {
            r.error(o.mark, "'organisation' should be the slug of an organisation card (its file name without .md or .yml), like 'cancer-buddies-east', not '\(o.value)'",
                    note: Slug.rule)
            organisation = nil
        }
        details.organisation = organisation?.value
        var orukID: Located<String>?
        if let id = r.text(table["oruk_id"]) {
            if OpenReferralID.isUUID(id.value) {
                details.orukID = id.value.lowercased()
                orukID = Located(id.value.lowercased(), at: id.mark)
            } else {
                r.error(id.mark, "'oruk_id' should be the id the service had in an Open Referral feed, a UUID like 3f2a8c1e-5b7d-4e9f-a1c2-6d8e0f4b2a7c, not '\(id.value)'",
                        note: "leave it out unless the card was imported from a feed; the export then makes an id from the card's file name")
            }
        }
        details.contactInOpenData = r.yesNo(table["contact_in_open_data"].name) ?? false
        return Result(details: details, organisation: organisation, orukID: orukID)
    }

    // MARK: locations

    static func locations(_ r: inout FieldReader, display: String) -> [CardLocation] {
        let field = table["locations"], fields = field.fields
        guard let node = r.node(field) else { return [] }
        let items: [Node]
        switch node.value {
        case .sequence(let list): items = list
        case .mapping:
            r.error(node.mark, "'locations' should be a list of places: put '- ' before the first field of each place, like '- name: Central Library'")
            return []
        case .scalar:
            r.error(node.mark, "'locations' should be a list of places, each with a 'name' or an 'address' under it, but it is a single value",
                    note: "write the place as '- name: …' on the next line, indented by two spaces; leave 'locations' out for support given online or by phone")
            return []
        }
        let most = field.maxItems ?? items.count
        if items.count > most {
            r.error(node.mark, "'locations' lists \(items.count) places; a card may list at most \(most)",
                    note: "for support in many places, name the main ones and say in the card's text where else it meets")
        }
        var out: [CardLocation] = []
        for item in items.prefix(most) {
            var l = FieldReader(item, file: display, what: "each item of 'locations'", fields: fields, fallback: item.mark)
            let name = l.text(fields["name"])
            let address = addressLines(&l, fields["address"])
            let town = l.text(fields["town"])
            let county = l.text(fields["county"])
            var postcode = l.text(fields["postcode"])
            if let p = postcode, let problem = Postcode.problem(p.value) {
                l.error(p.mark, "'postcode' \(problem)")
                postcode = nil
            }
            let latitude = l.coordinate(fields["latitude"])
            let longitude = l.coordinate(fields["longitude"])
            let accessibility = l.text(fields["accessibility"])
            if case .mapping = item.value, !l.given("name"), !l.given("address") {
                l.error(l.mark, "this place needs a 'name' or an 'address', so that readers know where to go")
            }
            if l.given("address"), !l.given("town") || !l.given("postcode") {
                let missing = [l.given("town") ? nil : "'town'", l.given("postcode") ? nil : "'postcode'"].compactMap { $0 }
                l.error(l.fields["address"]?.key.mark ?? l.mark,
                        "an 'address' needs \(missing.joined(separator: " and ")) too, so that readers and maps can find it")
            }
            switch (l.given("latitude"), l.given("longitude")) {
            case (true, false): l.error(l.fields["latitude"]?.key.mark ?? l.mark, "'latitude' needs 'longitude' too: give both, or neither")
            case (false, true): l.error(l.fields["longitude"]?.key.mark ?? l.mark, "'longitude' needs 'latitude' too: give both, or neither")
            default: break
            }
            if let lat = latitude, let lon = longitude, ukLike(latitude: lon, longitude: lat), !ukLike(latitude: lat, longitude: lon),
               let mark = l.fields["latitude"]?.value.mark {
                l.error(mark, "'latitude' \(lat) and 'longitude' \(lon) look the wrong way round: swapped, they would be in the UK",
                        note: "latitude says how far north (about 50 to 61 in the UK), longitude how far east or west (about -8 to 2)")
            }
            r.diagnostics += l.diagnostics
            out.append(CardLocation(name: name?.value, address: address.map(\.value), town: town?.value, county: county?.value,
                                    postcode: postcode.flatMap { Postcode.normalized($0.value) }, latitude: latitude, longitude: longitude,
                                    accessibility: accessibility?.value))
        }
        return out
    }

    /// A place's `address`: one line of text, or a list of lines.
    static func addressLines(_ l: inout FieldReader, _ field: FieldDescription) -> [Located<String>] {
        guard let node = l.node(field) else { return [] }
        if case .scalar = node.value {
            return l.text(field).map { [$0] } ?? []
        }
        guard let lines = l.list(field) else { return [] }
        if let most = field.maxItems, lines.count > most {
            l.error(node.mark, "'address' has \(lines.count) lines; write at most \(most), without the town and postcode, which have fields of their own")
            return []
        }
        return lines
    }

    /// Roughly the UK and its islands.
    static func ukLike(latitude: Double, longitude: Double) -> Bool {
        (49.0...61.5).contains(latitude) && (-9.0...2.5).contains(longitude)
    }

    // MARK: meets

    static func meets(_ r: inout FieldReader, display: String) -> Meets? {
        let field = table["meets"]
        guard let node = r.node(field) else { return nil }
        switch node.value {
        case .scalar:
            return r.text(field).map { .text($0.value) }
        case .mapping:
            return meeting(node, what: "'meets'", &r, display: display).map { .regular([$0]) }
        case .sequence(let items):
            if let most = field.maxItems, items.count > most {
                r.error(node.mark, "'meets' lists \(items.count) meetings; a card may list at most \(most)",
                        note: "when the times do not fit a few regular meetings, write them in words: 'meets: Every weekday afternoon; see our website'")
                return nil
            }
            if items.isEmpty { return nil }
            var meetings: [Meeting] = []
            var ok = true
            for item in items {
                guard case .mapping = item.value else {
                    r.error(item.mark, "each item of 'meets' should be a meeting with 'days' and times under it, like '- days: [tuesday]', but this is \(item.kindDescription)",
                            note: "to describe the times in words instead, write them on the 'meets' line itself: 'meets: Most Tuesday evenings'")
                    ok = false
                    continue
                }
                if let m = meeting(item, what: "each item of 'meets'", &r, display: display) { meetings.append(m) } else { ok = false }
            }
            return ok ? .regular(meetings) : nil
        }
    }

    static func meeting(_ node: Node, what: String, _ r: inout FieldReader, display: String) -> Meeting? {
        let fields = table["meets"].fields
        var m = FieldReader(node, file: display, what: what, fields: fields, fallback: node.mark)
        defer { r.diagnostics += m.diagnostics }
        let errorsBefore = m.diagnostics.count
        let frequency = m.choice(fields["frequency"], MeetingFrequency.self)
        var days: [Weekday] = []
        let dayNames = fields["days"].values(as: Weekday.self)
        for item in m.list(fields["days"]) ?? [] {
            if let day = Weekday(rawValue: item.value) {
                days.append(day)
            } else {
                m.error(item.mark, "'\(item.value)' is not a day of the week\(DidYouMean.clause(for: item.value.lowercased(), in: dayNames))",
                        note: "days are written in full and in small letters: \(dayNames.joined(separator: ", "))")
            }
        }
        var weeks: [WeekOfMonth] = []
        let weekField = fields["week"]
        let weekNames = weekField.values(as: WeekOfMonth.self)
        if let weekNode = m.node(weekField) {
            // A single week is text within the bound every choice is read with.
            let items: [Located<String>]
            if case .scalar = weekNode.value {
                items = m.text(weekField.name, required: weekField.required, max: FieldReader.choiceMax).map { [$0] } ?? []
            } else {
                items = m.list(weekField) ?? []
            }
            for item in items {
                if let week = WeekOfMonth(rawValue: item.value) {
                    weeks.append(week)
                } else {
                    m.error(item.mark, "'\(item.value)' is not a week of the month\(DidYouMean.clause(for: item.value.lowercased(), in: weekNames))",
                            note: "'week' may be \(weekNames.joined(separator: ", ")), or a list of them, like [first, third]")
                }
            }
        }
        let start = m.clockTime(fields["start"]), end = m.clockTime(fields["end"])
        if let end, start == nil, m.fields["start"] == nil {
            m.error(end.mark, "'end' needs a 'start': say when the meeting begins, like 'start: 10:00'")
        }
        if let start, let end, end.value <= start.value {
            m.error(end.mark, "'end' (\(end.value)) is not after 'start' (\(start.value))",
                    note: "times are on the 24-hour clock: 2 in the afternoon is 14:00")
        }
        let note = m.text(fields["note"])
        let resolved = frequency?.value ?? (m.given("week") ? .monthly : .weekly)
        if resolved == .monthly, !m.given("week"), let f = frequency {
            m.error(f.mark, "a monthly meeting needs 'week': which week of the month it falls in (first, second, third, fourth or last), like 'week: first'")
        }
        if resolved != .monthly, m.given("week"), let week = m.fields["week"] {
            m.error(week.key.mark, "'week' is only for a monthly meeting: add 'frequency: monthly', or remove 'week'")
        }
        guard m.diagnostics.count == errorsBefore, !days.isEmpty else { return nil }
        return Meeting(frequency: resolved, days: days, weeks: weeks, start: start?.value, end: end?.value, note: note?.value)
    }

    // MARK: languages

    static func languages(_ r: inout FieldReader) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for item in r.list(table["languages"]) ?? [] {
            let value = item.value
            let primary = String(value.prefix { $0 != "-" })
            if LanguageTag.isValid(value), LanguageNames.name(of: value) != nil, primary != primary.lowercased() {
                r.error(item.mark, "write the language part of a tag in small letters: '\(primary.lowercased() + value.dropFirst(primary.count))', not '\(value)'")
                continue
            }
            if LanguageTag.isValid(value), LanguageNames.name(of: value) != nil {
                if seen.insert(value.lowercased()).inserted { out.append(value) } else {
                    r.error(item.mark, "'\(value)' is listed twice in 'languages'")
                }
                continue
            }
            if let tag = LanguageNames.table.first(where: { $0.value.lowercased() == value.lowercased() })?.key {
                r.error(item.mark, "'languages' lists languages by their tag: write '\(tag)' for \(value)",
                        note: "a tag is a short code: en for English, cy for Welsh, pl for Polish, bfi for British Sign Language")
            } else {
                r.error(item.mark, "'\(value)' is not a language tag whoswho knows",
                        note: "write a language's tag, like en for English, cy for Welsh, ur for Urdu or bfi for British Sign Language; docs/content-format.md lists where to find others")
            }
        }
        return out
    }
}

extension FieldReader {
    /// True when `key` is written with a value: not missing, empty, `~` or blank text.
    func given(_ key: String) -> Bool {
        guard let node = fields[key]?.value, !node.isNull else { return false }
        switch node.value {
        case .scalar(let text, _): return !text.trimmingWhitespace().isEmpty
        case .sequence(let items): return !items.isEmpty
        case .mapping: return true
        }
    }

    /// `yes`, `no`, `true` or `false`, in any case.
    mutating func yesNo(_ key: String) -> Bool? {
        guard let text = text(key, required: false, max: 10) else { return nil }
        switch text.value.lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        default:
            error(text.mark, "'\(key)' should be yes or no, not '\(text.value)'")
            return nil
        }
    }

    /// A decimal number of degrees between -`limit` and `limit`, like 53.7996 or -1.5491.
    mutating func coordinate(_ field: FieldDescription) -> Double? {
        let key = field.name
        guard let limit = field.coordinateLimit else { preconditionFailure("'\(key)' is not a coordinate in the field table") }
        guard let text = text(key, required: field.required, max: 40) else { return nil }
        guard let value = Self.decimal(text.value) else {
            error(text.mark, "'\(key)' should be a number of degrees written with a decimal point, like \(limit == 90 ? "53.7996" : "-1.5491"), not '\(text.value)'",
                  note: "a map site shows both numbers for a place: the first is the latitude, the second the longitude")
            return nil
        }
        guard abs(value) <= limit else {
            error(text.mark, "'\(key)' is \(text.value); a \(key) is between -\(Int(limit)) and \(Int(limit))")
            return nil
        }
        return value
    }

    /// An optional minus, one to three digits, and optionally a point and up to twelve more.
    static func decimal(_ text: String) -> Double? {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...3).contains(parts[0].count),
              parts.count == 1 || (1...12).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Double(text)
    }

    /// A time of day, `HH:MM` on the 24-hour clock.
    mutating func clockTime(_ field: FieldDescription) -> Located<ClockTime>? {
        let key = field.name
        guard let text = text(field) else { return nil }
        guard let time = ClockTime(text.value) else {
            error(text.mark, "'\(key)' should be a time on the 24-hour clock, like 10:00 or 18:30, not '\(text.value)'")
            return nil
        }
        return Located(time, at: text.mark)
    }
}
