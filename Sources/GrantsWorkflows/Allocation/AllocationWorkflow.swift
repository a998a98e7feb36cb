import GrantsCore

/// Splits a fund's pot between CSPs by a formula, to the penny, under one decision: first the plan (what a dry
/// run shows), then the allocations recorded in one change.
public enum AllocationWorkflow {
    /// A decision to allocate a fund by a formula.
    public struct Request: Sendable {
        /// The fund to allocate.
        public var fund: String
        /// The formula.
        public var formula: AllocationFormula
        /// How the formula is named in messages and the history (its file).
        public var formulaName: String
        /// The decision reference, such as `2017/12`.
        public var decision: String
        /// The decision's date.
        public var date: Day

        /// A request to allocate `fund` by `formula` under `decision` on `date`.
        public init(fund: String, formula: AllocationFormula, formulaName: String, decision: String, date: Day) {
            self.fund = fund
            self.formula = formula
            self.formulaName = formulaName
            self.decision = decision
            self.date = date
        }
    }

    /// The shares the formula gives, before anything is recorded.
    public struct Proposal: Sendable {
        /// What was asked.
        public let request: Request
        /// Each CSP's share, what is retained and what is left unshared.
        public let plan: AllocationPlan
        /// The CSPs' names, for the table.
        public let names: [OrganisationID: String]

        /// The allocations the plan makes: one per CSP with a share above zero, numbered in the formula's order.
        public var allocations: [Allocation] {
            plan.shares.enumerated().compactMap { index, share in
                guard share.total > .zero else { return nil }
                return Allocation(
                    id: Identifiers.allocation(fund: request.fund, decision: request.decision, position: index + 1),
                    fund: request.fund, csp: share.csp, amount: share.total, decision: request.decision,
                    date: request.date)
            }
        }
    }

    /// Applies the formula to what is left of the fund; refuses a fund not split into allocations, a formula that
    /// cannot be met, or a CSP not in the ledger.
    public static func plan(_ request: Request, in store: any LedgerStore) throws(WorkflowError) -> Proposal {
        try requireDecision(request.decision)
        guard let fund = try reading({ () throws(LedgerError) in try store.fund(request.fund) }) else {
            throw .badData("no fund \(request.fund) is in the ledger")
        }
        guard fund.scheme.awardsDrawOnAllocations else {
            throw .badData("fund \(fund.id) is a \(fund.scheme.rawValue) fund, which is not split into CSP allocations")
        }
        let available = try reading { () throws(LedgerError) in try store.unallocated(fund: fund.id) }
        let plan: AllocationPlan
        do {
            plan = try request.formula.plan(available: available)
        } catch {
            throw .badData("\(request.formulaName): the formula cannot be met: \(error)")
        }
        // A dry run makes every check the recording makes, so it never says yes where the real run says no.
        if let closed = try reading({ () throws(LedgerError) in try store.yearEnd(fund.year) }).closedOn {
            throw .badData("the financial year \(fund.year) was closed on \(closed): fund \(fund.id) takes no new allocations")
        }
        var names: [OrganisationID: String] = [:]
        for csp in request.formula.csps {
            guard let org = try reading({ () throws(LedgerError) in try store.organisation(csp) }) else {
                throw .badData("\(request.formulaName): \(csp) is not in the ledger")
            }
            guard org.kind == .communitySafetyPartnership else {
                throw .badData(
                    "\(request.formulaName): \(csp) (\(org.name)) is \(org.kind.title), not a community safety partnership")
            }
            names[csp] = org.name
        }
        return Proposal(request: request, plan: plan, names: names)
    }

    /// Refuses an empty decision reference: every allocation must say which decision made it.
    public static func requireDecision(_ decision: String) throws(WorkflowError) {
        if decision.allSatisfy(\.isWhitespace) { throw .usage("--decision is empty") }
        _ = try Input.identifier(decision, field: "--decision")
    }

    /// Records the proposal's allocations, all or none.
    public static func record(_ proposal: Proposal, in store: any LedgerStore, by stamp: Stamp)
        throws(WorkflowError) -> RecordOutcome
    {
        var batch = LedgerBatch()
        batch.allocations = proposal.allocations.map { Sourced($0) }
        let request = proposal.request
        let reason = "allocation of \(request.fund) by \(request.formulaName) (decision \(request.decision))"
        return try store.record(batch, by: stamp, because: reason)
    }
}
