extension AwardClosure: LedgerEntry {
    /// A closure is recorded as an `award-closure` entry, after the payments on its award.
    public static var kind: EntryKind { .awardClosure }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<AwardClosure>]> { \.closures }
    /// The closure's id, unique among award closures.
    public var entryID: String { id }
    /// Id, award, amount spent and date, as the history keeps them.
    public var fields: Fields {
        Fields([("id", id), ("award", award), ("spent", spent.plain), ("date", date.description)])
    }
}

