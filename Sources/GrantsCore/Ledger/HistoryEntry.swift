/// One line of the ledger's append-only history: what was recorded, by whom, when, why and from where.
public struct HistoryEntry: Hashable, Sendable {
    /// The line's place in the history: later lines have larger numbers.
    public let sequence: Int64
    /// When the change was made, in UTC, such as `2018-04-01T09:00:00Z`.
    public let at: String
    /// Who made the change, by the name they recorded it under.
    public let actor: String
    /// What was done to the entry: `record`, since entries are never edited or deleted.
    public let action: String
    /// The kind of entry, as an `EntryKind` raw value such as `award-closure`.
    public let kind: String
    /// The entry's id, unique within its kind.
    public let entryID: String
    /// Why the change was made, given once for the whole batch it was recorded in.
    public let reason: String
    /// `file:line` when the entry was read from a file.
    public let source: String?
    /// The entry's fields as `name=value; …`.
    public let detail: String

    /// Creates a history line as read back from the ledger.
    public init(
        sequence: Int64, at: String, actor: String, action: String, kind: String, entryID: String, reason: String,
        source: String?, detail: String
    ) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.kind = kind
        self.entryID = entryID
        self.reason = reason
        self.source = source
        self.detail = detail
    }
}
