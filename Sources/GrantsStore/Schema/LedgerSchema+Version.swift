import GRDB
import GrantsCore

extension LedgerSchema {
    /// The `user_version` this version writes (none: it leaves SQLite's 0). A ledger with a higher one was made by a
    /// version that knows something this one does not.
    static let userVersion = 0

    /// The migrations this version would still run on the ledger `db` holds, after refusing a file that is not a
    /// ledger this version may open: one a newer version made (an unknown migration, or a higher `user_version`),
    /// a SQLite database that is not a ledger, or (unless `mode` is `.create`) an empty file.
    static func pendingMigrations(_ db: Database, path: String, mode: Ledger.OpenMode) throws -> [String] {
        let migrator = self.migrator
        guard try db.tableExists("grdb_migrations") else {
            let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if objects > 0 {
                throw LedgerError(
                    .database, "\(path) is an SQLite database but not a grants ledger; name the ledger with --db")
            }
            if mode != .create {
                throw LedgerError(.database, "no ledger at \(path): the file is empty; run `grants init` first")
            }
            return migrator.migrations
        }
        let known = migrator.migrations
        let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if !unknown.isEmpty || userVersion > Self.userVersion {
            let made = unknown.isEmpty
                ? "its user_version is \(userVersion), above this version's \(Self.userVersion)"
                : "it has migration \(unknown.joined(separator: ", ")), which this version does not know"
            throw LedgerError(
                .database,
                "the ledger at \(path) was made by a newer version of grants: \(made) (this version knows "
                    + "\(known.joined(separator: ", "))); open it with that version or a later one")
        }
        let applied = try migrator.appliedMigrations(db)
        return known.filter { !applied.contains($0) }
    }
}
