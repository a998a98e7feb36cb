extension Payment: LedgerEntry {
    /// A payment is recorded as a `payment` entry, after its award and any claim it pays.
    public static var kind: EntryKind { .payment }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Payment>]> { \.payments }
    /// The payment's id, unique among payments.
    public var entryID: String { id }
    /// Id, award, claim, amount, date and finance system reference, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("claim", claim), ("amount", amount.plain), ("date", date.description),
            ("reference", reference),
        ])
    }
}

