extension Organisation: LedgerEntry {
    /// Organisations are recorded first, since every other kind of entry refers to one.
    public static var kind: EntryKind { .organisation }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Organisation>]> { \.organisations }
    /// The org-id as written, such as `GB-CHC-1164883`.
    public var entryID: String { id.rawValue }
    /// Id, name, kind, members, charity and company numbers, location code and the example flag, as the history keeps
    /// them.
    public var fields: Fields {
        Fields([
            ("id", id.rawValue), ("name", name), ("kind", kind.rawValue),
            ("members", members.isEmpty ? nil : members.map(\.rawValue).joined(separator: ",")),
            ("charity_number", charityNumber), ("company_number", companyNumber),
            ("location_code", locationCode), ("example", isExample ? "true" : nil),
            ("sensitive", isSensitive ? "true" : nil), ("published_as", publishedAs),
        ])
    }
}

