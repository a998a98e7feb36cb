import ArgumentParser
import Foundation
import GrantsCore
import GrantsStore

/// The options every command that touches the ledger shares.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: "The ledger file (default: $GRANTS_DB, else ./grants.sqlite).")
    var db: String?

    @Option(name: .long, help: "Who is making the change, for the history (default: $GRANTS_ACTOR, else $USER).")
    var actor: String?

    /// The ledger path this run uses.
    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["GRANTS_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "grants.sqlite"
    }

    var actorName: String {
        let environment = ProcessInfo.processInfo.environment
        return actor ?? environment["GRANTS_ACTOR"] ?? environment["USER"] ?? "unknown"
    }

    /// Opens the ledger, which must exist unless `create` is set.
    func open(create: Bool = false) throws(ExitCode) -> Ledger {
        if !create && !Ledger.exists(at: path) {
            throw failure("no ledger at \(path); run `grants init` first, or name one with --db", ExitStatus.ioError)
        }
        do {
            return try Ledger(path: path)
        } catch {
            throw failure(error)
        }
    }

    /// The change record for this run: who, now (read here, in the CLI, and nowhere below), and why.
    func change(reason: String) throws(ExitCode) -> Change {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        let now = formatter.string(from: Date())
        do {
            return Change(actor: actorName, at: try Timestamp(parsing: now), reason: reason)
        } catch {
            throw failure("the system clock gave an unreadable time: \(error)", ExitStatus.ioError)
        }
    }
}
