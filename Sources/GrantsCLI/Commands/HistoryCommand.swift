import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsWorkflows

/// `grants history`: every change ever made to the ledger, who made it, when and why.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Show the append-only history: what was recorded, by whom, when and why.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "Only the lines about this entry id.")
    var entry: String?

    @Option(help: "Only the newest so many lines.")
    var limit: Int?

    @Option(help: "text or json.")
    var format: Format = .text

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let store = try ledger.openForReading()
        let lines = try attempt { () throws(WorkflowError) in
            try LedgerReports.history(entry: entry, limit: limit, in: store)
        }
        switch format {
        case .text: print(HistoryRenderer.text(lines), terminator: "")
        case .json: print(HistoryRenderer.json(lines).rendered())
        }
    }
}
