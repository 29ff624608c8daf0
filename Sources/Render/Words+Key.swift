internal import Content

extension Words {
    /// Every word whoswho asks a theme for by a fixed name. The names of languages are the
    /// other words it asks for: `language_` and a tag's first part, for every tag in
    /// `LanguageNames` (`languageKeys`).
    enum Key: String, CaseIterable, Sendable {
        case pageOf = "page_of"
        case azTitle = "az_title", azDescription = "az_description"
        case guidesTitle = "guides_title", guidesDescription = "guides_description"
        case topicsTitle = "topics_title", topicsDescription = "topics_description"
        case topicHeading = "topic_heading", topicDescription = "topic_description"
        case topicRegionHeading = "topic_region_heading"
        case topicRegionDescriptionOne = "topic_region_description_one", topicRegionDescription = "topic_region_description"
        case regionsTitle = "regions_title", regionsDescription = "regions_description"
        case regionHeading = "region_heading", regionDescription = "region_description"
        case searchTitle = "search_title", searchDescription = "search_description"
        case notFoundTitle = "not_found_title", notFoundDescription = "not_found_description"
        case movedTitle = "moved_title", movedDescription = "moved_description"
        case entriesDescription = "entries_description", yes = "yes_value", no = "no_value"
        case lookingForTitle = "looking_for_title", lookingForDescription = "looking_for_description"
        case evidenceTitle = "evidence_title", evidenceDescription = "evidence_description"
        case coverageTitle = "coverage_title", coverageDescription = "coverage_description"
        case coverageNone = "coverage_none", coverageOne = "coverage_one", coverageMany = "coverage_many"
        case coverageRange = "coverage_range"
        case downloadPart = "download_part", downloadCards = "download_cards", downloadCoverage = "download_coverage"
        case downloadMetadata = "download_metadata", downloadIndex = "download_index"
        case downloadOpenReferral = "download_open_referral"
        case mapOf = "map_of", thisPlace = "this_place", morePlaces = "more_places"
        case problemTitle = "problem_title", problemBody = "problem_body"
        case date
        case month1 = "month_1", month2 = "month_2", month3 = "month_3", month4 = "month_4", month5 = "month_5"
        case month6 = "month_6", month7 = "month_7", month8 = "month_8", month9 = "month_9", month10 = "month_10"
        case month11 = "month_11", month12 = "month_12"
        case kindPerson = "kind_person", kindGroup = "kind_group", kindOrganisation = "kind_organisation", kindNetwork = "kind_network"
        case guideLabel = "guide_label"
        case statusActive = "status_active", statusPaused = "status_paused", statusClosed = "status_closed"
        case formatOneToOne = "format_one_to_one", formatGroup = "format_group", formatOnline = "format_online"
        case formatPhone = "format_phone", formatText = "format_text", formatInPerson = "format_in_person"
        case referralSelfReferral = "referral_self_referral", referralDropIn = "referral_drop_in"
        case referralAppointment = "referral_appointment", referralProfessionalReferral = "referral_professional_referral"
        case wayInSelfReferral = "way_in_self_referral", wayInDropIn = "way_in_drop_in"
        case wayInAppointment = "way_in_appointment", wayInProfessionalReferral = "way_in_professional_referral"
        case listAnd = "list_and", listOr = "list_or", listComma = "list_comma"
        case costFree = "cost_free"
        case dayMonday = "day_monday", dayTuesday = "day_tuesday", dayWednesday = "day_wednesday", dayThursday = "day_thursday"
        case dayFriday = "day_friday", daySaturday = "day_saturday", daySunday = "day_sunday"
        case daysMonday = "days_monday", daysTuesday = "days_tuesday", daysWednesday = "days_wednesday", daysThursday = "days_thursday"
        case daysFriday = "days_friday", daysSaturday = "days_saturday", daysSunday = "days_sunday"
        case weekFirst = "week_first", weekSecond = "week_second", weekThird = "week_third", weekFourth = "week_fourth", weekLast = "week_last"
        case meetsEveryDay = "meets_every_day", meetsWeekdays = "meets_weekdays", meetsWeekends = "meets_weekends"
        case meetsWeekly = "meets_weekly", meetsFortnightly = "meets_fortnightly", meetsMonthly = "meets_monthly"
        case meetsFromTo = "meets_from_to", meetsFrom = "meets_from", meetsNote = "meets_note", meetsJoin = "meets_join"
        case csvCardsTitle = "csv_cards_title", csvCoverageTitle = "csv_coverage_title"
        case csvCardsSlug = "csv_cards_slug", csvCardsName = "csv_cards_name", csvCardsKind = "csv_cards_kind"
        case csvCardsStatus = "csv_cards_status", csvCardsSummary = "csv_cards_summary", csvCardsTopics = "csv_cards_topics"
        case csvCardsRegions = "csv_cards_regions", csvCardsUpdated = "csv_cards_updated", csvCardsPage = "csv_cards_page"
        case csvCardsFormats = "csv_cards_formats", csvCardsLookingFor = "csv_cards_looking_for", csvCardsWebsite = "csv_cards_website"
        case csvCardsEmail = "csv_cards_email", csvCardsPhone = "csv_cards_phone", csvCardsOrganisation = "csv_cards_organisation"
        case csvCardsOrganisationSlug = "csv_cards_organisation_slug", csvCardsEligibility = "csv_cards_eligibility"
        case csvCardsCost = "csv_cards_cost", csvCardsReferral = "csv_cards_referral", csvCardsLanguages = "csv_cards_languages"
        case csvCardsMeets = "csv_cards_meets", csvCardsLocations = "csv_cards_locations", csvCardsPostcodes = "csv_cards_postcodes"
        case csvCoverageTopic = "csv_coverage_topic", csvCoverageTopicSlug = "csv_coverage_topic_slug"
        case csvCoverageRegion = "csv_coverage_region", csvCoverageRegionSlug = "csv_coverage_region_slug"
        case csvCoverageWithin = "csv_coverage_within", csvCoverageActiveCards = "csv_coverage_active_cards"
        case csvCoverageActiveCoveringFromWider = "csv_coverage_active_covering_from_wider", csvCoveragePage = "csv_coverage_page"
    }
}

extension Words {
    /// The words naming languages, `language_cy` for Welsh: one for every tag a card may
    /// list in `languages`.
    static let languageKeys: [String] = LanguageNames.table.keys.sorted().map { "language_" + $0 }

    /// Every word whoswho asks a theme for.
    static let allKeys: Set<String> = Set(Key.allCases.map(\.rawValue) + languageKeys)
}
