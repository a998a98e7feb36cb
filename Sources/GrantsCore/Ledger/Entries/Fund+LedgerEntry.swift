extension Fund: LedgerEntry {
    /// A fund is recorded as a `fund` entry, after the organisation that holds its money.
    public static var kind: EntryKind { .fund }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Fund>]> { \.funds }
    /// The fund's id, such as `CSP-2017-18`.
    public var entryID: String { id }
    /// Id, name, scheme, financial year, amount and funder, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("name", name), ("scheme", scheme.rawValue), ("financial_year", year.label),
            ("amount", amount.plain), ("funder", funder.rawValue),
        ])
    }
}

