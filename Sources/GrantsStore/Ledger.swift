import Foundation
import GRDB
import GrantsCore

/// The grants ledger: append-only, its invariants held by the database inside every write transaction. Kept in an
/// SQLite file (or memory) by default, or in PostgreSQL (`GrantsPostgres`); the same queries and checks run on both.
public final class Ledger: Sendable {
    let driver: any SQLDriver
    /// How the ledger was opened; an in-memory ledger is `.create`.
    public let mode: OpenMode

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
            driver = SQLiteDriver(writer: pool, location: path)
        } catch {
            throw LedgerError(.database, "cannot open the ledger at \(path): \(Ledger.explain(error))")
        }
        self.mode = mode
    }

    /// Where the ledger is, for messages: a file's path, "memory", or a PostgreSQL address without its password.
    public var location: String { driver.location }

    /// The ledger kept by `driver`, opened as `mode` (the driver has brought its schema up to date already).
    package init(driver: any SQLDriver, mode: OpenMode) {
        self.driver = driver
        self.mode = mode
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
            driver = SQLiteDriver(writer: queue, location: "memory")
            mode = .create
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
    func record(_ batch: LedgerBatch, as change: Change, then: (SQLConnection, RecordOutcome) throws -> Void) throws(LedgerError)
        -> RecordOutcome
    {
        try write(refusal: nil, large: true) { db in
            let written = try BatchWriter(db: db, change: change).write(batch)
            try then(db, written)
            return written
        }
    }

    /// Runs `body` in one write transaction (see `SQLDriver.write`): all of it, or none. A `LedgerError` it throws
    /// passes through; the database's refusal of a change is `refusal` when given (the tables beside the ledger,
    /// whose constraints are their only checks), and any other failure is `.database`.
    func write<T>(
        refusal: LedgerError.Code?, large: Bool = false, _ body: (SQLConnection) throws -> T
    ) throws(LedgerError) -> T {
        if mode == .readOnly {
            throw LedgerError(
                .database, "the ledger at \(driver.location) was opened for reading only; nothing was recorded")
        }
        do {
            return try driver.write(large: large, body)
        } catch let error as LedgerError {
            throw error
        } catch {
            if let refusal, Self.isRefusal(error) {
                throw LedgerError(refusal, "the ledger refused the change: \(Ledger.explain(error))")
            }
            throw LedgerError(Self.failureCode(error), "cannot write to the ledger: \(Ledger.explain(error))")
        }
    }

    func read<T>(_ body: (SQLConnection) throws -> T) throws(LedgerError) -> T {
        do {
            return try driver.read(body)
        } catch {
            throw Self.readError(error)
        }
    }

    /// What went wrong in a read, as a `LedgerError`: one already, or the database's failure in words.
    static func readError(_ error: any Error) -> LedgerError {
        error as? LedgerError ?? LedgerError(Self.failureCode(error), "cannot read the ledger: \(Ledger.explain(error))")
    }

    /// `.unavailable` when the database server could not be reached or went away part way, else `.database`.
    static func failureCode(_ error: any Error) -> LedgerError.Code {
        (error as? SQLDriverError)?.kind == .unreachable ? .unavailable : .database
    }

    static func explain(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? error.description
        }
        return String(describing: error)
    }

    /// Whether `error` is the database refusing a change by a constraint or a trigger.
    static func isRefusal(_ error: any Error) -> Bool {
        if let error = error as? DatabaseError { return error.resultCode == .SQLITE_CONSTRAINT }
        return (error as? SQLDriverError)?.kind == .refused
    }
}
