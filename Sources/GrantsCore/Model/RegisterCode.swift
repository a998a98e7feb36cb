/// The numbers registers give organisations, in the shapes a spend return's schema requires
/// (`grants-return-1.xsd`: its types `charityNumber`, `companyNumber` and `locationCode`), so that an organisation the
/// ledger holds can always be written into a valid return.
public enum RegisterCode: String, CaseIterable, Sendable {
    /// A registered charity number: the Charity Commission's for England and Wales (6 or 7 digits, `1164883`, with
    /// `-1` and so on for a linked charity), OSCR's (`SC012345`) or the Charity Commission for Northern Ireland's
    /// (`NIC100002`).
    case charityNumber
    /// A Companies House number: 8 digits (`09506232`), or two capitals and 6 digits (`SC123456`), or a capital
    /// and 7 digits (`R0000123`).
    case companyNumber
    /// An ONS (GSS) area code: a country letter (E, W, S, N; J, K, L, M for wider areas) and 8 digits (`E07000126`).
    case locationCode

    /// What the code must look like, for messages.
    public var expected: String {
        switch self {
        case .charityNumber:
            "6 or 7 digits (1164883, or 1164883-1 for a linked charity), SC and 6 digits (Scotland) or NIC and 6 digits "
                + "(Northern Ireland)"
        case .companyNumber: "8 digits (09506232), or two capitals and 6 digits (SC123456)"
        case .locationCode: "an ONS area code, a country letter and 8 digits (E07000126)"
        }
    }

    /// Whether `text` has the shape.
    public func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { (48...57).contains($0) }
        }
        func capitals(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { (65...90).contains($0) }
        }
        func starts(with prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }
        switch self {
        case .charityNumber:
            if bytes.count == 8 && starts(with: "SC") { return digits(2..<8) }
            if bytes.count == 9 && starts(with: "NIC") { return digits(3..<9) }
            let main = bytes.firstIndex(of: UInt8(ascii: "-")) ?? bytes.count
            guard (6...7).contains(main), digits(0..<main) else { return false }
            return main == bytes.count || (2...4).contains(bytes.count - main) && digits((main + 1)..<bytes.count)
        case .companyNumber:
            guard bytes.count == 8 else { return false }
            return digits(0..<8) || capitals(0..<2) && digits(2..<8) || capitals(0..<1) && digits(1..<8)
        case .locationCode:
            return bytes.count == 9 && "EJKLMNSW".utf8.contains(bytes[0]) && digits(1..<9)
        }
    }

    /// Why `text` is not a code of this kind, or `nil` when it is one.
    public func problem(_ text: String) -> String? {
        isValid(text) ? nil : "'\(text)' is not a \(name); expected \(expected)"
    }

    private var name: String {
        switch self {
        case .charityNumber: "charity number"
        case .companyNumber: "company number"
        case .locationCode: "location code"
        }
    }
}
