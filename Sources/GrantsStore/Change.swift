import GrantsCore

/// Who is making a change, when, and why: kept in the history beside every entry the change records.
public struct Change: Sendable {
    public let actor: String
    public let at: Timestamp
    public let reason: String

    public init(actor: String, at: Timestamp, reason: String) {
        self.actor = actor
        self.at = at
        self.reason = reason
    }
}

/// What recording a batch did.
public struct RecordOutcome: Hashable, Sendable {
    /// New entries written, by kind.
    public let added: [EntryKind: Int]
    /// Entries already stored exactly as given, so left as they were.
    public let unchanged: Int

    /// How many entries were written.
    public var addedCount: Int { added.values.reduce(0, +) }
}
