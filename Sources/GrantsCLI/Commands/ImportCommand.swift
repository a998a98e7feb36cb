import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsWorkflows

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
        let outcome = try ledger.recording { store, stamp throws(WorkflowError) in
            try LedgerImport.record(paths: paths, reason: reason, in: store, by: stamp)
        }
        print(RecordingRenderer.describe(outcome))
    }
}
