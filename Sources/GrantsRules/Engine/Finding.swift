import GrantsCore

/// What a rule found: the outcome and the facts behind it.
public enum RuleStatus: String, CaseIterable, Hashable, Sendable {
    case pass
    case fail
    case unknown
    case notApplicable = "not-applicable"
}

/// A parameter value a rule applied: its name, value, the day it applies from and where it comes from.
public struct AppliedParameter: Hashable, Sendable {
    public let name: String
    public let value: ParameterValue
    public let from: Day
    public let reference: String
    /// The value as people read it, made once when the value is resolved rather than for every bid.
    public let display: String

    public init(name: String, value: ParameterValue, from: Day, reference: String) {
        self.name = name
        self.value = value
        self.from = from
        self.reference = reference
        self.display = value.display
    }
}

/// What a check returns: the status, what it found in the bid, the limit it compared with, a detail for the
/// message, and the parameter values it used.
struct Finding {
    var status: RuleStatus
    var found: String
    var limit: String = ""
    var detail: String = ""
    var applied: [AppliedParameter] = []

    static func unknown(_ detail: String, found: String = "nothing", applied: [AppliedParameter] = []) -> Finding {
        Finding(status: .unknown, found: found, detail: detail, applied: applied)
    }

    static func notApplicable(_ detail: String) -> Finding {
        Finding(status: .notApplicable, found: "", detail: detail)
    }
}
