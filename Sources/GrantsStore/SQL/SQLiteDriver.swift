import GrantsCore
import GRDB
import GRDBSQLite

/// The ledger in SQLite, through GRDB: a file in WAL mode (a pool: readers never wait for the writer) or memory.
struct SQLiteDriver: SQLDriver {
    let writer: any DatabaseWriter
    let location: String

    var dialect: SQLDialect { .sqlite }

    func read<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        try writer.read { db in try body(SQLConnection(SQLiteSession(db))) }
    }

    /// One IMMEDIATE transaction: SQLite lets one writer in at a time, so no other writer can slip in between a
    /// check and the write it guards.
    func write<T>(large: Bool, _ body: (SQLConnection) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            guard large else { return try transaction(db, body) }
            // Every insert whose triggers keep balances writes a statement journal (so that a refusal undoes the
            // statement alone); in a temporary file, that was a dozen system calls an entry, a third of an import's
            // time. While recording they are kept in memory (each is a few pages). A large batch also changes more
            // pages than the usual cache holds: the cache may grow to 1 GiB while recording (pages are only
            // allocated as used). Both go back afterwards.
            try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -1048576")
            defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -65536") }
            return try transaction(db, body)
        }
    }

    private func transaction<T>(_ db: Database, _ body: (SQLConnection) throws -> T) throws -> T {
        var result: T?
        try db.inTransaction(.immediate) {
            result = try body(SQLConnection(SQLiteSession(db)))
            return .commit
        }
        guard let result else { throw LedgerError(.database, "the transaction ended without an outcome") }
        return result
    }
}

/// One GRDB connection as an `SQLSession`.
final class SQLiteSession: SQLSession {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> Int {
        if cached {
            try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
        } else {
            try db.execute(sql: sql, arguments: Self.arguments(arguments))
        }
        return db.changesCount
    }

    func cursor(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> SQLRowCursor {
        let statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: Self.arguments(arguments))
        let columns = SQLColumns(statement.columnNames)
        // Each row's values are read straight from SQLite's statement while the cursor stands on it (through GRDB's
        // values, a row cost a fifth more on a return's hot path).
        let sqliteStatement = statement.sqliteStatement
        let count = CInt(columns.names.count)
        return SQLRowCursor {
            guard try rows.next() != nil else { return nil }
            var values: [SQLValue] = []
            values.reserveCapacity(Int(count))
            for index in 0..<count {
                values.append(try Self.value(sqliteStatement, index))
            }
            return SQLRow(columns: columns, values: values)
        }
    }

    private static func value(_ statement: SQLiteStatement, _ index: CInt) throws -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        default:
            // Text; the ledger stores no reals or blobs, and read as text they fail any check that expects a number.
            guard let text = sqlite3_column_text(statement, index) else {
                // No text for a value that is not NULL: SQLite ran out of memory converting it (an empty blob aside).
                if sqlite3_errcode(sqlite3_db_handle(statement)) == SQLITE_NOMEM {
                    throw SQLDriverError(.failed, "SQLite ran out of memory reading a value")
                }
                return .text("")
            }
            let length = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        }
    }

    /// As GRDB takes them: its existential values, as the ledger's queries gave them before this layer (a sequence
    /// of `DatabaseValue` goes through a generic path that cost a tenth of an import).
    private static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        if !arguments.named.isEmpty {
            return StatementArguments(arguments.named.mapValues(grdbValue))
        }
        return StatementArguments(arguments.positional.map(grdbValue))
    }

    private static func grdbValue(_ value: SQLValue) -> (any DatabaseValueConvertible)? {
        switch value {
        case .null: nil
        case .integer(let int): int
        case .text(let text): text
        }
    }
}
