import Foundation
import GRDB
import GrantsCore

/// The grants ledger: an append-only SQLite file whose invariants hold inside every write transaction.
public final class Ledger: Sendable {
    let writer: any DatabaseWriter
    /// How the file was opened; an in-memory ledger is `.create`.
    public let mode: OpenMode
    /// The file, or `nil` in memory.
    let path: String?

    /// How a ledger file is opened: for reading only, for recording in an existing ledger, or creating one.
    public enum OpenMode: Sendable {
        /// Reading only (status, history, reconcile, returns, the year end's report, checking bids): SQLite opens
        /// the file read-only, so nothing is migrated or written, a file the user may only read is read, and a
        /// writer is never waited for (the ledger is in WAL mode, where readers see the last commit). A file that
        /// is missing or empty, or is not a ledger, is refused; so is a ledger made by a newer version, and one
        /// made by an older version whose schema this version has not brought up to date yet (`grants init`
        /// does, keeping every entry): reading it as it is could fail half-way on a view it lacks.
        case readOnly
        /// Recording in an existing ledger: the file must already be one; its schema is brought up to date first.
        /// A missing or empty file is refused as `.readOnly` refuses it, and so is one a newer version made.
        case readWrite
        /// As `.readWrite`, but a missing or empty file becomes a new, empty ledger (`grants init`, the tests).
        case create
    }

    /// Opens the ledger at `path` as `mode` says (by default creating it if need be), in WAL mode.
    ///
    /// Opening for writing runs the migrations that are due, and GRDB recreates the `-wal` file when it is missing,
    /// which changes the file's `schema_version` (by two) even when nothing else changes; opening `.readOnly` never
    /// changes the file at all.
    public init(path: String, mode: OpenMode = .create) throws(LedgerError) {
        // Looked at read-only first, so that a file this version must not open (another database, a newer ledger,
        // an empty file for a reader) is refused before GRDB sets up WAL mode in it or a migration runs.
        let pending: [String]
        if Ledger.exists(at: path) {
            pending = try Ledger.inspect(path, mode: mode)
        } else if mode == .create {
            pending = LedgerSchema.migrator.migrations
        } else {
            throw LedgerError(.database, "no ledger at \(path); run `grants init` first")
        }
        if mode == .readOnly, let first = pending.first {
            throw LedgerError(
                .database,
                "the ledger at \(path) was made by an older version of grants and needs upgrading (migration "
                    + "\(first) is due); run `grants init` to upgrade it, which keeps every entry")
        }
        var config = Configuration()
        config.label = "grants-ledger"
        // SQLite's default page cache is 2 MiB; a ledger of a million awards has indexes far larger, and an import
        // touching them all then spends its time reading and writing pages through the kernel. 64 MiB each for a
        // ledger opened to write; 4 MiB to read, where queries walk the tables once and the kernel's cache serves
        // the rest (as fast, measured), so that a return or a status of a ledger of any size takes the same memory.
        let cachePages = mode == .readOnly ? "-4096" : "-65536"
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = " + cachePages) }
        if mode == .readOnly {
            config.readonly = true
            config.busyMode = .timeout(10)
        } else {
            // Another process writing: wait for it rather than fail, long enough for any real import.
            config.busyMode = .timeout(30)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            if !pending.isEmpty {
                try LedgerSchema.migrator.migrate(pool)
            }
            writer = pool
        } catch {
            throw LedgerError(.database, "cannot open the ledger at \(path): \(Ledger.explain(error))")
        }
        self.mode = mode
        self.path = path
    }

    /// The migrations due on the file at `path`, read through a read-only connection that changes nothing; or the
    /// refusal of a file that is not a ledger this version may open as `mode` (see `LedgerSchema.pendingMigrations`).
    private static func inspect(_ path: String, mode: OpenMode) throws(LedgerError) -> [String] {
        var config = Configuration()
        config.readonly = true
        config.label = "grants-ledger-inspection"
        // A reader waits only in SQLite's rare cases (another process recovering the file, or the last one closing
        // it); a writer-to-be as long as it would wait to write.
        config.busyMode = .timeout(mode == .readOnly ? 10 : 30)
        do {
            return try DatabaseQueue(path: path, configuration: config).read { db in
                try LedgerSchema.pendingMigrations(db, path: path, mode: mode)
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.database, "cannot open the ledger at \(path): \(Ledger.explain(error))")
        }
    }

    /// A ledger in memory only, gone when released: for the demo and tests.
    public init() throws(LedgerError) {
        do {
            let queue = try DatabaseQueue()
            try LedgerSchema.migrator.migrate(queue)
            writer = queue
            mode = .create
            path = nil
        } catch {
            throw LedgerError(.database, "cannot create an in-memory ledger: \(Ledger.explain(error))")
        }
    }

    /// Whether a ledger file exists at `path`.
    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Records every entry of `batch`, or none: in one IMMEDIATE transaction, so no other writer can slip in
    /// between a check and the write it guards. Entries already stored exactly as given are left alone.
    @discardableResult
    public func record(_ batch: LedgerBatch, as change: Change) throws(LedgerError) -> RecordOutcome {
        try record(batch, as: change, then: { _, _ in })
    }

    /// Records `batch` as `record(_:as:)` does, then runs `then` in the same transaction with what was recorded: what
    /// it writes beside the entries stands or falls with them, and what it throws undoes them.
    func record(_ batch: LedgerBatch, as change: Change, then: (Database, RecordOutcome) throws -> Void) throws(LedgerError)
        -> RecordOutcome
    {
        if mode == .readOnly {
            throw LedgerError(.database, "the ledger at \(path ?? "?") was opened for reading only; nothing was recorded")
        }
        do {
            var outcome: RecordOutcome?
            try writer.writeWithoutTransaction { db in
                // Every insert whose triggers keep balances writes a statement journal (so that a refusal undoes
                // the statement alone); in a temporary file, that was a dozen system calls an entry, a third of an
                // import's time. While recording they are kept in memory (each is a few pages). A large batch also
                // changes more pages than the usual cache holds: the cache may grow to 1 GiB while recording (pages
                // are only allocated as used). Both go back afterwards.
                try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -1048576")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT; PRAGMA cache_size = -65536") }
                try db.inTransaction(.immediate) {
                    let writer = BatchWriter(db: db, change: change)
                    let written = try writer.write(batch)
                    try then(db, written)
                    outcome = written
                    return .commit
                }
            }
            guard let outcome else { throw LedgerError(.database, "the transaction ended without an outcome") }
            return outcome
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.database, "cannot write to the ledger: \(Ledger.explain(error))")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.readError(error)
        }
    }

    /// What went wrong in a read, as a `LedgerError`: one already, or the database's failure in words.
    static func readError(_ error: any Error) -> LedgerError {
        error as? LedgerError ?? LedgerError(.database, "cannot read the ledger: \(Ledger.explain(error))")
    }

    static func explain(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? error.description
        }
        return String(describing: error)
    }
}
