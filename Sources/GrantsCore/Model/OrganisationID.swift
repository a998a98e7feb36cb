/// An organisation identifier in the org-id.guide form used by 360Giving: `GB-CHC-1164883` (charity),
/// `GB-COH-09506232` (company or CIC), `GB-LAE-PRE` (English council), or `360G-<prefix>-<ref>` for a group
/// on no register.
public struct OrganisationID: Hashable, Comparable, Sendable {
    /// The identifier as written.
    public let rawValue: String

    /// Checks the shape: a register prefix (two capital letters, a hyphen, a list code of capitals), or `360G-`
    /// with a publisher prefix, then a hyphen and a reference of letters, digits, hyphens, dots or underscores.
    public init(parsing text: String) throws(OrganisationIDError) {
        // Read as ASCII bytes: anything outside ASCII is refused anyway, and this runs for every bid checked.
        let bytes = Array(text.utf8)
        guard let firstHyphen = bytes.firstIndex(of: UInt8(ascii: "-")),
              let secondHyphen = bytes[(firstHyphen + 1)...].firstIndex(of: UInt8(ascii: "-")) else {
            throw .malformed(text)
        }
        let first = bytes[..<firstHyphen]
        let second = bytes[(firstHyphen + 1)..<secondHyphen]
        let reference = bytes[(secondHyphen + 1)...]
        func isUpper(_ byte: UInt8) -> Bool { (65...90).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
        func isLetterOrDigit(_ byte: UInt8) -> Bool { isUpper(byte) || isDigit(byte) || (97...122).contains(byte) }
        let referenceOK = (1...100).contains(reference.count) && reference.allSatisfy { byte in
            isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        }
        let registerOK: Bool
        if first.elementsEqual("360G".utf8) {
            registerOK = !second.isEmpty && second.allSatisfy(isLetterOrDigit)
        } else {
            registerOK = first.count == 2 && first.allSatisfy(isUpper)
                && (2...8).contains(second.count) && second.allSatisfy { isUpper($0) || isDigit($0) }
        }
        guard registerOK, referenceOK else { throw .malformed(text) }
        self.rawValue = text
    }

    /// Orders ids by their text, for stable listings.
    public static func < (lhs: OrganisationID, rhs: OrganisationID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The register list code: `GB-CHC`, `GB-COH`, `GB-LAE`, or `360G-<prefix>`.
    public var register: String {
        let parts = rawValue.split(separator: "-", maxSplits: 2)
        return parts.prefix(2).joined(separator: "-")
    }
}

extension OrganisationID: CustomStringConvertible {
    /// The id as written, such as `GB-CHC-1164883`.
    public var description: String { rawValue }
}

/// Why an organisation identifier could not be read.
public enum OrganisationIDError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not an org-id of a known shape.
    case malformed(String)

    /// The error as shown to the person who wrote the id, with examples of what is expected.
    public var description: String {
        switch self {
        case .malformed(let text):
            "'\(text)' is not an organisation id; expected an org-id such as GB-CHC-1164883, GB-COH-09506232, "
                + "GB-LAE-SRI, or 360G-<prefix>-<ref> for a group on no register"
        }
    }
}
