extension UnderspendReturn: LedgerEntry {
    /// An underspend return is recorded as an `underspend-return` entry, after the payments on its award.
    public static var kind: EntryKind { .underspendReturn }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<UnderspendReturn>]> { \.underspendReturns }
    /// The return's id, unique among underspend returns.
    public var entryID: String { id }
    /// Id, award, amount, date and reason, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("amount", amount.plain), ("date", date.description), ("reason", reason),
        ])
    }
}

