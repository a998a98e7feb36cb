extension Award: LedgerEntry {
    /// An award is recorded as an `award` entry, after its fund, allocation, bid and recipient.
    public static var kind: EntryKind { .award }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Award>]> { \.awards }
    /// The award's id, unique among awards.
    public var entryID: String { id }
    /// Id, bid, fund, allocation, recipient, title, amount, decision, dates and priorities, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("bid", bid), ("fund", fund), ("allocation", allocation),
            ("recipient", recipient.rawValue), ("title", title), ("amount", amount.plain),
            ("decision", decision), ("award_date", awardDate.description),
            ("planned_start", plannedStart.description), ("planned_end", plannedEnd.description),
            ("priorities", priorities.map(\.slug).joined(separator: ",")),
            ("purpose", purpose), ("reasons", reasons), ("conditions", conditions),
        ])
    }
}

