import ArgumentParser
import GrantsCore
import GrantsStore

/// `grants ledger`: what is done to a ledger as a whole.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Work on a ledger as a whole.", subcommands: [LedgerCopyCommand.self])
}

/// `grants ledger copy --from A --to B`: moves a whole ledger into an empty one (SQLite to PostgreSQL, say), then
/// proves that both are the same ledger.
struct LedgerCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole ledger into an empty one (a file or postgres://…), then prove both the same.",
        discussion: """
            Every entry is recorded in the copy in the order it was first recorded, with its line of history, so the \
            copy's own database checks each again; then the accounts, sessions, drafts, reports and tokens kept \
            beside the ledger. All in one transaction: a failure leaves the copy as it was. The copy must hold \
            nothing yet (`grants init --db` makes one). Then both are reconciled and their fingerprints compared.
            """)

    @Option(name: .long, help: "The ledger to copy: a file, or postgres://user@host:port/dbname.")
    var from: String

    @Option(name: .long, help: "The empty ledger to copy into: a file (made if missing), or postgres://….")
    var to: String

    func run() throws {
        guard from != to else {
            throw failure(LedgerError(.invalidEntry, "--from and --to name the same ledger", field: "to"))
        }
        if !LedgerOptions.exists(from) {
            throw failure(LedgerError(.database, "no ledger at \(from)"))
        }
        let copy: LedgerCopy
        let source: Ledger
        let target: Ledger
        do {
            source = try LedgerOptions.open(from, .readOnly)
            target = try LedgerOptions.open(to, .create)
            copy = try source.copy(to: target)
        } catch {
            throw failure(error)
        }
        let checks = copy.reconciliation.checks.count
        let balance = copy.reconciliation.balances ? "all balance" : "not all balance, in both alike"
        print("""
            Copied \(copy.entries) entries, and \(copy.besides) rows kept beside them, from \(source.location) to \
            \(target.location).
            Both reconcile to the same \(checks) checks (\(balance)) and have the fingerprint \(copy.fingerprint).
            """)
    }
}
