import GrantsCore

/// The verdict on one bid: every rule's result, and the outcome they add up to.
public struct Eligibility: Hashable, Sendable {
    /// Eligible: no blocking rule failed or was unknown. Ineligible: a blocking rule failed. Incomplete: no
    /// blocking rule failed, but one could not be decided for want of a fact.
    public enum Outcome: String, CaseIterable, Hashable, Sendable {
        case eligible
        case ineligible
        case incomplete
    }

    /// One rule's result, with everything a person needs to see why.
    public struct Result: Hashable, Sendable {
        public let ruleID: String
        public let check: CheckKind
        public let severity: Severity
        public let status: RuleStatus
        /// What the bid holds, as people read it.
        public let found: String
        /// What it was compared with.
        public let limit: String
        public let message: String
        /// The parameter values the rule applied, each with the day it applies from and its reference.
        public let applied: [AppliedParameter]
    }

    public let bidID: String
    public let applicantName: String
    public let requested: Money
    public let scheme: Scheme
    public let year: FinancialYear
    /// The day whose parameter values applied: the bid's submitted date, or `--as-of`.
    public let asOf: Day
    public let rulebook: String
    public let results: [Result]

    /// What the results add up to.
    public var outcome: Outcome {
        let blocking = results.filter { $0.severity == .blocking }
        if blocking.contains(where: { $0.status == .fail }) { return .ineligible }
        if blocking.contains(where: { $0.status == .unknown }) { return .incomplete }
        return .eligible
    }

    /// The ids of the rules that failed (blocking first, then warnings).
    public var failedRules: [String] {
        results.filter { $0.status == .fail && $0.severity == .blocking }.map(\.ruleID)
            + results.filter { $0.status == .fail && $0.severity == .warning }.map(\.ruleID)
    }

    /// The ids of blocking rules that could not be decided.
    public var unknownRules: [String] {
        results.filter { $0.status == .unknown && $0.severity == .blocking }.map(\.ruleID)
    }
}
