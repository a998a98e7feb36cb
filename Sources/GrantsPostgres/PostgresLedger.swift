import GrantsCore
import GrantsStore

/// The migrations of a ledger kept in PostgreSQL, in order: each runs once, in one transaction, and is never edited
/// once shipped. They are PostgreSQL's own (SQLite's are in `GrantsStore/Schema`), versioned the same way: a
/// database that has run one this version does not know was made by a newer version, and is refused.
enum PostgresSchema {
    static let migrations: [(identifier: String, sql: String)] = [
        ("pg-v1-ledger", v1Ledger),
    ]
}

extension Ledger {
    /// Opens the ledger kept in the PostgreSQL database at `url` (`postgres://user@host:port/database`) as `mode`
    /// says: `.create` brings an empty database or an older ledger up to date; `.readWrite` and `.readOnly` need a
    /// ledger there already (`.readOnly` one whose schema is up to date). A ledger made by a newer version is refused.
    public static func postgres(url: String, mode: OpenMode = .create) throws(LedgerError) -> Ledger {
        let server = try PostgresServer(url: url)
        let driver = PostgresDriver(server)
        do {
            try migrate(driver, mode: mode)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.database, "cannot open the ledger at \(server): \(error)")
        }
        return Ledger(driver: driver, mode: mode)
    }

    /// The migrations due, after refusing a database this version must not open as `mode`; with `.create`, runs them.
    private static func migrate(_ driver: PostgresDriver, mode: OpenMode) throws {
        let known = PostgresSchema.migrations.map(\.identifier)
        let applied = try driver.read(appliedMigrations)
        if let newer = applied.first(where: { !known.contains($0) }) {
            throw LedgerError(
                .database,
                "the ledger at \(driver.location) was made by a newer version of grants (it has run migration "
                    + "\(newer)); use that version")
        }
        let pending = known.filter { !applied.contains($0) }
        guard let first = pending.first else { return }
        switch mode {
        case .readOnly where !applied.isEmpty, .readWrite where !applied.isEmpty:
            throw LedgerError(
                .database,
                "the ledger at \(driver.location) was made by an older version of grants and needs upgrading "
                    + "(migration \(first) is due); run `grants init` to upgrade it, which keeps every entry")
        case .readOnly, .readWrite:
            throw LedgerError(.database, "no ledger at \(driver.location); run `grants init` first")
        case .create:
            try driver.write(large: false) { db in
                // Under the writers' lock: a second process opening the same new database waits, then finds the
                // migrations run.
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS grants_schema_migrations (
                      identifier text COLLATE "C" PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """)
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grants_schema_migrations")
                for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
                    guard let session = db.session as? PostgresSession else {
                        throw LedgerError(.database, "a PostgreSQL ledger was given another database's connection")
                    }
                    try session.run(migration.sql)
                    try db.execute(
                        sql: "INSERT INTO grants_schema_migrations (identifier) VALUES (?)",
                        arguments: [migration.identifier])
                }
            }
        }
    }

    /// The migrations the database has run, none for an empty one.
    private static func appliedMigrations(_ db: SQLConnection) throws -> [String] {
        guard try String.fetchOne(db, sql: "SELECT CAST(to_regclass('grants_schema_migrations') AS text)") != nil
        else { return [] }
        return try String.fetchAll(db, sql: "SELECT identifier FROM grants_schema_migrations ORDER BY identifier")
    }
}
