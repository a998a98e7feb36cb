import ArgumentParser
import Foundation
import GrantsCore
import GrantsReports
import GrantsStore
import GrantsWorkflows
#if GRANTS_POSTGRES
import GrantsPostgres
#endif

/// The options every command that touches the ledger shares.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger: a file, or a PostgreSQL database as postgres://user@host:port/dbname (default: $GRANTS_DB, "
                + "else ./grants.sqlite)."))
    var db: String?

    @Option(name: .long, help: "Who is making the change, for the history (default: $GRANTS_ACTOR, else $USER).")
    var actor: String?

    /// The ledger path this run uses.
    var path: String { Self.named(db) ?? "grants.sqlite" }

    /// The ledger named by `--db`, else by $GRANTS_DB, else none.
    static func named(_ db: String?) -> String? {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["GRANTS_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return nil
    }

    var actorName: String {
        let environment = ProcessInfo.processInfo.environment
        return actor ?? environment["GRANTS_ACTOR"] ?? environment["USER"] ?? "unknown"
    }

    /// Opens the ledger, which must exist unless `create` is set.
    func open(create: Bool = false) throws(ExitCode) -> Ledger {
        try open(create ? .create : .readWrite)
    }

    /// Opens the ledger for reading only: nothing is migrated or written, and no writer is waited for.
    func openForReading() throws(ExitCode) -> Ledger {
        try open(.readOnly)
    }

    private func open(_ mode: Ledger.OpenMode) throws(ExitCode) -> Ledger {
        if mode != .create && !Self.exists(path) {
            throw failure(WorkflowError(
                .io, "no ledger at \(path); run `grants init` first, or name one with --db"))
        }
        do {
            return try Self.open(path, mode)
        } catch {
            throw failure(error)
        }
    }

    /// Whether `location` is a PostgreSQL database rather than a file.
    static func isServer(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Whether there may be a ledger at `location`: a file that exists, or any PostgreSQL database (opening it says).
    static func exists(_ location: String) -> Bool {
        isServer(location) || Ledger.exists(at: location)
    }

    /// Opens the ledger at `location` as `mode` says: in PostgreSQL for a `postgres://` address, else in SQLite.
    static func open(_ location: String, _ mode: Ledger.OpenMode) throws(LedgerError) -> Ledger {
        if isServer(location) {
            #if GRANTS_POSTGRES
            return try Ledger.postgres(url: location, mode: mode)
            #else
            throw LedgerError(.database, "this build of grants has no PostgreSQL store; \(location) cannot be opened")
            #endif
        }
        return try Ledger(path: location, mode: mode)
    }

    /// Who is acting, and now: the clock is read here, in the CLI, and nowhere below.
    func stamp() throws(ExitCode) -> Stamp {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        do {
            return Stamp(actor: actorName, at: try Timestamp(parsing: formatter.string(from: Date())))
        } catch {
            throw failure(WorkflowError(.io, "the system clock gave an unreadable time: \(error)"))
        }
    }
}

extension LedgerOptions {
    /// Opens the ledger, stamps who and when, and runs one workflow step that records, turning its failure into the
    /// exit code.
    func recording<T>(_ step: (Ledger, Stamp) throws(WorkflowError) -> T) throws(ExitCode) -> T {
        let store = try open()
        let stamp = try stamp()
        return try attempt { () throws(WorkflowError) in try step(store, stamp) }
    }
}

/// Parses what was typed for an option (`Input.day`, `Input.money`…), turning a bad value into exit 64.
func typed<T>(_ text: String, _ field: String, _ parse: (String, String) throws(WorkflowError) -> T) throws(ExitCode) -> T {
    try attempt { () throws(WorkflowError) in try parse(text, field) }
}

/// Says what recording did: `done` when something new was written, else that it was already there.
func report(_ outcome: RecordOutcome, done: String) {
    print(outcome.addedCount == 0 ? "Nothing new: already recorded." : TerminalText.inert(done))
}
