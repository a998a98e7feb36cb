/// An entry the ledger records: an id, a kind and its fields.
public protocol LedgerEntry: Hashable, Sendable {
    /// The kind of entry, which the history and error messages name it by.
    static var kind: EntryKind { get }
    /// Where a batch keeps entries of this kind: `\.awards` for awards.
    static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<Self>]> { get }
    /// The id, unique within its kind.
    var entryID: String { get }
    /// The entry as named text fields: what the history keeps, and what an entry recorded again is compared by.
    var fields: Fields { get }
}
