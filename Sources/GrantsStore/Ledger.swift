import Foundation
import GRDB
import GrantsCore

/// The grants ledger: an append-only SQLite file whose invariants hold inside every write transaction.
public final class Ledger: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating if need be) the ledger at `path`, in WAL mode, and brings its schema up to date.
    public init(path: String) throws(LedgerError) {
        var config = Configuration()
        // Another process writing: wait for it rather than fail, long enough for any real import.
        config.busyMode = .timeout(30)
        config.label = "grants-ledger"
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            try LedgerSchema.migrator.migrate(pool)
            writer = pool
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
        do {
            var outcome: RecordOutcome?
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let writer = BatchWriter(db: db, change: change)
                    outcome = try writer.write(batch)
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
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.database, "cannot read the ledger: \(Ledger.explain(error))")
        }
    }

    static func explain(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? error.description
        }
        return String(describing: error)
    }
}
