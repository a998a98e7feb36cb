import GrantsCore

/// Partners' yearly contributions towards commissioned services: the schedule, its withdrawal, and receipts.
public enum Contributions {
    /// Records a schedule of yearly amounts, sorted by year.
    public static func add(
        _ schedule: ContributionSchedule, in store: any LedgerStore, by stamp: Stamp
    ) throws(WorkflowError) -> RecordOutcome {
        _ = try Input.identifier(schedule.id, field: "--id")
        let sorted = ContributionSchedule(
            id: schedule.id, contributor: schedule.contributor, recipient: schedule.recipient, service: schedule.service,
            committed: schedule.committed, reason: schedule.reason,
            instalments: schedule.instalments.sorted { $0.year < $1.year })
        var batch = LedgerBatch()
        batch.contributions = [Sourced(sorted)]
        return try store.record(batch, by: stamp, because: schedule.reason)
    }

    /// Withdraws a schedule: the years starting on or after `effective` are no longer due.
    public static func withdraw(
        schedule: String, effective: Day, reason: String, in store: any LedgerStore, by stamp: Stamp
    ) throws(WorkflowError) -> RecordOutcome {
        var batch = LedgerBatch()
        batch.withdrawals = [Sourced(ContributionWithdrawal(
            id: Identifiers.contributionWithdrawal(of: schedule), schedule: schedule, effective: effective,
            reason: reason))]
        return try store.record(batch, by: stamp, because: reason)
    }

    /// Records money received for a year of a schedule, numbered `<schedule>-<year>-R01`… unless `id` is given.
    public static func receive(
        schedule: String, year: FinancialYear, amount: Money, date: Day, id: String? = nil,
        in store: any LedgerStore, by stamp: Stamp
    ) throws(WorkflowError) -> RecordOutcome {
        _ = try Input.identifier(id, field: "--id")
        let count = try reading { () throws(LedgerError) in try store.receiptCount(contribution: schedule, year: year) }
        let receiptID = id ?? Identifiers.numbered("\(schedule)-\(year.startYear)", "R", count + 1)
        var batch = LedgerBatch()
        batch.receipts = [Sourced(ContributionReceipt(
            id: receiptID, contribution: schedule, year: year, amount: amount, date: date))]
        return try store.record(batch, by: stamp, because: "receipt on \(schedule) for \(year)")
    }
}
