/// The part of a name it is filed and sorted under in the A–Z: the name from its first
/// letter or digit, so that `“Cardiff Carers Cwtch”` or `'Chat' café` is filed under
/// its first letter, not under "#" for the quotation mark.
public enum FilingName {
    public static func of(_ name: String) -> Substring {
        let filed = name.drop { !($0.isLetter || $0.isNumber) }
        return filed.isEmpty ? Substring(name) : filed
    }
}
