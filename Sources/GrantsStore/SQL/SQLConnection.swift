import GrantsCore

/// The two SQL dialects the ledger speaks. The ledger's queries are written once, in the SQL both share; the few
/// places the two spell a thing differently ask the dialect.
package enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// `expression`'s values of a group joined by single spaces, in the order the rows come.
    package func spaceSeparated(_ expression: String) -> String {
        switch self {
        case .sqlite: "group_concat(\(expression), ' ')"
        case .postgres: "string_agg(\(expression), ' ')"
        }
    }

    /// The larger of two values that are never NULL.
    package func greatest(_ a: String, _ b: String) -> String {
        switch self {
        case .sqlite: "max(\(a), \(b))"
        case .postgres: "GREATEST(\(a), \(b))"
        }
    }

    /// The smaller of two values (NULL if either is NULL, as SQLite's two-argument `MIN`), in the SQL both speak.
    package static func least(_ a: String, _ b: String) -> String {
        "(CASE WHEN (\(a)) <= (\(b)) THEN (\(a)) ELSE (\(b)) END)"
    }
}

/// One database connection as the ledger uses it: inside a read or a write transaction its driver opened.
package protocol SQLSession: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs `sql` (in SQLite, perhaps several statements); returns how many rows the last statement changed.
    /// `cached` asks for the statement to be prepared once per connection and kept.
    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> Int
    /// The rows of the statement `sql`, read as the cursor is walked.
    func cursor(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> SQLRowCursor
}

/// What the ledger's queries are given: one connection, within a transaction, with the few calls they make
/// (`execute`, and the `fetchOne`, `fetchAll` and `fetchCursor` of rows and of single values).
package final class SQLConnection {
    package let session: any SQLSession
    /// How many rows the last statement `execute` ran changed.
    package private(set) var changesCount = 0

    package init(_ session: any SQLSession) {
        self.session = session
    }

    package var dialect: SQLDialect { session.dialect }

    package func execute(sql: String, arguments: SQLArguments = SQLArguments()) throws {
        changesCount = try session.execute(sql, arguments, cached: false)
    }

    /// Runs `sql` prepared once per connection: the ledger's writes run the same few statements for every entry, and
    /// preparing one anew each time cost more than running it.
    package func execute(cachedSQL sql: String, arguments: SQLArguments = SQLArguments()) throws {
        changesCount = try session.execute(sql, arguments, cached: true)
    }
}

extension SQLRow {
    package static func fetchCursor(
        _ db: SQLConnection, sql: String, arguments: SQLArguments = SQLArguments()
    ) throws -> SQLRowCursor {
        try db.session.cursor(sql, arguments, cached: false)
    }

    package static func fetchOne(_ db: SQLConnection, sql: String, arguments: SQLArguments = SQLArguments()) throws
        -> SQLRow?
    {
        try db.session.cursor(sql, arguments, cached: false).next()
    }

    package static func fetchOne(
        _ db: SQLConnection, cachedSQL sql: String, arguments: SQLArguments = SQLArguments()
    ) throws -> SQLRow? {
        try db.session.cursor(sql, arguments, cached: true).next()
    }

    package static func fetchAll(_ db: SQLConnection, sql: String, arguments: SQLArguments = SQLArguments()) throws
        -> [SQLRow]
    {
        try all(db.session.cursor(sql, arguments, cached: false))
    }

    package static func fetchAll(
        _ db: SQLConnection, cachedSQL sql: String, arguments: SQLArguments = SQLArguments()
    ) throws -> [SQLRow] {
        try all(db.session.cursor(sql, arguments, cached: true))
    }

    private static func all(_ cursor: SQLRowCursor) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        while let row = try cursor.next() {
            rows.append(row)
        }
        return rows
    }
}

extension SQLValueConvertible {
    /// The first column of the first row, or nil when there is no row or it holds NULL.
    package static func fetchOne(_ db: SQLConnection, sql: String, arguments: SQLArguments = SQLArguments()) throws
        -> Self?
    {
        try SQLRow.fetchOne(db, sql: sql, arguments: arguments).flatMap { $0[0] }
    }

    package static func fetchOne(
        _ db: SQLConnection, cachedSQL sql: String, arguments: SQLArguments = SQLArguments()
    ) throws -> Self? {
        try SQLRow.fetchOne(db, cachedSQL: sql, arguments: arguments).flatMap { $0[0] }
    }

    /// The first column of every row; a row whose value is NULL or of another type is left out.
    package static func fetchAll(_ db: SQLConnection, sql: String, arguments: SQLArguments = SQLArguments()) throws
        -> [Self]
    {
        try SQLRow.fetchAll(db, sql: sql, arguments: arguments).compactMap { $0[0] }
    }

    package static func fetchAll(
        _ db: SQLConnection, cachedSQL sql: String, arguments: SQLArguments = SQLArguments()
    ) throws -> [Self] {
        try SQLRow.fetchAll(db, cachedSQL: sql, arguments: arguments).compactMap { $0[0] }
    }
}

/// A database the ledger is kept in: SQLite (a file, or memory) or PostgreSQL. It hands out connections for reading
/// and for writing, and says what went wrong in words.
package protocol SQLDriver: Sendable {
    var dialect: SQLDialect { get }
    /// Where the ledger is, for messages: a file's path, or a server and database (never a password).
    var location: String { get }
    /// Runs `body` on a connection that sees one consistent state of the ledger throughout.
    func read<T>(_ body: (SQLConnection) throws -> T) throws -> T
    /// Runs `body` in one transaction that no other writer of the ledger runs beside: committed when `body` returns,
    /// undone when it throws. Checks `body` makes hold when it commits. `large` says it may change many pages (a
    /// batch of entries), for a driver that sizes its caches for that.
    func write<T>(large: Bool, _ body: (SQLConnection) throws -> T) throws -> T
}

/// A database's failure, as a driver other than SQLite's reports it: in words, and whether it is the database
/// refusing a change (a constraint or a trigger) or the database out of reach.
package struct SQLDriverError: Error, CustomStringConvertible {
    package enum Kind: Sendable {
        /// A constraint or trigger refused the change; nothing was written.
        case refused
        /// The server could not be reached, or went away part way: the transaction was not committed, unless it went
        /// away while answering COMMIT, when it may have been.
        case unreachable
        /// Anything else the database said.
        case failed
    }

    package let kind: Kind
    package let message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { message }
}

extension SQLConnection {
    /// Runs the INSERT `sql` into a table whose key is a number the database chooses (`id`), and returns that number.
    package func insert(sql: String, arguments: SQLArguments = SQLArguments()) throws -> Int64 {
        guard let id = try Int64.fetchOne(self, sql: sql + " RETURNING id", arguments: arguments) else {
            throw LedgerError(.database, "the database chose no number for the row it added")
        }
        changesCount = 1
        return id
    }
}
