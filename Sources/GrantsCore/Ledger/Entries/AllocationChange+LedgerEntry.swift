extension AllocationChange: LedgerEntry {
    /// A change is recorded as an `allocation-change` entry, after the allocation it changes.
    public static var kind: EntryKind { .allocationChange }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<AllocationChange>]> { \.allocationChanges }
    /// The change's id, unique among allocation changes.
    public var entryID: String { id }
    /// Id, allocation, delta, decision, date and reason, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("allocation", allocation), ("delta", delta.plain), ("decision", decision),
            ("date", date.description), ("reason", reason),
        ])
    }
}

