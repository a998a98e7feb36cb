import GrantsCore

/// Checks bids against a rulebook: every rule, none short-circuited, each result with its reason.
public struct RuleEngine: Sendable {
    /// The rules the bids are checked against.
    public let rulebook: Rulebook
    /// `nil` when no ledger is available: the rules that need it report unknown.
    public let facts: LedgerFacts?
    /// The facts indexed for look-ups, once per engine (not once per part of a round).
    private let index: FactsIndex?

    /// Creates an engine for a rulebook, with the ledger's facts for the bids' year when there is a ledger.
    public init(rulebook: Rulebook, facts: LedgerFacts? = nil) {
        self.rulebook = rulebook
        self.facts = facts
        self.index = facts.map(FactsIndex.init)
    }

    /// Checks one bid; `asOf` (else the bid's submitted date) picks the parameter values that apply.
    public func check(_ bid: BidForm, asOf: Day? = nil) -> Eligibility {
        check([bid], asOf: asOf)[0]
    }

    /// Checks a round of bids together, so repeat applications within the round are seen.
    public func check(_ bids: [BidForm], asOf: Day? = nil) -> [Eligibility] {
        check(bids, asOf: asOf, round: RoundIndex(bids))
    }

    /// Checks some of the bids of a round whose every bid is in `round` (a round too large to hold, checked part
    /// by part).
    public func check(_ bids: [BidForm], asOf: Day? = nil, round: RoundIndex) -> [Eligibility] {
        // Bids in a round mostly share a day, so each day's parameter values are resolved once.
        var resolvedByDay: [Day: [[String: Result<AppliedParameter, ParameterProblem>]]] = [:]
        return bids.map { bid in
            let day = asOf ?? bid.submitted
            let resolved = resolvedByDay[day] ?? rulebook.rules.map { rule in
                CheckContext.resolveAll(rule, rulebook: rulebook, asOf: day)
            }
            resolvedByDay[day] = resolved
            return evaluate(bid, asOf: day, resolved: resolved, facts: index, round: round)
        }
    }

    private func evaluate(
        _ bid: BidForm, asOf: Day, resolved: [[String: Result<AppliedParameter, ParameterProblem>]], facts: FactsIndex?,
        round: RoundIndex
    ) -> Eligibility {
        var results: [Eligibility.RuleResult] = []
        results.reserveCapacity(rulebook.rules.count)
        guard let firstRule = rulebook.rules.first else {
            return Eligibility(
                bidID: bid.id, applicantName: bid.applicant.name, requested: bid.requested, scheme: bid.scheme,
                year: bid.year, asOf: asOf, rulebook: rulebook.source, results: [])
        }
        let context = CheckContext(
            bid: bid, asOf: asOf, rulebook: rulebook, rule: firstRule, resolved: resolved[0], facts: facts, round: round)
        for (position, rule) in rulebook.rules.enumerated() {
            context.rule = rule
            context.resolved = resolved[position]
            let finding = rule.check.definition.evaluate(context)
            results.append(Self.result(rule, finding))
        }
        return Eligibility(
            bidID: bid.id, applicantName: bid.applicant.name, requested: bid.requested, scheme: bid.scheme,
            year: bid.year, asOf: asOf, rulebook: rulebook.source, results: results)
    }

    private static func result(_ rule: Rule, _ finding: CheckFinding) -> Eligibility.RuleResult {
        let template: String?
        switch finding.status {
        case .pass: template = rule.messages.pass
        case .fail: template = rule.messages.fail
        case .unknown: template = rule.messages.unknown
        case .notApplicable: template = nil
        }
        return Eligibility.RuleResult(
            ruleID: rule.id, check: rule.check, severity: rule.severity, status: finding.status, found: finding.found,
            limit: finding.limit, detail: finding.detail, template: template, applied: finding.applied)
    }
}
