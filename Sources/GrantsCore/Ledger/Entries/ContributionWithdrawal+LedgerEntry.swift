extension ContributionWithdrawal: LedgerEntry {
    /// A withdrawal is recorded as a `contribution-withdrawal` entry, after the schedule it stops.
    public static var kind: EntryKind { .contributionWithdrawal }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<ContributionWithdrawal>]> { \.withdrawals }
    /// The withdrawal's id, unique among contribution withdrawals.
    public var entryID: String { id }
    /// Id, contribution, effective day and reason, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("contribution", schedule), ("effective", effective.description), ("reason", reason),
        ])
    }
}
