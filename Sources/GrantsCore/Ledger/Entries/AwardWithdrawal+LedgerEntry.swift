extension AwardWithdrawal: LedgerEntry {
    /// A withdrawal is recorded as an `award-withdrawal` entry, after the award it withdraws.
    public static var kind: EntryKind { .awardWithdrawal }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<AwardWithdrawal>]> { \.awardWithdrawals }
    /// The withdrawal's id, unique among award withdrawals.
    public var entryID: String { id }
    /// Id, award, date and reason, as the history keeps them.
    public var fields: Fields {
        Fields([("id", id), ("award", award), ("date", date.description), ("reason", reason)])
    }
}

