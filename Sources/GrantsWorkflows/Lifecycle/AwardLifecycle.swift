import GrantsCore

/// The steps of an award after the decision: claims in arrears, payments, the end-of-grant report that closes it,
/// and withdrawal before anything is paid. Each step is one change; an illegal step is refused with the reason.
public enum AwardLifecycle {
    /// What a recorded step wrote, and the id it gave the new entry.
    public struct Step: Sendable {
        /// The new entry's id.
        public let id: String
        /// What was written (nothing new when the same step was recorded before).
        public let outcome: RecordOutcome
    }

    /// A claim on `award` for the work done in `period`, numbered `<award>-C01`, `-C02`… unless `id` is given; what
    /// was done, when said, is kept in the history with it.
    public static func claim(
        award: String, period: ClosedRange<Day>, amount: Money, date: Day, id: String? = nil, done: String? = nil,
        in store: any LedgerStore, by stamp: Stamp
    ) throws(WorkflowError) -> Step {
        _ = try Input.identifier(id, field: "--id")
        let count = try reading { () throws(LedgerError) in try store.claimCount(award: award) }
        let claimID = id ?? Identifiers.numbered(award, "C", count + 1)
        var batch = LedgerBatch()
        batch.claims = [Sourced(Claim(
            id: claimID, award: award, periodStart: period.lowerBound, periodEnd: period.upperBound, amount: amount,
            date: date))]
        let reason = "claim on \(award) for \(period.lowerBound) to \(period.upperBound)"
            + (done.map { "; what was done: \($0)" } ?? "")
        return Step(id: claimID, outcome: try store.record(batch, by: stamp, because: reason))
    }

    /// The financial year of an award's fund, which a claim period such as `Q2` is read in.
    public static func year(ofAward award: String, in store: any LedgerStore) throws(WorkflowError) -> FinancialYear {
        guard let entry = try reading({ () throws(LedgerError) in try store.award(award) }) else {
            throw .badData("no award \(award) is in the ledger")
        }
        guard let fund = try reading({ () throws(LedgerError) in try store.fund(entry.fund) }) else {
            throw .badData("the fund of award \(award) is missing")
        }
        return fund.year
    }

    /// Pays a claim in full, numbered `<award>-P01`, `-P02`… unless `id` is given.
    public static func pay(
        claim: String, date: Day, reference: String? = nil, id: String? = nil, in store: any LedgerStore,
        by stamp: Stamp
    ) throws(WorkflowError) -> (step: Step, claim: Claim) {
        _ = try Input.identifier(id, field: "--id")
        guard let entry = try reading({ () throws(LedgerError) in try store.claim(claim) }) else {
            throw .badData("no claim \(claim) is in the ledger")
        }
        let count = try reading { () throws(LedgerError) in try store.paymentCount(award: entry.award) }
        let paymentID = id ?? Identifiers.numbered(entry.award, "P", count + 1)
        var batch = LedgerBatch()
        batch.payments = [Sourced(Payment(
            id: paymentID, award: entry.award, claim: claim, amount: entry.amount, date: date, reference: reference))]
        let outcome = try store.record(batch, by: stamp, because: "payment of claim \(claim)")
        return (Step(id: paymentID, outcome: outcome), entry)
    }

    /// Closes an open award with what the recipient spent: unspent money paid is owed back, the unpaid part is
    /// released.
    public static func close(award: String, spent: Money, date: Day, in store: any LedgerStore, by stamp: Stamp)
        throws(WorkflowError) -> Step
    {
        try requireOpen(award, in: store, doing: "closed")
        let id = Identifiers.closure(of: award)
        var batch = LedgerBatch()
        batch.closures = [Sourced(AwardClosure(id: id, award: award, spent: spent, date: date))]
        return Step(id: id, outcome: try store.record(batch, by: stamp, because: "end-of-grant report for \(award)"))
    }

    /// One line on where an award's money stands: awarded, paid, released, owed back, returned.
    public static func summary(of award: String, in store: any LedgerStore) throws(WorkflowError) -> String? {
        try reading { () throws(LedgerError) in try store.awardSummary(award) }
    }

    /// Withdraws an open award nothing has been paid on; all of it is released.
    public static func withdraw(award: String, date: Day, reason: String, in store: any LedgerStore, by stamp: Stamp)
        throws(WorkflowError) -> Step
    {
        try requireOpen(award, in: store, doing: "withdrawn")
        let id = Identifiers.withdrawal(of: award)
        var batch = LedgerBatch()
        batch.awardWithdrawals = [Sourced(AwardWithdrawal(id: id, award: award, date: date, reason: reason))]
        return Step(id: id, outcome: try store.record(batch, by: stamp, because: "withdrawal of \(award): \(reason)"))
    }

    /// Refuses a step on an award that is unknown, closed or withdrawn, saying which.
    static func requireOpen(_ award: String, in store: any LedgerStore, doing step: String) throws(WorkflowError) {
        switch try reading({ () throws(LedgerError) in try store.state(ofAward: award) }) {
        case nil: throw .badData("no award \(award) is in the ledger")
        case .closed?: throw .badData("award \(award) is already closed and cannot be \(step)")
        case .withdrawn?: throw .badData("award \(award) was withdrawn and cannot be \(step)")
        case .awarded?, .claiming?: return
        }
    }
}
