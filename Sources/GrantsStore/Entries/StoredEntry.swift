import GrantsCore

/// A kind of entry the ledger keeps in a table of its own: how it is read back, and how it is checked and inserted.
///
/// Each kind conforms in a folder of its own here: `Award/Award+Reading.swift` names its table and reads a row back
/// into an `Award`; `Award/Award+Writing.swift` checks a new award against what is stored and inserts it.
/// `BatchWriter` records the kinds in the order of `EntryKind.allCases`.
protocol StoredEntry: LedgerEntry {
    /// The table whose rows are the entries of this kind.
    static var table: String { get }
    /// A row of `table` read back into an entry; what the entry keeps in other tables is read from `db`.
    init(row: StoredRow, _ db: SQLConnection) throws
    /// The stored entry with this id, if there is one.
    static func read(_ id: String, _ db: SQLConnection) throws -> Self?
    /// What the entry carries that is checked on its own, before any entry of the batch is recorded.
    var shape: EntryShape { get }
    /// Checks the entry against what is stored (and what came before it in the batch) and inserts it, or throws
    /// the `LedgerError` that refuses it.
    func insert(by writer: BatchWriter, origin: Origin?) throws
    /// Records a batch's entries of this kind.
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws
}

extension StoredEntry {
    /// By the `id` column.
    static func read(_ id: String, _ db: SQLConnection) throws -> Self? {
        try read(where: "id", is: id, db)
    }

    /// The first stored entry whose `column` holds `value` (a key of the table, such as an award's closure by
    /// `award_id`).
    static func read(where column: String, is value: some SQLValueConvertible, _ db: SQLConnection) throws -> Self? {
        // No entry's text holds a NUL (the shapes refuse control characters), and PostgreSQL's text cannot hold one to
        // compare: there is no such entry.
        if case .text(let text) = value.sqlValue, text.unicodeScalars.contains("\u{0}") { return nil }
        return try SQLRow.fetchOne(db, cachedSQL: "SELECT * FROM \(table) WHERE \(column) = ?", arguments: [value])
            .map { row in try Self(row: StoredRow(row: row, table: table), db) }
    }

    /// Each in turn, in the order given.
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        try writer.each(batch[keyPath: batchEntries])
    }
}

extension EntryKind {
    /// How the ledger stores entries of this kind, or `nil` if this version cannot.
    var stored: (any StoredEntry.Type)? { entryType as? any StoredEntry.Type }

    /// How the ledger stores entries of this kind; a `.database` error if this version cannot.
    func requireStored() throws(LedgerError) -> any StoredEntry.Type {
        guard let stored else { throw LedgerError(.database, "this version cannot store \(title) entries") }
        return stored
    }
}
