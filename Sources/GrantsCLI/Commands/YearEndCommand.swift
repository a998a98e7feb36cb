import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsWorkflows

/// `grants year-end 2017/18 [--close --date DAY]`: what keeps a year open, and closing it.
struct YearEndCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year-end",
        abstract: "List awards still open, claims unpaid, underspend owed and allocations not committed; --close closes the year.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The financial year, such as 2017/18.") var year: String
    @Flag(help: "Close the year (only once nothing is open); its funds then take no new awards.") var close = false
    @Option(help: "The day the year is closed (with --close).") var date: String?

    func run() throws {
        let financialYear = try typed(year, "year", Input.year)
        let store = close ? try ledger.open() : try ledger.openForReading()
        let report = try attempt { () throws(WorkflowError) in try YearEndWorkflow.report(financialYear, in: store) }
        print(YearEndRenderer.text(report), terminator: "")
        guard close else {
            if report.isHeldOpen { throw ExitStatus.checkFailed }
            return
        }
        guard let date else { throw failure(WorkflowError(.usage, "--close needs --date")) }
        let day = try typed(date, "--date", Input.day)
        let stamp = try ledger.stamp()
        let outcome = try attempt { () throws(WorkflowError) in
            try YearEndWorkflow.close(financialYear, on: day, in: store, by: stamp)
        }
        GrantsCLI.report(outcome, done: "Closed \(financialYear) on \(day): its funds take no new awards.")
    }
}

/// `grants reconcile`: proves the ledger balances, or names the first thing that does not.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Prove the ledger balances: pot, allocations, awards, payments and returns; exit 1 on the first that does not.")

    @OptionGroup var ledger: LedgerOptions
    @Flag(help: "Print every check, not only a summary.") var verbose = false

    func run() throws {
        let store = try ledger.openForReading()
        let result = try attempt { () throws(WorkflowError) in try LedgerReports.reconcile(store) }
        print(RecordingRenderer.reconciliation(result, verbose: verbose), terminator: "")
        if !result.balances { throw ExitStatus.checkFailed }
    }
}
