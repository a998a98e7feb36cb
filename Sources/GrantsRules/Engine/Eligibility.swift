import GrantsCore

/// The verdict on one bid: every rule's result, and the outcome they add up to.
public struct Eligibility: Hashable, Sendable {
    /// Eligible: no blocking rule failed or was unknown. Ineligible: a blocking rule failed. Incomplete: no
    /// blocking rule failed, but one could not be decided for want of a fact.
    public enum Outcome: String, CaseIterable, Hashable, Sendable {
        /// Every blocking rule passed or did not apply: the bid meets the scheme's rules.
        case eligible
        /// At least one blocking rule failed: the bid does not meet the scheme's rules.
        case ineligible
        /// No blocking rule failed, but at least one could not be decided for want of a fact, such as a missing field
        /// or no ledger.
        case incomplete
    }

    /// One rule's result, with everything a person needs to see why.
    public struct RuleResult: Hashable, Sendable {
        /// The rule's id in the rulebook, such as `CAF-AMOUNT`.
        public let ruleID: String
        /// The check kind the rule used.
        public let check: CheckKind
        /// Whether the rule blocks or only warns, which decides whether it counts towards the outcome.
        public let severity: Severity
        /// Whether the rule passed, failed, could not decide or did not apply.
        public let status: RuleStatus
        /// What the bid holds, as people read it.
        public let found: String
        /// What it was compared with.
        public let limit: String
        /// The check's own account of what it found.
        public let detail: String
        /// The rulebook's message for this outcome, if it has one.
        public let template: String?
        /// The parameter values the rule applied, each with the day it applies from and its reference.
        public let applied: [AppliedParameter]

        /// The rule's message, filled in (made when asked for: a round of many bids need not build them all).
        public var message: String {
            if let template {
                return MessageTemplates.render(template, found: found, limit: limit, detail: detail)
            }
            switch status {
            case .pass: return limit.isEmpty ? detail : "\(found): within \(limit)"
            case .fail: return "\(found): \(detail)"
            case .unknown: return "Cannot decide: \(detail)"
            case .notApplicable: return "Does not apply: \(detail)"
            }
        }
    }

    /// The id of the bid checked.
    public let bidID: String
    /// The applicant's name, for reports.
    public let applicantName: String
    /// The amount the bid asked for, for reports.
    public let requested: Money
    /// The scheme the bid was checked against.
    public let scheme: Scheme
    /// The financial year the bid was for.
    public let year: FinancialYear
    /// The day whose parameter values applied: the bid's submitted date, or `--as-of`.
    public let asOf: Day
    /// Where the rulebook came from (a file path or a shipped rulebook's name), so a result can be traced to its rules.
    public let rulebook: String
    /// One result per rule of the rulebook, in the rulebook's order: none is skipped.
    public let results: [RuleResult]
    /// What the results add up to, worked out once.
    public let outcome: Outcome

    init(
        bidID: String, applicantName: String, requested: Money, scheme: Scheme, year: FinancialYear, asOf: Day,
        rulebook: String, results: [RuleResult]
    ) {
        self.bidID = bidID
        self.applicantName = applicantName
        self.requested = requested
        self.scheme = scheme
        self.year = year
        self.asOf = asOf
        self.rulebook = rulebook
        self.results = results
        self.outcome = Self.outcome(of: results)
    }

    /// Ineligible on a blocking fail; else incomplete on a blocking unknown; else eligible.
    static func outcome(of results: [RuleResult]) -> Outcome {
        var undecided = false
        for index in results.indices where results[index].severity == .blocking {
            switch results[index].status {
            case .fail: return .ineligible
            case .unknown: undecided = true
            case .pass, .notApplicable: break
            }
        }
        return undecided ? .incomplete : .eligible
    }

    /// The ids of the rules that failed (blocking first, then warnings).
    /// (Each is read by position: a `filter` would copy every result, all its text, to read two fields.)
    public var failedRules: [String] {
        ruleIDs(.fail, .blocking) + ruleIDs(.fail, .warning)
    }

    /// The ids of blocking rules that could not be decided.
    public var unknownRules: [String] {
        ruleIDs(.unknown, .blocking)
    }

    private func ruleIDs(_ status: RuleStatus, _ severity: Severity) -> [String] {
        var ids: [String] = []
        for index in results.indices where results[index].status == status && results[index].severity == severity {
            ids.append(results[index].ruleID)
        }
        return ids
    }
}
