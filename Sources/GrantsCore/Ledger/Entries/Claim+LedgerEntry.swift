extension Claim: LedgerEntry {
    /// A claim is recorded as a `claim` entry, after its award.
    public static var kind: EntryKind { .claim }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Claim>]> { \.claims }
    /// The claim's id, unique among claims.
    public var entryID: String { id }
    /// Id, award, period claimed for, amount and date, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("period_start", periodStart.description),
            ("period_end", periodEnd.description), ("amount", amount.plain), ("date", date.description),
        ])
    }
}

