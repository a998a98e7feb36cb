import GrantsCore

/// What a rule found: the outcome and the facts behind it.
public enum RuleStatus: String, CaseIterable, Hashable, Sendable {
    /// The bid meets the rule.
    case pass
    /// The bid breaks the rule.
    case fail
    /// The rule cannot be decided: the bid leaves out a fact it needs, no ledger was given, or no parameter value is in
    /// force.
    case unknown
    /// The rule does not apply to this bid, such as a safeguarding rule for a project that works with no vulnerable
    /// group.
    case notApplicable = "not-applicable"
}

/// A parameter value a rule applied: its name, value, the day it applies from and where it comes from.
public struct AppliedParameter: Hashable, Sendable {
    /// The parameter's name in the rulebook.
    public let name: String
    /// The value in force on the day the bid was checked as of.
    public let value: ParameterValue
    /// The first day that value is in force.
    public let from: Day
    /// The published text the value comes from.
    public let reference: String
    /// The value as people read it, made once when the value is resolved rather than for every bid.
    public let display: String

    /// Records a parameter value as a rule applied it, and renders it for people once.
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
