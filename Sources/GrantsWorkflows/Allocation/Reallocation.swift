import GrantsCore

/// A later decision that cuts a CSP's allocation, or moves part of it to another allocation or to another CSP.
/// Nothing committed can be taken: the ledger refuses a cut below what awards commit.
public enum Reallocation {
    /// Where the money goes.
    public enum Destination: Sendable {
        /// Back to the fund's unallocated pot.
        case fund
        /// To an existing allocation.
        case allocation(String)
        /// To a new allocation for a CSP in the same fund, as the CSP's organisation id was typed.
        case csp(String)
    }

    /// A reallocation decision.
    public struct Request: Sendable {
        /// The allocation cut.
        public var from: String
        /// The amount moved or cut.
        public var amount: Money
        /// Where it goes.
        public var to: Destination
        /// The decision reference.
        public var decision: String
        /// The decision's date.
        public var date: Day
        /// Why.
        public var reason: String

        /// A decision to move `amount` from `from` to `to`.
        public init(from: String, amount: Money, to: Destination, decision: String, date: Day, reason: String) {
            self.from = from
            self.amount = amount
            self.to = to
            self.decision = decision
            self.date = date
            self.reason = reason
        }
    }

    /// What was recorded.
    public struct Result: Sendable {
        /// The new allocation, when the money went to a CSP.
        public let newAllocation: String?
        /// What was written.
        public let outcome: RecordOutcome
    }

    /// Refuses nothing to move.
    public static func requirePositive(_ amount: Money) throws(WorkflowError) {
        guard amount > .zero else { throw .usage("--amount must be more than 0.00") }
    }

    /// Records the decision, or throws why not.
    public static func record(_ request: Request, in store: any LedgerStore, by stamp: Stamp) throws(WorkflowError)
        -> Result
    {
        try requirePositive(request.amount)
        _ = try Input.identifier(request.decision, field: "--decision")
        guard let source = try reading({ () throws(LedgerError) in try store.allocation(request.from) }) else {
            throw .badData("no allocation \(request.from) is in the ledger")
        }
        let slug = Identifiers.slug(request.decision)
        var batch = LedgerBatch()
        batch.allocationChanges.append(Sourced(AllocationChange(
            id: "\(request.from)-\(slug)-CUT", allocation: request.from, delta: Money(pence: -request.amount.pence),
            decision: request.decision, date: request.date, reason: request.reason)))
        var newAllocation: String?
        switch request.to {
        case .fund:
            break
        case .allocation(let to):
            batch.allocationChanges.append(Sourced(AllocationChange(
                id: "\(to)-\(slug)-ADD", allocation: to, delta: request.amount, decision: request.decision,
                date: request.date, reason: request.reason)))
        case .csp(let text):
            let csp = try Input.organisation(text, field: "--to-csp")
            let id = "\(source.fund)-\(slug)-\(csp.rawValue)"
            batch.allocations.append(Sourced(Allocation(
                id: id, fund: source.fund, csp: csp, amount: request.amount, decision: request.decision,
                date: request.date)))
            newAllocation = id
        }
        let outcome = try store.record(batch, by: stamp, because: "\(request.reason) (decision \(request.decision))")
        return Result(newAllocation: newAllocation, outcome: outcome)
    }
}
