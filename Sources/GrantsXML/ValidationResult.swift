/// What validating a document against the return schema found: it is valid, or it is not, and why.
public enum ValidationResult: Hashable, Sendable {
    /// Well-formed, no DOCTYPE, valid against `grants-return-1.xsd`, and consistent (`ValidationIssue.Check`).
    case valid
    /// Refused, with every issue found, in document order (never empty).
    case invalid([ValidationIssue])

    /// Whether the document is valid.
    public var isValid: Bool { self == .valid }

    /// The issues found; empty when valid.
    public var issues: [ValidationIssue] {
        switch self {
        case .valid: []
        case .invalid(let issues): issues
        }
    }
}
