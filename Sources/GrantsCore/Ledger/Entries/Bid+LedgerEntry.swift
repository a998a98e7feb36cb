extension Bid: LedgerEntry {
    /// A bid is recorded as a `bid` entry, after its fund and applicant.
    public static var kind: EntryKind { .bid }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Bid>]> { \.bids }
    /// The bid's id, unique among bids.
    public var entryID: String { id }
    /// Id, fund, applicant, title, amount requested, day submitted and partnership, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("fund", fund), ("applicant", applicant.rawValue), ("title", title),
            ("requested", requested.plain), ("submitted", submitted.description), ("csp", csp?.rawValue),
        ])
    }
}

