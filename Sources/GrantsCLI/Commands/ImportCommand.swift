import ArgumentParser
import GrantsCore
import GrantsImport
import GrantsStore

/// `grants import PATH...`: records ledger files, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record entries from YAML or JSON ledger files, or folders of them: all of them or none.",
        discussion: """
            Each file starts with `format: grants-ledger/1` and holds lists of organisations, funds, allocations,
            bids, awards, payments, underspend_returns, contributions and contribution_withdrawals. Entries already
            recorded exactly as given are left alone; one that differs from what is stored is refused.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "Why these entries are being recorded, for the history.")
    var reason: String?

    @Argument(help: "Ledger files or folders of them.")
    var paths: [String]

    func run() throws {
        let store = try ledger.open()
        let batch: LedgerBatch
        do {
            batch = try LedgerFile.read(paths: paths)
        } catch {
            throw failure(error)
        }
        let change = try ledger.change(reason: reason ?? "import of \(paths.joined(separator: ", "))")
        let outcome: RecordOutcome
        do {
            outcome = try store.record(batch, as: change)
        } catch {
            throw failure(error)
        }
        print(Summary.describe(outcome))
    }
}

/// Says what a recording did, in one line.
enum Summary {
    static func describe(_ outcome: RecordOutcome) -> String {
        if outcome.addedCount == 0 {
            return "Nothing new: all \(outcome.unchanged) entries are already in the ledger."
        }
        let parts = EntryKind.allCases.compactMap { kind -> String? in
            guard let count = outcome.added[kind], count > 0 else { return nil }
            return "\(count) \(kind.title)\(count == 1 ? "" : "s")"
        }
        let already = outcome.unchanged > 0 ? "; \(outcome.unchanged) already recorded" : ""
        let entries = outcome.addedCount == 1 ? "entry" : "entries"
        return "Recorded \(outcome.addedCount) \(entries): \(parts.joined(separator: ", "))\(already)."
    }
}
