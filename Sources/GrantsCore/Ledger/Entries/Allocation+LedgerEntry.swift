extension Allocation: LedgerEntry {
    /// An allocation is recorded as an `allocation` entry, after its fund and partnership.
    public static var kind: EntryKind { .allocation }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Allocation>]> { \.allocations }
    /// The allocation's id, unique among allocations.
    public var entryID: String { id }
    /// Id, fund, partnership, amount, decision and date, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("fund", fund), ("csp", csp.rawValue), ("amount", amount.plain),
            ("decision", decision), ("date", date.description),
        ])
    }
}

