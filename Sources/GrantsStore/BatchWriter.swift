import GrantsCore

/// Writes one batch inside a transaction it is given: checks each entry against what is stored and what came
/// before it in the batch, inserts it, and adds a line of history. Any throw rolls the whole batch back.
///
/// What each kind checks and inserts is in its folder under `Entries/`; the checks they share are in
/// `BatchWriter+Checks.swift`.
final class BatchWriter {
    let db: SQLConnection
    let change: Change
    private var added: [EntryKind: Int] = [:]
    private var unchanged = 0

    init(db: SQLConnection, change: Change) {
        self.db = db
        self.change = change
    }

    /// Records the batch kind by kind, in the order of `EntryKind.allCases`: each kind may refer to the ones before.
    /// Every entry's shape (ids, text) is checked first, so a malformed entry is refused before anything is written.
    func write(_ batch: LedgerBatch) throws -> RecordOutcome {
        try requireShapes(batch)
        for kind in EntryKind.allCases {
            try kind.requireStored().record(batch, by: self)
        }
        return RecordOutcome(added: added, unchanged: unchanged)
    }

    /// Records each entry that is new, with its line of history; returns those it inserted. An entry already stored
    /// (or given earlier in the batch) exactly as here is left alone; one with the same id and other contents is
    /// refused.
    @discardableResult
    func each<E: StoredEntry>(_ entries: [Sourced<E>]) throws -> [Sourced<E>] {
        var seen: [String: Sourced<E>] = [:]
        var inserted: [Sourced<E>] = []
        for entry in entries {
            let id = entry.value.entryID
            let fields = entry.value.fields
            if let earlier = seen[id] {
                if earlier.value.fields == fields {
                    unchanged += 1
                    continue
                }
                let first = earlier.origin.map { " (first at \($0.location()))" } ?? ""
                throw LedgerError(
                    .duplicateID,
                    "\(E.kind.title) \(id) is given twice with different contents\(first); ids must be unique",
                    origin: entry.origin, field: "id", entryID: id)
            }
            seen[id] = entry
            if let existing = try E.read(id, db) {
                let differences = existing.fields.differences(from: fields)
                if differences.isEmpty {
                    unchanged += 1
                    continue
                }
                let listed = differences.map { "\($0.field) is \($0.mine) in the ledger but \($0.theirs) here" }
                throw LedgerError(
                    .conflict,
                    "\(E.kind.title) \(id) is already in the ledger with different contents: "
                        + listed.joined(separator: "; ")
                        + ". Entries are never edited: record a correction as a new entry",
                    origin: entry.origin, field: differences.first?.field, entryID: id)
            }
            try entry.value.insert(by: self, origin: entry.origin)
            try db.execute(
                cachedSQL: """
                    INSERT INTO history (at, actor, action, kind, entry_id, reason, source, detail)
                    VALUES (?, ?, 'record', ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    change.at.text, change.actor, E.kind.rawValue, id, change.reason,
                    entry.origin?.location(), fields.summary,
                ])
            added[E.kind, default: 0] += 1
            inserted.append(entry)
        }
        return inserted
    }
}
