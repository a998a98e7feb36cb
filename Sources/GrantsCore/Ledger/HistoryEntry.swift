/// One line of the ledger's append-only history: what was recorded, by whom, when, why and from where.
public struct HistoryEntry: Hashable, Sendable {
    public let sequence: Int64
    public let at: String
    public let actor: String
    public let action: String
    public let kind: String
    public let entryID: String
    public let reason: String
    /// `file:line` when the entry was read from a file.
    public let source: String?
    /// The entry's fields as `name=value; …`.
    public let detail: String

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
