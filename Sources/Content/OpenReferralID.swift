/// The ids of records in Open Referral feeds.
public enum OpenReferralID {
    /// True for a UUID written `8-4-4-4-12` in hexadecimal digits, in either case.
    public static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12]
            && groups.allSatisfy { $0.allSatisfy { $0.isHexDigit && $0.isASCII } }
    }
}
