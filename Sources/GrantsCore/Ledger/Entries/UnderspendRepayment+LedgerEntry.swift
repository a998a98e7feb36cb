extension UnderspendRepayment: LedgerEntry {
    /// An underspend repayment is recorded as an `underspend-return` entry, after the payments on its award.
    public static var kind: EntryKind { .underspendRepayment }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<UnderspendRepayment>]> { \.underspendRepayments }
    /// The repayment's id, unique among underspend repayments.
    public var entryID: String { id }
    /// Id, award, amount, date and reason, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("amount", amount.plain), ("date", date.description), ("reason", reason),
        ])
    }
}

