extension Card {
    /// True when the card's contact details may go into the site's bulk data files
    /// (index.json, the Open Referral export): always for an organisation, group or
    /// network; for a person only when the card says `contact_in_open_data: yes`. A
    /// person's own page shows what they publish either way.
    public var sharesContactInData: Bool { kind != .person || details.contactInOpenData }
}
