/// An organisation identifier in the org-id.guide form used by 360Giving: `GB-CHC-1164883` (charity),
/// `GB-COH-09506232` (company or CIC), `GB-LAE-PRE` (English council), or `360G-<prefix>-<ref>` for a group
/// on no register.
public struct OrganisationID: Hashable, Comparable, Sendable {
    /// The identifier as written.
    public let rawValue: String

    /// Checks the shape: a register prefix (two capital letters, a hyphen, a list code of capitals), or `360G-`
    /// with a publisher prefix, then a hyphen and a reference of letters, digits, hyphens, dots or underscores.
    public init(parsing text: String) throws(OrganisationIDError) {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[2].isEmpty, parts[2].count <= 100 else { throw .malformed(text) }
        let (first, second, reference) = (parts[0], parts[1], parts[2])
        let referenceOK = reference.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
        let registerOK: Bool
        if first == "360G" {
            registerOK = !second.isEmpty && second.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        } else {
            registerOK = first.count == 2 && first.allSatisfy { $0.isASCII && $0.isUppercase }
                && (2...8).contains(second.count) && second.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        }
        guard registerOK, referenceOK else { throw .malformed(text) }
        self.rawValue = text
    }

    public static func < (lhs: OrganisationID, rhs: OrganisationID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The register list code: `GB-CHC`, `GB-COH`, `GB-LAE`, or `360G-<prefix>`.
    public var register: String {
        let parts = rawValue.split(separator: "-", maxSplits: 2)
        return parts.prefix(2).joined(separator: "-")
    }
}

extension OrganisationID: CustomStringConvertible {
    public var description: String { rawValue }
}

/// Why an organisation identifier could not be read.
public enum OrganisationIDError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let text):
            "'\(text)' is not an organisation id; expected an org-id such as GB-CHC-1164883, GB-COH-09506232, "
                + "GB-LAE-SRI, or 360G-<prefix>-<ref> for a group on no register"
        }
    }
}
