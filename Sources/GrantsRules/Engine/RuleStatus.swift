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
