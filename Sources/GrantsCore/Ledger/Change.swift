/// Who is making a change, when, and why: kept in the history beside every entry the change records.
public struct Change: Sendable {
    /// Who: a person's or a process's name.
    public let actor: String
    /// When, as read by the front end (nothing below it reads the clock).
    public let at: Timestamp
    /// Why, in words: the decision, the import, the override.
    public let reason: String

    /// A change by `actor` at `at` for `reason`.
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

    /// What a recording did.
    public init(added: [EntryKind: Int], unchanged: Int) {
        self.added = added
        self.unchanged = unchanged
    }

    /// How many entries were written.
    public var addedCount: Int { added.values.reduce(0, +) }
}
