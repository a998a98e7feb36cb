extension ContributionReceipt: LedgerEntry {
    /// A receipt is recorded as a `contribution-receipt` entry, after its contribution schedule.
    public static var kind: EntryKind { .contributionReceipt }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<ContributionReceipt>]> { \.receipts }
    /// The receipt's id, unique among contribution receipts.
    public var entryID: String { id }
    /// Id, contribution, financial year, amount and date, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("contribution", contribution), ("financial_year", year.label), ("amount", amount.plain),
            ("date", date.description),
        ])
    }
}

